//! The headless CLI contract: exit codes and the documented `sources --json` fields.

use super::*;
use std::process::Command;

fn app() -> Command {
    Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
}

#[test]
fn import_then_sources_json_has_the_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.assessment");
    let out = app()
        .args(["import", "--db"])
        .arg(&db)
        .arg(fixture("police-uk-download"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("2021-04/2021-04-testshire-street.csv: 4 accepted, 0 rejected, 0 replaced"),
        "{text}"
    );
    assert!(text.contains("outcomes file"), "{text}");

    let out = app()
        .args(["sources", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json["sources"][0];
    for field in [
        "file",
        "kind",
        "sha256",
        "rows_accepted",
        "rows_rejected",
        "rows_replaced",
        "first_month",
        "last_month",
    ] {
        assert!(
            !first[field].is_null(),
            "sources[0].{field} missing in {json}"
        );
    }
    assert_eq!(first["kind"], "police_street");
    assert_eq!(first["first_month"], "2021-04");
    assert_eq!(first["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(json["totals"]["crime"], 4);
    assert_eq!(json["totals"]["asb"], 3);
    assert_eq!(json["totals"]["rejected"], 0);
}

#[test]
fn exit_codes_say_rejected_and_usage() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.assessment");
    let out = app()
        .args(["import", "--db"])
        .arg(&db)
        .arg(fixture("street_bad_rows.csv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("street_bad_rows.csv, line 3: column Month"),
        "{text}"
    );

    let out = app()
        .args(["import", fixture("street_bad_rows.csv").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--db FILE is required"));

    let out = app()
        .args(["sources", "--db"])
        .arg(dir.path().join("missing.assessment"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !dir.path().join("missing.assessment").exists(),
        "sources must not create a file"
    );
}
