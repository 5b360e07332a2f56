//! The indicator dataset as imported: any partner's figures, one value of one indicator
//! for one period (and optionally one area) per row — the long layout `Indicator, Period,
//! Value` with optional `Area code, Numerator, Denominator, Unit, Source`. A partner's
//! wide sheet (one column per period) is turned into these rows by
//! `import::indicators` before it gets here.

use super::dataset::DatasetSpec;
use super::layout::{field, FieldKey, FieldSpec, PartnerLayout, ValueKind};
use super::parse::RowProblem;
use super::records::PartnerRecord;
use super::row::{no_label, non_blank, RowReader};
use super::values::area_code;
use crate::import::indicators::value::{plain_number, read_value, ReadValue};
use crate::import::indicators::{IndicatorRecord, IndicatorValue, ReportingPeriod};
use FieldKey as F;
use ValueKind as V;

/// The dataset as the import knows it.
pub const SPEC: DatasetSpec = DatasetSpec {
    layout: PartnerLayout::Indicators,
    key: "indicators",
    name: "Partner indicators",
    fields: &FIELDS,
    parse: read,
};

#[rustfmt::skip]
pub const FIELDS: [FieldSpec; 8] = [
    field(F::IndicatorName, "indicator_name", "Indicator", true, V::Text,
        &["Indicator name", "Indicators", "Measure", "Measure name", "Metric", "KPI",
          "Performance indicator", "Measurable"]),
    field(F::IndicatorPeriod, "indicator_period", "Period", true, V::Period,
        &["Reporting period", "Time period", "Quarter", "Month", "Financial year", "Year",
          "Date", "As at", "As at date"]),
    field(F::IndicatorValue, "indicator_value", "Value", true, V::Number,
        &["Figure", "Count", "Number", "Result", "Actual", "Amount", "Total"]),
    field(F::IndicatorAreaCode, "indicator_area_code", "Area code", false, V::AreaCode,
        &["Area", "Geography code", "Geography", "Ward code", "LSOA code", "LA code",
          "LAD code", "District code", "ONS code", "Code"]),
    field(F::IndicatorNumerator, "indicator_numerator", "Numerator", false, V::Number, &[]),
    field(F::IndicatorDenominator, "indicator_denominator", "Denominator", false, V::Number,
        &["Base"]),
    field(F::IndicatorUnit, "indicator_unit", "Unit", false, V::Text,
        &["Units", "Unit of measure", "Measure type"]),
    field(F::IndicatorSource, "indicator_source", "Source", false, V::Text,
        &["Data source", "Provider", "Organisation", "Organization", "Agency", "Partner"]),
];

/// A numerator or denominator: a number, or nothing when blank or withheld.
pub fn optional_number(text: &str) -> Result<Option<f64>, String> {
    match read_value(text) {
        Ok(ReadValue {
            value: IndicatorValue::Suppressed(_),
            ..
        }) => Ok(None),
        _ => plain_number(text)
            .map(Some)
            .ok_or_else(|| "is not a number".to_string()),
    }
}

fn read(row: &mut RowReader) -> Result<PartnerRecord, RowProblem> {
    let indicator = row.required(F::IndicatorName, non_blank, no_label)?;
    let period = row.required(F::IndicatorPeriod, ReportingPeriod::parse, no_label)?;
    let value = row.required(F::IndicatorValue, read_value, |v: &ReadValue| {
        v.value.is_suppressed().then(|| "Suppressed".to_string())
    })?;
    let text = |row: &mut RowReader, key| row.optional(key, non_blank, no_label);
    let unit = text(row, F::IndicatorUnit)?;
    Ok(PartnerRecord::Indicator(IndicatorRecord {
        indicator: indicator.split_whitespace().collect::<Vec<_>>().join(" "),
        period,
        area_code: row.optional(F::IndicatorAreaCode, area_code, no_label)?,
        numerator: row
            .optional(F::IndicatorNumerator, optional_number, no_label)?
            .flatten(),
        denominator: row
            .optional(F::IndicatorDenominator, optional_number, no_label)?
            .flatten(),
        unit: unit.or_else(|| value.is_percent.then(|| "%".to_string())),
        source: text(row, F::IndicatorSource)?,
        value: value.value,
    }))
}
