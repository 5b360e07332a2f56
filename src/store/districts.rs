//! Districts in the assessment file: populations from a district-level file (a later file
//! updates the districts it lists), and the peer groups the analyst saves by name — lists
//! of district codes to rank the area among (e.g. the partnership's most similar group).

use super::{Store, StoreError};
use crate::import::geography::{is_district_code, PopulationRow};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;

/// Write district population rows; returns how many districts already had one.
pub fn write_district_populations(
    conn: &Connection,
    source_id: i64,
    rows: &[&PopulationRow],
) -> rusqlite::Result<u64> {
    let mut existing = conn.prepare_cached("SELECT 1 FROM district_population WHERE code = ?1")?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO district_population (code, name, total, source_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, total = excluded.total,
             source_id = excluded.source_id",
    )?;
    let mut replaced = 0;
    for r in rows {
        if existing.exists([&r.code])? {
            replaced += 1;
        }
        insert.execute(rusqlite::params![r.code, r.name, r.total, source_id])?;
    }
    Ok(replaced)
}

/// A district's population as imported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistrictPopulation {
    pub name: String,
    pub total: f64,
}

/// A saved peer group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeerGroup {
    pub name: String,
    /// District codes, in code order.
    pub codes: Vec<String>,
}

impl Store {
    /// Populations by district code, from district-level files.
    pub fn district_populations(&self) -> Result<HashMap<String, DistrictPopulation>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT code, name, total FROM district_population")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                DistrictPopulation {
                    name: r.get(1)?,
                    total: r.get(2)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every saved peer group, by name.
    pub fn peer_groups(&self) -> Result<Vec<PeerGroup>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT g.name, m.district_code FROM peer_group g
             LEFT JOIN peer_group_member m ON m.group_id = g.id
             ORDER BY g.name, m.district_code",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        let mut groups: Vec<PeerGroup> = Vec::new();
        for row in rows {
            let (name, code) = row?;
            if groups.last().is_none_or(|g| g.name != name) {
                groups.push(PeerGroup {
                    name,
                    codes: Vec::new(),
                });
            }
            if let (Some(group), Some(code)) = (groups.last_mut(), code) {
                group.codes.push(code);
            }
        }
        Ok(groups)
    }

    /// Create or redefine a peer group by name. Codes are trimmed and upper-cased; a code
    /// that is not a district code (E06, E07, E08, E09 or W06 and six digits) is refused,
    /// naming it, and nothing is saved.
    pub fn save_peer_group(
        &mut self,
        name: &str,
        codes: &[String],
    ) -> Result<PeerGroup, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("a peer group needs a name".into()));
        }
        let mut clean: Vec<String> = codes
            .iter()
            .map(|c| c.trim().to_ascii_uppercase())
            .filter(|c| !c.is_empty())
            .collect();
        clean.sort();
        clean.dedup();
        if let Some(bad) = clean.iter().find(|c| !is_district_code(c)) {
            return Err(StoreError::Invalid(format!(
                "\"{bad}\" is not a district code (a district code is E06, E07, E08, E09 or W06 followed by six digits, e.g. E06000035); the peer group \"{name}\" was not saved"
            )));
        }
        if clean.len() < 2 {
            return Err(StoreError::Invalid(format!(
                "the peer group \"{name}\" needs at least two district codes"
            )));
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO peer_group (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
            [name],
        )?;
        let id: i64 = tx.query_row("SELECT id FROM peer_group WHERE name = ?1", [name], |r| {
            r.get(0)
        })?;
        tx.execute("DELETE FROM peer_group_member WHERE group_id = ?1", [id])?;
        for code in &clean {
            tx.execute(
                "INSERT INTO peer_group_member (group_id, district_code) VALUES (?1, ?2)",
                rusqlite::params![id, code],
            )?;
        }
        tx.commit()?;
        Ok(PeerGroup {
            name: name.to_string(),
            codes: clean,
        })
    }

    /// The peer set the Comparison page last used (as `PeerChoice::stored` writes it).
    pub fn comparison_peers(&self) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'comparison_peers'",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Remember the peer set, so the export compares with the same districts.
    pub fn set_comparison_peers(&mut self, stored: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES ('comparison_peers', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [stored],
        )?;
        Ok(())
    }

    /// Remove a peer group by name; an error naming it when there is none.
    pub fn delete_peer_group(&mut self, name: &str) -> Result<(), StoreError> {
        let removed = self.conn.execute(
            "DELETE FROM peer_group WHERE name = ?1 COLLATE NOCASE",
            [name.trim()],
        )?;
        if removed == 0 {
            return Err(StoreError::Invalid(format!(
                "there is no peer group called \"{}\"",
                name.trim()
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peer_groups_are_saved_redefined_listed_and_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_or_create(&dir.path().join("a.assessment")).unwrap();
        let codes = |s: &str| s.split(',').map(String::from).collect::<Vec<_>>();
        let saved = store
            .save_peer_group(" Most similar ", &codes("e08000035, E08000032,E08000035"))
            .unwrap();
        assert_eq!(saved.name, "Most similar");
        assert_eq!(saved.codes, vec!["E08000032", "E08000035"]);
        store
            .save_peer_group("Most similar", &codes("E08000033,E08000034,E08000036"))
            .unwrap();
        store
            .save_peer_group("Another", &codes("E06000035,E06000036"))
            .unwrap();
        let groups = store.peer_groups().unwrap();
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].name, "Another");
        assert_eq!(groups[1].codes, vec!["E08000033", "E08000034", "E08000036"]);
        let refused = store.save_peer_group("Bad", &codes("E08000035,Leeds"));
        assert!(refused
            .unwrap_err()
            .to_string()
            .contains("\"LEEDS\" is not a district code"));
        assert!(store.save_peer_group("One", &codes("E08000035")).is_err());
        store.delete_peer_group("Another").unwrap();
        assert_eq!(store.peer_groups().unwrap().len(), 1);
        assert!(store.delete_peer_group("Another").is_err());
    }
}
