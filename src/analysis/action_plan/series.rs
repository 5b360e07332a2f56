//! A measurable's series as values by period, from what the file holds: a police theme's
//! monthly counts in the area of interest, a partner figure (see `partner_series`), or an
//! imported indicator's values (the whole-area value of each period, or the area's wards
//! and LSOAs added up). Everything after the as-at month is left out, so a review as at
//! Q2 shows what was known at Q2.

use super::partner_series::partner_points;
use super::series_ref::{SeriesRef, ValueKind};
use crate::analysis::area::AreaIndex;
use crate::analysis::overview::theme_overview;
use crate::analysis::partner::place::Placement;
use crate::analysis::partner::PartnerArea;
use crate::analysis::theme::Theme;
use crate::import::indicators::{IndicatorRecord, ReportingPeriod};
use crate::import::partner::values::words;
use crate::store::month_counts::Cell;
use crate::store::partner::PartnerRows;
use std::collections::{BTreeMap, BTreeSet};

/// One value of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    pub period: ReportingPeriod,
    /// `None` when the source withheld it.
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// A financial year still in progress: its value covers the months to this one.
    pub to_month: Option<u32>,
}

impl SeriesPoint {
    pub fn new(period: ReportingPeriod, value: Option<f64>) -> SeriesPoint {
        SeriesPoint {
            period,
            value,
            numerator: None,
            denominator: None,
            to_month: None,
        }
    }

    /// The period as shown: `2024/25 to 2024-09` for a year in progress.
    pub fn label(&self) -> String {
        match self.to_month {
            Some(m) => format!("{} to {:04}-{:02}", self.period.label(), m / 100, m % 100),
            None => self.period.label(),
        }
    }
}

/// A series ready to be judged.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesData {
    pub label: String,
    pub kind: ValueKind,
    /// `count`, `%`, or the indicator's own unit.
    pub unit: String,
    pub source: String,
    /// In time order.
    pub points: Vec<SeriesPoint>,
}

/// What series are read from.
pub struct SeriesInputs<'a> {
    /// The police counts by month.
    pub months: &'a [(u32, Vec<Cell>)],
    pub themes: &'a [Theme],
    pub area: &'a AreaIndex,
    pub partner: &'a PartnerRows,
    pub partner_area: &'a PartnerArea,
    pub indicators: &'a [IndicatorRecord],
    /// District codes of the area of interest (from the ward lookup).
    pub districts: &'a BTreeSet<String>,
}

/// The series up to `last_month`, or why there is none.
pub fn series_data(
    series: &SeriesRef,
    inputs: &SeriesInputs<'_>,
    last_month: u32,
) -> Result<SeriesData, String> {
    match series {
        SeriesRef::Theme(key) => theme_series(key, inputs, last_month),
        SeriesRef::Partner(figure) => {
            let points = partner_points(figure, inputs, last_month)?;
            Ok(SeriesData {
                label: figure.label.to_string(),
                kind: figure.kind,
                unit: unit_of(figure.kind).to_string(),
                source: "partner data in this assessment file".into(),
                points,
            })
        }
        SeriesRef::Indicator(name) => indicator_series(name, inputs, last_month),
    }
}

fn unit_of(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Count => "count",
        ValueKind::Percent => "%",
        ValueKind::Rate => "rate",
    }
}

fn theme_series(
    key: &str,
    inputs: &SeriesInputs<'_>,
    last_month: u32,
) -> Result<SeriesData, String> {
    let theme = inputs
        .themes
        .iter()
        .find(|t| t.key() == key)
        .ok_or_else(|| format!("the file has no police theme \"{key}\" (a theme group may have been renamed or removed)"))?;
    if inputs.months.is_empty() {
        return Err("the file holds no police.uk data yet".into());
    }
    let any_year = crate::analysis::financial_year::FinancialYear::of_month(last_month);
    let overview = theme_overview(inputs.months, theme, inputs.area, any_year);
    let points = overview
        .series
        .iter()
        .filter(|(m, _)| *m <= last_month)
        .map(|(m, n)| SeriesPoint::new(ReportingPeriod::month(*m), Some(*n as f64)))
        .collect();
    Ok(SeriesData {
        label: format!("{} (police recorded)", theme.label()),
        kind: ValueKind::Count,
        unit: "count".into(),
        source: format!("police.uk street-level data; {}", inputs.area.name),
        points,
    })
}

