//! Ordering counted things, largest first, with one tie rule for every table: equal
//! counts are ordered by their key (name or code), so tables never reshuffle between
//! runs.
//!
//! Knows nothing of what is counted; does no percentages (see `rates`).

use std::collections::BTreeMap;

/// Counts sharing a key added together (saturating), then ordered by count descending,
/// ties by key ascending.
pub fn largest_first<'a>(items: impl IntoIterator<Item = (&'a str, i64)>) -> Vec<(&'a str, i64)> {
    let mut merged: BTreeMap<&str, i64> = BTreeMap::new();
    for (key, count) in items {
        let total = merged.entry(key).or_default();
        *total = total.saturating_add(count);
    }
    let mut ranked: Vec<(&str, i64)> = merged.into_iter().collect();
    // The BTreeMap already ordered keys, and the sort is stable: ties stay by key.
    ranked.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn largest_first_ties_by_key_repeats_merged() {
        let ranked = largest_first([("b", 5), ("c", 9), ("a", 5), ("c", 1), ("d", 0)]);
        assert_eq!(ranked, vec![("c", 10), ("a", 5), ("b", 5), ("d", 0)]);
        assert!(largest_first([]).is_empty());
    }

    proptest! {
        #[test]
        fn sorted_and_nothing_lost(items in proptest::collection::vec(("[a-e]", 0i64..1000), 0..30)) {
            let ranked = largest_first(items.iter().map(|(k, n)| (k.as_str(), *n)));
            for pair in ranked.windows(2) {
                prop_assert!(pair[0].1 > pair[1].1 || (pair[0].1 == pair[1].1 && pair[0].0 < pair[1].0));
            }
            let total: i64 = items.iter().map(|(_, n)| n).sum();
            prop_assert_eq!(ranked.iter().map(|(_, n)| n).sum::<i64>(), total);
        }
    }
}
