//! A theme's hotspot grid for one financial year of an assessment: which incidents to ask
//! the store for (the theme's crime types, the area's LSOAs, the chosen year and up to four
//! earlier ones), then, from those points, the grid over the area (the box of the area's
//! ward boundaries when they are loaded, else of the points), counts, density and Gi* for
//! the chosen year, the persistent/emerging/former classes across the years, and the change
//! on the year before, cell by cell.
//!
//! The caller runs the store query in between (it scans the fact table: off the UI thread).

use super::change::{cell_changes, CellChange};
use super::classify::{ClassifyParams, HotspotClass};
use super::{analyse, classify_periods, HotspotError, HotspotGrid, HotspotOptions};
use crate::analysis::area::AreaIndex;
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::geo::polygon::BoundingBox;
use crate::analysis::geo::projection::wgs84_to_bng;
use crate::analysis::geo::shapes::projected_bbox;
use crate::analysis::theme::Theme;
use crate::import::boundaries::Boundary;
use crate::import::crime_types::CRIME_TYPES;
use crate::store::points::{IncidentPoint, PointQuery};
use serde::Serialize;

/// Years compared for the hotspot classes, the chosen one included.
pub const MAX_PERIODS: usize = 5;

/// What to compute, and what to ask the store for.
#[derive(Debug, Clone, PartialEq)]
pub struct HotspotRequest {
    pub theme: Theme,
    pub year: FinancialYear,
    /// Oldest first, `year` last.
    pub periods: Vec<FinancialYear>,
    /// Ward codes of the area of interest; empty = no area set.
    pub area_wards: Vec<String>,
    pub query: PointQuery,
    pub options: HotspotOptions,
}

impl HotspotRequest {
    /// `years` are the financial years the file holds (any order); the earlier of them, up
    /// to [`MAX_PERIODS`] with `year`, are compared for the classes.
    pub fn new(
        theme: &Theme,
        year: FinancialYear,
        years: &[FinancialYear],
        area: &AreaIndex,
        options: HotspotOptions,
    ) -> HotspotRequest {
        let mut earlier: Vec<FinancialYear> = years.iter().copied().filter(|y| *y < year).collect();
        earlier.sort();
        earlier.dedup();
        let skip = earlier.len().saturating_sub(MAX_PERIODS - 1);
        let mut periods: Vec<FinancialYear> = earlier.into_iter().skip(skip).collect();
        periods.push(year);
        let first_month = periods.first().map_or(0, |fy| fy.months()[0]);
        let crime_types = (1..=CRIME_TYPES.len() as u8)
            .filter(|t| theme.includes(*t))
            .collect();
        HotspotRequest {
            theme: theme.clone(),
            year,
            area_wards: if area.is_filtered {
                area.wards.iter().map(|w| w.0.clone()).collect()
            } else {
                Vec::new()
            },
            query: PointQuery {
                first_month,
                last_month: year.months()[11],
                crime_types,
                lsoas: area.lsoa_mask(),
            },
            periods,
            options,
        }
    }
}

/// Where the grid's extent came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExtentSource {
    WardBoundaries,
    IncidentPoints,
}

/// The hotspot grid of a theme and year, with its classes and change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeHotspots {
    pub theme: String,
    pub key: String,
    pub financial_year: String,
    pub extent_from: ExtentSource,
    pub grid: HotspotGrid,
    /// Located incidents of the theme in the area in the chosen year.
    pub incidents: u64,
    /// The years compared, oldest first.
    pub periods: Vec<String>,
    /// Per cell, when at least two years were held.
    pub classes: Option<Vec<HotspotClass>>,
    /// Per cell, on the year before, when it was held.
    pub change: Option<Vec<CellChange>>,
}

/// The grid of `request` from the points the store returned for its query and the ward
/// boundaries held (any; those of the area are picked here).
pub fn theme_hotspots(
    request: &HotspotRequest,
    points: &[IncidentPoint],
    ward_boundaries: &[Boundary],
) -> Result<ThemeHotspots, HotspotError> {
    hotspots_of_projected(request, &points_by_period(request, points), ward_boundaries)
}

/// The points of each of the request's periods (oldest first, the chosen year last),
/// projected to BNG metres.
pub fn points_by_period(
    request: &HotspotRequest,
    points: &[IncidentPoint],
) -> Vec<Vec<(f64, f64)>> {
    let mut by_period: Vec<Vec<(f64, f64)>> = vec![Vec::new(); request.periods.len()];
    for p in points {
        let fy = FinancialYear::of_month(p.month);
        if let Some(i) = request.periods.iter().position(|y| *y == fy) {
            let (lon, lat) = p.lon_lat();
            if let Some(list) = by_period.get_mut(i) {
                list.push(wgs84_to_bng(lon, lat));
            }
        }
    }
    by_period
}

