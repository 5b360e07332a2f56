//! Tables as analysts have them (issue 14): workbooks saved by LibreOffice (.xlsx, .ods,
//! .xls) and CSV in other dialects (semicolon-separated, UTF-16 "Unicode text") made from
//! the sample's other-force DA extract by `scripts/make-table-fixtures.sh`, and a workbook
//! written here by rust_xlsxwriter with a notes sheet, title rows, Excel dates and a
//! footnote — each must import exactly the rows of the CSV original, with rejected rows
//! named by sheet, row and column.

use super::*;
use std::process::Command;

fn app() -> Command {
    Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data/partners")
        .join(name)
}

fn run_ok(command: &mut Command) -> serde_json::Value {
    let out = command.output().unwrap();
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null)
}

/// Import `file` with the "Other force" mapping into a new file; the import's JSON.
fn import_with_mapping(dir: &Path, file: &Path) -> (PathBuf, serde_json::Value) {
    let db = dir.join(format!(
        "{}.assessment",
        file.file_name().unwrap().to_string_lossy()
    ));
    super::partner::save_other_force_mapping(&db);
    let json = run_ok(
        app()
            .args(["import", "--json", "--mapping", "Other force", "--db"])
            .arg(&db)
            .arg(file),
    );
    (db, json)
}

/// Every DA incident as stored, in reference order.
fn incidents(db: &Path) -> Vec<Vec<String>> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT reference, date, area_code, is_crime, offence, victim_sex, victim_age_band,
                    repeat_victim, risk, referred_to_marac
             FROM da_incident ORDER BY reference",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            (0..10)
                .map(|i| {
                    r.get_ref(i).map(|v| match v {
                        rusqlite::types::ValueRef::Null => "NULL".to_string(),
                        rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                        rusqlite::types::ValueRef::Real(f) => f.to_string(),
                        rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into(),
                        rusqlite::types::ValueRef::Blob(_) => "BLOB".into(),
                    })
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// (line, column) of each rejected row of the only file.
fn rejected(json: &serde_json::Value) -> Vec<(u64, String)> {
    json["files"][0]["rejected_examples"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["line"].as_u64().unwrap(),
                r["column"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn workbooks_and_other_dialects_of_the_da_extract_import_the_same_rows_as_the_csv_issue_14() {
    let dir = tempfile::tempdir().unwrap();
    let (original_db, original) =
        import_with_mapping(dir.path(), &sample("da_extract_other_force_layout.csv"));
    let want = incidents(&original_db);
    assert_eq!(want.len(), 358);
    assert_eq!(
        rejected(&original),
        [(122, "Recorded On".into()), (242, "Geog".into())]
    );
    for name in [
        "da_extract.xlsx",
        "da_extract.ods",
        "da_extract.xls",
        "da_extract_semicolon.csv",
        "da_extract_unicode.txt",
    ] {
        let file = fixture("tables").join(name);
        let (db, json) = import_with_mapping(dir.path(), &file);
        let report = &json["files"][0];
        assert_eq!(report["status"], "imported", "{name}: {report}");
        assert_eq!(incidents(&db), want, "{name}: the same rows as the CSV");
        assert_eq!(rejected(&json), rejected(&original), "{name}");
        let notes: Vec<&str> = report["notes"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|n| n.as_str())
            .collect();
        if name.ends_with(".csv") || name.ends_with(".txt") {
            let said = if name.ends_with(".txt") {
                "read as tab-separated, UTF-16 (Excel \"Unicode text\") text"
            } else {
                "read as semicolon-separated, UTF-8 text, fields in double quotes"
            };
            assert!(
                notes.iter().any(|n| n.starts_with(said)),
                "{name}: {notes:?}"
            );
        } else {
            // Provenance names the sheet; the workbook's own SHA-256 is in the notes.
            assert_eq!(report["file"], format!("{name}, sheet da_extract"));
            let own = sha256_of(&file);
            assert!(
                notes.iter().any(|n| n.contains(&own)),
                "{name}: {notes:?} lacks {own}"
            );
            assert!(
                notes
                    .iter()
                    .any(|n| n.contains("date cells read as Excel shows them")),
                "{name}: {notes:?}"
            );
        }
    }
}

/// A workbook as a partner sends it: a notes sheet first, then the data sheet with a
/// title, a source line and a blank row above the header, Excel dates and numbers, one bad
/// date, and a footnote.
fn partner_workbook(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes.write_string(0, 0, "About this extract").unwrap();
    notes
        .write_string(1, 0, "Figures are provisional.")
        .unwrap();
    let data = book.add_worksheet();
    data.set_name("DA incidents").unwrap();
    data.write_string(0, 0, "Domestic abuse incidents, April 2024")
        .unwrap();
    data.write_string(1, 0, "Source: Northvale Police").unwrap();
    let header = [
        "Reference",
        "Date",
        "Crime or non-crime",
        "Offence",
        "LSOA code",
        "Victim sex",
        "Victim age band",
        "Repeat victim",
        "Risk level",
        "Referred to MARAC",
    ];
    for (c, h) in header.iter().enumerate() {
        data.write_string(3, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for i in 0..5u16 {
        let row = 4 + u32::from(i);
        data.write_string(row, 0, format!("XL-{i}")).unwrap();
        let when = ExcelDateTime::from_ymd(2024, 4, 10 + i as u8).unwrap();
        data.write_datetime_with_format(row, 1, &when, &date)
            .unwrap();
        data.write_string(row, 2, "Crime").unwrap();
        data.write_string(row, 3, "Assault").unwrap();
        data.write_string(row, 4, "E01990083").unwrap();
        data.write_string(row, 5, "F").unwrap();
        data.write_number(row, 6, 30.0 + f64::from(i)).unwrap();
        data.write_string(row, 7, "N").unwrap();
        data.write_string(row, 8, "High").unwrap();
        data.write_string(row, 9, "Y").unwrap();
    }
    // Row 10 (Excel numbering): a date that is not one.
    data.write_string(9, 0, "XL-bad").unwrap();
    data.write_string(9, 1, "31/02/2024").unwrap();
    for (c, v) in ["Crime", "Assault", "E01990083", "F", "30", "N", "High", "Y"]
        .iter()
        .enumerate()
    {
        data.write_string(9, c as u16 + 2, *v).unwrap();
    }
    data.write_string(11, 0, "* Provisional figures").unwrap();
    book.save(path).unwrap();
}

#[test]
fn a_workbook_with_a_notes_sheet_title_rows_and_excel_dates_reads_its_data_sheet_issue_14() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("Partner DA.xlsx");
    partner_workbook(&book);
    let db = dir.path().join("x.assessment");
    let (code, text) = import_with_cli(&db, [&book]);
    assert_eq!(code, Some(1), "one row rejected: {text}");
    assert!(
        text.contains("Partner DA.xlsx, sheet DA incidents: 5 accepted, 1 rejected"),
        "{text}"
    );
    assert!(
        text.contains("the header is on row 4 (2 title rows above it not read)"),
        "{text}"
    );
    assert!(
        text.contains("1 note row below the table (\"* Provisional figures\") not read"),
        "{text}"
    );
    assert!(
        text.contains("rejected: Partner DA.xlsx, sheet DA incidents, row 10: Date \"31/02/2024\" is not a real date"),
        "{text}"
    );
    let dates = sql_strings(&db, "SELECT date FROM da_incident ORDER BY reference");
    assert_eq!(
        dates,
        [
            "2024-04-10",
            "2024-04-11",
            "2024-04-12",
            "2024-04-13",
            "2024-04-14"
        ]
    );
    let columns = sql_strings(&db, "SELECT column_name FROM rejected_row");
    assert_eq!(columns, ["Date"]);

    // --sheet chooses; a sheet that is not there is named with the ones that are.
    let sheet = |name: &str| import_with_cli(&db, [Path::new("--sheet"), Path::new(name), &book]).1;
    let text = sheet("notes");
    assert!(text.contains("Partner DA.xlsx: REJECTED"), "{text}");
    let text = sheet("2023");
    assert!(
        text.contains("the workbook has no sheet \"2023\" (its sheets: Notes, DA incidents)"),
        "{text}"
    );
}

#[test]
fn a_whole_file_in_windows_1252_is_read_and_said_so_issue_14() {
    let dir = tempfile::tempdir().unwrap();
    let lookup = dir.path().join("lookup.csv");
    let mut bytes = b"LSOA21CD;LSOA21NM;WD24CD;WD24NM\r\n".to_vec();
    bytes.extend_from_slice(b"E01000001;Caf\xe9 001A;E05000001;Caf\xe9 Quarter\r\n");
    bytes.extend_from_slice(b"E01000002;Na\xefve 001B;E05000002;St Ann\x92s\r\n");
    std::fs::write(&lookup, bytes).unwrap();
    let (_d, path, mut store) = temp_store();
    let report = import(&mut store, &[lookup]);
    assert_eq!(counts(&report.files[0].outcome), (2, 0, 0));
    assert!(
        report.files[0]
            .notes
            .iter()
            .any(|n| n.starts_with("read as semicolon-separated, Windows-1252 (Latin-1) text")),
        "{:?}",
        report.files[0].notes
    );
    let names = sql_strings(&path, "SELECT name FROM ward ORDER BY code");
    assert_eq!(names, ["Café Quarter", "St Ann’s"]);
}

#[test]
fn a_chosen_delimiter_overrides_the_detected_one_issue_14() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.assessment");
    let semicolon = fixture("tables/da_extract_semicolon.csv");
    let (code, text) = import_with_cli(
        &db,
        [Path::new("--delimiter"), Path::new("comma"), &semicolon],
    );
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("is not one the app knows"), "{text}");
}
