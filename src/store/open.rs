//! Creating and opening assessment files. A file that is not ours, or that a newer version
//! wrote, is refused before anything could write to it.

use super::identity::{insert_token_if_missing, FileIdentity};
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
    /// The file's identity when opened, to notice it being deleted or replaced.
    identity: Option<FileIdentity>,
}

/// How long a call waits for another connection's lock before reporting the file in use.
pub const BUSY_WAIT_MS: u64 = 2000;

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
        let conn = Connection::open(path).map_err(|e| open_error(path, e))?;
        configure(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            identity: None,
        };
        store.migrate()?;
        // Taken once the file is written (a new file is created by the migration).
        store.identity = Some(FileIdentity::of(&store.conn, path));
        Ok(store)
    }

    /// Open an assessment file that must already exist.
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::open(path, "the file does not exist"));
        }
        Self::open_or_create(path)
    }

    /// Open an existing assessment file for reading only (a priority lead reviewing the
    /// analyst's file): SQLite itself refuses every write, so nothing can change it. A
    /// file an older version wrote is refused, since bringing it up to date is a write.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::open(path, "the file does not exist"));
        }
        check_existing(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(path, e))?;
        conn.busy_timeout(std::time::Duration::from_millis(BUSY_WAIT_MS))?;
        let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version < current_version() {
            return Err(StoreError::open(
                path,
                "it was last saved by an older version of this app; open it once normally (not read-only) so it is brought up to date, then open it read-only",
            ));
        }
        // A read-only file's identity is read, never written (a file without one has none).
        let identity = Some(FileIdentity::of(&conn, path));
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            identity,
        })
    }

    /// True when the file was opened read-only (or SQLite could only open it so).
    pub fn is_read_only(&self) -> bool {
        self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
    }

    /// A private in-memory assessment (tests, previews).
    pub fn in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        configure(&conn)?;
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
            identity: None,
        };
        store.migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Let the file grow to at most `pages` pages on this connection, so tests can meet a
    /// full disk without filling one.
    #[doc(hidden)]
    pub fn limit_size_for_tests(&self, pages: u32) -> Result<(), StoreError> {
        self.conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))?;
        Ok(())
    }

    /// After a write failed: make SQLite put the file back now, not at the next open.
    /// After some errors (a full disk, an I/O error) it leaves the rollback journal in
    /// place and plays it back at the next read; this is that read. A failure here
    /// leaves the journal for the next open, which rolls back just the same.
    pub fn finish_rollback(&self) {
        let _ = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            });
    }

    /// Before a write: fail, saying why, if the file can no longer be written — it was
    /// deleted or replaced since it was opened (writing would go to a file nobody can
    /// see), or SQLite opened it read-only.
    pub fn check_writable(&self) -> Result<(), StoreError> {
        if let Some(identity) = &self.identity {
            if !identity.still_at(&self.path) {
                return Err(StoreError::Gone {
                    path: self.path.display().to_string(),
                });
            }
        }
        if self.conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(StoreError::ReadOnly(format!(
                "{} could only be opened for reading",
                self.path.display()
            )));
        }
        Ok(())
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
    insert_token_if_missing(tx)?;
    Ok(())
}

fn configure(conn: &Connection) -> Result<(), StoreError> {
    // A file another copy of the app is writing is waited for, briefly, then reported.
    conn.busy_timeout(std::time::Duration::from_millis(BUSY_WAIT_MS))?;
    // Rollback journal with synchronous=FULL: durable and crash-safe, and appends to
    // the fact table are not journaled, so a load costs little more than the writes.
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA journal_mode = DELETE;
         PRAGMA synchronous = FULL;",
    )?;
    Ok(())
}

/// A file SQLite could not open, with a reason the analyst can act on.
fn open_error(path: &Path, error: rusqlite::Error) -> StoreError {
    match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::CannotOpen) => StoreError::open(
            path,
            "the file or its folder cannot be written or read (check that the folder exists and is not read-only)",
        ),
        _ => StoreError::open(path, error),
    }
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
    match read_header_values(path) {
        // A journal left by a write that was interrupted (a crash, a power cut): a
        // read-only connection may not roll it back. Let SQLite do so, as it would on any
        // open, which puts the file back as it was before that write; then check again.
        Err(StoreError::ReadOnly(_)) if journal_path(path).exists() => {
            let conn = Connection::open(path).map_err(|e| open_error(path, e))?;
            conn.busy_timeout(std::time::Duration::from_millis(BUSY_WAIT_MS))?;
            conn.query_row("PRAGMA schema_version", [], |r| r.get::<_, i64>(0))?;
            drop(conn);
            read_header_values(path)
        }
        other => other,
    }
}

fn journal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-journal");
    PathBuf::from(name)
}

/// Refuse a SQLite file that is not ours or is too new, reading it without writing.
fn read_header_values(path: &Path) -> Result<(), StoreError> {
    let not_ours = |reason: &str| StoreError::NotAnAssessment {
        path: path.display().to_string(),
        reason: reason.to_string(),
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| open_error(path, e))?;
    conn.busy_timeout(std::time::Duration::from_millis(BUSY_WAIT_MS))?;
    let read = |sql: &str| -> Result<i32, StoreError> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(|e| match StoreError::from(e) {
                StoreError::Sqlite(e) => not_ours(&format!("SQLite could not read it: {e}")),
                StoreError::Corrupt(reason) => {
                    StoreError::Corrupt(format!("{}: {reason}", path.display()))
                }
                known => known,
            })
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
