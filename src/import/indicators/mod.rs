//! Any partner's figures as a generic indicator dataset: fire, youth justice, probation,
//! housing, health, Prevent, survey results — whatever a partner keeps in a spreadsheet.
//! A table in the long layout (one row per value) or the wide layout (one column per
//! period) becomes [`IndicatorRecord`]s: indicator name, [`ReportingPeriod`], value
//! (suppressed values stay suppressed), optional area code, numerator, denominator, unit
//! and source; every cell that cannot be used is a [`RejectedCell`] with its row, column
//! and reason.
//!
//! Pure parsing: no files are opened (see `import::grid`), nothing is stored, nothing is
//! drawn.

pub mod columns;
pub mod parse;
pub mod period;
pub mod value;
pub mod wide;

pub use parse::{parse_indicator_grid, NotIndicators};
pub use period::ReportingPeriod;
pub use value::IndicatorValue;

use crate::import::grid::RowPlace;

/// One value of one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRecord {
    pub indicator: String,
    pub period: ReportingPeriod,
    pub value: IndicatorValue,
    /// An ONS LSOA, ward or district code that places the value; `None` = the whole area.
    pub area_code: Option<String>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub unit: Option<String>,
    pub source: Option<String>,
}

/// A cell (or row) that could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct RejectedCell {
    pub place: RowPlace,
    pub column: Option<String>,
    pub reason: String,
    /// The row as read, comma-separated.
    pub raw: String,
}

/// A table read as indicators.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndicatorTable {
    /// "long (one row per value)" or "wide (one column per period)".
    pub layout: &'static str,
    /// Each value with the row it came from.
    pub records: Vec<(RowPlace, IndicatorRecord)>,
    pub rejected: Vec<RejectedCell>,
    /// What the analyst should know about how the table was read.
    pub notes: Vec<String>,
}
