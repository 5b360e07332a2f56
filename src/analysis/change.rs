//! Is a change between two counts real? The exact conditional test for two Poisson
//! counts, its square-root approximation, the same test allowing for over-dispersion
//! (quasi-Poisson, when the monthly series varies more than chance alone), and one
//! plain-English sentence for the analyst that names the method used.
//!
//! Under "no change" the two counts share one rate, so given n = a + b the current count
//! a is Binomial(n, ½); the two-sided p-value is min(1, 2·min(P(X ≤ a), P(X ≥ a))).
//! Percent change alone misleads on small numbers, which is why this exists. With a
//! dispersion φ > 1 measured on the months (see `dispersion.rs`), the headline p-value is
//! the quasi-Poisson Wald test of ln(a/b) with variance φ(1/a + 1/b) — never below the
//! exact Poisson p, which stays the answer for small counts and for series that vary no
//! more than chance.
//!
//! Pure arithmetic on two numbers: knows nothing of themes or years, and never panics
//! (negative counts, which cannot come from data, are tested as zero).

use super::dispersion::quasi_poisson_p;
use super::distributions::erfc;
use super::rates::percent_change;
use crate::format::thousands;
use serde::Serialize;

/// Significance level: p below this is called a real change.
pub const SIGNIFICANCE: f64 = 0.05;

/// Above this many incidents in the two years together the exact sum would take more
/// than a few hundred thousand steps, so the p-value uses the normal approximation with
/// continuity correction. At such sizes the two agree to about five significant figures.
pub const EXACT_LIMIT: f64 = 100_000_000.0;

/// Which way the count moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Direction {
    /// The current count is higher.
    Up,
    /// The current count is lower.
    Down,
    /// The counts are equal.
    Same,
}

/// How a change's p-value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TestMethod {
    /// The exact conditional test of two Poisson counts.
    ExactPoisson,
    /// The quasi-Poisson test, its variance scaled by the series' dispersion (> 1).
    QuasiPoisson,
}

impl TestMethod {
    /// For tables and hover text: "exact Poisson test".
    pub fn label(self) -> &'static str {
        match self {
            TestMethod::ExactPoisson => "exact Poisson test",
            TestMethod::QuasiPoisson => "quasi-Poisson test",
        }
    }
}

/// The test of a change from `previous` to `current`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeTest {
    /// This period's count (a).
    pub current: i64,
    /// The earlier period's count (b).
    pub previous: i64,
    /// `current − previous`.
    pub change: i64,
    /// Percentage change, to one decimal; `None` when `previous` is 0.
    pub change_pct: Option<f64>,
    /// The headline two-sided p-value: the quasi-Poisson one when the series is
    /// over-dispersed, else the exact conditional (binomial) test's; never below
    /// `p_value_poisson`.
    pub p_value: f64,
    /// Two-sided p-value of the exact conditional (binomial) test.
    pub p_value_poisson: f64,
    /// The monthly series' dispersion (1 = as much variation as chance alone), when it
    /// could be measured.
    pub dispersion: Option<f64>,
    /// Which test gave `p_value`.
    pub method: TestMethod,
    /// Square-root approximation Z = √2·(√a − √b); |Z| > 1.96 is roughly significant.
    pub z: f64,
    /// `p_value < 0.05`.
    pub significant: bool,
    /// Which way the count moved.
    pub direction: Direction,
}

/// Test whether the change from `previous` to `current` is more than chance, assuming
/// Poisson variation (the exact test).
pub fn test_change(current: i64, previous: i64) -> ChangeTest {
    test_change_with_dispersion(current, previous, None)
}

/// Test the change allowing for the dispersion measured on the monthly series: above 1,
/// the quasi-Poisson p (or the exact one, if larger); otherwise the exact Poisson test.
pub fn test_change_with_dispersion(
    current: i64,
    previous: i64,
    dispersion: Option<f64>,
) -> ChangeTest {
    let (a, b) = (current.max(0) as f64, previous.max(0) as f64);
    let p_value_poisson = two_sided_p(a, b);
    let quasi = dispersion
        .filter(|d| *d > 1.0)
        .and_then(|d| quasi_poisson_p(current, previous, d));
    let (p_value, method) = match quasi {
        Some(p) => (p.max(p_value_poisson), TestMethod::QuasiPoisson),
        None => (p_value_poisson, TestMethod::ExactPoisson),
    };
    ChangeTest {
        current,
        previous,
        change: current.saturating_sub(previous),
        change_pct: percent_change(previous, current),
        p_value,
        p_value_poisson,
        dispersion: dispersion.filter(|d| d.is_finite()),
        method,
        z: std::f64::consts::SQRT_2 * (a.sqrt() - b.sqrt()),
        significant: p_value < SIGNIFICANCE,
        direction: match current.cmp(&previous) {
            std::cmp::Ordering::Greater => Direction::Up,
            std::cmp::Ordering::Less => Direction::Down,
            std::cmp::Ordering::Equal => Direction::Same,
        },
    }
}

/// Two-sided p-value for counts `a` and `b` (whole, non-negative).
fn two_sided_p(a: f64, b: f64) -> f64 {
    let n = a + b;
    // The binomial(n, ½) is symmetric, so the smaller tail is the one at min(a, b).
    let k = a.min(b);
    if n == 0.0 || k >= n / 2.0 {
        return 1.0;
    }
    let p = if n > EXACT_LIMIT {
        normal_lower_tail(k, n)
    } else {
        binomial_half_lower_tail(k, n)
    };
    (2.0 * p).clamp(0.0, 1.0)
}

