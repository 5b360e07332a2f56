//! Starting the system's write-back of the assessment file while an import is still
//! writing it. SQLite writes pages into the operating system's cache as a batch goes and
//! makes them durable at commit (`synchronous=FULL`); left alone, Linux keeps them in
//! memory until that commit, which then waits for the whole file to reach the disk (0.7 s
//! of a national archive's 11 s). Asking for write-back every few batches lets the disk
//! work while the import parses.
//!
//! Only a request to start writing what SQLite has already written: it changes nothing of
//! what is durable when, or of how a crash is recovered (the system may write a cached
//! page back at any moment anyway; the commit still waits for every page). Where the
//! request is not available (not Linux), or the file cannot be opened a second time,
//! nothing is asked and the commit writes everything, as before.

use rusqlite::Connection;
use std::fs::File;

/// Batches written between two requests (8,192 rows each: about 2 MB of pages).
const BATCHES_BETWEEN_REQUESTS: u32 = 4;

/// The assessment file, opened to ask for its write-back.
pub struct EarlyWriteback {
    file: Option<File>,
    batches: u32,
}

impl EarlyWriteback {
    /// For the file `conn` writes (an in-memory database has none).
    pub fn for_connection(conn: &Connection) -> Self {
        let file = cfg!(target_os = "linux")
            .then(|| conn.path().filter(|p| !p.is_empty()))
            .flatten()
            .and_then(|path| File::open(path).ok());
        EarlyWriteback { file, batches: 0 }
    }

    /// One more batch written: every few, ask for what is written so far to go to disk.
    pub fn batch_written(&mut self) {
        self.batches += 1;
        if self.batches.is_multiple_of(BATCHES_BETWEEN_REQUESTS) {
            self.request();
        }
    }

    /// Every row is written: ask for the rest to go to disk while the batch is finished
    /// (its counts and notes written) before the commit waits for it.
    pub fn all_written(&mut self) {
        self.request();
    }

    fn request(&self) {
        if let Some(file) = &self.file {
            start_writeback(file);
        }
    }
}

#[cfg(target_os = "linux")]
fn start_writeback(file: &File) {
    use std::os::fd::AsRawFd;
    // SAFETY: the descriptor is open for as long as `file` lives; the call only reads its
    // arguments. A failure (an old kernel, a file system without write-back) is harmless:
    // the commit's fsync writes the pages instead.
    unsafe {
        libc::sync_file_range(file.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE);
    }
}

#[cfg(not(target_os = "linux"))]
fn start_writeback(_file: &File) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_on_disk_is_opened_and_memory_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open(dir.path().join("a.assessment")).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        let mut on_disk = EarlyWriteback::for_connection(&conn);
        assert_eq!(on_disk.file.is_some(), cfg!(target_os = "linux"));
        for _ in 0..2 * BATCHES_BETWEEN_REQUESTS {
            on_disk.batch_written();
        }
        let memory = Connection::open_in_memory().unwrap();
        assert!(EarlyWriteback::for_connection(&memory).file.is_none());
    }
}
