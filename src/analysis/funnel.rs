//! Funnel plots (Spiegelhalter 2005, "Funnel plots for comparing institutional
//! performance", Stat Med 24:1185): the rate of each area against its population, with
//! 95 % and 99.8 % limits around a target rate that narrow as the population grows, so
//! that a small district's noisy rate is not read as a difference.
//!
//! Limits are exact Poisson quantiles, interpolated as Spiegelhalter describes so they
//! run smoothly. When the areas vary far more than Poisson chance allows (as crime rates
//! of districts usually do), the limits are widened by the square root of the
//! over-dispersion φ, estimated from 10 %-winsorised z-scores and used when I·φ exceeds
//! the 95 % point of χ² on I − 1 degrees of freedom (Spiegelhalter 2005, "Handling
//! over-dispersion of performance indicators", Qual Saf Health Care 14:347) — otherwise
//! nearly every district would be "significantly" above or below its peers.
//!
//! Pure arithmetic: counts and populations in, limits out.

use super::distributions::{chi_squared_quantile, poisson_cdf, poisson_quantile};
use serde::Serialize;

/// The limits' two-sided levels: 95 % and 99.8 %.
pub const LOWER_95: f64 = 0.025;
pub const UPPER_95: f64 = 0.975;
pub const LOWER_998: f64 = 0.001;
pub const UPPER_998: f64 = 0.999;

/// Share of z-scores winsorised at each end when estimating over-dispersion.
const WINSOR: f64 = 0.1;
/// Fewer areas than this give no estimate of over-dispersion.
const FEWEST_FOR_DISPERSION: usize = 5;
/// Points along each limit line.
const POINTS: usize = 60;

/// Where an area's rate sits against the peer rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Above the upper 95 % limit.
    Above,
    /// Within the 95 % limits.
    Similar,
    /// Below the lower 95 % limit.
    Below,
}

impl Position {
    pub fn words(self) -> &'static str {
        match self {
            Position::Above => "significantly above",
            Position::Similar => "similar to",
            Position::Below => "significantly below",
        }
    }
}

/// The limits at one population, as rates per 1,000.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FunnelPoint {
    pub population: f64,
    pub lo95: f64,
    pub hi95: f64,
    pub lo998: f64,
    pub hi998: f64,
}

/// The over-dispersion of a set of areas around a target rate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AreaDispersion {
    /// φ from winsorised z-scores (1 = Poisson variation).
    pub phi: f64,
    /// Whether I·φ exceeds the 95 % point of χ²(I − 1): the limits are then widened.
    pub is_over_dispersed: bool,
}

impl AreaDispersion {
    /// The factor the distance of a limit from the target is multiplied by.
    pub fn widening(&self) -> f64 {
        if self.is_over_dispersed {
            self.phi.sqrt()
        } else {
            1.0
        }
    }
}

/// Spiegelhalter's interpolated Poisson limit for an expected count: the `p` quantile r,
/// less α = (F(r) − p) / (F(r) − F(r − 1)), so limits move smoothly with the population.
pub fn limit_count(expected: f64, p: f64) -> f64 {
    if expected <= 0.0 {
        return 0.0;
    }
    let r = poisson_quantile(p, expected);
    let at = poisson_cdf(r, expected);
    let below = poisson_cdf(r - 1.0, expected);
    let alpha = if at > below {
        (at - p) / (at - below)
    } else {
        0.0
    };
    (r - alpha).max(0.0)
}

/// A limit at `population` for a target `rate` (per person), widened by `widening`.
fn limit_rate(population: f64, rate: f64, p: f64, widening: f64) -> f64 {
    let expected = rate * population;
    let count = expected + widening * (limit_count(expected, p) - expected);
    (count.max(0.0) / population) * 1000.0
}

/// The 95 % and 99.8 % limits at one population.
pub fn limits_at(population: f64, rate: f64, dispersion: &AreaDispersion) -> FunnelPoint {
    let w = dispersion.widening();
    FunnelPoint {
        population,
        lo95: limit_rate(population, rate, LOWER_95, w),
        hi95: limit_rate(population, rate, UPPER_95, w),
        lo998: limit_rate(population, rate, LOWER_998, w),
        hi998: limit_rate(population, rate, UPPER_998, w),
    }
}

/// Where a count over a population sits against the 95 % limits around `rate`.
pub fn position(count: i64, population: f64, rate: f64, dispersion: &AreaDispersion) -> Position {
    let w = dispersion.widening();
    let expected = rate * population;
    let y = count as f64;
    if y > expected + w * (limit_count(expected, UPPER_95) - expected) {
        Position::Above
    } else if y < expected + w * (limit_count(expected, LOWER_95) - expected) {
        Position::Below
    } else {
        Position::Similar
    }
}

