//! Interning repeated text (outcome, force, location, LSOA) into the integer ids the fact
//! table holds. Loaded from the file once per import; looks up raw cell bytes first, so a
//! repeated value costs one hash lookup and no allocation.

use crate::import::text::decode_cell;
use rusqlite::Connection;
use rustc_hash::FxHashMap;

/// One dimension table's ids.
#[derive(Debug, Default)]
pub struct Dimension {
    by_raw: FxHashMap<Box<[u8]>, u32>,
    by_text: FxHashMap<String, u32>,
    next_id: u32,
    /// Whether values tend to repeat from one row to the next (forces), so that
    /// remembering the last one pays.
    remember_last: bool,
    /// The last value interned and its id.
    last: Option<(Box<[u8]>, u32)>,
    /// New entries not yet written: (id, text, extra text such as an LSOA name).
    pending: Vec<(u32, String, String)>,
    /// How many distinct values needed the Windows-1252 fallback.
    pub windows_1252_values: u64,
}

impl Dimension {
    fn load(conn: &Connection, sql: &str) -> rusqlite::Result<Self> {
        let mut dim = Dimension::default();
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: u32 = row.get(0)?;
            let text: String = row.get(1)?;
            dim.by_raw.insert(text.as_bytes().into(), id);
            dim.by_text.insert(text, id);
            dim.next_id = dim.next_id.max(id);
        }
        dim.next_id = dim.next_id.saturating_add(1);
        Ok(dim)
    }

    /// The id of a (trimmed, non-empty) cell; `extra` is stored with a new entry.
    pub fn intern(&mut self, raw: &[u8], extra: &[u8]) -> u32 {
        // Forces repeat row after row: one compare beats a hash.
        if !self.remember_last {
            return self.lookup_or_insert(raw, extra);
        }
        if let Some((last_raw, id)) = &self.last {
            if last_raw.as_ref() == raw {
                return *id;
            }
        }
        let id = self.lookup_or_insert(raw, extra);
        match &mut self.last {
            Some((last_raw, last_id)) if last_raw.len() == raw.len() => {
                last_raw.copy_from_slice(raw);
                *last_id = id;
            }
            last => *last = Some((raw.into(), id)),
        }
        id
    }

    fn lookup_or_insert(&mut self, raw: &[u8], extra: &[u8]) -> u32 {
        if let Some(&id) = self.by_raw.get(raw) {
            return id;
        }
        let (text, fallback) = decode_cell(raw);
        let id = match self.by_text.get(text.as_ref()) {
            Some(&id) => id,
            None => {
                let id = self.next_id;
                self.next_id = self.next_id.saturating_add(1);
                let (extra, _) = decode_cell(extra);
                self.pending
                    .push((id, text.clone().into_owned(), extra.into_owned()));
                self.by_text.insert(text.into_owned(), id);
                if fallback {
                    self.windows_1252_values += 1;
                }
                id
            }
        };
        self.by_raw.insert(raw.into(), id);
        id
    }

    /// Like [`Dimension::intern`], but `None` for an empty cell.
    pub fn intern_optional(&mut self, raw: &[u8], extra: &[u8]) -> Option<u32> {
        (!raw.is_empty()).then(|| self.intern(raw, extra))
    }

    pub fn take_pending(&mut self) -> Vec<(u32, String, String)> {
        std::mem::take(&mut self.pending)
    }
}

/// All dimensions the police.uk importer fills.
#[derive(Debug)]
pub struct Interners {
    pub outcome: Dimension,
    pub force: Dimension,
    pub location: Dimension,
    pub lsoa: Dimension,
}

impl Interners {
    pub fn load(conn: &Connection) -> rusqlite::Result<Self> {
        Ok(Interners {
            outcome: Dimension::load(conn, "SELECT id, name FROM outcome")?,
            force: Dimension {
                remember_last: true,
                ..Dimension::load(conn, "SELECT id, name FROM force")?
            },
            location: Dimension::load(conn, "SELECT id, name FROM location")?,
            lsoa: Dimension::load(conn, "SELECT id, code FROM lsoa")?,
        })
    }

    pub fn windows_1252_values(&self) -> u64 {
        [&self.outcome, &self.force, &self.location, &self.lsoa]
            .iter()
            .map(|d| d.windows_1252_values)
            .sum()
    }

    /// New entries of every dimension, to write before the rows that use them.
    pub fn take_pending(&mut self) -> PendingDimensions {
        PendingDimensions {
            outcome: self.outcome.take_pending(),
            force: self.force.take_pending(),
            location: self.location.take_pending(),
            lsoa: self.lsoa.take_pending(),
        }
    }
}

/// Dimension entries created since the last batch.
#[derive(Debug, Default)]
pub struct PendingDimensions {
    pub outcome: Vec<(u32, String, String)>,
    pub force: Vec<(u32, String, String)>,
    pub location: Vec<(u32, String, String)>,
    pub lsoa: Vec<(u32, String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_encodings_of_one_value_share_an_id() {
        let mut dim = Dimension {
            next_id: 1,
            ..Default::default()
        };
        let utf8 = dim.intern("Café Street".as_bytes(), b"");
        let cp1252 = dim.intern(b"Caf\xe9 Street", b"");
        assert_eq!(utf8, cp1252);
        assert_eq!(dim.take_pending().len(), 1);
        assert_eq!(dim.intern_optional(b"", b""), None);
    }
}
