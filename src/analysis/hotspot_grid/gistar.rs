//! Getis-Ord Gi* per grid cell, its two-sided p-value and the multiple-testing adjustment,
//! as sfhotspot's `hotspot_gistar()` computes them (`R/gistar.R`).
//!
//! Neighbours: the cell itself and the up-to-8 cells around it (sfhotspot: `dnearneigh`
//! within cell size × √2, then `include.self`), binary weights (`nb2listw(style = "B")`).
//! The z-score is Ord & Getis (1995) eq. for Gi*, as `spdep::localG` computes it:
//!
//! ```text
//! Gi* = (Σj wij xj − x̄ Wi) / (S √((n S1i − Wi²) / (n − 1)))
//! x̄ = Σ xj / n,  S = √(Σ xj² / n − x̄²),  Wi = Σj wij,  S1i = Σj wij²  (= Wi for 0/1 weights)
//! ```
//!
//! over all n cells. p = 2 Φ(−|z|) = erfc(|z| / √2).
//!
//! Adjustment: sfhotspot passes the p-values to `spdep::p.adjustSP()`, which adjusts each
//! cell's p on its own with a family size of (its neighbours including itself) + 1, so Holm,
//! Bonferroni and BH all reduce to min(1, m·p) there. Its default method is Holm (R's
//! `p.adjust` default; sfhotspot issue #94 fixed older versions that silently used "none").
//! [`AdjustFamily::Neighbourhood`] reproduces that; [`AdjustFamily::AllCells`] instead runs
//! Holm or Benjamini–Hochberg across every cell of the grid, as `stats::p.adjust` would.

use serde::Serialize;

/// The multiple-testing correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum PAdjustMethod {
    None,
    /// Holm's step-down (family-wise error); R's and sfhotspot's default.
    #[default]
    Holm,
    /// Benjamini–Hochberg false discovery rate.
    BenjaminiHochberg,
}

/// Which tests count as one family when adjusting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum AdjustFamily {
    /// Each cell with its neighbours, as `spdep::p.adjustSP` (sfhotspot).
    #[default]
    Neighbourhood,
    /// All cells of the grid together, as `stats::p.adjust`.
    AllCells,
}

/// How Gi* p-values are adjusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct GiStarOptions {
    pub method: PAdjustMethod,
    pub family: AdjustFamily,
}

/// Hot or cold at 99 % / 95 %, on the adjusted p-value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Significance {
    Hot99,
    Hot95,
    NotSignificant,
    Cold95,
    Cold99,
}

impl Significance {
    pub fn of(z: f64, p_adjusted: f64) -> Significance {
        match (z > 0.0, p_adjusted) {
            (true, p) if p < 0.01 => Significance::Hot99,
            (true, p) if p < 0.05 => Significance::Hot95,
            (false, p) if z < 0.0 && p < 0.01 => Significance::Cold99,
            (false, p) if z < 0.0 && p < 0.05 => Significance::Cold95,
            _ => Significance::NotSignificant,
        }
    }

    /// As a map legend names it.
    pub fn label(self) -> &'static str {
        match self {
            Significance::Hot99 => "Hotspot (99% confidence)",
            Significance::Hot95 => "Hotspot (95% confidence)",
            Significance::NotSignificant => "Not significant",
            Significance::Cold95 => "Coldspot (95% confidence)",
            Significance::Cold99 => "Coldspot (99% confidence)",
        }
    }

    pub fn is_hot(self) -> bool {
        matches!(self, Significance::Hot99 | Significance::Hot95)
    }
}

/// One cell's test.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CellTest {
    pub z: f64,
    pub p: f64,
    pub p_adjusted: f64,
    pub significance: Significance,
}

/// The 3 × 3 block around a cell, clipped to the grid.
fn neighbourhood(cols: usize, rows: usize, col: usize, row: usize) -> impl Iterator<Item = usize> {
    let rows_near = row.saturating_sub(1)..=(row + 1).min(rows.saturating_sub(1));
    rows_near.flat_map(move |r| {
        (col.saturating_sub(1)..=(col + 1).min(cols.saturating_sub(1))).map(move |c| r * cols + c)
    })
}

