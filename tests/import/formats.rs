//! Each input variant: BOM + CRLF + quoted fields, Windows-1252, Excel month forms,
//! legacy crime types, a download folder, the downloaded zip.

use super::*;
use std::io::Write;

#[test]
fn bom_crlf_and_quoted_fields_import_cleanly() {
    let (_dir, path, mut store) = temp_store();
    let report = import(&mut store, &[fixture("street_bom_crlf.csv")]);
    assert!(report.is_clean(), "{report:?}");
    assert_eq!(counts(&report.files[0].outcome), (4, 0, 0));
    let totals = store.totals().unwrap();
    assert_eq!((totals.crime, totals.asb, totals.unlocated), (3, 1, 1));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let quoted: String = conn
        .query_row(
            "SELECT l.name FROM incident i JOIN location l ON l.id = i.location_id WHERE i.crime_type_id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(quoted, "On or near \"The Crescent\", Upper Town");
}

#[test]
fn windows_1252_text_is_decoded_and_reported() {
    let (_dir, path, mut store) = temp_store();
    let report = import(&mut store, &[fixture("street_windows1252.csv")]);
    assert_eq!(counts(&report.files[0].outcome), (3, 0, 0));
    assert!(
        report.files[0]
            .notes
            .iter()
            .any(|n| n.contains("Windows-1252")),
        "{:?}",
        report.files[0].notes
    );
    let conn = rusqlite::Connection::open(&path).unwrap();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM location ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        names,
        vec![
            "On or near Café Parade",
            "On or near St Mary’s Walk – North"
        ]
    );
    let lsoa: String = conn
        .query_row("SELECT name FROM lsoa WHERE code = 'E01000002'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(lsoa, "Brückton 002B");
}

#[test]
fn excel_month_forms_are_normalised_and_said() {
    let (_dir, path, mut store) = temp_store();
    let report = import(&mut store, &[fixture("street_excel_months.csv")]);
    assert_eq!(counts(&report.files[0].outcome), (5, 0, 0));
    assert_eq!(
        sql_int(&path, "SELECT count(*) FROM incident WHERE month = 202104"),
        5
    );
    let notes = report.files[0].notes.join("\n");
    for form in ["Apr-21", "04/2021", "2021-04-01", "01/04/2021"] {
        assert!(
            notes.contains(&format!("written like {form}")),
            "{form} in {notes}"
        );
    }
}

#[test]
fn legacy_crime_types_are_mapped_and_reported() {
    let (_dir, path, mut store) = temp_store();
    let report = import(&mut store, &[fixture("street_legacy_types.csv")]);
    assert_eq!(counts(&report.files[0].outcome), (3, 0, 0));
    let notes = report.files[0].notes.join("\n");
    assert!(notes.contains("\"Violent crime\" in 1 rows: counted as Violence and sexual offences"));
    assert!(notes.contains("\"Public disorder and weapons\" in 1 rows: counted as Public order"));
    assert_eq!(
        sql_int(
            &path,
            "SELECT count(*) FROM incident WHERE crime_type_id = 14"
        ),
        1
    );
    assert_eq!(
        sql_int(
            &path,
            "SELECT count(*) FROM incident WHERE crime_type_id = 9"
        ),
        1
    );
}

#[test]
fn a_download_folder_imports_street_files_and_names_what_it_skipped() {
    let (_dir, _path, mut store) = temp_store();
    let report = import(&mut store, &[fixture("police-uk-download")]);
    let names: Vec<&str> = report.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "2021-04/2021-04-testshire-street.csv",
            "2021-05/2021-05-testshire-street.csv"
        ]
    );
    let skipped: Vec<(&str, &str)> = report
        .skipped
        .iter()
        .map(|s| (s.name.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(skipped.len(), 2);
    assert!(skipped[0].0.ends_with("outcomes.csv") && skipped[0].1.contains("outcomes"));
    assert!(
        skipped[1].0.ends_with("stop-and-search.csv") && skipped[1].1.contains("stop-and-search")
    );
    let totals = store.totals().unwrap();
    assert_eq!((totals.crime, totals.asb), (4, 3));
}

pub fn zip_folder(folder: &Path, zip_path: &Path) {
    let file = std::fs::File::create(zip_path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut entries = Vec::new();
    for month in std::fs::read_dir(folder).unwrap() {
        for f in std::fs::read_dir(month.unwrap().path()).unwrap() {
            entries.push(f.unwrap().path());
        }
    }
    entries.sort();
    for path in entries {
        let name = path
            .strip_prefix(folder)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        zip.start_file(name, options).unwrap();
        zip.write_all(&std::fs::read(&path).unwrap()).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn the_downloaded_zip_imports_like_the_folder() {
    let (dir, _path, mut store) = temp_store();
    let zip_path = dir.path().join("download.zip");
    zip_folder(&fixture("police-uk-download"), &zip_path);
    let report = import(&mut store, &[zip_path]);
    assert_eq!(report.files.len(), 2);
    assert_eq!(
        report.files[0].name,
        "download.zip/2021-04/2021-04-testshire-street.csv"
    );
    assert_eq!(report.skipped.len(), 2);
    let totals = store.totals().unwrap();
    assert_eq!((totals.crime, totals.asb), (4, 3));
    // The same content from the folder is recognised as already imported.
    let again = import(&mut store, &[fixture("police-uk-download")]);
    assert!(again
        .files
        .iter()
        .all(|f| matches!(f.outcome, FileOutcome::AlreadyImported { .. })));
}
