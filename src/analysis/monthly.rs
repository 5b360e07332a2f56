//! Monthly series `(YYYYMM, count)`: put in month order with repeated months added
//! together, and totalled per financial year.
//!
//! Takes the series as given; it never fills a missing month with zero (a gap is not a
//! month without crime) and never reads a store.

use super::financial_year::{years_touched, FinancialYear};
use serde::Serialize;
use std::collections::BTreeMap;

/// The series in month order, counts of a month that appears more than once added
/// together (saturating, so absurd inputs cannot overflow).
pub fn by_month(monthly: &[(u32, i64)]) -> BTreeMap<u32, i64> {
    let mut out = BTreeMap::new();
    for (month, count) in monthly {
        let total: &mut i64 = out.entry(*month).or_default();
        *total = total.saturating_add(*count);
    }
    out
}

/// A financial year's total and how many of its months the data hold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearTotal {
    /// The year as a label, "2023/24".
    pub fy: String,
    /// Sum of the months present.
    pub total: i64,
    /// Months of the year present in the data (12 when complete).
    pub months_present: u32,
}

impl YearTotal {
    /// True when all 12 months are present, so the total can be compared with others.
    pub fn is_complete(&self) -> bool {
        self.months_present == 12
    }
}

/// Total of `fy` over the months present, or `None` when none of its months are.
pub fn year_total(months: &BTreeMap<u32, i64>, fy: FinancialYear) -> Option<YearTotal> {
    let present: Vec<i64> = fy
        .months()
        .iter()
        .filter_map(|m| months.get(m).copied())
        .collect();
    (!present.is_empty()).then(|| YearTotal {
        fy: fy.label(),
        total: present.iter().fold(0i64, |sum, n| sum.saturating_add(*n)),
        months_present: present.len() as u32,
    })
}

/// Totals of every financial year the series touches, oldest first.
pub fn year_totals(monthly: &[(u32, i64)]) -> Vec<(FinancialYear, YearTotal)> {
    let months = by_month(monthly);
    let held: Vec<u32> = months.keys().copied().collect();
    years_touched(&held)
        .into_iter()
        .filter_map(|fy| year_total(&months, fy).map(|t| (fy, t)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn repeated_months_are_added_and_ordered() {
        let m = by_month(&[(202305, 3), (202304, 2), (202305, 4)]);
        assert_eq!(
            m.into_iter().collect::<Vec<_>>(),
            vec![(202304, 2), (202305, 7)]
        );
        let huge = by_month(&[(202304, i64::MAX), (202304, 1)]);
        assert_eq!(huge.get(&202304), Some(&i64::MAX));
    }

    #[test]
    fn totals_per_year_count_the_months_present() {
        // March 2023 is in 2022/23; April 2023 – June 2023 in 2023/24, May missing.
        let series = [(202303, 10), (202304, 1), (202306, 5)];
        let totals = year_totals(&series);
        assert_eq!(totals.len(), 2);
        assert_eq!(totals[0].0, FinancialYear(2022));
        assert_eq!(
            totals[0].1,
            YearTotal {
                fy: "2022/23".into(),
                total: 10,
                months_present: 1
            }
        );
        assert_eq!(totals[1].1.total, 6);
        assert_eq!(totals[1].1.months_present, 2);
        assert!(!totals[1].1.is_complete());
    }

    #[test]
    fn a_year_of_zero_months_is_still_present() {
        let series: Vec<(u32, i64)> = FinancialYear(2023)
            .months()
            .iter()
            .map(|m| (*m, 0))
            .collect();
        let totals = year_totals(&series);
        assert_eq!(totals.len(), 1);
        assert_eq!(totals[0].1.total, 0);
        assert!(totals[0].1.is_complete());
    }

    #[test]
    fn empty_series_has_no_years() {
        assert!(year_totals(&[]).is_empty());
        assert_eq!(year_total(&BTreeMap::new(), FinancialYear(2023)), None);
    }

    proptest! {
        #[test]
        fn monthly_counts_of_a_complete_year_sum_to_its_total(
            start in 2000u32..2030,
            counts in proptest::collection::vec(0i64..100_000, 12),
            before in 0i64..1000,
            after in 0i64..1000,
        ) {
            let fy = FinancialYear(start);
            let mut series: Vec<(u32, i64)> =
                fy.months().iter().copied().zip(counts.iter().copied()).collect();
            // Months either side must not leak into the year.
            series.push((fy.months()[0] - 1, before));
            series.push((FinancialYear(start + 1).months()[0], after));
            let totals = year_totals(&series);
            let this = totals.iter().find(|(y, _)| *y == fy).map(|(_, t)| t.clone());
            let expected: i64 = counts.iter().sum();
            prop_assert_eq!(this.map(|t| (t.total, t.is_complete())), Some((expected, true)));
        }
    }
}
