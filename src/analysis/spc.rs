//! Statistical process control for monthly counts: a c-chart (mean ± 3√mean, the Poisson
//! standard deviation) or an XmR chart (mean ± 2.66 × the mean moving range, which takes
//! its spread from the data, so over-dispersed counts are not flagged month after month),
//! with the signals analysts look for: points outside the limits and runs of 7 or more on
//! one side of the mean.
//!
//! The mean is taken over exactly the series given; choosing the baseline months is the
//! caller's job. Missing months are simply absent: a run continues across a gap.

use super::monthly::by_month;
use super::rates::round1;
use crate::import::month::month_label;
use serde::Serialize;
use std::cmp::Ordering;

/// Points in a row on one side of the mean that count as a signal.
pub const RUN_LENGTH: usize = 7;

/// One month on the chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlPoint {
    /// "2023-04".
    pub month: String,
    /// Incidents in the month.
    pub count: i64,
    /// Above the upper control limit.
    pub above_upper: bool,
    /// Below the lower control limit.
    pub below_lower: bool,
    /// Part of a run of 7 or more points on the same side of the mean.
    pub in_run: bool,
}

/// A c-chart. Mean and limits are rounded to one decimal; the signals are decided on
/// the unrounded values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlChart {
    /// Mean monthly count (the centre line).
    pub mean: f64,
    /// mean + 3√mean.
    pub upper: f64,
    /// max(0, mean − 3√mean).
    pub lower: f64,
    /// In month order.
    pub points: Vec<ControlPoint>,
}

/// Which limits a chart uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum ChartKind {
    /// Poisson limits, mean ± 3√mean.
    #[default]
    CChart,
    /// Individuals chart, mean ± 2.66 × mean moving range.
    Xmr,
}

impl ChartKind {
    pub fn label(self) -> &'static str {
        match self {
            ChartKind::CChart => "c-chart (Poisson limits)",
            ChartKind::Xmr => "XmR chart (limits from month-to-month variation)",
        }
    }
}

/// Wheeler's constant for individuals charts: 3 / d2 with d2 = 1.128 for ranges of two.
const XMR_FACTOR: f64 = 2.66;

/// Build the c-chart of a monthly series (any order; a month listed twice has its
/// figures added). An empty series gives mean 0 and no points.
pub fn c_chart(monthly: &[(u32, i64)]) -> ControlChart {
    control_chart(monthly, ChartKind::CChart)
}

/// Build the chart of the given kind for a monthly series (as [`c_chart`]). An XmR chart
/// of fewer than two months has no moving range, so its limits sit on the mean.
pub fn control_chart(monthly: &[(u32, i64)], kind: ChartKind) -> ControlChart {
    let series: Vec<(u32, i64)> = by_month(monthly).into_iter().collect();
    let n = series.len() as i128;
    let sum: i128 = series.iter().map(|(_, c)| i128::from(*c)).sum();
    let mean = if n == 0 { 0.0 } else { sum as f64 / n as f64 };
    let spread = match kind {
        ChartKind::CChart => 3.0 * mean.max(0.0).sqrt(),
        ChartKind::Xmr => XMR_FACTOR * mean_moving_range(&series),
    };
    let (upper, lower) = (mean + spread, (mean - spread).max(0.0));
    // Compare count·n with the sum in integers, so a point exactly on the mean is
    // recognised as such and breaks a run.
    let sides: Vec<Ordering> = series
        .iter()
        .map(|(_, c)| (i128::from(*c) * n).cmp(&sum))
        .collect();
    let in_run = runs(&sides);
    ControlChart {
        mean: round1(mean),
        upper: round1(upper),
        lower: round1(lower),
        points: series
            .iter()
            .zip(in_run)
            .map(|((month, count), in_run)| ControlPoint {
                month: month_label(*month),
                count: *count,
                above_upper: *count as f64 > upper,
                below_lower: (*count as f64) < lower,
                in_run,
            })
            .collect(),
    }
}

/// Mean of the absolute differences between consecutive months; 0 for fewer than two.
fn mean_moving_range(series: &[(u32, i64)]) -> f64 {
    let ranges: Vec<f64> = series
        .windows(2)
        .filter_map(|w| Some((w.get(1)?.1 - w.first()?.1).abs() as f64))
        .collect();
    if ranges.is_empty() {
        0.0
    } else {
        ranges.iter().sum::<f64>() / ranges.len() as f64
    }
}

