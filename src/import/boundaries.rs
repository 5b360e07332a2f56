//! ONS boundary files (GeoJSON FeatureCollections of Polygon/MultiPolygon features in WGS84
//! longitude/latitude) → [`Boundary`] records: each area's code, name, level (ward, LSOA,
//! district or other), its polygons with holes, and the ONS centroid when the file has one.
//!
//! The code and name properties are found by their shape, whatever the year digits:
//! `WDnnCD`/`WDnnNM` (ward, with `LADnnCD` kept as the parent district), `LSOAnnCD`/
//! `LSOAnnNM`, `LADnnCD`/`LADnnNM`, or any other `XXnnCD`. No geometry is computed here
//! (see `analysis::geo`); no SQL and no egui.

use serde_json::{Map, Value};
use std::path::Path;

/// The kind of area a boundary outlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum BoundaryLevel {
    Ward,
    Lsoa,
    District,
    Other,
}

impl BoundaryLevel {
    /// The name stored in the assessment file (`boundary.level`).
    pub fn as_str(self) -> &'static str {
        match self {
            BoundaryLevel::Ward => "ward",
            BoundaryLevel::Lsoa => "lsoa",
            BoundaryLevel::District => "district",
            BoundaryLevel::Other => "other",
        }
    }

    /// The level a stored name stands for.
    pub fn from_name(name: &str) -> Option<BoundaryLevel> {
        [
            BoundaryLevel::Ward,
            BoundaryLevel::Lsoa,
            BoundaryLevel::District,
            BoundaryLevel::Other,
        ]
        .into_iter()
        .find(|l| l.as_str() == name)
    }
}

/// One ring of (longitude, latitude) points, closed (first point = last point).
pub type Ring = Vec<(f64, f64)>;

/// A polygon: an outer ring and any holes.
#[derive(Debug, Clone, PartialEq)]
pub struct Polygon {
    pub exterior: Ring,
    pub holes: Vec<Ring>,
}

/// One area from a boundary file.
#[derive(Debug, Clone, PartialEq)]
pub struct Boundary {
    /// ONS code, e.g. E05014449.
    pub code: String,
    /// Name as the file gives it; the code when the file has no name property.
    pub name: String,
    pub level: BoundaryLevel,
    /// The district a ward belongs to (`LADnnCD`), when the file says.
    pub parent_code: Option<String>,
    /// One polygon for a Polygon feature, several for a MultiPolygon.
    pub polygons: Vec<Polygon>,
    /// (longitude, latitude) from `LONG`/`LAT` properties (the ONS centroid), if present.
    pub centroid_hint: Option<(f64, f64)>,
}

/// What was wrong with a boundary file.
#[derive(Debug, thiserror::Error)]
pub enum BoundaryError {
    #[error("could not read {file}: {reason}")]
    Io { file: String, reason: String },
    #[error("{file} is not valid GeoJSON: {reason}")]
    NotJson { file: String, reason: String },
    #[error("{file} is not a GeoJSON FeatureCollection (no \"features\" list)")]
    NotFeatureCollection { file: String },
    #[error("{file}, feature {feature} (counting from 1): {problem}")]
    BadFeature {
        file: String,
        feature: usize,
        problem: FeatureProblem,
    },
}

/// Why one feature could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FeatureProblem {
    #[error("it has no geometry")]
    NoGeometry,
    #[error("its geometry is a {0}; only Polygon and MultiPolygon boundaries can be used")]
    UnsupportedGeometry(String),
    #[error("it has no area code property (such as WD24CD, LSOA21CD or LAD24CD)")]
    NoCode,
    #[error("its coordinates are not lists of numbers")]
    BadCoordinates,
    #[error(
        "point ({x}, {y}) is not a longitude/latitude; the file may be in British National \
         Grid metres: export it as WGS84 (EPSG:4326)"
    )]
    OutOfRange { x: f64, y: f64 },
    #[error("a ring has {points} points; a closed ring needs at least 4")]
    RingTooShort { points: usize },
    #[error("a polygon has no rings")]
    EmptyPolygon,
}

/// Reads and parses a boundary file.
pub fn read_boundaries(path: &Path) -> Result<Vec<Boundary>, BoundaryError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| BoundaryError::Io {
        file: file.clone(),
        reason: e.to_string(),
    })?;
    parse_boundaries(&file, &text)
}

