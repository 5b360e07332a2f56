//! Malformed and hostile inputs, each with the exact outcome an analyst sees: a refused
//! file with a reason naming the line, or an imported file whose rejected rows name their
//! line and column, with the right counts; where the whole import must fail, the assessment
//! file is left byte-for-byte as it was.
//!
//! Small inputs are committed in `tests/fixtures/hostile/` (made by
//! `scripts/make-hostile-corpus.py`); zips, a 1 GB single-line file and files that vanish
//! mid-read are made here at run time.

use super::*;
use csp_assessment::store::StoreError;
use std::io::Write;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

/// What importing one input must give.
enum Expect {
    /// The file is refused (the rest of a batch would go on); the reason holds all of these.
    Refused(&'static [&'static str]),
    /// The file is imported; every rejected row is listed as (line, column, reason part).
    Imported {
        accepted: u64,
        rows: &'static [(u64, Option<&'static str>, &'static str)],
        notes: &'static [&'static str],
    },
}

use Expect::{Imported, Refused};

const fn ok(accepted: u64) -> Expect {
    Imported {
        accepted,
        rows: &[],
        notes: &[],
    }
}

const NOT_KNOWN: &str = "is not one the app knows";
const NO_ROWS: &str = "the file has a header (line 1) but no rows";
const NUL_BYTES: &str = "line 1: the file contains NUL bytes, so it is not CSV text";

