//! `export`: the Word document, figures and tables of the Northvale sample opened as a
//! reader would (the DOCX is a zip of XML; PNGs decoded; SVGs parsed; CSVs against
//! `stats --json`), byte-identical repeats, disclosure control on crafted small counts,
//! and a cancelled export leaving nothing behind.

use super::*;
use csp_assessment::analysis::priority::{Confidence, PriorityIssue};
use csp_assessment::report::content::{build_report, ReportOptions};
use csp_assessment::report::export::{export, Formats};
use csp_assessment::store::report_plan::PlannedSection;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::process::Command;

pub fn run_export(db: &Path, out: &Path) -> serde_json::Value {
    let output = Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
        .args(["export", "--json", "--date", "23 November 2026", "--db"])
        .arg(db)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn stats(db: &Path) -> serde_json::Value {
    let output = Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
        .args(["stats", "--json", "--db"])
        .arg(db)
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).unwrap()
}

pub fn zip_text(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Every file under a folder with its bytes, by relative path.
pub fn tree(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(folder).unwrap().display().to_string();
                out.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

pub fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap();
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn the_sample_exports_a_readable_deterministic_assessment() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("northvale.assessment");
    let mut store = Store::open_or_create(&db).unwrap();
    assert!(import(
        &mut store,
        &[
            root.join("police-uk"),
            root.join("geography/lsoa_ward_lookup.csv"),
            root.join("geography/ward_population.csv"),
            root.join("geography/ward_boundaries.geojson"),
        ],
    )
    .is_clean());
    store
        .save_planned_sections(&[PlannedSection {
            key: "overall_crime".into(),
            position: 0,
            included: true,
            narrative: "Violence drives the rise in the town centre.".into(),
        }])
        .unwrap();
    store
        .save_priority_issue(&PriorityIssue {
            name: "Violence in the night-time economy".into(),
            scores: BTreeMap::from([("physical_harm".into(), 4), ("volume".into(), 4)]),
            confidence: Confidence::A,
            ..PriorityIssue::default()
        })
        .unwrap();
    drop(store);

    let first = dir.path().join("first");
    let second = dir.path().join("second");
    let summary = run_export(&db, &first);
    run_export(&db, &second);
    let files = tree(&first);
    assert_eq!(files, tree(&second), "two exports differ");
    assert_eq!(summary["financial_year"], "2024/25");
    assert_eq!(summary["files"].as_array().unwrap().len(), files.len());
    assert!(!first.join(".csp-export-in-progress").exists());

    // The Word document: headings, headline numbers, narrative, images, appendix.
    let docx = &files["strategic-assessment-2024-25.docx"];
    let body = zip_text(docx, "word/document.xml");
    for heading in [
        "Overall crime picture",
        "Anti-social behaviour",
        "Where: hotspot wards and neighbourhoods",
        "Priorities",
        "Appendix: data sources",
        "Appendix: disclosure control",
    ] {
        assert!(body.contains(heading), "no heading {heading}");
    }
    let s = stats(&db);
    let all = &s["themes"]["all_crime"];
    let total = all["total"].as_i64().unwrap();
    assert_eq!(total, 26_348);
    assert!(body.contains("26,348") && body.contains("98.6 per 1,000 residents"));
    assert!(body.contains("Violence drives the rise in the town centre."));
    assert!(body.contains("Violence in the night-time economy"));
    let figures = summary["figures"].as_u64().unwrap() as usize;
    assert_eq!(body.matches("<pic:pic>").count(), figures);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx.as_slice())).unwrap();
    let media = (0..zip.len())
        .filter(|i| zip.by_index(*i).unwrap().name().starts_with("word/media/"))
        .count();
    assert_eq!(media, figures);
    let sources: serde_json::Value = serde_json::from_slice(
        &Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
            .args(["sources", "--json", "--db"])
            .arg(&db)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    // Every file's fingerprint is in the sources CSV; the document has the short form.
    let sha = sources["sources"][0]["sha256"].as_str().unwrap();
    let sources_csv = files
        .iter()
        .find(|(k, _)| k.ends_with("-data_sources.csv"))
        .unwrap()
        .1;
    assert!(
        csv_rows(sources_csv)
            .iter()
            .any(|r| r.last().map(String::as_str) == Some(sha)),
        "the sources table lacks the first source's SHA-256"
    );
    assert!(
        !body.contains(sha),
        "the document still lists full fingerprints"
    );
    // The control chart's note in the report's number style.
    assert!(body.contains("Control chart: mean 2,091.7 a month"));

    // Figures: every PNG decodes at 300 dpi, every SVG parses, one of each per figure.
    let pngs: Vec<&String> = files.keys().filter(|k| k.ends_with(".png")).collect();
    let svgs: Vec<&String> = files.keys().filter(|k| k.ends_with(".svg")).collect();
    assert_eq!((pngs.len(), svgs.len()), (figures, figures));
    for name in pngs {
        let decoder = png::Decoder::new(std::io::Cursor::new(files[name].as_slice()));
        let reader = decoder.read_info().unwrap();
        let dims = reader.info().pixel_dims.unwrap();
        assert_eq!(dims.xppu, 11_811, "{name} is not 300 dpi");
    }
    // With ward boundaries, the hotspots section maps the rate of each theme by ward.
    assert!(files
        .keys()
        .any(|k| k.ends_with("all-recorded-crime-by-ward-rate-per-1-000-residents.png")));
    for name in svgs {
        let text = String::from_utf8(files[name].clone()).unwrap();
        roxmltree::Document::parse(&text).unwrap();
    }

    // Tables: the CSVs hold the stats JSON's figures.
    let by_type_csv = files
        .iter()
        .find(|(k, _)| k.ends_with("all_crime_by_type.csv"))
        .unwrap()
        .1;
    let rows = csv_rows(by_type_csv);
    for (row, expected) in rows.iter().zip(all["by_type"].as_array().unwrap()) {
        assert_eq!(row[0], expected["type"].as_str().unwrap());
        assert_eq!(row[1], expected["count"].to_string());
        assert_eq!(
            row[2],
            format!("{:.1}", expected["share_pct"].as_f64().unwrap())
        );
    }
    assert_eq!(
        rows.last().unwrap(),
        &vec!["Total".to_string(), total.to_string(), "100.0".to_string()]
    );
    let wards_csv = files
        .iter()
        .find(|(k, _)| k.ends_with("all_crime_top_wards.csv"))
        .unwrap()
        .1;
    let wards = csv_rows(wards_csv);
    let expected = all["top_wards"].as_array().unwrap();
    assert_eq!(wards.len(), expected.len());
    for (row, w) in wards.iter().zip(expected) {
        assert_eq!(row[0], w["name"].as_str().unwrap());
        assert_eq!(row[1], w["count"].to_string());
        assert_eq!(
            row[3],
            format!("{:.1}", w["rate_per_1000"].as_f64().unwrap())
        );
    }
}