/// Parses the text of a boundary file; `file` names it in errors. The first bad feature
/// fails the whole file (an import keeps the good ones: see [`parse_features`]).
pub fn parse_boundaries(file: &str, text: &str) -> Result<Vec<Boundary>, BoundaryError> {
    let parsed = parse_features(file, text)?;
    match parsed.rejected.into_iter().next() {
        Some(bad) => Err(BoundaryError::BadFeature {
            file: file.to_string(),
            feature: bad.feature,
            problem: bad.problem,
        }),
        None => Ok(parsed.boundaries),
    }
}

/// A feature that could not be read, for the rejected-rows table.
#[derive(Debug, Clone, PartialEq)]
pub struct RejectedFeature {
    /// Counting from 1, in file order.
    pub feature: usize,
    pub problem: FeatureProblem,
    /// The start of the feature's JSON, so the analyst can find it.
    pub excerpt: String,
}

/// Every feature of a file: the boundaries read and the features rejected.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedFeatures {
    pub boundaries: Vec<Boundary>,
    pub rejected: Vec<RejectedFeature>,
}

/// Parses the text of a boundary file, keeping the good features and saying why each bad
/// one was rejected. Only a file that is not a GeoJSON FeatureCollection is an error.
pub fn parse_features(file: &str, text: &str) -> Result<ParsedFeatures, BoundaryError> {
    let json: Value = serde_json::from_str(text).map_err(|e| BoundaryError::NotJson {
        file: file.to_string(),
        reason: e.to_string(),
    })?;
    let features = json
        .get("features")
        .and_then(Value::as_array)
        .ok_or_else(|| BoundaryError::NotFeatureCollection {
            file: file.to_string(),
        })?;
    let mut parsed = ParsedFeatures::default();
    for (index, feature) in features.iter().enumerate() {
        match parse_feature(feature) {
            Ok(boundary) => parsed.boundaries.push(boundary),
            Err(problem) => parsed.rejected.push(RejectedFeature {
                feature: index + 1,
                problem,
                excerpt: feature_excerpt(feature),
            }),
        }
    }
    Ok(parsed)
}

/// The first 200 characters of a feature's JSON.
fn feature_excerpt(feature: &Value) -> String {
    const MAX: usize = 200;
    let text = feature.to_string();
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or_default()),
        None => text,
    }
}

fn parse_feature(feature: &Value) -> Result<Boundary, FeatureProblem> {
    let empty = Map::new();
    let properties = feature
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let identity = identify(properties).ok_or(FeatureProblem::NoCode)?;
    let geometry = feature
        .get("geometry")
        .filter(|g| !g.is_null())
        .ok_or(FeatureProblem::NoGeometry)?;
    let polygons = parse_geometry(geometry)?;
    let centroid_hint = match (
        number_property(properties, "LONG"),
        number_property(properties, "LAT"),
    ) {
        (Some(lon), Some(lat)) if is_lon_lat(lon, lat) => Some((lon, lat)),
        _ => None,
    };
    Ok(Boundary {
        code: identity.code,
        name: identity.name,
        level: identity.level,
        parent_code: identity.parent_code,
        polygons,
        centroid_hint,
    })
}

struct Identity {
    code: String,
    name: String,
    level: BoundaryLevel,
    parent_code: Option<String>,
}

/// Finds the code/name pair by property names (year digits vary: WD19CD … WD25CD).
fn identify(properties: &Map<String, Value>) -> Option<Identity> {
    let find = |prefix: &str, suffix: &str| -> Option<String> {
        properties.iter().find_map(|(key, value)| {
            let upper = key.to_ascii_uppercase();
            let digits = upper.strip_prefix(prefix)?.strip_suffix(suffix)?;
            let is_year = digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit());
            let text = value.as_str()?.trim();
            (is_year && !text.is_empty()).then(|| text.to_string())
        })
    };
    let parent = find("LAD", "CD");
    let (prefix, level, parent_code) = if find("WD", "CD").is_some() {
        ("WD", BoundaryLevel::Ward, parent)
    } else if find("LSOA", "CD").is_some() {
        ("LSOA", BoundaryLevel::Lsoa, None)
    } else if parent.is_some() {
        ("LAD", BoundaryLevel::District, None)
    } else {
        return other_identity(properties);
    };
    let code = find(prefix, "CD")?;
    let name = find(prefix, "NM").unwrap_or_else(|| code.clone());
    Some(Identity {
        code,
        name,
        level,
        parent_code,
    })
}