/// [`theme_hotspots`] from points already split by period and projected
/// ([`points_by_period`]), so a caller that also maps the points projects them once.
pub fn hotspots_of_projected(
    request: &HotspotRequest,
    by_period: &[Vec<(f64, f64)>],
    ward_boundaries: &[Boundary],
) -> Result<ThemeHotspots, HotspotError> {
    let area_wards: Vec<Boundary> = ward_boundaries
        .iter()
        .filter(|w| request.area_wards.is_empty() || request.area_wards.contains(&w.code))
        .cloned()
        .collect();
    let (extent, extent_from) = match projected_bbox(&area_wards) {
        Some(b) => (b, ExtentSource::WardBoundaries),
        None => (
            BoundingBox::of_points(by_period.iter().flatten().copied())
                .ok_or(HotspotError::EmptyArea)?,
            ExtentSource::IncidentPoints,
        ),
    };
    let empty = Vec::new();
    let current = by_period.last().unwrap_or(&empty);
    let grid = analyse(current, &extent, &request.options)?;
    let classes = if by_period.len() >= 2 {
        let periods: Vec<&[(f64, f64)]> = by_period.iter().map(Vec::as_slice).collect();
        Some(classify_periods(
            &grid.spec,
            &periods,
            request.options.gi_star,
            &ClassifyParams::default(),
        )?)
    } else {
        None
    };
    let previous_year = FinancialYear(request.year.0.saturating_sub(1));
    let change = match request.periods.iter().position(|y| *y == previous_year) {
        Some(i) => {
            let before = grid
                .spec
                .count_points(by_period.get(i).unwrap_or(&empty))
                .counts;
            let after: Vec<u32> = grid.cells.iter().map(|c| c.count).collect();
            Some(cell_changes(&before, &after)?)
        }
        None => None,
    };
    Ok(ThemeHotspots {
        theme: request.theme.label(),
        key: request.theme.key(),
        financial_year: request.year.label(),
        extent_from,
        incidents: current.len() as u64,
        periods: request.periods.iter().map(|y| y.label()).collect(),
        grid,
        classes,
        change,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::hotspot_grid::gistar::Significance;

    fn point(month: u32, lon: f64, lat: f64) -> IncidentPoint {
        IncidentPoint {
            month,
            lon: (lon * 1e6) as i32,
            lat: (lat * 1e6) as i32,
        }
    }

    #[test]
    fn a_cluster_this_year_is_hot_emerging_and_a_rise() {
        let request = HotspotRequest {
            theme: Theme::AllCrime,
            year: FinancialYear(2024),
            periods: vec![
                FinancialYear(2022),
                FinancialYear(2023),
                FinancialYear(2024),
            ],
            area_wards: Vec::new(),
            query: PointQuery {
                first_month: 202204,
                last_month: 202503,
                crime_types: vec![3],
                lsoas: None,
            },
            options: HotspotOptions {
                cell_size: Some(200.0),
                ..HotspotOptions::default()
            },
        };
        let mut points = Vec::new();
        // A spread of points over ~4 km in every year …
        for (i, month) in [202206, 202306, 202406].iter().enumerate() {
            for x in 0..20 {
                for y in 0..20 {
                    let jitter = (i as f64) * 0.0001;
                    points.push(point(
                        *month,
                        0.50 + x as f64 * 0.003 + jitter,
                        51.30 + y as f64 * 0.002 + jitter,
                    ));
                }
            }
        }
        // … and a cluster only this year.
        for _ in 0..150 {
            points.push(point(202410, 0.5301, 51.3201));
        }
        let result = theme_hotspots(&request, &points, &[]).unwrap();
        assert_eq!(result.extent_from, ExtentSource::IncidentPoints);
        assert_eq!(result.incidents, 550);
        let total: u32 = result.grid.cells.iter().map(|c| c.count).sum();
        assert_eq!(u64::from(total) + result.grid.outside, 550);
        let hottest = result
            .grid
            .cells
            .iter()
            .enumerate()
            .max_by_key(|(_, c)| c.count)
            .unwrap();
        assert_eq!(hottest.1.significance, Significance::Hot99);
        let classes = result.classes.unwrap();
        assert_eq!(classes[hottest.0], HotspotClass::EmergingHotspot);
        let change = result.change.unwrap();
        assert!(change[hottest.0].difference >= 150);
        assert_eq!(result.periods, vec!["2022/23", "2023/24", "2024/25"]);
    }
}
