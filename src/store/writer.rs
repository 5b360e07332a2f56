//! Writing an import's rows: new dimension entries, incidents in multi-row INSERTs (50
//! rows a statement, prepared once; SQLite numbers them, each one past the largest rowid,
//! which spares it a uniqueness check per row), and rejected rows. Runs inside the caller's
//! transaction; decides nothing about what is valid.

use super::interner::PendingDimensions;
use super::raw_insert::RawInsert;
use rusqlite::Connection;

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

/// The fact table's INSERT statements, prepared once for a whole import batch (a
/// national archive is 1,500 files): one for 50 rows, one for the rows left over.
pub struct IncidentInserts<'c> {
    conn: &'c Connection,
    many: Option<RawInsert<'c>>,
    one: Option<RawInsert<'c>>,
}

impl<'c> IncidentInserts<'c> {
    pub fn new(conn: &'c Connection) -> Self {
        IncidentInserts {
            conn,
            many: None,
            one: None,
        }
    }

    /// Append `rows` from source `source_id` to the fact table.
    pub fn write(&mut self, source_id: i64, rows: &[IncidentRecord]) -> rusqlite::Result<()> {
        let mut chunks = rows.chunks_exact(ROWS_PER_INSERT);
        if chunks.len() > 0 {
            let many = prepared(&mut self.many, self.conn, ROWS_PER_INSERT)?;
            many.bind_int(1, Some(source_id))?;
            for chunk in &mut chunks {
                bind_rows(many, chunk)?;
                many.run()?;
            }
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let one = prepared(&mut self.one, self.conn, 1)?;
            one.bind_int(1, Some(source_id))?;
            for row in rest {
                bind_rows(one, std::slice::from_ref(row))?;
                one.run()?;
            }
        }
        Ok(())
    }
}

/// The statement in `slot` for `rows` rows, prepared the first time.
fn prepared<'s, 'c>(
    slot: &'s mut Option<RawInsert<'c>>,
    conn: &'c Connection,
    rows: usize,
) -> rusqlite::Result<&'s mut RawInsert<'c>> {
    match slot {
        Some(statement) => Ok(statement),
        None => Ok(slot.insert(RawInsert::prepare(conn, &insert_sql(rows))?)),
    }
}

/// Writes batches into an open transaction.
pub struct BatchWriter<'c> {
    conn: &'c Connection,
    source_id: i64,
}

impl<'c> BatchWriter<'c> {
    pub fn new(conn: &'c Connection, source_id: i64) -> Self {
        BatchWriter { conn, source_id }
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

    pub fn write_incidents(
        &self,
        inserts: &mut IncidentInserts<'c>,
        rows: &[IncidentRecord],
    ) -> rusqlite::Result<()> {
        inserts.write(self.source_id, rows)
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

/// Bind every row's own values (from `?2`), all of them: a blob is bound uncopied, and
/// is read when the statement runs, before `rows` can go.
fn bind_rows(stmt: &mut RawInsert<'_>, rows: &[IncidentRecord]) -> rusqlite::Result<()> {
    for (i, r) in rows.iter().enumerate() {
        // `?1` is the source; each row's own values follow from `?2`.
        let base = 1 + i * COLUMNS;
        stmt.bind_int(base + 1, Some(i64::from(r.month)))?;
        stmt.bind_int(base + 2, Some(i64::from(r.crime_type)))?;
        stmt.bind_int(base + 3, Some(i64::from(r.reported_by)))?;
        stmt.bind_int(base + 4, Some(i64::from(r.falls_within)))?;
        stmt.bind_int(base + 5, r.outcome.map(i64::from))?;
        stmt.bind_int(base + 6, r.lsoa.map(i64::from))?;
        stmt.bind_int(base + 7, r.location.map(i64::from))?;
        stmt.bind_int(base + 8, r.coordinates.map(|c| i64::from(c.0)))?;
        stmt.bind_int(base + 9, r.coordinates.map(|c| i64::from(c.1)))?;
        stmt.bind_blob_until_run(base + 10, r.crime_id.as_ref().map(|b| &b[..]))?;
    }
    Ok(())
}