/// The committed corpus, one entry per file in `tests/fixtures/hostile/`.
const CORPUS: &[(&str, Expect)] = &[
    // Whole files that are not police.uk CSV: refused, saying what they are.
    ("empty.csv", Refused(&["the file is empty"])),
    ("bom_only.csv", Refused(&["the file is empty"])),
    ("blank_lines_only.csv", Refused(&["the file is empty"])),
    ("header_only.csv", Refused(&[NO_ROWS])),
    ("header_only_no_newline_crlf.csv", Refused(&[NO_ROWS])),
    ("header_then_blank_lines.csv", Refused(&[NO_ROWS])),
    (
        "unknown_header.csv",
        Refused(&["line 1: the header (Name,Age)", NOT_KNOWN]),
    ),
    (
        "missing_crime_id.csv",
        Refused(&["line 1: the header has no Crime ID column"]),
    ),
    (
        "missing_coordinates.csv",
        Refused(&["line 1: the header has no Longitude, Latitude columns"]),
    ),
    (
        "duplicated_month.csv",
        Refused(&["line 1: the header has the column Month 2 times (columns 2, 13)"]),
    ),
    (
        "outcomes_named_street.csv",
        Refused(&["police.uk outcomes file"]),
    ),
    // Other dialects are read, and said so (issue 14).
    (
        "semicolon_separated.csv",
        Imported {
            accepted: 1,
            rows: &[],
            notes: &["read as semicolon-separated, UTF-8 text"],
        },
    ),
    (
        "tab_separated.csv",
        Imported {
            accepted: 1,
            rows: &[],
            notes: &["read as tab-separated, UTF-8 text"],
        },
    ),
    (
        "html_error_page.csv",
        Refused(&["line 1: the header (<!DOCTYPE html>", NOT_KNOWN]),
    ),
    (
        "unterminated_quote_in_header.csv",
        Refused(&["line 1: the header", NOT_KNOWN]),
    ),
    // Workbooks are read as workbooks; these two are damaged ones (issue 14).
    (
        "xlsx_renamed.csv",
        Refused(&[
            "an Excel workbook (.xlsx), an OpenDocument spreadsheet (.ods) or a zip file",
            "could not be read as a workbook",
        ]),
    ),
    (
        "xls_renamed.csv",
        Refused(&[
            "an Excel 97-2003 workbook (.xls)",
            "could not be read as a workbook",
        ]),
    ),
    // UTF-16 ("Unicode text") is decoded (issue 14).
    (
        "utf16le_bom.csv",
        Imported {
            accepted: 1,
            rows: &[],
            notes: &["read as comma-separated, UTF-16 (Excel \"Unicode text\") text"],
        },
    ),
    (
        "utf16be_bom.csv",
        Imported {
            accepted: 1,
            rows: &[],
            notes: &["UTF-16 big-endian text"],
        },
    ),
    (
        "utf16le_no_bom.csv",
        Imported {
            accepted: 1,
            rows: &[],
            notes: &["UTF-16 (Excel \"Unicode text\") text"],
        },
    ),
    ("binary_random.csv", Refused(&["not CSV text"])),
    (
        "binary_control_chars.csv",
        Refused(&["a binary file", "not CSV text"]),
    ),
    ("pdf_renamed.csv", Refused(&["a PDF document"])),
    ("gzip_renamed.csv", Refused(&["a gzip-compressed file"])),
    ("nul_in_header.csv", Refused(&[NUL_BYTES])),
    // Row problems: the file is imported, each bad row rejected with its line and column.
    (
        "ragged_rows.csv",
        Imported {
            accepted: 2,
            rows: &[
                (3, None, "the row has 5 fields but the header has 12"),
                (4, None, "the row has 13 fields but the header has 12"),
            ],
            notes: &["2 rows rejected"],
        },
    ),
    (
        "unterminated_quote.csv",
        Imported {
            accepted: 1,
            rows: &[(3, None, "a quote (\") opened in it is never closed")],
            notes: &[],
        },
    ),
    (
        "quoted_newlines.csv",
        Imported {
            accepted: 2,
            rows: &[(4, Some("Month"), "column Month: \"2021-13\" is not a month")],
            notes: &[],
        },
    ),
    (
        "nul_in_cell.csv",
        Imported {
            accepted: 2,
            rows: &[(3, Some("Location"), "column Location: contains a NUL byte")],
            notes: &[],
        },
    ),
    (
        "mixed_encodings.csv",
        Imported {
            accepted: 3,
            rows: &[],
            notes: &["were not UTF-8 and were read as Windows-1252"],
        },
    ),
    (
        "invalid_utf8_crime_type.csv",
        Imported {
            accepted: 1,
            rows: &[(
                3,
                Some("Crime type"),
                "column Crime type: \"Burgÿlary\" is not a police.uk crime type",
            )],
            notes: &[],
        },
    ),
    (
        "bad_months.csv",
        Imported {
            accepted: 1,
            rows: &[
                (
                    3,
                    Some("Month"),
                    "\"2021-13\" is not a month (expected YYYY-MM",
                ),
                (4, Some("Month"), "\"2021-00\" is not a month"),
                (5, Some("Month"), "\"1899-01\" is not a month"),
                (6, Some("Month"), "\"2021/04\" is not a month"),
                (7, Some("Month"), "\"\" is not a month"),
                (8, Some("Month"), "\"Apr\" is not a month"),
                (9, Some("Month"), "\"2021-4\" is not a month"),
                (10, Some("Month"), "\"32/04/2021\" is not a month"),
                (11, Some("Month"), "\"2021-04-31x\" is not a month"),
                (12, Some("Month"), "\"９９９９-01\" is not a month"),
            ],
            notes: &[],
        },
    ),
    (
        "bad_coordinates.csv",
        Imported {
            accepted: 1,
            rows: &[
                (3, Some("Longitude"), "\"abc\" is not a valid coordinate"),
                (4, Some("Longitude"), "\"NaN\" is not a valid coordinate"),
                (5, Some("Longitude"), "\"inf\" is not a valid coordinate"),
                (6, Some("Longitude"), "\"1e309\" is not a valid coordinate"),
                (7, Some("Latitude"), "\"-\" is not a valid coordinate"),
                (
                    8,
                    Some("Latitude"),
                    "column Latitude: blank while Longitude is not",
                ),
                (
                    9,
                    Some("Longitude"),
                    "column Longitude: blank while Latitude is not",
                ),
                (
                    10,
                    Some("Latitude"),
                    "0.5, 95 (longitude, latitude) is outside",
                ),
                (
                    11,
                    Some("Latitude"),
                    "0, 0 (longitude, latitude) is outside",
                ),
                (
                    12,
                    Some("Longitude"),
                    "\"51.5.3\" is not a valid coordinate",
                ),
                (13, Some("Longitude"), "\"0x10\" is not a valid coordinate"),
                (
                    14,
                    Some("Longitude"),
                    "\"99999999999999999999\" is not a valid",
                ),
            ],
            notes: &[],
        },
    ),
    (
        "crime_id_wrong_length.csv",
        Imported {
            accepted: 1,
            rows: &[
                (
                    3,
                    Some("Crime ID"),
                    "expected 64 hexadecimal characters, found 63",
                ),
                (4, Some("Crime ID"), "found 65 characters"),
                (5, Some("Crime ID"), "found 128 characters"),
                (6, Some("Crime ID"), "found 3 characters"),
            ],
            notes: &[],
        },
    ),
    (
        "crime_id_not_hex.csv",
        Imported {
            accepted: 1,
            rows: &[
                (3, Some("Crime ID"), "\"gggggggg"),
                (
                    4,
                    Some("Crime ID"),
                    "is not a Crime ID (64 characters 0-9 and a-f)",
                ),
            ],
            notes: &[],
        },
    ),
    (
        "blank_force.csv",
        Imported {
            accepted: 1,
            rows: &[(3, Some("Reported by"), "column Reported by: blank")],
            notes: &[],
        },
    ),
    (
        "unknown_crime_types.csv",
        Imported {
            accepted: 1,
            rows: &[
                (
                    3,
                    Some("Crime type"),
                    "\"Fraud\" is not a police.uk crime type",
                ),
                (4, Some("Crime type"), "\"\" is not a police.uk crime type"),
                (
                    5,
                    Some("Crime type"),
                    "\"Burglary!\" is not a police.uk crime type",
                ),
            ],
            notes: &[],
        },
    ),
    (
        "all_rows_bad.csv",
        Imported {
            accepted: 0,
            rows: &[
                (2, Some("Month"), "\"x\" is not a month"),
                (3, Some("Crime type"), "\"x\" is not a police.uk crime type"),
                (4, Some("Longitude"), "\"x\" is not a valid coordinate"),
            ],
            notes: &["3 rows rejected"],
        },
    ),
    (
        "huge_field_count.csv",
        Imported {
            accepted: 1,
            rows: &[(3, None, "the row has 10012 fields but the header has 12")],
            notes: &[],
        },
    ),
    // Odd but valid: every row imported.
    ("blank_lines_between_rows.csv", ok(2)),
    (
        "mixed_line_ends.csv",
        Imported {
            accepted: 2,
            rows: &[(4, Some("Month"), "\"2021-13\" is not a month")],
            notes: &[],
        },
    ),
    ("header_case_and_spaces.csv", ok(1)),
    ("long_cell.csv", ok(2)),
    ("quote_inside_cell.csv", ok(2)),
    ("unicode_text.csv", ok(2)),
    ("formula_cells.csv", ok(2)),
    ("control_char_in_cell.csv", ok(2)),
];

