//! Many files in one batch (issue 17): unchanged files are recognised before they are
//! parsed (size, a zip entry's CRC-32, then the content fingerprint or SHA-256) and write
//! nothing; a batch of many files keeps the same figures as importing them one at a time;
//! a file rejected part-way leaves nothing the next file could point at.

use super::*;
use csp_assessment::import::kind::FileKind;
use csp_assessment::store::ingest::{import_paths_as, Progress};

const HEADER: &str = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

/// A street row: (month, force, location, LSOA code, crime type, outcome).
fn row(month: &str, force: &str, location: &str, lsoa: &str, crime_type: &str) -> String {
    let outcome = if crime_type == "Anti-social behaviour" {
        ""
    } else {
        "Under investigation"
    };
    format!(
        ",{month},{force},{force},0.510000,51.380000,{location},{lsoa},{lsoa} name,{crime_type},{outcome},"
    )
}

fn write_file(path: &Path, rows: &[String]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut text = format!("{HEADER}\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}

/// Import reporting the rows the writer stored, as the progress callback counts them.
fn import_counting_rows(store: &mut Store, paths: &[PathBuf]) -> (ImportReport, u64) {
    let mut rows = 0;
    let report = import_paths(
        store,
        paths,
        &AtomicBool::new(false),
        &mut |p: &Progress| rows = rows.max(p.rows),
    )
    .unwrap();
    (report, rows)
}

fn all_already_imported(report: &ImportReport) -> bool {
    !report.files.is_empty()
        && report
            .files
            .iter()
            .all(|f| matches!(f.outcome, FileOutcome::AlreadyImported { .. }))
}

#[test]
fn an_unchanged_folder_is_recognised_without_reading_a_row_and_writes_nothing() {
    let (_dir, path, mut store) = temp_store();
    import(&mut store, &[fixture("police-uk-download")]);
    drop(store);
    let before = sha256_of(&path);
    let mut store = Store::open_existing(&path).unwrap();
    let (again, rows) = import_counting_rows(&mut store, &[fixture("police-uk-download")]);
    assert!(all_already_imported(&again), "{again:?}");
    assert_eq!(rows, 0, "no row was parsed or written");
    drop(store);
    assert_eq!(sha256_of(&path), before, "the assessment file is unchanged");
}

#[test]
fn a_zip_entry_is_recognised_by_its_crc_and_content_and_so_is_the_same_folder() {
    let (dir, path, mut store) = temp_store();
    let zip_path = dir.path().join("download.zip");
    super::formats::zip_folder(&fixture("police-uk-download"), &zip_path);
    import(&mut store, std::slice::from_ref(&zip_path));
    // The CRC-32 stored is the archive's own (read here with Python's zipfile).
    let crc = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).getinfo('2021-04/2021-04-testshire-street.csv').CRC)",
        ])
        .arg(&zip_path)
        .output();
    if let Some(out) = crc.ok().filter(|o| o.status.success()) {
        let crc: i64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        assert_eq!(
            sql_int(&path, "SELECT zip_crc32 FROM sources WHERE file_name LIKE '%2021-04-testshire-street.csv'"),
            crc
        );
    }
    let (again, rows) = import_counting_rows(&mut store, &[zip_path]);
    assert!(all_already_imported(&again), "{again:?}");
    assert_eq!(rows, 0);
    let (folder, rows) = import_counting_rows(&mut store, &[fixture("police-uk-download")]);
    assert!(all_already_imported(&folder), "{folder:?}");
    assert_eq!(rows, 0);
    assert_eq!(sql_int(&path, "SELECT count(*) FROM sources"), 2);
}

#[test]
fn a_file_of_the_same_size_with_other_content_is_imported() {
    let (dir, path, mut store) = temp_store();
    let original = fixture("police-uk-download/2021-04/2021-04-testshire-street.csv");
    import(&mut store, std::slice::from_ref(&original));
    let text = std::fs::read_to_string(&original).unwrap();
    let changed = text.replacen("High Street", "Hugh Street", 1);
    assert_ne!(changed, text);
    let copy = dir.path().join("2021-04-testshire-street.csv");
    std::fs::write(&copy, &changed).unwrap();
    assert_eq!(
        std::fs::metadata(&copy).unwrap().len(),
        std::fs::metadata(&original).unwrap().len()
    );
    let report = import(&mut store, &[copy]);
    assert!(
        matches!(report.files[0].outcome, FileOutcome::Imported { .. }),
        "{report:?}"
    );
    assert_eq!(sql_int(&path, "SELECT count(*) FROM sources"), 2);
}

