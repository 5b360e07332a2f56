//! ONS geography files: LSOA → ward → district "best-fit" lookups (whatever the year in the
//! column names: `LSOA11CD`/`LSOA21CD`, `WD19CD`…`WD25CD`, `LAD…CD`, with the `…NM` names)
//! and population counts by ward, LSOA or district (local authority) — a simple
//! `code,name,total` CSV or the real ONS/Census layouts, including the messy 2011 Census
//! table (a blank column, three columns named `Persons`, numbers like "1,676"), ONS
//! mid-year estimates (`Code,Name,Geography,All ages,…`) and Census 2021 TS001 from Nomis
//! (`geography code`, `Residence type: Total; measures: Value`).

use super::text::{decode_cell, excerpt, trim_bytes};
use csv::ByteRecord;

/// Whether a geography code is an LSOA, a ward or a district.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AreaKind {
    Lsoa,
    Ward,
    /// A local authority district: E06, E07, E08, E09 or W06.
    District,
}

impl AreaKind {
    /// From the ONS code prefix: E01/W01 LSOAs, E05/W05 wards, E06–E09/W06 districts.
    pub fn of_code(code: &str) -> Option<AreaKind> {
        match code.get(..3)? {
            "E01" | "W01" => Some(AreaKind::Lsoa),
            "E05" | "W05" => Some(AreaKind::Ward),
            "E06" | "E07" | "E08" | "E09" | "W06" => Some(AreaKind::District),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AreaKind::Lsoa => "lsoa",
            AreaKind::Ward => "ward",
            AreaKind::District => "district",
        }
    }
}

/// Whether a code is a district code: E06, E07, E08, E09 or W06 and six digits.
pub fn is_district_code(code: &str) -> bool {
    code.len() == 9
        && AreaKind::of_code(code) == Some(AreaKind::District)
        && code.bytes().skip(3).all(|b| b.is_ascii_digit())
}

/// `PREFIX` + two digits + `SUFFIX`, case-insensitive: `LSOA21CD`, `WD24NM`.
fn is_coded(header: &str, prefix: &str, suffix: &str) -> bool {
    let upper = header.to_ascii_uppercase();
    upper.len() == prefix.len() + 2 + suffix.len()
        && upper.starts_with(prefix)
        && upper.ends_with(suffix)
        && upper
            .get(prefix.len()..prefix.len() + 2)
            .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
}

fn find(names: &[String], prefix: &str, suffix: &str) -> Option<usize> {
    names.iter().position(|h| is_coded(h, prefix, suffix))
}

fn cell_text(record: &ByteRecord, index: usize) -> String {
    decode_cell(trim_bytes(record.get(index).unwrap_or_default()))
        .0
        .into_owned()
}

/// Why a geography row was not accepted. `Display` is the analyst's sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GeoRowProblem {
    #[error("the row has {found} fields but the header has {expected}")]
    WrongFieldCount { found: usize, expected: usize },
    #[error("column {column}: blank")]
    Blank { column: String },
    #[error("column {column}: \"{value}\" is not an LSOA code (E01… or W01…)")]
    NotAnLsoa { column: String, value: String },
    #[error("column {column}: \"{value}\" is not a ward, LSOA or district code (E05…/W05…, E01…/W01…, or E06…–E09…/W06…); a region, county or country total is not used")]
    NotAnArea { column: String, value: String },
    #[error("column {column}: \"{value}\" is not a population count")]
    BadNumber { column: String, value: String },
    #[error("column {column}: \"{value}\" is a {level}: populations are read by LSOA, ward or local authority (district); a county, region or country total is not used")]
    NotSmallArea {
        column: String,
        value: String,
        level: &'static str,
    },
}

impl GeoRowProblem {
    pub fn column(&self) -> Option<&str> {
        match self {
            GeoRowProblem::WrongFieldCount { .. } => None,
            GeoRowProblem::Blank { column }
            | GeoRowProblem::NotAnLsoa { column, .. }
            | GeoRowProblem::NotAnArea { column, .. }
            | GeoRowProblem::NotSmallArea { column, .. }
            | GeoRowProblem::BadNumber { column, .. } => Some(column),
        }
    }
}

/// Columns of an LSOA → ward lookup.
#[derive(Debug, Clone)]
pub struct LookupColumns {
    names: Vec<String>,
    lsoa_code: usize,
    lsoa_name: Option<usize>,
    ward_code: usize,
    ward_name: Option<usize>,
    district_code: Option<usize>,
    district_name: Option<usize>,
}

