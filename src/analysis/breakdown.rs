//! Breakdown of a theme by crime type: each type's count and share of the total, largest
//! first — the seed assessment's "breakdown of crime types".
//!
//! Shares are of the counts given (the caller decides which types belong); it never
//! adds types that are not listed.

use super::ranking::largest_first;
use super::rates::percent_of;
use serde::Serialize;

/// One type's part of the theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeShare {
    /// The crime type's name; serialised as `type`.
    pub r#type: String,
    /// Incidents of the type.
    pub count: i64,
    /// Percentage of the total of all counts given, to one decimal (0 when that total
    /// is zero).
    pub share_pct: f64,
}

/// Shares of each type, largest first, ties by name; a type listed twice is counted once
/// with both figures added.
pub fn type_shares(counts: &[(String, i64)]) -> Vec<TypeShare> {
    let ranked = largest_first(counts.iter().map(|(name, n)| (name.as_str(), *n)));
    let total = ranked
        .iter()
        .fold(0i64, |sum, (_, n)| sum.saturating_add(*n));
    ranked
        .into_iter()
        .map(|(name, count)| TypeShare {
            r#type: name.to_string(),
            count,
            share_pct: percent_of(count, total).unwrap_or(0.0),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn counts(items: &[(&str, i64)]) -> Vec<(String, i64)> {
        items.iter().map(|(t, n)| (t.to_string(), *n)).collect()
    }

    #[test]
    fn shares_match_hand_computation() {
        let shares = type_shares(&counts(&[
            ("Burglary", 25),
            ("Violence and sexual offences", 50),
            ("Drugs", 25),
            ("Robbery", 0),
        ]));
        let got: Vec<(&str, i64, f64)> = shares
            .iter()
            .map(|s| (s.r#type.as_str(), s.count, s.share_pct))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Violence and sexual offences", 50, 50.0),
                ("Burglary", 25, 25.0),
                ("Drugs", 25, 25.0),
                ("Robbery", 0, 0.0),
            ]
        );
    }

    #[test]
    fn thirds_round_to_one_decimal() {
        let shares = type_shares(&counts(&[("A", 1), ("B", 1), ("C", 1)]));
        assert!(shares.iter().all(|s| s.share_pct == 33.3));
    }

    #[test]
    fn zero_total_and_empty() {
        let shares = type_shares(&counts(&[("A", 0), ("B", 0)]));
        assert!(shares.iter().all(|s| s.share_pct == 0.0));
        assert!(type_shares(&[]).is_empty());
    }

    #[test]
    fn serialises_the_field_as_type() {
        let json = serde_json::to_string(&type_shares(&counts(&[("Drugs", 2)]))).unwrap();
        assert_eq!(json, r#"[{"type":"Drugs","count":2,"share_pct":100.0}]"#);
    }

    proptest! {
        #[test]
        fn shares_sum_to_about_100(items in proptest::collection::vec(("[A-H]", 0i64..100_000), 1..14)) {
            let shares = type_shares(&items);
            let total: i64 = shares.iter().map(|s| s.count).sum();
            let sum: f64 = shares.iter().map(|s| s.share_pct).sum();
            if total > 0 {
                // Each share is off by at most 0.05 through rounding.
                prop_assert!((sum - 100.0).abs() <= 0.05 * shares.len() as f64 + 1e-9, "{}", sum);
            } else {
                prop_assert_eq!(sum, 0.0);
            }
            for pair in shares.windows(2) {
                prop_assert!(pair[0].count >= pair[1].count);
            }
        }
    }
}
