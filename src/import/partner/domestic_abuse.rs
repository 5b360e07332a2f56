//! The domestic abuse incidents dataset as imported: one police domestic-abuse-flagged
//! incident or crime per row, its reference-layout columns and how a row is read.

use super::dataset::DatasetSpec;
use super::layout::{field, FieldKey, FieldSpec, PartnerLayout, ValueKind};
use super::parse::RowProblem;
use super::records::PartnerRecord;
use super::row::{no_label, non_blank, RowReader};
use super::values::{self, AgeBand, RiskLevel, Sex};
use chrono::NaiveDate;
use FieldKey as F;
use ValueKind as V;

/// The dataset as the import knows it.
pub const SPEC: DatasetSpec = DatasetSpec {
    layout: PartnerLayout::DomesticAbuse,
    key: "domestic_abuse",
    name: "Domestic abuse incidents",
    fields: &FIELDS,
    parse: read,
};

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

#[rustfmt::skip]
const FIELDS: [FieldSpec; 10] = [
    field(F::DaReference, "da_reference", "Reference", true, V::Text,
        &["Ref", "Incident reference", "Incident ref", "Crime reference", "Crime ref", "Occurrence number",
          "Occurrence no", "Occurrence reference", "Incident no", "Crime no", "URN", "Incident number", "Incident ID", "ID"]),
    field(F::DaDate, "da_date", "Date", true, V::Date,
        &["Incident date", "Date of incident", "Occurred date", "Date occurred", "Recorded date",
          "Date recorded", "Reported date", "Date reported", "Occurrence date"]),
    field(F::DaCrimeFlag, "da_crime_flag", "Crime or non-crime", true, V::CrimeFlag,
        &["Crime/non-crime", "Crime or incident", "Incident or crime", "Crime flag", "Crime",
          "Crimed", "Is crime", "Recorded as crime", "Crime status", "Crime/incident"]),
    field(F::DaOffence, "da_offence", "Offence", false, V::Text,
        &["Offence type", "Offence description", "Crime type", "Offence group", "Home Office offence"]),
    field(F::DaAreaCode, "da_area_code", "LSOA code", true, V::AreaCode,
        &["LSOA", "Ward code", "Ward", "Area code", "Area", "Geography code", "LSOA code or ward code"]),
    field(F::DaVictimSex, "da_victim_sex", "Victim sex", false, V::Sex,
        &["Sex", "Gender", "Victim gender", "Sex of victim", "Gender of victim"]),
    field(F::DaVictimAgeBand, "da_victim_age_band", "Victim age band", false, V::AgeBand,
        &["Age band", "Victim age", "Age", "Age group", "Victim age group", "Age of victim"]),
    field(F::DaRepeatVictim, "da_repeat_victim", "Repeat victim", false, V::YesNo,
        &["Repeat", "Repeat victim (Y/N)", "Repeat victim flag", "Repeat DA victim", "Repeat flag",
          "Is repeat", "Previous incident within 12 months", "Repeat within 12 months"]),
    field(F::DaRiskLevel, "da_risk_level", "Risk level", false, V::RiskLevel,
        &["Risk", "DASH risk", "DASH risk level", "DASH", "Risk grading", "Risk grade",
          "DASH grading", "Risk assessment", "DASH risk grading"]),
    field(F::DaReferredToMarac, "da_referred_to_marac", "Referred to MARAC", false, V::YesNo,
        &["Referred to MARAC (Y/N)", "MARAC referral", "MARAC", "Referred MARAC", "MARAC referred",
          "Referral to MARAC", "MARAC (Y/N)"]),
];

fn read(row: &mut RowReader) -> Result<PartnerRecord, RowProblem> {
    Ok(PartnerRecord::DomesticAbuse(DaIncident {
        reference: row.text(FieldKey::DaReference)?,
        date: row.date(FieldKey::DaDate)?,
        is_crime: row.required(FieldKey::DaCrimeFlag, values::crime_flag, |v| {
            Some(values::crime_flag_label(*v).to_string())
        })?,
        offence: row
            .optional(FieldKey::DaOffence, non_blank, no_label)?
            .unwrap_or_default(),
        area_code: row.required(FieldKey::DaAreaCode, values::area_code, no_label)?,
        victim_sex: row
            .read(FieldKey::DaVictimSex, values::sex, |v| {
                Some(v.label().to_string())
            })?
            .unwrap_or(values::Sex::Unknown),
        victim_age_band: row
            .read(FieldKey::DaVictimAgeBand, values::age_band, |v| {
                Some(values::age_band_label(v.as_ref()).to_string())
            })?
            .flatten(),
        repeat_victim: row.yes_no(FieldKey::DaRepeatVictim)?,
        risk: row
            .read(FieldKey::DaRiskLevel, values::risk_level, |v| {
                Some(values::risk_label(*v).to_string())
            })?
            .flatten(),
        referred_to_marac: row.yes_no(FieldKey::DaReferredToMarac)?,
    }))
}