#[test]
fn sources_imported_before_fingerprints_are_recognised_by_their_sha256() {
    let (_dir, path, mut store) = temp_store();
    import(&mut store, &[fixture("police-uk-download")]);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE sources SET fingerprint = NULL", [])
        .unwrap();
    let (again, rows) = import_counting_rows(&mut store, &[fixture("police-uk-download")]);
    assert!(all_already_imported(&again), "{again:?}");
    assert_eq!(rows, 0);
}

#[test]
fn the_same_bytes_read_as_another_kind_are_not_taken_for_the_earlier_import() {
    let (_dir, _path, mut store) = temp_store();
    let file = fixture("street_bom_crlf.csv");
    import(&mut store, std::slice::from_ref(&file));
    let report = import_paths_as(
        &mut store,
        &[file],
        Some(FileKind::WardLookup),
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .unwrap();
    assert!(
        matches!(report.files[0].outcome, FileOutcome::Rejected { .. }),
        "read as a ward lookup, the street file is not one: {report:?}"
    );
}

#[test]
fn a_file_rejected_part_way_leaves_nothing_the_next_file_could_point_at() {
    let (dir, path, mut store) = temp_store();
    let folder = dir.path().join("batch");
    let force = "Testshire Police";
    write_file(
        &folder.join("a.csv"),
        &[row(
            "2021-04",
            force,
            "On or near A Street",
            "E01000001",
            "Burglary",
        )],
    );
    // b.csv introduces new names, then a row that never ends (an unclosed quote and
    // more than the 1 MB a row may take, with the parser's read-ahead): the whole file is
    // rejected after its first rows were read.
    let mut b_rows = vec![
        row(
            "2021-05",
            force,
            "On or near Only In B",
            "E01000002",
            "Drugs",
        ),
        row(
            "2021-05",
            force,
            "On or near Shared Road",
            "E01000003",
            "Robbery",
        ),
    ];
    b_rows.push(format!("\"{}", "x".repeat(2_500_000)));
    write_file(&folder.join("b.csv"), &b_rows);
    write_file(
        &folder.join("c.csv"),
        &[
            row(
                "2021-06",
                force,
                "On or near Shared Road",
                "E01000003",
                "Robbery",
            ),
            row(
                "2021-06",
                force,
                "On or near C Close",
                "E01000004",
                "Anti-social behaviour",
            ),
        ],
    );
    let report = import(&mut store, &[folder]);
    let outcomes: Vec<_> = report.files.iter().map(|f| (&f.name, &f.outcome)).collect();
    assert!(
        matches!(report.files[1].outcome, FileOutcome::Rejected { .. }),
        "{outcomes:?}"
    );
    assert_eq!(report.rows_accepted(), 3, "{outcomes:?}");
    // Every id in the fact table names an entry that exists, and b's names are gone.
    for (column, table) in [
        ("location_id", "location"),
        ("lsoa_id", "lsoa"),
        ("outcome_id", "outcome"),
        ("reported_by_id", "force"),
    ] {
        let dangling = sql_int(
            &path,
            &format!("SELECT count(*) FROM incident i LEFT JOIN {table} d ON d.id = i.{column} WHERE i.{column} IS NOT NULL AND d.id IS NULL"),
        );
        assert_eq!(dangling, 0, "{column}");
    }
    assert_eq!(
        sql_int(
            &path,
            "SELECT count(*) FROM location WHERE name = 'On or near Only In B'"
        ),
        0
    );
    assert_eq!(sql_int(&path, "SELECT count(*) FROM incident i JOIN location l ON l.id = i.location_id WHERE l.name = 'On or near Shared Road'"), 1);
    let totals = store.totals().unwrap();
    assert_eq!(totals.crime + totals.asb, 3, "maintained counts");
}

/// Files of a police.uk folder: 3 forces × 4 months, and a re-published month of the
/// first force that replaces one of them inside the same batch.
fn many_files(root: &Path) -> Vec<PathBuf> {
    let types = [
        "Burglary",
        "Anti-social behaviour",
        "Drugs",
        "Shoplifting",
        "Robbery",
    ];
    let mut files = Vec::new();
    for (m, month) in ["2022-01", "2022-02", "2022-03", "2022-04"]
        .iter()
        .enumerate()
    {
        for (f, force) in ["Alpha Police", "Beta Police", "Gamma Police"]
            .iter()
            .enumerate()
        {
            let rows: Vec<String> = (0..40 + 7 * (m + f))
                .map(|i| {
                    let lsoa = format!("E0100{:04}", (i * 7 + f) % 23);
                    let location = format!("On or near Street {}", (i * 3 + m) % 17);
                    row(
                        month,
                        force,
                        &location,
                        &lsoa,
                        types[(i + m + f) % types.len()],
                    )
                })
                .collect();
            let path = root
                .join(month)
                .join(format!("{month}-force{f}-street.csv"));
            write_file(&path, &rows);
            files.push(path);
        }
    }
    let republished: Vec<String> = (0..25)
        .map(|i| {
            row(
                "2022-02",
                "Alpha Police",
                "On or near New Road",
                "E01000005",
                types[i % 3],
            )
        })
        .collect();
    let path = root.join("z-republished/2022-02-force0-street.csv");
    write_file(&path, &republished);
    files.push(path);
    files
}

fn month_count_blobs(path: &Path) -> Vec<(i64, Vec<u8>)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT month, counts FROM month_count ORDER BY month")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn one_batch_of_many_files_keeps_the_figures_of_one_file_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let files = many_files(&dir.path().join("download"));
    let one_batch = dir.path().join("batch.assessment");
    let mut store = Store::open_or_create(&one_batch).unwrap();
    let report = import(&mut store, &files);
    assert!(report.is_clean(), "{report:?}");
    assert!(
        report.rows_replaced() > 0,
        "the re-published month replaced rows"
    );
    let one_by_one = dir.path().join("single.assessment");
    let mut single = Store::open_or_create(&one_by_one).unwrap();
    for file in &files {
        import(&mut single, std::slice::from_ref(file));
    }
    assert_eq!(
        month_count_blobs(&one_batch),
        month_count_blobs(&one_by_one)
    );
    assert_eq!(store.totals().unwrap(), single.totals().unwrap());
    let fact = "SELECT month, crime_type_id, coalesce(lsoa_id, 0), count(*) FROM incident GROUP BY 1, 2, 3";
    let groups = |path: &Path| -> Vec<(i64, i64, i64, i64)> {
        let conn = rusqlite::Connection::open(path).unwrap();
        let mut stmt = conn.prepare(fact).unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(groups(&one_batch), groups(&one_by_one));
    let maintained: i64 = store.month_type_counts().unwrap().iter().map(|c| c.2).sum();
    assert_eq!(
        maintained,
        sql_int(&one_batch, "SELECT count(*) FROM incident")
    );
    let ranges = "SELECT count(*) FROM source_month s WHERE s.rows <> (SELECT count(*) FROM incident i WHERE i.id BETWEEN s.first_rowid AND s.last_rowid AND i.source_id = s.source_id)";
    assert_eq!(
        sql_int(&one_batch, ranges),
        0,
        "every recorded row range holds its rows"
    );
}

#[test]
fn a_file_of_several_fingerprint_segments_is_recognised_and_a_changed_byte_is_not() {
    use csp_assessment::import::fingerprint::{fingerprint_file, SEGMENT};
    let (dir, path, mut store) = temp_store();
    // About 20 MB: three segments, hashed a segment per core when it is checked.
    let rows: Vec<String> = (0..200_000)
        .map(|i| {
            let location = format!("On or near Street {}", i % 997);
            let lsoa = format!("E01{:06}", 1 + i % 50);
            row("2024-05", "Kent Police", &location, &lsoa, "Burglary")
        })
        .collect();
    let big = dir.path().join("2024-05-kent-street.csv");
    write_file(&big, &rows);
    let size = std::fs::metadata(&big).unwrap().len();
    assert!(size > 2 * SEGMENT as u64, "{size} bytes");
    import(&mut store, std::slice::from_ref(&big));
    let stored: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT fingerprint FROM sources", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, fingerprint_file(&big, size, 2).unwrap());
    let (again, written) = import_counting_rows(&mut store, std::slice::from_ref(&big));
    assert!(all_already_imported(&again), "{again:?}");
    assert_eq!(written, 0);
    // The same size, one byte different in the last segment: imported (replacing the
    // month it covers), not taken for the earlier file.
    let mut bytes = std::fs::read(&big).unwrap();
    let at = bytes.len() - 40;
    bytes[at] = if bytes[at] == b'1' { b'2' } else { b'1' };
    std::fs::write(&big, &bytes).unwrap();
    let (changed, _) = import_counting_rows(&mut store, std::slice::from_ref(&big));
    assert!(
        matches!(changed.files[0].outcome, FileOutcome::Imported { .. }),
        "{changed:?}"
    );
}
