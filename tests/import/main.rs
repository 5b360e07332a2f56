//! Integration tests of the assessment file: police.uk import into real SQLite files,
//! re-import, replacement, rejected rows, all-or-nothing, refusals, boundaries, partner
//! data, export and the CLI contract; hostile inputs, crashes, a hostile environment and
//! privacy.
//! Compiled as one test binary.

mod audit;
mod batches;
mod boundaries;
mod census;
mod cli;
mod compare;
mod crash;
mod document_output;
mod environment;
mod export;
mod formats;
mod gen_policeuk;
mod geography;
mod gis;
mod gis_writers;
mod hostile;
mod indicators;
mod ooxml_schema;
mod partner;
#[path = "../common/partnerships.rs"]
mod partnerships;
mod plan;
mod privacy;
mod replacement;
mod report_content;
mod safety;
mod stats;
mod tables;

use csp_assessment::store::ingest::{import_paths, FileOutcome, ImportReport};
use csp_assessment::store::Store;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn import(store: &mut Store, paths: &[PathBuf]) -> ImportReport {
    import_paths(store, paths, &AtomicBool::new(false), &mut |_| {}).unwrap()
}

pub fn temp_store() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.assessment");
    let store = Store::open_or_create(&path).unwrap();
    (dir, path, store)
}

/// (accepted, rejected, replaced) of an imported file.
pub fn counts(outcome: &FileOutcome) -> (u64, u64, u64) {
    match outcome {
        FileOutcome::Imported {
            accepted,
            rejected,
            replaced,
            ..
        } => (*accepted, *rejected, *replaced),
        other => panic!("not imported: {other:?}"),
    }
}

/// Query one integer from the file with plain SQL (independent of the app's queries).
pub fn sql_int(path: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

pub fn sha256_of(path: &Path) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(std::fs::read(path).unwrap()))
}

/// `csp-assessment import --db DB ARGS…` run as the analyst runs it: (exit code, output).
pub fn import_with_cli(
    db: &Path,
    args: impl IntoIterator<Item = impl AsRef<std::ffi::OsStr>>,
) -> (Option<i32>, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
        .args(["import", "--db"])
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Write a file the test makes up, `name` in `dir` (made if missing); its path.
pub fn write_fixture(dir: &Path, name: &str, text: &str) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// `csp-assessment ARGS…` run as the analyst runs it: (exit code, output, errors).
pub fn run(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `csp-assessment COMMAND --db DB MORE…`: [`run`] on one assessment file.
pub fn run_on(command: &str, db: &Path, more: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let mut args = vec![os(command), os("--db"), db.as_os_str()];
    args.extend_from_slice(more);
    run(&args)
}

pub fn os<S: AsRef<std::ffi::OsStr> + ?Sized>(s: &S) -> &std::ffi::OsStr {
    s.as_ref()
}

/// Query one text column from the file with plain SQL.
pub fn sql_strings(path: &Path, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
    rows.map(Result::unwrap).collect()
}
