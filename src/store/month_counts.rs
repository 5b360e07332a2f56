//! The counts every page reads, kept current by imports and replacements: for each month,
//! incidents per (crime type, LSOA), packed into one BLOB per month. A bulk load then
//! writes one row per month instead of one per (month, type, LSOA) group — on police.uk
//! data that is half a million B-tree upserts per million rows saved — and a page reads
//! a year as 12 rows.
//!
//! Blob format: repeated (crime type: 1 byte, LSOA id: LEB128, count: LEB128), sorted by
//! (type, LSOA), counts > 0. LSOA id 0 = not placed in an LSOA ("No Location").

use super::StoreError;
use rusqlite::{Connection, OptionalExtension};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// One maintained-count change: ((month, crime type, LSOA id or 0), rows to add).
pub type CountDelta = ((u32, u8, u32), i64);

/// One (crime type, LSOA) cell of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cell {
    pub crime_type: u8,
    pub lsoa: u32,
    pub n: i64,
}

pub fn encode(cells: &[Cell]) -> Vec<u8> {
    let mut out = Vec::with_capacity(cells.len() * 4);
    for c in cells {
        out.push(c.crime_type);
        put_varint(&mut out, u64::from(c.lsoa));
        put_varint(&mut out, c.n.max(0) as u64);
    }
    out
}

pub fn decode(blob: &[u8]) -> Result<Vec<Cell>, StoreError> {
    let mut cells = Vec::with_capacity(blob.len() / 4);
    decode_each(blob, |cell| cells.push(cell))?;
    Ok(cells)
}

/// Calls `visit` with each cell of a blob, in order, without collecting them.
fn decode_each(blob: &[u8], mut visit: impl FnMut(Cell)) -> Result<(), StoreError> {
    let mut pos = 0;
    while let Some(&crime_type) = blob.get(pos) {
        pos += 1;
        let lsoa = get_varint(blob, &mut pos)?;
        let n = get_varint(blob, &mut pos)?;
        visit(Cell {
            crime_type,
            lsoa: u32::try_from(lsoa).map_err(|_| corrupt())?,
            n: i64::try_from(n).map_err(|_| corrupt())?,
        });
    }
    Ok(())
}

fn corrupt() -> StoreError {
    StoreError::Corrupt("a monthly count record could not be read".into())
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(blob: &[u8], pos: &mut usize) -> Result<u64, StoreError> {
    // Most values (every count, small LSOA ids) take one byte.
    if let Some(&byte) = blob.get(*pos) {
        if byte & 0x80 == 0 {
            *pos += 1;
            return Ok(u64::from(byte));
        }
    }
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *blob.get(*pos).ok_or_else(corrupt)?;
        *pos += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err(corrupt())
}

/// Add deltas (any order) to the stored months.
pub fn add(conn: &Connection, deltas: &[CountDelta]) -> Result<(), StoreError> {
    let mut pending = PendingCounts::default();
    pending.add(deltas);
    pending.flush(conn)
}

/// One month's changes: (crime type, LSOA id or 0) → change.
type CellChanges = FxHashMap<(u8, u32), i64>;

/// Count changes gathered in memory and written in one pass per month: a batch of many
/// small files (a police.uk download has one per force and month) then rewrites each
/// month's record once, not once per file. Changes of any sign may be gathered in any
/// order; what is written is the sum, so no cell is ever seen below zero.
#[derive(Debug, Default)]
pub struct PendingCounts {
    /// By month, in month order: (crime type, LSOA id) → change.
    months: Vec<(u32, CellChanges)>,
    /// The index in `months` last added to (rows come month by month).
    last: usize,
    /// Changes taken in whole from other sets (the files kept), by month, in no order:
    /// kept as lists and summed when written, not added cell by cell into `months`.
    parts: Vec<(u32, Vec<CellChange>)>,
    cells: usize,
}

/// One cell's change: ((crime type, LSOA id or 0), change).
pub type CellChange = ((u8, u32), i64);

impl PendingCounts {
    pub fn add(&mut self, deltas: &[CountDelta]) {
        for &((month, crime_type, lsoa), n) in deltas {
            self.add_one(month, crime_type, lsoa, n);
        }
    }

    /// Take in one month's cells, listed in (crime type, LSOA) order with no cell twice.
    pub fn add_listed(&mut self, month: u32, cells: Vec<CellChange>) {
        if cells.is_empty() {
            return;
        }
        self.cells += cells.len();
        self.parts.push((month, cells));
    }

    /// Add `n` to one cell.
    pub fn add_one(&mut self, month: u32, crime_type: u8, lsoa: u32, n: i64) {
        let cells = self.month_cells(month);
        let before = cells.len();
        *cells.entry((crime_type, lsoa)).or_default() += n;
        let added = cells.len() - before;
        self.cells += added;
    }

    fn month_cells(&mut self, month: u32) -> &mut FxHashMap<(u8, u32), i64> {
        if self.months.get(self.last).map(|m| m.0) != Some(month) {
            self.last = match self.months.binary_search_by_key(&month, |m| m.0) {
                Ok(i) => i,
                Err(i) => {
                    self.months.insert(i, (month, FxHashMap::default()));
                    i
                }
            };
        }
        &mut self.months[self.last].1
    }

    /// Take in another set of changes (a file's, once it is kept). Its cells are listed,
    /// not added one by one: they are summed with the rest when written.
    pub fn merge(&mut self, other: PendingCounts) {
        if self.is_empty() {
            *self = other;
            return;
        }
        self.cells += other.cells;
        self.parts.extend(other.parts);
        let listed = other
            .months
            .into_iter()
            .map(|(month, cells)| (month, cells.into_iter().collect()));
        self.parts.extend(listed);
    }

    /// (month, cell) entries held: what bounds the memory this takes.
    pub fn len(&self) -> usize {
        self.cells
    }

    pub fn is_empty(&self) -> bool {
        self.cells == 0
    }

    /// Add everything held to the stored months, and forget it.
    pub fn flush(&mut self, conn: &Connection) -> Result<(), StoreError> {
        let mut read = conn.prepare_cached("SELECT counts FROM month_count WHERE month = ?1")?;
        let mut write = conn.prepare_cached(
            "INSERT INTO month_count (month, counts) VALUES (?1, ?2)
             ON CONFLICT (month) DO UPDATE SET counts = excluded.counts",
        )?;
        let mut delete = conn.prepare_cached("DELETE FROM month_count WHERE month = ?1")?;
        let PendingCounts { months, parts, .. } = std::mem::take(self);
        let mut by_month: BTreeMap<u32, Vec<CellChange>> = BTreeMap::new();
        for (month, cells) in months {
            by_month.entry(month).or_default().extend(cells);
        }
        for (month, cells) in parts {
            by_month.entry(month).or_default().extend(cells);
        }
        for (month, changes) in by_month {
            let stored: Option<Vec<u8>> = read.query_row([month], |r| r.get(0)).optional()?;
            let stored = match stored {
                Some(blob) => decode(&blob)?,
                None => Vec::new(),
            };
            let cells = apply(stored, changes);
            if cells.is_empty() {
                delete.execute([month])?;
            } else {
                write.execute(rusqlite::params![month, encode(&cells)])?;
            }
        }
        Ok(())
    }
}

/// Stored cells (sorted by type and LSOA) plus changes: the sorted cells above zero.
fn apply(stored: Vec<Cell>, mut changes: Vec<CellChange>) -> Vec<Cell> {
    changes.sort_unstable_by_key(|(key, _)| *key);
    // Changes to one cell from several files: summed into one.
    changes.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 += later.1;
        }
        same
    });
    let mut out = Vec::with_capacity(stored.len() + changes.len());
    let mut stored = stored.into_iter().peekable();
    let mut changes = changes.into_iter().peekable();
    loop {
        let next = match (stored.peek(), changes.peek()) {
            (None, None) => break,
            (Some(_), None) => stored.next().map(|c| (c.crime_type, c.lsoa, c.n)),
            (None, Some(_)) => changes.next().map(|((t, l), n)| (t, l, n)),
            (Some(c), Some(&((t, l), n))) => match (c.crime_type, c.lsoa).cmp(&(t, l)) {
                std::cmp::Ordering::Less => stored.next().map(|c| (c.crime_type, c.lsoa, c.n)),
                std::cmp::Ordering::Greater => changes.next().map(|_| (t, l, n)),
                std::cmp::Ordering::Equal => {
                    let total = c.n + n;
                    stored.next();
                    changes.next();
                    Some((t, l, total))
                }
            },
        };
        if let Some((crime_type, lsoa, n)) = next.filter(|c| c.2 > 0) {
            out.push(Cell {
                crime_type,
                lsoa,
                n,
            });
        }
    }
    out
}

