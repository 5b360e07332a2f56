//! Populations as Census and ONS downloads come (issue 14): Nomis's Census 2021 TS001 (bulk
//! file, and the web download with its title and footnote rows) and ONS mid-year estimates
//! by LSOA (CSV with quoted headers and a workbook with title rows) and by ward are read
//! without mapping and give the populations of the Census 2011 table where they overlap; a
//! local-authority file is named for what it is; coverage notes name what is missing; and
//! the CLI ends quietly when its output is closed.

use super::*;
use std::process::Command;

fn app() -> Command {
    Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
}

/// (LSOA code, LSOA name, all usual residents) of Medway in the 2011 Census table.
fn medway_2011(census: &Path) -> Vec<(String, String, u64)> {
    let mut reader = csv::Reader::from_path(census).unwrap();
    reader
        .records()
        .map(Result::unwrap)
        .filter(|r| &r[2] == "E06000035")
        .map(|r| {
            (
                r[6].to_string(),
                r[7].to_string(),
                r[9].replace(',', "").parse().unwrap(),
            )
        })
        .collect()
}

/// Every population held, by code.
fn populations(db: &Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT area_code, CAST(total AS INTEGER) FROM population ORDER BY area_code")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn import_cli(db: &Path, file: &Path) -> String {
    let (code, text) = import_with_cli(db, [file]);
    assert_eq!(code, Some(0), "{text}");
    text
}

fn write_csv(path: &Path, quote_all: bool, rows: &[Vec<String>]) {
    let style = if quote_all {
        csv::QuoteStyle::Always
    } else {
        csv::QuoteStyle::Necessary
    };
    let mut writer = csv::WriterBuilder::new()
        .quote_style(style)
        .flexible(true)
        .from_path(path)
        .unwrap();
    for row in rows {
        writer.write_record(row).unwrap();
    }
    writer.flush().unwrap();
}

#[test]
fn nomis_ts001_and_mid_year_estimate_layouts_give_the_census_2011_populations_issue_14() {
    let census = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/geo/census2011_lsoa_population_kent_medway.csv");
    if !census.exists() {
        eprintln!(
            "skipped: the 2011 Census table is not at {}",
            census.display()
        );
        return;
    }
    let medway = medway_2011(&census);
    assert_eq!(medway.len(), 163);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    import_cli(&d.join("census.assessment"), &census);
    let census_pops: Vec<(String, i64)> = populations(&d.join("census.assessment"))
        .into_iter()
        .filter(|(code, _)| medway.iter().any(|(c, _, _)| c == code))
        .collect();
    assert_eq!(census_pops.len(), 163);

    // Nomis bulk TS001: the Total column is all usual residents.
    let mut bulk = vec![[
        "date",
        "geography",
        "geography code",
        "Residence type: Total; measures: Value",
        "Residence type: Lives in a household; measures: Value",
        "Residence type: Lives in a communal establishment; measures: Value",
    ]
    .map(String::from)
    .to_vec()];
    for (code, name, total) in &medway {
        bulk.push(vec![
            "2021".into(),
            name.clone(),
            code.clone(),
            total.to_string(),
            (total - 5).to_string(),
            "5".into(),
        ]);
    }
    write_csv(&d.join("census2021-ts001-lsoa.csv"), false, &bulk);

    // The Nomis web download: title rows above, footnotes below.
    let mut web = vec![
        vec!["Census 2021 - TS001 - Number of usual residents in households and communal establishments".into()],
        vec!["ONS Crown Copyright Reserved [from Nomis on 6 December 2026]".into()],
        vec!["population:".into(), "All usual residents".into()],
        vec!["units:".into(), "Persons".into()],
        vec![String::new()],
        ["2021 super output area - lower layer", "mnemonic", "Total: All usual residents", "Lives in a household"]
            .map(String::from)
            .to_vec(),
    ];
    for (code, name, total) in &medway {
        web.push(vec![
            name.clone(),
            code.clone(),
            total.to_string(),
            (total - 5).to_string(),
        ]);
    }
    web.push(vec![String::new()]);
    web.push(vec!["In order to protect against disclosure of personal information, records have been swapped between different geographic areas.".into()]);
    write_csv(&d.join("nomis-ts001-web.csv"), false, &web);

    // ONS mid-year estimates by LSOA: quoted headers, age columns.
    let mut header: Vec<String> = [
        "LSOA Code",
        "LSOA Name",
        "LA Code (2018 boundaries)",
        "LA name (2018 boundaries)",
        "LA Code (2021 boundaries)",
        "LA name (2021 boundaries)",
        "All Ages",
    ]
    .map(String::from)
    .to_vec();
    header.extend((0..90).map(|age| age.to_string()));
    header.push("90+".into());
    let mut mye = vec![header];
    for (code, name, total) in &medway {
        let mut row = vec![
            code.clone(),
            name.clone(),
            "E06000035".into(),
            "Medway".into(),
            "E06000035".into(),
            "Medway".into(),
            format!("{total}"),
        ];
        row.extend((0..91).map(|_| "12".to_string()));
        mye.push(row);
    }
    write_csv(&d.join("sapelsoasyoa2020.csv"), true, &mye);

    // The same estimates as ONS publishes them: a workbook with a contents sheet and title
    // rows above the table.
    let book_path = d.join("sapelsoasyoa2020.xlsx");
    {
        let mut book = rust_xlsxwriter::Workbook::new();
        let contents = book.add_worksheet();
        contents.set_name("Contents").unwrap();
        contents
            .write_string(
                0,
                0,
                "Mid-2020 Population Estimates for Lower Layer Super Output Areas",
            )
            .unwrap();
        let sheet = book.add_worksheet();
        sheet.set_name("Mid-2020 Persons").unwrap();
        sheet.write_string(0, 0, "Mid-2020 Population Estimates for Lower Layer Super Output Areas in England and Wales by Single Year of Age and Sex").unwrap();
        sheet.write_string(1, 0, "National Statistics").unwrap();
        for (r, row) in mye.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 4, c as u16);
                match cell.parse::<f64>() {
                    Ok(n) if r > 4 && c >= 6 => sheet.write_number(r, c, n).unwrap(),
                    _ => sheet.write_string(r, c, cell).unwrap(),
                };
            }
        }
        book.save(&book_path).unwrap();
    }

    for name in [
        "census2021-ts001-lsoa.csv",
        "nomis-ts001-web.csv",
        "sapelsoasyoa2020.csv",
        "sapelsoasyoa2020.xlsx",
    ] {
        let db = d.join(format!("{name}.assessment"));
        let text = import_cli(&db, &d.join(name));
        assert!(
            text.contains(": 163 accepted, 0 rejected"),
            "{name}: {text}"
        );
        assert_eq!(
            populations(&db),
            census_pops,
            "{name}: the 2011 Census populations"
        );
    }
}

