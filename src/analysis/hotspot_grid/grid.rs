//! The regular square grid in British National Grid metres that hotspot maps are drawn on,
//! and the count of points per cell.
//!
//! Default cell size follows sfhotspot's `set_cell_size()` (R/set_cell_size.R): the shorter
//! side of the bounding box ÷ 50, rounded *down* to a whole number of 100 m. sfhotspot falls
//! back to the unrounded side ÷ 50 when that rounds to 0 (areas under 5 km across); here the
//! floor is 100 m instead, because police.uk locations are snapped to map points and finer
//! cells only show the snapping. Cells start at the box's south-west corner, as
//! `sf::st_make_grid` does, and are numbered row by row from the south. Points outside
//! the grid are counted separately, never dropped.

use super::HotspotError;
use crate::analysis::geo::polygon::BoundingBox;
use crate::analysis::geo::projection::bng_to_wgs84;
use serde::Serialize;

/// Cells on the box's shorter side for the default cell size (sfhotspot: `num_cells`).
pub const CELLS_ON_SHORTER_SIDE: f64 = 50.0;
/// Default cell sizes are whole multiples of this (sfhotspot: `rounding_size`).
pub const ROUNDING_M: f64 = 100.0;
/// A cap that keeps a mistaken cell size from allocating gigabytes.
pub const MAX_CELLS: usize = 4_000_000;

/// Where the grid lies and how it is cut.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GridSpec {
    /// South-west corner, BNG metres.
    pub origin_x: f64,
    pub origin_y: f64,
    /// Side of a cell in metres.
    pub cell_size: f64,
    pub cols: usize,
    pub rows: usize,
}

/// Points per cell (row-major from the south-west) and the points that fell outside.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridCounts {
    pub counts: Vec<u32>,
    pub outside: u64,
}

impl GridCounts {
    pub fn inside(&self) -> u64 {
        self.counts.iter().map(|&c| u64::from(c)).sum()
    }
}

/// sfhotspot's default cell size for an area's box (see the module comment).
pub fn default_cell_size(bbox: &BoundingBox) -> f64 {
    let shorter = bbox.width().min(bbox.height());
    let rounded = (shorter / CELLS_ON_SHORTER_SIDE / ROUNDING_M).floor() * ROUNDING_M;
    rounded.max(ROUNDING_M)
}

impl GridSpec {
    /// A grid covering `bbox` with the given cell size, or the default one.
    pub fn covering(bbox: &BoundingBox, cell_size: Option<f64>) -> Result<GridSpec, HotspotError> {
        let finite = [bbox.min_x, bbox.min_y, bbox.max_x, bbox.max_y]
            .iter()
            .all(|v| v.is_finite());
        if !finite || bbox.width() < 0.0 || bbox.height() < 0.0 {
            return Err(HotspotError::EmptyArea);
        }
        let cell_size = cell_size.unwrap_or_else(|| default_cell_size(bbox));
        if !cell_size.is_finite() || cell_size <= 0.0 {
            return Err(HotspotError::BadCellSize(cell_size));
        }
        let cells_along = |length: f64| ((length / cell_size).ceil() as usize).max(1);
        let (cols, rows) = (cells_along(bbox.width()), cells_along(bbox.height()));
        if cols.saturating_mul(rows) > MAX_CELLS {
            return Err(HotspotError::TooManyCells {
                cols,
                rows,
                cell_size,
            });
        }
        Ok(GridSpec {
            origin_x: bbox.min_x,
            origin_y: bbox.min_y,
            cell_size,
            cols,
            rows,
        })
    }

    pub fn cell_count(&self) -> usize {
        self.cols * self.rows
    }

    /// Position of a cell in the row-major vectors.
    pub fn index(&self, col: usize, row: usize) -> usize {
        row * self.cols + col
    }

    /// The cell holding a point; the grid's east and north edges belong to the last cells.
    pub fn cell_of(&self, (x, y): (f64, f64)) -> Option<(usize, usize)> {
        let locate = |offset: f64, cells: usize| -> Option<usize> {
            let t = offset / self.cell_size;
            // A range test is false for NaN too.
            (0.0..=cells as f64)
                .contains(&t)
                .then(|| (t as usize).min(cells.saturating_sub(1)))
        };
        Some((
            locate(x - self.origin_x, self.cols)?,
            locate(y - self.origin_y, self.rows)?,
        ))
    }

    /// Centre of a cell in BNG metres.
    pub fn centre(&self, col: usize, row: usize) -> (f64, f64) {
        (
            self.origin_x + (col as f64 + 0.5) * self.cell_size,
            self.origin_y + (row as f64 + 0.5) * self.cell_size,
        )
    }

    /// Centre of a cell as WGS84 (longitude, latitude), for maps and JSON output.
    pub fn centre_lon_lat(&self, col: usize, row: usize) -> (f64, f64) {
        let (x, y) = self.centre(col, row);
        bng_to_wgs84(x, y)
    }

