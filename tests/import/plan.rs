//! The partnership plan end to end through the CLI (issue 15): a seed-like action plan
//! imported and linked to a police theme, a partner figure and an indicator; `plan --json`
//! statuses following crafted data (a real fall, noise, a real rise, no data) with their
//! reasons; the performance report and the strategic assessment's "how did we do"
//! section opened and read back; the county roll-up of three crafted files.

use super::partnerships::partnership_file;
use super::*;
use std::io::Read;

const HEADER: &str = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n";

/// Monthly police.uk files, April 2022 to September 2024: anti-social behaviour 100 a
/// month until March 2024 then 70 (a real fall); burglary 20 then 19 (noise); vehicle
/// crime 10 then 16 (a real rise).
pub fn crafted_police(dir: &Path) -> PathBuf {
    let folder = dir.join("police");
    let mut n = 0u64;
    let mut month = 202204u32;
    while month <= 202409 {
        let later = month >= 202404;
        let label = format!("{}-{:02}", month / 100, month % 100);
        let mut text = String::from(HEADER);
        for (crime_type, count) in [
            ("Anti-social behaviour", if later { 70 } else { 100 }),
            ("Burglary", if later { 19 } else { 20 }),
            ("Vehicle crime", if later { 16 } else { 10 }),
        ] {
            for _ in 0..count {
                let id = if crime_type == "Anti-social behaviour" {
                    String::new()
                } else {
                    n += 1;
                    format!("{n:064x}")
                };
                text.push_str(&format!(
                    "{id},{label},Testshire Police,Testshire Police,0.51,51.38,On or near High Street,E01000001,Testtown 001A,{crime_type},,\n"
                ));
            }
        }
        write_fixture(
            &folder.join(&label),
            &format!("{label}-testshire-street.csv"),
            &text,
        );
        month = if month % 100 == 12 {
            month + 89
        } else {
            month + 1
        };
    }
    folder
}

/// MARAC returns: 40 cases a quarter in 2023/24 Q1–Q2 and 2024/25 Q1–Q2.
fn crafted_marac(dir: &Path) -> PathBuf {
    write_fixture(
        dir,
        "marac.csv",
        "Quarter,Cases discussed,Repeat cases\n2023/24 Q1,40,12\n2023/24 Q2,40,12\n2024/25 Q1,41,10\n2024/25 Q2,39,11\n",
    )
}

/// A plan as seed 002 lays it out, with a Series column naming the series three ways.
pub fn seed_like_plan(dir: &Path) -> PathBuf {
    write_fixture(
        dir,
        "action plan 2024-25.csv",
        "Ref,Priority,Strand,Output,Outcome,Measurable,Lead,Series,Direction,Target\n\
         ASB1,Anti-social behaviour,Pursue,Hotspot patrols,Less ASB in hotspots,Police recorded ASB,Police,Anti-social behaviour,reduce,\n\
         ASB2,,Prevent,Target hardening,Fewer burglaries,Reduction in burglary,Police,theme:burglary,,\n\
         ASB3,,Protect,Car crime operation,,Vehicle crime,Police,,reduce,\n\
         DA1,Domestic abuse,Protect,MARAC,Victims safer,MARAC cases,IDVA service,MARAC cases,maintain,\n\
         FS1,Fire,Prevent,Fire-setter visits,Fewer deliberate fires,Deliberate fires,KFRS,indicator:Deliberate fires,reduce,\n\
         FS2,,Prepare,Campaigns,,Feeling of safety,KFRS,Fly-tipping,,\n",
    )
}

/// The crafted file with police and MARAC data and the seed-like plan imported.
pub fn crafted_assessment(dir: &Path) -> PathBuf {
    let db = dir.join("plan.assessment");
    let police = crafted_police(dir);
    let marac = crafted_marac(dir);
    let (code, _, err) = run_on("import", &db, &[police.as_os_str(), marac.as_os_str()]);
    assert_eq!(code, 0, "{err}");
    db
}

