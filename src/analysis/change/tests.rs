//! Tests of the change tests: the exact conditional Poisson test, its square-root
//! approximation, the quasi-Poisson version for over-dispersed series and the sentence
//! that explains the result.

use super::*;
use proptest::prelude::*;

/// Independent check: the two-sided exact p by direct summation of the binomial
/// pmf with factorials in f64 (fine for n up to ~150).
fn direct_p(a: u32, b: u32) -> f64 {
    let n = a + b;
    let fact = |k: u32| (1..=k).map(f64::from).product::<f64>();
    let pmf = |i: u32| fact(n) / (fact(i) * fact(n - i)) / 2f64.powi(n as i32);
    let lower: f64 = (0..=a).map(pmf).sum();
    let upper: f64 = (a..=n).map(pmf).sum();
    (2.0 * lower.min(upper)).min(1.0)
}

fn close(x: f64, y: f64, rel: f64) -> bool {
    (x - y).abs() <= rel * y.abs().max(1e-300)
}

#[test]
fn matches_direct_summation_for_small_counts() {
    for a in 0..=60 {
        for b in 0..=60 {
            let got = test_change(a, b).p_value;
            let want = direct_p(a as u32, b as u32);
            assert!(close(got, want, 1e-10), "a={a} b={b}: {got} vs {want}");
        }
    }
}

#[test]
fn known_values() {
    // Exact two-sided binomial: 2·P(X ≤ 10 | n = 30) = 0.09873715…
    assert!((test_change(10, 20).p_value - 0.098_737_2).abs() < 1e-6);
    // 2·P(X ≤ 4 | n = 10) = 2·386/1024 = 0.75390625
    assert!((test_change(4, 6).p_value - 0.753_906_25).abs() < 1e-12);
    let seed = test_change(18_754, 17_637);
    assert!(seed.p_value < 1e-8 && seed.p_value > 0.0);
    // Exact rational sum 2·Σ_{i≤17,637} C(36,391, i) / 2^36,391 = 4.898090333860875e-9.
    assert!(close(seed.p_value, 4.898_090_333_860_875e-9, 1e-9));
    assert!(seed.significant);
    assert_eq!(seed.change, 1_117);
    assert_eq!(seed.change_pct, Some(6.3));
    assert_eq!(seed.direction, Direction::Up);
}

#[test]
fn large_counts_match_an_independent_sum() {
    // a = 5,005,000, b = 4,995,000 (n = 10⁷): 2·Σ pmf by lgamma terms (Python) is
    // 0.0015671019; the normal approximation z = −4,999.5 / 1,581.14 gives 0.0015671032.
    let p = test_change(5_005_000, 4_995_000).p_value;
    assert!(close(p, 0.001_567_101_9, 1e-7), "{p}");
}

#[test]
fn medium_counts_match_exact_integer_sums() {
    // 2·Σ C(n, i) / 2ⁿ with Python's exact integers.
    for (a, b, want) in [
        (500, 450, 0.111_838_645_141_578_79),
        (5_000, 4_800, 0.044_404_148_799_846_29),
        (100_000, 99_000, 0.025_127_217_688_360_945),
        (1_000_000, 998_000, 0.157_299_137_796_456_32),
        (1, 30, 2.980_232_238_769_531_2e-8),
    ] {
        let got = test_change(a, b).p_value;
        assert!(close(got, want, 1e-9), "a={a} b={b}: {got} vs {want}");
    }
}

#[test]
fn worst_case_just_below_the_switch_is_quick() {
    // k close to n/2 needs the most terms (about 45,000 here).
    let half = (EXACT_LIMIT / 2.0) as i64;
    let p = test_change(half + 10, half - 10).p_value;
    assert!(p > 0.99 && p <= 1.0, "{p}");
}

#[test]
fn exact_and_normal_agree_at_the_switch() {
    let n = EXACT_LIMIT;
    let k = n / 2.0 - 15_000.0;
    let exact = binomial_half_lower_tail(k, n);
    let normal = normal_lower_tail(k, n);
    assert!(close(exact, normal, 1e-5), "{exact} vs {normal}");
}

#[test]
fn huge_and_odd_inputs_do_not_panic() {
    for (a, b) in [
        (i64::MAX, 0),
        (i64::MAX, i64::MAX),
        (0, i64::MAX),
        (i64::MIN, 5),
        (-3, -3),
        (1_000_000_000, 999_000_000),
    ] {
        let t = test_change(a, b);
        assert!((0.0..=1.0).contains(&t.p_value), "{a} {b}");
        let _ = explain(&t, "Crime");
    }
    assert_eq!(test_change(i64::MAX, 0).p_value, 0.0);
    assert_eq!(test_change(i64::MIN, 0).change, i64::MIN);
}

#[test]
fn both_zero_is_no_change() {
    let t = test_change(0, 0);
    assert_eq!(t.p_value, 1.0);
    assert!(!t.significant);
    assert_eq!(t.change_pct, None);
    assert_eq!(t.direction, Direction::Same);
    assert_eq!(t.z, 0.0);
}

#[test]
fn square_root_z() {
    // √2·(√25 − √16) = √2
    assert!((test_change(25, 16).z - std::f64::consts::SQRT_2).abs() < 1e-12);
    assert!((test_change(16, 25).z + std::f64::consts::SQRT_2).abs() < 1e-12);
}

#[test]
fn one_from_nothing_is_not_significant() {
    // n = 1: both outcomes equally likely.
    assert_eq!(test_change(1, 0).p_value, 1.0);
    // 2·2⁻⁵ = 0.0625
    assert!((test_change(5, 0).p_value - 0.0625).abs() < 1e-15);
    // 2·2⁻⁶ = 0.03125
    assert!(test_change(0, 6).significant);
}

