//! A hostile environment around the assessment file: read-only file or folder, a full
//! disk, a second copy of the app holding the file, the file deleted or replaced while
//! open, damaged bytes, a file from a newer version. Each gives a clear sentence, no
//! panic, and leaves the file as it was.

use super::*;
use csp_assessment::store::StoreError;
use std::process::{Command, Output};

fn app() -> Command {
    Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// An assessment file holding one import, and its SHA-256.
fn one_import(dir: &Path) -> (PathBuf, String) {
    let db = dir.join("env.assessment");
    let mut store = Store::open_or_create(&db).unwrap();
    import(&mut store, &[fixture("street_bom_crlf.csv")]);
    drop(store);
    let sha = sha256_of(&db);
    (db, sha)
}

fn street_rows(rows: usize) -> String {
    let mut text = String::from("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
    for i in 0..rows {
        text.push_str(&format!(
            ",2023-{:02},Testshire Police,Testshire Police,0.5{:05},51.3,On or near Street {i},E0100{:04},Town {},Anti-social behaviour,,\n",
            i % 12 + 1,
            i % 1000,
            i % 300,
            i % 300
        ));
    }
    text
}

#[cfg(unix)]
mod permissions {
    use super::*;
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;

    fn chmod(path: &Path, mode: u32) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    /// Root ignores file permissions: the CLI is then run as `nobody`, as an analyst would
    /// be, so that read-only means read-only.
    fn as_analyst(dir: &Path) -> Command {
        let probe = dir.join("probe");
        std::fs::write(&probe, "x").unwrap();
        chmod(&probe, 0o444);
        let is_privileged = std::fs::OpenOptions::new().write(true).open(&probe).is_ok();
        std::fs::remove_file(&probe).unwrap();
        let mut command = app();
        if is_privileged {
            command.uid(65534).gid(65534);
        }
        command
    }

    #[test]
    fn a_read_only_assessment_file_is_refused_with_a_clear_message_and_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        chmod(dir.path(), 0o777);
        let (db, before) = one_import(dir.path());
        chmod(&db, 0o444);
        let out = as_analyst(dir.path())
            .args(["import", "--db"])
            .arg(&db)
            .arg(fixture("street_excel_months.csv"))
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains("the assessment file cannot be changed: it or its folder is read-only"),
            "{err}"
        );
        assert!(err.contains("could only be opened for reading"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(sha256_of(&db), before);
    }

    #[test]
    fn an_assessment_file_in_a_read_only_folder_is_refused_with_a_clear_message() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("locked");
        std::fs::create_dir(&folder).unwrap();
        let (db, before) = one_import(&folder);
        chmod(&db, 0o666);
        chmod(&folder, 0o555);
        chmod(dir.path(), 0o755);
        let out = as_analyst(dir.path())
            .args(["import", "--db"])
            .arg(&db)
            .arg(fixture("street_excel_months.csv"))
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("it or its folder is read-only"), "{err}");
        assert!(
            err.contains("Nothing was imported: the assessment file is unchanged."),
            "{err}"
        );
        assert_eq!(sha256_of(&db), before);
        // A new file cannot be made there either.
        let new_db = folder.join("new.assessment");
        let out = as_analyst(dir.path())
            .args(["import", "--db"])
            .arg(&new_db)
            .arg(fixture("street_excel_months.csv"))
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("new.assessment"), "{err}");
        assert!(err.contains("cannot be written or read"), "{err}");
        chmod(&folder, 0o755);
        assert!(!new_db.exists());
    }
}

/// A disk that fills during the import, emulated with SQLite's page limit.
#[test]
fn a_full_disk_rolls_the_import_back_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (db, before) = one_import(dir.path());
    let big = dir.path().join("big-street.csv");
    std::fs::write(&big, street_rows(30_000)).unwrap();
    let pages = sql_int(&db, "PRAGMA page_count");
    let mut store = Store::open_existing(&db).unwrap();
    store.limit_size_for_tests(pages as u32 + 20).unwrap();
    let err = import_paths(
        &mut store,
        &[fixture("street_excel_months.csv"), big],
        &std::sync::atomic::AtomicBool::new(false),
        &mut |_| {},
    )
    .unwrap_err();
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("the disk holding the assessment file is full: nothing was saved"),
        "{err}"
    );
    // The same connection carries on once there is room.
    store.limit_size_for_tests(1 << 30).unwrap();
    assert_eq!(store.sources().unwrap().len(), 1);
    drop(store);
    assert_eq!(sha256_of(&db), before);
}

