//! The validated record a partner row becomes: one variant per dataset, each holding that
//! dataset's own record type (declared with the rest of the dataset). Values are already
//! normalised (see `values`); counts keep suppression visible. Plain data: no parsing and
//! no storage here.

pub use super::asb_cases::AsbCase;
pub use super::domestic_abuse::DaIncident;
pub use super::marac::MaracQuarter;
use super::period::Period;
pub use super::treatment::TreatmentCount;
use crate::import::month::month_of;

/// A row of any layout.
#[derive(Debug, Clone, PartialEq)]
pub enum PartnerRecord {
    DomesticAbuse(DaIncident),
    Marac(MaracQuarter),
    AsbCase(AsbCase),
    Treatment(TreatmentCount),
    Indicator(crate::import::indicators::IndicatorRecord),
}

/// What one record covers: the month of a dated event, or the period of a count. A newer
/// file's rows replace earlier files' rows for what it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Covers {
    /// `YYYYMM`.
    Month(u32),
    Period(Period),
}

impl PartnerRecord {
    pub fn covers(&self) -> Covers {
        match self {
            PartnerRecord::DomesticAbuse(r) => Covers::Month(month_of(r.date)),
            PartnerRecord::AsbCase(r) => Covers::Month(month_of(r.opened)),
            PartnerRecord::Marac(r) => Covers::Period(r.quarter),
            PartnerRecord::Treatment(r) => Covers::Period(r.period),
            PartnerRecord::Indicator(r) => match r.period {
                crate::import::indicators::ReportingPeriod::Months(p) => Covers::Period(p),
                crate::import::indicators::ReportingPeriod::Day(d) => Covers::Month(month_of(d)),
            },
        }
    }
}
