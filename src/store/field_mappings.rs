//! Field mappings (police street files, lookups, populations, boundaries read with a
//! header of their own) saved by name in the assessment file as JSON, found again by name
//! (`--mapping NAME`) or by the header they were made for. A name is used once across
//! these and the partner column mappings.

use crate::import::field_mapping::FieldMapping;
use crate::store::{Store, StoreError};

/// The tables mappings are saved in, by name, as JSON.
#[derive(Debug, Clone, Copy)]
pub enum MappingTable {
    /// Partner column mappings.
    Partner,
    /// Field mappings of the app's own kinds of file.
    Fields,
}

/// Every mapping saved in `table`, by name. A row whose JSON no longer reads is reported,
/// not skipped.
pub fn load_saved_mappings<T: serde::de::DeserializeOwned>(
    conn: &rusqlite::Connection,
    table: MappingTable,
) -> Result<Vec<T>, StoreError> {
    let sql = match table {
        MappingTable::Partner => "SELECT name, json FROM column_mapping ORDER BY name",
        MappingTable::Fields => "SELECT name, json FROM field_mapping ORDER BY name",
    };
    let mut stmt = conn.prepare(sql)?;
    let rows: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(|(name, json)| {
            serde_json::from_str(&json).map_err(|e| {
                StoreError::Corrupt(format!(
                    "the saved column mapping \"{name}\" is unreadable ({e})"
                ))
            })
        })
        .collect()
}

/// Every saved field mapping, by name.
pub fn load_field_mappings(conn: &rusqlite::Connection) -> Result<Vec<FieldMapping>, StoreError> {
    load_saved_mappings(conn, MappingTable::Fields)
}

impl Store {
    /// Save (or replace) a field mapping under its name. It must be usable, and its name
    /// must not be a partner mapping's.
    pub fn save_field_mapping(&mut self, mapping: &FieldMapping) -> Result<(), StoreError> {
        let name = mapping.name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("a column mapping needs a name".into()));
        }
        let problems = mapping.problems();
        if !problems.is_empty() {
            return Err(StoreError::Invalid(format!(
                "the mapping \"{name}\" cannot be used: {}",
                problems.join("; ")
            )));
        }
        let partner: i64 = self.conn.query_row(
            "SELECT count(*) FROM column_mapping WHERE name = ?1",
            [name],
            |r| r.get(0),
        )?;
        if partner > 0 {
            return Err(StoreError::Invalid(format!(
                "a partner column mapping is already saved as \"{name}\": choose another name"
            )));
        }
        let json = serde_json::to_string(mapping)
            .map_err(|e| StoreError::Invalid(format!("the mapping could not be written: {e}")))?;
        self.conn.execute(
            "INSERT INTO field_mapping (name, kind, header_signature, json) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(name) DO UPDATE SET kind = ?2, header_signature = ?3, json = ?4",
            rusqlite::params![name, mapping.kind.key(), mapping.header_signature, json],
        )?;
        Ok(())
    }

    /// Every saved field mapping, by name.
    pub fn field_mappings(&self) -> Result<Vec<FieldMapping>, StoreError> {
        load_field_mappings(&self.conn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::field_mapping::MappedKind;

    #[test]
    fn field_mappings_are_saved_checked_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_or_create(&dir.path().join("m.assessment")).unwrap();
        let header: Vec<String> = ["area", "people"].map(String::from).to_vec();
        let mut mapping = FieldMapping::new("Council pop", MappedKind::Population, &header);
        let err = store.save_field_mapping(&mapping).unwrap_err().to_string();
        assert!(
            err.contains("Area code (LSOA or ward) is required"),
            "{err}"
        );
        mapping.set(0, Some("code"));
        mapping.set(1, Some("total"));
        store.save_field_mapping(&mapping).unwrap();
        store.save_field_mapping(&mapping).unwrap();
        assert_eq!(store.field_mappings().unwrap(), vec![mapping]);
    }
}