/// P(X ≤ k) for X ~ Binomial(n, ½), k < n/2, summed from k down towards 0: the terms
/// shrink by the ratio i / (n − i + 1), so the sum stops once they no longer matter.
fn binomial_half_lower_tail(k: f64, n: f64) -> f64 {
    let mut term = 1.0;
    let mut sum = 1.0;
    let mut i = k;
    while i >= 1.0 {
        term *= i / (n - i + 1.0);
        sum += term;
        if term < sum * 1e-17 {
            break;
        }
        i -= 1.0;
    }
    (ln_binomial_half_pmf(k, n) + sum.ln()).exp()
}

/// ln P(X = x) for X ~ Binomial(n, ½), accurate to near machine precision for any n
/// (Loader's saddle-point form, as R's `dbinom` uses: no large log-factorials cancel).
fn ln_binomial_half_pmf(x: f64, n: f64) -> f64 {
    if x == 0.0 || x == n {
        return -n * std::f64::consts::LN_2;
    }
    let half = n / 2.0;
    let lc = stirling_error(n)
        - stirling_error(x)
        - stirling_error(n - x)
        - deviance(x, half)
        - deviance(n - x, half);
    let lf = (2.0 * std::f64::consts::PI).ln() + x.ln() + (-x / n).ln_1p();
    lc - 0.5 * lf
}

/// ln(n!) − ln(√(2πn)·(n/e)ⁿ): the error of Stirling's formula, for whole n ≥ 1.
fn stirling_error(n: f64) -> f64 {
    const S0: f64 = 1.0 / 12.0;
    const S1: f64 = 1.0 / 360.0;
    const S2: f64 = 1.0 / 1260.0;
    const S3: f64 = 1.0 / 1680.0;
    const S4: f64 = 1.0 / 1188.0;
    if n <= 15.0 {
        // Small n: the factorial itself is exact enough.
        let ln_factorial: f64 = (2..=n as u32).map(|i| f64::from(i).ln()).sum();
        return ln_factorial - (n + 0.5) * n.ln() + n - 0.5 * (2.0 * std::f64::consts::PI).ln();
    }
    let nn = n * n;
    if n > 500.0 {
        (S0 - S1 / nn) / n
    } else if n > 80.0 {
        (S0 - (S1 - S2 / nn) / nn) / n
    } else if n > 35.0 {
        (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n
    } else {
        (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n
    }
}

/// x·ln(x/m) + m − x, computed without cancellation when x is close to m.
fn deviance(x: f64, m: f64) -> f64 {
    if (x - m).abs() < 0.1 * (x + m) {
        let v = (x - m) / (x + m);
        let v2 = v * v;
        let mut sum = (x - m) * v;
        let mut ej = 2.0 * x * v;
        for j in 1..1000 {
            ej *= v2;
            let next = sum + ej / f64::from(2 * j + 1);
            if next == sum {
                return next;
            }
            sum = next;
        }
        return sum;
    }
    x * (x / m).ln() + m - x
}

/// P(X ≤ k) for X ~ Binomial(n, ½) by the normal approximation with continuity
/// correction: Φ((k + ½ − n/2) / (√n / 2)).
fn normal_lower_tail(k: f64, n: f64) -> f64 {
    let z = (k + 0.5 - n / 2.0) / (n.sqrt() / 2.0);
    0.5 * erfc(-z / std::f64::consts::SQRT_2)
}

/// One plain-English sentence on the change, for a council analyst, naming the test, e.g.
/// "Recorded crime rose by 1,117 (+6.3%), from 17,637 to 18,754: a change this large is
/// very unlikely to be chance (p < 0.001, exact Poisson test)."
pub fn explain(test: &ChangeTest, what: &str) -> String {
    let (from, to) = (thousands(test.previous), thousands(test.current));
    let verb = match test.direction {
        Direction::Up => "rose",
        Direction::Down => "fell",
        Direction::Same => {
            return format!("{what} was {to} in both years, so there is no change to test.");
        }
    };
    let by = thousands(test.change.saturating_abs());
    let pct = match test.change_pct {
        // A true minus sign, as in print.
        Some(pct) if pct < 0.0 => format!(" (−{:.1}%)", -pct),
        Some(pct) if pct > 0.0 => format!(" (+{pct:.1}%)"),
        Some(pct) => format!(" ({pct:.1}%)"),
        None => String::new(),
    };
    let p = format!("{}, {}", describe_p(test.p_value), method_phrase(test));
    let verdict = if !test.significant {
        format!(
            "a change this small is within normal year-to-year variation ({p}), \
             so treat it as no real change"
        )
    } else if test.p_value < 0.001 {
        format!("a change this large is very unlikely to be chance ({p})")
    } else {
        format!("a change this large is unlikely to be chance ({p})")
    };
    format!("{what} {verb} by {by}{pct}, from {from} to {to}: {verdict}.")
}

/// Which test gave the p-value, and why, in words.
fn method_phrase(test: &ChangeTest) -> String {
    match (test.method, test.dispersion) {
        (TestMethod::QuasiPoisson, Some(d)) => format!(
            "quasi-Poisson test: the months vary {d:.2} times as much as chance alone would make them; {} on Poisson variation alone",
            describe_p(test.p_value_poisson)
        ),
        (TestMethod::ExactPoisson, Some(d)) => format!(
            "exact Poisson test: the months vary no more than chance would make them, dispersion {d:.2}"
        ),
        (method, _) => method.label().to_string(),
    }
}

/// "p < 0.001", "p = 0.012", "p = 0.75": enough figures to read, never a rounding that
/// crosses the 0.05 line.
fn describe_p(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".into()
    } else if (0.0495..SIGNIFICANCE).contains(&p) {
        "p < 0.05".into()
    } else if p < 0.1 {
        format!("p = {p:.3}")
    } else if p >= 0.995 {
        "p = 1".into()
    } else {
        format!("p = {p:.2}")
    }
}

#[cfg(test)]
mod tests {
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
}
