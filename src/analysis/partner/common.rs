//! Pieces the partner themes share: a count's change on last year with the exact test and
//! its sentence, shares of a total, ward rows with rates, and the financial years a set of
//! months touches.

use crate::analysis::change::{explain, test_change};
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::rates::{percent_of, rate_per_1000};
use crate::import::partner::CountValue;
use serde::Serialize;

/// A count this year against last year.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct YearChange {
    pub previous: Option<i64>,
    pub change: Option<i64>,
    pub change_pct: Option<f64>,
    pub change_significant: Option<bool>,
    pub change_p_value: Option<f64>,
    /// One sentence for the analyst.
    pub change_explained: String,
}

impl YearChange {
    /// `previous` is `None` unless this year and last year are both fully held.
    pub fn of(current: i64, previous: Option<i64>, what: &str, year: FinancialYear) -> Self {
        match previous {
            Some(previous) => {
                let test = test_change(current, previous);
                YearChange {
                    previous: Some(previous),
                    change: Some(test.change),
                    change_pct: test.change_pct,
                    change_significant: Some(test.significant),
                    change_p_value: Some(test.p_value),
                    change_explained: explain(&test, what),
                }
            }
            None => YearChange {
                change_explained: format!(
                    "{what}: {} and {} are not both fully held, so there is no change to test.",
                    FinancialYear(year.0.saturating_sub(1)).label(),
                    year.label()
                ),
                ..YearChange::default()
            },
        }
    }
}

/// One category of a split: its count and share of the total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    pub label: String,
    pub count: i64,
    /// Percentage of the total, one decimal (0 when the total is 0).
    pub pct: f64,
}

/// `(label, count)` pairs as shares of their sum, in the order given.
pub fn shares(counts: Vec<(String, i64)>) -> Vec<Share> {
    let total: i64 = counts.iter().map(|c| c.1).sum();
    counts
        .into_iter()
        .map(|(label, count)| Share {
            label,
            count,
            pct: percent_of(count, total).unwrap_or(0.0),
        })
        .collect()
}

/// `(label, count)` pairs, largest first (ties by label), as shares.
pub fn shares_largest_first(mut counts: Vec<(String, i64)>) -> Vec<Share> {
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    shares(counts)
}

/// A ward's count this year, its share and rate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WardRate {
    pub code: String,
    pub name: String,
    pub count: i64,
    pub share_pct: f64,
    /// Per 1,000 residents, one decimal; `None` without a population.
    pub rate_per_1000: Option<f64>,
}

/// The `n` wards with most rows, with share of `total` and rate per 1,000 residents.
pub fn top_wards(
    counts: &[i64],
    wards: &[(String, String, Option<f64>)],
    total: i64,
    n: usize,
) -> Vec<WardRate> {
    let mut rows: Vec<WardRate> = wards
        .iter()
        .zip(counts)
        .filter(|(_, c)| **c > 0)
        .map(|(w, c)| WardRate {
            code: w.0.clone(),
            name: w.1.clone(),
            count: *c,
            share_pct: percent_of(*c, total).unwrap_or(0.0),
            rate_per_1000: w.2.and_then(|p| rate_per_1000(*c, p)),
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    rows.truncate(n);
    rows
}

/// Financial years any of `months` fall in, newest first.
pub fn years_newest_first(months: impl IntoIterator<Item = u32>) -> Vec<FinancialYear> {
    let mut years: Vec<FinancialYear> = months.into_iter().map(FinancialYear::of_month).collect();
    years.sort();
    years.dedup();
    years.reverse();
    years
}

/// Whether all 12 months of `year` are among `months`.
pub fn is_complete(year: FinancialYear, months: &std::collections::BTreeSet<u32>) -> bool {
    year.months().iter().all(|m| months.contains(m))
}

/// Last year's totals from `per_year`, when this year and last year are both fully held
/// (all their months among `held`); `None` otherwise, so no change is tested.
pub fn previous_when_complete<T: Copy + Default>(
    per_year: &std::collections::BTreeMap<FinancialYear, T>,
    year: FinancialYear,
    held: &std::collections::BTreeSet<u32>,
) -> Option<T> {
    let previous_year = FinancialYear(year.0.saturating_sub(1));
    (is_complete(previous_year, held) && is_complete(year, held))
        .then(|| per_year.get(&previous_year).copied().unwrap_or_default())
}

/// A published count's number, `None` when suppressed or not given.
pub fn count_value(v: Option<&CountValue>) -> Option<i64> {
    v.and_then(CountValue::value).map(i64::from)
}

/// `202304` → `Apr 2023`.
pub fn month_name(month: u32) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let name = NAMES
        .get((month % 100).saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?");
    format!("{name} {}", month / 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_top_wards() {
        let s = shares_largest_first(vec![("a".into(), 1), ("b".into(), 3)]);
        assert_eq!(s[0].label, "b");
        assert_eq!(s[0].pct, 75.0);
        let wards = vec![
            ("W1".to_string(), "One".to_string(), Some(2000.0)),
            ("W2".to_string(), "Two".to_string(), None),
            ("W3".to_string(), "Three".to_string(), None),
        ];
        let top = top_wards(&[4, 6, 0], &wards, 10, 5);
        assert_eq!(top.len(), 2);
        assert_eq!(top[0].name, "Two");
        assert_eq!(top[1].rate_per_1000, Some(2.0));
        assert_eq!(month_name(202304), "Apr 2023");
    }

    #[test]
    fn change_needs_a_previous_year() {
        let c = YearChange::of(10, None, "Incidents", FinancialYear(2024));
        assert!(c.change.is_none());
        assert!(c.change_explained.contains("2023/24"));
        let c = YearChange::of(120, Some(100), "Incidents", FinancialYear(2024));
        assert_eq!(c.change, Some(20));
    }
}
