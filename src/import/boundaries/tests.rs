//! Tests of the boundary reader: Medway ward, LSOA and MSOA files, the sample data,
//! holes and multipolygons, and errors that name the feature and the reason.

use super::*;

const SHARED_GEO: &str = "/work/shared/geo";

fn shared(name: &str) -> Option<Vec<Boundary>> {
    let path = Path::new(SHARED_GEO).join(name);
    if !path.exists() {
        eprintln!("skipped: {} not present", path.display());
        return None;
    }
    Some(read_boundaries(&path).unwrap())
}

fn sample(name: &str) -> Vec<Boundary> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data/geography")
        .join(name);
    read_boundaries(&path).unwrap()
}

fn feature(properties: &str, geometry: &str) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[
            {{"type":"Feature","properties":{{"LSOA21CD":"E01000001"}},
              "geometry":{{"type":"Polygon","coordinates":[[[0,51],[1,51],[1,52],[0,51]]]}}}},
            {{"type":"Feature","properties":{properties},"geometry":{geometry}}}]}}"#
    )
}

fn problem_of(text: &str) -> (usize, FeatureProblem) {
    match parse_boundaries("test.geojson", text) {
        Err(BoundaryError::BadFeature {
            feature, problem, ..
        }) => (feature, problem),
        other => panic!("expected a feature error, got {other:?}"),
    }
}

const SQUARE: &str = r#"{"type":"Polygon","coordinates":[[[0,51],[1,51],[1,52],[0,52],[0,51]]]}"#;

#[test]
fn medway_wards_are_24_wards_with_their_district_and_centroid() {
    let Some(wards) = shared("ward_E06000035.geojson") else {
        return;
    };
    assert_eq!(wards.len(), 24);
    assert!(wards.iter().all(|w| w.level == BoundaryLevel::Ward
        && w.code.starts_with("E05")
        && w.parent_code.as_deref() == Some("E06000035")
        && w.centroid_hint.is_some()
        && !w.polygons.is_empty()));
    let all_saints = wards.iter().find(|w| w.code == "E05014449").unwrap();
    assert_eq!(all_saints.name, "All Saints");
    assert_eq!(all_saints.centroid_hint, Some((0.649042, 51.45841)));
}

#[test]
fn medway_lsoas_are_169_lsoas_without_centroids() {
    let Some(lsoas) = shared("lsoa_E06000035.geojson") else {
        return;
    };
    assert_eq!(lsoas.len(), 169);
    assert!(lsoas
        .iter()
        .all(|l| l.level == BoundaryLevel::Lsoa && l.code.starts_with("E01")));
    assert!(lsoas.iter().all(|l| l.name.starts_with("Medway ")));
    assert!(lsoas.iter().all(|l| l.centroid_hint.is_none()));
}

#[test]
fn msoa_file_reads_as_other_level() {
    let Some(msoas) = shared("msoa_E06000035.geojson") else {
        return;
    };
    assert_eq!(msoas.len(), 38);
    assert!(msoas.iter().all(|m| m.level == BoundaryLevel::Other));
}

#[test]
fn sample_data_boundaries_read() {
    let wards = sample("ward_boundaries.geojson");
    assert_eq!(wards.len(), 22);
    assert!(wards.iter().all(|w| w.level == BoundaryLevel::Ward));
    assert_eq!(wards[0].code, "E05990001");
    assert_eq!(wards[0].name, "Abbey Fields");
    let lsoas = sample("lsoa_boundaries.geojson");
    assert_eq!(lsoas.len(), 165);
    assert_eq!(lsoas[0].name, "Northvale 001A");
}

#[test]
fn any_year_digits_and_district_level_are_recognised() {
    let text = feature(r#"{"lad19cd":"E06000035","lad19nm":"Medway"}"#, SQUARE);
    let b = parse_boundaries("t", &text).unwrap();
    assert_eq!(b[1].level, BoundaryLevel::District);
    assert_eq!(
        (b[1].code.as_str(), b[1].name.as_str()),
        ("E06000035", "Medway")
    );
}

#[test]
fn holes_and_multipolygons_are_kept() {
    let geometry = r#"{"type":"MultiPolygon","coordinates":[
            [[[0,51],[3,51],[3,54],[0,54],[0,51]],[[1,52],[2,52],[2,53],[1,53],[1,52]]],
            [[[5,51],[6,51],[6,52],[5,51]]]]}"#;
    let b = parse_boundaries("t", &feature(r#"{"WD22CD":"E05000001"}"#, geometry)).unwrap();
    assert_eq!(b[1].polygons.len(), 2);
    assert_eq!(b[1].polygons[0].holes.len(), 1);
    assert_eq!(b[1].name, "E05000001");
}

#[test]
fn errors_name_the_feature_and_the_reason() {
    assert_eq!(
        problem_of(&feature(r#"{"WD24CD":"E05000001"}"#, "null")),
        (2, FeatureProblem::NoGeometry)
    );
    assert_eq!(
        problem_of(&feature(
            r#"{"WD24CD":"E05000001"}"#,
            r#"{"type":"Point","coordinates":[0,51]}"#
        )),
        (2, FeatureProblem::UnsupportedGeometry("Point".into()))
    );
    assert_eq!(
        problem_of(&feature(r#"{"name":"x"}"#, SQUARE)),
        (2, FeatureProblem::NoCode)
    );
    assert_eq!(
        problem_of(&feature(
            r#"{"WD24CD":"E05000001"}"#,
            r#"{"type":"Polygon","coordinates":[[[584130,176598],[584230,176598],[584230,176698],[584130,176598]]]}"#
        )),
        (
            2,
            FeatureProblem::OutOfRange {
                x: 584130.0,
                y: 176598.0
            }
        )
    );
    assert_eq!(
        problem_of(&feature(
            r#"{"WD24CD":"E05000001"}"#,
            r#"{"type":"Polygon","coordinates":[[[0,51],[1,51],[0,51]]]}"#
        )),
        (2, FeatureProblem::RingTooShort { points: 3 })
    );
    let message = parse_boundaries("wards.geojson", &feature(r#"{"a":1}"#, SQUARE))
        .unwrap_err()
        .to_string();
    assert!(message.contains("wards.geojson, feature 2"), "{message}");
}

#[test]
fn parse_features_keeps_good_features_and_numbers_the_bad() {
    let parsed = parse_features("t", &feature(r#"{"WD24CD":"E05000001"}"#, "null")).unwrap();
    assert_eq!(parsed.boundaries.len(), 1);
    assert_eq!(parsed.rejected.len(), 1);
    assert_eq!(parsed.rejected[0].feature, 2);
    assert_eq!(parsed.rejected[0].problem, FeatureProblem::NoGeometry);
    assert!(parsed.rejected[0].excerpt.contains("E05000001"));
    assert_eq!(BoundaryLevel::from_name("lsoa"), Some(BoundaryLevel::Lsoa));
}

#[test]
fn not_a_feature_collection_is_an_error() {
    assert!(matches!(
        parse_boundaries("t", r#"{"type":"Feature"}"#),
        Err(BoundaryError::NotFeatureCollection { .. })
    ));
    assert!(matches!(
        parse_boundaries("t", "not json"),
        Err(BoundaryError::NotJson { .. })
    ));
}
