//! All or nothing: cancel and failure leave the file byte-for-byte as it was; files that
//! are not assessment files, or are from a newer version, are refused untouched.

use super::*;
use csp_assessment::store::StoreError;
use std::sync::atomic::{AtomicBool, Ordering};

#[test]
fn a_cancelled_import_leaves_the_file_exactly_as_it_was() {
    let (dir, path, mut store) = temp_store();
    import(&mut store, &[fixture("street_bom_crlf.csv")]);
    let big = dir.path().join("big.csv");
    let mut text = String::from("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
    for i in 0..60_000 {
        text.push_str(&format!(
            ",2022-{:02},Testshire Police,Testshire Police,0.5,51.3,On or near Street {},E0100{:04},Town {},Anti-social behaviour,,\n",
            i % 12 + 1,
            i % 500,
            i % 300,
            i % 300
        ));
    }
    std::fs::write(&big, text).unwrap();
    drop(store);
    let before = sha256_of(&path);
    let mut store = Store::open_existing(&path).unwrap();
    let cancel = AtomicBool::new(false);
    let mut batches = 0;
    let result = import_paths(
        &mut store,
        &[fixture("republished-2021-04-testshire-street.csv"), big],
        &cancel,
        &mut |_| {
            batches += 1;
            if batches == 2 {
                cancel.store(true, Ordering::Relaxed);
            }
        },
    );
    assert!(matches!(result, Err(StoreError::Cancelled)), "{result:?}");
    drop(store);
    assert_eq!(sha256_of(&path), before);
    assert!(!dir.path().join("test.assessment-journal").exists());
}

#[test]
fn a_path_that_does_not_exist_fails_before_anything_is_written() {
    let (dir, path, mut store) = temp_store();
    import(&mut store, &[fixture("street_bom_crlf.csv")]);
    drop(store);
    let before = sha256_of(&path);
    let mut store = Store::open_existing(&path).unwrap();
    let missing = dir.path().join("nope.csv");
    let err = import_paths(
        &mut store,
        &[fixture("street_excel_months.csv"), missing],
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .unwrap_err();
    assert!(err.to_string().contains("nope.csv"), "{err}");
    drop(store);
    assert_eq!(sha256_of(&path), before);
}

#[test]
fn a_file_that_is_not_police_data_is_rejected_and_the_rest_imported() {
    let (_dir, _path, mut store) = temp_store();
    let report = import(
        &mut store,
        &[fixture("not_police.csv"), fixture("street_bom_crlf.csv")],
    );
    match &report.files[0].outcome {
        FileOutcome::Rejected { reason } => {
            assert!(reason.contains("is not one the app knows"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    assert!(!report.is_clean());
    assert_eq!(store.sources().unwrap().len(), 1);
    assert_eq!(store.totals().unwrap().crime, 3);
}

#[test]
fn a_newer_version_file_is_refused_and_left_untouched() {
    let (_dir, path, store) = temp_store();
    drop(store);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let before = sha256_of(&path);
    let err = Store::open_existing(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("newer version"));
    assert_eq!(sha256_of(&path), before);
}

#[test]
fn files_that_are_not_assessment_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.assessment");
    std::fs::write(&text, "hello, this is not a database").unwrap();
    let err = Store::open_existing(&text).unwrap_err();
    assert!(err.to_string().contains("not a SQLite database"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "hello, this is not a database"
    );

    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let before = sha256_of(&other);
    let err = Store::open_existing(&other).unwrap_err();
    assert!(err.to_string().contains("another program"), "{err}");
    assert_eq!(sha256_of(&other), before);
}