/// Marks the points in runs of `RUN_LENGTH` or more on one side (`Equal` never runs).
fn runs(sides: &[Ordering]) -> Vec<bool> {
    let mut marked = vec![false; sides.len()];
    let mut start = 0;
    for end in 1..=sides.len() {
        let run_continues = end < sides.len() && sides.get(end) == sides.get(start);
        if run_continues {
            continue;
        }
        let on_one_side = sides.get(start).is_some_and(|s| *s != Ordering::Equal);
        if on_one_side && end - start >= RUN_LENGTH {
            marked
                .iter_mut()
                .take(end)
                .skip(start)
                .for_each(|m| *m = true);
        }
        start = end;
    }
    marked
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn series(counts: &[i64]) -> Vec<(u32, i64)> {
        // Consecutive months from April 2023 (months past 12 roll into 2024).
        counts
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let k = 3 + i as u32;
                (202300 + (k / 12) * 100 + k % 12 + 1, *c)
            })
            .collect()
    }

    #[test]
    fn xmr_limits_come_from_the_moving_range() {
        // Moving ranges 10, 20, 20, 10 → mean 15; mean of the counts 110;
        // limits 110 ± 2.66 × 15 = 70.1 and 149.9.
        let chart = control_chart(&series(&[100, 110, 130, 110, 100]), ChartKind::Xmr);
        assert_eq!((chart.mean, chart.upper, chart.lower), (110.0, 149.9, 70.1));
        assert!(chart
            .points
            .iter()
            .all(|p| !p.above_upper && !p.below_lower));
        // Over-dispersed counts around 2,000: the Poisson limits (±134) flag months the
        // XmR limits (from the real month-to-month variation) do not.
        let noisy = series(&[2000, 2300, 1800, 2250, 1750, 2100, 1900, 2200]);
        let c = c_chart(&noisy);
        let xmr = control_chart(&noisy, ChartKind::Xmr);
        let flagged = |ch: &ControlChart| {
            ch.points
                .iter()
                .filter(|p| p.above_upper || p.below_lower)
                .count()
        };
        assert!(flagged(&c) >= 4, "{c:?}");
        assert_eq!(flagged(&xmr), 0, "{xmr:?}");
        // One month: no moving range, limits on the mean.
        let one = control_chart(&series(&[50]), ChartKind::Xmr);
        assert_eq!((one.upper, one.lower), (50.0, 50.0));
    }

    #[test]
    fn limits_match_hand_computation() {
        // Mean 100: limits 100 ± 30.
        let chart = c_chart(&series(&[100, 90, 110, 131, 69, 100]));
        assert_eq!((chart.mean, chart.upper, chart.lower), (100.0, 130.0, 70.0));
        let flags: Vec<(bool, bool)> = chart
            .points
            .iter()
            .map(|p| (p.above_upper, p.below_lower))
            .collect();
        assert_eq!(
            flags,
            vec![
                (false, false),
                (false, false),
                (false, false),
                (true, false),
                (false, true),
                (false, false)
            ]
        );
        assert_eq!(chart.points[0].month, "2023-04");
        assert_eq!(chart.points[5].month, "2023-09");
    }

    #[test]
    fn lower_limit_is_never_negative() {
        // Mean 4: 4 − 6 < 0.
        let chart = c_chart(&series(&[2, 6, 4, 4]));
        assert_eq!((chart.mean, chart.upper, chart.lower), (4.0, 10.0, 0.0));
        assert!(chart.points.iter().all(|p| !p.below_lower));
    }

    /// The `in_run` marks of the chart of `counts`.
    fn run_marks(counts: &[i64]) -> Vec<bool> {
        c_chart(&series(counts))
            .points
            .iter()
            .map(|p| p.in_run)
            .collect()
    }

    /// `[(true, 2), (false, 1)]` → `[true, true, false]`.
    fn pattern(stretches: &[(bool, usize)]) -> Vec<bool> {
        stretches
            .iter()
            .flat_map(|(mark, len)| std::iter::repeat_n(*mark, *len))
            .collect()
    }

    #[test]
    fn a_run_of_seven_is_marked_and_six_is_not() {
        // 14 points: mean = (7·12 + 6·8 + 1·20)/14 = 152/14 ≈ 10.86.
        let counts = [12, 12, 12, 12, 12, 12, 12, 8, 8, 8, 8, 8, 8, 20];
        assert_eq!(run_marks(&counts), pattern(&[(true, 7), (false, 7)]));
    }

    #[test]
    fn a_point_on_the_mean_breaks_a_run() {
        // Mean exactly 10: the 10 in the middle splits eight highs into 4 + 4.
        let counts = [
            11, 11, 11, 11, 10, 11, 11, 11, 11, 1, 1, 1, 1, 1, 1, 1, 1, 74,
        ];
        assert_eq!(counts.iter().sum::<i64>(), 10 * counts.len() as i64);
        assert_eq!(
            run_marks(&counts),
            pattern(&[(false, 9), (true, 8), (false, 1)])
        );
    }

    #[test]
    fn runs_above_then_below_are_both_marked() {
        // Mean 5: seven 9s then seven 1s.
        let counts = [9, 9, 9, 9, 9, 9, 9, 1, 1, 1, 1, 1, 1, 1];
        assert_eq!(run_marks(&counts), pattern(&[(true, 14)]));
    }

    #[test]
    fn empty_and_zero_series() {
        let empty = c_chart(&[]);
        assert_eq!((empty.mean, empty.upper, empty.lower), (0.0, 0.0, 0.0));
        assert!(empty.points.is_empty());
        let zeros = c_chart(&series(&[0; 10]));
        assert_eq!(zeros.mean, 0.0);
        assert!(zeros
            .points
            .iter()
            .all(|p| !p.in_run && !p.above_upper && !p.below_lower));
    }

    #[test]
    fn unordered_months_are_charted_in_order() {
        let chart = c_chart(&[(202306, 5), (202304, 1), (202305, 3)]);
        let months: Vec<&str> = chart.points.iter().map(|p| p.month.as_str()).collect();
        assert_eq!(months, vec!["2023-04", "2023-05", "2023-06"]);
    }

    proptest! {
        #[test]
        fn never_panics_and_runs_are_long(
            points in proptest::collection::vec((any::<u32>(), any::<i64>()), 0..60)
        ) {
            let chart = c_chart(&points);
            prop_assert!(chart.lower >= 0.0);
            // Every marked stretch is at least RUN_LENGTH long.
            let mut length = 0;
            for p in &chart.points {
                if p.in_run {
                    length += 1;
                } else {
                    prop_assert!(length == 0 || length >= RUN_LENGTH);
                    length = 0;
                }
            }
            prop_assert!(length == 0 || length >= RUN_LENGTH);
        }
    }
}