#[test]
fn sentences_for_the_analyst() {
    assert_eq!(
        explain(&test_change(18_754, 17_637), "Recorded crime"),
        "Recorded crime rose by 1,117 (+6.3%), from 17,637 to 18,754: a change this large \
         is very unlikely to be chance (p < 0.001, exact Poisson test)."
    );
    assert_eq!(
        explain(&test_change(4, 6), "ASB"),
        "ASB fell by 2 (−33.3%), from 6 to 4: a change this small is within normal \
         year-to-year variation (p = 0.75, exact Poisson test), so treat it as no real change."
    );
    assert_eq!(
        explain(&test_change(10, 20), "Robbery"),
        "Robbery fell by 10 (−50.0%), from 20 to 10: a change this small is within normal \
         year-to-year variation (p = 0.099, exact Poisson test), so treat it as no real change."
    );
    // 2·P(X ≤ 25 | n = 70) = 0.02246…
    assert_eq!(
        explain(&test_change(45, 25), "Burglary"),
        format!(
            "Burglary rose by 20 (+80.0%), from 25 to 45: a change this large is unlikely \
             to be chance (p = {:.3}, exact Poisson test).",
            direct_p(45, 25)
        )
    );
    assert_eq!(
        explain(&test_change(8, 0), "Arson"),
        "Arson rose by 8, from 0 to 8: a change this large is unlikely to be chance \
         (p = 0.008, exact Poisson test)."
    );
    assert_eq!(
        explain(&test_change(6, 6), "Drugs"),
        "Drugs was 6 in both years, so there is no change to test."
    );
}

/// The issue-13 figures on the Northvale sample: ASB 6,462 → 6,189 (−4.2 %), monthly
/// dispersion 1.44. Reference: statsmodels quasi-Poisson GLM, year + month-of-year
/// (scripts/reference-dispersion.py): p = 0.042868022; exact Poisson p = 0.01559078777
/// (scipy binomtest).
#[test]
fn over_dispersed_asb_uses_the_quasi_poisson_p() {
    let t = test_change_with_dispersion(6_189, 6_462, Some(1.436_434_075));
    assert_eq!(t.method, TestMethod::QuasiPoisson);
    assert!((t.p_value - 0.042_868_022).abs() < 1e-6, "{}", t.p_value);
    assert!((t.p_value_poisson - 0.015_590_787_77).abs() < 1e-9);
    assert!(t.significant);
    assert_eq!(
        explain(&t, "Anti-social behaviour"),
        "Anti-social behaviour fell by 273 (−4.2%), from 6,462 to 6,189: a change this \
         large is unlikely to be chance (p = 0.043, quasi-Poisson test: the months vary \
         1.44 times as much as chance alone would make them; p = 0.016 on Poisson \
         variation alone)."
    );
}

#[test]
fn under_dispersed_series_keep_the_exact_test() {
    // All recorded crime on the sample: dispersion 0.90, so the Poisson p stands.
    let t = test_change_with_dispersion(26_348, 24_789, Some(0.897_191_280_9));
    assert_eq!(t.method, TestMethod::ExactPoisson);
    assert_eq!(t.p_value, t.p_value_poisson);
    assert!(explain(&t, "All recorded crime").ends_with(
        "(p < 0.001, exact Poisson test: the months vary no more than chance would make \
         them, dispersion 0.90)."
    ));
}

#[test]
fn a_dispersion_of_three_turns_the_same_change_into_noise() {
    let t = test_change_with_dispersion(6_189, 6_462, Some(3.0));
    assert!(!t.significant, "{}", t.p_value);
    assert!(test_change(6_189, 6_462).significant);
}

#[test]
fn p_is_never_rounded_across_the_line() {
    assert_eq!(describe_p(0.0499), "p < 0.05");
    assert_eq!(describe_p(0.0501), "p = 0.050");
    assert_eq!(describe_p(0.0004), "p < 0.001");
    assert_eq!(describe_p(1.0), "p = 1");
}

proptest! {
    #[test]
    fn p_is_a_probability_and_symmetric(a in 0i64..3_000_000, b in 0i64..3_000_000) {
        let ab = test_change(a, b);
        let ba = test_change(b, a);
        prop_assert!((0.0..=1.0).contains(&ab.p_value));
        prop_assert_eq!(ab.p_value, ba.p_value);
        prop_assert_eq!(ab.significant, ab.p_value < 0.05);
    }

    #[test]
    fn dispersion_never_lowers_the_poisson_p(a in 0i64..100_000, b in 0i64..100_000, d in 0.0f64..10.0) {
        let t = test_change_with_dispersion(a, b, Some(d));
        prop_assert!(t.p_value >= t.p_value_poisson);
        prop_assert!((0.0..=1.0).contains(&t.p_value));
        prop_assert_eq!(t.p_value_poisson, test_change(a, b).p_value);
    }

    #[test]
    fn equal_counts_are_never_significant(a in 0i64..i64::MAX) {
        let t = test_change(a, a);
        prop_assert_eq!(t.p_value, 1.0);
        prop_assert!(!t.significant);
    }

    #[test]
    fn a_bigger_gap_is_no_less_significant(b in 0i64..5_000, up in 0i64..500, more in 1i64..500) {
        let nearer = test_change(b + up, b).p_value;
        let further = test_change(b + up + more, b).p_value;
        prop_assert!(further <= nearer * (1.0 + 1e-9), "{} {}", further, nearer);
    }
}
