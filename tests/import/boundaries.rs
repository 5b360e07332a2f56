//! Boundary files (GeoJSON) imported as sources: the sample's and real Medway wards and
//! LSOAs, re-import, bad features rejected by number, the best-fit lookup derived from them
//! (`lookup --derive`), and the hotspot grid of the imported sample (`hotspots --json`).

use super::*;
use csp_assessment::import::boundaries::BoundaryLevel;
use std::collections::HashMap;
use std::process::Command;

fn geography(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data/geography")
        .join(name)
}

fn app() -> Command {
    Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
}

fn run_json(args: &[&str], db: &Path) -> serde_json::Value {
    let out = app().args(args).arg("--db").arg(db).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn sample_boundaries_import_as_sources_and_reimport_changes_nothing() {
    let (_dir, path, mut store) = temp_store();
    let files = [
        geography("ward_boundaries.geojson"),
        geography("lsoa_boundaries.geojson"),
    ];
    let report = import(&mut store, &files);
    assert!(report.is_clean(), "{report:?}");
    assert_eq!(counts(&report.files[0].outcome), (22, 0, 0));
    assert_eq!(counts(&report.files[1].outcome), (165, 0, 0));
    let sources = store.sources().unwrap();
    assert_eq!(sources[0].kind, "boundaries");
    assert_eq!(sources[0].sha256, sha256_of(&files[0]));
    assert_eq!(sources[1].rows_accepted, 165);
    let counts_held = store.boundary_counts().unwrap();
    assert_eq!((counts_held.wards, counts_held.lsoas), (22, 165));
    let wards = store.boundaries(BoundaryLevel::Ward).unwrap();
    assert_eq!(wards[0].code, "E05990001");
    assert_eq!(wards[0].name, "Abbey Fields");

    let again = import(&mut store, &files);
    assert!(again
        .files
        .iter()
        .all(|f| matches!(f.outcome, FileOutcome::AlreadyImported { .. })));
    assert_eq!(sql_int(&path, "SELECT count(*) FROM sources"), 2);
    assert_eq!(sql_int(&path, "SELECT count(*) FROM boundary"), 187);
}

#[test]
fn a_changed_file_replaces_the_areas_of_the_same_codes() {
    let dir = tempfile::tempdir().unwrap();
    let (_store_dir, path, mut store) = temp_store();
    import(&mut store, &[geography("ward_boundaries.geojson")]);
    let text = std::fs::read_to_string(geography("ward_boundaries.geojson")).unwrap();
    let renamed = dir.path().join("wards_renamed.geojson");
    std::fs::write(&renamed, text.replace("Abbey Fields", "Abbey Meadows")).unwrap();
    let report = import(&mut store, &[renamed]);
    assert_eq!(counts(&report.files[0].outcome), (22, 0, 22));
    assert_eq!(sql_int(&path, "SELECT count(*) FROM boundary"), 22);
    let wards = store.boundaries(BoundaryLevel::Ward).unwrap();
    assert_eq!(wards[0].name, "Abbey Meadows");
}

#[test]
fn a_bad_feature_is_rejected_with_its_number_and_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wards.json");
    std::fs::write(
        &file,
        r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"WD24CD":"E05000001","WD24NM":"One"},
         "geometry":{"type":"Polygon","coordinates":[[[0.5,51.3],[0.51,51.3],[0.51,51.31],[0.5,51.3]]]}},
        {"type":"Feature","properties":{"WD24CD":"E05000002","WD24NM":"Two"},
         "geometry":{"type":"Point","coordinates":[0.5,51.3]}},
        {"type":"Feature","properties":{"WD24CD":"E05000003","WD24NM":"Three"},
         "geometry":{"type":"Polygon","coordinates":[[[584130,176598],[584230,176598],[584230,176698],[584130,176598]]]}}
        ]}"#,
    )
    .unwrap();
    let (_store_dir, _path, mut store) = temp_store();
    let report = import(&mut store, &[file]);
    assert_eq!(counts(&report.files[0].outcome), (1, 2, 0));
    let rejected = &report.files[0].rejected_examples;
    assert_eq!(rejected[0].line, 2);
    assert!(
        rejected[0].reason.contains("Point"),
        "{}",
        rejected[0].reason
    );
    assert_eq!(rejected[1].line, 3);
    assert!(rejected[1].reason.contains("British National Grid"));
    let source_id = store.sources().unwrap()[0].id;
    let stored = store.rejected_rows(source_id).unwrap();
    assert_eq!(stored.len(), 2);
    assert!(stored[0].raw.contains("E05000002"));
}