/// Every stored month with its cells, optionally limited to `first..=last`.
pub fn read_months(
    conn: &Connection,
    range: Option<(u32, u32)>,
) -> Result<Vec<(u32, Vec<Cell>)>, StoreError> {
    let (first, last) = range.unwrap_or((0, u32::MAX));
    let mut stmt = conn.prepare_cached(
        "SELECT month, counts FROM month_count WHERE month BETWEEN ?1 AND ?2 ORDER BY month",
    )?;
    let rows = stmt.query_map(rusqlite::params![first, last], |r| {
        Ok((r.get::<_, u32>(0)?, r.get::<_, Vec<u8>>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (month, blob) = row?;
        out.push((month, decode(&blob)?));
    }
    Ok(out)
}

/// Calls `visit` with each month held, ascending, and its cells, decoding one month at a
/// time (memory stays that of one month however many are held).
pub fn for_each_month(
    conn: &Connection,
    mut visit: impl FnMut(u32, Vec<Cell>),
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached("SELECT month, counts FROM month_count ORDER BY month")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let blob: Vec<u8> = row.get(1)?;
        visit(row.get(0)?, decode(&blob)?);
    }
    Ok(())
}

/// Every month's cells summed by LSOA (crime type 0), one month decoded at a time: what
/// district totals need, in memory that does not grow with the number of months.
pub fn lsoa_totals(conn: &Connection) -> Result<Vec<Cell>, StoreError> {
    // LSOA ids are dense (1, 2, 3… as interned; 0 for no LSOA), so a vector indexed by id
    // sums every month's cells without a map lookup per cell; an id no import would give
    // (a damaged file) goes to a map instead of sizing the vector.
    const DENSE_IDS: usize = 1 << 22;
    let mut dense: Vec<i64> = Vec::new();
    let mut sparse: BTreeMap<u32, i64> = BTreeMap::new();
    let mut stmt = conn.prepare_cached("SELECT counts FROM month_count")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let blob = row.get_ref(0)?.as_blob().map_err(|_| corrupt())?;
        decode_each(blob, |cell| {
            let i = cell.lsoa as usize;
            if i >= DENSE_IDS {
                *sparse.entry(cell.lsoa).or_default() += cell.n;
                return;
            }
            if i >= dense.len() {
                dense.resize(i + 1, 0);
            }
            dense[i] += cell.n;
        })?;
    }
    let dense = dense
        .into_iter()
        .enumerate()
        .filter(|&(_, n)| n != 0)
        .map(|(lsoa, n)| (lsoa as u32, n));
    Ok(dense
        .chain(sparse)
        .map(|(lsoa, n)| Cell {
            crime_type: 0,
            lsoa,
            n,
        })
        .collect())
}

#[cfg(test)]
mod tests;
