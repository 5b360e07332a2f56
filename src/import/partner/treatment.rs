//! The drug and alcohol treatment dataset as imported: NDTMS-style counts for one substance
//! group in one period per row, its reference-layout columns and how a row is read.

use super::dataset::DatasetSpec;
use super::layout::{field, FieldKey, FieldSpec, PartnerLayout, ValueKind};
use super::parse::RowProblem;
use super::period::{parse_period, Period};
use super::records::PartnerRecord;
use super::row::no_label;
use super::row::RowReader;
use super::values::{self, CountValue, SubstanceGroup};
use FieldKey as F;
use ValueKind as V;

/// The dataset as the import knows it.
pub const SPEC: DatasetSpec = DatasetSpec {
    layout: PartnerLayout::Treatment,
    key: "treatment",
    name: "Drug and alcohol treatment",
    fields: &FIELDS,
    parse: read,
};

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

#[rustfmt::skip]
const FIELDS: [FieldSpec; 6] = [
    field(F::TreatmentPeriod, "treatment_period", "Period", true, V::Period,
        &["Reporting period", "Time period", "Quarter", "Month", "Financial year", "Year"]),
    field(F::TreatmentSubstanceGroup, "treatment_substance_group", "Substance group", true, V::SubstanceGroup,
        &["Substance", "Substance category", "Substance type", "Drug group", "Client group",
          "Primary substance group"]),
    field(F::TreatmentInTreatment, "treatment_in_treatment", "In treatment", true, V::Count,
        &["Number in treatment", "Numbers in treatment", "Total in treatment", "Adults in treatment",
          "Clients in treatment"]),
    field(F::TreatmentNewPresentations, "treatment_new_presentations", "New presentations", false, V::Count,
        &["New presentations to treatment", "New presentation", "New starts", "Starts",
          "New treatment starts", "New clients"]),
    field(F::TreatmentSuccessfulCompletions, "treatment_successful_completions", "Successful completions", false, V::Count,
        &["Successful completion", "Completions", "Completed successfully", "Successful exits"]),
    field(F::TreatmentRePresentations, "treatment_re_presentations", "Re-presentations within 6 months", false, V::Count,
        &["Re-presentations", "Re-presentation", "Representations", "Representations within 6 months",
          "Returned within 6 months"]),
];

fn read(row: &mut RowReader) -> Result<PartnerRecord, RowProblem> {
    Ok(PartnerRecord::Treatment(TreatmentCount {
        period: row.required(FieldKey::TreatmentPeriod, parse_period, no_label)?,
        substance_group: row.required(
            FieldKey::TreatmentSubstanceGroup,
            values::substance_group,
            |v| Some(v.label().to_string()),
        )?,
        in_treatment: row.count(FieldKey::TreatmentInTreatment)?,
        new_presentations: row.optional_count(FieldKey::TreatmentNewPresentations)?,
        successful_completions: row.optional_count(FieldKey::TreatmentSuccessfulCompletions)?,
        re_presentations: row.optional_count(FieldKey::TreatmentRePresentations)?,
    }))
}
