//! Deterministic thinning of a long list for drawing: every k-th item, so the same input
//! always shows the same sample and the sample keeps the list's spread. Pure; no randomness.

/// At most `max` of `items`: all of them when they fit, else every k-th from the first,
/// with k the smallest stride that fits.
pub fn every_kth<T: Copy>(items: &[T], max: usize) -> Vec<T> {
    if items.len() <= max {
        return items.to_vec();
    }
    if max == 0 {
        return Vec::new();
    }
    let stride = items.len().div_ceil(max);
    items.iter().step_by(stride).copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_are_kept_whole() {
        assert_eq!(every_kth(&[1, 2, 3], 3), vec![1, 2, 3]);
        assert_eq!(every_kth::<u8>(&[], 10), Vec::<u8>::new());
    }

    #[test]
    fn long_lists_are_thinned_to_at_most_max_the_same_way_every_time() {
        let items: Vec<u32> = (0..371_194).collect();
        let sample = every_kth(&items, 20_000);
        assert!(sample.len() <= 20_000);
        assert!(sample.len() > 18_000);
        assert_eq!(sample[0], 0);
        assert_eq!(sample[1] - sample[0], 19);
        assert_eq!(sample, every_kth(&items, 20_000));
        assert!(every_kth(&items, 0).is_empty());
    }
}
