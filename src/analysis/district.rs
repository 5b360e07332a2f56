//! Every LSOA of the file in a district (local authority): from the ward lookup's district
//! columns where the LSOA is in the lookup, else from the district name police.uk's LSOA
//! name carries, with the ONS code from the shipped table where it knows the name. Each
//! district gets its type (from the code), its population (a district-level file, else
//! the sum of its wards', else of its LSOAs') and whether the police data covers it.
//!
//! "Covered": a district whose incidents per resident, over every month held, are at least
//! a tenth of the typical district's (the incident-weighted median rate); without a
//! population, one with at least a tenth of the incidents of the smallest covered district. A force's file
//! also holds a few incidents placed just over its border; those districts are listed but
//! neither ranked nor counted in a denominator, so a border district with its whole
//! population and five incidents cannot drag a rate or a ranking down.
//!
//! Built once per file load (one pass over the counts); pure, no store.

use super::financial_year::FinancialYear;
use super::la_names::{district_by_code, district_by_name, district_name_of_lsoa, LaType};
use super::theme::Theme;
use crate::store::cube::CountCube;
use crate::store::month_counts::Cell;
use serde::Serialize;
use std::collections::HashMap;

/// A district's incidents per resident must reach this share of the typical district's
/// for the data to be said to cover it.
pub const COVERAGE_FRACTION: f64 = 0.1;

/// Where a district's population comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PopulationSource {
    /// A district-level population file (ONS mid-year estimates, Census TS001).
    DistrictFile,
    /// The sum of the populations of its wards in the lookup.
    Wards,
    /// The sum of the populations of its LSOAs.
    Lsoas,
}

/// One district of the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct District {
    /// The ONS code; `None` when only the name is known and the table does not have it.
    pub code: Option<String>,
    pub name: String,
    #[serde(rename = "type")]
    pub la_type: LaType,
    pub population: Option<f64>,
    pub population_source: Option<PopulationSource>,
    /// Incidents of every theme over every month held (for coverage).
    pub incidents_held: i64,
    /// Whether the police data covers the district (see the module documentation); when
    /// no district has a population, every district counts as covered.
    pub covered: bool,
}

/// Which district each LSOA of the file is in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DistrictIndex {
    /// In code order (districts known only by name last, by name).
    pub districts: Vec<District>,
    /// Indexed by LSOA id: the index in `districts`.
    district_of_lsoa: Vec<Option<usize>>,
    /// Ward code → index in `districts`.
    district_of_ward: HashMap<String, usize>,
}

/// A theme's incidents in one financial year, by district.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictCounts {
    /// Indexed like `DistrictIndex::districts`.
    pub counts: Vec<i64>,
    /// Incidents with no location or in an LSOA of no known district.
    pub unplaced: i64,
}

/// (code, name) of a district named by a lookup or an LSOA name, with the code and name
/// the shipped table gives when the name alone is known.
fn resolve(code: &str, name: &str) -> Option<(Option<String>, String)> {
    let (code, name) = (code.trim(), name.trim());
    if !code.is_empty() {
        let name = match (name.is_empty(), district_by_code(code)) {
            (false, _) => name.to_string(),
            (true, Some(known)) if known.code.eq_ignore_ascii_case(code) => known.name.into(),
            (true, _) => code.to_string(),
        };
        return Some((Some(code.to_ascii_uppercase()), name));
    }
    if name.is_empty() {
        return None;
    }
    Some(match district_by_name(name) {
        Some(known) => (Some(known.code.to_string()), known.name.to_string()),
        None => (None, name.to_string()),
    })
}