fn hostile(name: &str) -> PathBuf {
    fixture("hostile").join(name)
}

/// A store that already holds one import, so a refusal can be seen to change nothing.
fn store_with_one_import() -> (tempfile::TempDir, PathBuf, Store) {
    let (dir, path, mut store) = temp_store();
    import(&mut store, &[fixture("street_bom_crlf.csv")]);
    (dir, path, store)
}

/// Compare one file's report with what the table says; describe any difference.
fn check(
    name: &str,
    expect: &Expect,
    file: &csp_assessment::store::ingest::FileReport,
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut fail = |text: String| problems.push(format!("{name}: {text}"));
    if file.name != name {
        fail(format!("reported as {:?}", file.name));
    }
    match (expect, &file.outcome) {
        (Refused(parts), FileOutcome::Rejected { reason }) => {
            for part in *parts {
                if !reason.contains(part) {
                    fail(format!("reason {reason:?} lacks {part:?}"));
                }
            }
        }
        (
            Imported {
                accepted,
                rows,
                notes,
            },
            FileOutcome::Imported {
                accepted: got_accepted,
                rejected: got_rejected,
                ..
            },
        ) => {
            if (got_accepted, got_rejected) != (accepted, &(rows.len() as u64)) {
                fail(format!(
                    "accepted/rejected {got_accepted}/{got_rejected}, expected {accepted}/{}",
                    rows.len()
                ));
            }
            let got: Vec<_> = file
                .rejected_examples
                .iter()
                .map(|r| (r.line, r.column.as_deref(), r.reason.as_str()))
                .collect();
            if got.len() != rows.len() {
                fail(format!("rejected rows {got:?}"));
            }
            for ((line, column, part), (got_line, got_column, reason)) in rows.iter().zip(&got) {
                if line != got_line || column != got_column || !reason.contains(part) {
                    fail(format!(
                        "expected line {line} column {column:?} {part:?}, got line {got_line} column {got_column:?} {reason:?}"
                    ));
                }
            }
            for note in *notes {
                if !file.notes.iter().any(|n| n.contains(note)) {
                    fail(format!("no note {note:?} in {:?}", file.notes));
                }
            }
        }
        (_, other) => fail(format!("outcome {other:?}")),
    }
    problems
}

