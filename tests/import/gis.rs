//! Boundaries as GIS teams hand them out (issue 14): British National Grid GeoJSON, zipped
//! and folder shapefiles and GeoPackages made by ogr2ogr (`scripts/make-gis-fixtures.sh`)
//! from the sample's WGS84 boundaries read the same areas as the originals; a shapefile's
//! parts are one source; GIS files named directly get GIS answers; council attribute names
//! are mapped; and the real Medway wards in each format place all 169 LSOAs.

use super::gis_writers::{bng_geojson, geopackage, has_ogr2ogr, zipped_shapefile};
use super::*;
use csp_assessment::import::boundaries::{Boundary, BoundaryLevel};
use std::process::Command;

fn app() -> Command {
    Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
}

fn sample_geo(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data/geography")
        .join(name)
}

/// The boundaries of one level in a file made by importing `paths`.
fn boundaries_of(paths: &[PathBuf], level: BoundaryLevel) -> Vec<Boundary> {
    let (_dir, _path, mut store) = temp_store();
    let report = import(&mut store, paths);
    assert!(report.is_clean(), "{report:?}");
    let mut found = store.boundaries(level).unwrap();
    found.sort_by(|a, b| a.code.cmp(&b.code));
    found
}

/// Distance in metres between two nearby WGS84 points.
fn metres_between(a: (f64, f64), b: (f64, f64)) -> f64 {
    let dx = (a.0 - b.0) * 111_320.0 * b.1.to_radians().cos();
    let dy = (a.1 - b.1) * 110_570.0;
    dx.hypot(dy)
}

/// Same areas: codes, names, polygons and holes, each ring's points within `metres` of
/// the other's (a shapefile writer may start a ring elsewhere or turn it round).
fn assert_same_areas(got: &[Boundary], want: &[Boundary], metres: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!(
            (&g.code, &g.name, g.level),
            (&w.code, &w.name, w.level),
            "{what}"
        );
        assert_eq!(g.polygons.len(), w.polygons.len(), "{what}: {}", g.code);
        for (gp, wp) in g.polygons.iter().zip(&w.polygons) {
            assert_eq!(gp.holes.len(), wp.holes.len(), "{what}: {}", g.code);
            assert_eq!(gp.exterior.len(), wp.exterior.len(), "{what}: {}", g.code);
            for (from, to) in [(&gp.exterior, &wp.exterior), (&wp.exterior, &gp.exterior)] {
                for &a in from {
                    let nearest = to
                        .iter()
                        .map(|&b| metres_between(a, b))
                        .fold(f64::INFINITY, f64::min);
                    assert!(
                        nearest < metres,
                        "{what}: {} point {a:?} is {nearest:.1} m from the other ring",
                        g.code
                    );
                }
            }
        }
    }
}

#[test]
fn bng_geojson_shapefiles_and_geopackages_made_by_ogr2ogr_read_the_same_areas_issue_14() {
    let wards = boundaries_of(
        &[sample_geo("ward_boundaries.geojson")],
        BoundaryLevel::Ward,
    );
    let lsoas = boundaries_of(
        &[sample_geo("lsoa_boundaries.geojson")],
        BoundaryLevel::Lsoa,
    );
    assert_eq!((wards.len(), lsoas.len()), (22, 165));
    let gis = fixture("gis");
    // GDAL converts with PROJ (OSTN15 where it has the grid), the app with the Helmert
    // shift: they agree to a few metres.
    for file in ["wards_bng.geojson", "wards_shp.zip", "boundaries.gpkg"] {
        let got = boundaries_of(&[gis.join(file)], BoundaryLevel::Ward);
        assert_same_areas(&got, &wards, 6.0, file);
    }
    for source in [gis.join("lsoas_shp"), gis.join("boundaries.gpkg")] {
        let got = boundaries_of(std::slice::from_ref(&source), BoundaryLevel::Lsoa);
        assert_same_areas(&got, &lsoas, 6.0, &source.display().to_string());
    }
}

#[test]
fn a_zipped_shapefile_is_one_source_and_its_folder_form_is_the_same_content_issue_14() {
    let (dir, path, mut store) = temp_store();
    let report = import(&mut store, &[fixture("gis/wards_shp.zip")]);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.files.len(), 1);
    assert_eq!(report.files[0].name, "wards_shp.zip/wards.shp");
    assert_eq!(counts(&report.files[0].outcome), (22, 0, 0));
    assert!(report.files[0]
        .notes
        .iter()
        .any(|n| n.contains("British National Grid (EPSG:27700), as a .prj file says")));
    // The same parts in a folder are the same content.
    let folder = dir.path().join("wards");
    std::fs::create_dir(&folder).unwrap();
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(fixture("gis/wards_shp.zip")).unwrap()).unwrap();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let mut out = std::fs::File::create(folder.join(entry.name())).unwrap();
        std::io::copy(&mut entry, &mut out).unwrap();
    }
    std::fs::write(folder.join("wards.shp.xml"), "<metadata/>").unwrap();
    let again = import(&mut store, &[folder]);
    assert!(again.skipped.is_empty(), "{:?}", again.skipped);
    assert!(
        matches!(again.files[0].outcome, FileOutcome::AlreadyImported { .. }),
        "{:?}",
        again.files[0]
    );
    assert_eq!(sql_int(&path, "SELECT count(*) FROM sources"), 1);
}

