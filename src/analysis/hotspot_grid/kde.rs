//! Kernel density at each grid cell's centre, with sfhotspot's kernel and default bandwidth.
//!
//! sfhotspot (`R/kernel_density.R`) calls `SpatialKDE::kde()`, whose default kernel is the
//! quartic `(1 − (d/h)²)²` for distance d ≤ h, summed over the points unscaled. Its default
//! bandwidth (`R/bandwidth_nrd.R`, "identical to MASS::bandwidth.nrd") is, for each axis,
//!
//! ```text
//! h = 4 × 1.06 × min(sd, IQR / 1.34) × n^(−1/5)
//! ```
//!
//! with R's sample sd (n − 1) and type-7 quartiles, and the documented default is the mean
//! of h for x and h for y. (The R code writes `mean(h_x, h_y)`, which R reads as
//! `mean(h_x, trim = h_y)` and so returns h_x alone; this module takes the documented mean.)
//!
//! Values here are densities in points per square kilometre: the quartic is scaled by
//! 3 / (π h²) and the normal kernel (σ = h / 4, the `MASS::kde2d` convention the ×4 in the
//! rule of thumb is for) by 1 / (2π σ²), so the density summed over cells × cell area gives
//! back the number of points. The map pattern is the same as sfhotspot's unscaled values,
//! which differ from these by the constant factor π h² / 3 / 10⁶.

use super::grid::GridSpec;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::f64::consts::PI;

/// The smoothing kernel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Kernel {
    /// sfhotspot's default (via SpatialKDE): zero beyond the bandwidth.
    #[default]
    Quartic,
    /// Gaussian with σ = bandwidth / 4, cut off at 5σ (the mass beyond is below 4 × 10⁻⁶).
    Normal,
}

/// `MASS::bandwidth.nrd` for one coordinate axis; `None` for fewer than 2 values or no spread.
pub fn nrd(values: &[f64]) -> Option<f64> {
    let n = values.len();
    if n < 2 {
        return None;
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let mut scratch = values.to_vec();
    let iqr = quantile_type7(&mut scratch, 0.75)? - quantile_type7(&mut scratch, 0.25)?;
    let spread = variance.sqrt().min(iqr / 1.34);
    let h = 4.0 * 1.06 * spread * (n as f64).powf(-0.2);
    (h.is_finite() && h > 0.0).then_some(h)
}

/// R's default quantile (type 7), in linear time.
fn quantile_type7(values: &mut [f64], p: f64) -> Option<f64> {
    let h = (values.len().checked_sub(1)? as f64) * p;
    let lo = h.floor() as usize;
    let (_, &mut low, above) = values.select_nth_unstable_by(lo, f64::total_cmp);
    let high = above.iter().copied().min_by(f64::total_cmp).unwrap_or(low);
    Some(low + (h - lo as f64) * (high - low))
}

/// sfhotspot's default bandwidth for projected points: the mean of [`nrd`] on x and on y
/// (or whichever exists). `None` when the points have no spread.
pub fn default_bandwidth(points: &[(f64, f64)]) -> Option<f64> {
    let xs: Vec<f64> = points.iter().map(|p| p.0).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.1).collect();
    match (nrd(&xs), nrd(&ys)) {
        (Some(x), Some(y)) => Some((x + y) / 2.0),
        (x, y) => x.or(y),
    }
}

