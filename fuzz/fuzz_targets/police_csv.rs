//! Any bytes as a police.uk street file: the row parser on every record, then the whole
//! import (reader thread, validation, SQLite writes) into a fresh in-memory assessment.
//! Must never panic; an imported file's rows must all be in the store.

#![no_main]

use csp_assessment::import::police_uk::StreetColumns;
use csp_assessment::import::reader::TableReader;
use csp_assessment::import::kind::FileKind;
use csp_assessment::store::ingest::import_paths_as;
use csp_assessment::store::Store;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::OnceLock;

fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temp folder");
        let path = dir.path().join("fuzz-street.csv");
        (dir, path)
    })
    .1
}

fn parse_rows(data: &[u8]) {
    let counter = AtomicU64::new(0);
    let Ok(mut table) = TableReader::open("fuzz.csv", data, &counter) else {
        return;
    };
    let Ok(columns) = StreetColumns::from_header(table.header()) else {
        return;
    };
    // As the import reads them: each record a view of the reader's buffer.
    while let Ok(Some((_, fields))) = table.next_fields() {
        let _ = columns.parse(fields);
    }
}

fn import_whole(data: &[u8]) {
    let path = scratch();
    if std::fs::write(path, data).is_err() {
        return;
    }
    let Ok(mut store) = Store::in_memory() else {
        return;
    };
    // Recognised from the header, then forced as police data (the second pass also
    // meets its own content again when the first one imported it).
    for kind in [None, Some(FileKind::PoliceStreet)] {
        let _ = import_paths_as(
            &mut store,
            std::slice::from_ref(path),
            kind,
            &AtomicBool::new(false),
            &mut |_| {},
        );
    }
    let totals = store.totals().expect("totals of the fuzzed store");
    let sources = store.sources().expect("sources of the fuzzed store");
    let accepted: i64 = sources
        .iter()
        .filter(|s| s.kind == "police_street")
        .map(|s| s.rows_current)
        .sum();
    assert_eq!(totals.crime + totals.asb, accepted, "stored rows = accepted rows");
}

fuzz_target!(|data: &[u8]| {
    parse_rows(data);
    import_whole(data);
});