#[test]
fn every_corpus_file_is_listed_with_its_outcome() {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixture("hostile"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
    assert!(CORPUS.len() >= 40);
}

#[test]
fn each_hostile_file_has_its_exact_outcome() {
    let mut problems = Vec::new();
    for (name, expect) in CORPUS {
        let (_dir, path, mut store) = store_with_one_import();
        let report = import_paths(
            &mut store,
            &[hostile(name)],
            &AtomicBool::new(false),
            &mut |_| {},
        )
        .unwrap_or_else(|e| panic!("{name}: the batch failed: {e}"));
        assert_eq!(report.files.len(), 1, "{name}");
        problems.extend(check(name, expect, &report.files[0]));
        let sources = store.sources().unwrap().len();
        let expected_sources = if matches!(expect, Refused(_)) { 1 } else { 2 };
        if sources != expected_sources {
            problems.push(format!("{name}: {sources} sources in the file"));
        }
        if matches!(expect, Refused(_)) {
            let rejected_rows = sql_int(&path, "SELECT count(*) FROM rejected_row");
            if rejected_rows != 0 {
                problems.push(format!(
                    "{name}: refused but left {rejected_rows} rejected rows"
                ));
            }
        }
        if report.is_clean() != matches!(expect, Imported { rows: [], .. }) {
            problems.push(format!("{name}: is_clean() = {}", report.is_clean()));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// The whole corpus as one batch through the command line: exit 1, the refused files are
/// named with their reasons, rejected rows with file, line and column, and the good rows
/// of the other files are imported.
#[test]
fn the_whole_corpus_through_the_cli_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.assessment");
    let app = || Command::new(env!("CARGO_BIN_EXE_csp-assessment"));
    let out = app()
        .args(["import", "--json", "--db"])
        .arg(&db)
        .arg(fixture("hostile"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), CORPUS.len());
    for (name, expect) in CORPUS {
        let file = files
            .iter()
            .find(|f| f["file"] == *name)
            .unwrap_or_else(|| panic!("{name} missing"));
        match expect {
            Refused(parts) => {
                assert_eq!(file["status"], "rejected", "{name}");
                let reason = file["reason"].as_str().unwrap();
                assert!(parts.iter().all(|p| reason.contains(p)), "{name}: {reason}");
            }
            Imported { accepted, rows, .. } => {
                assert_eq!(file["status"], "imported", "{name}");
                assert_eq!(file["rows_accepted"], *accepted, "{name}");
                assert_eq!(file["rows_rejected"], rows.len(), "{name}");
                for ((line, column, _), example) in rows
                    .iter()
                    .zip(file["rejected_examples"].as_array().unwrap())
                {
                    assert_eq!(example["line"], *line, "{name}");
                    assert_eq!(example["column"].as_str(), *column, "{name}");
                }
            }
        }
    }
    // The text summary names file, line and column together.
    let text_db = dir.path().join("text.assessment");
    let out = app()
        .args(["import", "--db"])
        .arg(&text_db)
        .arg(hostile("bad_coordinates.csv"))
        .arg(hostile("xlsx_renamed.csv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("rejected: bad_coordinates.csv, line 7: column Latitude: \"-\" is not a valid coordinate"),
        "{text}"
    );
    assert!(
        text.contains("xlsx_renamed.csv: REJECTED: the file is an Excel workbook (.xlsx)"),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------
// Inputs made at run time.

const HEADER: &str = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

fn street_csv(rows: usize, month: &str) -> String {
    let mut text = String::with_capacity(rows * 120);
    text.push_str(HEADER);
    text.push('\n');
    for i in 0..rows {
        text.push_str(&format!(
            ",{month},Testshire Police,Testshire Police,0.5{:05},51.3,On or near Street {},E0100{:04},Town {},Anti-social behaviour,,\n",
            i % 1000,
            i % 500,
            i % 300,
            i % 300
        ));
    }
    text
}

fn write_zip(path: &Path, entries: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// The whole batch must fail with a message holding `parts`, and leave the file as it was.
fn assert_batch_fails_untouched(paths: &[PathBuf], parts: &[&str]) {
    let (_dir, path, store) = store_with_one_import();
    drop(store);
    let before = sha256_of(&path);
    let mut store = Store::open_existing(&path).unwrap();
    let err = import_paths(&mut store, paths, &AtomicBool::new(false), &mut |_| {}).unwrap_err();
    let text = err.to_string();
    for part in parts {
        assert!(text.contains(part), "{text:?} lacks {part:?}");
    }
    drop(store);
    assert_eq!(sha256_of(&path), before, "the assessment file changed");
}

#[test]
fn a_zip_inside_the_zip_is_skipped_with_a_reason_and_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("inner.zip");
    write_zip(
        &inner,
        &[(
            "2021-04/2021-04-x-street.csv",
            street_csv(3, "2021-04").as_bytes(),
        )],
    );
    let outer = dir.path().join("nested.zip");
    let inner_bytes = std::fs::read(&inner).unwrap();
    write_zip(
        &outer,
        &[
            (
                "2021-05/2021-05-x-street.csv",
                street_csv(4, "2021-05").as_bytes(),
            ),
            ("more/inner.zip", &inner_bytes),
        ],
    );
    let (_d, _p, mut store) = temp_store();
    let report = import(&mut store, &[outer]);
    assert_eq!(report.files.len(), 1);
    assert_eq!(counts(&report.files[0].outcome), (4, 0, 0));
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].name, "nested.zip/more/inner.zip");
    assert!(report.skipped[0].reason.contains("a zip inside a zip"));
}

#[test]
fn zip_slip_entry_names_are_read_in_place_and_nothing_is_written_outside() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("a/b");
    std::fs::create_dir_all(&work).unwrap();
    let evil = work.join("evil.zip");
    let csv = street_csv(2, "2021-04");
    write_zip(
        &evil,
        &[
            ("../../evil-street.csv", csv.as_bytes()),
            (
                "/tmp/absolute-evil-street.csv",
                street_csv(3, "2021-05").as_bytes(),
            ),
        ],
    );
    let before = list_tree(dir.path());
    let (_d, _p, mut store) = temp_store();
    let report = import(&mut store, &[evil]);
    let names: Vec<&str> = report.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "evil.zip/../../evil-street.csv",
            "evil.zip//tmp/absolute-evil-street.csv"
        ]
    );
    assert_eq!(report.rows_accepted(), 5);
    assert_eq!(
        list_tree(dir.path()),
        before,
        "files appeared beside the zip"
    );
    assert!(!Path::new("/tmp/absolute-evil-street.csv").exists());
}

