//! Hotspot tables and concentration: the top N wards or LSOAs of a theme with their
//! share, rate and last year's rank, the share the top N hold together (the seed's
//! "top 5 wards, 48 %"), and the share held by the busiest tenth of LSOAs.
//!
//! Counts per area come in already placed; this never maps LSOAs to wards or reads a
//! lookup. Ranking: count descending, ties by code ascending. Areas with a count of 0 are
//! never listed, so a table can have fewer than N rows: a ward with no incidents is not a
//! hotspot.

use super::ranking::largest_first;
use super::rates::{percent_of, rate_per_1000};
use serde::Serialize;
use std::collections::HashMap;

/// An area's count (a ward or an LSOA).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaCount {
    /// ONS code (E05… for a ward, E01… for an LSOA).
    pub code: String,
    /// Name as the lookup gives it.
    pub name: String,
    /// Incidents in the area.
    pub count: i64,
}

/// One row of a hotspot table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HotspotRow {
    /// ONS code of the area.
    pub code: String,
    /// Name of the area.
    pub name: String,
    /// Incidents this year.
    pub count: i64,
    /// Percentage of the theme's total, to one decimal (0 when the total is 0).
    pub share_pct: f64,
    /// Per 1,000 residents, to one decimal; `None` without a positive population.
    pub rate_per_1000: Option<f64>,
    /// 1-based rank the previous year under the same rule; `None` when the area had no
    /// incidents (or no figure) then.
    pub rank_previous: Option<usize>,
}

/// Areas with a positive count, ranked; an area listed twice has its counts added.
fn ranked(areas: &[AreaCount]) -> Vec<(&str, i64)> {
    let mut ranked = largest_first(areas.iter().map(|a| (a.code.as_str(), a.count)));
    ranked.retain(|(_, count)| *count > 0);
    ranked
}

/// The top `n` areas this year, with last year's rank. `population` maps area codes to
/// residents; `theme_total` is the whole theme's count the shares are of (it may include
/// incidents no area holds, such as those with no location).
pub fn top_areas(
    current: &[AreaCount],
    previous: &[AreaCount],
    population: &HashMap<String, f64>,
    n: usize,
    theme_total: i64,
) -> Vec<HotspotRow> {
    let mut names: HashMap<&str, &str> = HashMap::new();
    for area in current {
        names
            .entry(area.code.as_str())
            .or_insert(area.name.as_str());
    }
    let previous_rank: HashMap<&str, usize> = ranked(previous)
        .into_iter()
        .enumerate()
        .map(|(i, (code, _))| (code, i + 1))
        .collect();
    ranked(current)
        .into_iter()
        .take(n)
        .map(|(code, count)| HotspotRow {
            code: code.to_string(),
            name: names.get(code).copied().unwrap_or_default().to_string(),
            count,
            share_pct: percent_of(count, theme_total).unwrap_or(0.0),
            rate_per_1000: population
                .get(code)
                .and_then(|people| rate_per_1000(count, *people)),
            rank_previous: previous_rank.get(code).copied(),
        })
        .collect()
}

/// The share of the theme's total the listed rows hold together, to one decimal; `None`
/// when the total is not positive.
pub fn top_share_pct(rows: &[HotspotRow], theme_total: i64) -> Option<f64> {
    let together = rows.iter().fold(0i64, |sum, r| sum.saturating_add(r.count));
    percent_of(together, theme_total)
}

