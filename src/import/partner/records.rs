//! The validated records a partner row becomes, one type per reference layout. Values are
//! already normalised (see `values`); counts keep suppression visible. Plain data: no
//! parsing and no storage here.

use super::period::Period;
use super::values::{AgeBand, AsbAction, CountValue, RiskLevel, Sex, SubstanceGroup};
use chrono::NaiveDate;

/// One police domestic-abuse-flagged incident or crime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaIncident {
    pub reference: String,
    pub date: NaiveDate,
    pub is_crime: bool,
    /// Blank when not given (usual for non-crimes).
    pub offence: String,
    /// ONS LSOA or ward code, upper case.
    pub area_code: String,
    pub victim_sex: Sex,
    pub victim_age_band: Option<AgeBand>,
    /// Previous incident within 12 months; `None` when not recorded.
    pub repeat_victim: Option<bool>,
    pub risk: Option<RiskLevel>,
    pub referred_to_marac: Option<bool>,
}

/// One quarter of a MARAC's SafeLives return. Counts other than cases and repeats are
/// optional columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaracQuarter {
    /// Always a financial-year quarter.
    pub quarter: Period,
    pub cases_discussed: CountValue,
    pub repeat_cases: CountValue,
    pub children_in_households: Option<CountValue>,
    pub referrals_from_police: Option<CountValue>,
    pub referrals_from_other_agencies: Option<CountValue>,
    pub male_victims: Option<CountValue>,
    pub bame_victims: Option<CountValue>,
    pub lgbt_victims: Option<CountValue>,
    pub victims_with_disability: Option<CountValue>,
    pub victims_aged_16_17: Option<CountValue>,
}

/// One council ASB case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsbCase {
    pub reference: String,
    pub opened: NaiveDate,
    /// `None` while the case is open.
    pub closed: Option<NaiveDate>,
    pub category: String,
    /// Ward or LSOA code, ward name or postcode, as written.
    pub area: String,
    pub repeat: Option<bool>,
    /// `None` when the column is absent or blank; `Some(AsbAction::NoAction)` when the
    /// council recorded that nothing was done.
    pub action: Option<AsbAction>,
}

/// NDTMS-style counts for one substance group in one period. Only `in_treatment` is a
/// required column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreatmentCount {
    pub period: Period,
    pub substance_group: SubstanceGroup,
    pub in_treatment: CountValue,
    pub new_presentations: Option<CountValue>,
    pub successful_completions: Option<CountValue>,
    /// Re-presentations within 6 months of a successful completion.
    pub re_presentations: Option<CountValue>,
}

/// A row of any layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartnerRecord {
    DomesticAbuse(DaIncident),
    Marac(MaracQuarter),
    AsbCase(AsbCase),
    Treatment(TreatmentCount),
}
