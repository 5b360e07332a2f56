//! From features as any boundary file holds them — attributes and polygons in the file's
//! own coordinates — to [`Boundary`] records in WGS84: the coordinate system the file
//! declared (else the one its numbers must be in), each point converted and checked, rings
//! closed, each feature's area found from its attributes. Shared by the GeoJSON, shapefile
//! and GeoPackage readers, so all three accept and reject exactly alike.

use super::crs::Crs;
use super::identity::{identify, BoundaryFields};
use crate::import::boundaries::{
    Boundary, FeatureProblem, ParsedFeatures, Polygon, RejectedFeature, Ring,
};
use serde_json::{Map, Value};

/// One feature as read from a file, before conversion.
#[derive(Debug, Clone)]
pub struct RawFeature {
    /// Counting from 1, in file order.
    pub number: usize,
    pub properties: Map<String, Value>,
    /// Polygons in the file's coordinates, or why there are none.
    pub geometry: Result<Vec<Polygon>, FeatureProblem>,
    /// Something to find the feature by in the file (the start of its JSON, its attributes).
    pub excerpt: String,
}

/// The features of one layer of a file (a GeoPackage may hold several), with the
/// coordinate system the file declares for them and where it says so.
#[derive(Debug, Clone)]
pub struct RawLayer {
    pub features: Vec<RawFeature>,
    pub declared: Option<Crs>,
    /// Where the file declares its coordinate system ("a .prj file").
    pub how: String,
    /// The attribute names in the file's order.
    pub attributes: Vec<String>,
}

/// The boundaries of every layer, features numbered through the whole file.
pub fn build_layers(layers: Vec<RawLayer>, fields: Option<&BoundaryFields>) -> ParsedFeatures {
    let mut parsed = ParsedFeatures::default();
    for layer in layers {
        let one = build_boundaries(layer.features, layer.declared, &layer.how, fields);
        parsed.boundaries.extend(one.boundaries);
        parsed.rejected.extend(one.rejected);
        parsed.notes.extend(one.notes);
    }
    parsed
}

/// The boundaries of `raw`, with the rejected features and how the file was read.
/// `declared` is the coordinate system the file states, `how` where it says so
/// ("a .prj file").
pub fn build_boundaries(
    raw: Vec<RawFeature>,
    declared: Option<Crs>,
    how: &str,
    fields: Option<&BoundaryFields>,
) -> ParsedFeatures {
    let (crs, note) = match declared {
        Some(crs) => (
            crs,
            (crs != Crs::Wgs84).then(|| {
                format!(
                    "coordinates in {}, as {how} says: converted to WGS84 longitude/latitude",
                    crs.name()
                )
            }),
        ),
        None => {
            let points = raw
                .iter()
                .filter_map(|f| f.geometry.as_ref().ok())
                .flatten()
                .flat_map(|p| p.exterior.iter().copied());
            match Crs::guess(points) {
                Some(Crs::BritishNationalGrid) => (
                    Crs::BritishNationalGrid,
                    Some(format!(
                        "the file does not say its coordinate system ({how} is missing), but its coordinates are metres inside the British National Grid: read as EPSG:27700 and converted to WGS84"
                    )),
                ),
                _ => (Crs::Wgs84, None),
            }
        }
    };
    let mut parsed = ParsedFeatures::default();
    parsed.notes.extend(note);
    for feature in raw {
        match to_boundary(&feature, crs, fields) {
            Ok(boundary) => parsed.boundaries.push(boundary),
            Err(problem) => parsed.rejected.push(RejectedFeature {
                feature: feature.number,
                problem,
                excerpt: feature.excerpt,
            }),
        }
    }
    parsed
}

fn to_boundary(
    feature: &RawFeature,
    crs: Crs,
    fields: Option<&BoundaryFields>,
) -> Result<Boundary, FeatureProblem> {
    let identity = identify(&feature.properties, fields).ok_or(FeatureProblem::NoCode)?;
    let polygons = feature
        .geometry
        .clone()?
        .into_iter()
        .map(|p| convert_polygon(p, crs))
        .collect::<Result<Vec<_>, _>>()?;
    if polygons.is_empty() {
        return Err(FeatureProblem::NoGeometry);
    }
    let centroid_hint = match (
        number_property(&feature.properties, "LONG"),
        number_property(&feature.properties, "LAT"),
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

fn convert_polygon(polygon: Polygon, crs: Crs) -> Result<Polygon, FeatureProblem> {
    Ok(Polygon {
        exterior: convert_ring(polygon.exterior, crs)?,
        holes: polygon
            .holes
            .into_iter()
            .map(|ring| convert_ring(ring, crs))
            .collect::<Result<_, _>>()?,
    })
}

/// The ring in WGS84, every point checked, closed if the file left it open.
fn convert_ring(ring: Ring, crs: Crs) -> Result<Ring, FeatureProblem> {
    let mut points = ring
        .into_iter()
        .map(|(x, y)| {
            let (lon, lat) = crs.to_lon_lat(x, y);
            if x.is_finite() && y.is_finite() && is_lon_lat(lon, lat) {
                Ok((lon, lat))
            } else {
                Err(FeatureProblem::OutOfRange { x, y })
            }
        })
        .collect::<Result<Ring, _>>()?;
    // Rings must be closed; some exporters drop the repeated point.
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

fn number_property(properties: &Map<String, Value>, name: &str) -> Option<f64> {
    properties
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.as_f64())
}

fn is_lon_lat(lon: f64, lat: f64) -> bool {
    (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)
}

/// A feature's attributes as short text, to find it by in the file.
pub fn attributes_excerpt(properties: &Map<String, Value>) -> String {
    let text = Value::Object(properties.clone()).to_string();
    super::super::text::excerpt(text.as_bytes())
}
