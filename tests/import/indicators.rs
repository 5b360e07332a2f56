//! Partner indicators (issue 15, item 1): long and wide tables, as CSV and as a workbook
//! written here with rust_xlsxwriter, with suppressed cells and mixed period forms,
//! imported through the CLI; `indicators --json` must equal the reading worked out by hand
//! from the files below. Also provenance, rejected rows, re-import, replace-on-overlap,
//! and an imported indicator followed by a plan measurable.

use super::*;
use serde_json::{json, Value};

/// Long layout, every period form, suppression (`*`, `<5`, blank), areas, one bad row.
const LONG_CSV: &str = "\
Indicator,Period,Value,Area code,Unit,Source
Deliberate fires,Q1 2023/24,40,,count,KFRS
Deliberate fires,2023-Q3,*,,count,KFRS
Deliberate fires,2024/25 Q1,20,,count,KFRS
Safe and well visits,Apr-24,<5,E05000001,count,KFRS
Safe and well visits,Apr-24,17,E05000002,count,KFRS
Safe and well visits,2024-09,,,count,KFRS
Repeat referrals,2023/24,31.5%,,,Probation
Cases open,30/06/2024,44,,count,Council
Deliberate fires,someday,4,,count,KFRS
";

/// Wide layout: one row per indicator, one column per period in several forms, a blank
/// cell, a suppressed cell and one value that is not a number.
const WIDE_CSV: &str = "\
Measure,Unit,Source,Q1 2023/24,Q2 2023/24,2024-Q2,Oct-24,2023/24
Prevent referrals,count,Prevent,3,,<5,2,
Youth first-time entrants,count,YOT,11,9,twelve,7,38
";

fn expected_from_csv() -> Value {
    let p = |period: &str, value: Value, suppressed: bool, area: Value| json!({"period": period, "value": value, "suppressed": suppressed, "area_code": area});
    // Listed by indicator name, each indicator's periods in time order (a shorter period
    // first when two start together: a quarter before its year).
    json!({"indicators": [
        {"name": "Cases open", "unit": "count", "source": "Council", "periods": [
            p("2024-06-30", json!(44.0), false, Value::Null),
        ]},
        {"name": "Deliberate fires", "unit": "count", "source": "KFRS", "periods": [
            p("2023/24-Q1", json!(40.0), false, Value::Null),
            // Calendar Q3 2023 is July to September: the second quarter of 2023/24.
            p("2023/24-Q2", Value::Null, true, Value::Null),
            p("2024/25-Q1", json!(20.0), false, Value::Null),
        ]},
        {"name": "Prevent referrals", "unit": "count", "source": "Prevent", "periods": [
            p("2023/24-Q1", json!(3.0), false, Value::Null),
            p("2023/24", Value::Null, true, Value::Null),
            p("2023/24-Q2", Value::Null, true, Value::Null),
            p("2024/25-Q1", Value::Null, true, Value::Null),
            p("2024-10", json!(2.0), false, Value::Null),
        ]},
        {"name": "Repeat referrals", "unit": "%", "source": "Probation", "periods": [
            p("2023/24", json!(31.5), false, Value::Null),
        ]},
        {"name": "Safe and well visits", "unit": "count", "source": "KFRS", "periods": [
            p("2024-04", Value::Null, true, json!("E05000001")),
            p("2024-04", json!(17.0), false, json!("E05000002")),
            p("2024-09", Value::Null, true, Value::Null),
        ]},
        {"name": "Youth first-time entrants", "unit": "count", "source": "YOT", "periods": [
            p("2023/24-Q1", json!(11.0), false, Value::Null),
            p("2023/24", json!(38.0), false, Value::Null),
            p("2023/24-Q2", json!(9.0), false, Value::Null),
            p("2024-10", json!(7.0), false, Value::Null),
        ]},
    ]})
}