/// Density (points per km²) at every cell centre, row-major like the counts. Points
/// outside the grid still add density to the cells near them. Repeated locations (police.uk
/// snaps crimes to map points) are merged first, so the cost grows with distinct locations.
pub fn kernel_density(
    spec: &GridSpec,
    points: &[(f64, f64)],
    kernel: Kernel,
    bandwidth: f64,
) -> Vec<f64> {
    let mut density = vec![0.0; spec.cell_count()];
    if !(bandwidth.is_finite() && bandwidth > 0.0) {
        return density;
    }
    let mut locations: FxHashMap<(u64, u64), f64> = FxHashMap::default();
    for &(x, y) in points
        .iter()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
    {
        *locations.entry((x.to_bits(), y.to_bits())).or_insert(0.0) += 1.0;
    }
    let sigma = bandwidth / 4.0;
    let (reach, scale) = match kernel {
        Kernel::Quartic => (bandwidth, 3.0 / (PI * bandwidth * bandwidth)),
        Kernel::Normal => (5.0 * sigma, 1.0 / (2.0 * PI * sigma * sigma)),
    };
    let per_km2 = 1e6 * scale;
    let cell_range = |origin: f64, at: f64, cells: usize| {
        let first = ((at - reach - origin) / spec.cell_size - 0.5)
            .ceil()
            .max(0.0) as usize;
        let last = ((at + reach - origin) / spec.cell_size - 0.5).floor();
        let last = if last < 0.0 || cells == 0 {
            None
        } else {
            Some((last as usize).min(cells - 1))
        };
        last.map(|last| first..=last)
    };
    for (&(xb, yb), &weight) in &locations {
        let (x, y) = (f64::from_bits(xb), f64::from_bits(yb));
        let (Some(cols), Some(rows)) = (
            cell_range(spec.origin_x, x, spec.cols),
            cell_range(spec.origin_y, y, spec.rows),
        ) else {
            continue;
        };
        for row in rows {
            for col in cols.clone() {
                let (cx, cy) = spec.centre(col, row);
                let d2 = (cx - x).powi(2) + (cy - y).powi(2);
                if d2 > reach * reach {
                    continue;
                }
                let k = match kernel {
                    Kernel::Quartic => (1.0 - d2 / (bandwidth * bandwidth)).powi(2),
                    Kernel::Normal => (-d2 / (2.0 * sigma * sigma)).exp(),
                };
                if let Some(cell) = density.get_mut(spec.index(col, row)) {
                    *cell += weight * k * per_km2;
                }
            }
        }
    }
    density
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::geo::polygon::BoundingBox;

    fn grid(size: f64, cell: f64) -> GridSpec {
        let b = BoundingBox {
            min_x: 0.0,
            min_y: 0.0,
            max_x: size,
            max_y: size,
        };
        GridSpec::covering(&b, Some(cell)).unwrap()
    }

    #[test]
    fn nrd_matches_mass_bandwidth_nrd() {
        // R: MASS::bandwidth.nrd(c(1, 2, 3, 4, 10)) = 4*1.06*min(sd, 2/1.34)*5^(-1/5)
        // sd = 3.535534, IQR (type 7) = 4 - 2 = 2 → 4.24 × 1.492537 × 0.7247797 = 4.586665
        let h = nrd(&[10.0, 2.0, 4.0, 1.0, 3.0]).unwrap();
        assert!((h - 4.586_665_334).abs() < 1e-8, "{h}");
        // Interpolated quartiles: 1..=8 → Q1 2.75, Q3 6.25, IQR 3.5; sd 2.449490 smaller.
        let v: Vec<f64> = (1..=8).map(f64::from).collect();
        let expected = 4.0 * 1.06 * 2.449_489_742_783_178 * 8f64.powf(-0.2);
        assert!((nrd(&v).unwrap() - expected).abs() < 1e-9);
        assert_eq!(nrd(&[5.0]), None);
        assert_eq!(nrd(&[5.0, 5.0, 5.0]), None);
    }

    #[test]
    fn default_bandwidth_is_the_mean_of_the_two_axes() {
        let points: Vec<(f64, f64)> = (1..=8)
            .map(|i| (f64::from(i), 2.0 * f64::from(i)))
            .collect();
        let hx = nrd(&points.iter().map(|p| p.0).collect::<Vec<_>>()).unwrap();
        let b = default_bandwidth(&points).unwrap();
        assert!((b - 1.5 * hx).abs() < 1e-9);
    }

    #[test]
    fn density_integrates_to_the_number_of_points() {
        let spec = grid(10_000.0, 50.0);
        let points = [
            (5_000.0, 5_000.0),
            (4_321.0, 6_100.0),
            (4_321.0, 6_100.0),
            (6_000.0, 3_333.0),
        ];
        for kernel in [Kernel::Quartic, Kernel::Normal] {
            let d = kernel_density(&spec, &points, kernel, 800.0);
            let cell_km2 = (spec.cell_size / 1_000.0).powi(2);
            let total: f64 = d.iter().sum::<f64>() * cell_km2;
            assert!((total - 4.0).abs() < 0.02, "{kernel:?}: {total}");
        }
    }

    #[test]
    fn quartic_is_zero_beyond_the_bandwidth_and_peaks_at_the_point() {
        let spec = grid(2_000.0, 100.0);
        let d = kernel_density(&spec, &[(1_050.0, 1_050.0)], Kernel::Quartic, 300.0);
        let peak = d[spec.index(10, 10)];
        assert!((peak - 1e6 * 3.0 / (PI * 300.0 * 300.0)).abs() < 1e-9);
        // 200 m away: (1 − (200/300)²)² of the peak.
        assert!((d[spec.index(12, 10)] - peak * (5.0f64 / 9.0).powi(2)).abs() < 1e-9);
        assert_eq!(d[spec.index(14, 10)], 0.0);
        assert!(d.iter().all(|&v| v <= peak));
    }

    #[test]
    fn points_just_outside_the_grid_still_warm_the_edge() {
        let spec = grid(1_000.0, 100.0);
        let d = kernel_density(&spec, &[(-50.0, 500.0)], Kernel::Quartic, 300.0);
        assert!(d[spec.index(0, 5)] > 0.0);
        assert!(kernel_density(&spec, &[(5.0, 5.0)], Kernel::Quartic, 0.0)
            .iter()
            .all(|&v| v == 0.0));
    }
}