/// The share of the total held by the busiest 10 % of LSOAs (rounded up: 11 LSOAs → the
/// top 2), to one decimal. Pass every LSOA of the area, those with 0 included, or the
/// decile is too small. `None` for no LSOAs or a total that is not positive.
pub fn concentration_top_decile(counts_for_all_lsoas_in_area: &[i64]) -> Option<f64> {
    let mut counts = counts_for_all_lsoas_in_area.to_vec();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    let decile = counts.len().div_ceil(10);
    let sum = |values: &[i64]| values.iter().fold(0i64, |s, n| s.saturating_add(*n));
    let top = sum(counts.get(..decile).unwrap_or_default());
    percent_of(top, sum(&counts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn areas(items: &[(&str, i64)]) -> Vec<AreaCount> {
        items
            .iter()
            .map(|(code, count)| AreaCount {
                code: code.to_string(),
                name: format!("Ward {code}"),
                count: *count,
            })
            .collect()
    }

    /// Top areas with no previous year and no populations.
    fn top(current: &[(&str, i64)], n: usize, total: i64) -> Vec<HotspotRow> {
        top_areas(&areas(current), &[], &HashMap::new(), n, total)
    }

    #[test]
    fn ranks_shares_rates_and_previous_ranks() {
        let current = areas(&[
            ("E05", 40),
            ("E01", 100),
            ("E03", 40),
            ("E02", 0),
            ("E04", 20),
        ]);
        let previous = areas(&[("E03", 90), ("E01", 60), ("E04", 0)]);
        let population = HashMap::from([("E01".to_string(), 8_000.0), ("E03".to_string(), 0.0)]);
        let rows = top_areas(&current, &previous, &population, 3, 400);
        let got: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.code.as_str(),
                    r.count,
                    r.share_pct,
                    r.rate_per_1000,
                    r.rank_previous,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                // 100/400 = 25 %, 100/8,000 × 1,000 = 12.5
                ("E01", 100, 25.0, Some(12.5), Some(2)),
                // Tie at 40 broken by code; population 0 gives no rate.
                ("E03", 40, 10.0, None, Some(1)),
                ("E05", 40, 10.0, None, None),
            ]
        );
        assert_eq!(rows[0].name, "Ward E01");
        // (100 + 40 + 40) / 400
        assert_eq!(top_share_pct(&rows, 400), Some(45.0));
    }

    #[test]
    fn zero_count_areas_are_not_hotspots() {
        let rows = top(&[("A", 3), ("B", 0), ("C", 0)], 5, 3);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].share_pct, 100.0);
        assert_eq!(rows[0].rank_previous, None);
    }

    #[test]
    fn empty_and_zero_totals() {
        assert!(top(&[], 5, 0).is_empty());
        assert!(top(&[("A", 3)], 0, 3).is_empty());
        let rows = top(&[("A", 3)], 5, 0);
        assert_eq!(rows[0].share_pct, 0.0);
        assert_eq!(top_share_pct(&rows, 0), None);
        assert_eq!(top_share_pct(&[], 10), Some(0.0));
    }

    #[test]
    fn a_code_listed_twice_is_one_area() {
        let rows = top(&[("A", 3), ("B", 4), ("A", 2)], 5, 9);
        let got: Vec<(&str, i64)> = rows.iter().map(|r| (r.code.as_str(), r.count)).collect();
        assert_eq!(got, vec![("A", 5), ("B", 4)]);
    }

    #[test]
    fn top_decile_matches_hand_computation() {
        // 10 LSOAs → top 1: 50 of 100.
        let mut ten = vec![50, 10, 10, 10, 10, 5, 5, 0, 0, 0];
        assert_eq!(concentration_top_decile(&ten), Some(50.0));
        // 11 LSOAs → ceil(1.1) = top 2: (50 + 10) / 101.
        ten.push(1);
        assert_eq!(concentration_top_decile(&ten), Some(59.4));
        // 3 LSOAs → top 1, order of input irrelevant: 6 / 9.
        assert_eq!(concentration_top_decile(&[1, 6, 2]), Some(66.7));
    }

    #[test]
    fn top_decile_of_nothing() {
        assert_eq!(concentration_top_decile(&[]), None);
        assert_eq!(concentration_top_decile(&[0, 0, 0]), None);
    }

    proptest! {
        #[test]
        fn never_more_than_n_rows_and_sorted(
            current in proptest::collection::vec(("[A-J]", 0i64..1000), 0..30),
            previous in proptest::collection::vec(("[A-J]", 0i64..1000), 0..30),
            n in 0usize..12,
        ) {
            let to_areas = |items: &[(String, i64)]| -> Vec<AreaCount> {
                items
                    .iter()
                    .map(|(code, count)| AreaCount { code: code.clone(), name: code.clone(), count: *count })
                    .collect()
            };
            let total: i64 = current.iter().map(|(_, c)| c).sum();
            let rows = top_areas(&to_areas(&current), &to_areas(&previous), &HashMap::new(), n, total);
            prop_assert!(rows.len() <= n);
            for pair in rows.windows(2) {
                prop_assert!(
                    pair[0].count > pair[1].count
                        || (pair[0].count == pair[1].count && pair[0].code < pair[1].code)
                );
            }
            prop_assert!(rows.iter().all(|r| r.count > 0));
            let share = top_share_pct(&rows, total);
            prop_assert!(share.is_none_or(|s| (0.0..=100.0).contains(&s)));
        }

        #[test]
        fn top_decile_is_a_share(counts in proptest::collection::vec(0i64..10_000, 0..200)) {
            if let Some(share) = concentration_top_decile(&counts) {
                let decile = counts.len().div_ceil(10) as f64;
                // At least the decile's fair share, at most everything.
                prop_assert!(share <= 100.0);
                prop_assert!(share + 0.05 >= 100.0 * decile / counts.len() as f64);
            }
        }
    }
}
