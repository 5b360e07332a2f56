//! Interning repeated text (outcome, force, location, LSOA) into the integer ids the fact
//! table holds. Loaded from the file once per import; looks up raw cell bytes first, so a
//! repeated value costs one hash lookup and no allocation.
//!
//! Raw cells are keyed by their 128-bit XXH3 rather than by the bytes themselves: the
//! entries then sit in the table itself, and a lookup reads one cache line instead of also
//! following a pointer to a stored key and comparing it (on a national archive's 60,000
//! LSOAs and tens of thousands of locations that second read and compare were a sixth of
//! the parser's time). Two different cells share a fingerprint with probability about
//! n²/2¹²⁹ — for a million distinct values, 10⁻²⁷. New text is still checked against the
//! decoded values held (`by_text`), so a value read in two encodings gets one id.

mod code_slots;
mod fingerprint_slots;

use crate::import::text::decode_cell;
use code_slots::CodeSlots;
use fingerprint_slots::FingerprintSlots;
use rusqlite::Connection;
use rustc_hash::FxHashMap;

/// One dimension table's ids.
#[derive(Debug, Default)]
pub struct Dimension {
    /// Ids by the XXH3-128 of the raw cell (LSOA codes: by `codes`).
    by_raw: FingerprintSlots,
    codes: CodeSlots,
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
            dim.remember_raw(text.as_bytes(), id, || fingerprint(text.as_bytes()));
            dim.by_text.insert(text, id);
            dim.next_id = dim.next_id.max(id);
        }
        dim.next_id = dim.next_id.saturating_add(1);
        Ok(dim)
    }

    /// Start looking up a cell that [`Dimension::intern_ahead`] will be asked for after
    /// other work: its fingerprint is worked out and its slot fetched into the cache now,
    /// so that lookup does not wait on memory.
    pub fn look_ahead(&self, raw: &[u8]) -> LookAhead {
        let fingerprint = fingerprint(raw);
        self.by_raw.prefetch(fingerprint);
        LookAhead(fingerprint)
    }

    /// [`Dimension::intern_optional`] of the cell `ahead` was made from (or of an empty
    /// cell, which needs no look-ahead).
    pub fn intern_ahead(&mut self, raw: &[u8], ahead: LookAhead) -> Option<u32> {
        if raw.is_empty() {
            return None;
        }
        debug_assert_eq!(fingerprint(raw), ahead.0, "a look-ahead of another cell");
        Some(self.lookup_or_insert(raw, b"", Some(ahead.0)))
    }

    /// The id of a (trimmed, non-empty) cell; `extra` is stored with a new entry.
    pub fn intern(&mut self, raw: &[u8], extra: &[u8]) -> u32 {
        // Forces repeat row after row: one compare beats a hash.
        if !self.remember_last {
            return self.lookup_or_insert(raw, extra, None);
        }
        if let Some((last_raw, id)) = &self.last {
            if last_raw.as_ref() == raw {
                return *id;
            }
        }
        let id = self.lookup_or_insert(raw, extra, None);
        match &mut self.last {
            Some((last_raw, last_id)) if last_raw.len() == raw.len() => {
                last_raw.copy_from_slice(raw);
                *last_id = id;
            }
            last => *last = Some((raw.into(), id)),
        }
        id
    }

    /// `fingerprint` is the cell's, when already worked out.
    fn lookup_or_insert(&mut self, raw: &[u8], extra: &[u8], known: Option<u128>) -> u32 {
        let fingerprint = || known.unwrap_or_else(|| fingerprint(raw));
        let known = match self.codes.get(raw) {
            Some(id) => id,
            None => self.by_raw.get(fingerprint()),
        };
        if let Some(id) = known {
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
        self.remember_raw(raw, id, fingerprint);
        id
    }

    /// Remember `id` for the raw cell: by its slot if it is an LSOA code, else by its
    /// fingerprint (worked out only then).
    fn remember_raw(&mut self, raw: &[u8], id: u32, fingerprint: impl FnOnce() -> u128) {
        if !self.codes.insert(raw, id) {
            self.by_raw.insert(fingerprint(), id);
        }
    }

    /// Like [`Dimension::intern`], but `None` for an empty cell.
    pub fn intern_optional(&mut self, raw: &[u8], extra: &[u8]) -> Option<u32> {
        (!raw.is_empty()).then(|| self.intern(raw, extra))
    }

    pub fn take_pending(&mut self) -> Vec<(u32, String, String)> {
        std::mem::take(&mut self.pending)
    }

    /// Forget every entry with an id from `first_new` on (what a rejected file added: its
    /// rows, and these entries with them, are rolled back in the assessment file).
    fn forget_from(&mut self, first_new: u32) {
        self.by_raw.retain(|id| id < first_new);
        self.codes.forget_from(first_new);
        self.by_text.retain(|_, id| *id < first_new);
        self.pending.retain(|(id, _, _)| *id < first_new);
        self.last = None;
        self.next_id = first_new;
    }
}