/// The crafted file with the seed-like plan imported.
fn crafted_with_plan(dir: &Path) -> PathBuf {
    let db = crafted_assessment(dir);
    let plan = seed_like_plan(dir);
    let (code, _, err) = run_on("plan", &db, &[os("--import"), plan.as_os_str()]);
    assert_eq!(code, 1, "the fly-tipping row is rejected: {err}");
    db
}

fn measurable<'a>(json: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    json["priorities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["measurables"].as_array().unwrap())
        .find(|m| m["name"] == name)
        .unwrap_or_else(|| panic!("no measurable {name} in {json}"))
}

#[test]
fn an_imported_plan_is_linked_and_judged_on_the_crafted_data_issue_15() {
    let dir = tempfile::tempdir().unwrap();
    let db = crafted_assessment(dir.path());
    let plan = seed_like_plan(dir.path());

    let (code, out, err) = run_on(
        "plan",
        &db,
        &[os("--import"), plan.as_os_str(), os("--json")],
    );
    assert_eq!(code, 1, "the fly-tipping row is rejected: {out}{err}");
    let summary: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(summary["priorities"], 3);
    assert_eq!(summary["measurables"], 5);
    assert_eq!(summary["linked"]["by_series_column"], 4);
    assert_eq!(
        summary["linked"]["by_name"], 1,
        "Vehicle crime by its own name"
    );
    assert_eq!(summary["rejected"][0]["place"], "line 7");
    assert_eq!(summary["rejected"][0]["column"], "Series");
    assert_eq!(summary["sha256"].as_str().unwrap(), sha256_of(&plan));

    let (code, out, err) = run_on(
        "plan",
        &db,
        &[os("--as-at"), os("2024/25-Q2"), os("--json")],
    );
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["as_at"], "2024/25-Q2");
    assert_eq!(json["priorities"][0]["name"], "Anti-social behaviour");

    // A real fall: 6 × 100 = 600 against 6 × 70 = 420, the same months a year apart.
    let asb = measurable(&json, "Police recorded ASB");
    assert_eq!(asb["series"], "theme:asb");
    assert_eq!(asb["baseline"]["period"], "Apr–Sep 2023");
    assert_eq!(asb["baseline"]["value"], 600.0);
    assert_eq!(asb["latest"]["period"], "Apr–Sep 2024");
    assert_eq!(asb["latest"]["value"], 420.0);
    assert_eq!(asb["direction"], "reduce");
    assert_eq!(asb["target"], serde_json::Value::Null);
    assert_eq!(asb["status"], "on_track");
    assert_eq!(
        asb["reason"],
        "A real fall of 30.0% from 600 (Apr–Sep 2023) to 420 (Apr–Sep 2024) (p < 0.001): on track."
    );
    // Noise: 120 against 114.
    let burglary = measurable(&json, "Reduction in burglary");
    assert_eq!(burglary["status"], "no_change");
    assert!(burglary["reason"].as_str().unwrap().starts_with(
        "Down 5.0% from 120 (Apr–Sep 2023) to 114 (Apr–Sep 2024), within normal variation"
    ));
    // A real rise the wrong way: 60 against 96.
    let vehicle = measurable(&json, "Vehicle crime");
    assert_eq!(vehicle["series"], "theme:vehicle_crime");
    assert_eq!(vehicle["status"], "off_track");
    assert!(
        vehicle["reason"]
            .as_str()
            .unwrap()
            .contains("the wrong way"),
        "{vehicle}"
    );
    // A partner figure: MARAC cases 80 against 80, maintained.
    let marac = measurable(&json, "MARAC cases");
    assert_eq!(marac["series"], "partner:marac.cases");
    assert_eq!(marac["status"], "on_track");
    assert_eq!(
        marac["reason"],
        "Unchanged at 80 (Apr–Sep 2023 and Apr–Sep 2024): maintained."
    );
    // No data: the indicator has not been imported.
    let fires = measurable(&json, "Deliberate fires");
    assert_eq!(fires["series"], "indicator:Deliberate fires");
    assert_eq!(fires["status"], "no_data");
    assert_eq!(
        fires["reason"],
        "No indicator named \"Deliberate fires\" has been imported."
    );
    assert_eq!(fires["latest"]["value"], serde_json::Value::Null);
}

