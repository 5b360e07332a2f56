//! ESRI shapefiles as ONS and council GIS teams hand them out: the `.shp` geometry with its
//! `.dbf` attributes (codes and names), the `.prj` that decides the coordinate system and the
//! `.cpg` that names the attributes' encoding — read from memory, whether the parts came
//! from a folder or a zip. Read with the `shapefile` crate.

use super::crs::Crs;
use super::features::{attributes_excerpt, RawFeature, RawLayer};
use crate::import::boundaries::{BoundaryError, FeatureProblem, Polygon};
use serde_json::{Map, Number, Value};
use shapefile::dbase;
use shapefile::record::traits::HasXY;
use shapefile::{PolygonRing, Shape};
use std::io::Cursor;

/// The parts of one shapefile, as bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShapefileParts {
    pub shp: Vec<u8>,
    pub shx: Option<Vec<u8>>,
    pub dbf: Option<Vec<u8>>,
    pub prj: Option<Vec<u8>>,
    pub cpg: Option<Vec<u8>>,
}

/// The part extensions that belong to one shapefile, in the order they are hashed.
pub const PART_EXTENSIONS: [&str; 5] = ["shp", "shx", "dbf", "prj", "cpg"];

/// Other files GIS tools write beside a shapefile (indexes, metadata): part of the same
/// source, not read.
pub const SIDECAR_EXTENSIONS: [&str; 6] = ["sbn", "sbx", "qix", "xml", "qmd", "fix"];

impl ShapefileParts {
    /// Put a part's bytes in its place by extension; false for an extension that is not
    /// a part read.
    pub fn set(&mut self, extension: &str, bytes: Vec<u8>) -> bool {
        let slot = match extension.to_ascii_lowercase().as_str() {
            "shp" => {
                self.shp = bytes;
                return true;
            }
            "shx" => &mut self.shx,
            "dbf" => &mut self.dbf,
            "prj" => &mut self.prj,
            "cpg" => &mut self.cpg,
            _ => return false,
        };
        *slot = Some(bytes);
        true
    }
}

fn unreadable(file: &str, reason: String) -> BoundaryError {
    BoundaryError::Unreadable {
        file: file.to_string(),
        reason,
    }
}

/// Every feature of a shapefile, in its own coordinates.
pub fn raw_layer(file: &str, parts: &ShapefileParts) -> Result<RawLayer, BoundaryError> {
    let declared = match &parts.prj {
        Some(prj) => {
            Some(Crs::from_wkt(&String::from_utf8_lossy(prj)).map_err(|r| unreadable(file, r))?)
        }
        None => None,
    };
    let attributes = dbf_reader(file, parts)?
        .fields()
        .iter()
        .map(|f| f.name().to_string())
        .collect();
    Ok(RawLayer {
        features: raw_features(file, parts)?,
        declared,
        how: "a .prj file".into(),
        attributes,
    })
}

fn dbf_reader(
    file: &str,
    parts: &ShapefileParts,
) -> Result<dbase::Reader<Cursor<Vec<u8>>>, BoundaryError> {
    let dbf = parts.dbf.clone().ok_or_else(|| {
        unreadable(
            file,
            "the shapefile has no .dbf beside it (the table of area codes and names): import the .shp together with its .dbf, .shx and .prj, or the whole zip or folder".into(),
        )
    })?;
    let cpg = parts
        .cpg
        .as_deref()
        .map(|c| String::from_utf8_lossy(c).trim().to_ascii_uppercase())
        .unwrap_or_default();
    let is_1252 = [
        "1252",
        "ANSI 1252",
        "WINDOWS-1252",
        "ISO-8859-1",
        "88591",
        "LATIN1",
    ]
    .iter()
    .any(|name| cpg == *name);
    let builder = if is_1252 {
        dbase::ReaderBuilder::new().with_encoding(dbase::encoding::EncodingRs::from(
            dbase::encoding_rs::WINDOWS_1252,
        ))
    } else {
        dbase::ReaderBuilder::new().with_encoding(dbase::UnicodeLossy)
    };
    builder
        .build(Cursor::new(dbf))
        .map_err(|e| unreadable(file, format!("its .dbf could not be read ({e})")))
}

fn raw_features(file: &str, parts: &ShapefileParts) -> Result<Vec<RawFeature>, BoundaryError> {
    let damaged = |e: shapefile::Error| unreadable(file, format!("the shapefile is damaged ({e})"));
    let shp = Cursor::new(parts.shp.clone());
    let shapes = match &parts.shx {
        Some(shx) => shapefile::ShapeReader::with_shx(shp, Cursor::new(shx.clone())),
        None => shapefile::ShapeReader::new(shp),
    }
    .map_err(damaged)?;
    let mut reader = shapefile::Reader::new(shapes, dbf_reader(file, parts)?);
    let mut raw = Vec::new();
    for (index, item) in reader.iter_shapes_and_records().enumerate() {
        let (shape, record) = item.map_err(damaged)?;
        let properties: Map<String, Value> = record
            .into_iter()
            .map(|(name, value)| (name, attribute_value(value)))
            .collect();
        raw.push(RawFeature {
            number: index + 1,
            excerpt: attributes_excerpt(&properties),
            properties,
            geometry: shape_polygons(shape),
        });
    }
    Ok(raw)
}

fn attribute_value(value: dbase::FieldValue) -> Value {
    use dbase::FieldValue as F;
    let number = |n: f64| Number::from_f64(n).map_or(Value::Null, Value::Number);
    match value {
        F::Character(Some(s)) | F::Memo(s) => Value::String(s.trim().to_string()),
        F::Numeric(Some(n)) | F::Currency(n) | F::Double(n) => number(n),
        F::Float(Some(n)) => number(f64::from(n)),
        F::Integer(n) => Value::Number(n.into()),
        F::Logical(Some(b)) => Value::Bool(b),
        F::Date(Some(d)) => Value::String(d.to_string()),
        _ => Value::Null,
    }
}

/// A shape's polygons: each outer ring starts a polygon, the inner rings after it are its
/// holes (the order shapefile writers, GDAL among them, keep).
fn shape_polygons(shape: Shape) -> Result<Vec<Polygon>, FeatureProblem> {
    match shape {
        Shape::Polygon(p) => Ok(group_rings(p.rings())),
        Shape::PolygonM(p) => Ok(group_rings(p.rings())),
        Shape::PolygonZ(p) => Ok(group_rings(p.rings())),
        Shape::NullShape => Err(FeatureProblem::NoGeometry),
        other => Err(FeatureProblem::UnsupportedGeometry(
            other.shapetype().to_string(),
        )),
    }
}

fn group_rings<P: HasXY>(rings: &[PolygonRing<P>]) -> Vec<Polygon> {
    let xy = |points: &[P]| points.iter().map(|p| (p.x(), p.y())).collect::<Vec<_>>();
    let mut polygons: Vec<Polygon> = Vec::new();
    for ring in rings {
        match ring {
            PolygonRing::Outer(points) => polygons.push(Polygon {
                exterior: xy(points),
                holes: Vec::new(),
            }),
            PolygonRing::Inner(points) => match polygons.last_mut() {
                Some(polygon) => polygon.holes.push(xy(points)),
                // A hole before any shell: keep its outline rather than lose the area.
                None => polygons.push(Polygon {
                    exterior: xy(points),
                    holes: Vec::new(),
                }),
            },
        }
    }
    polygons
}
