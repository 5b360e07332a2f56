//! A best-fit LSOA → ward lookup derived from boundaries, the way ONS builds its own: each
//! LSOA is represented by one point (the ONS centroid from the file's LONG/LAT when there is
//! one, else the polygon's area-weighted centroid; if that point falls outside the LSOA's own
//! shape, a point guaranteed inside it), and the LSOA goes to the ward that contains that
//! point. When no ward contains it (coast, estuary, slivers between files), the LSOA goes to
//! the ward with the nearest boundary and is marked [`PlacedBy::Nearest`] so the analyst can
//! check it.
//!
//! Differences from ONS: ONS uses population-weighted centroids, which these boundary files
//! only carry for 2011 LSOAs; geometric centroids can place a few edge LSOAs differently.
//! Geometry runs in British National Grid metres. Reads no files.

use super::polygon::{self, BoundingBox};
use super::projection::wgs84_to_bng;
use super::shapes::project_polygons;
use crate::import::boundaries::{Boundary, Polygon};
use crate::import::geography::LookupRow;
use serde::Serialize;

/// How an LSOA was given its ward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PlacedBy {
    /// Its point lies inside the ward.
    Containment,
    /// No ward contains its point; the ward with the nearest boundary.
    Nearest,
    /// No point could be found (empty geometry) or there were no wards.
    Unplaced,
}

/// One LSOA's row of the derived lookup.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Placement {
    pub lsoa_code: String,
    pub lsoa_name: String,
    pub ward_code: Option<String>,
    pub ward_name: Option<String>,
    pub placed_by: PlacedBy,
    /// Metres from the LSOA's point to the chosen ward (0 when contained).
    pub distance_m: f64,
}

/// The derived lookup with its counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BestFit {
    /// Every LSOA, in input order.
    pub placements: Vec<Placement>,
    pub by_containment: usize,
    pub by_nearest: usize,
    pub unplaced: usize,
    /// Wards that received no LSOA, by code (a sign of mismatched boundary years).
    pub wards_without_lsoas: Vec<String>,
}

struct ProjectedArea {
    polygons: Vec<Polygon>,
    bbox: Option<BoundingBox>,
}

fn project(boundary: &Boundary) -> ProjectedArea {
    let polygons = project_polygons(&boundary.polygons);
    let bbox = polygon::bounding_box(&polygons);
    ProjectedArea { polygons, bbox }
}

/// The point that stands for an LSOA, in BNG metres (see the module comment).
fn representative_point(boundary: &Boundary, area: &ProjectedArea) -> Option<(f64, f64)> {
    let candidate = boundary
        .centroid_hint
        .map(|(lon, lat)| wgs84_to_bng(lon, lat))
        .or_else(|| polygon::centroid(&area.polygons));
    match candidate {
        Some(p) if polygon::contains(&area.polygons, p) => Some(p),
        _ => polygon::interior_point(&area.polygons).or(candidate),
    }
}

fn in_box(bbox: &Option<BoundingBox>, (x, y): (f64, f64)) -> bool {
    bbox.is_some_and(|b| x >= b.min_x && x <= b.max_x && y >= b.min_y && y <= b.max_y)
}