fn zip_entry(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn zip_names(path: &Path) -> Vec<String> {
    let zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    zip.file_names().map(String::from).collect()
}

/// Every paragraph's text in a Word document, in order.
fn docx_paragraphs(path: &Path) -> Vec<String> {
    let xml = zip_entry(path, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    doc.descendants()
        .filter(|n| n.tag_name().name() == "p")
        .map(|p| {
            p.descendants()
                .filter(|n| n.tag_name().name() == "t")
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn the_performance_report_opens_with_its_charts_and_status_table_issue_15() {
    let dir = tempfile::tempdir().unwrap();
    let db = crafted_with_plan(dir.path());
    let out_dir = dir.path().join("reports");
    let q2_report = [
        os("--as-at"),
        os("2024/25-Q2"),
        os("--report"),
        out_dir.as_os_str(),
    ];
    let more = [os("--date"), os("1 October 2024"), os("--json")];
    let (code, out, err) = run_on("plan", &db, &[&q2_report[..], &more].concat());
    assert_eq!(code, 0, "{err}");
    let written: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        written["figures"], 4,
        "every measurable with data has a chart"
    );
    let docx = out_dir.join("performance-report-2024-25-q2.docx");
    let paragraphs = docx_paragraphs(&docx);
    for expected in [
        "Summary",
        "Anti-social behaviour",
        "Domestic abuse",
        "Fire",
        "How the status is judged",
        "As at 2024/25-Q2",
    ] {
        assert!(
            paragraphs.iter().any(|p| p == expected),
            "{expected} missing: {paragraphs:?}"
        );
    }
    assert!(paragraphs
        .iter()
        .any(|p| p.contains("Police recorded ASB — On track: A real fall")));
    let images = zip_names(&docx)
        .iter()
        .filter(|n| n.starts_with("word/media/"))
        .count();
    assert_eq!(images, 4);
    // The status table as CSV, read with an independent reader.
    let mut csv =
        csv::Reader::from_path(out_dir.join("performance-report-2024-25-q2.csv")).unwrap();
    let header = csv.headers().unwrap().clone();
    let status = header.iter().position(|h| h == "Status").unwrap();
    let latest = header.iter().position(|h| h == "Latest").unwrap();
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    let statuses: Vec<&str> = rows.iter().map(|r| &r[status]).collect();
    assert_eq!(
        statuses,
        ["on_track", "no_change", "off_track", "on_track", "no_data"]
    );
    assert_eq!(&rows[0][latest], "420");

    // One priority only.
    let more = [os("--priority"), os("domestic abuse")];
    let (code, _, err) = run_on("plan", &db, &[&q2_report[..], &more].concat());
    assert_eq!(code, 0, "{err}");
    let one = docx_paragraphs(&out_dir.join("performance-report-2024-25-q2-domestic-abuse.docx"));
    assert!(one.iter().any(|p| p == "Domestic abuse"));
    assert!(!one.iter().any(|p| p == "Anti-social behaviour"));
    let (code, _, err) = run_on(
        "plan",
        &db,
        &[
            os("--report"),
            out_dir.as_os_str(),
            os("--priority"),
            os("Burglary"),
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("no priority called \"Burglary\""), "{err}");
}

#[test]
fn the_assessment_export_says_how_last_years_plan_did_issue_15() {
    let dir = tempfile::tempdir().unwrap();
    let db = crafted_with_plan(dir.path());
    let out_dir = dir.path().join("export");
    let (code, _, err) = run_on(
        "export",
        &db,
        &[
            os("--out"),
            out_dir.as_os_str(),
            os("--fy"),
            os("2023/24"),
            os("--format"),
            os("docx"),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let paragraphs = docx_paragraphs(&out_dir.join("strategic-assessment-2023-24.docx"));
    assert!(paragraphs
        .iter()
        .any(|p| p == "Last year's plan: how did we do"));
    // As at the end of 2023/24 against 2022/23: ASB 1,200 both years.
    assert!(
        paragraphs.iter().any(|p| p.contains(
            "Police recorded ASB — No real change: Unchanged at 1,200 (2022/23 and 2023/24)"
        )),
        "the section's reasons are missing"
    );
}

#[test]
fn the_county_roll_up_of_three_files_counts_each_issue_issue_15() {
    let dir = tempfile::tempdir().unwrap();
    let ashford = partnership_file(
        dir.path(),
        "Ashford",
        &[
            ("Domestic Abuse", None),
            ("ASB", Some("asb")),
            ("Substance Misuse (including drugs & alcohol)", None),
        ],
        &[],
    );
    let dover = partnership_file(
        dir.path(),
        "Dover",
        &[
            ("domestic abuse", None),
            ("Anti-social behaviour", Some("asb")),
            ("Road Safety", None),
        ],
        &[("Road Safety", None, 4), ("Domestic abuse", None, 2)],
    );
    let thanet = partnership_file(
        dir.path(),
        "Thanet",
        &[],
        &[
            ("Substance misuse", None, 3),
            ("Domestic  abuse", None, 4),
            ("Burglary", Some("burglary"), 1),
        ],
    );
    let before: Vec<String> = [&ashford, &dover, &thanet]
        .iter()
        .map(|p| sha256_of(p))
        .collect();
    let out_dir = dir.path().join("county");
    let (code, out, err) = run(&[
        os("rollup"),
        os("--json"),
        os("--out"),
        out_dir.as_os_str(),
        ashford.as_os_str(),
        dover.as_os_str(),
        thanet.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let table: Vec<(String, u64)> = json["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["issue"].as_str().unwrap().to_string(),
                i["partnerships"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        table,
        [
            ("Domestic Abuse".to_string(), 3),
            ("ASB".to_string(), 2),
            ("Substance misuse".to_string(), 2),
            ("Burglary".to_string(), 1),
            ("Road Safety".to_string(), 1),
        ]
    );
    assert_eq!(
        json["issues"][0]["names"],
        serde_json::json!(["Ashford", "Dover", "Thanet"])
    );
    assert_eq!(json["files"][2]["basis"], "priority_matrix");
    let ranked: Vec<&str> = json["files"][2]["ranked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["issue"].as_str().unwrap())
        .collect();
    assert_eq!(ranked, ["Domestic  abuse", "Substance misuse", "Burglary"]);
    let after: Vec<String> = [&ashford, &dover, &thanet]
        .iter()
        .map(|p| sha256_of(p))
        .collect();
    assert_eq!(before, after, "roll-up files are opened read-only");

    // The CSV and the Word table say the same.
    let mut csv = csv::Reader::from_path(out_dir.join("county-rollup.csv")).unwrap();
    let rows: Vec<(String, String)> = csv
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[1].to_string())
        })
        .collect();
    assert_eq!(rows[0], ("Domestic Abuse".to_string(), "3".to_string()));
    assert_eq!(rows.len(), 5);
    let xml = zip_entry(&out_dir.join("county-rollup.docx"), "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let first_table: Vec<String> = doc
        .descendants()
        .find(|n| n.tag_name().name() == "tbl")
        .unwrap()
        .descendants()
        .filter(|n| n.tag_name().name() == "tc")
        .map(|c| {
            c.descendants()
                .filter(|n| n.tag_name().name() == "t")
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .collect();
    assert_eq!(
        &first_table[..6],
        [
            "Priority issue",
            "Partnerships",
            "Which",
            "Domestic Abuse",
            "3",
            "Ashford, Dover, Thanet"
        ]
    );
}
