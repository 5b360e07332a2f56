//! Local authority districts by name and code: their type from the ONS code prefix, the
//! district a police.uk LSOA name carries ("Leeds 004A" → Leeds), and the ONS code of a
//! district name from the table shipped in `assets/lad-names-codes.csv` (ONS names and
//! codes under the Open Government Licence; names of districts since merged lead to the
//! district that covers them now: "Harrogate" → North Yorkshire, E06000065).
//!
//! Pure lookups: no store, no counting.

use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The shipped table: `LADCD,LADNM,LADCD_ACTIVE,LADNM_ACTIVE`, one district a line.
const LAD_TABLE: &str = include_str!("../../assets/lad-names-codes.csv");

/// The kind of local authority, from its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LaType {
    /// E06.
    UnitaryAuthority,
    /// E07 (a district under a county council).
    NonMetropolitanDistrict,
    /// E08.
    MetropolitanDistrict,
    /// E09.
    LondonBorough,
    /// W06.
    WelshUnitaryAuthority,
    /// No code, or one of another kind.
    Unknown,
}

impl LaType {
    pub fn of_code(code: &str) -> LaType {
        match code.get(..3).map(str::to_ascii_uppercase).as_deref() {
            Some("E06") => LaType::UnitaryAuthority,
            Some("E07") => LaType::NonMetropolitanDistrict,
            Some("E08") => LaType::MetropolitanDistrict,
            Some("E09") => LaType::LondonBorough,
            Some("W06") => LaType::WelshUnitaryAuthority,
            _ => LaType::Unknown,
        }
    }

    /// "unitary authority".
    pub fn singular(self) -> &'static str {
        match self {
            LaType::UnitaryAuthority => "unitary authority",
            LaType::NonMetropolitanDistrict => "non-metropolitan district",
            LaType::MetropolitanDistrict => "metropolitan district",
            LaType::LondonBorough => "London borough",
            LaType::WelshUnitaryAuthority => "Welsh unitary authority",
            LaType::Unknown => "district of unknown type",
        }
    }

    /// "unitary authorities", as in "14th highest of 50 unitary authorities".
    pub fn plural(self) -> &'static str {
        match self {
            LaType::UnitaryAuthority => "unitary authorities",
            LaType::NonMetropolitanDistrict => "non-metropolitan districts",
            LaType::MetropolitanDistrict => "metropolitan districts",
            LaType::LondonBorough => "London boroughs",
            LaType::WelshUnitaryAuthority => "Welsh unitary authorities",
            LaType::Unknown => "districts of unknown type",
        }
    }
}

pub use crate::import::geography::is_district_code;

/// The district a police.uk LSOA name carries: "Leeds 004A" → "Leeds",
/// "Bristol, City of 001A"-style names included. `None` unless the name ends in a space,
/// three digits and a capital letter.
pub fn district_name_of_lsoa(lsoa_name: &str) -> Option<&str> {
    let (district, suffix) = lsoa_name.trim().rsplit_once(' ')?;
    let bytes = suffix.as_bytes();
    let is_lsoa_suffix = bytes.len() == 4
        && bytes[..3].iter().all(u8::is_ascii_digit)
        && bytes[3].is_ascii_uppercase();
    let district = district.trim();
    (is_lsoa_suffix && !district.is_empty()).then_some(district)
}

/// A district name's current ONS code and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownDistrict {
    pub code: &'static str,
    pub name: &'static str,
}

/// Names (lower case, also without ", City of" / ", County of") and codes → the current
/// district, from the shipped table.
struct LadIndex {
    by_name: HashMap<String, KnownDistrict>,
    by_code: HashMap<&'static str, KnownDistrict>,
}

fn lad_index() -> &'static LadIndex {
    static INDEX: OnceLock<LadIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut by_name = HashMap::new();
        let mut by_code = HashMap::new();
        for line in LAD_TABLE.lines().skip(1) {
            let fields = split_csv_line(line);
            let [code, name, active_code, active_name] = fields.as_slice() else {
                continue;
            };
            let current = KnownDistrict {
                code: active_code,
                name: active_name,
            };
            for alias in name_aliases(name) {
                by_name.insert(alias, current.clone());
            }
            by_code.insert(*code, current);
        }
        LadIndex { by_name, by_code }
    })
}

