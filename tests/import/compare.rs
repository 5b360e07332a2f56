//! `compare --json` against an independent count (issue 13): a small national archive laid
//! out by scripts/make-national-archive.py (three forces, two years), and
//! tests/fixtures/compare_reference.py, which counts the same CSVs with Python's csv
//! module and writes the populations (one district without, two tied exactly), a lookup
//! for the busiest district and the expected comparison. Skips (saying so) where
//! ../shared or python3 is absent.

use std::path::Path;
use std::process::Command;

fn app(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
        .args(args)
        .output()
        .unwrap()
}

fn python(script: &str, args: &[&str]) -> bool {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match Command::new("python3")
        .arg(root.join(script))
        .args(args)
        .status()
    {
        Ok(status) if status.success() => true,
        other => {
            eprintln!("SKIPPED: {script} could not run here ({other:?})");
            false
        }
    }
}

#[test]
fn compare_json_equals_an_independent_count_of_a_multi_district_archive() {
    let generator = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_policeuk.py");
    if !generator.exists() {
        eprintln!("SKIPPED: {} is absent", generator.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let reference = dir.path().join("reference");
    std::fs::create_dir_all(&reference).unwrap();
    let (archive_s, reference_s) = (archive.to_str().unwrap(), reference.to_str().unwrap());
    if !python(
        "scripts/make-national-archive.py",
        &[
            archive_s, "--months", "24", "--forces", "3", "--rows", "30000",
        ],
    ) || !python(
        "tests/fixtures/compare_reference.py",
        &[archive_s, reference_s],
    ) {
        return;
    }
    let expected: serde_json::Value =
        serde_json::from_slice(&std::fs::read(reference.join("expected.json")).unwrap()).unwrap();
    let db = dir.path().join("national.assessment");
    let db_s = db.to_str().unwrap();

    // The monthly folders (not the archive's own population file), the reference's
    // populations and lookup, in one batch.
    let mut import = vec!["import", "--db", db_s];
    let mut months: Vec<String> = std::fs::read_dir(&archive)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.to_str().unwrap().to_string())
        .collect();
    months.sort();
    assert_eq!(months.len(), 24);
    let population = reference.join("population.csv");
    let lookup = reference.join("lookup.csv");
    import.extend(months.iter().map(String::as_str));
    import.extend([population.to_str().unwrap(), lookup.to_str().unwrap()]);
    let out = app(&import);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    // The first police import proposes the busiest district, with the command to set it.
    let subject = &expected["subject"];
    let (code, name) = (
        subject["code"].as_str().unwrap(),
        subject["name"].as_str().unwrap(),
    );
    assert!(
        text.contains(&format!("Most incidents are in {name} ({code})")),
        "{text}"
    );
    assert!(
        text.contains(&format!("area --db \"{db_s}\" --district {code}")),
        "{text}"
    );

    // The area of interest: one ward inside that district. A peer group.
    let out = app(&[
        "area",
        "--db",
        db_s,
        "--wards",
        expected["area_ward"].as_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let peer_codes: Vec<&str> = expected["peer_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let codes = peer_codes.join(",");
    let out = app(&[
        "peers",
        "--db",
        db_s,
        "--save",
        "Test peers",
        "--codes",
        &codes,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = app(&[
        "compare",
        "--db",
        db_s,
        "--fy",
        "2024/25",
        "--peers",
        "test peers",
        "--json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["financial_year"], "2024/25");
    assert_eq!(got["theme"], "all_crime");
    assert_eq!(got["level"], "district");
    assert_eq!(got["subject"]["code"], subject["code"]);
    assert_eq!(got["subject"]["name"], subject["name"]);
    assert_eq!(got["unplaced"], expected["unplaced"]);
    assert_eq!(got["peer_group"]["name"], "Test peers");
    assert_eq!(
        got["peer_group"]["codes_not_in_file"],
        serde_json::json!(["E09000001"])
    );
    let mean = got["peer_group"]["mean_rate_per_1000"].as_f64().unwrap();
    let exact = expected["peer_mean_exact_per_1000"].as_f64().unwrap();
    assert!((mean - exact).abs() <= 0.05 + 1e-9, "{mean} vs {exact}");
    assert_eq!(got["funnel"]["mean_rate_per_1000"].as_f64(), Some(mean));

    let got_areas = got["areas"].as_array().unwrap();
    let want_areas = expected["areas"].as_array().unwrap();
    let order = |areas: &[serde_json::Value]| -> Vec<String> {
        areas
            .iter()
            .map(|a| a["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        order(got_areas),
        order(want_areas),
        "order by rate, ties by code"
    );
    for (g, w) in got_areas.iter().zip(want_areas) {
        let code = w["code"].as_str().unwrap();
        for field in [
            "name",
            "type",
            "count",
            "population",
            "covered",
            "rank",
            "of",
            "rank_in_type",
            "of_type",
            "in_peer_group",
            "rank_in_peers",
            "of_peers",
        ] {
            assert_eq!(g[field], w[field], "{code}: {field}");
        }
        match w["exact_rate_per_1000"].as_f64() {
            Some(exact) => {
                let rate = g["rate_per_1000"].as_f64().unwrap();
                assert!(
                    (rate - exact).abs() <= 0.05 + 1e-9,
                    "{code}: {rate} vs {exact}"
                );
                let (lo, hi) = (
                    g["ci95_low"].as_f64().unwrap(),
                    g["ci95_high"].as_f64().unwrap(),
                );
                assert!(lo <= rate && rate <= hi, "{code}: {lo} {rate} {hi}");
            }
            None => {
                assert!(g["rate_per_1000"].is_null(), "{code}");
                assert!(g["rank"].is_null() && g["vs_peer_mean"].is_null(), "{code}");
            }
        }
    }
    // The awkward cases are there: no population (listed, rate null), an exact tie.
    let find = |code: &str| got_areas.iter().find(|a| a["code"] == code).unwrap();
    assert!(find(expected["no_population"].as_str().unwrap())["rate_per_1000"].is_null());
    let tied: Vec<&serde_json::Value> = expected["tied"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| find(c.as_str().unwrap()))
        .collect();
    assert_eq!(tied[0]["rate_per_1000"], tied[1]["rate_per_1000"]);
    assert_eq!(tied[0]["rank"], tied[1]["rank"]);

    // The export: the comparison table (every district in the CSV), the funnel figure,
    // and the sentence in the document.
    let out_dir = dir.path().join("export");
    let out = app(&[
        "export",
        "--db",
        db_s,
        "--out",
        out_dir.to_str().unwrap(),
        "--fy",
        "2024/25",
        "--date",
        "1 April 2025",
        "--json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = files["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(
        names
            .iter()
            .any(|f| f.ends_with("all-recorded-crime-rate-against-population.png")),
        "{names:?}"
    );
    let table = names
        .iter()
        .find(|f| f.ends_with("all_crime_comparison_all_districts.csv"))
        .expect("the full table");
    let csv = std::fs::read_to_string(out_dir.join(table)).unwrap();
    assert_eq!(
        csv.lines().count(),
        want_areas.len() + 1,
        "every district and the header"
    );
    let docx = names.iter().find(|f| f.ends_with(".docx")).unwrap();
    let bytes = std::fs::read(out_dir.join(docx)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").unwrap(),
        &mut document,
    )
    .unwrap();
    assert!(document.contains("How we compare"));
    assert!(
        document.contains(&format!("In 2024/25 {name}")),
        "the sentence"
    );
    // The export compares with the peer set chosen on the Comparison page: none here.
    assert!(document.contains("the rate of all districts in the file"));
}
