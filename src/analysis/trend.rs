//! The general trend over several financial years (the seed shows five): the yearly
//! totals, a least-squares slope in incidents per year, and the change from the first
//! year to the last, with one sentence that says it plainly.
//!
//! Takes yearly totals as given; deciding which years are complete enough to show is the
//! caller's job. Does no significance testing (see `change`).

use super::financial_year::FinancialYear;
use super::rates::{percent_change, round1};
use crate::format::thousands;
use serde::Serialize;

/// One year of the trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    /// "2023/24".
    pub fy: String,
    /// Incidents in the year.
    pub total: i64,
}

/// The trend over the years given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    /// Oldest first.
    pub points: Vec<TrendPoint>,
    /// Least-squares slope in incidents per year, to one decimal; `None` with fewer
    /// than two different years.
    pub slope_per_year: Option<f64>,
    /// Percentage change from the first year to the last, to one decimal; `None` with
    /// fewer than two years or a first year of zero.
    pub change_pct: Option<f64>,
}

/// Build the trend from yearly totals in any order (they are sorted by year). Gaps
/// between years are allowed: the slope is fitted against the actual years.
pub fn trend(totals: &[(FinancialYear, i64)]) -> Trend {
    let mut sorted = totals.to_vec();
    sorted.sort_by_key(|(fy, _)| *fy);
    let change_pct = match (sorted.first(), sorted.last()) {
        (Some(first), Some(last)) if sorted.len() > 1 => percent_change(first.1, last.1),
        _ => None,
    };
    Trend {
        slope_per_year: least_squares_slope(&sorted).map(round1),
        change_pct,
        points: sorted
            .iter()
            .map(|(fy, total)| TrendPoint {
                fy: fy.label(),
                total: *total,
            })
            .collect(),
    }
}

fn least_squares_slope(points: &[(FinancialYear, i64)]) -> Option<f64> {
    let n = points.len() as f64;
    // Centre the years first: squaring 2023 loses no precision, but centring keeps the
    // sums small and the formula obviously right.
    let mean_x = points.iter().map(|(fy, _)| f64::from(fy.0)).sum::<f64>() / n;
    let mean_y = points.iter().map(|(_, y)| *y as f64).sum::<f64>() / n;
    let (sxy, sxx) = points.iter().fold((0.0, 0.0), |(sxy, sxx), (fy, y)| {
        let dx = f64::from(fy.0) - mean_x;
        (sxy + dx * (*y as f64 - mean_y), sxx + dx * dx)
    });
    (sxx > 0.0).then(|| sxy / sxx)
}

