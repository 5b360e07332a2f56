//! Partner data in the assessment file: each dataset's table with its insert and select
//! (one module per dataset, described by a [`DatasetTable`]), replacing an earlier file's
//! rows for the period a newer file covers, reading every row back for the pages, and the
//! column mappings saved by name. No egui and no statistics here.

mod asb_cases;
mod dataset;
mod domestic_abuse;
mod indicators;
mod mappings;
mod marac;
mod read;
mod replace;
mod suppressed;
mod treatment;
mod write;

pub use dataset::{table_of, DatasetTable};
pub use mappings::load_mappings;
pub use read::PartnerRows;
pub use replace::replace_overlap;
pub use write::write_records;
