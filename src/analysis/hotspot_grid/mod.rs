//! Grid hotspot analysis as the R package sfhotspot does it: points counted on a regular
//! square grid in British National Grid metres, kernel density per cell, Getis-Ord Gi* per
//! cell with a multiple-testing adjustment, persistent/emerging/former classes across
//! periods, and per-cell change between two periods.
//!
//! Plain data in (projected points, a bounding box, options) and plain, serialisable data
//! out, ready for a `hotspots --json` command or a map layer. No SQL, no files, no egui.
//! Each step documents which sfhotspot default it follows and where it differs.

pub mod change;
pub mod classify;
pub mod for_theme;
pub mod gistar;
pub mod grid;
pub mod kde;

use crate::analysis::geo::polygon::BoundingBox;
use gistar::{gi_star_tests, GiStarOptions, Significance};
use grid::GridSpec;
use kde::{default_bandwidth, kernel_density, Kernel};
use serde::Serialize;

/// Why a hotspot grid could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HotspotError {
    #[error("the area has no extent to put a grid on")]
    EmptyArea,
    #[error("a grid cell size must be a positive number of metres, not {0}")]
    BadCellSize(f64),
    #[error(
        "a {cell_size} m grid over this area would have {cols} × {rows} cells; choose a larger \
         cell size"
    )]
    TooManyCells {
        cols: usize,
        rows: usize,
        cell_size: f64,
    },
    #[error("hotspot classes need at least two periods (one recent, one earlier); got {periods}")]
    TooFewPeriods { periods: usize },
    #[error("the periods were counted on different grids ({expected} cells, then {found})")]
    GridMismatch { expected: usize, found: usize },
}

/// Choices for [`analyse`]; `Default` gives sfhotspot's defaults.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct HotspotOptions {
    /// Metres; `None` for the default rule (see [`grid::default_cell_size`]).
    pub cell_size: Option<f64>,
    pub kernel: Kernel,
    /// Metres; `None` for the rule-of-thumb default (see [`kde::default_bandwidth`]).
    pub bandwidth: Option<f64>,
    pub gi_star: GiStarOptions,
}

/// One cell of the result.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GridCell {
    pub col: usize,
    pub row: usize,
    pub centre_lon: f64,
    pub centre_lat: f64,
    pub count: u32,
    /// Points per km².
    pub kde: f64,
    pub gi_z: f64,
    pub gi_p: f64,
    pub gi_p_adjusted: f64,
    pub significance: Significance,
}

/// The analysed grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HotspotGrid {
    pub spec: GridSpec,
    /// The bandwidth used, metres.
    pub bandwidth: f64,
    /// Points that fell outside the grid (still used for density near the edge).
    pub outside: u64,
    /// Row-major from the south-west.
    pub cells: Vec<GridCell>,
}

/// Counts, density and Gi* for points (BNG metres) on a grid over `area`.
///
/// Without a bandwidth and without enough spread in the points for the rule of thumb, the
/// cell size is used as the bandwidth.
pub fn analyse(
    points: &[(f64, f64)],
    area: &BoundingBox,
    options: &HotspotOptions,
) -> Result<HotspotGrid, HotspotError> {
    let spec = GridSpec::covering(area, options.cell_size)?;
    let counts = spec.count_points(points);
    let bandwidth = options
        .bandwidth
        .or_else(|| default_bandwidth(points))
        .filter(|b| b.is_finite() && *b > 0.0)
        .unwrap_or(spec.cell_size);
    let density = kernel_density(&spec, points, options.kernel, bandwidth);
    let values: Vec<f64> = counts.counts.iter().map(|&c| f64::from(c)).collect();
    let tests = gi_star_tests(spec.cols, spec.rows, &values, options.gi_star);
    let cells = counts
        .counts
        .iter()
        .zip(&density)
        .zip(&tests)
        .enumerate()
        .map(|(i, ((&count, &kde), test))| {
            let (col, row) = (i % spec.cols, i / spec.cols);
            let (centre_lon, centre_lat) = spec.centre_lon_lat(col, row);
            GridCell {
                col,
                row,
                centre_lon,
                centre_lat,
                count,
                kde,
                gi_z: test.z,
                gi_p: test.p,
                gi_p_adjusted: test.p_adjusted,
                significance: test.significance,
            }
        })
        .collect();
    Ok(HotspotGrid {
        spec,
        bandwidth,
        outside: counts.outside,
        cells,
    })
}

/// Gi* for each period's points on one shared grid, then the class of every cell
/// (periods oldest first, the period being assessed last).
pub fn classify_periods(
    spec: &GridSpec,
    periods: &[&[(f64, f64)]],
    gi_star: GiStarOptions,
    params: &classify::ClassifyParams,
) -> Result<Vec<classify::HotspotClass>, HotspotError> {
    let tests: Vec<_> = periods
        .iter()
        .map(|points| {
            let counts = spec.count_points(points);
            let values: Vec<f64> = counts.counts.iter().map(|&c| f64::from(c)).collect();
            gi_star_tests(spec.cols, spec.rows, &values, gi_star)
        })
        .collect();
    classify::classify_cells(&tests, params)
}

#[cfg(test)]
mod tests {
    use super::classify::{ClassifyParams, HotspotClass};
    use super::gistar::{AdjustFamily, PAdjustMethod};
    use super::*;

    /// A seeded 64-bit LCG (Knuth's MMIX constants) giving uniform [0, 1).
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> f64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    const ORIGIN: (f64, f64) = (570_000.0, 160_000.0);

