//! The MARAC quarterly summary as imported: one quarter of a MARAC's SafeLives return per
//! row, its reference-layout columns and how a row is read.

use super::dataset::DatasetSpec;
use super::layout::{field, FieldKey, FieldSpec, PartnerLayout, ValueKind};
use super::parse::RowProblem;
use super::period::{parse_quarter, Period};
use super::records::PartnerRecord;
use super::row::no_label;
use super::row::RowReader;
use super::values::CountValue;
use FieldKey as F;
use ValueKind as V;

/// The dataset as the import knows it.
pub const SPEC: DatasetSpec = DatasetSpec {
    layout: PartnerLayout::Marac,
    key: "marac",
    name: "MARAC quarterly summary",
    fields: &FIELDS,
    parse: read,
};

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

#[rustfmt::skip]
const FIELDS: [FieldSpec; 11] = [
    field(F::MaracQuarter, "marac_quarter", "Quarter", true, V::Quarter,
        &["Period", "Reporting quarter", "Qtr", "Financial quarter", "Quarter ending"]),
    field(F::MaracCasesDiscussed, "marac_cases_discussed", "Cases discussed", true, V::Count,
        &["Cases", "Number of cases", "Cases heard", "Total cases", "Cases discussed at MARAC",
          "MARAC cases", "Number of cases discussed"]),
    field(F::MaracRepeatCases, "marac_repeat_cases", "Repeat cases", true, V::Count,
        &["Repeats", "Repeat", "Number of repeat cases", "Repeat cases discussed"]),
    field(F::MaracChildrenInHouseholds, "marac_children_in_households", "Children in households", false, V::Count,
        &["Children", "Number of children", "Children in household", "Children in the households"]),
    field(F::MaracReferralsFromPolice, "marac_referrals_from_police", "Referrals from police", false, V::Count,
        &["Police referrals", "Referrals police", "Referrals by police"]),
    field(F::MaracReferralsFromOtherAgencies, "marac_referrals_from_other_agencies", "Referrals from other agencies", false, V::Count,
        &["Other agency referrals", "Referrals other agencies", "Referrals by other agencies",
          "Non-police referrals", "Partner referrals", "Partner agency referrals"]),
    field(F::MaracMaleVictims, "marac_male_victims", "Male victims", false, V::Count,
        &["Male", "Males", "Cases with male victims"]),
    field(F::MaracBameVictims, "marac_bame_victims", "BAME victims", false, V::Count,
        &["BAME", "BME victims", "BME", "BAMER victims", "Black and minority ethnic victims",
          "Ethnic minority victims"]),
    field(F::MaracLgbtVictims, "marac_lgbt_victims", "LGBT victims", false, V::Count,
        &["LGBT", "LGBTQ victims", "LGBTQ"]),
    field(F::MaracVictimsWithDisability, "marac_victims_with_disability", "Victims with a disability", false, V::Count,
        &["Victims with disability", "Victims with disabilities", "Disabled victims", "Disability"]),
    field(F::MaracVictimsAged16To17, "marac_victims_aged_16_17", "Victims aged 16-17", false, V::Count,
        &["Aged 16-17", "Victims 16-17", "16-17 year olds", "Victims aged 16 to 17", "16-17"]),
];

fn read(row: &mut RowReader) -> Result<PartnerRecord, RowProblem> {
    Ok(PartnerRecord::Marac(MaracQuarter {
        quarter: row.required(FieldKey::MaracQuarter, parse_quarter, no_label)?,
        cases_discussed: row.count(FieldKey::MaracCasesDiscussed)?,
        repeat_cases: row.count(FieldKey::MaracRepeatCases)?,
        children_in_households: row.optional_count(FieldKey::MaracChildrenInHouseholds)?,
        referrals_from_police: row.optional_count(FieldKey::MaracReferralsFromPolice)?,
        referrals_from_other_agencies: row
            .optional_count(FieldKey::MaracReferralsFromOtherAgencies)?,
        male_victims: row.optional_count(FieldKey::MaracMaleVictims)?,
        bame_victims: row.optional_count(FieldKey::MaracBameVictims)?,
        lgbt_victims: row.optional_count(FieldKey::MaracLgbtVictims)?,
        victims_with_disability: row.optional_count(FieldKey::MaracVictimsWithDisability)?,
        victims_aged_16_17: row.optional_count(FieldKey::MaracVictimsAged16To17)?,
    }))
}