/// Places every LSOA in a ward (see the module comment).
pub fn best_fit_lookup(lsoas: &[Boundary], wards: &[Boundary]) -> BestFit {
    let projected_wards: Vec<ProjectedArea> = wards.iter().map(project).collect();
    let mut used = vec![false; wards.len()];
    let placements: Vec<Placement> = lsoas
        .iter()
        .map(|lsoa| {
            let area = project(lsoa);
            let point = representative_point(lsoa, &area);
            let found = point.and_then(|p| {
                let containing = projected_wards
                    .iter()
                    .position(|w| in_box(&w.bbox, p) && polygon::contains(&w.polygons, p));
                containing
                    .map(|i| (i, PlacedBy::Containment, 0.0))
                    .or_else(|| {
                        projected_wards
                            .iter()
                            .map(|w| polygon::distance_to_boundary(&w.polygons, p))
                            .enumerate()
                            .filter(|(_, d)| d.is_finite())
                            .min_by(|a, b| a.1.total_cmp(&b.1))
                            .map(|(i, d)| (i, PlacedBy::Nearest, d))
                    })
            });
            let ward = found.and_then(|(i, by, d)| Some((wards.get(i)?, i, by, d)));
            match ward {
                Some((ward, index, placed_by, distance_m)) => {
                    if let Some(flag) = used.get_mut(index) {
                        *flag = true;
                    }
                    Placement {
                        lsoa_code: lsoa.code.clone(),
                        lsoa_name: lsoa.name.clone(),
                        ward_code: Some(ward.code.clone()),
                        ward_name: Some(ward.name.clone()),
                        placed_by,
                        distance_m,
                    }
                }
                None => Placement {
                    lsoa_code: lsoa.code.clone(),
                    lsoa_name: lsoa.name.clone(),
                    ward_code: None,
                    ward_name: None,
                    placed_by: PlacedBy::Unplaced,
                    distance_m: 0.0,
                },
            }
        })
        .collect();
    let count = |by: PlacedBy| placements.iter().filter(|p| p.placed_by == by).count();
    BestFit {
        by_containment: count(PlacedBy::Containment),
        by_nearest: count(PlacedBy::Nearest),
        unplaced: count(PlacedBy::Unplaced),
        wards_without_lsoas: wards
            .iter()
            .zip(&used)
            .filter(|(_, used)| !**used)
            .map(|(w, _)| w.code.clone())
            .collect(),
        placements,
    }
}

/// District code → name, from district boundaries, for the lookup rows.
pub fn district_names(districts: &[Boundary]) -> std::collections::HashMap<String, String> {
    districts
        .iter()
        .map(|d| (d.code.clone(), d.name.clone()))
        .collect()
}

impl BestFit {
    /// The placed LSOAs as ward-lookup rows, each ward's district from its boundary's
    /// parent code (named by `district_names` when known, else by its code).
    pub fn lookup_rows(
        &self,
        wards: &[Boundary],
        district_names: &std::collections::HashMap<String, String>,
    ) -> Vec<LookupRow> {
        let parent: std::collections::HashMap<&str, &str> = wards
            .iter()
            .filter_map(|w| Some((w.code.as_str(), w.parent_code.as_deref()?)))
            .collect();
        self.placements
            .iter()
            .filter_map(|p| {
                let ward_code = p.ward_code.clone()?;
                let district_code = parent.get(ward_code.as_str()).copied().unwrap_or("");
                let district_name = district_names
                    .get(district_code)
                    .cloned()
                    .unwrap_or_else(|| district_code.to_string());
                Some(LookupRow {
                    lsoa_code: p.lsoa_code.clone(),
                    lsoa_name: p.lsoa_name.clone(),
                    ward_name: p.ward_name.clone().unwrap_or_else(|| ward_code.clone()),
                    ward_code,
                    district_code: district_code.to_string(),
                    district_name,
                })
            })
            .collect()
    }

