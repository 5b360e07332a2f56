//! Financial years (1 April – 31 March, written "2023/24"), the unit every assessment
//! reports in: labels, parsing what an analyst types, their months, and which years the
//! data cover completely.
//!
//! Knows nothing of counts; months are `YYYYMM` integers as everywhere in the crate.

use crate::import::month::financial_year_of;
use serde::Serialize;
use std::collections::BTreeSet;

/// A financial year, named by the calendar year it starts in: `FinancialYear(2023)` is
/// April 2023 – March 2024.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct FinancialYear(pub u32);

impl FinancialYear {
    /// The year as assessments write it: "2023/24", and "1999/00" across a century.
    pub fn label(self) -> String {
        format!("{}/{:02}", self.0, (u64::from(self.0) + 1) % 100)
    }

    /// Read a year as an analyst types it: "2023/24", "2023-24", "2023–24" or
    /// "2023/2024". `None` when it is not a financial year (the end must follow the start).
    pub fn parse(text: &str) -> Option<FinancialYear> {
        let text = text.trim();
        let (start, end) = text
            .split_once('/')
            .or_else(|| text.split_once('-'))
            .or_else(|| text.split_once('–'))?;
        let (start, end) = (start.trim(), end.trim());
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if start.len() != 4 || !all_digits(start) || !all_digits(end) {
            return None;
        }
        let start: u32 = start.parse().ok()?;
        let end_value: u32 = end.parse().ok()?;
        let follows = match end.len() {
            2 => end_value == (start + 1) % 100,
            4 => end_value == start + 1,
            _ => false,
        };
        follows.then_some(FinancialYear(start))
    }

    /// The year's 12 months as `YYYYMM`, April to March.
    pub fn months(self) -> [u32; 12] {
        let april_year = self.0.saturating_mul(100);
        let next_year = self.0.saturating_add(1).saturating_mul(100);
        std::array::from_fn(|i| {
            let i = i as u32;
            if i < 9 {
                april_year.saturating_add(i + 4)
            } else {
                next_year.saturating_add(i - 8)
            }
        })
    }

    /// The financial year a `YYYYMM` month falls in (202303 → 2022/23).
    pub fn of_month(month: u32) -> FinancialYear {
        // Months of year 0 cannot come from data; guard them so nonsense cannot underflow.
        if month < 100 {
            return FinancialYear(0);
        }
        FinancialYear(financial_year_of(month))
    }

    /// The latest year all 12 of whose months are present, if any.
    pub fn latest_complete(months_with_data: &[u32]) -> Option<FinancialYear> {
        complete_years(months_with_data).last().copied()
    }
}

/// Every financial year all 12 of whose months are present, oldest first. Duplicate or
/// out-of-range months in the list are harmless.
pub fn complete_years(months_with_data: &[u32]) -> Vec<FinancialYear> {
    let held: BTreeSet<u32> = months_with_data.iter().copied().collect();
    years_touched(months_with_data)
        .into_iter()
        .filter(|fy| fy.months().iter().all(|m| held.contains(m)))
        .collect()
}

