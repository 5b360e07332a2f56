//! The two values a measurable is judged on: its baseline (the value of the baseline
//! period) and its latest value over a comparable stretch as at the review month — the
//! year so far against the same months of a baseline year, the latest quarter or month
//! after a quarter or month baseline, the last dated figure after the baseline's.

use super::series::SeriesData;
use super::series_ref::ValueKind;
use super::window::{
    is_snapshot_series, known, months_before, snapshot_in, value_of, window_ending, Valued,
};
use crate::import::indicators::ReportingPeriod;
use crate::import::partner::Period;

/// What a measurable is judged on: the baseline and the latest value over comparable
/// stretches of time.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub baseline: Valued,
    /// The baseline stretch compared (the same months of the baseline year, for a year
    /// so far).
    pub baseline_period: ReportingPeriod,
    pub latest: Valued,
    /// The latest stretch, to highlight on a chart.
    pub latest_period: ReportingPeriod,
    /// How the two were matched, when it is not simply period against period.
    pub note: Option<String>,
}

/// Compare the latest value as at `as_at_end` with the baseline.
///
/// - A financial-year baseline against monthly or quarterly data: the year so far
///   against the same months of the baseline year (April–September 2024 against
///   April–September 2023 at Q2), stepping back a month at a time until both are covered.
/// - A financial-year baseline against yearly figures: the year so far for a percentage
///   or rate, else the latest whole year after the baseline.
/// - A quarter or month baseline: the latest quarter (or month) after it.
/// - Figures as at a date: the last one after the baseline.
pub fn compare(
    series: &SeriesData,
    baseline: ReportingPeriod,
    as_at_end: u32,
) -> Result<Comparison, String> {
    if as_at_end <= baseline.end_month() {
        return Err(format!(
            "the review month is not after the baseline {}",
            baseline.label()
        ));
    }
    if is_snapshot_series(series) || baseline.is_day() {
        return compare_snapshots(series, baseline, as_at_end);
    }
    let is_financial_year = baseline.months() == 12 && baseline.start_month() % 100 == 4;
    let yearly = series.points.iter().any(|p| p.period.months() == 12);
    if is_financial_year && !yearly {
        return compare_year_to_date(series, baseline, as_at_end);
    }
    let base = value_of(series, baseline)?;
    if is_financial_year && series.kind != ValueKind::Count {
        if let Some(point) = series.points.iter().find(|p| p.to_month == Some(as_at_end)) {
            let latest = known(point, point.label())?;
            return Ok(Comparison {
                baseline: base,
                baseline_period: baseline,
                latest,
                latest_period: point.period,
                note: Some("the year so far against the whole baseline year".into()),
            });
        }
    }
    let length = baseline.months().max(1);
    let mut first_reason = None;
    for back in 0..12 {
        let end = months_before(as_at_end, back);
        let window = window_ending(end, length);
        if window.start_month() <= baseline.end_month() {
            break;
        }
        match value_of(series, window) {
            Ok(latest) => {
                return Ok(Comparison {
                    baseline: base,
                    baseline_period: baseline,
                    latest,
                    latest_period: window,
                    note: None,
                })
            }
            Err(reason) => {
                first_reason.get_or_insert(reason);
            }
        }
    }
    Err(first_reason.unwrap_or_else(|| {
        format!(
            "there is no whole {} after the baseline {} up to the review month",
            if length == 12 {
                "year"
            } else if length == 3 {
                "quarter"
            } else {
                "period"
            },
            baseline.label()
        )
    }))
}

fn stretch(start_month: u32, months: u32) -> ReportingPeriod {
    ReportingPeriod::Months(Period {
        start_month,
        months: months.clamp(1, 12) as u8,
    })
}

fn compare_year_to_date(
    series: &SeriesData,
    baseline: ReportingPeriod,
    as_at_end: u32,
) -> Result<Comparison, String> {
    let review_year_start = {
        let year = as_at_end / 100 - u32::from(as_at_end % 100 < 4);
        year * 100 + 4
    };
    let months_so_far = (as_at_end / 100 * 12 + as_at_end % 100)
        .saturating_sub(review_year_start / 100 * 12 + 4)
        + 1;
    let mut first_reason = None;
    for k in (1..=months_so_far.min(12)).rev() {
        let latest_period = stretch(review_year_start, k);
        let base_period = stretch(baseline.start_month(), k);
        let pair = value_of(series, base_period)
            .and_then(|base| value_of(series, latest_period).map(|latest| (base, latest)));
        match pair {
            Ok((base, latest)) => {
                let note = (k < 12).then(|| {
                    format!(
                        "the year so far ({}) against the same months of {}",
                        latest.label,
                        baseline.label()
                    )
                });
                return Ok(Comparison {
                    baseline: base,
                    baseline_period: base_period,
                    latest,
                    latest_period,
                    note,
                });
            }
            Err(reason) => {
                first_reason.get_or_insert(reason);
            }
        }
    }
    Err(first_reason.unwrap_or_else(|| "there are no months to compare yet".into()))
}

