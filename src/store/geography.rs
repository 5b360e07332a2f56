//! Geography in the assessment file: writing ONS lookups and populations (a later file
//! updates the areas it lists and says how many), and reading them back for pages.

use super::{Store, StoreError};
use crate::import::geography::{LookupRow, PopulationRow};
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;

/// Write lookup rows; returns how many LSOAs were already assigned (now re-assigned).
pub fn write_lookup_rows(
    conn: &Connection,
    source_id: i64,
    rows: &[LookupRow],
) -> rusqlite::Result<u64> {
    let mut ward = conn.prepare_cached(
        "INSERT INTO ward (code, name, district_code, district_name, source_id) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, district_code = excluded.district_code,
             district_name = excluded.district_name, source_id = excluded.source_id",
    )?;
    let mut existing = conn.prepare_cached("SELECT 1 FROM lsoa_ward WHERE lsoa_code = ?1")?;
    let mut lsoa = conn.prepare_cached(
        "INSERT INTO lsoa_ward (lsoa_code, lsoa_name, ward_code, source_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (lsoa_code) DO UPDATE SET lsoa_name = excluded.lsoa_name,
             ward_code = excluded.ward_code, source_id = excluded.source_id",
    )?;
    let mut replaced = 0;
    for r in rows {
        ward.execute(rusqlite::params![
            r.ward_code,
            r.ward_name,
            r.district_code,
            r.district_name,
            source_id
        ])?;
        if existing.exists([&r.lsoa_code])? {
            replaced += 1;
        }
        lsoa.execute(rusqlite::params![
            r.lsoa_code,
            r.lsoa_name,
            r.ward_code,
            source_id
        ])?;
    }
    Ok(replaced)
}

/// Write population rows (districts to their own table); returns how many areas already
/// had a population (now updated).
pub fn write_population_rows(
    conn: &Connection,
    source_id: i64,
    rows: &[PopulationRow],
) -> rusqlite::Result<u64> {
    let (districts, small_areas): (Vec<&PopulationRow>, Vec<&PopulationRow>) = rows
        .iter()
        .partition(|r| r.kind == crate::import::geography::AreaKind::District);
    let mut replaced = super::districts::write_district_populations(conn, source_id, &districts)?;
    let mut existing = conn.prepare_cached("SELECT 1 FROM population WHERE area_code = ?1")?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO population (area_code, area_kind, name, total, source_id) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (area_code) DO UPDATE SET area_kind = excluded.area_kind, name = excluded.name,
             total = excluded.total, source_id = excluded.source_id",
    )?;
    for r in small_areas {
        if existing.exists([&r.code])? {
            replaced += 1;
        }
        insert.execute(rusqlite::params![
            r.code,
            r.kind.as_str(),
            r.name,
            r.total,
            source_id
        ])?;
    }
    Ok(replaced)
}

/// A ward as pages show it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Ward {
    pub code: String,
    pub name: String,
    pub district_code: String,
    pub district_name: String,
}

/// What the analyst filters every page to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AreaChoice {
    /// No filter: every row of the file, "No Location" included.
    Everything,
    /// The wards of one district of the lookup (by code or name).
    District(String),
    /// A named set of wards.
    Wards { name: String, codes: Vec<String> },
}

/// An unnamed area's name: "1 ward", "3 wards".
pub fn ward_count_name(n: usize) -> String {
    if n == 1 {
        "1 ward".into()
    } else {
        format!("{n} wards")
    }
}

/// A district named in the lookup, with its number of wards.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct District {
    pub code: String,
    pub name: String,
    pub wards: i64,
}

/// The area pages are filtered to.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct AreaOfInterest {
    /// "Medway", "3 wards", or "All data" when no area is set.
    pub name: String,
    /// Ward codes; empty = no filter.
    pub ward_codes: Vec<String>,
}

impl Store {
    pub fn wards(&self) -> Result<Vec<Ward>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT code, name, district_code, district_name FROM ward ORDER BY name, code",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Ward {
                code: r.get(0)?,
                name: r.get(1)?,
                district_code: r.get(2)?,
                district_name: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn districts(&self) -> Result<Vec<District>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT district_code, max(district_name), count(*) FROM ward
             WHERE district_code <> '' GROUP BY district_code ORDER BY 2",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(District {
                code: r.get(0)?,
                name: r.get(1)?,
                wards: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// LSOA code → ward code, from the lookup.
    pub fn lsoa_wards(&self) -> Result<HashMap<String, String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT lsoa_code, ward_code FROM lsoa_ward")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Populations by area code (wards and LSOAs as imported).
    pub fn populations(&self) -> Result<HashMap<String, f64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT area_code, total FROM population")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn area_of_interest(&self) -> Result<AreaOfInterest, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT ward_code FROM area_ward ORDER BY ward_code")?;
        let ward_codes: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let name: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'area_name'", [], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(AreaOfInterest {
            name: match (name, ward_codes.is_empty()) {
                (_, true) => "All data".into(),
                (Some(n), false) => n,
                (None, false) => ward_count_name(ward_codes.len()),
            },
            ward_codes,
        })
    }

    /// Set the area of interest, stored in the file.
    pub fn set_area(&mut self, choice: &AreaChoice) -> Result<AreaOfInterest, StoreError> {
        match choice {
            AreaChoice::Everything => self.set_area_to_wards("All data", &[]),
            AreaChoice::District(district) => self.set_area_to_district(district),
            AreaChoice::Wards { name, codes } => self.set_area_to_wards(name, codes),
        }
    }

    /// Filter every page to a district (by code or name, as in the lookup).
    pub fn set_area_to_district(&mut self, district: &str) -> Result<AreaOfInterest, StoreError> {
        let wanted = district.trim();
        let wards: Vec<(String, String)> = {
            let mut stmt = self.conn.prepare(
                "SELECT code, district_name FROM ward
                 WHERE district_code = ?1 COLLATE NOCASE OR district_name = ?1 COLLATE NOCASE",
            )?;
            let rows = stmt.query_map([wanted], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        let Some((_, name)) = wards.first().cloned() else {
            return Err(StoreError::NoSuchArea(wanted.to_string()));
        };
        let codes: Vec<String> = wards.into_iter().map(|(c, _)| c).collect();
        self.set_area_to_wards(&name, &codes)
    }

    /// Filter every page to a chosen set of wards (empty = no filter).
    pub fn set_area_to_wards(
        &mut self,
        name: &str,
        ward_codes: &[String],
    ) -> Result<AreaOfInterest, StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM area_ward", [])?;
        {
            let mut insert =
                tx.prepare("INSERT OR IGNORE INTO area_ward (ward_code) VALUES (?1)")?;
            for code in ward_codes {
                insert
                    .execute([code])
                    .map_err(|_| StoreError::NoSuchArea(code.clone()))?;
            }
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('area_name', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [name],
        )?;
        tx.commit()?;
        self.area_of_interest()
    }
}
