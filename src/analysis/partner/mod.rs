//! The partner themes' figures, as pure functions over the rows the store reads back:
//! domestic abuse incidents, MARAC quarters, council ASB cases and treatment counts, for a
//! financial year and the area of interest, each with its change on last year (one module
//! per dataset, described by a [`DatasetAnalysis`]). Also the headline figures of all of
//! them together, for `stats --json` and the report.
//!
//! Plain data in, plain data out: nothing here opens SQLite or draws.

pub mod asb_cases;
pub mod common;
pub mod dataset;
pub mod domestic_abuse;
pub mod headlines;
pub mod indicators;
pub mod marac;
pub mod place;
pub mod treatment;

pub use asb_cases::{asb_case_figures, AsbCaseFigures};
pub use dataset::{
    analysis_of, latest_complete_partner_year, DatasetAnalysis, PartnerFigures, PartnerInputs,
};
pub use domestic_abuse::{domestic_abuse_figures, DomesticAbuseFigures};
pub use headlines::{partner_headlines, PartnerHeadlines};
pub use indicators::{indicator_figures, indicator_listing, IndicatorFigures};
pub use marac::{marac_figures, MaracFigures};
pub use place::PartnerArea;
pub use treatment::{treatment_figures, TreatmentFigures};