    fn area() -> BoundingBox {
        BoundingBox {
            min_x: ORIGIN.0,
            min_y: ORIGIN.1,
            max_x: ORIGIN.0 + 4_000.0,
            max_y: ORIGIN.1 + 4_000.0,
        }
    }

    /// 2,000 points spread evenly over the 40 × 40 grid of 100 m cells, plus `cluster`
    /// points inside the 3 × 3 block of cells (20..23, 20..23).
    fn planted(seed: u64, cluster: usize) -> Vec<(f64, f64)> {
        let mut rng = Lcg(seed);
        let mut points: Vec<(f64, f64)> = (0..2_000)
            .map(|_| {
                (
                    ORIGIN.0 + rng.next() * 4_000.0,
                    ORIGIN.1 + rng.next() * 4_000.0,
                )
            })
            .collect();
        points.extend((0..cluster).map(|_| {
            (
                ORIGIN.0 + 2_000.0 + rng.next() * 300.0,
                ORIGIN.1 + 2_000.0 + rng.next() * 300.0,
            )
        }));
        points
    }

    fn options() -> HotspotOptions {
        HotspotOptions {
            cell_size: Some(100.0),
            ..HotspotOptions::default()
        }
    }

    #[test]
    fn a_planted_cluster_is_the_only_hot_area() {
        let grid = analyse(&planted(7, 400), &area(), &options()).unwrap();
        assert_eq!((grid.spec.cols, grid.spec.rows), (40, 40));
        let in_block = |c: &GridCell| (20..23).contains(&c.col) && (20..23).contains(&c.row);
        // Gi* sums each cell with its 8 neighbours, so the cells touching the block share
        // its excess: hot cells must lie within one cell of the block.
        let near_block = |c: &GridCell| (19..24).contains(&c.col) && (19..24).contains(&c.row);
        let hot99: Vec<&GridCell> = grid
            .cells
            .iter()
            .filter(|c| c.significance == Significance::Hot99)
            .collect();
        assert!(grid
            .cells
            .iter()
            .filter(|c| in_block(c))
            .all(|c| c.significance == Significance::Hot99));
        assert!(
            hot99.iter().all(|c| near_block(c)),
            "hot cell outside the block's ring"
        );
        assert!(grid
            .cells
            .iter()
            .filter(|c| !near_block(c))
            .all(|c| !c.significance.is_hot()));
        let peak = grid
            .cells
            .iter()
            .max_by(|a, b| a.kde.total_cmp(&b.kde))
            .unwrap();
        assert!(near_block(peak));
        assert_eq!(grid.outside, 0);
        let total: u32 = grid.cells.iter().map(|c| c.count).sum();
        assert_eq!(total, 2_400);
    }

    #[test]
    fn evenly_spread_points_have_no_hotspots_once_adjusted_across_all_cells() {
        let all_cells = HotspotOptions {
            gi_star: GiStarOptions {
                method: PAdjustMethod::Holm,
                family: AdjustFamily::AllCells,
            },
            ..options()
        };
        let grid = analyse(&planted(11, 0), &area(), &all_cells).unwrap();
        assert!(grid
            .cells
            .iter()
            .all(|c| c.significance == Significance::NotSignificant));
        // sfhotspot's neighbourhood-sized adjustment is far weaker: with 1,600 tests a few
        // chance "hotspots" at 95 % are expected, but only a few.
        let grid = analyse(&planted(11, 0), &area(), &options()).unwrap();
        let hot = grid
            .cells
            .iter()
            .filter(|c| c.significance.is_hot())
            .count();
        eprintln!("chance hot cells with the sfhotspot adjustment: {hot}");
        assert!(hot <= 16, "{hot} of 1,600 cells hot in random data");
    }

    #[test]
    fn default_options_pick_sfhotspot_cell_size_and_a_bandwidth() {
        let grid = analyse(&planted(3, 100), &area(), &HotspotOptions::default()).unwrap();
        // 4 km ÷ 50 = 80 m → below the 100 m floor.
        assert_eq!(grid.spec.cell_size, 100.0);
        assert!(
            grid.bandwidth > 100.0 && grid.bandwidth < 4_000.0,
            "{}",
            grid.bandwidth
        );
        let cell = &grid.cells[0];
        let (x, y) =
            crate::analysis::geo::projection::wgs84_to_bng(cell.centre_lon, cell.centre_lat);
        assert!((x - (ORIGIN.0 + 50.0)).abs() < 0.05 && (y - (ORIGIN.1 + 50.0)).abs() < 0.05);
        let json = serde_json::to_string(&grid.cells[0]).unwrap();
        assert!(json.contains("\"gi_p_adjusted\""));
    }

    #[test]
    fn a_cluster_that_appears_in_the_last_period_is_emerging() {
        let spec = GridSpec::covering(&area(), Some(100.0)).unwrap();
        let quiet: Vec<Vec<(f64, f64)>> = (0..4).map(|s| planted(100 + s, 0)).collect();
        let busy = planted(200, 400);
        let periods: Vec<&[(f64, f64)]> = quiet
            .iter()
            .map(Vec::as_slice)
            .chain([busy.as_slice()])
            .collect();
        let classes = classify_periods(
            &spec,
            &periods,
            GiStarOptions::default(),
            &ClassifyParams::default(),
        )
        .unwrap();
        let centre = classes[spec.index(21, 21)];
        assert_eq!(centre, HotspotClass::EmergingHotspot);
        let far = classes[spec.index(5, 5)];
        assert_eq!(far, HotspotClass::NoPattern);
    }
}