/// An indicator's unit says how it behaves; with no unit, whole numbers are counts.
fn indicator_kind(unit: Option<&str>, values: &[f64]) -> ValueKind {
    match unit.map(words).as_deref() {
        Some(
            "" | "count" | "counts" | "number" | "no" | "people" | "cases" | "incidents"
            | "referrals" | "visits" | "persons" | "households",
        )
        | None => {
            if values.iter().all(|v| v.fract() == 0.0 && *v >= 0.0) {
                ValueKind::Count
            } else {
                ValueKind::Rate
            }
        }
        Some("percent" | "percentage" | "pct" | "per cent") => ValueKind::Percent,
        Some(_) if unit.is_some_and(|u| u.contains('%')) => ValueKind::Percent,
        Some(_) => ValueKind::Rate,
    }
}

fn is_district_code(code: &str) -> bool {
    ["E06", "E07", "E08", "E09", "W06", "S12"]
        .iter()
        .any(|p| code.starts_with(p))
}

fn indicator_series(
    name: &str,
    inputs: &SeriesInputs<'_>,
    last_month: u32,
) -> Result<SeriesData, String> {
    let wanted = words(name);
    let rows: Vec<&IndicatorRecord> = inputs
        .indicators
        .iter()
        .filter(|r| words(&r.indicator) == wanted)
        .collect();
    let Some(first) = rows.first() else {
        return Err(format!("no indicator named \"{name}\" has been imported"));
    };
    let unit = rows.iter().find_map(|r| r.unit.clone());
    let numbers: Vec<f64> = rows.iter().filter_map(|r| r.value.number()).collect();
    let kind = indicator_kind(unit.as_deref(), &numbers);
    let districts: BTreeSet<&str> = rows
        .iter()
        .filter_map(|r| r.area_code.as_deref())
        .filter(|c| is_district_code(c))
        .collect();
    let our_district = |code: &str| {
        inputs.districts.contains(code) || (inputs.districts.is_empty() && districts.len() == 1)
    };
    let mut whole: BTreeMap<ReportingPeriod, &IndicatorRecord> = BTreeMap::new();
    let mut parts: BTreeMap<ReportingPeriod, Vec<&IndicatorRecord>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.period.end_month() <= last_month) {
        match r.area_code.as_deref() {
            None => {
                whole.insert(r.period, r);
            }
            Some(code) if is_district_code(code) => {
                if our_district(code) {
                    whole.entry(r.period).or_insert(r);
                }
            }
            Some(code) => {
                let counts = match inputs.partner_area.place(code) {
                    Placement::InWard(_) => true,
                    Placement::OutsideArea => false,
                    Placement::Unknown => !inputs.partner_area.is_filtered,
                };
                if counts {
                    parts.entry(r.period).or_default().push(r);
                }
            }
        }
    }
    let mut points: Vec<SeriesPoint> = whole
        .iter()
        .map(|(period, r)| SeriesPoint {
            numerator: r.numerator,
            denominator: r.denominator,
            ..SeriesPoint::new(*period, r.value.number())
        })
        .collect();
    for (period, rows) in parts.iter().filter(|(p, _)| !whole.contains_key(p)) {
        // Wards and LSOAs add up only for counts, and only when none is withheld.
        let values: Option<Vec<f64>> = rows.iter().map(|r| r.value.number()).collect();
        let value = match kind {
            ValueKind::Count => values.map(|v| v.iter().sum()),
            _ => None,
        };
        points.push(SeriesPoint::new(*period, value));
    }
    points.sort_by_key(|p| p.period);
    if points.is_empty() && !rows.is_empty() && whole.is_empty() && parts.is_empty() {
        return Err(if districts.len() > 1 && inputs.districts.is_empty() {
            format!(
                "\"{name}\" is given for several districts ({}) and there is no ward lookup to say which is this partnership's",
                districts.into_iter().collect::<Vec<_>>().join(", ")
            )
        } else {
            format!(
                "\"{name}\" has no value for this area up to {}",
                month_label(last_month)
            )
        });
    }
    Ok(SeriesData {
        label: first.indicator.clone(),
        kind,
        unit: unit.unwrap_or_else(|| unit_of(kind).to_string()),
        source: rows
            .iter()
            .find_map(|r| r.source.clone())
            .unwrap_or_else(|| "imported indicator".into()),
        points,
    })
}

fn month_label(month: u32) -> String {
    format!("{:04}-{:02}", month / 100, month % 100)
}