/// Over-dispersion of (count, population) areas around `rate` (per person).
pub fn area_dispersion(areas: &[(i64, f64)], rate: f64) -> AreaDispersion {
    let mut z: Vec<f64> = areas
        .iter()
        .filter(|(_, n)| *n > 0.0)
        .map(|&(y, n)| {
            let expected = rate * n;
            (y as f64 - expected) / expected.sqrt()
        })
        .filter(|z| z.is_finite())
        .collect();
    let count = z.len();
    if count < FEWEST_FOR_DISPERSION {
        return AreaDispersion {
            phi: 1.0,
            is_over_dispersed: false,
        };
    }
    z.sort_by(f64::total_cmp);
    let k = (WINSOR * count as f64).floor() as usize;
    let (low, high) = (z[k], z[count - 1 - k]);
    let phi = z.iter().map(|v| v.clamp(low, high).powi(2)).sum::<f64>() / count as f64;
    AreaDispersion {
        phi,
        is_over_dispersed: count as f64 * phi > chi_squared_quantile(0.95, (count - 1) as f64),
    }
}

/// Limits at populations spread evenly on a log scale from `smallest` to `largest`.
pub fn funnel_points(
    smallest: f64,
    largest: f64,
    rate: f64,
    dispersion: &AreaDispersion,
) -> Vec<FunnelPoint> {
    if !(smallest > 0.0 && largest >= smallest && rate > 0.0) {
        return Vec::new();
    }
    let (from, to) = (smallest.ln(), largest.ln());
    (0..POINTS)
        .map(|i| {
            let population = (from + (to - from) * i as f64 / (POINTS - 1) as f64).exp();
            limits_at(population, rate, dispersion)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const POISSON: AreaDispersion = AreaDispersion {
        phi: 1.0,
        is_over_dispersed: false,
    };

    #[test]
    fn interpolated_limits_match_a_hand_computation_with_scipy() {
        // scipy: E = 10, p = 0.975: r = poisson.ppf = 17, F(17) = 0.9857223864,
        // F(16) = 0.9729583902, α = (F(17) − p) / (F(17) − F(16)) = 0.8400493267.
        let limit = limit_count(10.0, 0.975);
        assert!((limit - (17.0 - 0.840_049_326_7)).abs() < 1e-8, "{limit}");
        // E = 10, p = 0.025: r = 4, F(4) = 0.0292526881, F(3) = 0.0103360507, α = 0.2248120523.
        let limit = limit_count(10.0, 0.025);
        assert!((limit - (4.0 - 0.224_812_052_3)).abs() < 1e-8, "{limit}");
        assert_eq!(limit_count(0.0, 0.975), 0.0);
    }

    #[test]
    fn limits_narrow_as_the_population_grows_and_contain_the_target() {
        let rate = 0.05; // 50 per 1,000
        let small = limits_at(10_000.0, rate, &POISSON);
        let large = limits_at(1_000_000.0, rate, &POISSON);
        assert!(small.hi95 - small.lo95 > large.hi95 - large.lo95);
        for p in [&small, &large] {
            assert!(p.lo998 < p.lo95 && p.lo95 < 50.0 && 50.0 < p.hi95 && p.hi95 < p.hi998);
        }
        // Large E: about 50 ± 1.96·√(50,000)/1,000.
        assert!((large.hi95 - (50.0 + 1.96 * 50_000f64.sqrt() / 1000.0)).abs() < 0.01);
    }

    #[test]
    fn positions_follow_the_95_limits() {
        let rate = 0.02;
        // Expected 200 at 10,000 residents; the 95 % limits are about 172 and 228.
        assert_eq!(position(260, 10_000.0, rate, &POISSON), Position::Above);
        assert_eq!(position(205, 10_000.0, rate, &POISSON), Position::Similar);
        assert_eq!(position(150, 10_000.0, rate, &POISSON), Position::Below);
    }

    #[test]
    fn over_dispersed_areas_widen_the_limits() {
        // Rates of 10, 20, …, 100 per 1,000 over 100,000 residents each: hugely more
        // variable than Poisson.
        let areas: Vec<(i64, f64)> = (1..=10).map(|i| (i * 1_000, 100_000.0)).collect();
        let rate = 5_500.0 * 10.0 / 1_000_000.0;
        let d = area_dispersion(&areas, rate);
        assert!(d.is_over_dispersed && d.phi > 100.0, "{d:?}");
        assert_eq!(position(7_000, 100_000.0, rate, &d), Position::Similar);
        assert_eq!(position(7_000, 100_000.0, rate, &POISSON), Position::Above);
        // Counts close to expectation are not over-dispersed.
        let calm: Vec<(i64, f64)> = [1_000, 1_020, 990, 1_010, 985, 1_005]
            .iter()
            .map(|&y| (y, 100_000.0))
            .collect();
        assert!(!area_dispersion(&calm, 0.01).is_over_dispersed);
        assert!(!area_dispersion(&calm[..3], 0.01).is_over_dispersed);
    }

    #[test]
    fn funnel_points_span_the_populations() {
        let points = funnel_points(50_000.0, 800_000.0, 0.1, &POISSON);
        assert_eq!(points.len(), POINTS);
        assert!((points[0].population - 50_000.0).abs() < 1e-6);
        assert!((points[POINTS - 1].population - 800_000.0).abs() < 1e-3);
        assert!(funnel_points(0.0, 10.0, 0.1, &POISSON).is_empty());
    }
}
