//! The distribution functions the change tests and the peer comparison need: the standard
//! normal tail and quantile, ln Γ, the regularized incomplete gamma function and its
//! inverse, the Poisson CDF and quantiles, and the exact (Garwood) interval of a count.
//!
//! Pure numerics on `f64`, no knowledge of crime or areas. Exact methods up to
//! [`LARGE_SHAPE`]; above it the Wilson–Hilferty cube-root normal approximation, whose
//! relative error there is below 10⁻⁵ — and which keeps a national comparison (hundreds of
//! districts with tens of thousands of incidents each) within a frame.

/// Above this gamma shape (a count, or a Poisson mean) the cube-root approximation is used.
pub const LARGE_SHAPE: f64 = 5_000.0;

/// P(Z > z) for a standard normal Z.
pub fn normal_upper_tail(z: f64) -> f64 {
    0.5 * erfc(z / std::f64::consts::SQRT_2)
}

/// The z with P(Z ≤ z) = p (Acklam's rational approximation refined by one Halley step:
/// relative error near machine precision). ±∞ at 0 and 1.
pub fn normal_quantile(p: f64) -> f64 {
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    const LOW: f64 = 0.024_25;
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    let x = if p < LOW {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - LOW {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    };
    // One Halley step on Φ(x) − p.
    let e = 0.5 * erfc(-x / std::f64::consts::SQRT_2) - p;
    let u = e * (2.0 * std::f64::consts::PI).sqrt() * (x * x / 2.0).exp();
    x - u / (1.0 + x * u / 2.0)
}

/// Complementary error function, as Q(½, x²) (the incomplete gamma function's
/// expansions: near machine precision, far tails included).
pub fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    let tail = gamma_q(0.5, x * x);
    if x >= 0.0 {
        tail
    } else {
        2.0 - tail
    }
}

/// ln Γ(x) for x > 0 (Lanczos, g = 7, nine terms: about 15 significant figures).
pub fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const COEF: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x)Γ(1 − x) = π / sin(πx).
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = COEF[0];
    for (i, c) in COEF.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// The cube-root normal deviate of x for shape a (Wilson–Hilferty): P(a, x) ≈ Φ(this).
fn wilson_hilferty(a: f64, x: f64) -> f64 {
    let v = 1.0 / (9.0 * a);
    ((x / a).cbrt() - (1.0 - v)) / v.sqrt()
}

/// The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), a > 0.
pub fn gamma_p(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if a > LARGE_SHAPE {
        return 1.0 - normal_upper_tail(wilson_hilferty(a, x));
    }
    if x < a + 1.0 {
        gamma_series(a, x)
    } else {
        1.0 - gamma_continued_fraction(a, x)
    }
}

/// The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x), computed
/// directly where it is small (no cancellation).
pub fn gamma_q(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    if a > LARGE_SHAPE {
        return normal_upper_tail(wilson_hilferty(a, x));
    }
    if x < a + 1.0 {
        1.0 - gamma_series(a, x)
    } else {
        gamma_continued_fraction(a, x)
    }
}

/// ln of xᵃ e⁻ˣ / Γ(a), the common factor of both expansions.
fn gamma_prefix_ln(a: f64, x: f64) -> f64 {
    a * x.ln() - x - ln_gamma(a)
}

/// P(a, x) by its power series (converges quickly for x < a + 1).
fn gamma_series(a: f64, x: f64) -> f64 {
    let mut term = 1.0 / a;
    let mut sum = term;
    let mut ap = a;
    for _ in 0..100_000 {
        ap += 1.0;
        term *= x / ap;
        sum += term;
        if term.abs() < sum.abs() * 1e-16 {
            break;
        }
    }
    (sum.ln() + gamma_prefix_ln(a, x)).exp().min(1.0)
}