#[test]
fn ward_estimates_read_like_the_sample_ward_populations_and_a_local_authority_file_is_named_issue_14(
) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/geography/ward_population.csv");
    import_cli(&d.join("sample.assessment"), &sample);
    let mut reader = csv::Reader::from_path(&sample).unwrap();
    let mut rows = vec![[
        "Ward Code 1",
        "Ward Name 1",
        "LA Code (2021 boundaries)",
        "LA name (2021 boundaries)",
        "All Ages",
        "0",
        "1",
        "2",
    ]
    .map(String::from)
    .to_vec()];
    for r in reader.records().map(Result::unwrap) {
        rows.push(vec![
            r[0].into(),
            r[1].into(),
            "E06000999".into(),
            "Northvale".into(),
            r[2].into(),
            "100".into(),
            "101".into(),
            "102".into(),
        ]);
    }
    write_csv(&d.join("sapewardsyoa.csv"), true, &rows);
    import_cli(&d.join("wards.assessment"), &d.join("sapewardsyoa.csv"));
    assert_eq!(
        populations(&d.join("wards.assessment")),
        populations(&d.join("sample.assessment"))
    );

    write_csv(
        &d.join("mye2-persons.csv"),
        true,
        &[
            ["Code", "Name", "Geography", "All ages", "0", "1"]
                .map(String::from)
                .to_vec(),
            [
                "K04000001",
                "ENGLAND AND WALES",
                "Country",
                "59597542",
                "1",
                "1",
            ]
            .map(String::from)
            .to_vec(),
            [
                "E06000035",
                "Medway",
                "Unitary Authority",
                "279773",
                "1",
                "1",
            ]
            .map(String::from)
            .to_vec(),
        ],
    );
    let db = d.join("la.assessment");
    // Since issue 13 a local authority's row is that district's population (the
    // comparison's denominator); the country total is rejected, named as one.
    let (_code, text) = import_with_cli(&db, [d.join("mye2-persons.csv")]);
    assert!(text.contains("1 accepted, 1 rejected"), "{text}");
    assert!(
        text.contains("\"K04000001\" is a country code: populations are read by LSOA, ward or local authority"),
        "{text}"
    );
    assert_eq!(sql_int(&db, "SELECT count(*) FROM population"), 0);
    assert_eq!(sql_int(&db, "SELECT count(*) FROM district_population"), 1);
}

#[test]
fn coverage_notes_name_the_lsoas_without_a_population_or_a_ward_issue_14() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let (_d, _path, mut store) = temp_store();
    import(&mut store, &[root.join("police-uk/2024-04")]);
    // A lookup and a population that leave three LSOAs out.
    let drop = ["E01990001", "E01990002", "E01990003"];
    let keep = |from: &str, to: &Path| {
        let text = std::fs::read_to_string(root.join("geography").join(from)).unwrap();
        let kept: Vec<&str> = text
            .lines()
            .filter(|l| !drop.iter().any(|c| l.starts_with(c)))
            .collect();
        std::fs::write(to, kept.join("\n")).unwrap();
    };
    keep("lsoa_ward_lookup.csv", &dir.path().join("lookup.csv"));
    keep(
        "lsoa_population.csv",
        &dir.path().join("lsoa_population.csv"),
    );
    let report = import(
        &mut store,
        &[
            dir.path().join("lookup.csv"),
            dir.path().join("lsoa_population.csv"),
        ],
    );
    let police_lsoas = sql_int(&_path, "SELECT count(*) FROM lsoa");
    let lookup_note = report.files[0].notes.last().unwrap();
    assert!(
        lookup_note.starts_with(&format!(
            "3 of the {police_lsoas} LSOAs in the police data have no ward in the lookup: E01990001 (Northvale 001A), E01990002 (Northvale 001B), E01990003 (Northvale 001C)."
        )),
        "{lookup_note}"
    );
    let population_note = report.files[1].notes.last().unwrap();
    assert!(
        population_note.starts_with(&format!(
            "3 of the {police_lsoas} LSOAs in the police data have no population: E01990001 (Northvale 001A)"
        )),
        "{population_note}"
    );
    // The note is kept with the source.
    let sources = store.sources().unwrap();
    assert!(sources
        .iter()
        .any(|s| s.notes.iter().any(|n| n == population_note)));
}

#[test]
fn output_closed_early_ends_quietly_with_the_normal_exit_code_issue_14() {
    let (_d, path, mut store) = temp_store();
    import(&mut store, &[fixture("street_bom_crlf.csv")]);
    drop(store);
    for args in [&["sources", "--json"][..], &["sources"][..]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = app()
            .args(args)
            .arg("--db")
            .arg(&path)
            .stdout(writer)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