/// A year of crimes in three wards: 40 a month in A, `b` a month in B, a handful in C.
fn small_ward_file(dir: &Path, c_total: usize) -> Vec<PathBuf> {
    let mut text = String::from("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
    let mut n = 0;
    let mut row = |month: &str, lsoa: &str| {
        n += 1;
        format!("{n:064x},{month},Testshire Police,Testshire Police,0.5,51.3,On or near X,{lsoa},{lsoa} name,Burglary,Under investigation,\n")
    };
    for m in 0..12 {
        let month = if m < 9 {
            format!("2023-{:02}", m + 4)
        } else {
            format!("2024-{:02}", m - 8)
        };
        for _ in 0..40 {
            text.push_str(&row(&month, "E01000001"));
        }
        for _ in 0..10 {
            text.push_str(&row(&month, "E01000002"));
        }
        if m < c_total {
            text.push_str(&row(&month, "E01000003"));
        }
    }
    let street = dir.join("street.csv");
    std::fs::write(&street, text).unwrap();
    vec![street, three_ward_lookup(dir)]
}

/// LSOAs E01000001 to 3 in wards Alpha, Bravo and Charlie of the one district Testshire.
pub fn three_ward_lookup(dir: &Path) -> PathBuf {
    let lookup = dir.join("lookup.csv");
    std::fs::write(
        &lookup,
        "LSOA21CD,LSOA21NM,WD24CD,WD24NM,LAD24CD,LAD24NM\n\
         E01000001,T 001A,E05000001,Alpha,E06000001,Testshire\n\
         E01000002,T 001B,E05000002,Bravo,E06000001,Testshire\n\
         E01000003,T 001C,E05000003,Charlie,E06000001,Testshire\n",
    )
    .unwrap();
    lookup
}

#[test]
fn ward_tables_hide_small_counts_in_exports_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("small.assessment");
    let mut store = Store::open_or_create(&db).unwrap();
    assert!(import(&mut store, &small_ward_file(dir.path(), 3)).is_clean());
    let content = build_report(&store, &ReportOptions::default()).unwrap();
    let wards = content
        .tables
        .iter()
        .find(|t| t.slug == "all_crime_top_wards")
        .unwrap();
    let shown: Vec<(&str, &str, &str)> = wards
        .display
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[2].as_str()))
        .collect();
    // Charlie's 3 crimes are hidden, its share too. The three wards hold the whole
    // total (published in the headline table), so the next smallest, Bravo, is withheld
    // as well: 603 − 480 no longer gives Charlie away.
    assert_eq!(
        shown,
        vec![
            ("Alpha", "480", "79.6%"),
            ("Bravo", "*", "*"),
            ("Charlie", "<5", "*")
        ]
    );
    assert!(content.suppressed >= 2);
    let note = content
        .sections
        .iter()
        .find(|s| s.key == "disclosure")
        .unwrap();
    assert!(format!("{:?}", note.blocks).contains("shown as \\\"<5\\\""));
    // On screen (stats) the count is there.
    assert_eq!(
        stats(&db)["themes"]["all_crime"]["top_wards"][2]["count"],
        3
    );
    // A threshold of 3 shows it.
    let relaxed = build_report(
        &store,
        &ReportOptions {
            threshold: 3,
            ..ReportOptions::default()
        },
    )
    .unwrap();
    let wards = relaxed
        .tables
        .iter()
        .find(|t| t.slug == "all_crime_top_wards")
        .unwrap();
    assert_eq!(wards.display[2][1], "3");
}

