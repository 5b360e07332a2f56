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
mod tests;
