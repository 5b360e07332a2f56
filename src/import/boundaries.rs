//! Boundary records — each area's code, name, level (ward, LSOA, district or other), its
//! polygons with holes in WGS84 longitude/latitude, and the ONS centroid when the file has
//! one — and the GeoJSON reader: FeatureCollections of Polygon/MultiPolygon features in
//! WGS84, or in British National Grid or Web Mercator when the `crs` member says so (or,
//! with no `crs`, when the numbers can only be metres). Shapefiles and GeoPackages are read
//! in `gis`; all three share the conversion and the attribute rules of `gis::features`.
//!
//! No geometry is computed here (see `analysis::geo`); no egui.

use super::gis::crs::Crs;
use super::gis::features::{build_layers, RawFeature, RawLayer};
use super::gis::identity::BoundaryFields;
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
    #[error("{file}: {reason}")]
    Unreadable { file: String, reason: String },
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
        "point ({x}, {y}) is not a longitude/latitude, though the file's coordinates are \
         taken as WGS84: if they are British National Grid metres, the file must say so \
         (a \"crs\" of EPSG:27700, or a .prj beside a shapefile)"
    )]
    OutOfRange { x: f64, y: f64 },
    #[error("{0}")]
    BadGeometry(String),
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
    /// How the file was read (its coordinate system), for the import summary.
    pub notes: Vec<String>,
}

/// Parses the text of a boundary file, keeping the good features and saying why each bad
/// one was rejected. Only a file that is not a GeoJSON FeatureCollection, or one in a
/// coordinate system the app cannot convert, is an error.
pub fn parse_features(file: &str, text: &str) -> Result<ParsedFeatures, BoundaryError> {
    parse_features_with(file, text, None)
}

/// Like [`parse_features`], with the code and name attributes a mapping names.
pub fn parse_features_with(
    file: &str,
    text: &str,
    fields: Option<&BoundaryFields>,
) -> Result<ParsedFeatures, BoundaryError> {
    Ok(build_layers(vec![geojson_layer(file, text)?], fields))
}

/// Every feature of a GeoJSON text, in its own coordinates.
pub fn geojson_layer(file: &str, text: &str) -> Result<RawLayer, BoundaryError> {
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
    let declared = match declared_crs(&json) {
        Some(name) => {
            Some(
                Crs::from_crs_name(name).map_err(|reason| BoundaryError::Unreadable {
                    file: file.to_string(),
                    reason,
                })?,
            )
        }
        None => None,
    };
    let empty = Map::new();
    let raw: Vec<RawFeature> = features
        .iter()
        .enumerate()
        .map(|(index, feature)| RawFeature {
            number: index + 1,
            properties: feature
                .get("properties")
                .and_then(Value::as_object)
                .unwrap_or(&empty)
                .clone(),
            geometry: feature
                .get("geometry")
                .filter(|g| !g.is_null())
                .ok_or(FeatureProblem::NoGeometry)
                .and_then(parse_geometry),
            excerpt: feature_excerpt(feature),
        })
        .collect();
    let mut attributes: Vec<String> = Vec::new();
    for feature in raw.iter().take(100) {
        for key in feature.properties.keys() {
            if !attributes.contains(key) {
                attributes.push(key.clone());
            }
        }
    }
    Ok(RawLayer {
        features: raw,
        declared,
        how: "a \"crs\" member".into(),
        attributes,
    })
}

/// The name in a GeoJSON `crs` member (`{"type":"name","properties":{"name":…}}`).
fn declared_crs(json: &Value) -> Option<&str> {
    json.get("crs")?.get("properties")?.get("name")?.as_str()
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

/// A ring's positions as they are written (converted to WGS84 and checked later).
fn parse_ring(ring: &Value) -> Result<Ring, FeatureProblem> {
    let positions = ring.as_array().ok_or(FeatureProblem::BadCoordinates)?;
    positions
        .iter()
        .map(|position| {
            let pair = position.as_array().ok_or(FeatureProblem::BadCoordinates)?;
            let x = pair.first().and_then(Value::as_f64);
            let y = pair.get(1).and_then(Value::as_f64);
            match (x, y) {
                (Some(x), Some(y)) => Ok((x, y)),
                _ => Err(FeatureProblem::BadCoordinates),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