/// One LSOA's ward.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupRow {
    pub lsoa_code: String,
    pub lsoa_name: String,
    pub ward_code: String,
    pub ward_name: String,
    pub district_code: String,
    pub district_name: String,
}

impl LookupColumns {
    /// A lookup needs an `LSOAnnCD` and a `WDnnCD` column.
    pub fn from_header(names: &[String]) -> Result<Self, String> {
        let lsoa_code = find(names, "LSOA", "CD").ok_or("no LSOAnnCD column")?;
        let ward_code = find(names, "WD", "CD").ok_or("no WDnnCD column")?;
        Ok(LookupColumns {
            names: names.to_vec(),
            lsoa_code,
            lsoa_name: find(names, "LSOA", "NM"),
            ward_code,
            ward_name: find(names, "WD", "NM"),
            district_code: find(names, "LAD", "CD"),
            district_name: find(names, "LAD", "NM"),
        })
    }

    pub fn parse(&self, record: &ByteRecord) -> Result<LookupRow, GeoRowProblem> {
        check_width(record, self.names.len())?;
        let text = |i: Option<usize>| i.map(|i| cell_text(record, i)).unwrap_or_default();
        let lsoa_code = cell_text(record, self.lsoa_code);
        let ward_code = cell_text(record, self.ward_code);
        let column = |i: usize| self.names.get(i).cloned().unwrap_or_default();
        if AreaKind::of_code(&lsoa_code) != Some(AreaKind::Lsoa) {
            return Err(GeoRowProblem::NotAnLsoa {
                column: column(self.lsoa_code),
                value: excerpt(lsoa_code.as_bytes()),
            });
        }
        if ward_code.is_empty() {
            return Err(GeoRowProblem::Blank {
                column: column(self.ward_code),
            });
        }
        let ward_name = text(self.ward_name);
        Ok(LookupRow {
            lsoa_name: text(self.lsoa_name),
            ward_name: if ward_name.is_empty() {
                ward_code.clone()
            } else {
                ward_name
            },
            district_code: text(self.district_code),
            district_name: text(self.district_name),
            lsoa_code,
            ward_code,
        })
    }
}

/// Columns of a population table.
#[derive(Debug, Clone)]
pub struct PopulationColumns {
    names: Vec<String>,
    code: usize,
    name: Option<usize>,
    total: usize,
}

/// One area's population.
#[derive(Debug, Clone, PartialEq)]
pub struct PopulationRow {
    pub code: String,
    pub name: String,
    pub kind: AreaKind,
    pub total: f64,
}

/// How well a header names the area code (lower is better), for choosing among several
/// code columns (the Census table also has region, district and MSOA codes).
fn code_rank(header: &str) -> Option<u8> {
    let h = header.to_ascii_lowercase();
    let is_code = h.contains("code") || h.ends_with("cd");
    if (h.contains("lsoa") && is_code) || is_coded(header, "LSOA", "CD") {
        Some(0)
    } else if (h.contains("ward") && is_code) || is_coded(header, "WD", "CD") {
        Some(1)
    } else if is_coded(header, "LAD", "CD")
        || (h.contains("local authority") || h.contains("district")) && is_code
    {
        Some(2)
    } else if [
        "code",
        "area code",
        "geography code",
        "areacode",
        "mnemonic",
    ]
    .contains(&h.as_str())
    {
        Some(3)
    } else {
        None
    }
}

fn name_rank(header: &str) -> Option<u8> {
    let h = header.to_ascii_lowercase();
    let is_name = h.contains("name") || h.ends_with("nm");
    // Nomis names the column of area names after the geography: "2021 super output area -
    // lower layer", "2022 electoral ward".
    let nomis = h.contains("super output area") || h.contains("electoral ward");
    if (h.contains("lsoa") && is_name) || nomis {
        Some(0)
    } else if (h.contains("ward") || h.starts_with("wd")) && is_name {
        Some(1)
    } else if is_coded(header, "LAD", "NM")
        || (h.contains("local authority") || h.contains("district")) && is_name
    {
        Some(2)
    } else if ["name", "area name", "geography", "area"].contains(&h.as_str()) {
        Some(3)
    } else {
        None
    }
}

/// Population column names in order of preference; the first column matching the best
/// name wins (in the 2011 Census table the first `Persons` is all usual residents).
const TOTAL_NAMES: [&str; 9] = [
    "total",
    "all ages",
    "all usual residents",
    "persons",
    "population",
    "usual residents",
    "total population",
    "count",
    // Census 2021 TS001 as Nomis publishes it.
    "residence type: total; measures: value",
];