/// Every financial year at least one of the months falls in, oldest first, once each.
pub fn years_touched(months: &[u32]) -> Vec<FinancialYear> {
    let years: BTreeSet<FinancialYear> =
        months.iter().map(|m| FinancialYear::of_month(*m)).collect();
    years.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn labels_use_a_two_digit_end_year() {
        assert_eq!(FinancialYear(2023).label(), "2023/24");
        assert_eq!(FinancialYear(1999).label(), "1999/00");
        assert_eq!(FinancialYear(2009).label(), "2009/10");
        assert_eq!(FinancialYear(u32::MAX).label(), "4294967295/96");
    }

    #[test]
    fn parses_the_forms_analysts_type() {
        for text in [
            "2023/24",
            "2023-24",
            "2023/2024",
            "2023-2024",
            " 2023 / 24 ",
            "2023–24",
        ] {
            assert_eq!(
                FinancialYear::parse(text),
                Some(FinancialYear(2023)),
                "{text}"
            );
        }
        assert_eq!(FinancialYear::parse("1999/00"), Some(FinancialYear(1999)));
        assert_eq!(FinancialYear::parse("1999/2000"), Some(FinancialYear(1999)));
    }

    #[test]
    fn rejects_what_is_not_a_financial_year() {
        for text in [
            "",
            "2023",
            "2023/25",
            "2023/2025",
            "23/24",
            "2023/",
            "/24",
            "2023/2",
            "abcd/ef",
            "2023/+4",
            "2023/024",
            "99999/00",
            "2023/24/25",
        ] {
            assert_eq!(FinancialYear::parse(text), None, "{text}");
        }
    }

    #[test]
    fn months_run_april_to_march() {
        assert_eq!(
            FinancialYear(2023).months(),
            [
                202304, 202305, 202306, 202307, 202308, 202309, 202310, 202311, 202312, 202401,
                202402, 202403
            ]
        );
        // Huge years saturate rather than overflow.
        let _ = FinancialYear(u32::MAX).months();
    }

    #[test]
    fn month_belongs_to_the_year_starting_the_april_before() {
        assert_eq!(FinancialYear::of_month(202303), FinancialYear(2022));
        assert_eq!(FinancialYear::of_month(202304), FinancialYear(2023));
        assert_eq!(FinancialYear::of_month(202312), FinancialYear(2023));
        assert_eq!(FinancialYear::of_month(0), FinancialYear(0));
        assert_eq!(FinancialYear::of_month(3), FinancialYear(0));
    }

    #[test]
    fn latest_complete_skips_a_year_with_a_missing_month() {
        let mut months: Vec<u32> = FinancialYear(2021).months().to_vec();
        months.extend(FinancialYear(2022).months());
        // 2023/24 lacks December.
        months.extend(
            FinancialYear(2023)
                .months()
                .iter()
                .filter(|m| **m != 202312),
        );
        assert_eq!(
            FinancialYear::latest_complete(&months),
            Some(FinancialYear(2022))
        );
        assert_eq!(
            complete_years(&months),
            vec![FinancialYear(2021), FinancialYear(2022)]
        );
    }

    #[test]
    fn partial_and_empty_data_have_no_complete_year() {
        assert_eq!(FinancialYear::latest_complete(&[]), None);
        assert_eq!(FinancialYear::latest_complete(&[202304, 202305]), None);
        // January 2023 to December 2023: a calendar year spans two financial years.
        let calendar: Vec<u32> = (1..=12).map(|m| 202300 + m).collect();
        assert!(complete_years(&calendar).is_empty());
    }

    #[test]
    fn years_touched_by_scattered_months() {
        assert_eq!(
            years_touched(&[202404, 202303, 202304, 202303]),
            vec![
                FinancialYear(2022),
                FinancialYear(2023),
                FinancialYear(2024)
            ]
        );
        assert!(years_touched(&[]).is_empty());
    }

    #[test]
    fn unordered_and_repeated_months_are_fine() {
        let mut months: Vec<u32> = FinancialYear(2020).months().to_vec();
        months.extend(FinancialYear(2020).months());
        months.reverse();
        months.push(999_999);
        assert_eq!(complete_years(&months), vec![FinancialYear(2020)]);
    }

    proptest! {
        #[test]
        fn label_parses_back(start in 1000u32..=9998) {
            let fy = FinancialYear(start);
            prop_assert_eq!(FinancialYear::parse(&fy.label()), Some(fy));
        }

        #[test]
        fn every_month_of_a_year_belongs_to_it(start in 1990u32..2100) {
            let fy = FinancialYear(start);
            for m in fy.months() {
                prop_assert_eq!(FinancialYear::of_month(m), fy);
            }
        }

        #[test]
        fn complete_years_never_panics(months in proptest::collection::vec(any::<u32>(), 0..40)) {
            for fy in complete_years(&months) {
                prop_assert!(fy.months().iter().all(|m| months.contains(m)));
            }
        }
    }
}