    /// The sentence stored with a derived lookup and shown to the analyst.
    pub fn summary(&self) -> String {
        let mut text = format!(
            "derived from boundaries: {} LSOAs by containment, {} by nearest ward",
            self.by_containment, self.by_nearest
        );
        if self.unplaced > 0 {
            text.push_str(&format!(", {} not placed", self.unplaced));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::boundaries::{read_boundaries, BoundaryLevel};
    use std::collections::{HashMap, HashSet};
    use std::path::Path;

    fn square(code: &str, level: BoundaryLevel, lon: f64, lat: f64, size: f64) -> Boundary {
        Boundary {
            code: code.into(),
            name: code.into(),
            level,
            parent_code: None,
            polygons: vec![Polygon {
                exterior: vec![
                    (lon, lat),
                    (lon + size, lat),
                    (lon + size, lat + size),
                    (lon, lat + size),
                    (lon, lat),
                ],
                holes: vec![],
            }],
            centroid_hint: None,
        }
    }

    #[test]
    fn medway_lsoas_all_land_in_one_of_the_24_wards() {
        let dir = Path::new("/work/shared/geo");
        if !dir.exists() {
            eprintln!("skipped: {} not present", dir.display());
            return;
        }
        let lsoas = read_boundaries(&dir.join("lsoa_E06000035.geojson")).unwrap();
        let wards = read_boundaries(&dir.join("ward_E06000035.geojson")).unwrap();
        let fit = best_fit_lookup(&lsoas, &wards);
        assert_eq!(fit.placements.len(), 169);
        assert_eq!(fit.unplaced, 0);
        assert_eq!(fit.by_containment + fit.by_nearest, 169);
        // The 2021 LSOAs and 2023 wards come from the same ONS generalisation, so every
        // centroid falls inside a ward.
        assert_eq!(fit.by_containment, 169);
        assert!(
            fit.wards_without_lsoas.is_empty(),
            "{:?}",
            fit.wards_without_lsoas
        );
        let used: HashSet<_> = fit
            .placements
            .iter()
            .filter_map(|p| p.ward_code.clone())
            .collect();
        assert_eq!(used.len(), 24);
    }

    #[test]
    fn sample_data_matches_the_shipped_lookup_by_containment() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/geography");
        let lsoas = read_boundaries(&dir.join("lsoa_boundaries.geojson")).unwrap();
        let wards = read_boundaries(&dir.join("ward_boundaries.geojson")).unwrap();
        let fit = best_fit_lookup(&lsoas, &wards);
        assert_eq!(fit.placements.len(), 165);
        assert_eq!(fit.by_containment, 165);
        let lookup = std::fs::read_to_string(dir.join("lsoa_ward_lookup.csv")).unwrap();
        let expected: HashMap<&str, &str> = lookup
            .lines()
            .skip(1)
            .map(|l| {
                let cells: Vec<&str> = l.split(',').collect();
                (cells[0], cells[2])
            })
            .collect();
        for p in &fit.placements {
            assert_eq!(
                p.ward_code.as_deref(),
                expected.get(p.lsoa_code.as_str()).copied(),
                "{}",
                p.lsoa_code
            );
        }
    }

    #[test]
    fn an_lsoa_off_the_coast_goes_to_the_nearest_ward() {
        let wards = [
            square("W1", BoundaryLevel::Ward, 0.0, 51.0, 0.01),
            square("W2", BoundaryLevel::Ward, 0.05, 51.0, 0.01),
        ];
        let lsoas = [
            square("L1", BoundaryLevel::Lsoa, 0.002, 51.002, 0.004),
            square("L2", BoundaryLevel::Lsoa, 0.063, 51.002, 0.004),
        ];
        let fit = best_fit_lookup(&lsoas, &wards);
        assert_eq!(fit.placements[0].ward_code.as_deref(), Some("W1"));
        assert_eq!(fit.placements[0].placed_by, PlacedBy::Containment);
        assert_eq!(fit.placements[1].ward_code.as_deref(), Some("W2"));
        assert_eq!(fit.placements[1].placed_by, PlacedBy::Nearest);
        assert!(fit.placements[1].distance_m > 100.0);
        assert_eq!((fit.by_containment, fit.by_nearest), (1, 1));
    }

    #[test]
    fn the_centroid_hint_decides_when_it_is_inside() {
        let wards = [
            square("W1", BoundaryLevel::Ward, 0.0, 51.0, 0.01),
            square("W2", BoundaryLevel::Ward, 0.01, 51.0, 0.01),
        ];
        // The LSOA straddles both wards, mostly in W1; its (population) centroid is in W2.
        let mut lsoa = square("L1", BoundaryLevel::Lsoa, 0.002, 51.002, 0.01);
        lsoa.centroid_hint = Some((0.0115, 51.005));
        let fit = best_fit_lookup(std::slice::from_ref(&lsoa), &wards);
        assert_eq!(fit.placements[0].ward_code.as_deref(), Some("W2"));
        lsoa.centroid_hint = None;
        let fit = best_fit_lookup(&[lsoa], &wards);
        assert_eq!(fit.placements[0].ward_code.as_deref(), Some("W1"));
        assert_eq!(fit.wards_without_lsoas, vec!["W2".to_string()]);
    }

    #[test]
    fn no_wards_leaves_lsoas_unplaced_but_listed() {
        let lsoas = [square("L1", BoundaryLevel::Lsoa, 0.0, 51.0, 0.01)];
        let fit = best_fit_lookup(&lsoas, &[]);
        assert_eq!(fit.unplaced, 1);
        assert_eq!(fit.placements[0].placed_by, PlacedBy::Unplaced);
    }
}
