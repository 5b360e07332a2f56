//! Seasonality of a financial year: its 12 months April to March beside the average of
//! the same month over earlier complete years, and the seasonal index (that average
//! month ÷ the average month), so an analyst sees whether a summer peak is usual.
//!
//! Never invents data: a missing month stays missing (`None`), and only complete earlier
//! years feed the averages, so a partial year cannot bend the profile.

use super::financial_year::{complete_years, FinancialYear};
use super::monthly::by_month;
use super::rates::{round1, round2};
use crate::import::month::month_label;
use serde::Serialize;

const MONTH_NAMES: [&str; 12] = [
    "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar",
];

/// One month of the year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthPoint {
    /// "2023-04".
    pub month: String,
    /// "Apr".
    pub month_name: String,
    /// `None` when the data hold no figure for the month.
    pub count: Option<i64>,
}

/// A year's months against the usual seasonal pattern. Every vector has 12 entries,
/// April to March.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeasonalProfile {
    /// The year's own months.
    pub months: Vec<MonthPoint>,
    /// Average of the same month over the earlier complete years, to one decimal;
    /// `None` when there is no earlier complete year.
    pub earlier_average: Vec<Option<f64>>,
    /// That average ÷ the mean of the 12 averages, to two decimals (1.10 = a month 10 %
    /// busier than average); `None` without earlier years or when they are all zero.
    pub seasonal_index: Vec<Option<f64>>,
    /// The earlier complete years averaged, oldest first ("2021/22").
    pub earlier_years: Vec<String>,
}

/// The seasonal profile of `fy` from a monthly series (gaps allowed; a month listed twice
/// counts once with both figures added).
pub fn seasonal_profile(monthly: &[(u32, i64)], fy: FinancialYear) -> SeasonalProfile {
    let counts = by_month(monthly);
    let held: Vec<u32> = counts.keys().copied().collect();
    let earlier: Vec<FinancialYear> = complete_years(&held)
        .into_iter()
        .filter(|year| *year < fy)
        .collect();
    let averages: Vec<f64> = (0..12)
        .map(|i| {
            let sum: f64 = earlier
                .iter()
                .filter_map(|year| counts.get(&year.months()[i]))
                .map(|n| *n as f64)
                .sum();
            sum / earlier.len() as f64
        })
        .collect();
    let average_month = averages.iter().sum::<f64>() / 12.0;
    let has_earlier = !earlier.is_empty();
    let has_index = has_earlier && average_month > 0.0 && average_month.is_finite();
    SeasonalProfile {
        months: fy
            .months()
            .iter()
            .zip(MONTH_NAMES)
            .map(|(m, name)| MonthPoint {
                month: month_label(*m),
                month_name: name.to_string(),
                count: counts.get(m).copied(),
            })
            .collect(),
        earlier_average: averages
            .iter()
            .map(|a| has_earlier.then(|| round1(*a)))
            .collect(),
        seasonal_index: averages
            .iter()
            .map(|a| has_index.then(|| round2(a / average_month)))
            .collect(),
        earlier_years: earlier.iter().map(|year| year.label()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn year(fy: u32, counts: [i64; 12]) -> Vec<(u32, i64)> {
        FinancialYear(fy).months().into_iter().zip(counts).collect()
    }

    #[test]
    fn averages_earlier_complete_years_month_by_month() {
        let mut series = year(2021, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
        series.extend(year(
            2022,
            [30, 20, 10, 40, 50, 60, 70, 80, 90, 100, 110, 0],
        ));
        // 2020/21 has only April: not complete, so it must not count.
        series.push((202004, 1_000));
        series.extend(year(2023, [5; 12]));
        let p = seasonal_profile(&series, FinancialYear(2023));
        assert_eq!(p.earlier_years, vec!["2021/22", "2022/23"]);
        // April: (10 + 30) / 2 = 20; March: (120 + 0) / 2 = 60.
        assert_eq!(p.earlier_average[0], Some(20.0));
        assert_eq!(p.earlier_average[11], Some(60.0));
        // Mean of averages: (20+20+20+40+50+60+70+80+90+100+110+60)/12 = 720/12 = 60.
        assert_eq!(p.seasonal_index[0], Some(0.33));
        assert_eq!(p.seasonal_index[11], Some(1.0));
        assert_eq!(p.seasonal_index[10], Some(1.83));
        assert_eq!(p.months[0].month, "2023-04");
        assert_eq!(p.months[0].month_name, "Apr");
        assert_eq!(p.months[11].month, "2024-03");
        assert_eq!(p.months[11].month_name, "Mar");
        assert!(p.months.iter().all(|m| m.count == Some(5)));
    }

    #[test]
    fn a_missing_month_is_none_not_zero() {
        let series: Vec<(u32, i64)> = year(2023, [7; 12])
            .into_iter()
            .filter(|(m, _)| *m != 202312)
            .collect();
        let p = seasonal_profile(&series, FinancialYear(2023));
        assert_eq!(p.months[8].month, "2023-12");
        assert_eq!(p.months[8].count, None);
        assert_eq!(p.months[7].count, Some(7));
        assert!(p.earlier_years.is_empty());
        assert_eq!(p.earlier_average, vec![None; 12]);
        assert_eq!(p.seasonal_index, vec![None; 12]);
    }

    #[test]
    fn later_years_and_the_year_itself_are_not_earlier() {
        let mut series = year(2022, [1; 12]);
        series.extend(year(2023, [2; 12]));
        series.extend(year(2024, [3; 12]));
        let p = seasonal_profile(&series, FinancialYear(2023));
        assert_eq!(p.earlier_years, vec!["2022/23"]);
        assert_eq!(p.earlier_average, vec![Some(1.0); 12]);
        assert_eq!(p.seasonal_index, vec![Some(1.0); 12]);
    }

    #[test]
    fn all_zero_earlier_years_have_averages_but_no_index() {
        let mut series = year(2022, [0; 12]);
        series.extend(year(2023, [4; 12]));
        let p = seasonal_profile(&series, FinancialYear(2023));
        assert_eq!(p.earlier_average, vec![Some(0.0); 12]);
        assert_eq!(p.seasonal_index, vec![None; 12]);
    }

    #[test]
    fn empty_series() {
        let p = seasonal_profile(&[], FinancialYear(2023));
        assert_eq!(p.months.len(), 12);
        assert!(p.months.iter().all(|m| m.count.is_none()));
        assert_eq!(p.earlier_average.len(), 12);
        assert_eq!(p.seasonal_index.len(), 12);
    }

    proptest! {
        #[test]
        fn the_months_of_a_complete_year_sum_to_its_total(
            counts in proptest::array::uniform12(0i64..1_000_000),
            noise in proptest::collection::vec((201_001u32..203_012, 0i64..100), 0..30),
        ) {
            let fy = FinancialYear(2023);
            let mut series = year(2023, counts);
            // Other months, never this year's.
            series.extend(noise.into_iter().filter(|(m, _)| FinancialYear::of_month(*m) != fy));
            let p = seasonal_profile(&series, fy);
            let sum: i64 = p.months.iter().filter_map(|m| m.count).sum();
            prop_assert_eq!(sum, counts.iter().sum::<i64>());
        }

        #[test]
        fn the_index_averages_to_one(earlier in proptest::array::uniform12(1i64..10_000)) {
            let p = seasonal_profile(&year(2022, earlier), FinancialYear(2023));
            let mean = p.seasonal_index.iter().flatten().sum::<f64>() / 12.0;
            // Each index is rounded to 0.005 at most.
            prop_assert!((mean - 1.0).abs() <= 0.005 + 1e-12, "{}", mean);
        }
    }
}
