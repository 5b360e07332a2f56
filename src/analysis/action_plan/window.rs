//! The value of a series over a stretch of time: a period's own value, or counts added
//! up from shorter periods when every one of them is there, percentages from numerators
//! and denominators when given, a figure as at a date taken at the last date in the
//! period. A value is never made up: a missing or withheld piece means no value, with the
//! reason. Which stretches are compared is `compare`.

use super::series::{SeriesData, SeriesPoint};
use super::series_ref::ValueKind;
use crate::import::indicators::ReportingPeriod;
use crate::import::month::month_of;
use crate::import::partner::Period;

/// A value and the period it covers, as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Valued {
    pub label: String,
    pub value: f64,
}

/// A stretch of months as a reader says it: a month, quarter or financial year by its
/// label, any other run as `Apr–Sep 2024` or `Oct 2023–Sep 2024`.
pub fn stretch_label(period: &ReportingPeriod) -> String {
    let ReportingPeriod::Months(p) = period else {
        return period.label();
    };
    let is_named = p.months == 1 || p.is_quarter() || (p.months == 12 && p.start_month % 100 == 4);
    if is_named {
        return period.label();
    }
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let name = |m: u32| {
        NAMES
            .get((m % 100).saturating_sub(1) as usize)
            .copied()
            .unwrap_or("?")
    };
    let (start, end) = (p.start_month, p.end_month());
    if start / 100 == end / 100 {
        format!("{}–{} {}", name(start), name(end), end / 100)
    } else {
        format!(
            "{} {}–{} {}",
            name(start),
            start / 100,
            name(end),
            end / 100
        )
    }
}

/// `YYYYMM` minus `n` months.
pub fn months_before(month: u32, n: u32) -> u32 {
    let index = (month / 100) * 12 + (month % 100 - 1);
    let back = index.saturating_sub(n);
    (back / 12) * 100 + back % 12 + 1
}

/// The `months`-long window ending at `end_month`.
pub fn window_ending(end_month: u32, months: u32) -> ReportingPeriod {
    let months = months.clamp(1, 12);
    ReportingPeriod::Months(Period {
        start_month: months_before(end_month, months - 1),
        months: months as u8,
    })
}

pub(super) fn is_snapshot_series(series: &SeriesData) -> bool {
    !series.points.is_empty() && series.points.iter().all(|p| p.period.is_day())
}

/// The value of `period`, or why there is none.
pub fn value_of(series: &SeriesData, period: ReportingPeriod) -> Result<Valued, String> {
    if is_snapshot_series(series) {
        return snapshot_in(series, period);
    }
    if let Some(point) = series
        .points
        .iter()
        .find(|p| p.period == period && p.to_month.is_none())
    {
        return known(point, point.label());
    }
    let ReportingPeriod::Months(window) = period else {
        return Err(format!("there is no value for {}", period.label()));
    };
    let pieces = tiling(series, window)
        .ok_or_else(|| format!("the data do not cover all of {}", period.label()))?;
    let label = stretch_label(&period);
    if pieces.iter().any(|p| p.value.is_none()) {
        return Err(format!("part of {label} is suppressed in the source"));
    }
    match series.kind {
        ValueKind::Count => Ok(Valued {
            label,
            value: pieces.iter().filter_map(|p| p.value).sum(),
        }),
        ValueKind::Percent => {
            let numerator: Option<f64> = pieces.iter().map(|p| p.numerator).sum();
            let denominator: Option<f64> = pieces.iter().map(|p| p.denominator).sum();
            match (numerator, denominator) {
                (Some(n), Some(d)) if d > 0.0 => Ok(Valued {
                    label,
                    value: (1000.0 * n / d).round() / 10.0,
                }),
                _ => Err(format!(
                    "{label} would have to be worked out from shorter periods, and a percentage cannot be added up without its numerator and denominator"
                )),
            }
        }
        ValueKind::Rate => Err(format!(
            "{label} would have to be worked out from shorter periods, and a rate cannot be added up"
        )),
    }
}

pub(super) fn known(point: &SeriesPoint, label: String) -> Result<Valued, String> {
    point
        .value
        .map(|value| Valued {
            label: label.clone(),
            value,
        })
        .ok_or_else(|| format!("the value for {label} is suppressed in the source"))
}

/// Points of one length that cover every month of `window` exactly once.
fn tiling(series: &SeriesData, window: Period) -> Option<Vec<&SeriesPoint>> {
    [12u32, 3, 1]
        .into_iter()
        .filter(|length| *length <= u32::from(window.months))
        .find_map(|length| tiling_of_length(series, window, length))
}

fn tiling_of_length(series: &SeriesData, window: Period, length: u32) -> Option<Vec<&SeriesPoint>> {
    let end = window.end_month();
    let mut pieces = Vec::new();
    let mut month = window.start_month;
    while month <= end && pieces.len() <= 12 {
        let piece = series.points.iter().find(|p| {
            p.to_month.is_none() && p.period.months() == length && p.period.start_month() == month
        })?;
        pieces.push(piece);
        month = next_month(piece.period.end_month());
    }
    (month == next_month(end)).then_some(pieces)
}

pub(super) fn next_month(month: u32) -> u32 {
    if month % 100 == 12 {
        month + 89
    } else {
        month + 1
    }
}

/// A figure as at a date: the last date within the period.
pub(super) fn snapshot_in(series: &SeriesData, period: ReportingPeriod) -> Result<Valued, String> {
    let point = series
        .points
        .iter()
        .rev()
        .find(|p| match (p.period, period) {
            (ReportingPeriod::Day(d), ReportingPeriod::Day(wanted)) => d == wanted,
            (ReportingPeriod::Day(d), _) => {
                (period.start_month()..=period.end_month()).contains(&month_of(d))
            }
            _ => false,
        })
        .ok_or_else(|| format!("there is no figure dated within {}", period.label()))?;
    known(point, point.label())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A series of monthly values (None = withheld).
    pub fn monthly(values: &[(u32, Option<f64>)], kind: ValueKind) -> SeriesData {
        SeriesData {
            label: "x".into(),
            kind,
            unit: String::new(),
            source: String::new(),
            points: values
                .iter()
                .map(|(m, v)| SeriesPoint::new(ReportingPeriod::month(*m), *v))
                .collect(),
        }
    }

    /// `n` months from `first`.
    pub fn months(first: u32, n: u32) -> Vec<u32> {
        let mut out = vec![first];
        while out.len() < n as usize {
            out.push(next_month(*out.last().unwrap()));
        }
        out
    }

    #[test]
    fn a_year_is_its_months_added() {
        let values: Vec<(u32, Option<f64>)> = months(202304, 12)
            .into_iter()
            .map(|m| (m, Some(10.0)))
            .collect();
        let s = monthly(&values, ValueKind::Count);
        let fy = ReportingPeriod::financial_year(2023);
        let v = value_of(&s, fy).unwrap();
        assert_eq!((v.label.as_str(), v.value), ("2023/24", 120.0));
    }

    #[test]
    fn percentages_need_their_parts_to_be_added() {
        let mut s = monthly(&[], ValueKind::Percent);
        s.points = (1..=4)
            .map(|q| SeriesPoint {
                numerator: Some(30.0),
                denominator: Some(100.0),
                ..SeriesPoint::new(ReportingPeriod::financial_quarter(2023, q), Some(30.0))
            })
            .collect();
        assert_eq!(
            value_of(&s, ReportingPeriod::financial_year(2023))
                .unwrap()
                .value,
            30.0
        );
        s.points[0].numerator = None;
        assert!(value_of(&s, ReportingPeriod::financial_year(2023)).is_err());
    }
}