/// Gi* z-score of every cell of a `cols` × `rows` grid (row-major `values`). All zeros when
/// the values do not vary (the statistic is undefined) or do not fill the grid.
pub fn gi_star(cols: usize, rows: usize, values: &[f64]) -> Vec<f64> {
    let n = cols * rows;
    if values.len() != n || n < 2 {
        return vec![0.0; values.len()];
    }
    let nf = n as f64;
    let mean = values.iter().sum::<f64>() / nf;
    let s = (values.iter().map(|v| v * v).sum::<f64>() / nf - mean * mean)
        .max(0.0)
        .sqrt();
    let mut z = vec![0.0; n];
    if s <= f64::EPSILON * mean.abs().max(1.0) {
        return z;
    }
    for row in 0..rows {
        for col in 0..cols {
            let (mut sum, mut w) = (0.0, 0.0);
            for j in neighbourhood(cols, rows, col, row) {
                sum += values.get(j).copied().unwrap_or(0.0);
                w += 1.0;
            }
            let denominator = s * ((nf * w - w * w) / (nf - 1.0)).sqrt();
            if let Some(cell) = z.get_mut(row * cols + col) {
                *cell = if denominator > 0.0 {
                    (sum - mean * w) / denominator
                } else {
                    0.0
                };
            }
        }
    }
    z
}

/// Gi* with p-values, adjusted p-values and significance for every cell.
pub fn gi_star_tests(
    cols: usize,
    rows: usize,
    values: &[f64],
    options: GiStarOptions,
) -> Vec<CellTest> {
    let z = gi_star(cols, rows, values);
    let p: Vec<f64> = z.iter().map(|&z| two_sided_p(z)).collect();
    let adjusted = match options.family {
        AdjustFamily::AllCells => adjust(&p, options.method),
        AdjustFamily::Neighbourhood => p
            .iter()
            .enumerate()
            .map(|(i, &p)| {
                let (col, row) = (i % cols.max(1), i / cols.max(1));
                // spdep: n = card(nb) + 1, where nb already includes the cell itself.
                let family = neighbourhood(cols, rows, col, row).count() + 1;
                adjust_alone(p, family, options.method)
            })
            .collect(),
    };
    z.iter()
        .zip(p)
        .zip(adjusted)
        .map(|((&z, p), p_adjusted)| CellTest {
            z,
            p,
            p_adjusted,
            significance: Significance::of(z, p_adjusted),
        })
        .collect()
}

/// `stats::p.adjust(p, method, n = family)` for a single p: every method but "none" is
/// min(1, family × p).
fn adjust_alone(p: f64, family: usize, method: PAdjustMethod) -> f64 {
    match method {
        PAdjustMethod::None => p,
        PAdjustMethod::Holm | PAdjustMethod::BenjaminiHochberg => (family as f64 * p).min(1.0),
    }
}

/// Adjusts a family of p-values together.
pub fn adjust(p: &[f64], method: PAdjustMethod) -> Vec<f64> {
    match method {
        PAdjustMethod::None => p.to_vec(),
        PAdjustMethod::Holm => holm(p),
        PAdjustMethod::BenjaminiHochberg => benjamini_hochberg(p),
    }
}

/// Holm (1979): sort ascending, multiply the i-th smallest by (m − i + 1), keep the running
/// maximum, cap at 1 — as `stats::p.adjust(method = "holm")`.
pub fn holm(p: &[f64]) -> Vec<f64> {
    let m = p.len() as f64;
    let mut order: Vec<usize> = (0..p.len()).collect();
    order.sort_by(|&a, &b| p[a].total_cmp(&p[b]));
    let mut adjusted = vec![0.0; p.len()];
    let mut running = 0.0f64;
    for (i, &index) in order.iter().enumerate() {
        running = running.max(((m - i as f64) * p[index]).min(1.0));
        adjusted[index] = running;
    }
    adjusted
}

/// Benjamini & Hochberg (1995): sort descending, multiply the p of rank i by m / i, keep the
/// running minimum, cap at 1 — as `stats::p.adjust(method = "BH")`.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let m = p.len() as f64;
    let mut order: Vec<usize> = (0..p.len()).collect();
    order.sort_by(|&a, &b| p[b].total_cmp(&p[a]));
    let mut adjusted = vec![0.0; p.len()];
    let mut running = f64::INFINITY;
    for (k, &index) in order.iter().enumerate() {
        let rank = m - k as f64;
        running = running.min((m / rank * p[index]).min(1.0));
        adjusted[index] = running;
    }
    adjusted
}

/// Two-sided normal p-value, 2 Φ(−|z|).
pub fn two_sided_p(z: f64) -> f64 {
    if z.is_nan() {
        return 1.0;
    }
    erfc(z.abs() / std::f64::consts::SQRT_2)
}

