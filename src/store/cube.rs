//! Everything the Overview and theme pages need from the assessment file, read in one go:
//! the maintained monthly counts (decoded), the LSOAs with their wards, ward names,
//! populations, the area of interest and the theme groups. Pages hold this in memory and
//! recompute from it on every selector change, so a change never touches SQLite.

use super::districts::DistrictPopulation;
use super::geography::{AreaOfInterest, Ward};
use super::month_counts::{self, Cell};
use super::{Store, StoreError};
use std::collections::HashMap;

/// One LSOA seen in crime data or in the lookup.
#[derive(Debug, Clone, PartialEq)]
pub struct LsoaEntry {
    /// Id in crime data (the `Cell::lsoa` value); 0 if the LSOA is only in the lookup.
    pub id: u32,
    pub code: String,
    pub name: String,
    /// The ward from the lookup; `None` = "ward unknown".
    pub ward_code: Option<String>,
}

/// A user-defined group of crime types.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ThemeGroup {
    pub id: i64,
    pub name: String,
    pub crime_types: Vec<u8>,
}

/// The file's counts and geography, decoded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CountCube {
    /// Every month held, ascending, with its (crime type, LSOA) cells.
    pub months: Vec<(u32, Vec<Cell>)>,
    pub lsoas: Vec<LsoaEntry>,
    pub wards: Vec<Ward>,
    /// Population by ward or LSOA code.
    pub populations: HashMap<String, f64>,
    /// Population by district code, from district-level files.
    pub district_populations: HashMap<String, DistrictPopulation>,
    pub area: AreaOfInterest,
    pub groups: Vec<ThemeGroup>,
}

impl Store {
    pub fn count_cube(&self) -> Result<CountCube, StoreError> {
        Ok(CountCube {
            months: month_counts::read_months(&self.conn, None)?,
            lsoas: self.lsoa_entries()?,
            wards: self.wards()?,
            populations: self.populations()?,
            district_populations: self.district_populations()?,
            area: self.area_of_interest()?,
            groups: self.theme_groups()?,
        })
    }

    fn lsoa_entries(&self) -> Result<Vec<LsoaEntry>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT l.id, l.code, coalesce(nullif(l.name, ''), w.lsoa_name, ''), w.ward_code
             FROM lsoa l LEFT JOIN lsoa_ward w ON w.lsoa_code = l.code
             UNION ALL
             SELECT 0, w.lsoa_code, w.lsoa_name, w.ward_code
             FROM lsoa_ward w WHERE w.lsoa_code NOT IN (SELECT code FROM lsoa)
             ORDER BY 2",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(LsoaEntry {
                id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                ward_code: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn theme_groups(&self) -> Result<Vec<ThemeGroup>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT g.id, g.name, group_concat(t.crime_type_id)
             FROM theme_group g LEFT JOIN theme_group_type t ON t.group_id = g.id
             GROUP BY g.id ORDER BY g.name",
        )?;
        let rows = stmt.query_map([], |r| {
            let list: Option<String> = r.get(2)?;
            Ok(ThemeGroup {
                id: r.get(0)?,
                name: r.get(1)?,
                crime_types: list
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|t| t.parse().ok())
                    .collect(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Create or redefine a theme group by name.
    pub fn save_theme_group(
        &mut self,
        name: &str,
        crime_types: &[u8],
    ) -> Result<ThemeGroup, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("a theme group needs a name".into()));
        }
        if crime_types.is_empty() {
            return Err(StoreError::Invalid(format!(
                "the theme group \"{name}\" needs at least one crime type"
            )));
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO theme_group (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
            [name],
        )?;
        let id: i64 = tx.query_row("SELECT id FROM theme_group WHERE name = ?1", [name], |r| {
            r.get(0)
        })?;
        tx.execute("DELETE FROM theme_group_type WHERE group_id = ?1", [id])?;
        for t in crime_types {
            tx.execute(
                "INSERT OR IGNORE INTO theme_group_type (group_id, crime_type_id) VALUES (?1, ?2)",
                rusqlite::params![id, t],
            )
            .map_err(|_| StoreError::Invalid(format!("{t} is not a crime type")))?;
        }
        tx.commit()?;
        self.theme_groups()?
            .into_iter()
            .find(|g| g.id == id)
            .ok_or_else(|| StoreError::Invalid(format!("the theme group \"{name}\" was not saved")))
    }

    pub fn delete_theme_group(&mut self, id: i64) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM theme_group WHERE id = ?1", [id])?;
        Ok(())
    }
}
