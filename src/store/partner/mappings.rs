//! Column mappings saved by name in the assessment file (as the mapping's JSON), found
//! again by name (`--mapping NAME`) or by the header they were made for.

use crate::import::partner::ColumnMapping;
use crate::store::field_mappings::{load_saved_mappings, MappingTable};
use crate::store::{Store, StoreError};

/// Every saved mapping, by name. A row whose JSON no longer reads is reported, not skipped.
pub fn load_mappings(conn: &rusqlite::Connection) -> Result<Vec<ColumnMapping>, StoreError> {
    load_saved_mappings(conn, MappingTable::Partner)
}

impl Store {
    /// Save (or replace) a mapping under its name. It must be usable.
    pub fn save_mapping(&mut self, mapping: &ColumnMapping) -> Result<(), StoreError> {
        if mapping.name.trim().is_empty() {
            return Err(StoreError::Invalid("a column mapping needs a name".into()));
        }
        if let Err(problems) = mapping.validate() {
            let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
            return Err(StoreError::Invalid(format!(
                "the mapping \"{}\" cannot be used: {}",
                mapping.name,
                text.join("; ")
            )));
        }
        let json = serde_json::to_string(mapping)
            .map_err(|e| StoreError::Invalid(format!("the mapping could not be written: {e}")))?;
        self.conn.execute(
            "INSERT INTO column_mapping (name, layout, header_signature, json) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(name) DO UPDATE SET layout = ?2, header_signature = ?3, json = ?4",
            rusqlite::params![
                mapping.name,
                mapping.layout.key(),
                mapping.header_signature,
                json
            ],
        )?;
        Ok(())
    }

    /// Every saved mapping, by name.
    pub fn mappings(&self) -> Result<Vec<ColumnMapping>, StoreError> {
        load_mappings(&self.conn)
    }

    /// The mapping saved under `name`.
    pub fn mapping(&self, name: &str) -> Result<ColumnMapping, StoreError> {
        let saved = self.mappings()?;
        let names: Vec<String> = saved.iter().map(|m| m.name.clone()).collect();
        saved.into_iter().find(|m| m.name == name).ok_or_else(|| {
            StoreError::Invalid(format!(
                "no column mapping is saved as \"{name}\" (saved: {})",
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            ))
        })
    }
}
