//! Partner indicators: each indicator's values by period (and area, when given), with its
//! unit and source — for a financial year on the Indicators page, the report and
//! `stats --json`, and for every period in `indicators --json`. A withheld value stays
//! withheld (`value: null, suppressed: true`), never 0.

use super::common::years_newest_first;
use super::dataset::{DatasetAnalysis, PartnerFigures};
use crate::analysis::financial_year::FinancialYear;
use crate::import::indicators::{IndicatorRecord, ReportingPeriod};
use crate::import::partner::values::words;
use crate::import::partner::PartnerLayout;
use serde::Serialize;

pub const ANALYSIS: DatasetAnalysis = DatasetAnalysis {
    layout: PartnerLayout::Indicators,
    years: |rows| years_newest_first(rows.indicators.iter().map(|r| r.period.start_month())),
    months: |rows| {
        rows.indicators
            .iter()
            .flat_map(|r| months_of(&r.period))
            .collect()
    },
    figures: |inputs, year| {
        PartnerFigures::Indicators(indicator_figures(&inputs.rows.indicators, year))
    },
};

/// Every month a period covers (a date: its month).
fn months_of(period: &ReportingPeriod) -> Vec<u32> {
    match period {
        ReportingPeriod::Months(p) => p.each_month().collect(),
        ReportingPeriod::Day(_) => vec![period.start_month()],
    }
}

/// One value as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorPoint {
    /// `2024/25-Q1`, `2024-09`, `2023/24`, `2024`, `2024-06-30`.
    pub period: String,
    pub value: Option<f64>,
    pub suppressed: bool,
    pub area_code: Option<String>,
}

/// One indicator with its values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorListing {
    pub name: String,
    pub unit: Option<String>,
    pub source: Option<String>,
    /// In time order, then by area (the whole area first).
    pub periods: Vec<IndicatorPoint>,
}

/// The indicators of a financial year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorFigures {
    pub financial_year: String,
    pub indicators: Vec<IndicatorListing>,
    /// Values withheld by the partners in the year.
    pub suppressed: usize,
}

/// The records grouped by indicator (names matched as words; the first spelling is
/// kept), in the order indicators first appear.
pub fn indicator_listing<'a>(
    records: impl IntoIterator<Item = &'a IndicatorRecord>,
) -> Vec<IndicatorListing> {
    let mut groups: Vec<(String, IndicatorListing, Vec<&'a IndicatorRecord>)> = Vec::new();
    for r in records {
        let key = words(&r.indicator);
        let index = match groups.iter().position(|g| g.0 == key) {
            Some(i) => i,
            None => {
                groups.push((
                    key,
                    IndicatorListing {
                        name: r.indicator.clone(),
                        unit: None,
                        source: None,
                        periods: Vec::new(),
                    },
                    Vec::new(),
                ));
                groups.len() - 1
            }
        };
        let group = &mut groups[index];
        group.1.unit = group.1.unit.take().or_else(|| r.unit.clone());
        group.1.source = group.1.source.take().or_else(|| r.source.clone());
        group.2.push(r);
    }
    groups
        .into_iter()
        .map(|(_, mut listing, mut rows)| {
            rows.sort_by(|a, b| a.period.cmp(&b.period).then(a.area_code.cmp(&b.area_code)));
            listing.periods = rows
                .into_iter()
                .map(|r| IndicatorPoint {
                    period: r.period.label(),
                    value: r.value.number(),
                    suppressed: r.value.is_suppressed(),
                    area_code: r.area_code.clone(),
                })
                .collect();
            listing
        })
        .collect()
}

/// The indicators with a value whose period starts in `year`.
pub fn indicator_figures(rows: &[IndicatorRecord], year: FinancialYear) -> IndicatorFigures {
    let in_year: Vec<&IndicatorRecord> = rows
        .iter()
        .filter(|r| FinancialYear::of_month(r.period.start_month()) == year)
        .collect();
    IndicatorFigures {
        financial_year: year.label(),
        suppressed: in_year.iter().filter(|r| r.value.is_suppressed()).count(),
        indicators: indicator_listing(in_year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::indicators::IndicatorValue;

    fn record(name: &str, period: &str, value: Option<f64>, area: Option<&str>) -> IndicatorRecord {
        IndicatorRecord {
            indicator: name.into(),
            period: ReportingPeriod::parse(period).unwrap(),
            value: value.map_or(
                IndicatorValue::Suppressed("*".into()),
                IndicatorValue::Number,
            ),
            area_code: area.map(str::to_string),
            numerator: None,
            denominator: None,
            unit: None,
            source: Some("KFRS".into()),
        }
    }

    #[test]
    fn values_are_grouped_sorted_and_withheld_stays_withheld() {
        let rows = vec![
            record("Deliberate fires", "2024-Q3", None, None),
            record("Prevent referrals", "2023/24", Some(9.0), None),
            record("deliberate  fires", "Q1 2024/25", Some(12.0), None),
            record(
                "Deliberate fires",
                "Q1 2024/25",
                Some(3.0),
                Some("E05000001"),
            ),
        ];
        let listing = indicator_listing(&rows);
        assert_eq!(listing.len(), 2);
        let fires: Vec<(String, Option<f64>, bool)> = listing[0]
            .periods
            .iter()
            .map(|p| (p.period.clone(), p.value, p.suppressed))
            .collect();
        assert_eq!(
            fires,
            [
                ("2024/25-Q1".to_string(), Some(12.0), false),
                ("2024/25-Q1".to_string(), Some(3.0), false),
                ("2024/25-Q2".to_string(), None, true),
            ]
        );
        let year = indicator_figures(&rows, FinancialYear(2024));
        assert_eq!(year.indicators.len(), 1);
        assert_eq!(year.suppressed, 1);
    }
}