/// The column of all residents: a name of [`TOTAL_NAMES`] exactly, else Census and ONS
/// download forms — Nomis's "Total: All usual residents", the Nomis bulk file's
/// "Residence type: Total; measures: Value", a name starting "Total", or "All ages" within
/// a longer name. Age and sex columns are never chosen.
fn total_column(names: &[String]) -> Option<usize> {
    let lower: Vec<String> = names
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let first = |test: &dyn Fn(&str) -> bool| lower.iter().position(|h| test(h));
    TOTAL_NAMES
        .iter()
        .find_map(|t| lower.iter().position(|h| h == t))
        .or_else(|| first(&|h| h.contains("all usual residents")))
        .or_else(|| first(&|h| h.ends_with("measures: value") && h.contains(": total")))
        .or_else(|| first(&|h| h.starts_with("total")))
        .or_else(|| first(&|h| h.contains("all ages") || h.contains("all persons")))
}

/// What a code that is not an LSOA, ward or district is: a county, a region or a country.
pub fn larger_area_of_code(code: &str) -> Option<&'static str> {
    match code.get(..3)? {
        "E10" | "E11" => Some("county code"),
        "E12" => Some("region code"),
        "E92" | "W92" | "K02" | "K03" | "K04" => Some("country code"),
        _ => None,
    }
}

/// Why a population file of larger areas (every row a county, region or country, such as
/// `example`) is not imported as populations.
pub fn larger_area_population(example: &str, level: &str) -> String {
    format!(
        "this is a population by county, region or country (for example the {level} {example}): populations are read by LSOA or ward (for rates in the area) or by local authority (for comparing with other areas): use ONS mid-year estimates or Census 2021 TS001 from Nomis at one of those levels"
    )
}

impl PopulationColumns {
    pub fn from_header(names: &[String]) -> Result<Self, String> {
        let best = |rank: fn(&str) -> Option<u8>| {
            names
                .iter()
                .enumerate()
                .filter_map(|(i, h)| rank(h).map(|r| (r, i)))
                .min()
                .map(|(_, i)| i)
        };
        let code = best(code_rank).ok_or("no area code column")?;
        let total = total_column(names).ok_or("no total / persons column")?;
        Ok(PopulationColumns {
            names: names.to_vec(),
            code,
            name: best(name_rank),
            total,
        })
    }

    /// "populations read from the column \"All Ages\" (area codes from \"LSOA Code\")".
    pub fn describe(&self) -> String {
        let name = |i: usize| self.names.get(i).map_or("", String::as_str);
        format!(
            "populations read from the column \"{}\" (area codes from \"{}\")",
            name(self.total),
            name(self.code)
        )
    }

    pub fn parse(&self, record: &ByteRecord) -> Result<PopulationRow, GeoRowProblem> {
        check_width(record, self.names.len())?;
        let column = |i: usize| self.names.get(i).cloned().unwrap_or_default();
        let code = cell_text(record, self.code);
        let kind = AreaKind::of_code(&code).ok_or_else(|| match larger_area_of_code(&code) {
            Some(level) => GeoRowProblem::NotSmallArea {
                column: column(self.code),
                value: excerpt(code.as_bytes()),
                level,
            },
            None => GeoRowProblem::NotAnArea {
                column: column(self.code),
                value: excerpt(code.as_bytes()),
            },
        })?;
        let raw_total = cell_text(record, self.total);
        let total = parse_count(&raw_total).ok_or_else(|| GeoRowProblem::BadNumber {
            column: column(self.total),
            value: excerpt(raw_total.as_bytes()),
        })?;
        Ok(PopulationRow {
            name: self.name.map(|i| cell_text(record, i)).unwrap_or_default(),
            code,
            kind,
            total,
        })
    }
}

/// "1,676" → 1676. Non-negative, finite; thousands separators and spaces allowed.
pub fn parse_count(text: &str) -> Option<f64> {
    let clean: String = text.chars().filter(|c| *c != ',' && *c != ' ').collect();
    let value: f64 = clean.parse().ok()?;
    (value.is_finite() && value >= 0.0).then_some(value)
}

fn check_width(record: &ByteRecord, expected: usize) -> Result<(), GeoRowProblem> {
    if record.len() == expected {
        Ok(())
    } else {
        Err(GeoRowProblem::WrongFieldCount {
            found: record.len(),
            expected,
        })
    }
}

#[cfg(test)]
mod tests;
