//! Partner figures as series, read through the partner pages' own functions (so a
//! measurable shows the number the Domestic abuse, MARAC, ASB cases and Treatment pages
//! show): counts by month or quarter, percentages by financial year (the year in
//! progress counted to the as-at month), and cases open more than 90 days as at the end of
//! each year. Rows after the as-at month are left out first.

use super::series::{SeriesInputs, SeriesPoint};
use super::series_ref::{Grain, PartnerFigure};
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::partner::common::years_newest_first;
use crate::analysis::partner::{
    asb_case_figures, domestic_abuse_figures, marac_figures, treatment_figures,
};
use crate::import::indicators::ReportingPeriod;
use crate::import::month::month_of;
use crate::import::partner::{AsbCase, DaIncident};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The figure's values up to `last_month`.
pub fn partner_points(
    figure: &PartnerFigure,
    inputs: &SeriesInputs<'_>,
    last_month: u32,
) -> Result<Vec<SeriesPoint>, String> {
    let (theme, name) = figure.key.split_once('.').unwrap_or((figure.key, ""));
    let rows = inputs.partner;
    let held = match theme {
        "domestic_abuse" => !rows.domestic_abuse.is_empty(),
        "marac" => !rows.marac.is_empty(),
        "asb_cases" => !rows.asb_cases.is_empty(),
        _ => !rows.treatment.is_empty(),
    };
    if !held {
        return Err(format!(
            "the file holds no {} data yet",
            match theme {
                "domestic_abuse" => "domestic abuse",
                "marac" => "MARAC",
                "asb_cases" => "council ASB case",
                _ => "treatment",
            }
        ));
    }
    let points = match theme {
        "domestic_abuse" => domestic_abuse_points(name, figure.grain, inputs, last_month),
        "marac" => marac_points(name, inputs, last_month),
        "asb_cases" => asb_points(name, inputs, last_month),
        _ => treatment_points(name, inputs, last_month),
    };
    Ok(points)
}

/// The financial years the months fall in, oldest first.
fn years_of(months: impl IntoIterator<Item = u32>) -> Vec<FinancialYear> {
    let mut years = years_newest_first(months);
    years.reverse();
    years
}

/// The year's point: a whole financial year, or the year so far when `last_month` falls
/// inside it.
fn year_point(year: FinancialYear, value: Option<f64>, last_month: u32) -> SeriesPoint {
    let end = year.months()[11];
    SeriesPoint {
        to_month: (last_month < end).then_some(last_month),
        ..SeriesPoint::new(ReportingPeriod::financial_year(year.0), value)
    }
}

fn domestic_abuse_points(
    name: &str,
    grain: Grain,
    inputs: &SeriesInputs<'_>,
    last_month: u32,
) -> Vec<SeriesPoint> {
    let rows: Vec<DaIncident> = inputs
        .partner
        .domestic_abuse
        .iter()
        .filter(|r| month_of(r.date) <= last_month)
        .cloned()
        .collect();
    let area = inputs.partner_area;
    if grain == Grain::Year {
        return years_of(rows.iter().map(|r| month_of(r.date)))
            .into_iter()
            .map(|year| {
                let f = domestic_abuse_figures(&rows, area, year);
                let value = match name {
                    "high_risk_pct" => f.high_risk_pct,
                    _ => f.repeat_victim_pct,
                };
                year_point(year, value, last_month)
            })
            .collect();
    }
    let mut by_month: BTreeMap<u32, Vec<DaIncident>> = BTreeMap::new();
    for r in rows {
        by_month.entry(month_of(r.date)).or_default().push(r);
    }
    // A month inside the extract with no incident is a zero, not a gap.
    let (Some(&first), Some(&last)) = (by_month.keys().next(), by_month.keys().next_back()) else {
        return Vec::new();
    };
    months_from(first, last)
        .map(|month| {
            let rows = by_month.get(&month).map_or(&[][..], Vec::as_slice);
            let f = domestic_abuse_figures(rows, area, FinancialYear::of_month(month));
            let value = match name {
                "crimes" => f.crimes,
                "referred_to_marac" => f.referred_to_marac,
                _ => f.incidents,
            };
            SeriesPoint::new(ReportingPeriod::month(month), Some(value as f64))
        })
        .collect()
}

/// Every month from `first` to `last`, `YYYYMM`.
fn months_from(first: u32, last: u32) -> impl Iterator<Item = u32> {
    std::iter::successors(Some(first), move |m| {
        let next = if m % 100 == 12 { m + 89 } else { m + 1 };
        (next <= last).then_some(next)
    })
    .take_while(move |m| *m <= last)
}