    /// Counts projected points per cell: one pass, no allocation per point.
    pub fn count_points(&self, points: &[(f64, f64)]) -> GridCounts {
        let mut counts = vec![0u32; self.cell_count()];
        let mut outside = 0u64;
        for &p in points {
            match self
                .cell_of(p)
                .and_then(|(c, r)| counts.get_mut(self.index(c, r)))
            {
                Some(count) => *count = count.saturating_add(1),
                None => outside += 1,
            }
        }
        GridCounts { counts, outside }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn bbox(w: f64, h: f64) -> BoundingBox {
        BoundingBox {
            min_x: 500_000.0,
            min_y: 150_000.0,
            max_x: 500_000.0 + w,
            max_y: 150_000.0 + h,
        }
    }

    #[test]
    fn default_cell_size_is_the_shorter_side_over_50_rounded_down_to_100_m() {
        // Medway-sized: 17.3 km shorter side → 346 m → 300 m.
        assert_eq!(default_cell_size(&bbox(25_000.0, 17_300.0)), 300.0);
        assert_eq!(default_cell_size(&bbox(40_000.0, 60_000.0)), 800.0);
        assert_eq!(default_cell_size(&bbox(44_999.0, 90_000.0)), 800.0);
        assert_eq!(default_cell_size(&bbox(45_000.0, 90_000.0)), 900.0);
        // Under 5 km across: never below 100 m.
        assert_eq!(default_cell_size(&bbox(3_000.0, 9_000.0)), 100.0);
    }

    #[test]
    fn grid_covers_the_box_from_its_south_west_corner() {
        let spec = GridSpec::covering(&bbox(1_050.0, 400.0), Some(100.0)).unwrap();
        assert_eq!((spec.cols, spec.rows), (11, 4));
        assert_eq!(spec.centre(0, 0), (500_050.0, 150_050.0));
        assert_eq!(spec.cell_of((500_000.0, 150_000.0)), Some((0, 0)));
        assert_eq!(spec.cell_of((501_050.0, 150_400.0)), Some((10, 3)));
        assert_eq!(spec.cell_of((500_199.9, 150_100.0)), Some((1, 1)));
        assert_eq!(spec.cell_of((499_999.9, 150_100.0)), None);
        assert_eq!(spec.cell_of((f64::NAN, 150_100.0)), None);
    }

    #[test]
    fn points_outside_the_grid_are_counted_not_lost() {
        let spec = GridSpec::covering(&bbox(300.0, 300.0), Some(100.0)).unwrap();
        let points = [
            (500_050.0, 150_050.0),
            (500_060.0, 150_040.0),
            (500_250.0, 150_250.0),
            (499_000.0, 150_050.0),
            (500_050.0, 160_000.0),
            (f64::NAN, f64::NAN),
        ];
        let counts = spec.count_points(&points);
        assert_eq!(counts.counts[spec.index(0, 0)], 2);
        assert_eq!(counts.counts[spec.index(2, 2)], 1);
        assert_eq!(counts.inside(), 3);
        assert_eq!(counts.outside, 3);
    }

    #[test]
    fn bad_cell_sizes_and_huge_grids_are_refused() {
        assert!(matches!(
            GridSpec::covering(&bbox(1_000.0, 1_000.0), Some(0.0)),
            Err(HotspotError::BadCellSize(_))
        ));
        assert!(matches!(
            GridSpec::covering(&bbox(1_000_000.0, 1_000_000.0), Some(1.0)),
            Err(HotspotError::TooManyCells { .. })
        ));
    }

    #[test]
    fn cell_centres_convert_back_to_lon_lat() {
        let spec = GridSpec::covering(&bbox(1_000.0, 1_000.0), Some(100.0)).unwrap();
        let (lon, lat) = spec.centre_lon_lat(0, 0);
        let (x, y) = crate::analysis::geo::projection::wgs84_to_bng(lon, lat);
        assert!((x - 500_050.0).abs() < 0.05 && (y - 150_050.0).abs() < 0.05);
    }

    #[test]
    fn five_million_points_count_in_one_pass() {
        let spec = GridSpec::covering(&bbox(20_000.0, 15_000.0), Some(300.0)).unwrap();
        let mut state = 42u64;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let points: Vec<(f64, f64)> = (0..5_000_000)
            .map(|_| (499_000.0 + next() * 22_000.0, 149_000.0 + next() * 17_000.0))
            .collect();
        let start = std::time::Instant::now();
        let counts = spec.count_points(&points);
        eprintln!("counted 5,000,000 points in {:?}", start.elapsed());
        assert_eq!(counts.inside() + counts.outside, 5_000_000);
        assert!(counts.outside > 0);
    }

    proptest! {
        #[test]
        fn counts_sum_to_the_points_inside(
            points in proptest::collection::vec((-200.0f64..1_300.0, -200.0f64..900.0), 0..300),
            cell in 30.0f64..400.0,
        ) {
            let b = BoundingBox { min_x: 0.0, min_y: 0.0, max_x: 1_000.0, max_y: 700.0 };
            let spec = GridSpec::covering(&b, Some(cell)).unwrap();
            let counts = spec.count_points(&points);
            let grid_max_x = spec.origin_x + spec.cols as f64 * spec.cell_size;
            let grid_max_y = spec.origin_y + spec.rows as f64 * spec.cell_size;
            let inside = points
                .iter()
                .filter(|(x, y)| (0.0..=grid_max_x).contains(x) && (0.0..=grid_max_y).contains(y))
                .count() as u64;
            prop_assert_eq!(counts.inside(), inside);
            prop_assert_eq!(counts.inside() + counts.outside, points.len() as u64);
        }
    }
}