#[test]
fn gis_files_named_directly_get_gis_answers_never_csv_advice_issue_14() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.assessment");
    let shp = fixture("gis/lsoas_shp/lsoas.shp");
    let (code, text) = import_with_cli(&db, [&shp]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("lsoas.shp: 165 accepted"), "{text}");

    let broken = dir.path().join("wards.gpkg");
    std::fs::write(&broken, b"not a database at all").unwrap();
    let lonely = dir.path().join("lonely.dbf");
    std::fs::copy(fixture("gis/lsoas_shp/lsoas.dbf"), &lonely).unwrap();
    let (code, text) = import_with_cli(&db, [&broken, &lonely]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("wards.gpkg: REJECTED"), "{text}");
    assert!(text.contains("the file is not a GeoPackage"), "{text}");
    assert!(
        text.contains(
            "lonely.dbf: a part of a shapefile, but there is no .shp of the same name beside it"
        ),
        "{text}"
    );
    assert!(!text.contains("CSV UTF-8"), "{text}");
}

#[test]
fn council_attribute_names_are_mapped_with_mappings_layout_boundaries_issue_14() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.assessment");
    let council = fixture("gis/council_wards_shp");
    let (code, text) = import_with_cli(&db, [&council]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("its attributes are ward_code, ward_name"),
        "{text}"
    );
    assert!(text.contains("Not a file this app knows"), "{text}");
    let out = app()
        .args(["mappings", "--db"])
        .arg(&db)
        .args([
            "--save",
            "Council wards",
            "--layout",
            "boundaries",
            "--from",
        ])
        .arg(&council)
        .args(["--map", "ward_code=code,ward_name=name", "--level", "ward"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (code, text) = import_with_cli(&db, [&council]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("council_wards.shp: 22 accepted"), "{text}");
    let (_d, _p, mut store) = temp_store();
    import(&mut store, &[sample_geo("ward_boundaries.geojson")]);
    let mut want = store.boundaries(BoundaryLevel::Ward).unwrap();
    want.sort_by(|a, b| a.code.cmp(&b.code));
    let mut got = csp_assessment::store::Store::open_existing(&db)
        .unwrap()
        .boundaries(BoundaryLevel::Ward)
        .unwrap();
    got.sort_by(|a, b| a.code.cmp(&b.code));
    assert_same_areas(&got, &want, 6.0, "council wards");
}

/// The derived lookup of a file holding `paths`: (LSOAs, unplaced, LSOA → ward).
fn derived_lookup(dir: &Path, name: &str, paths: &[PathBuf]) -> (u64, u64, Vec<(String, String)>) {
    let db = dir.join(format!("{name}.assessment"));
    let (code, text) = import_with_cli(&db, paths);
    assert_eq!(code, Some(0), "{name}: {text}");
    let out = app()
        .args(["lookup", "--derive", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut placed: Vec<(String, String)> = json["placements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["lsoa_code"].as_str().unwrap().to_string(),
                p["ward_code"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    placed.sort();
    (
        json["lsoas"].as_u64().unwrap() - json["unplaced"].as_u64().unwrap(),
        json["unplaced"].as_u64().unwrap(),
        placed,
    )
}

#[test]
fn medway_wards_in_bng_geojson_a_zipped_shapefile_and_a_geopackage_place_all_169_lsoas_issue_14() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/geo");
    let (wards, lsoas) = (
        shared.join("ward_E06000035.geojson"),
        shared.join("lsoa_E06000035.geojson"),
    );
    if !wards.exists() || !lsoas.exists() {
        eprintln!(
            "skipped: the Medway boundaries are not at {}",
            shared.display()
        );
        return;
    }
    let made_by = if has_ogr2ogr() {
        "ogr2ogr"
    } else {
        "the test's own writers (ogr2ogr is not installed)"
    };
    eprintln!("Medway boundary files made by {made_by}");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (placed, unplaced, want) = derived_lookup(d, "wgs84", &[wards.clone(), lsoas.clone()]);
    assert_eq!((placed, unplaced), (169, 0));

    bng_geojson(&wards, &d.join("wards_bng.geojson"));
    bng_geojson(&lsoas, &d.join("lsoas_bng.geojson"));
    zipped_shapefile(&wards, &d.join("wards_shp.zip"), "wards");
    zipped_shapefile(&lsoas, &d.join("lsoas_shp.zip"), "lsoas");
    geopackage(
        &[("wards", &wards), ("lsoas", &lsoas)],
        &d.join("medway.gpkg"),
    );
    for (name, paths) in [
        (
            "geojson",
            vec![d.join("wards_bng.geojson"), d.join("lsoas_bng.geojson")],
        ),
        (
            "shapefile",
            vec![d.join("wards_shp.zip"), d.join("lsoas_shp.zip")],
        ),
        ("geopackage", vec![d.join("medway.gpkg")]),
    ] {
        let (placed, unplaced, got) = derived_lookup(d, name, &paths);
        assert_eq!((placed, unplaced), (169, 0), "{name}: 169/169 LSOAs placed");
        assert_eq!(
            got, want,
            "{name}: each LSOA in the same ward as from the WGS84 files"
        );
    }
}
