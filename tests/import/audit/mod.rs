//! The disclosure audit of issue 12: exports of crafted data that reproduce every attack
//! the issue lists, read back as a reader would (the Word text and tables, the CSVs, the
//! SVG charts' labels and bar heights), every published number of each sensitive theme
//! turned into linear relations over the theme's true counts, and each hidden count's
//! feasible range worked out exactly (see `relations`): it must stay at least the
//! threshold wide. Restoring any of the attacks — a percentage of a hidden count in the
//! text, a small count in a sentence, a bar drawn with its height or label, a margin that
//! differences out a hidden cell — makes one of these tests fail.

mod asb_cases;
mod crafted;
mod domestic_abuse;
mod lp;
mod marac;
mod outputs;
mod reading;
mod relations;
mod treatment;

use outputs::Export;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn cli(args: &[&std::ffi::OsStr]) {
    let out = Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code() == Some(0),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn export(dir: &Path, inputs: &[PathBuf], area: bool, threshold: i64) -> Export {
    let db = dir.join("audit.assessment");
    let mut args: Vec<&std::ffi::OsStr> = vec!["import".as_ref(), "--db".as_ref(), db.as_os_str()];
    args.extend(inputs.iter().map(|p| p.as_os_str()));
    cli(&args);
    if area {
        cli(&[
            "area".as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
            "--wards".as_ref(),
            crafted::AREA_WARDS.as_ref(),
            "--name".as_ref(),
            crafted::AREA_NAME.as_ref(),
        ]);
    }
    let out = dir.join("export");
    let threshold = threshold.to_string();
    cli(&[
        "export".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--threshold".as_ref(),
        threshold.as_ref(),
        "--fy".as_ref(),
        "2024/25".as_ref(),
        "--date".as_ref(),
        "1 December 2026".as_ref(),
    ]);
    Export::read(&out)
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data/partners")
        .join(name)
}

/// The crafted borough, filtered to two of its wards, at the default threshold of 5.
fn ward_filtered() -> &'static Export {
    static EXPORT: OnceLock<Export> = OnceLock::new();
    EXPORT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let inputs = crafted::write_borough(dir.path());
        export(dir.path(), &inputs, true, 5)
    })
}

/// The sample's MARAC and treatment files at threshold 40.
fn threshold_40() -> &'static Export {
    static EXPORT: OnceLock<Export> = OnceLock::new();
    EXPORT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut inputs = crafted::write_borough(dir.path());
        inputs.truncate(3);
        inputs.push(sample("marac_quarterly.csv"));
        inputs.push(sample("treatment.csv"));
        export(dir.path(), &inputs, false, 40)
    })
}

fn assert_protected(theme: &str, failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{theme}: hidden counts a reader can work out:\n{}",
        failures.join("\n")
    );
}

fn section_text(export: &Export, heading: &str) -> String {
    let s = export.section(heading);
    let mut text = s.paragraphs.join("\n");
    for (_, rows) in &s.tables {
        for row in rows {
            text.push_str(&row.join(" | "));
            text.push('\n');
        }
    }
    text
}

#[test]
fn domestic_abuse_in_a_ward_filtered_export_cannot_be_undone_issue_12() {
    let export = ward_filtered();
    let k = domestic_abuse::read(export, 5);
    assert_protected("domestic abuse", k.failures());
    let text = section_text(export, "Domestic abuse");
    // The attacks of the issue, one by one.
    assert!(
        !text.contains("6.6%"),
        "the high-risk share of a hidden count is printed"
    );
    assert!(text.contains("Not assessed | <5"), "{text}");
    assert!(
        text.contains("under 16 | <5") && text.contains("16-17 | <5"),
        "{text}"
    );
    // 182 − 178 no longer gives the two youngest bands: a third band is withheld.
    assert!(export.csv["domestic_abuse_victim_age"]
        .iter()
        .any(|r| r[1] == "*"));
}

#[test]
fn council_asb_cases_in_a_ward_filtered_export_cannot_be_undone_issue_12() {
    let export = ward_filtered();
    let k = asb_cases::read(export, 5);
    assert_protected("council ASB cases", k.failures());
    let text = section_text(export, "Council ASB cases");
    assert!(
        text.contains("fewer than 5 cases had been open for more than 90 days"),
        "{text}"
    );
    // The months of 1, 2 and 4 cases are suppressed bars with no height and no number.
    let labels: Vec<Option<String>> = export.svg["council-asb-cases-opened-by-month"]
        .bars()
        .iter()
        .map(|b| b.label.clone())
        .collect();
    for small in ["1", "2", "4"] {
        assert!(!labels.contains(&Some(small.to_string())), "{labels:?}");
    }
}

#[test]
fn marac_at_threshold_40_cannot_be_undone_issue_12() {
    let export = threshold_40();
    let k = marac::read(export, 40, &sample("marac_quarterly.csv"));
    assert_protected("MARAC", k.failures());
    // "Other agencies" 38 is hidden, and so is police 81 beside it (119 − 81).
    let q1 = &export.csv["marac_by_quarter"][1];
    assert_eq!((q1[4].as_str(), q1[5].as_str()), ("*", "<40"), "{q1:?}");
}

#[test]
fn treatment_at_threshold_40_cannot_be_undone_and_source_suppression_is_never_zero_issue_12() {
    let export = threshold_40();
    let k = treatment::read(export, 40, &sample("treatment.csv"));
    assert_protected("treatment", k.failures());
    // No 3.9% bar or label for opiate completions.
    let bars = export.svg["successful-completions-by-substance-group"].bars();
    assert_eq!(bars[0].label.as_deref(), Some("*"));
    assert!(bars[0].height.is_none());
    // Re-presentations the partner suppressed are never 0, and their totals are marked.
    let table = &export.csv["treatment_by_substance"];
    for row in table.iter().skip(1) {
        assert_ne!(
            row[6], "0",
            "a source-suppressed cell printed as 0: {row:?}"
        );
    }
    let total = &table.last().unwrap()[6];
    assert!(total.starts_with('≥') || total == "*", "{total}");
}