/// A table line's fields: plain, or in double quotes when they hold a comma (the table
/// has no doubled quotes).
fn split_csv_line(line: &'static str) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        let (field, after) = match rest.strip_prefix('"') {
            Some(quoted) => quoted.split_once('"').unwrap_or((quoted, "")),
            None => match rest.find(',') {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, ""),
            },
        };
        fields.push(field);
        match after.strip_prefix(',') {
            Some(next) => rest = next,
            None => return fields,
        }
    }
}

/// "Kingston upon Hull, City of" is "Kingston upon Hull" in LSOA names.
fn name_aliases(name: &str) -> Vec<String> {
    let lower = name.trim().to_lowercase();
    let mut out = vec![lower.clone()];
    for suffix in [", city of", ", county of"] {
        if let Some(short) = lower.strip_suffix(suffix) {
            out.push(short.to_string());
        }
    }
    out
}

/// The current district a district name (any case) stands for.
pub fn district_by_name(name: &str) -> Option<KnownDistrict> {
    lad_index()
        .by_name
        .get(&name.trim().to_lowercase())
        .cloned()
}

/// The current district an ONS district code stands for (itself, or its successor).
pub fn district_by_code(code: &str) -> Option<KnownDistrict> {
    lad_index()
        .by_code
        .get(code.trim().to_ascii_uppercase().as_str())
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_follow_the_code_prefix() {
        assert_eq!(LaType::of_code("E06000035"), LaType::UnitaryAuthority);
        assert_eq!(
            LaType::of_code("E07000110"),
            LaType::NonMetropolitanDistrict
        );
        assert_eq!(LaType::of_code("E08000035"), LaType::MetropolitanDistrict);
        assert_eq!(LaType::of_code("E09000001"), LaType::LondonBorough);
        assert_eq!(LaType::of_code("W06000015"), LaType::WelshUnitaryAuthority);
        assert_eq!(LaType::of_code("E10000016"), LaType::Unknown);
        assert_eq!(LaType::of_code(""), LaType::Unknown);
        assert!(is_district_code("E06000999"));
        assert!(!is_district_code("E06000"));
        assert!(!is_district_code("E05000001"));
    }

    #[test]
    fn lsoa_names_carry_their_district() {
        assert_eq!(district_name_of_lsoa("Leeds 004A"), Some("Leeds"));
        assert_eq!(
            district_name_of_lsoa("Bournemouth, Christchurch and Poole 012C"),
            Some("Bournemouth, Christchurch and Poole")
        );
        assert_eq!(
            district_name_of_lsoa("Kingston upon Thames 001A"),
            Some("Kingston upon Thames")
        );
        assert_eq!(district_name_of_lsoa("Leeds 004"), None);
        assert_eq!(district_name_of_lsoa("Leeds"), None);
        assert_eq!(district_name_of_lsoa(" 004A"), None);
        assert_eq!(district_name_of_lsoa(""), None);
    }

    #[test]
    fn names_and_codes_lead_to_the_current_district() {
        let leeds = district_by_name("leeds").unwrap();
        assert_eq!((leeds.code, leeds.name), ("E08000035", "Leeds"));
        let hull = district_by_name("Kingston upon Hull").unwrap();
        assert_eq!(hull.code, "E06000010");
        let harrogate = district_by_name("Harrogate").unwrap();
        assert_eq!(
            (harrogate.code, harrogate.name),
            ("E06000065", "North Yorkshire")
        );
        assert_eq!(district_by_code("e07000165").unwrap().code, "E06000065");
        assert_eq!(district_by_name("Northvale"), None);
        assert_eq!(district_by_code("W06000015").unwrap().name, "Cardiff");
    }

    #[test]
    fn every_line_of_the_table_is_read() {
        assert_eq!(lad_index().by_code.len(), LAD_TABLE.lines().count() - 1);
        let current: std::collections::HashSet<&str> =
            lad_index().by_code.values().map(|d| d.code).collect();
        assert_eq!(current.len(), 318);
    }
}