/// A cell's fingerprint, worked out (and its slot fetched) by [`Dimension::look_ahead`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LookAhead(u128);

/// Where every dimension stood before a file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InternerMark([u32; 4]);

/// All dimensions the police.uk importer fills.
#[derive(Debug)]
pub struct Interners {
    pub outcome: Dimension,
    pub force: Dimension,
    pub location: Dimension,
    pub lsoa: Dimension,
}

/// The XXH3-128 a raw cell is looked up by.
fn fingerprint(raw: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(raw)
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

    /// The (location, LSOA) ids of a row's cells, `None` for an empty cell; `lsoa_name` is
    /// stored with a new LSOA. `ahead` is the location cell's look-ahead, if one was made.
    pub fn place(
        &mut self,
        location: &[u8],
        lsoa_code: &[u8],
        lsoa_name: &[u8],
        ahead: Option<LookAhead>,
    ) -> (Option<u32>, Option<u32>) {
        let location = match ahead {
            Some(ahead) => self.location.intern_ahead(location, ahead),
            None => self.location.intern_optional(location, b""),
        };
        (location, self.lsoa.intern_optional(lsoa_code, lsoa_name))
    }

    /// Where the dimensions stand now, to go back to if the next file is rejected.
    pub fn mark(&self) -> InternerMark {
        InternerMark(self.all().map(|d| d.next_id))
    }

    /// Go back to `mark`: the entries added since are forgotten.
    pub fn forget_since(&mut self, mark: InternerMark) {
        let [outcome, force, location, lsoa] = mark.0;
        self.outcome.forget_from(outcome);
        self.force.forget_from(force);
        self.location.forget_from(location);
        self.lsoa.forget_from(lsoa);
    }

    fn all(&self) -> [&Dimension; 4] {
        [&self.outcome, &self.force, &self.location, &self.lsoa]
    }

    /// Distinct values read with the Windows-1252 fallback so far.
    pub fn windows_1252_values(&self) -> u64 {
        self.all().iter().map(|d| d.windows_1252_values).sum()
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

    #[test]
    fn forgetting_a_rejected_file_reuses_its_ids() {
        let mut dim = Dimension {
            next_id: 1,
            remember_last: true,
            ..Default::default()
        };
        assert_eq!(dim.intern(b"Kent Police", b""), 1);
        dim.take_pending();
        let mark = dim.next_id;
        assert_eq!(dim.intern(b"Essex Police", b""), 2);
        dim.forget_from(mark);
        assert!(dim.take_pending().is_empty());
        assert_eq!(dim.intern(b"Surrey Police", b""), 2);
        assert_eq!(dim.intern(b"Kent Police", b""), 1);
        assert_eq!(dim.intern(b"Essex Police", b""), 3);
    }

    #[test]
    fn places_share_the_dimensions_and_are_forgotten_with_them() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE outcome (id INTEGER PRIMARY KEY, name TEXT);
             CREATE TABLE force (id INTEGER PRIMARY KEY, name TEXT);
             CREATE TABLE location (id INTEGER PRIMARY KEY, name TEXT);
             CREATE TABLE lsoa (id INTEGER PRIMARY KEY, code TEXT, name TEXT);",
        )
        .unwrap();
        let mut all = Interners::load(&conn).unwrap();
        let first = all.place(b"On or near High Street", b"E01000001", b"A 001A", None);
        assert_eq!(first, (Some(1), Some(1)));
        assert_eq!(
            all.place(b"On or near High Street", b"E01000001", b"", None),
            first
        );
        // The same street in another LSOA, and a row with no location.
        assert_eq!(
            all.place(b"On or near High Street", b"E01000002", b"A 001B", None),
            (Some(1), Some(2))
        );
        assert_eq!(all.place(b"", b"", b"", None), (None, None));
        assert_eq!(all.location.intern(b"On or near High Street", b""), 1);
        // A look-ahead finds what a plain lookup finds, and adds what is new the same way.
        let ahead = all.location.look_ahead(b"On or near High Street");
        assert_eq!(
            all.place(b"On or near High Street", b"", b"", Some(ahead)),
            (Some(1), None)
        );
        let ahead = all.location.look_ahead(b"On or near Low Road");
        assert_eq!(all.location.intern_ahead(b"", ahead), None);
        let mark = all.mark();
        assert_eq!(
            all.place(b"On or near Low Road", b"E01000003", b"", None),
            (Some(2), Some(3))
        );
        all.forget_since(mark);
        assert_eq!(
            all.place(b"On or near Mill Lane", b"E01000004", b"", None),
            (Some(2), Some(3))
        );
        assert_eq!(
            all.place(b"On or near High Street", b"E01000001", b"", None),
            first
        );
    }
}
