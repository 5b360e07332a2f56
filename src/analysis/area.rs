//! Placing counts in the area of interest: which LSOAs are in it, each LSOA's ward, and
//! the population a rate is taken over (ward populations where imported, otherwise the
//! sum of LSOA populations). With no area set, the population is that of the districts
//! the police data covers, not of every ward a wider lookup lists (a force-area lookup
//! with border wards would understate every rate), and `population_basis` says which.
//! Built once per cube or area change, not per selector change.

use super::district::DistrictIndex;
use crate::report::format::thousands;
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
    /// Whose residents `population` counts, in a sentence; `None` without a population.
    pub population_basis: Option<String>,
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
        let (population, population_basis) = if is_filtered {
            match area_population(&wards, &lsoas) {
                Some(p) => (
                    Some(p),
                    Some(format!(
                        "Rates use the {} residents of the area's {}.",
                        thousands(p.round() as i64),
                        crate::store::geography::ward_count_name(wards.len())
                    )),
                ),
                None => whole_district_population(cube).unwrap_or((None, None)),
            }
        } else {
            covered_population(cube).unwrap_or_else(|| {
                let population = area_population(&wards, &lsoas);
                let basis = population.map(|p| {
                    format!("Rates use the {} residents of every ward and LSOA with a population in the file.", thousands(p.round() as i64))
                });
                (population, basis)
            })
        };
        AreaIndex {
            ward_of_lsoa,
            in_area,
            wards,
            lsoas,
            population,
            population_basis,
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

/// With no area set: the residents of the districts the police data covers, and the
/// sentence that says so; `None` when the districts or their populations are not known.
fn covered_population(cube: &CountCube) -> Option<(Option<f64>, Option<String>)> {
    let index = DistrictIndex::build(cube);
    let (total, covered) = index.covered_population()?;
    let names: Vec<&str> = covered.iter().map(|d| d.name.as_str()).collect();
    let mut basis = match names.as_slice() {
        [one] => format!(
            "Rates use the {} residents of {one}, the district the police data covers.",
            thousands(total.round() as i64)
        ),
        many => format!(
            "Rates use the {} residents of the {} districts the police data covers ({}).",
            thousands(total.round() as i64),
            many.len(),
            many.join(", ")
        ),
    };
    let border: Vec<&str> = index
        .districts
        .iter()
        .filter(|d| !d.covered && d.incidents_held > 0)
        .map(|d| d.name.as_str())
        .collect();
    if !border.is_empty() {
        basis.push_str(&format!(
            " Left out: {} ({}), where the file holds only a few incidents, placed over the border.",
            if border.len() == 1 { "1 district".to_string() } else { format!("{} districts", border.len()) },
            border.join(", ")
        ));
    }
    Some((Some(total), Some(basis)))
}

/// An area that is every ward of one district in the lookup, without ward or LSOA
/// populations: the district's own population (e.g. from a district population file).
fn whole_district_population(cube: &CountCube) -> Option<(Option<f64>, Option<String>)> {
    let index = DistrictIndex::build(cube);
    let d = index.subject(&cube.area.ward_codes)?;
    let area: HashSet<&str> = cube.area.ward_codes.iter().map(String::as_str).collect();
    if !index.wards_of(d).all(|w| area.contains(w)) {
        return None;
    }
    let district = &index.districts[d];
    let population = district.population?;
    Some((
        Some(population),
        Some(format!(
            "Rates use the {} residents of {}, the whole district.",
            thousands(population.round() as i64),
            district.name
        )),
    ))
}