/// Any other ONS geography (MSOA21CD, CTY23CD…): letters, two digits, `CD`.
fn other_identity(properties: &Map<String, Value>) -> Option<Identity> {
    let (key, code) = properties.iter().find_map(|(key, value)| {
        let upper = key.to_ascii_uppercase();
        let stem = upper.strip_suffix("CD")?;
        let split = stem.len().checked_sub(2)?;
        let (letters, digits) = (stem.get(..split)?, stem.get(split..)?);
        let shaped = !letters.is_empty()
            && letters.bytes().all(|b| b.is_ascii_alphabetic())
            && digits.bytes().all(|b| b.is_ascii_digit());
        let text = value.as_str()?.trim();
        (shaped && !text.is_empty()).then(|| (upper.clone(), text.to_string()))
    })?;
    let name_key = format!("{}NM", key.strip_suffix("CD").unwrap_or(&key));
    let name = properties
        .iter()
        .find(|(k, _)| k.to_ascii_uppercase() == name_key)
        .and_then(|(_, v)| v.as_str())
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| code.clone());
    Some(Identity {
        code,
        name,
        level: BoundaryLevel::Other,
        parent_code: None,
    })
}

fn number_property(properties: &Map<String, Value>, name: &str) -> Option<f64> {
    properties
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.as_f64())
}

fn is_lon_lat(lon: f64, lat: f64) -> bool {
    (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)
}

fn parse_geometry(geometry: &Value) -> Result<Vec<Polygon>, FeatureProblem> {
    let kind = geometry.get("type").and_then(Value::as_str).unwrap_or("");
    let coordinates = geometry
        .get("coordinates")
        .and_then(Value::as_array)
        .ok_or(FeatureProblem::BadCoordinates);
    match kind {
        "Polygon" => Ok(vec![parse_polygon(coordinates?)?]),
        "MultiPolygon" => coordinates?
            .iter()
            .map(|p| parse_polygon(p.as_array().ok_or(FeatureProblem::BadCoordinates)?))
            .collect(),
        "" => Err(FeatureProblem::NoGeometry),
        other => Err(FeatureProblem::UnsupportedGeometry(other.to_string())),
    }
}

fn parse_polygon(rings: &[Value]) -> Result<Polygon, FeatureProblem> {
    let mut rings = rings.iter().map(parse_ring);
    let exterior = rings.next().ok_or(FeatureProblem::EmptyPolygon)??;
    let holes = rings.collect::<Result<Vec<_>, _>>()?;
    Ok(Polygon { exterior, holes })
}

fn parse_ring(ring: &Value) -> Result<Ring, FeatureProblem> {
    let positions = ring.as_array().ok_or(FeatureProblem::BadCoordinates)?;
    let mut points = positions
        .iter()
        .map(|position| {
            let pair = position.as_array().ok_or(FeatureProblem::BadCoordinates)?;
            let x = pair.first().and_then(Value::as_f64);
            let y = pair.get(1).and_then(Value::as_f64);
            let (Some(x), Some(y)) = (x, y) else {
                return Err(FeatureProblem::BadCoordinates);
            };
            if is_lon_lat(x, y) {
                Ok((x, y))
            } else {
                Err(FeatureProblem::OutOfRange { x, y })
            }
        })
        .collect::<Result<Ring, _>>()?;
    // GeoJSON requires closed rings; some exporters drop the repeated point.
    if let (Some(&first), Some(&last)) = (points.first(), points.last()) {
        if first != last {
            points.push(first);
        }
    }
    if points.len() < 4 {
        return Err(FeatureProblem::RingTooShort {
            points: points.len(),
        });
    }
    Ok(points)
}

#[cfg(test)]
mod tests {
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

    const SQUARE: &str =
        r#"{"type":"Polygon","coordinates":[[[0,51],[1,51],[1,52],[0,52],[0,51]]]}"#;

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
}