#[test]
fn a_file_that_is_not_geojson_is_rejected_whole() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.json");
    std::fs::write(&file, r#"{"hello": "world"}"#).unwrap();
    let (_store_dir, path, mut store) = temp_store();
    let report = import(&mut store, &[file]);
    match &report.files[0].outcome {
        FileOutcome::Rejected { reason } => {
            assert!(reason.contains("FeatureCollection"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(sql_int(&path, "SELECT count(*) FROM sources"), 0);
}

#[test]
fn real_medway_boundaries_import_and_every_lsoa_gets_a_ward() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/geo");
    let (wards, lsoas) = (
        dir.join("ward_E06000035.geojson"),
        dir.join("lsoa_E06000035.geojson"),
    );
    if !wards.exists() || !lsoas.exists() {
        eprintln!(
            "SKIPPED: Medway boundaries are absent from {}",
            dir.display()
        );
        return;
    }
    let (_dir, path, mut store) = temp_store();
    let report = import(&mut store, &[wards, lsoas]);
    assert!(report.is_clean(), "{report:?}");
    assert_eq!(counts(&report.files[0].outcome), (24, 0, 0));
    assert_eq!(counts(&report.files[1].outcome), (169, 0, 0));
    drop(store);
    let json = run_json(&["lookup", "--derive", "--json"], &path);
    assert_eq!(json["lsoas"], 169);
    assert_eq!(json["unplaced"], 0);
    assert_eq!(json["by_containment"], 169);
    assert_eq!(sql_int(&path, "SELECT count(*) FROM lsoa_ward"), 169);
    assert_eq!(
        sql_int(&path, "SELECT count(DISTINCT ward_code) FROM lsoa_ward"),
        24
    );
    // The ward file names its district (LAD25CD): the lookup gives Medway as a district.
    assert_eq!(
        sql_int(
            &path,
            "SELECT count(*) FROM ward WHERE district_code = 'E06000035'"
        ),
        24
    );
}

#[test]
fn the_derived_lookup_of_the_sample_is_the_shipped_lookup() {
    let (_dir, path, mut store) = temp_store();
    import(
        &mut store,
        &[
            geography("ward_boundaries.geojson"),
            geography("lsoa_boundaries.geojson"),
        ],
    );
    assert!(!store.has_ward_lookup().unwrap());
    drop(store);
    let preview = run_json(&["lookup", "--json"], &path);
    assert_eq!(preview["saved"], false);
    assert_eq!(sql_int(&path, "SELECT count(*) FROM lsoa_ward"), 0);

    let json = run_json(&["lookup", "--derive", "--json"], &path);
    assert_eq!(json["saved"], true);
    assert_eq!(json["by_containment"], 165);
    assert_eq!(json["by_nearest"], 0);
    let store = Store::open_existing(&path).unwrap();
    let derived = store.lsoa_wards().unwrap();
    let shipped: HashMap<String, String> =
        std::fs::read_to_string(geography("lsoa_ward_lookup.csv"))
            .unwrap()
            .lines()
            .skip(1)
            .map(|l| {
                let cells: Vec<&str> = l.split(',').collect();
                (cells[0].to_string(), cells[2].to_string())
            })
            .collect();
    assert_eq!(derived, shipped);
    let source = store.sources().unwrap().pop().unwrap();
    assert_eq!(source.kind, "derived_lookup");
    assert_eq!(
        source.notes,
        vec!["derived from boundaries: 165 LSOAs by containment, 0 by nearest ward".to_string()]
    );
    // Deriving again changes nothing.
    drop(store);
    run_json(&["lookup", "--derive", "--json"], &path);
    assert_eq!(
        sql_int(
            &path,
            "SELECT count(*) FROM sources WHERE kind = 'derived_lookup'"
        ),
        1
    );
}

#[test]
fn hotspots_json_counts_every_located_incident_and_finds_the_town_centre() {
    let (_dir, path, mut store) = temp_store();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let report = import(
        &mut store,
        &[
            root.join("police-uk"),
            geography("lsoa_ward_lookup.csv"),
            geography("ward_boundaries.geojson"),
            geography("lsoa_boundaries.geojson"),
        ],
    );
    assert!(report.is_clean());
    drop(store);
    let json = run_json(&["hotspots", "--fy", "2024/25", "--json"], &path);
    for field in [
        "financial_year",
        "theme",
        "key",
        "area",
        "extent_from",
        "grid",
        "periods",
        "incidents",
        "outside",
        "significant_cells",
        "cells",
    ] {
        assert!(json.get(field).is_some(), "no {field}");
    }
    assert_eq!(json["key"], "all_crime");
    assert_eq!(json["extent_from"], "ward_boundaries");
    let located = sql_int(
        &path,
        "SELECT count(*) FROM incident i JOIN crime_type t ON t.id = i.crime_type_id
         WHERE i.month BETWEEN 202404 AND 202503 AND i.lon IS NOT NULL
           AND t.name <> 'Anti-social behaviour'",
    );
    assert_eq!(json["incidents"], located);
    let cells = json["cells"].as_array().unwrap();
    let grid = &json["grid"];
    assert_eq!(
        cells.len() as u64,
        grid["cols"].as_u64().unwrap() * grid["rows"].as_u64().unwrap()
    );
    let in_cells: i64 = cells.iter().map(|c| c["count"].as_i64().unwrap()).sum();
    assert_eq!(in_cells + json["outside"].as_i64().unwrap(), located);
    for field in [
        "col",
        "row",
        "lon",
        "lat",
        "count",
        "kde",
        "gi_z",
        "gi_p",
        "gi_p_adjusted",
        "significance",
        "class",
        "change",
    ] {
        assert!(cells[0].get(field).is_some(), "cell has no {field}");
    }
    assert!(json["significant_cells"]["hot99"].as_u64().unwrap() > 0);
    // The sample's town centre is Northvale Central (the busiest ward): its cells are hot.
    let store = Store::open_existing(&path).unwrap();
    let abbey = store
        .boundaries(BoundaryLevel::Ward)
        .unwrap()
        .into_iter()
        .find(|w| w.name == "Northvale Central")
        .unwrap();
    let polygons = csp_assessment::analysis::geo::shapes::project_polygons(&abbey.polygons);
    let hot_in_centre = cells
        .iter()
        .filter(|c| c["significance"] == "hot99")
        .filter(|c| {
            let p = csp_assessment::analysis::geo::projection::wgs84_to_bng(
                c["lon"].as_f64().unwrap(),
                c["lat"].as_f64().unwrap(),
            );
            csp_assessment::analysis::geo::polygon::contains(&polygons, p)
        })
        .count();
    assert!(
        hot_in_centre >= 5,
        "{hot_in_centre} hot cells in Northvale Central"
    );
    let asb = run_json(&["hotspots", "--theme", "asb", "--json"], &path);
    assert_eq!(asb["key"], "asb");
}