/// A workbook: a long sheet under a title row, with typed cells (numbers, dates as
/// periods), and a wide sheet whose period headers are dates on the 1st of the month.
fn workbook(dir: &Path) -> PathBuf {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let path = dir.join("partner figures.xlsx");
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let month = Format::new().set_num_format("mmm-yy");
    let long = book.add_worksheet().set_name("Fire").unwrap();
    long.write_string(0, 0, "Fire and rescue figures 2024")
        .unwrap();
    for (c, h) in ["Indicator", "Period", "Value", "Source"]
        .iter()
        .enumerate()
    {
        long.write_string(2, c as u16, *h).unwrap();
    }
    long.write_string(3, 0, "Deliberate fires").unwrap();
    long.write_string(3, 1, "2024/25-Q2").unwrap();
    long.write_number(3, 2, 18.0).unwrap();
    long.write_string(3, 3, "KFRS").unwrap();
    long.write_string(4, 0, "Home fire safety checks").unwrap();
    long.write_datetime_with_format(4, 1, ExcelDateTime::from_ymd(2024, 6, 30).unwrap(), &date)
        .unwrap();
    long.write_string(4, 2, "*").unwrap();
    long.write_string(4, 3, "KFRS").unwrap();
    long.write_string(5, 0, "Home fire safety checks").unwrap();
    long.write_string(5, 1, "Q9 2024").unwrap();
    long.write_number(5, 2, 3.0).unwrap();
    let wide = book.add_worksheet().set_name("Housing").unwrap();
    wide.write_string(0, 0, "Indicator").unwrap();
    for (c, m) in [4u8, 5, 6].iter().enumerate() {
        wide.write_datetime_with_format(
            0,
            c as u16 + 1,
            ExcelDateTime::from_ymd(2024, *m, 1).unwrap(),
            &month,
        )
        .unwrap();
    }
    wide.write_string(1, 0, "Homelessness prevented").unwrap();
    wide.write_number(1, 1, 31.0).unwrap();
    wide.write_string(1, 2, "<5").unwrap();
    wide.write_number(1, 3, 28.0).unwrap();
    book.add_worksheet()
        .set_name("Notes")
        .unwrap()
        .write_string(0, 0, "Not a table")
        .unwrap();
    book.save(&path).unwrap();
    path
}

fn expected_from_workbook() -> Value {
    let p = |period: &str, value: Value, suppressed: bool| json!({"period": period, "value": value, "suppressed": suppressed, "area_code": null});
    json!([
        {"name": "Deliberate fires", "unit": null, "source": "KFRS", "periods": [
            p("2024/25-Q2", json!(18.0), false),
        ]},
        {"name": "Home fire safety checks", "unit": null, "source": "KFRS", "periods": [
            p("2024-06-30", Value::Null, true),
        ]},
        {"name": "Homelessness prevented", "unit": null, "source": null, "periods": [
            p("2024-04", json!(31.0), false),
            p("2024-05", Value::Null, true),
            p("2024-06", json!(28.0), false),
        ]},
    ])
}

#[test]
fn long_and_wide_csv_files_read_as_the_hand_reading_says_issue_15() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ind.assessment");
    let long = write_fixture(dir.path(), "long.csv", LONG_CSV);
    let wide = write_fixture(dir.path(), "wide.csv", WIDE_CSV);
    let (code, out, err) = run_on("import", &db, &[long.as_os_str(), wide.as_os_str()]);
    assert_eq!(code, 1, "one row of each is rejected: {out}{err}");
    assert!(out.contains("long.csv: 8 accepted, 1 rejected"), "{out}");
    assert!(out.contains("wide.csv: 9 accepted, 1 rejected"), "{out}");
    assert!(
        out.contains("line 10: Period \"someday\" is not a period"),
        "{out}"
    );
    assert!(
        out.contains("line 3: 2024-Q2 \"twelve\" is not a number"),
        "{out}"
    );

    let (code, out, err) = run_on("indicators", &db, &[os("--json")]);
    assert_eq!(code, 0, "{err}");
    let got: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(got, expected_from_csv());

    // Provenance: kind, fingerprint, rows, rejected rows with line and column.
    let (_, out, _) = run(&[os("sources"), os("--json"), os("--db"), db.as_os_str()]);
    let sources: Value = serde_json::from_str(&out).unwrap();
    let first = &sources["sources"][0];
    assert_eq!(first["kind"], "indicators");
    assert_eq!(first["sha256"], sha256_of(&long).as_str());
    assert_eq!(first["rows_accepted"], 8);
    assert_eq!(first["rows_rejected"], 1);
    assert_eq!(
        sql_int(
            &db,
            "SELECT line FROM rejected_row WHERE column_name = '2024-Q2'"
        ),
        3
    );
    assert_eq!(
        sql_int(
            &db,
            "SELECT count(*) FROM indicator_value WHERE value IS NULL AND suppressed IS NOT NULL"
        ),
        6,
        "every withheld value is stored withheld, none as 0"
    );

    // The same file again changes nothing.
    let (code, out, _) = run_on("import", &db, &[long.as_os_str()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("imported before"), "{out}");
}