/// Q(a, x) by its continued fraction (modified Lentz; converges for x ≥ a + 1).
fn gamma_continued_fraction(a: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut b = x + 1.0 - a;
    let mut c = 1.0 / TINY;
    let mut d = 1.0 / b;
    let mut h = d;
    for i in 1..100_000 {
        let an = -(i as f64) * (i as f64 - a);
        b += 2.0;
        d = an * d + b;
        if d.abs() < TINY {
            d = TINY;
        }
        c = b + an / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let delta = d * c;
        h *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    (h.ln() + gamma_prefix_ln(a, x)).exp().min(1.0)
}

/// The x with P(a, x) = p (Numerical Recipes' `invgammp`: a first guess, then Halley
/// steps; the cube-root approximation alone for large shapes).
pub fn gamma_quantile(p: f64, a: f64) -> f64 {
    if p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    if a > LARGE_SHAPE {
        let v = 1.0 / (9.0 * a);
        let cube = 1.0 - v + normal_quantile(p) * v.sqrt();
        return a * cube.max(0.0).powi(3);
    }
    let gln = ln_gamma(a);
    let a1 = a - 1.0;
    let (lna1, afac) = if a > 1.0 {
        let lna1 = a1.ln();
        (lna1, (a1 * (lna1 - 1.0) - gln).exp())
    } else {
        (0.0, 0.0)
    };
    let mut x = if a > 1.0 {
        let z = normal_quantile(p);
        (a * (1.0 - 1.0 / (9.0 * a) + z / (3.0 * a.sqrt())).powi(3)).max(1e-3)
    } else {
        let t = 1.0 - a * (0.253 + a * 0.12);
        if p < t {
            (p / t).powf(1.0 / a)
        } else {
            1.0 - (1.0 - (p - t) / (1.0 - t)).ln()
        }
    };
    for _ in 0..100 {
        if x <= 0.0 {
            return 0.0;
        }
        let err = gamma_p(a, x) - p;
        let density = if a > 1.0 {
            afac * (-(x - a1) + a1 * (x.ln() - lna1)).exp()
        } else {
            (-x + a1 * x.ln() - gln).exp()
        };
        if density <= 0.0 || !density.is_finite() {
            break;
        }
        let u = err / density;
        let step = u / (1.0 - 0.5 * (u * (a1 / x - 1.0)).min(1.0));
        x -= step;
        if x <= 0.0 {
            x = 0.5 * (x + step);
        }
        if step.abs() < 1e-12 * x {
            break;
        }
    }
    x
}

/// P(Y ≤ k) for Y ~ Poisson(mu); 0 for k < 0.
pub fn poisson_cdf(k: f64, mu: f64) -> f64 {
    if k < 0.0 {
        return 0.0;
    }
    if mu <= 0.0 {
        return 1.0;
    }
    gamma_q(k.floor() + 1.0, mu)
}

/// The smallest whole r with P(Y ≤ r) ≥ p, Y ~ Poisson(mu).
pub fn poisson_quantile(p: f64, mu: f64) -> f64 {
    if mu <= 0.0 || p <= 0.0 {
        return 0.0;
    }
    let z = normal_quantile(p.min(1.0 - 1e-16));
    // Cornish–Fisher first guess, then step to the exact answer.
    let mut r = (mu + z * mu.sqrt() + (z * z - 1.0) / 6.0).round().max(0.0);
    while r > 0.0 && poisson_cdf(r - 1.0, mu) >= p {
        r -= 1.0;
    }
    while poisson_cdf(r, mu) < p {
        r += 1.0;
    }
    r
}

/// The exact (Garwood) two-sided interval of a Poisson mean from one observed count, at
/// `level` (0.95 for a 95 % interval): (lower, upper) in counts.
pub fn exact_interval(count: i64, level: f64) -> (f64, f64) {
    let y = count.max(0) as f64;
    let alpha = 1.0 - level;
    let lower = if y == 0.0 {
        0.0
    } else {
        gamma_quantile(alpha / 2.0, y)
    };
    (lower, gamma_quantile(1.0 - alpha / 2.0, y + 1.0))
}

/// The χ² quantile with `df` degrees of freedom.
pub fn chi_squared_quantile(p: f64, df: f64) -> f64 {
    2.0 * gamma_quantile(p, df / 2.0)
}

#[cfg(test)]
mod tests;