/// Complementary error function to near machine precision for all x. Below 2: 1 − erf(x)
/// from the all-positive series erf(x) = 2/√π e^(−x²) Σ (2x²)ⁿ x / (1·3·…·(2n+1)), which
/// loses nothing to cancellation there (erfc(2) ≈ 0.0047). From 2 up: the continued fraction
/// erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + …)))) by the modified Lentz method.
pub fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x < 0.0 {
        return 2.0 - erfc(-x);
    }
    let frac_2_sqrt_pi = std::f64::consts::FRAC_2_SQRT_PI;
    if x < 2.0 {
        let x2 = x * x;
        let (mut term, mut sum) = (x, x);
        for n in 1..200 {
            term *= 2.0 * x2 / (2 * n + 1) as f64;
            sum += term;
            if term < sum * 1e-17 {
                break;
            }
        }
        return 1.0 - frac_2_sqrt_pi * (-x2).exp() * sum;
    }
    if x > 27.3 {
        return 0.0;
    }
    let tiny = 1e-300;
    let mut f = x;
    let (mut c, mut d) = (x, 0.0);
    for k in 1..500 {
        let a = k as f64 / 2.0;
        d = x + a * d;
        d = if d.abs() < tiny { tiny } else { d };
        c = x + a / c;
        c = if c.abs() < tiny { tiny } else { c };
        d = 1.0 / d;
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    frac_2_sqrt_pi / 2.0 * (-x * x).exp() / f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erfc_matches_reference_values() {
        // Values from a correctly rounded libm (Python math.erfc).
        let cases = [
            (0.0, 1.0),
            (0.1, 0.887_537_083_981_715_2),
            (0.5, 0.479_500_122_186_953_5),
            (1.0, 0.157_299_207_050_285_13),
            (1.5, 0.033_894_853_524_689_274),
            (2.0, 0.004_677_734_981_047_265),
            (2.5, 0.000_406_952_017_444_958_9),
            (3.0, 2.209_049_699_858_543_8e-5),
            (5.0, 1.537_459_794_428_035_1e-12),
            (10.0, 2.088_487_583_762_545e-45),
            (26.0, 5.663_192_408_856_143e-296),
        ];
        for (x, expected) in cases {
            let got = erfc(x);
            assert!(
                ((got - expected) / expected).abs() < 1e-13,
                "erfc({x}) = {got}, not {expected}"
            );
        }
        assert!((erfc(-1.0) - (2.0 - 0.157_299_207_050_285_13)).abs() < 1e-15);
        assert!((two_sided_p(1.959_963_984_540_054) - 0.05).abs() < 1e-14);
        assert!((two_sided_p(-2.575_829_303_548_901) - 0.01).abs() < 1e-14);
    }

    #[test]
    fn holm_and_bh_match_hand_computed_values() {
        let p = [0.01, 0.04, 0.03, 0.005];
        // Holm: sorted 0.005×4 = 0.02, 0.01×3 = 0.03, 0.03×2 = 0.06, 0.04×1 = 0.04 → cummax.
        let h = holm(&p);
        for (got, want) in h.iter().zip([0.03, 0.06, 0.06, 0.02]) {
            assert!((got - want).abs() < 1e-15, "{h:?}");
        }
        // BH: descending 0.04×4/4 = 0.04, 0.03×4/3 = 0.04, 0.01×4/2 = 0.02, 0.005×4 = 0.02.
        let b = benjamini_hochberg(&p);
        for (got, want) in b.iter().zip([0.02, 0.04, 0.04, 0.02]) {
            assert!((got - want).abs() < 1e-15, "{b:?}");
        }
        assert_eq!(holm(&[0.5, 0.6]), vec![1.0, 1.0]);
        assert_eq!(benjamini_hochberg(&[0.9, 0.5]), vec![0.9, 0.9]);
        assert!(holm(&[]).is_empty());
    }

    /// Gi* straight from the published formula with an explicit n × n weight matrix.
    fn reference_gi_star(cols: usize, x: &[f64]) -> Vec<f64> {
        let n = x.len();
        let nf = n as f64;
        let xbar = x.iter().sum::<f64>() / nf;
        let s = (x.iter().map(|v| v * v).sum::<f64>() / nf - xbar * xbar).sqrt();
        (0..n)
            .map(|i| {
                let (ci, ri) = ((i % cols) as i64, (i / cols) as i64);
                let w: Vec<f64> = (0..n)
                    .map(|j| {
                        let (cj, rj) = ((j % cols) as i64, (j / cols) as i64);
                        if (ci - cj).abs() <= 1 && (ri - rj).abs() <= 1 {
                            1.0
                        } else {
                            0.0
                        }
                    })
                    .collect();
                let wi: f64 = w.iter().sum();
                let s1: f64 = w.iter().map(|v| v * v).sum();
                let lag: f64 = w.iter().zip(x).map(|(w, x)| w * x).sum();
                (lag - xbar * wi) / (s * ((nf * s1 - wi * wi) / (nf - 1.0)).sqrt())
            })
            .collect()
    }

    /// 2 ∫ from |z| to ∞ of the normal density, by Simpson's rule (independent of erfc).
    fn reference_p(z: f64) -> f64 {
        let (a, steps) = (z.abs(), 20_000);
        let h = 12.0 / steps as f64;
        let pdf = |t: f64| (-t * t / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
        let inner: f64 = (1..steps)
            .map(|k| pdf(a + k as f64 * h) * if k % 2 == 1 { 4.0 } else { 2.0 })
            .sum();
        2.0 * h / 3.0 * (pdf(a) + inner + pdf(a + 12.0))
    }

    const COUNTS_6X5: [f64; 30] = [
        0.0, 1.0, 0.0, 2.0, 1.0, 0.0, //
        1.0, 3.0, 2.0, 1.0, 0.0, 0.0, //
        2.0, 9.0, 12.0, 4.0, 1.0, 0.0, //
        1.0, 7.0, 10.0, 3.0, 0.0, 1.0, //
        0.0, 1.0, 2.0, 0.0, 0.0, 0.0,
    ];

    #[test]
    fn gi_star_equals_the_published_formula_on_a_6_by_5_grid() {
        let z = gi_star(6, 5, &COUNTS_6X5);
        let reference = reference_gi_star(6, &COUNTS_6X5);
        for (i, (a, b)) in z.iter().zip(&reference).enumerate() {
            assert!((a - b).abs() < 1e-12, "cell {i}: {a} vs {b}");
        }
        let tests = gi_star_tests(
            6,
            5,
            &COUNTS_6X5,
            GiStarOptions {
                method: PAdjustMethod::None,
                ..Default::default()
            },
        );
        for (t, z) in tests.iter().zip(&reference) {
            assert!(
                (t.p - reference_p(*z)).abs() < 1e-10,
                "{} vs {}",
                t.p,
                reference_p(*z)
            );
            assert_eq!(t.p_adjusted, t.p);
        }
        // The 12 and its neighbours form the peak.
        let max = z.iter().cloned().fold(f64::MIN, f64::max);
        assert_eq!(z.iter().position(|&v| v == max), Some(2 * 6 + 2));
    }

    #[test]
    fn neighbourhood_adjustment_multiplies_by_the_family_size_like_p_adjust_sp() {
        let raw = gi_star_tests(
            6,
            5,
            &COUNTS_6X5,
            GiStarOptions {
                method: PAdjustMethod::None,
                ..Default::default()
            },
        );
        let by_neighbourhood = gi_star_tests(6, 5, &COUNTS_6X5, GiStarOptions::default());
        // Corner: itself + 3 neighbours + 1 = 5; edge: 6 + 1 = 7; interior: 9 + 1 = 10.
        for (index, family) in [(0, 5.0), (2, 7.0), (2 * 6 + 2, 10.0), (29, 5.0)] {
            let want = (raw[index].p * family).min(1.0);
            assert!(
                (by_neighbourhood[index].p_adjusted - want).abs() < 1e-15,
                "cell {index}"
            );
        }
        let all = gi_star_tests(
            6,
            5,
            &COUNTS_6X5,
            GiStarOptions {
                method: PAdjustMethod::Holm,
                family: AdjustFamily::AllCells,
            },
        );
        let p: Vec<f64> = raw.iter().map(|t| t.p).collect();
        assert_eq!(
            all.iter().map(|t| t.p_adjusted).collect::<Vec<_>>(),
            holm(&p)
        );
    }

    #[test]
    fn flat_counts_give_no_hotspots() {
        let tests = gi_star_tests(4, 4, &[3.0; 16], GiStarOptions::default());
        assert!(tests
            .iter()
            .all(|t| t.z == 0.0 && t.p == 1.0 && t.significance == Significance::NotSignificant));
    }

    #[test]
    fn significance_bands() {
        assert_eq!(Significance::of(3.0, 0.009), Significance::Hot99);
        assert_eq!(Significance::of(3.0, 0.01), Significance::Hot95);
        assert_eq!(Significance::of(-3.0, 0.049), Significance::Cold95);
        assert_eq!(Significance::of(-3.0, 0.001), Significance::Cold99);
        assert_eq!(Significance::of(3.0, 0.05), Significance::NotSignificant);
    }
}
