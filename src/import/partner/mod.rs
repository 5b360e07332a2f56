//! Partner data (domestic abuse incidents, MARAC returns, council ASB cases, drug and
//! alcohol treatment counts) from CSV rows to validated records: each dataset's reference
//! layout and row parser (one module per dataset, described by a [`DatasetSpec`]), layout
//! recognition, column mappings for every other layout, date, period and value
//! normalisation, and a preview that counts what would be accepted or rejected and why.
//!
//! Pure parsing: no files are opened, nothing is stored and nothing is drawn here.

pub mod asb_cases;
pub mod dataset;
pub mod dates;
pub mod domestic_abuse;
pub mod indicators;
pub mod layout;
pub mod mapping;
pub mod marac;
pub mod parse;
pub mod period;
pub mod records;
pub mod row;
pub mod select;
pub mod treatment;
pub mod values;

pub use dataset::DatasetSpec;
pub use dates::{DateDetection, DateFormat};
pub use layout::{detect_layout, FieldKey, HeaderMatch, PartnerLayout, ValueKind};
pub use mapping::{ColumnMapping, ColumnTarget, MappingError};
pub use parse::{parse_row, preview, Preview, RowProblem};
pub use period::Period;
pub use records::{AsbCase, Covers, DaIncident, MaracQuarter, PartnerRecord, TreatmentCount};
pub use select::{choose_mapping, ChosenMapping, MappingOrigin};
pub use values::{CountValue, NormalisationLog};
