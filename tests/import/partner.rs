//! Partner data on real SQLite: each reference sample file imports with the row counts
//! and headline figures counted independently here from the CSV; re-import changes
//! nothing; a newer file replaces the period it covers; bad rows are kept with line,
//! column and reason; every date form and the yes/no and risk spellings are normalised;
//! the other force's layout imports through a saved mapping (`mappings --save`,
//! `import --mapping`); `stats --json` carries the partner themes.

use super::*;
use std::collections::BTreeMap;
use std::process::Command;

fn partner_sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data/partners")
        .join(name)
}

fn app() -> Command {
    Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
}

/// The CSV's header and rows as strings.
fn csv_rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// Financial year (start) of an ISO date.
fn fy_of_date(date: &str) -> u32 {
    let (y, m): (u32, u32) = (date[..4].parse().unwrap(), date[5..7].parse().unwrap());
    if m >= 4 {
        y
    } else {
        y - 1
    }
}

fn pct(part: usize, whole: usize) -> f64 {
    (part as f64 * 1000.0 / whole as f64).round() / 10.0
}

fn stats_json(db: &Path, fy: &str) -> serde_json::Value {
    let out = app()
        .args(["stats", "--json", "--fy", fy, "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const DA_HEADER: &str = "Reference,Date,Crime or non-crime,Offence,LSOA code,Victim sex,Victim age band,Repeat victim,Risk level,Referred to MARAC\n";

#[test]
fn each_reference_sample_imports_with_independent_counts_and_stats_json() {
    let (_dir, path, mut store) = temp_store();
    let files = [
        "domestic_abuse_incidents.csv",
        "marac_quarterly.csv",
        "asb_cases.csv",
        "treatment.csv",
    ];
    let paths: Vec<PathBuf> = files.iter().map(|f| partner_sample(f)).collect();
    let report = import(&mut store, &paths);
    for (file, path_in) in report.files.iter().zip(&paths) {
        let rows = csv_rows(path_in).len() as u64;
        assert_eq!(counts(&file.outcome), (rows, 0, 0), "{}", file.name);
    }
    let kinds: Vec<String> = store
        .sources()
        .unwrap()
        .into_iter()
        .map(|s| s.kind)
        .collect();
    assert_eq!(kinds, ["domestic_abuse", "marac", "asb_cases", "treatment"]);
    assert_eq!(sql_int(&path, "SELECT count(*) FROM da_incident"), 31_148);

    let json = stats_json(&path, "2023/24");
    // Domestic abuse 2023/24, counted from the CSV.
    let da = csv_rows(&partner_sample("domestic_abuse_incidents.csv"));
    let year: Vec<_> = da
        .iter()
        .filter(|r| fy_of_date(&r["Date"]) == 2023)
        .collect();
    let before = da.iter().filter(|r| fy_of_date(&r["Date"]) == 2022).count();
    let crimes = year
        .iter()
        .filter(|r| r["Crime or non-crime"] == "Crime")
        .count();
    let repeat = year.iter().filter(|r| r["Repeat victim"] == "Y").count();
    let high = year.iter().filter(|r| r["Risk level"] == "High").count();
    let marac = year
        .iter()
        .filter(|r| r["Referred to MARAC"] == "Y")
        .count();
    let t = &json["themes"]["domestic_abuse"];
    assert_eq!(t["incidents"], year.len());
    assert_eq!(year.len(), 4_882, "the sample README's figure");
    assert_eq!(t["crimes"], crimes);
    assert_eq!(t["non_crimes"], year.len() - crimes);
    assert_eq!(t["change"]["previous"], before);
    assert_eq!(t["repeat_victim_pct"], pct(repeat, year.len()));
    assert_eq!(t["high_risk_pct"], pct(high, year.len()));
    assert_eq!(t["referred_to_marac"], marac);
    assert!(t["change"]["change_explained"]
        .as_str()
        .unwrap()
        .contains("4,882"));

    // MARAC 2023/24: 533 cases, 28.9 % repeats (README).
    let m = &json["themes"]["marac"];
    let quarters: Vec<_> = csv_rows(&partner_sample("marac_quarterly.csv"))
        .into_iter()
        .filter(|r| r["Quarter"].starts_with("2023/24"))
        .collect();
    let cases: i64 = quarters
        .iter()
        .map(|r| r["Cases discussed"].parse::<i64>().unwrap())
        .sum();
    let repeats: i64 = quarters
        .iter()
        .map(|r| r["Repeat cases"].parse::<i64>().unwrap())
        .sum();
    assert_eq!((m["cases"].as_i64(), cases), (Some(533), 533));
    assert_eq!(m["repeat_cases"], repeats);
    assert_eq!(m["repeat_pct"], 28.9);
    assert_eq!(m["quarters_held"], 4);
    assert!(
        m["cases_per_10000_women"].is_null(),
        "no female 16+ population yet"
    );

    // ASB cases opened in 2023/24, and cases open > 90 days at 2024-03-31.
    let asb = csv_rows(&partner_sample("asb_cases.csv"));
    let opened = asb
        .iter()
        .filter(|r| fy_of_date(&r["Date opened"]) == 2023)
        .count();
    let repeat = asb
        .iter()
        .filter(|r| fy_of_date(&r["Date opened"]) == 2023 && r["Repeat"] == "Y")
        .count();
    let end = chrono::NaiveDate::from_ymd_opt(2024, 3, 31).unwrap();
    let long = asb
        .iter()
        .filter(|r| {
            let o = chrono::NaiveDate::parse_from_str(&r["Date opened"], "%Y-%m-%d").unwrap();
            let open_at_end = r["Date closed"].is_empty()
                || chrono::NaiveDate::parse_from_str(&r["Date closed"], "%Y-%m-%d").unwrap() > end;
            o <= end && open_at_end && (end - o).num_days() > 90
        })
        .count();
    let a = &json["themes"]["asb_cases"];
    assert_eq!(a["opened"], opened);
    assert_eq!(a["repeat_cases"], repeat);
    assert_eq!(a["open_over_90_days"], long);
    assert_eq!(a["as_at"], "2024-03-31");
    assert!(
        a["police_asb_incidents"].is_null(),
        "no police data in this file"
    );

    // Treatment 2023/24, opiate: Q1 in treatment + new presentations of Q2–Q4.
    let tr: Vec<_> = csv_rows(&partner_sample("treatment.csv"))
        .into_iter()
        .filter(|r| r["Period"].starts_with("2023/24") && r["Substance group"] == "Opiate")
        .collect();
    let num = |r: &BTreeMap<String, String>, c: &str| r[c].parse::<i64>().unwrap_or(0);
    let in_treatment = num(&tr[0], "In treatment")
        + tr[1..]
            .iter()
            .map(|r| num(r, "New presentations"))
            .sum::<i64>();
    let done: i64 = tr.iter().map(|r| num(r, "Successful completions")).sum();
    let t = &json["themes"]["treatment"];
    assert_eq!(t["groups"][0]["substance_group"], "Opiate");
    assert_eq!(t["groups"][0]["in_treatment"], in_treatment);
    assert_eq!(t["groups"][0]["successful_completions"], done);
    assert!(t["method"].as_str().unwrap().contains("first quarter"));
    let groups: Vec<&str> = t["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["substance_group"].as_str().unwrap())
        .collect();
    assert_eq!(
        groups,
        [
            "Opiate",
            "Non-opiate only",
            "Non-opiate and alcohol",
            "Alcohol only"
        ]
    );

    // The latest ASB year: open > 90 days at the end of the data (README: 107).
    let json = stats_json(&path, "2025/26");
    assert_eq!(json["themes"]["asb_cases"]["as_at"], "2025-09-30");
    assert_eq!(json["themes"]["asb_cases"]["open_over_90_days"], 107);
}

#[test]
fn partner_themes_are_absent_from_stats_without_their_source() {
    let (_dir, path, mut store) = temp_store();
    import(&mut store, &[partner_sample("marac_quarterly.csv")]);
    let out = app()
        .args(["stats", "--json", "--db"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["financial_year"], "2024/25",
        "the latest complete partner year"
    );
    assert!(json["themes"]["marac"].is_object());
    for absent in ["domestic_abuse", "asb_cases", "treatment"] {
        assert!(json["themes"][absent].is_null(), "{absent}");
    }
}

#[test]
fn reimporting_a_partner_file_changes_nothing() {
    let (_dir, path, mut store) = temp_store();
    let file = partner_sample("treatment.csv");
    import(&mut store, std::slice::from_ref(&file));
    let rows = sql_int(&path, "SELECT count(*) FROM treatment_count");
    let report = import(&mut store, &[file]);
    assert!(matches!(
        report.files[0].outcome,
        FileOutcome::AlreadyImported { .. }
    ));
    assert_eq!(sql_int(&path, "SELECT count(*) FROM treatment_count"), rows);
    assert_eq!(sql_int(&path, "SELECT count(*) FROM sources"), 1);
    assert_eq!(
        sql_int(&path, "SELECT rows_current FROM sources"),
        rows,
        "nothing replaced"
    );
}

#[test]
fn a_newer_file_replaces_the_period_it_covers() {
    let (dir, path, mut store) = temp_store();
    import(
        &mut store,
        &[partner_sample("domestic_abuse_incidents.csv")],
    );
    let in_period = sql_int(
        &path,
        "SELECT count(*) FROM da_incident WHERE month BETWEEN 202404 AND 202405",
    );
    let mut text = String::from(DA_HEADER);
    text.push_str("NEW-1,2024-04-03,Crime,Assault with injury,E01990083,F,25-34,N,High,Y\n");
    text.push_str("NEW-2,2024-05-20,Non-crime,,E01990056,M,35-44,Y,Standard,N\n");
    let newer = write(dir.path(), "da_refresh.csv", &text);
    let report = import(&mut store, &[newer]);
    assert_eq!(counts(&report.files[0].outcome), (2, 0, in_period as u64));
    assert!(report.files[0]
        .notes
        .iter()
        .any(|n| n.contains("replaced") && n.contains("domestic_abuse_incidents.csv")));
    assert_eq!(
        sql_int(
            &path,
            "SELECT count(*) FROM da_incident WHERE month BETWEEN 202404 AND 202405"
        ),
        2
    );
    assert_eq!(
        sql_int(&path, "SELECT count(*) FROM da_incident"),
        31_148 - in_period + 2
    );
    assert_eq!(
        sql_int(&path, "SELECT rows_current FROM sources WHERE id = 1"),
        31_148 - in_period
    );
    // Quarterly counts: a re-issued quarter replaces only that quarter.
    import(&mut store, &[partner_sample("marac_quarterly.csv")]);
    let q = "Quarter,Cases discussed,Repeat cases\n2024/25 Q1,999,300\n";
    let report = import(&mut store, &[write(dir.path(), "marac_q1.csv", q)]);
    assert_eq!(counts(&report.files[0].outcome), (1, 0, 1));
    assert_eq!(sql_int(&path, "SELECT count(*) FROM marac_quarter"), 26);
    assert_eq!(
        sql_int(
            &path,
            "SELECT cases_discussed FROM marac_quarter WHERE start_month = 202404"
        ),
        999
    );
}

#[test]
fn bad_rows_are_rejected_with_line_column_and_reason() {
    let (dir, path, mut store) = temp_store();
    let mut text = String::from(DA_HEADER);
    text.push_str("A-1,2024-04-03,Crime,Assault,E01990083,F,25-34,N,High,Y\n");
    text.push_str("A-2,2024-02-30,Crime,Assault,E01990083,F,25-34,N,High,Y\n");
    text.push_str("A-3,2024-04-05,Crime,Assault,E01990083,F,25-34,Maybe,High,Y\n");
    text.push_str("A-4,2024-04-06,Crime,Assault,,F,25-34,N,Severe,Y\n");
    text.push_str("A-5,2024-04-07,Non-crime,,E05990001,M,40,Y,Medium,N\n");
    let report = import(&mut store, &[write(dir.path(), "bad.csv", &text)]);
    assert_eq!(counts(&report.files[0].outcome), (2, 3, 0));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let rows: Vec<(i64, Option<String>, String)> = conn
        .prepare("SELECT line, column_name, reason FROM rejected_row ORDER BY line")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        rows,
        vec![
            (3, Some("Date".into()), "Date \"2024-02-30\" is not a real date".into()),
            (
                4,
                Some("Repeat victim".into()),
                "Repeat victim \"Maybe\" is not yes or no (expected Y, Yes, 1, TRUE, N, No, 0 or FALSE)".into()
            ),
            (5, Some("LSOA code".into()), "LSOA code is blank".into()),
        ]
    );
    let references: Vec<String> = conn
        .prepare("SELECT reference FROM da_incident ORDER BY line")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(references, ["A-1", "A-5"], "nothing else lost");
}

#[test]
fn every_date_form_reads_to_the_same_dates() {
    let (dir, path, mut store) = temp_store();
    let forms = [
        ("iso", ["2024-04-17", "2024-05-03"]),
        ("dmy", ["17/04/2024", "03/05/2024"]),
        ("dmy_short", ["17/04/24", "03/05/24"]),
        ("day_month_name", ["17-Apr-24", "3 May 2024"]),
        ("excel", ["45399", "45415"]),
    ];
    for (i, (name, dates)) in forms.iter().enumerate() {
        let mut text = String::from(
            "Case reference,Date opened,Date closed,Category,Ward code,Repeat,Action taken\n",
        );
        for (j, d) in dates.iter().enumerate() {
            text.push_str(&format!("{name}-{j},{d},,Noise,E0599000{i},N,None\n"));
        }
        let report = import(
            &mut store,
            &[write(dir.path(), &format!("asb_{name}.csv"), &text)],
        );
        assert_eq!(
            counts(&report.files[0].outcome).1,
            0,
            "{name}: {:?}",
            report.files[0]
        );
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let opened: Vec<(String, String)> = conn
        .prepare("SELECT reference, opened FROM asb_case ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // Every file covers April–May 2024, so each replaced the one before.
    assert_eq!(
        opened,
        [
            ("excel-0".to_string(), "2024-04-17".to_string()),
            ("excel-1".to_string(), "2024-05-03".to_string())
        ]
    );
    let notes = store.sources().unwrap();
    assert!(
        notes[2].notes.iter().any(|n| n.contains("17/04/2023")),
        "{:?}",
        notes[2].notes
    );
}

#[test]
fn yes_no_and_risk_spellings_are_normalised_with_a_visible_summary() {
    let (dir, path, mut store) = temp_store();
    let mut text = String::from(DA_HEADER);
    let spellings = [
        ("Y", "H"),
        ("Yes", "High"),
        ("1", "high risk"),
        ("TRUE", "M"),
        ("N", "S"),
        ("No", "Standard"),
        ("0", ""),
        ("FALSE", "Medium"),
    ];
    for (i, (flag, risk)) in spellings.iter().enumerate() {
        text.push_str(&format!(
            "R-{i},2024-04-0{},Crime,Assault,E01990083,Female,30,{flag},{risk},{flag}\n",
            i + 1
        ));
    }
    let report = import(&mut store, &[write(dir.path(), "spellings.csv", &text)]);
    assert_eq!(counts(&report.files[0].outcome), (8, 0, 0));
    assert_eq!(
        sql_int(&path, "SELECT sum(repeat_victim) FROM da_incident"),
        4
    );
    assert_eq!(
        sql_int(&path, "SELECT sum(referred_to_marac = 0) FROM da_incident"),
        4
    );
    assert_eq!(
        sql_int(
            &path,
            "SELECT count(*) FROM da_incident WHERE risk = 'High'"
        ),
        3
    );
    assert_eq!(
        sql_int(&path, "SELECT count(*) FROM da_incident WHERE risk IS NULL"),
        1
    );
    assert_eq!(
        sql_int(
            &path,
            "SELECT count(*) FROM da_incident WHERE victim_age_band = '25-34'"
        ),
        8
    );
    let notes = &report.files[0].notes;
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("Repeat victim normalised:")
                && n.contains("\"TRUE\" as Yes (1)")
                && n.contains("\"0\" as No (1)")),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(|n| n.contains("\"H\" as High (1)")),
        "{notes:?}"
    );
}

const OTHER_FORCE_MAP: &str = "Geog=da_area_code,Recorded On=da_date,Occurrence_ID=da_reference,MARAC=da_referred_to_marac,DASH Grade=da_risk_level,Victim Gender=da_victim_sex,Victim Age=da_victim_age_band,Classification=da_crime_flag,Home Office Class=da_offence,Repeat (12m)=da_repeat_victim,Officer Collar No=ignore";

pub(super) fn save_other_force_mapping(db: &Path) {
    let out = app()
        .args(["mappings", "--db"])
        .arg(db)
        .args([
            "--save",
            "Other force",
            "--layout",
            "domestic_abuse",
            "--from",
        ])
        .arg(partner_sample("da_extract_other_force_layout.csv"))
        .args(["--map", OTHER_FORCE_MAP, "--date-format", "dmy"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_other_force_layout_imports_with_a_saved_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let other = partner_sample("da_extract_other_force_layout.csv");
    // Without a mapping the file is refused with the hint.
    let db = dir.path().join("a.assessment");
    let out = app()
        .args(["import", "--db"])
        .arg(&db)
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("map its columns in the app or give --mapping NAME"),
        "{text}"
    );

    save_other_force_mapping(&db);
    let out = app()
        .args(["mappings", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["mappings"][0]["name"], "Other force");
    assert_eq!(json["mappings"][0]["layout"], "domestic_abuse");
    assert_eq!(json["mappings"][0]["date_format"], "day_month_year");

    let out = app()
        .args(["import", "--json", "--mapping", "Other force", "--db"])
        .arg(&db)
        .arg(&other)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let file = &json["files"][0];
    assert_eq!(file["rows_accepted"], 358);
    assert_eq!(file["rows_rejected"], 2);
    let rejected = file["rejected_examples"].as_array().unwrap();
    assert_eq!(rejected[0]["line"], 122);
    assert_eq!(rejected[0]["column"], "Recorded On");
    assert_eq!(
        rejected[0]["reason"],
        "Recorded On \"31/02/2025\" is not a real date"
    );
    assert_eq!(rejected[1]["line"], 242);
    assert_eq!(rejected[1]["column"], "Geog");
    assert_eq!(rejected[1]["reason"], "Geog is blank");
    assert_eq!(sql_int(&db, "SELECT count(*) FROM da_incident"), 358);

    // A file with the same header is read with the saved mapping without being told.
    let db2 = dir.path().join("b.assessment");
    save_other_force_mapping(&db2);
    let out = app()
        .args(["import", "--db"])
        .arg(&db2)
        .arg(&other)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("358 accepted, 2 rejected"), "{text}");
    assert!(text.contains("saved for this header"), "{text}");
    // An unknown mapping name is a clear error, and nothing is written.
    let out = app()
        .args(["import", "--mapping", "Nope", "--db"])
        .arg(&db2)
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no column mapping is saved as \"Nope\""));
}

#[test]
fn a_partner_kind_can_be_forced() {
    let (dir, path, mut store) = temp_store();
    // "Qtr" and "Cases" are synonyms; forcing the kind reads it as MARAC.
    let file = write(dir.path(), "m.csv", "Qtr,Cases,Repeats\n2023/24 Q1,10,3\n");
    let report = csp_assessment::store::ingest::import_paths_as(
        &mut store,
        &[file],
        csp_assessment::import::kind::FileKind::from_name("marac"),
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(counts(&report.files[0].outcome), (1, 0, 0));
    assert_eq!(sql_int(&path, "SELECT repeat_cases FROM marac_quarter"), 3);
}