fn list_tree(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path.clone());
            }
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn a_truncated_zip_fails_the_batch_naming_it_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("truncated.zip");
    write_zip(
        &zip_path,
        &[(
            "2021-04/2021-04-x-street.csv",
            street_csv(200, "2021-04").as_bytes(),
        )],
    );
    let bytes = std::fs::read(&zip_path).unwrap();
    std::fs::write(&zip_path, &bytes[..bytes.len() / 2]).unwrap();
    assert_batch_fails_untouched(
        &[fixture("street_excel_months.csv"), zip_path],
        &["truncated.zip is not a readable zip file"],
    );
}

#[test]
fn a_damaged_zip_entry_fails_the_batch_naming_the_entry_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("damaged.zip");
    // Stored, not deflated, so the damage is in the data and only the checksum sees it.
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("2021-04/2021-04-x-street.csv", options)
        .unwrap();
    zip.write_all(street_csv(50, "2021-04").as_bytes()).unwrap();
    zip.finish().unwrap();
    let mut bytes = std::fs::read(&zip_path).unwrap();
    let at = bytes.len() / 2;
    bytes[at] = if bytes[at] == b'7' { b'8' } else { b'7' };
    std::fs::write(&zip_path, &bytes).unwrap();
    assert_batch_fails_untouched(
        &[fixture("street_excel_months.csv"), zip_path],
        &[
            "could not read damaged.zip/2021-04/2021-04-x-street.csv",
            "could not be read to the end",
        ],
    );
}

#[test]
fn a_text_file_named_zip_fails_the_batch_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("download.zip");
    std::fs::write(&fake, street_csv(2, "2021-04")).unwrap();
    assert_batch_fails_untouched(&[fake], &["download.zip is not a readable zip file"]);
}

