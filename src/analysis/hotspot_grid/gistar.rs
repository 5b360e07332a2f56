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
mod tests;