/// A real full disk: a 1 MB tmpfs, where the system lets this test mount one (as root on
/// Linux); skipped, saying why, elsewhere.
#[cfg(target_os = "linux")]
#[test]
fn a_really_full_disk_rolls_the_import_back_and_says_so() {
    struct Mounted(PathBuf);
    impl Drop for Mounted {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let disk = dir.path().join("small-disk");
    std::fs::create_dir(&disk).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(&disk)
        .output();
    match mounted {
        Ok(out) if out.status.success() => {}
        other => {
            eprintln!("SKIPPED: could not mount a small tmpfs to fill ({other:?})");
            return;
        }
    }
    let _guard = Mounted(disk.clone());
    let (db, before) = one_import(&disk);
    let big = dir.path().join("big-street.csv");
    std::fs::write(&big, street_rows(40_000)).unwrap();
    let out = app()
        .args(["import", "--db"])
        .arg(&db)
        .arg(&big)
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("the disk holding the assessment file is full"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(sha256_of(&db), before);
    assert!(!disk.join("env.assessment-journal").exists());
}

/// Another copy of the app in the middle of writing the file (SQLite's exclusive lock):
/// the import waits a little, then says the file is in use; nothing is lost.
#[test]
fn a_file_locked_by_another_copy_of_the_app_is_reported_after_a_bounded_wait() {
    let dir = tempfile::tempdir().unwrap();
    let (db, before) = one_import(dir.path());
    for lock in ["BEGIN EXCLUSIVE", "BEGIN IMMEDIATE"] {
        let holder = rusqlite::Connection::open(&db).unwrap();
        holder.execute_batch(lock).unwrap();
        holder
            .execute(
                "INSERT INTO meta (key, value) VALUES ('other copy', 'writing')",
                [],
            )
            .unwrap();
        let started = std::time::Instant::now();
        let out = app()
            .args(["import", "--db"])
            .arg(&db)
            .arg(fixture("street_excel_months.csv"))
            .output()
            .unwrap();
        let waited = started.elapsed();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(1), "{lock}: {err}");
        assert!(
            err.contains("the assessment file is in use by another copy of the app"),
            "{lock}: {err}"
        );
        assert!(waited.as_secs() < 20, "{lock}: waited {waited:?}");
        // The other copy finishes its own write; nothing of it or of the file is lost.
        holder.execute_batch("ROLLBACK").unwrap();
        drop(holder);
        assert_eq!(sha256_of(&db), before, "{lock}");
    }
}

#[test]
fn a_file_deleted_or_replaced_while_open_is_reported_instead_of_written() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = one_import(dir.path());
    let mut store = Store::open_existing(&db).unwrap();
    std::fs::remove_file(&db).unwrap();
    let err = import_paths(
        &mut store,
        &[fixture("street_excel_months.csv")],
        &std::sync::atomic::AtomicBool::new(false),
        &mut |_| {},
    )
    .unwrap_err();
    assert!(matches!(err, StoreError::Gone { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("env.assessment"), "{text}");
    assert!(
        text.contains("was deleted or moved after it was opened"),
        "{text}"
    );
    drop(store);
    assert!(!db.exists(), "nothing was written at the old path");

    // Replaced by another file at the same path (e.g. a restore from backup).
    let (db, before) = one_import(dir.path());
    let mut store = Store::open_existing(&db).unwrap();
    let moved = dir.path().join("moved.assessment");
    std::fs::rename(&db, &moved).unwrap();
    std::fs::copy(&moved, &db).unwrap();
    let err = import_paths(
        &mut store,
        &[fixture("street_excel_months.csv")],
        &std::sync::atomic::AtomicBool::new(false),
        &mut |_| {},
    )
    .unwrap_err();
    assert!(matches!(err, StoreError::Gone { .. }), "{err:?}");
    drop(store);
    assert_eq!(sha256_of(&db), before);
    assert_eq!(sha256_of(&moved), before);
}

/// Garbage over the schema page: opening says the file is damaged, and changes nothing.
#[test]
fn damaged_bytes_in_the_schema_are_reported_as_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = one_import(dir.path());
    let mut bytes = std::fs::read(&db).unwrap();
    for b in bytes.iter_mut().take(4000).skip(100) {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();
    let before = sha256_of(&db);
    let err = Store::open_existing(&db).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
    let text = err.to_string();
    assert!(text.starts_with("the assessment file is damaged"), "{text}");
    assert!(text.contains("env.assessment"), "{text}");
    let out = app()
        .args(["import", "--db"])
        .arg(&db)
        .arg(fixture("street_excel_months.csv"))
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("the assessment file is damaged"), "{err}");
    assert_eq!(sha256_of(&db), before);
}

/// Garbage in the middle of the data: whatever reads it gets "damaged", never a panic.
#[test]
fn damaged_bytes_in_the_data_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.assessment");
    let rows = dir.path().join("rows-street.csv");
    std::fs::write(&rows, street_rows(20_000)).unwrap();
    let mut store = Store::open_or_create(&db).unwrap();
    import(&mut store, &[rows]);
    drop(store);
    let mut bytes = std::fs::read(&db).unwrap();
    let middle = bytes.len() / 2;
    for (i, b) in bytes.iter_mut().skip(middle).take(16 * 1024).enumerate() {
        *b = (i * 31 % 251) as u8;
    }
    std::fs::write(&db, &bytes).unwrap();
    let mut outcomes = Vec::new();
    let mut note = |what: &str, result: Result<(), StoreError>| {
        if let Err(e) = &result {
            assert!(
                matches!(e, StoreError::Corrupt(_)),
                "{what}: {e:?} should say the file is damaged"
            );
        }
        outcomes.push(format!(
            "{what}: {}",
            result.map_or_else(|e| e.to_string(), |_| "ok".into())
        ));
    };
    match Store::open_existing(&db) {
        Err(e) => note("open", Err(e)),
        Ok(mut store) => {
            note("sources", store.sources().map(drop));
            note("totals", store.totals().map(drop));
            note("monthly counts", store.monthly_counts().map(drop));
            note("month type counts", store.month_type_counts().map(drop));
            let replace = dir.path().join("again-street.csv");
            std::fs::write(&replace, street_rows(3_000)).unwrap();
            note(
                "import",
                import_paths(
                    &mut store,
                    &[replace],
                    &std::sync::atomic::AtomicBool::new(false),
                    &mut |_| {},
                )
                .map(drop),
            );
        }
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .unwrap_or_else(|e| e.to_string());
    eprintln!("damaged data: {outcomes:?}; SQLite's own check: {check}");
}

#[test]
fn a_file_from_a_newer_version_is_refused_by_the_cli_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = one_import(dir.path());
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let before = sha256_of(&db);
    let out = app()
        .args(["import", "--db"])
        .arg(&db)
        .arg(fixture("street_excel_months.csv"))
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("was written by a newer version of this app (file version 99"),
        "{err}"
    );
    assert!(err.contains("left untouched"), "{err}");
    assert_eq!(sha256_of(&db), before);
}
