//! Telling the assessment file a store opened from another file at the same path, so a
//! write never goes to a file that was deleted, moved or replaced under the app.

use super::open::BUSY_WAIT_MS;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// The `meta` key of the random identity every assessment file carries.
const IDENTITY_KEY: &str = "file_identity";

/// What tells the file this store opened from another file at the same path: a random
/// identity written inside the file, which a copy, a restore or a sync client carries
/// along only with the file's contents, and on Unix the device and inode, which stay the
/// file's own for as long as the app holds it open. Creation and change times are not used: wine
/// reports the change time as the creation time, and network shares and synced folders
/// (OneDrive) rewrite them, so comparing them raised false alarms. Nor is the Windows
/// file index, which SMB shares and FAT report unreliably; a Windows copy of SQLite opens
/// the file without `FILE_SHARE_DELETE`, so Windows itself refuses to delete, rename or
/// replace it while it is open, and the identity inside covers a file put there before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FileIdentity {
    /// The random identity kept in `meta` (`None` only if it could not be written).
    token: Option<String>,
    #[cfg(unix)]
    device_inode: Option<(u64, u64)>,
}

impl FileIdentity {
    /// The identity of the file `conn` has open at `path`.
    pub(super) fn of(conn: &Connection, path: &Path) -> FileIdentity {
        FileIdentity {
            token: ensure_identity_token(conn),
            #[cfg(unix)]
            device_inode: device_inode(path),
        }
    }

    /// Whether the file now at `path` is still the one this identity was taken from.
    /// Only a positive sign of another file (none there, another inode, another
    /// identity inside, not an assessment file) says no; a question that cannot be
    /// answered (a share that does not say, a file locked for a moment) says yes, and
    /// SQLite reports any real problem when it writes.
    pub(super) fn still_at(&self, path: &Path) -> bool {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return false,
            _ => {}
        }
        #[cfg(unix)]
        if self.device_inode.is_some() && device_inode(path) != self.device_inode {
            return false;
        }
        let Some(token) = &self.token else {
            return true;
        };
        match token_at(path) {
            Ok(found) => found.as_ref() == Some(token),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) =>
            {
                true
            }
            Err(_) => false,
        }
    }
}

#[cfg(unix)]
fn device_inode(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path)
        .ok()
        .map(|meta| (meta.dev(), meta.ino()))
}

/// The identity stored in the file `conn` has open, written first if the file has none
/// (a file made before identities were kept). `None` if it can be neither read nor
/// written (a read-only file: its writes are refused anyway).
fn ensure_identity_token(conn: &Connection) -> Option<String> {
    if let Ok(Some(token)) = read_token(conn) {
        return Some(token);
    }
    insert_token_if_missing(conn).ok()?;
    read_token(conn).ok().flatten()
}

/// Give the file `conn` has open a random identity, unless it has one.
pub(super) fn insert_token_if_missing(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES (?1, lower(hex(randomblob(16))))",
        [IDENTITY_KEY],
    )?;
    Ok(())
}

fn read_token(conn: &Connection) -> rusqlite::Result<Option<String>> {
    use rusqlite::OptionalExtension;
    conn.query_row(
        "SELECT value FROM meta WHERE key = ?1",
        [IDENTITY_KEY],
        |r| r.get(0),
    )
    .optional()
}

/// The identity inside the file now at `path`, read through a connection of its own
/// (the store's connection would read the file it has open, even one since deleted).
fn token_at(path: &Path) -> rusqlite::Result<Option<String>> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_millis(BUSY_WAIT_MS))?;
    read_token(&conn)
}

#[cfg(test)]
mod tests {
    use crate::store::{Store, StoreError};
    use std::path::Path;

    fn identity_in(path: &Path) -> Option<String> {
        let conn = rusqlite::Connection::open(path).unwrap();
        super::read_token(&conn).unwrap()
    }

    #[test]
    fn every_new_file_carries_an_identity_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (
            dir.path().join("a.assessment"),
            dir.path().join("b.assessment"),
        );
        drop(Store::open_or_create(&a).unwrap());
        drop(Store::open_or_create(&b).unwrap());
        let (id_a, id_b) = (identity_in(&a).unwrap(), identity_in(&b).unwrap());
        assert_eq!(id_a.len(), 32, "{id_a}");
        assert_ne!(id_a, id_b);
        // Reopening neither changes it nor writes the file.
        let bytes = std::fs::read(&a).unwrap();
        drop(Store::open_existing(&a).unwrap());
        assert_eq!(identity_in(&a).unwrap(), id_a);
        assert_eq!(std::fs::read(&a).unwrap(), bytes);
    }

    #[test]
    fn a_file_made_before_identities_gets_one_when_opened_and_can_be_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.assessment");
        drop(Store::open_or_create(&path).unwrap());
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute("DELETE FROM meta WHERE key = 'file_identity'", [])
            .unwrap();
        let store = Store::open_existing(&path).unwrap();
        store.check_writable().unwrap();
        assert!(identity_in(&path).is_some());
    }

    /// Times are what wine, shares and sync clients get wrong: changing them is no alarm.
    #[test]
    fn new_times_on_the_same_file_raise_no_alarm() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("times.assessment");
        let store = Store::open_or_create(&path).unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1 << 30);
        file.set_times(
            std::fs::FileTimes::new()
                .set_modified(long_ago)
                .set_accessed(long_ago),
        )
        .unwrap();
        store.check_writable().unwrap();
    }

    /// Another assessment file's bytes written over this one in place (same inode, as a
    /// sync client or a restore tool may do): the identity inside tells them apart.
    #[test]
    fn another_assessment_written_over_the_same_file_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let (path, other) = (
            dir.path().join("mine.assessment"),
            dir.path().join("other.assessment"),
        );
        let store = Store::open_or_create(&path).unwrap();
        drop(Store::open_or_create(&other).unwrap());
        std::fs::write(&path, std::fs::read(&other).unwrap()).unwrap();
        let err = store.check_writable().unwrap_err();
        assert!(matches!(err, StoreError::Gone { .. }), "{err:?}");

        // Something that is not an assessment file at all, in place: the same.
        let store = Store::open_or_create(&other).unwrap();
        std::fs::write(&other, b"not a database").unwrap();
        let err = store.check_writable().unwrap_err();
        assert!(matches!(err, StoreError::Gone { .. }), "{err:?}");
    }
}