impl DistrictIndex {
    pub fn build(cube: &CountCube) -> DistrictIndex {
        let mut keys: HashMap<String, usize> = HashMap::new();
        let mut found: Vec<(Option<String>, String)> = Vec::new();
        let mut place = |resolved: Option<(Option<String>, String)>| -> Option<usize> {
            let (code, name) = resolved?;
            let key = code
                .clone()
                .unwrap_or_else(|| format!("name:{}", name.to_lowercase()));
            Some(*keys.entry(key).or_insert_with(|| {
                found.push((code, name));
                found.len() - 1
            }))
        };
        let mut ward_district: HashMap<&str, usize> = HashMap::new();
        for w in &cube.wards {
            if let Some(d) = place(resolve(&w.district_code, &w.district_name)) {
                ward_district.insert(w.code.as_str(), d);
            }
        }
        let mut lsoa_district: Vec<(usize, Option<usize>)> = Vec::new();
        for (i, l) in cube.lsoas.iter().enumerate() {
            let from_ward = l
                .ward_code
                .as_deref()
                .and_then(|w| ward_district.get(w).copied());
            let district = from_ward
                .or_else(|| place(district_name_of_lsoa(&l.name).and_then(|n| resolve("", n))));
            lsoa_district.push((i, district));
        }
        // Put the districts in code order, then remap every index.
        let mut order: Vec<usize> = (0..found.len()).collect();
        order.sort_by(|&a, &b| district_order(&found[a], &found[b]));
        let mut new_index = vec![0; found.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let remap = |d: Option<usize>| d.map(|d| new_index[d]);
        let max_id = cube.lsoas.iter().map(|l| l.id).max().unwrap_or(0) as usize;
        let mut district_of_lsoa = vec![None; max_id + 1];
        for &(i, d) in &lsoa_district {
            let id = cube.lsoas[i].id as usize;
            if id > 0 {
                district_of_lsoa[id] = remap(d);
            }
        }
        let district_of_ward = ward_district
            .iter()
            .map(|(w, d)| (w.to_string(), new_index[*d]))
            .collect();
        let populations = district_populations(cube, &lsoa_district, &ward_district, &found);
        let mut districts: Vec<District> = order
            .iter()
            .map(|&old| {
                let (code, name) = found[old].clone();
                let (population, population_source) = match populations[old] {
                    Some((p, s)) => (Some(p), Some(s)),
                    None => (None, None),
                };
                District {
                    la_type: LaType::of_code(code.as_deref().unwrap_or("")),
                    code,
                    name,
                    population,
                    population_source,
                    incidents_held: 0,
                    covered: true,
                }
            })
            .collect();
        for (_, cells) in &cube.months {
            for cell in cells {
                if let Some(Some(d)) = district_of_lsoa.get(cell.lsoa as usize) {
                    districts[*d].incidents_held += cell.n;
                }
            }
        }
        mark_coverage(&mut districts);
        DistrictIndex {
            districts,
            district_of_lsoa,
            district_of_ward,
        }
    }

    /// The district of an LSOA id of the counts.
    pub fn district_of(&self, lsoa: u32) -> Option<usize> {
        self.district_of_lsoa.get(lsoa as usize).copied().flatten()
    }

    /// A theme's incidents in a financial year, by district.
    pub fn year_counts(
        &self,
        months: &[(u32, Vec<Cell>)],
        theme: &Theme,
        fy: FinancialYear,
    ) -> DistrictCounts {
        let mut counts = vec![0i64; self.districts.len()];
        let mut unplaced = 0;
        let (first, last) = (fy.months()[0], fy.months()[11]);
        for (_, cells) in months.iter().filter(|(m, _)| (first..=last).contains(m)) {
            for cell in cells.iter().filter(|c| theme.includes(c.crime_type)) {
                match self.district_of(cell.lsoa) {
                    Some(d) => counts[d] += cell.n,
                    None => unplaced += cell.n,
                }
            }
        }
        DistrictCounts { counts, unplaced }
    }

    /// The district of the area of interest (its wards), or with no area set the one
    /// district the data covers; `None` when the area spans several districts.
    pub fn subject(&self, area_ward_codes: &[String]) -> Option<usize> {
        let mut found: Vec<usize> = if area_ward_codes.is_empty() {
            (0..self.districts.len())
                .filter(|&d| self.districts[d].covered && self.districts[d].incidents_held > 0)
                .collect()
        } else {
            area_ward_codes
                .iter()
                .filter_map(|w| self.district_of_ward.get(w).copied())
                .collect()
        };
        found.sort_unstable();
        found.dedup();
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The ward codes of district `d` in the lookup.
    pub fn wards_of(&self, d: usize) -> impl Iterator<Item = &str> {
        self.district_of_ward
            .iter()
            .filter(move |(_, district)| **district == d)
            .map(|(w, _)| w.as_str())
    }

    /// Whether the ward lookup has wards of district `d`.
    pub fn has_wards(&self, d: usize) -> bool {
        self.wards_of(d).next().is_some()
    }

    /// Covered districts, their total population when every one has a population.
    pub fn covered_population(&self) -> Option<(f64, Vec<&District>)> {
        let covered: Vec<&District> = self
            .districts
            .iter()
            .filter(|d| d.covered && d.incidents_held > 0)
            .collect();
        if covered.is_empty() {
            return None;
        }
        let total = covered.iter().map(|d| d.population).sum::<Option<f64>>()?;
        Some((total, covered))
    }
}

/// Code order; districts known only by name after, by name.
fn district_order(
    a: &(Option<String>, String),
    b: &(Option<String>, String),
) -> std::cmp::Ordering {
    match (&a.0, &b.0) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.1.cmp(&b.1),
    }
}

/// Each district's population and where it came from: a district file, else its wards
/// (ward populations or their LSOAs' summed) when every ward has one, else its LSOAs when
/// every LSOA has one.
fn district_populations(
    cube: &CountCube,
    lsoa_district: &[(usize, Option<usize>)],
    ward_district: &HashMap<&str, usize>,
    found: &[(Option<String>, String)],
) -> Vec<Option<(f64, PopulationSource)>> {
    let districts = found.len();
    let mut lsoa_sum: Vec<Option<f64>> = vec![Some(0.0); districts];
    let mut lsoas_seen = vec![false; districts];
    let mut ward_from_lsoas: HashMap<&str, f64> = HashMap::new();
    for &(i, d) in lsoa_district {
        let l = &cube.lsoas[i];
        let pop = cube.populations.get(&l.code).copied();
        if let (Some(w), Some(p)) = (l.ward_code.as_deref(), pop) {
            *ward_from_lsoas.entry(w).or_default() += p;
        }
        if let Some(d) = d {
            lsoas_seen[d] = true;
            lsoa_sum[d] = lsoa_sum[d].zip(pop).map(|(a, b)| a + b);
        }
    }
    let mut ward_sum: Vec<Option<f64>> = vec![Some(0.0); districts];
    let mut wards_seen = vec![false; districts];
    for w in &cube.wards {
        if let Some(&d) = ward_district.get(w.code.as_str()) {
            wards_seen[d] = true;
            let pop = cube
                .populations
                .get(&w.code)
                .copied()
                .or_else(|| ward_from_lsoas.get(w.code.as_str()).copied());
            ward_sum[d] = ward_sum[d].zip(pop).map(|(a, b)| a + b);
        }
    }
    let mut out = vec![None; districts];
    for d in 0..districts {
        let from_file = found[d]
            .0
            .as_ref()
            .and_then(|c| cube.district_populations.get(c))
            .map(|p| (p.total, PopulationSource::DistrictFile));
        let from_wards = wards_seen[d]
            .then_some(ward_sum[d])
            .flatten()
            .map(|p| (p, PopulationSource::Wards));
        let from_lsoas = lsoas_seen[d]
            .then_some(lsoa_sum[d])
            .flatten()
            .map(|p| (p, PopulationSource::Lsoas));
        out[d] = from_file
            .or(from_wards)
            .or(from_lsoas)
            .filter(|(p, _)| *p > 0.0);
    }
    out
}

/// Mark the districts the data covers: incidents per resident at least
/// [`COVERAGE_FRACTION`] of the incident-weighted median rate.
fn mark_coverage(districts: &mut [District]) {
    let mut rated: Vec<(f64, i64)> = districts
        .iter()
        .filter_map(|d| {
            let pop = d.population.filter(|p| *p > 0.0)?;
            (d.incidents_held > 0).then(|| (d.incidents_held as f64 / pop, d.incidents_held))
        })
        .collect();
    rated.sort_by(|a, b| a.0.total_cmp(&b.0));
    let half = rated.iter().map(|r| r.1).sum::<i64>() as f64 / 2.0;
    let mut running = 0.0;
    let Some(typical) = rated.iter().find_map(|(rate, n)| {
        running += *n as f64;
        (running >= half).then_some(*rate)
    }) else {
        return;
    };
    for d in districts.iter_mut() {
        if let Some(pop) = d.population.filter(|p| *p > 0.0) {
            d.covered = d.incidents_held as f64 / pop >= COVERAGE_FRACTION * typical;
        }
    }
    // Without a population, a district is judged by its incidents against the smallest
    // covered district's.
    let smallest = districts
        .iter()
        .filter(|d| d.covered && d.population.is_some())
        .map(|d| d.incidents_held)
        .min();
    if let Some(smallest) = smallest {
        for d in districts.iter_mut().filter(|d| d.population.is_none()) {
            d.covered = d.incidents_held as f64 >= COVERAGE_FRACTION * smallest as f64;
        }
    }
}