#[test]
fn a_cancelled_export_leaves_the_folder_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("small.assessment");
    let mut store = Store::open_or_create(&db).unwrap();
    assert!(import(&mut store, &small_ward_file(dir.path(), 3)).is_clean());
    let content = build_report(&store, &ReportOptions::default()).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("keep.txt"), "analyst's own file").unwrap();
    let cancel = AtomicBool::new(false);
    let steps = std::cell::Cell::new(0);
    let result = export(
        &content,
        &out,
        Formats::ALL,
        &|_| {
            steps.set(steps.get() + 1);
            if steps.get() == 3 {
                cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        },
        &cancel,
    );
    assert!(result.is_err());
    let left: BTreeSet<String> = tree(&out).into_keys().collect();
    assert_eq!(left, BTreeSet::from(["keep.txt".to_string()]));
}

#[test]
fn partner_sources_become_sections_with_sensitive_tables() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("partners.assessment");
    let mut store = Store::open_or_create(&db).unwrap();
    let partners = root.join("partners");
    assert!(import(
        &mut store,
        &[
            root.join("police-uk"),
            root.join("geography/lsoa_ward_lookup.csv"),
            root.join("geography/ward_population.csv"),
            partners.join("domestic_abuse_incidents.csv"),
            partners.join("marac_quarterly.csv"),
            partners.join("asb_cases.csv"),
            partners.join("treatment.csv"),
        ],
    )
    .is_clean());
    let content = build_report(&store, &ReportOptions::default()).unwrap();
    let keys: Vec<&str> = content.sections.iter().map(|s| s.key.as_str()).collect();
    for key in ["domestic_abuse", "marac", "asb_cases", "treatment"] {
        assert!(keys.contains(&key), "no {key} section in {keys:?}");
    }
    // The DA victims-by-sex table totals the year's incidents, as stats --json has them.
    let s = stats(&db);
    let incidents = s["themes"]["domestic_abuse"]["incidents"].as_i64().unwrap();
    let by_sex = content
        .tables
        .iter()
        .find(|t| t.slug == "domestic_abuse_victim_sex")
        .unwrap();
    assert_eq!(by_sex.values.last().unwrap()[1], incidents.to_string());
    // Treatment by substance: one row per NDTMS group, then the total.
    let treatment = content
        .tables
        .iter()
        .find(|t| t.slug == "treatment_by_substance")
        .unwrap();
    let groups: Vec<&str> = treatment.values.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(groups.len(), 5);
    assert_eq!(
        &groups[..4],
        [
            "Opiate",
            "Non-opiate only",
            "Non-opiate and alcohol",
            "Alcohol only"
        ]
    );
    // Every completion rate is a real share of people in treatment.
    for row in &treatment.values {
        let rate: f64 = row[4].parse().unwrap();
        assert!(
            (0.0..=100.0).contains(&rate),
            "completion rate {rate} in {row:?}"
        );
    }
}