fn compare_snapshots(
    series: &SeriesData,
    baseline: ReportingPeriod,
    as_at_end: u32,
) -> Result<Comparison, String> {
    let base = snapshot_in(series, baseline)?;
    let point = series
        .points
        .iter()
        .rev()
        .find(|p| p.period.end_month() <= as_at_end && p.period.end_month() > baseline.end_month())
        .ok_or_else(|| {
            format!(
                "there is no figure dated after the baseline {} up to the review month",
                baseline.label()
            )
        })?;
    Ok(Comparison {
        baseline: base,
        baseline_period: baseline,
        latest: known(point, point.label())?,
        latest_period: point.period,
        note: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::action_plan::series::SeriesPoint;
    use crate::analysis::action_plan::series_ref::ValueKind;
    use crate::analysis::action_plan::window::tests::{monthly, months};

    #[test]
    fn the_year_so_far_is_set_against_the_same_months_of_the_baseline_year() {
        let values: Vec<(u32, Option<f64>)> = months(202304, 18)
            .into_iter()
            .enumerate()
            .map(|(i, m)| (m, Some(if i < 12 { 10.0 } else { 8.0 })))
            .collect();
        let s = monthly(&values, ValueKind::Count);
        let c = compare(&s, ReportingPeriod::financial_year(2023), 202409).unwrap();
        assert_eq!(c.baseline.label, "Apr–Sep 2023");
        assert_eq!(c.baseline.value, 60.0);
        assert_eq!(c.latest.label, "Apr–Sep 2024");
        assert_eq!(c.latest.value, 48.0);
        assert!(c.note.unwrap().contains("same months of 2023/24"));
        // At the year's end, whole year against whole year.
        let values: Vec<(u32, Option<f64>)> = months(202304, 24)
            .into_iter()
            .map(|m| (m, Some(10.0)))
            .collect();
        let c = compare(
            &monthly(&values, ValueKind::Count),
            ReportingPeriod::financial_year(2023),
            202503,
        )
        .unwrap();
        assert_eq!(
            (c.baseline.label.as_str(), c.latest.label.as_str()),
            ("2023/24", "2024/25")
        );
        assert_eq!(c.note, None);
    }

    #[test]
    fn a_withheld_month_steps_back_and_the_baseline_year_itself_is_refused() {
        let mut values: Vec<(u32, Option<f64>)> = months(202304, 18)
            .into_iter()
            .map(|m| (m, Some(5.0)))
            .collect();
        values[17].1 = None;
        let s = monthly(&values, ValueKind::Count);
        let c = compare(&s, ReportingPeriod::financial_year(2023), 202409).unwrap();
        assert_eq!(c.latest.label, "Apr–Aug 2024");
        assert!(compare(&s, ReportingPeriod::financial_year(2023), 202312).is_err());
        values[12].1 = None;
        let reason = compare(
            &monthly(&values, ValueKind::Count),
            ReportingPeriod::financial_year(2023),
            202409,
        )
        .unwrap_err();
        assert!(reason.contains("suppressed"), "{reason}");
    }

    #[test]
    fn a_quarter_baseline_is_set_against_the_latest_quarter_after_it() {
        let values: Vec<(u32, Option<f64>)> = months(202404, 4)
            .into_iter()
            .map(|m| (m, Some(5.0)))
            .collect();
        let s = monthly(&values, ValueKind::Count);
        let reason = compare(&s, ReportingPeriod::financial_quarter(2024, 1), 202409).unwrap_err();
        assert!(reason.contains("do not cover"), "{reason}");
        let c = compare(&s, ReportingPeriod::month(202405), 202409).unwrap();
        assert_eq!(c.latest.label, "2024-07");
    }

    #[test]
    fn a_yearly_percentage_uses_the_year_so_far() {
        let mut s = monthly(&[], ValueKind::Percent);
        s.points = vec![
            SeriesPoint::new(ReportingPeriod::financial_year(2023), Some(30.0)),
            SeriesPoint {
                to_month: Some(202409),
                ..SeriesPoint::new(ReportingPeriod::financial_year(2024), Some(25.0))
            },
        ];
        let c = compare(&s, ReportingPeriod::financial_year(2023), 202409).unwrap();
        assert_eq!(c.latest.label, "2024/25 to 2024-09");
        assert_eq!(c.latest.value, 25.0);
    }

    #[test]
    fn snapshots_are_taken_at_the_last_date() {
        let day = |t: &str| ReportingPeriod::parse(t).unwrap();
        let s = SeriesData {
            label: "open".into(),
            kind: ValueKind::Count,
            unit: String::new(),
            source: String::new(),
            points: vec![
                SeriesPoint::new(day("2024-03-31"), Some(40.0)),
                SeriesPoint::new(day("2024-09-30"), Some(31.0)),
            ],
        };
        let baseline = ReportingPeriod::financial_year(2023);
        let c = compare(&s, baseline, 202409).unwrap();
        assert_eq!(
            (c.baseline.label.as_str(), c.latest.value),
            ("2024-03-31", 31.0)
        );
        assert!(compare(&s, baseline, 202406).is_err());
    }
}