/// One sentence on the trend, e.g. "Recorded crime rose by about 350 a year over the
/// 5 years 2010/11 to 2014/15 (up 12.3% from the first year to the last)."
pub fn describe_trend(trend: &Trend, what: &str) -> String {
    let (Some(first), Some(last), Some(slope)) = (
        trend.points.first(),
        trend.points.last(),
        trend.slope_per_year,
    ) else {
        return format!("{what}: at least two years are needed to show a trend.");
    };
    let span = format!(
        "over the {} years {} to {}",
        trend.points.len(),
        first.fy,
        last.fy
    );
    let per_year = slope.abs().round() as i64;
    let movement = if per_year == 0 {
        format!("{what} was broadly flat {span}")
    } else {
        let verb = if slope > 0.0 { "rose" } else { "fell" };
        format!(
            "{what} {verb} by about {} a year {span}",
            thousands(per_year)
        )
    };
    match trend.change_pct {
        Some(pct) if pct > 0.0 => {
            format!("{movement} (up {pct:.1}% from the first year to the last).")
        }
        Some(pct) if pct < 0.0 => {
            format!(
                "{movement} (down {:.1}% from the first year to the last).",
                -pct
            )
        }
        Some(_) => format!("{movement} (the same in the first year and the last)."),
        None => format!("{movement}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn years(totals: &[(u32, i64)]) -> Vec<(FinancialYear, i64)> {
        totals
            .iter()
            .map(|(y, t)| (FinancialYear(*y), *t))
            .collect()
    }

    #[test]
    fn slope_and_change_match_hand_computation() {
        // x = 0..4, y = 10, 12, 11, 15, 17: mean x 2, mean y 13;
        // Sxy = (-2)(-3) + (-1)(-1) + 0 + 1·2 + 2·4 = 17, Sxx = 10 → 1.7 a year.
        let t = trend(&years(&[
            (2010, 10),
            (2011, 12),
            (2012, 11),
            (2013, 15),
            (2014, 17),
        ]));
        assert_eq!(t.slope_per_year, Some(1.7));
        assert_eq!(t.change_pct, Some(70.0));
        assert_eq!(t.points.first().map(|p| p.fy.as_str()), Some("2010/11"));
    }

    #[test]
    fn years_are_sorted_and_gaps_respected() {
        // 2010: 100, 2013: 130 (2011, 2012 missing) → 10 a year, not 30.
        let t = trend(&years(&[(2013, 130), (2010, 100)]));
        assert_eq!(t.slope_per_year, Some(10.0));
        assert_eq!(
            t.points,
            vec![
                TrendPoint {
                    fy: "2010/11".into(),
                    total: 100
                },
                TrendPoint {
                    fy: "2013/14".into(),
                    total: 130
                },
            ]
        );
    }

    #[test]
    fn too_few_years_or_a_zero_start_give_no_figures() {
        let empty = trend(&[]);
        assert_eq!((empty.slope_per_year, empty.change_pct), (None, None));
        let one = trend(&years(&[(2020, 5)]));
        assert_eq!((one.slope_per_year, one.change_pct), (None, None));
        let from_zero = trend(&years(&[(2020, 0), (2021, 5)]));
        assert_eq!(from_zero.change_pct, None);
        assert_eq!(from_zero.slope_per_year, Some(5.0));
        let same_year = trend(&years(&[(2020, 1), (2020, 9)]));
        assert_eq!(same_year.slope_per_year, None);
    }

    #[test]
    fn sentences() {
        let up = trend(&years(&[(2010, 1000), (2011, 1400), (2012, 1700)]));
        assert_eq!(
            describe_trend(&up, "Recorded crime"),
            "Recorded crime rose by about 350 a year over the 3 years 2010/11 to 2012/13 \
             (up 70.0% from the first year to the last)."
        );
        let down = trend(&years(&[(2010, 3000), (2011, 1000)]));
        assert_eq!(
            describe_trend(&down, "ASB"),
            "ASB fell by about 2,000 a year over the 2 years 2010/11 to 2011/12 \
             (down 66.7% from the first year to the last)."
        );
        let flat = trend(&years(&[(2010, 5), (2011, 5)]));
        assert_eq!(
            describe_trend(&flat, "Robbery"),
            "Robbery was broadly flat over the 2 years 2010/11 to 2011/12 \
             (the same in the first year and the last)."
        );
        assert_eq!(
            describe_trend(&trend(&[]), "Robbery"),
            "Robbery: at least two years are needed to show a trend."
        );
    }

    proptest! {
        #[test]
        fn a_straight_line_has_its_own_slope(
            start in 2000u32..2030, len in 2usize..8, base in 0i64..100_000, step in -1000i64..1000,
        ) {
            let totals: Vec<(FinancialYear, i64)> = (0..len)
                .map(|i| (FinancialYear(start + i as u32), base + step * i as i64))
                .collect();
            prop_assert_eq!(trend(&totals).slope_per_year, Some(step as f64));
        }

        #[test]
        fn never_panics(totals in proptest::collection::vec((any::<u32>(), any::<i64>()), 0..10)) {
            let t = trend(&years(&totals));
            let _ = describe_trend(&t, "X");
        }
    }
}
