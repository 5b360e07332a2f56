//! Partner data in the assessment file: writing the validated records of each reference
//! layout (domestic abuse, MARAC, council ASB cases, treatment), replacing an earlier
//! file's rows for the period a newer file covers, reading the rows back for the pages,
//! and the column mappings saved by name. No egui and no statistics here.

mod mappings;
mod read;
mod replace;
mod suppressed;
mod write;

pub use mappings::load_mappings;
pub use read::{PartnerHoldings, PartnerRows, FEMALE_16_PLUS_KEY};
pub use replace::replace_overlap;
pub use write::{month_of, write_records};
