//! Creating and opening assessment files. A file that is not ours, or that a newer version
//! wrote, is refused before anything could write to it.

use super::schema::{current_version, APPLICATION_ID, MIGRATIONS};
use super::StoreError;
use crate::import::crime_types::CRIME_TYPES;
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::{Path, PathBuf};

/// An open assessment file.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Open an existing assessment file, or create a new one if `path` does not exist
    /// (or is an empty file).
    pub fn open_or_create(path: &Path) -> Result<Store, StoreError> {
        let is_new = match std::fs::metadata(path) {
            Ok(meta) => meta.len() == 0,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
            Err(e) => return Err(StoreError::open(path, e)),
        };
        if !is_new {
            check_existing(path)?;
        }
        let conn = Connection::open(path).map_err(|e| StoreError::open(path, e))?;
        configure(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.migrate()?;
        Ok(store)
    }

    /// Open an assessment file that must already exist.
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::open(path, "the file does not exist"));
        }
        Self::open_or_create(path)
    }

    /// A private in-memory assessment (tests, previews).
    pub fn in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        configure(&conn)?;
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
        };
        store.migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let version: i32 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > current_version() {
            return Err(StoreError::TooNew {
                path: self.path.display().to_string(),
                found: version,
                supported: current_version(),
            });
        }
        if version == current_version() {
            return Ok(());
        }
        if version == 0 {
            // Larger pages: fewer B-tree pages to balance on a bulk load (only takes
            // effect on a new, empty file).
            self.conn.execute_batch("PRAGMA page_size = 8192;")?;
        }
        let tx = self.conn.transaction()?;
        for (from, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql)?;
            if from == 0 {
                seed_version_1(&tx)?;
            }
        }
        tx.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};",
            current_version()
        ))?;
        tx.commit()?;
        Ok(())
    }
}

fn seed_version_1(tx: &rusqlite::Transaction<'_>) -> Result<(), StoreError> {
    let mut insert = tx.prepare("INSERT INTO crime_type (id, name) VALUES (?1, ?2)")?;
    for (i, name) in CRIME_TYPES.iter().enumerate() {
        insert.execute(rusqlite::params![i as i64 + 1, name])?;
    }
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('created_by', ?1)",
        [concat!("csp-assessment ", env!("CARGO_PKG_VERSION"))],
    )?;
    Ok(())
}

fn configure(conn: &Connection) -> Result<(), StoreError> {
    // Rollback journal with synchronous=FULL: durable and crash-safe, and appends to
    // the fact table are not journaled, so a load costs little more than the writes.
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA journal_mode = DELETE;
         PRAGMA synchronous = FULL;
         PRAGMA busy_timeout = 2000;",
    )?;
    Ok(())
}

/// Refuse, without writing anything, a file that is not an assessment file or is too new.
fn check_existing(path: &Path) -> Result<(), StoreError> {
    let not_ours = |reason: &str| StoreError::NotAnAssessment {
        path: path.display().to_string(),
        reason: reason.to_string(),
    };
    let mut magic = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| StoreError::open(path, e))?;
    if file.read_exact(&mut magic).is_err() || &magic != SQLITE_MAGIC {
        return Err(not_ours("it is not a SQLite database"));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::open(path, e))?;
    let read = |sql: &str| -> Result<i32, StoreError> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(|e| not_ours(&format!("SQLite could not read it: {e}")))
    };
    let app_id = read("PRAGMA application_id")?;
    let version = read("PRAGMA user_version")?;
    let tables = read("SELECT count(*) FROM sqlite_master")?;
    if app_id != APPLICATION_ID && !(app_id == 0 && version == 0 && tables == 0) {
        return Err(not_ours("it is a SQLite database made by another program"));
    }
    if version > current_version() {
        return Err(StoreError::TooNew {
            path: path.display().to_string(),
            found: version,
            supported: current_version(),
        });
    }
    Ok(())
}
