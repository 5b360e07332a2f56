//! Placing counts in the area of interest: which LSOAs are in it, each LSOA's ward, and
//! the population a rate is taken over (ward populations where imported, otherwise the
//! sum of LSOA populations). Built once per cube or area change, not per selector change.

use crate::store::cube::CountCube;
use std::collections::{HashMap, HashSet};

/// Where each LSOA id of the counts belongs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AreaIndex {
    /// Indexed by LSOA id (0 = "No Location"): the index in `wards`, if known.
    ward_of_lsoa: Vec<Option<usize>>,
    /// Indexed by LSOA id: counted in the area.
    in_area: Vec<bool>,
    /// Wards of the area (all wards when no area is set): (code, name, population).
    pub wards: Vec<(String, String, Option<f64>)>,
    /// LSOAs of the area with a code: (id, code, name, population). Includes lookup LSOAs
    /// with no incidents (id 0) so concentration measures see the whole area.
    pub lsoas: Vec<(u32, String, String, Option<f64>)>,
    /// Residents of the area, when populations cover it.
    pub population: Option<f64>,
    /// True when an area of interest filters the counts.
    pub is_filtered: bool,
    pub name: String,
}

impl AreaIndex {
    pub fn build(cube: &CountCube) -> AreaIndex {
        let area: HashSet<&str> = cube.area.ward_codes.iter().map(String::as_str).collect();
        let is_filtered = !area.is_empty();
        let inside = |ward: Option<&str>| !is_filtered || ward.is_some_and(|c| area.contains(c));
        let mut lsoa_pop_by_ward: HashMap<&str, f64> = HashMap::new();
        let mut lsoas = Vec::new();
        for l in cube.lsoas.iter().filter(|l| inside(l.ward_code.as_deref())) {
            let pop = cube.populations.get(&l.code).copied();
            if let (Some(w), Some(p)) = (l.ward_code.as_deref(), pop) {
                *lsoa_pop_by_ward.entry(w).or_default() += p;
            }
            lsoas.push((l.id, l.code.clone(), l.name.clone(), pop));
        }
        let wards: Vec<(String, String, Option<f64>)> = cube
            .wards
            .iter()
            .filter(|w| inside(Some(w.code.as_str())))
            .map(|w| {
                let pop = cube
                    .populations
                    .get(&w.code)
                    .copied()
                    .or_else(|| lsoa_pop_by_ward.get(w.code.as_str()).copied());
                (w.code.clone(), w.name.clone(), pop)
            })
            .collect();
        let ward_pos: HashMap<&str, usize> = wards
            .iter()
            .enumerate()
            .map(|(i, w)| (w.0.as_str(), i))
            .collect();
        let max_id = cube.lsoas.iter().map(|l| l.id).max().unwrap_or(0) as usize;
        let mut ward_of_lsoa = vec![None; max_id + 1];
        // Without an area everything counts, "No Location" (id 0) included; with one,
        // only LSOAs whose ward is in it (unplaceable rows are reported separately).
        let mut in_area = vec![!is_filtered; max_id + 1];
        for l in cube.lsoas.iter().filter(|l| l.id > 0) {
            let ward = l.ward_code.as_deref();
            ward_of_lsoa[l.id as usize] = ward.and_then(|c| ward_pos.get(c).copied());
            in_area[l.id as usize] = inside(ward);
        }
        let population = area_population(&wards, &lsoas);
        AreaIndex {
            ward_of_lsoa,
            in_area,
            wards,
            lsoas,
            population,
            is_filtered,
            name: cube.area.name.clone(),
        }
    }

    /// Whether incidents of this LSOA id count.
    pub fn counts(&self, lsoa: u32) -> bool {
        self.in_area
            .get(lsoa as usize)
            .copied()
            .unwrap_or(!self.is_filtered)
    }

    /// Indexed by LSOA id: whether its incidents count, when an area filters the counts;
    /// `None` when every LSOA counts.
    pub fn lsoa_mask(&self) -> Option<Vec<bool>> {
        self.is_filtered.then(|| self.in_area.clone())
    }

    /// The index in `wards` of an LSOA id's ward, if known and in the area.
    pub fn ward_of(&self, lsoa: u32) -> Option<usize> {
        self.ward_of_lsoa.get(lsoa as usize).copied().flatten()
    }
}

/// Ward populations when every ward of the area has one; otherwise LSOA populations when
/// every LSOA has one; otherwise unknown (a partial sum would overstate the rate).
fn area_population(
    wards: &[(String, String, Option<f64>)],
    lsoas: &[(u32, String, String, Option<f64>)],
) -> Option<f64> {
    let all = |mut values: Vec<Option<f64>>| -> Option<f64> {
        if values.is_empty() {
            return None;
        }
        values.drain(..).sum::<Option<f64>>()
    };
    all(wards.iter().map(|w| w.2).collect()).or_else(|| all(lsoas.iter().map(|l| l.3).collect()))
}