fn marac_points(name: &str, inputs: &SeriesInputs<'_>, last_month: u32) -> Vec<SeriesPoint> {
    let rows: Vec<_> = inputs
        .partner
        .marac
        .iter()
        .filter(|q| q.quarter.end_month() <= last_month)
        .cloned()
        .collect();
    let mut points = Vec::new();
    for year in years_of(rows.iter().map(|q| q.quarter.start_month)) {
        let f = marac_figures(&rows, year, inputs.partner.female_16_plus);
        for q in &f.by_quarter {
            let Ok(period) = ReportingPeriod::parse(&q.quarter) else {
                continue;
            };
            let point = match name {
                "repeat_cases" => SeriesPoint::new(period, q.repeat_cases.map(|v| v as f64)),
                "repeat_pct" => SeriesPoint {
                    numerator: q.repeat_cases.map(|v| v as f64),
                    denominator: q.cases.map(|v| v as f64),
                    ..SeriesPoint::new(period, q.repeat_pct)
                },
                _ => SeriesPoint::new(period, q.cases.map(|v| v as f64)),
            };
            points.push(point);
        }
    }
    points
}

/// Cases as they stood at the end of `last_month`: opened by then, and still open if
/// they closed later.
fn asb_rows_known_at(rows: &[AsbCase], last_month: u32) -> Vec<AsbCase> {
    rows.iter()
        .filter(|r| month_of(r.opened) <= last_month)
        .map(|r| AsbCase {
            closed: r.closed.filter(|c| month_of(*c) <= last_month),
            ..r.clone()
        })
        .collect()
}

fn asb_points(name: &str, inputs: &SeriesInputs<'_>, last_month: u32) -> Vec<SeriesPoint> {
    let rows = asb_rows_known_at(&inputs.partner.asb_cases, last_month);
    let opened = rows.iter().map(|r| month_of(r.opened));
    let (Some(first), Some(last)) = (opened.clone().min(), opened.max()) else {
        return Vec::new();
    };
    let area = inputs.partner_area;
    let years = years_of(rows.iter().map(|r| month_of(r.opened)));
    match name {
        "repeat_pct" => years
            .into_iter()
            .map(|year| {
                let f = asb_case_figures(&rows, area, year, None);
                year_point(year, f.repeat_pct, last_month)
            })
            .collect(),
        "open_over_90_days" => years
            .into_iter()
            .filter_map(|year| {
                let f = asb_case_figures(&rows, area, year, None);
                let day = NaiveDate::parse_from_str(&f.as_at, "%Y-%m-%d").ok()?;
                Some(SeriesPoint::new(
                    ReportingPeriod::Day(day),
                    Some(f.open_over_90_days as f64),
                ))
            })
            .collect(),
        _ => years
            .into_iter()
            .flat_map(|year| {
                let f = asb_case_figures(&rows, area, year, None);
                year.months()
                    .into_iter()
                    .zip(f.months)
                    .filter(|(m, _)| (first..=last).contains(m))
                    .map(|(m, row)| {
                        SeriesPoint::new(ReportingPeriod::month(m), Some(row.opened as f64))
                    })
                    .collect::<Vec<_>>()
            })
            .collect(),
    }
}

fn treatment_points(name: &str, inputs: &SeriesInputs<'_>, last_month: u32) -> Vec<SeriesPoint> {
    let rows: Vec<_> = inputs
        .partner
        .treatment
        .iter()
        .filter(|r| r.period.end_month() <= last_month)
        .cloned()
        .collect();
    let years = years_of(rows.iter().map(|r| r.period.start_month));
    match name {
        "successful_completions" => {
            // Every substance group's completions in each period, added; a period with a
            // withheld group is withheld.
            let mut by_period: BTreeMap<ReportingPeriod, Option<f64>> = BTreeMap::new();
            for year in years {
                for row in treatment_figures(&rows, year).by_period {
                    let Ok(period) = ReportingPeriod::parse(&row.period) else {
                        continue;
                    };
                    let sum = by_period.entry(period).or_insert(Some(0.0));
                    *sum = sum
                        .zip(row.successful_completions)
                        .map(|(s, v)| s + v as f64);
                }
            }
            by_period
                .into_iter()
                .map(|(period, value)| SeriesPoint::new(period, value))
                .collect()
        }
        "completion_rate_pct" => years
            .into_iter()
            .map(|year| {
                let f = treatment_figures(&rows, year);
                year_point(year, f.total.completion_rate_pct, last_month)
            })
            .collect(),
        _ => years
            .into_iter()
            .map(|year| {
                let f = treatment_figures(&rows, year);
                year_point(year, Some(f.total.in_treatment as f64), last_month)
            })
            .collect(),
    }
}
