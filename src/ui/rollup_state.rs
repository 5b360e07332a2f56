//! The county roll-up page's state as plain data: the assessment files chosen, the
//! roll-up worked out from them (or why it could not be), where to export it and what
//! the last export wrote. Not tied to the open assessment file.

use crate::analysis::rollup::Rollup;
use crate::report::table::PublishedTable;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RollupState {
    pub files: Vec<PathBuf>,
    pub rollup: Option<Rollup>,
    /// The county table and the ranked lists, as the export writes them.
    pub tables: Vec<PublishedTable>,
    pub problem: Option<String>,
    pub folder: String,
    /// The files the last export wrote, or why it failed.
    pub written: Option<Result<Vec<String>, String>>,
}
