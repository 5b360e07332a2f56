//! Placing a partner row in the area of interest. Partners record an LSOA code, a ward
//! code, a ward name or a postcode; LSOAs are mapped to wards by the imported lookup, and
//! a row counts when its ward is in the area (or, with no area set, always). Built once
//! when the file or the area changes.

use super::super::area::AreaIndex;
use std::collections::HashMap;

/// Where one row's area is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// In the area, in ward `.0` of [`PartnerArea::wards`].
    InWard(usize),
    /// In a ward the lookup knows but the area does not include.
    OutsideArea,
    /// Not placeable (a postcode, an LSOA the lookup lacks, blank).
    Unknown,
}

/// The wards of the area and how to find a row's ward.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartnerArea {
    pub name: String,
    pub is_filtered: bool,
    /// (code, name, population) of the area's wards.
    pub wards: Vec<(String, String, Option<f64>)>,
    /// Residents of the area, when known.
    pub population: Option<f64>,
    ward_index: HashMap<String, usize>,
    ward_by_name: HashMap<String, usize>,
    /// Every LSOA of the lookup → its ward code.
    lsoa_ward: HashMap<String, String>,
}

impl PartnerArea {
    /// The area of `index`, with `lsoa_wards` (LSOA code → ward code) from the lookup.
    pub fn new(index: &AreaIndex, lsoa_wards: HashMap<String, String>) -> PartnerArea {
        let wards = index.wards.clone();
        PartnerArea {
            name: index.name.clone(),
            is_filtered: index.is_filtered,
            population: index.population,
            ward_index: wards
                .iter()
                .enumerate()
                .map(|(i, w)| (w.0.to_ascii_uppercase(), i))
                .collect(),
            ward_by_name: wards
                .iter()
                .enumerate()
                .map(|(i, w)| (w.1.trim().to_ascii_lowercase(), i))
                .collect(),
            wards,
            lsoa_ward: lsoa_wards
                .into_iter()
                .map(|(l, w)| (l.to_ascii_uppercase(), w.to_ascii_uppercase()))
                .collect(),
        }
    }

    /// Everything counts and nothing is placed in a ward (no lookup imported).
    pub fn everything(name: &str) -> PartnerArea {
        PartnerArea {
            name: name.to_string(),
            ..PartnerArea::default()
        }
    }

    pub fn place(&self, area: &str) -> Placement {
        let code = area.trim().to_ascii_uppercase();
        let ward_code = match self.lsoa_ward.get(&code) {
            Some(ward) => Some(ward.as_str()),
            None if code.starts_with("E05") || code.starts_with("W05") => Some(code.as_str()),
            None => None,
        };
        if let Some(ward) = ward_code {
            return match self.ward_index.get(ward) {
                Some(i) => Placement::InWard(*i),
                None if self.is_filtered => Placement::OutsideArea,
                None => Placement::Unknown,
            };
        }
        match self.ward_by_name.get(&area.trim().to_ascii_lowercase()) {
            Some(i) => Placement::InWard(*i),
            None => Placement::Unknown,
        }
    }

    /// Whether a row recorded in `area` counts in the area of interest. Rows that cannot
    /// be placed count only when no area is set.
    pub fn counts(&self, area: &str) -> bool {
        self.counted(area).is_some()
    }

    /// Where a row recorded in `area` is, when it counts in the area of interest (see
    /// [`PartnerArea::counts`]); `None` when it does not.
    pub fn counted(&self, area: &str) -> Option<Placement> {
        match self.place(area) {
            Placement::OutsideArea => None,
            Placement::Unknown if self.is_filtered => None,
            placement => Some(placement),
        }
    }
}

/// Rows of a year counted by ward of the area, and those not placed in one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WardTally {
    /// In the order of [`PartnerArea::wards`].
    pub counts: Vec<i64>,
    pub unknown: i64,
}

impl WardTally {
    pub fn new(area: &PartnerArea) -> Self {
        WardTally {
            counts: vec![0; area.wards.len()],
            unknown: 0,
        }
    }

    pub fn add(&mut self, placement: Placement) {
        match placement {
            Placement::InWard(i) => {
                if let Some(c) = self.counts.get_mut(i) {
                    *c += 1;
                }
            }
            _ => self.unknown += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(filtered: bool) -> PartnerArea {
        let mut index = AreaIndex::default();
        index.wards = vec![("E05000001".into(), "North".into(), Some(1000.0))];
        index.is_filtered = filtered;
        index.name = "Test".into();
        let lookup = [
            ("E01000001".to_string(), "E05000001".to_string()),
            ("E01000002".to_string(), "E05000002".to_string()),
        ];
        PartnerArea::new(&index, lookup.into_iter().collect())
    }

    #[test]
    fn lsoas_wards_and_names_are_placed() {
        let a = area(true);
        assert_eq!(a.place("e01000001"), Placement::InWard(0));
        assert_eq!(a.place("E05000001"), Placement::InWard(0));
        assert_eq!(a.place("north"), Placement::InWard(0));
        assert_eq!(a.place("E01000002"), Placement::OutsideArea);
        assert_eq!(a.place("ME1 1AA"), Placement::Unknown);
        assert!(!a.counts("ME1 1AA"));
        assert!(area(false).counts("ME1 1AA"));
        assert!(!a.counts("E01000002"));
    }
}
