//! What the analyst said about how to read the files of an import: the kind and table
//! options ([`ReadAs`]), and the column mappings given or saved ([`MappingChoice`]).

use crate::import::field_mapping::{find_for_header, FieldMapping};
use crate::import::kind::{detect_kind, FileKind};
use crate::import::partner::ColumnMapping;
use crate::import::table::TableOptions;

/// The column mappings a batch may read files with.
#[derive(Clone, Copy, Default)]
pub struct MappingChoice<'a> {
    /// Named for this import (`--mapping NAME`): used for files no reference layout fits.
    pub given: Option<&'a ColumnMapping>,
    /// Saved in the assessment file: used for a file with the header one was made for.
    pub saved: &'a [ColumnMapping],
    /// A field mapping named for this import (police street, lookup, population or
    /// boundaries with a header of their own).
    pub given_fields: Option<&'a FieldMapping>,
    /// Field mappings saved in the assessment file, found by header.
    pub saved_fields: &'a [FieldMapping],
}

impl MappingChoice<'_> {
    /// The field mapping to read a table with `header` by: the one named for the import,
    /// else a saved one made for this header when the app does not know the header.
    pub(super) fn field_mapping_for(
        &self,
        header: &[String],
        forced: Option<FileKind>,
    ) -> Option<Result<FieldMapping, String>> {
        if let Some(given) = self.given_fields {
            return Some(given.fit_to_header(header));
        }
        let unknown = forced.is_none() && detect_kind(header) == FileKind::Unknown;
        unknown
            .then(|| find_for_header(self.saved_fields, header))
            .flatten()
            .map(|m| m.fit_to_header(header))
    }
}

/// What the analyst said about how to read the files of a batch.
#[derive(Clone, Copy)]
pub struct ReadAs<'a> {
    /// Read every file as this kind.
    pub kind: Option<FileKind>,
    /// The sheet of a workbook, and any CSV dialect chosen.
    pub table: &'a TableOptions,
}
