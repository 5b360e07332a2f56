//! The fact table's multi-row INSERT, prepared, bound and run through SQLite's C
//! interface directly. A million rows are ten million binds: rusqlite's checked binding
//! (a conversion, a borrow of the connection and a decoded result for each, and a copy
//! of every blob) was about a tenth of the writer's time. Errors are reported as
//! rusqlite's, with SQLite's own code and message.

use rusqlite::{ffi, Connection};
use std::ffi::{c_int, CStr};
use std::ptr::NonNull;

/// A prepared statement owned here; finalised when dropped.
pub struct RawInsert<'c> {
    stmt: NonNull<ffi::sqlite3_stmt>,
    conn: &'c Connection,
}

impl<'c> RawInsert<'c> {
    pub fn prepare(conn: &'c Connection, sql: &str) -> rusqlite::Result<Self> {
        let mut stmt = std::ptr::null_mut();
        let len = c_int::try_from(sql.len()).map_err(|_| rusqlite::Error::InvalidQuery)?;
        // SAFETY: `conn.handle()` is the open connection `conn` borrows for 'c; `sql` is
        // valid for `len` bytes; SQLite writes the new statement (or null) into `stmt`.
        let rc = unsafe {
            ffi::sqlite3_prepare_v3(
                conn.handle(),
                sql.as_ptr().cast(),
                len,
                ffi::SQLITE_PREPARE_PERSISTENT,
                &mut stmt,
                std::ptr::null_mut(),
            )
        };
        if rc != ffi::SQLITE_OK {
            return Err(error(conn, rc));
        }
        let stmt = NonNull::new(stmt).ok_or(rusqlite::Error::InvalidQuery)?;
        Ok(RawInsert { stmt, conn })
    }

    /// Bind an integer (or NULL) to parameter `index` (from 1).
    #[inline]
    pub fn bind_int(&mut self, index: usize, value: Option<i64>) -> rusqlite::Result<()> {
        let index = c_int::try_from(index).map_err(|_| rusqlite::Error::InvalidQuery)?;
        // SAFETY: `stmt` is a live statement of this connection, used on one thread.
        let rc = unsafe {
            match value {
                Some(v) => ffi::sqlite3_bind_int64(self.stmt.as_ptr(), index, v),
                None => ffi::sqlite3_bind_null(self.stmt.as_ptr(), index),
            }
        };
        self.check(rc)
    }

    /// Bind a blob (or NULL) to parameter `index` (from 1), without copying it: the bytes
    /// must stay in place until the statement has run with it (see [`RawInsert::run`]).
    #[inline]
    pub fn bind_blob_until_run(
        &mut self,
        index: usize,
        value: Option<&[u8]>,
    ) -> rusqlite::Result<()> {
        let index = c_int::try_from(index).map_err(|_| rusqlite::Error::InvalidQuery)?;
        let rc = match value {
            Some(bytes) => {
                let len =
                    c_int::try_from(bytes.len()).map_err(|_| rusqlite::Error::InvalidQuery)?;
                // SAFETY: `bytes` is valid for `len` bytes; SQLITE_STATIC tells SQLite not
                // to copy or free them. They are only read while the statement runs, and
                // the caller keeps them alive until then and binds every blob afresh
                // before the next run (the contract of this method).
                unsafe {
                    ffi::sqlite3_bind_blob(
                        self.stmt.as_ptr(),
                        index,
                        bytes.as_ptr().cast(),
                        len,
                        ffi::SQLITE_STATIC(),
                    )
                }
            }
            // SAFETY: as in bind_int.
            None => unsafe { ffi::sqlite3_bind_null(self.stmt.as_ptr(), index) },
        };
        self.check(rc)
    }

    /// Run the statement once (an INSERT: no rows come back) and make it ready to run
    /// again; the parameters keep their bindings.
    pub fn run(&mut self) -> rusqlite::Result<()> {
        // SAFETY: a live statement of this connection, used on one thread.
        let rc = unsafe { ffi::sqlite3_step(self.stmt.as_ptr()) };
        // SAFETY: the same statement; reset keeps the bindings.
        let reset = unsafe { ffi::sqlite3_reset(self.stmt.as_ptr()) };
        match rc {
            ffi::SQLITE_DONE => self.check(reset),
            ffi::SQLITE_ROW => Err(rusqlite::Error::ExecuteReturnedResults),
            _ => Err(error(self.conn, rc)),
        }
    }

    fn check(&self, rc: c_int) -> rusqlite::Result<()> {
        if rc == ffi::SQLITE_OK {
            Ok(())
        } else {
            Err(error(self.conn, rc))
        }
    }
}

impl Drop for RawInsert<'_> {
    fn drop(&mut self) {
        // SAFETY: the statement is live and finalised only here, once.
        unsafe {
            ffi::sqlite3_finalize(self.stmt.as_ptr());
        }
    }
}

/// SQLite's error for `rc`, with the connection's message, as rusqlite reports it.
fn error(conn: &Connection, rc: c_int) -> rusqlite::Error {
    // SAFETY: the connection is open; sqlite3_errmsg returns a NUL-terminated string
    // that stays valid until the next call on the connection, and is copied at once.
    let message = unsafe {
        let text = ffi::sqlite3_errmsg(conn.handle());
        (!text.is_null()).then(|| CStr::from_ptr(text).to_string_lossy().into_owned())
    };
    rusqlite::Error::SqliteFailure(ffi::Error::new(rc), message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_and_reports_errors_as_rusqlite_does() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (a INTEGER NOT NULL, b BLOB)")
            .unwrap();
        let mut insert = RawInsert::prepare(&conn, "INSERT INTO t (a, b) VALUES (?1, ?2)").unwrap();
        for (a, b) in [(Some(1), Some(&b"xy"[..])), (Some(2), None)] {
            let bytes = b.map(|b| b.to_vec());
            insert.bind_int(1, a).unwrap();
            insert.bind_blob_until_run(2, bytes.as_deref()).unwrap();
            insert.run().unwrap();
        }
        let rows: Vec<(i64, Option<Vec<u8>>)> = conn
            .prepare("SELECT a, b FROM t ORDER BY a")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(rows, vec![(1, Some(b"xy".to_vec())), (2, None)]);
        // A NULL where the table forbids one: SQLite's code and message come back.
        insert.bind_int(1, None).unwrap();
        let error = insert.run().unwrap_err();
        assert_eq!(
            error.sqlite_error_code(),
            Some(rusqlite::ErrorCode::ConstraintViolation)
        );
        assert!(error.to_string().contains("NOT NULL"), "{error}");
        // The statement is ready again after the error.
        insert.bind_int(1, Some(3)).unwrap();
        insert.run().unwrap();
        assert!(RawInsert::prepare(&conn, "INSERT INTO nowhere VALUES (1)").is_err());
        assert!(matches!(
            insert.bind_int(9, Some(1)),
            Err(rusqlite::Error::SqliteFailure(..))
        ));
    }
}
