//! Writing an import's rows: new dimension entries, incidents in multi-row INSERTs (50
//! rows a statement, prepared once; SQLite numbers them, each one past the largest rowid,
//! which spares it a uniqueness check per row), and rejected rows. Runs inside the caller's
//! transaction; decides nothing about what is valid.

use super::interner::PendingDimensions;
use rusqlite::{CachedStatement, Connection, Statement};

/// One incident as the fact table stores it (SQLite gives it its rowid).
#[derive(Debug, Clone, PartialEq)]
pub struct IncidentRecord {
    pub month: u32,
    pub crime_type: u8,
    pub reported_by: u32,
    pub falls_within: u32,
    pub outcome: Option<u32>,
    pub lsoa: Option<u32>,
    pub location: Option<u32>,
    pub coordinates: Option<(i32, i32)>,
    pub crime_id: Option<[u8; 32]>,
}

/// A row that was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedRecord {
    pub line: u64,
    pub column: Option<String>,
    pub reason: String,
    pub raw: String,
}

const ROWS_PER_INSERT: usize = 50;
/// The columns bound for each row; `source_id`, the same for every row, is `?1`, bound
/// once per statement.
const COLUMNS: usize = 10;

fn insert_sql(rows: usize) -> String {
    let one = format!("(?1,{})", ["?"; COLUMNS].join(","));
    format!(
        "INSERT INTO incident (source_id, month, crime_type_id, reported_by_id, falls_within_id, \
         outcome_id, lsoa_id, location_id, lon, lat, crime_id) VALUES {}",
        vec![one; rows].join(",")
    )
}

/// Writes batches into an open transaction.
pub struct BatchWriter<'c> {
    conn: &'c Connection,
    many: CachedStatement<'c>,
    source_id: i64,
}

impl<'c> BatchWriter<'c> {
    pub fn new(conn: &'c Connection, source_id: i64) -> rusqlite::Result<Self> {
        let mut many = conn.prepare_cached(&insert_sql(ROWS_PER_INSERT))?;
        // Bindings outlast each execution: `?1` stays bound for the whole file.
        many.raw_bind_parameter(1, source_id)?;
        Ok(BatchWriter {
            conn,
            many,
            source_id,
        })
    }

    pub fn connection(&self) -> &'c Connection {
        self.conn
    }

    pub fn source_id(&self) -> i64 {
        self.source_id
    }

    pub fn write_dimensions(&self, pending: &PendingDimensions) -> rusqlite::Result<()> {
        for (table, entries) in [
            ("outcome", &pending.outcome),
            ("force", &pending.force),
            ("location", &pending.location),
        ] {
            if entries.is_empty() {
                continue;
            }
            let mut stmt = self
                .conn
                .prepare_cached(&format!("INSERT INTO {table} (id, name) VALUES (?1, ?2)"))?;
            for (id, name, _) in entries {
                stmt.execute(rusqlite::params![id, name])?;
            }
        }
        let mut stmt = self
            .conn
            .prepare_cached("INSERT INTO lsoa (id, code, name) VALUES (?1, ?2, ?3)")?;
        for (id, code, name) in &pending.lsoa {
            stmt.execute(rusqlite::params![id, code, name])?;
        }
        Ok(())
    }

    pub fn write_incidents(&mut self, rows: &[IncidentRecord]) -> rusqlite::Result<()> {
        let mut chunks = rows.chunks_exact(ROWS_PER_INSERT);
        for chunk in &mut chunks {
            bind_rows(&mut self.many, chunk)?;
            self.many.raw_execute()?;
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut stmt = self.conn.prepare_cached(&insert_sql(rest.len()))?;
            stmt.raw_bind_parameter(1, self.source_id)?;
            bind_rows(&mut stmt, rest)?;
            stmt.raw_execute()?;
        }
        Ok(())
    }

    pub fn write_rejected(&self, rows: &[RejectedRecord]) -> rusqlite::Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO rejected_row (source_id, line, column_name, reason, raw) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for r in rows {
            stmt.execute(rusqlite::params![
                self.source_id,
                r.line as i64,
                r.column,
                r.reason,
                r.raw
            ])?;
        }
        Ok(())
    }
}

fn bind_rows(stmt: &mut Statement<'_>, rows: &[IncidentRecord]) -> rusqlite::Result<()> {
    for (i, r) in rows.iter().enumerate() {
        // `?1` is the source; each row's own values follow from `?2`.
        let base = 1 + i * COLUMNS;
        stmt.raw_bind_parameter(base + 1, r.month)?;
        stmt.raw_bind_parameter(base + 2, r.crime_type)?;
        stmt.raw_bind_parameter(base + 3, r.reported_by)?;
        stmt.raw_bind_parameter(base + 4, r.falls_within)?;
        stmt.raw_bind_parameter(base + 5, r.outcome)?;
        stmt.raw_bind_parameter(base + 6, r.lsoa)?;
        stmt.raw_bind_parameter(base + 7, r.location)?;
        stmt.raw_bind_parameter(base + 8, r.coordinates.map(|c| c.0))?;
        stmt.raw_bind_parameter(base + 9, r.coordinates.map(|c| c.1))?;
        stmt.raw_bind_parameter(base + 10, r.crime_id.as_ref().map(|b| &b[..]))?;
    }
    Ok(())
}
