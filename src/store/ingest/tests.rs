//! A panic anywhere in an import — on the reader thread or the writer — fails the batch
//! with a sentence and leaves the assessment file exactly as it was. The panics are
//! injected by file name, in test builds only.

use super::*;
use crate::store::Store;
use sha2::{Digest, Sha256};
use std::path::Path;

/// Panic when a file's name ends with `marker` (test builds only).
pub fn panic_if_asked(name: &str, marker: &str) {
    if name.trim_end_matches(".csv").ends_with(marker) {
        panic!("injected for a test ({marker})");
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn sha256_of(path: &Path) -> String {
    format!("{:x}", Sha256::digest(std::fs::read(path).unwrap()))
}

/// An assessment file holding one import, and a copy of a good street file named `name`.
fn setup(name: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.assessment");
    let mut store = Store::open_or_create(&db).unwrap();
    import_paths(
        &mut store,
        &[fixture("street_bom_crlf.csv")],
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .unwrap();
    let input = dir.path().join(name);
    std::fs::copy(fixture("republished-2021-04-testshire-street.csv"), &input).unwrap();
    (dir, db, input)
}

#[test]
fn a_panic_on_the_reader_thread_fails_the_batch_and_changes_nothing() {
    let (_dir, db, input) = setup("inject-reader-panic.csv");
    let before = sha256_of(&db);
    let mut store = Store::open_existing(&db).unwrap();
    let err = import_paths(&mut store, &[input], &AtomicBool::new(false), &mut |_| {}).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("stopped unexpectedly"), "{text}");
    assert!(text.contains("injected for a test"), "{text}");
    assert!(text.contains("the assessment file is unchanged"), "{text}");
    drop(store);
    assert_eq!(sha256_of(&db), before);
}

#[test]
fn a_panic_while_writing_unwinds_through_the_transaction_and_changes_nothing() {
    let (_dir, db, input) = setup("inject-writer-panic.csv");
    let before = sha256_of(&db);
    let mut store = Store::open_existing(&db).unwrap();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        import_paths(&mut store, &[input], &AtomicBool::new(false), &mut |_| {})
    }));
    assert!(result.is_err(), "the injected panic should propagate");
    // The store is still usable, and holds what it held before.
    assert_eq!(store.sources().unwrap().len(), 1);
    drop(store);
    assert_eq!(sha256_of(&db), before);
}