/// A file whose one line is 1 GB: refused after reading about 1 MB, naming line 1. The file
/// is sparse past its first 2 MB (no disk space), which the reader never gets to.
#[test]
fn a_one_gigabyte_single_line_file_is_refused_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("one-line.csv");
    let mut file = std::fs::File::create(&big).unwrap();
    let block = vec![b'x'; 1 << 20];
    file.write_all(HEADER.as_bytes()).unwrap();
    file.write_all(b"\n").unwrap();
    for _ in 0..2 {
        file.write_all(&block).unwrap();
    }
    file.set_len(1 << 30).unwrap();
    drop(file);
    let (_d, _p, mut store) = temp_store();
    let report = import(&mut store, std::slice::from_ref(&big));
    match &report.files[0].outcome {
        FileOutcome::Rejected { reason } => assert!(
            reason.starts_with("line 2: the row starting on this line is longer than 1 MB"),
            "{reason}"
        ),
        other => panic!("{other:?}"),
    }
    // Also with no header line at all: line 1.
    let headless = dir.path().join("no-line-ends.csv");
    let file = std::fs::File::create(&headless).unwrap();
    (&file).write_all(&block).unwrap();
    (&file).write_all(&block).unwrap();
    file.set_len(1 << 30).unwrap();
    let report = import(&mut store, &[headless]);
    match &report.files[0].outcome {
        FileOutcome::Rejected { reason } => {
            assert!(reason.starts_with("line 1: the row starting"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    // Peak memory, measured in a process of its own (this one runs other tests too).
    if let Some(peak_kb) = peak_rss_of_cli_import(&big) {
        eprintln!("peak RSS of the CLI refusing a 1 GB single-line file: {peak_kb} kB");
        assert!(peak_kb < 64 * 1024, "peak RSS {peak_kb} kB");
    }
}

/// Peak resident memory (kB) of `csp-assessment import` on `input`, where the system can
/// say (GNU time, or Linux's /proc polled while it runs).
fn peak_rss_of_cli_import(input: &Path) -> Option<u64> {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rss.assessment");
    let out = Command::new("/usr/bin/time")
        .args([
            "-f",
            "peak_rss_kb=%M",
            env!("CARGO_BIN_EXE_csp-assessment"),
            "import",
            "--db",
        ])
        .arg(&db)
        .arg(input)
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let peak = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak_rss_kb="))
        .and_then(|v| v.trim().parse().ok());
    if peak.is_none() {
        eprintln!("SKIPPED the peak-memory measurement: /usr/bin/time is not available");
    }
    peak
}

/// Run an import of `input` and call `meddle` with its path once rows have been written.
fn import_while(input: &Path, meddle: impl Fn(&Path)) -> (String, String, String) {
    let (_dir, path, store) = store_with_one_import();
    drop(store);
    let before = sha256_of(&path);
    let mut store = Store::open_existing(&path).unwrap();
    let done = AtomicBool::new(false);
    let result = import_paths(
        &mut store,
        &[input.to_path_buf()],
        &AtomicBool::new(false),
        // Once rows have been stored the file is open and part read: the meddling is
        // then certainly while it is read (at the first report it may not be open yet).
        &mut |p| {
            if p.rows > 0 && !done.swap(true, Ordering::Relaxed) {
                meddle(input);
            }
        },
    );
    assert!(done.load(Ordering::Relaxed), "no progress was reported");
    let text = match result {
        Err(e @ StoreError::Import(_)) => e.to_string(),
        other => panic!("{other:?}"),
    };
    drop(store);
    (text, before, sha256_of(&path))
}

#[test]
fn a_file_deleted_while_it_is_read_fails_the_batch_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("vanishing-street.csv");
    std::fs::write(&input, street_csv(150_000, "2022-01")).unwrap();
    let (text, before, after) = import_while(&input, |p| std::fs::remove_file(p).unwrap());
    assert!(text.contains("vanishing-street.csv"), "{text}");
    assert!(
        text.contains("was deleted or moved while it was being read"),
        "{text}"
    );
    assert_eq!(before, after);
}

#[test]
fn a_file_truncated_while_it_is_read_fails_the_batch_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("shrinking-street.csv");
    std::fs::write(&input, street_csv(150_000, "2022-01")).unwrap();
    let (text, before, after) = import_while(&input, |p| {
        std::fs::OpenOptions::new()
            .write(true)
            .open(p)
            .unwrap()
            .set_len(1000)
            .unwrap()
    });
    assert!(text.contains("shrinking-street.csv"), "{text}");
    assert!(
        text.contains("the file changed while it was being read"),
        "{text}"
    );
    assert_eq!(before, after);
}

/// A named pipe (what a file on a stalled network share can look like): read to its end,
/// imported, with no size to check.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_read_to_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe-street.csv");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !matches!(made, Ok(s) if s.success()) {
        eprintln!("SKIPPED: mkfifo is not available");
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            std::fs::write(&fifo, street_csv(20, "2021-06")).unwrap();
        })
    };
    let (_d, _p, mut store) = temp_store();
    let report = import(&mut store, &[fifo]);
    writer.join().unwrap();
    assert_eq!(counts(&report.files[0].outcome), (20, 0, 0));
}
