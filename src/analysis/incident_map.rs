//! The located incidents of the chosen year made ready for the map, once, off the UI
//! thread: a thinned sample to draw as dots and the hex bins with their counts. Holds no
//! screen geometry; the map page transforms these metres each frame.

use super::geo::polygon::BoundingBox;
use super::hexbin::{bin_counts, HexBin, HexGrid};
use super::thinning::every_kth;

/// Dots drawn at most; beyond this a deterministic sample is drawn and the legend says so.
pub const MAX_DRAWN_POINTS: usize = 20_000;
/// Hex widths are whole multiples of this, metres.
const ROUNDING_M: f64 = 50.0;

#[derive(Debug, Clone, PartialEq)]
pub struct IncidentMap {
    /// Located incidents of the year.
    pub total: usize,
    /// The dots to draw, BNG metres (all of them when there are few enough).
    pub sample: Vec<(f64, f64)>,
    pub hex_grid: HexGrid,
    pub bins: Vec<HexBin>,
    pub extent: Option<BoundingBox>,
}

/// The map of `points` (BNG metres) with hexes about `hex_width` metres across, rounded to
/// 50 m (at least 50 m).
pub fn incident_map(points: &[(f64, f64)], hex_width: f64) -> IncidentMap {
    let width = if hex_width.is_finite() {
        ((hex_width / ROUNDING_M).round() * ROUNDING_M).max(ROUNDING_M)
    } else {
        ROUNDING_M
    };
    let hex_grid = HexGrid::with_width(width).unwrap_or(HexGrid { radius: ROUNDING_M });
    IncidentMap {
        total: points.len(),
        sample: every_kth(points, MAX_DRAWN_POINTS),
        bins: bin_counts(&hex_grid, points),
        hex_grid,
        extent: BoundingBox::of_points(points.iter().copied()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_points_are_sampled_and_all_are_binned() {
        let points: Vec<(f64, f64)> = (0..50_000)
            .map(|i| {
                (
                    530_000.0 + f64::from(i % 300) * 10.0,
                    180_000.0 + f64::from(i / 300) * 10.0,
                )
            })
            .collect();
        let map = incident_map(&points, 240.0);
        assert_eq!(map.total, 50_000);
        assert!(map.sample.len() <= MAX_DRAWN_POINTS);
        assert!((map.hex_grid.width() - 250.0).abs() < 1e-9);
        assert_eq!(
            map.bins.iter().map(|b| b.count as usize).sum::<usize>(),
            50_000
        );
        assert!(map.extent.is_some());
    }

    #[test]
    fn no_points_make_an_empty_map() {
        let map = incident_map(&[], f64::NAN);
        assert_eq!(map.total, 0);
        assert!(map.bins.is_empty() && map.sample.is_empty() && map.extent.is_none());
    }
}