#[test]
fn a_workbook_of_long_and_wide_sheets_reads_as_the_hand_reading_says_issue_15() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.assessment");
    let book = workbook(dir.path());
    let (code, out, err) = run_on("import", &db, &[book.as_os_str()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("partner figures.xlsx: 5 accepted, 1 rejected"),
        "{out}"
    );
    assert!(
        out.contains("line 6: sheet \"Fire\": Period \"Q9 2024\" is not a period"),
        "{out}"
    );
    assert!(
        out.contains("sheets not read (not indicator tables): \"Notes\""),
        "{out}"
    );
    assert!(
        out.contains("dates on the 1st of each month, so they were read as months"),
        "{out}"
    );
    let (_, out, _) = run_on("indicators", &db, &[os("--json")]);
    let got: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(got["indicators"], expected_from_workbook());
    let (_, out, _) = run(&[os("sources"), os("--json"), os("--db"), db.as_os_str()]);
    let sources: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(sources["sources"][0]["sha256"], sha256_of(&book).as_str());
    assert_eq!(sources["sources"][0]["kind"], "indicators");
}

#[test]
fn a_newer_file_replaces_only_its_own_indicators_periods_issue_15() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.assessment");
    let first = write_fixture(
        dir.path(),
        "first.csv",
        "Indicator,Period,Value\nDeliberate fires,Q1 2024/25,20\nDeliberate fires,Q2 2024/25,22\nPrevent referrals,Q1 2024/25,3\n",
    );
    let corrected = write_fixture(
        dir.path(),
        "corrected.csv",
        "Indicator,Period,Value\nDeliberate fires,2024/25 Q1,21\n",
    );
    run_on("import", &db, &[first.as_os_str()]);
    let (code, out, _) = run_on("import", &db, &[corrected.as_os_str()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("corrected.csv: 1 accepted, 0 rejected, 1 replaced"),
        "{out}"
    );
    let (_, out, _) = run_on("indicators", &db, &[os("--json")]);
    let got: Value = serde_json::from_str(&out).unwrap();
    let fires: Vec<(String, f64)> = got["indicators"][0]["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["period"].as_str().unwrap().to_string(),
                p["value"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        fires,
        [
            ("2024/25-Q1".to_string(), 21.0),
            ("2024/25-Q2".to_string(), 22.0)
        ]
    );
    assert_eq!(
        got["indicators"][1]["periods"][0]["value"], 3.0,
        "Prevent referrals untouched"
    );
    assert_eq!(
        sql_int(
            &db,
            "SELECT rows_current FROM sources WHERE file_name = 'first.csv'"
        ),
        2
    );
}

#[test]
fn a_plan_measurable_follows_an_imported_indicator_issue_15() {
    let dir = tempfile::tempdir().unwrap();
    let db = super::plan::crafted_assessment(dir.path());
    let fires = write_fixture(
        dir.path(),
        "fires.csv",
        "Measure,Q1 2023/24,Q2 2023/24,Q1 2024/25,Q2 2024/25\nDeliberate fires,40,38,20,22\n",
    );
    let (code, out, err) = run_on("import", &db, &[fires.as_os_str()]);
    assert_eq!(code, 0, "{out}{err}");
    let plan = super::plan::seed_like_plan(dir.path());
    run_on("plan", &db, &[os("--import"), plan.as_os_str()]);
    let (code, out, err) = run_on(
        "plan",
        &db,
        &[os("--as-at"), os("2024/25-Q2"), os("--json")],
    );
    assert_eq!(code, 0, "{err}");
    let review: Value = serde_json::from_str(&out).unwrap();
    let fires = review["priorities"][2]["measurables"][0].clone();
    assert_eq!(fires["series"], "indicator:Deliberate fires");
    assert_eq!(
        fires["baseline"],
        json!({"period": "Apr–Sep 2023", "value": 78.0})
    );
    assert_eq!(
        fires["latest"],
        json!({"period": "Apr–Sep 2024", "value": 42.0})
    );
    assert_eq!(fires["status"], "on_track", "{fires}");
}
