//! Rates, percentages and the one-decimal rounding every published figure uses.
//!
//! Plain arithmetic only: no knowledge of themes, areas or years. Never divides by zero
//! or a negative base; such figures are `None` (or 0 where the caller's contract says so).

/// Round to one decimal place, the precision assessments print rates and percentages at.
/// Never returns negative zero (which would print as "-0.0").
pub fn round1(value: f64) -> f64 {
    round_to(value, 10.0)
}

/// Round to two decimal places (seasonal indices such as 1.08).
pub fn round2(value: f64) -> f64 {
    round_to(value, 100.0)
}

fn round_to(value: f64, scale: f64) -> f64 {
    // Adding 0.0 turns -0.0 into 0.0.
    (value * scale).round() / scale + 0.0
}

/// `count` per `per` units of `base`, to one decimal; `None` when the base is not a
/// positive number.
fn per(count: f64, base: f64, per: f64) -> Option<f64> {
    (base > 0.0 && base.is_finite()).then(|| round1(count * per / base))
}

/// Incidents per 1,000 residents, to one decimal; `None` when the population is unknown
/// (not positive).
pub fn rate_per_1000(count: i64, population: f64) -> Option<f64> {
    per(count as f64, population, 1000.0)
}

/// `part` as a percentage of `whole`, to one decimal; `None` when `whole` is not positive.
pub fn percent_of(part: i64, whole: i64) -> Option<f64> {
    per(part as f64, whole as f64, 100.0)
}

/// Percentage change from `previous` to `current`, to one decimal; `None` when
/// `previous` is zero (or negative), where a percentage means nothing.
pub fn percent_change(previous: i64, current: i64) -> Option<f64> {
    per(current as f64 - previous as f64, previous as f64, 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rounds_half_away_from_zero_to_one_decimal() {
        assert_eq!(round1(6.333), 6.3);
        assert_eq!(round1(6.35), 6.4);
        assert_eq!(round1(-33.333), -33.3);
        assert_eq!(round2(1.0849), 1.08);
    }

    #[test]
    fn never_negative_zero() {
        assert!(round1(-0.04).is_sign_positive());
        assert_eq!(format!("{}", round1(-0.04)), "0");
    }

    #[test]
    fn rate_per_1000_matches_hand_computation() {
        // 18,754 / 274,000 × 1,000 = 68.445…
        assert_eq!(rate_per_1000(18_754, 274_000.0), Some(68.4));
        assert_eq!(rate_per_1000(0, 5_000.0), Some(0.0));
        assert_eq!(rate_per_1000(5, 0.0), None);
        assert_eq!(rate_per_1000(5, -10.0), None);
        assert_eq!(rate_per_1000(5, f64::NAN), None);
        assert_eq!(rate_per_1000(5, f64::INFINITY), None);
    }

    #[test]
    fn percentages() {
        assert_eq!(percent_of(1, 3), Some(33.3));
        assert_eq!(percent_of(1, 0), None);
        assert_eq!(percent_change(17_637, 18_754), Some(6.3));
        assert_eq!(percent_change(6, 4), Some(-33.3));
        assert_eq!(percent_change(0, 4), None);
        assert_eq!(percent_change(i64::MIN, i64::MAX), None);
        assert!(percent_change(1, i64::MAX).is_some_and(f64::is_finite));
    }

    proptest! {
        #[test]
        fn rate_is_finite_for_any_count(count in any::<i64>(), pop in 1.0f64..1e9) {
            prop_assert!(rate_per_1000(count, pop).is_some_and(f64::is_finite));
        }
    }
}
