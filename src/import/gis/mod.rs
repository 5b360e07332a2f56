//! Boundary files in the forms GIS teams hand them out: GeoJSON (WGS84, British National
//! Grid or Web Mercator), ESRI shapefiles (a folder of `.shp/.shx/.dbf/.prj`, or zipped)
//! and GeoPackages — each read into the same [`crate::import::boundaries::Boundary`]
//! records, in WGS84. The coordinate system comes from what the file says (see [`crs`]);
//! areas are found from their attributes (see [`identity`]).
//!
//! Reading only: a GeoPackage is read from a private in-memory copy (the one place the
//! import layer runs SQL, on the file it was given, never on the assessment file).

pub mod crs;
pub mod features;
pub mod geopackage;
pub mod identity;
pub mod projection;
pub mod shp;
pub mod wkb;

use crate::import::boundaries::{geojson_layer, BoundaryError, ParsedFeatures};
use features::{build_layers, RawLayer};
use identity::BoundaryFields;
use shp::ShapefileParts;

/// The boundary file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GisFormat {
    GeoJson,
    Shapefile,
    GeoPackage,
}

impl GisFormat {
    /// The format a file's name says (`.geojson`/`.json`, `.shp`, `.gpkg`).
    pub fn of_name(name: &str) -> Option<GisFormat> {
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, e)| e)?;
        match ext {
            "geojson" | "json" => Some(GisFormat::GeoJson),
            "shp" => Some(GisFormat::Shapefile),
            "gpkg" => Some(GisFormat::GeoPackage),
            _ => None,
        }
    }
}

/// A boundary file's content, as the import read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoundarySource {
    GeoJson(Vec<u8>),
    Shapefile(ShapefileParts),
    GeoPackage(Vec<u8>),
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Every layer of a boundary file, features in the file's own coordinates.
pub fn read_layers(file: &str, source: &BoundarySource) -> Result<Vec<RawLayer>, BoundaryError> {
    match source {
        BoundarySource::GeoJson(bytes) => {
            let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
            let text = std::str::from_utf8(body).map_err(|e| BoundaryError::Unreadable {
                file: file.to_string(),
                reason: format!("a GeoJSON file must be UTF-8 text ({e})"),
            })?;
            Ok(vec![geojson_layer(file, text)?])
        }
        BoundarySource::Shapefile(parts) => Ok(vec![shp::raw_layer(file, parts)?]),
        BoundarySource::GeoPackage(bytes) => geopackage::raw_layers(file, bytes),
    }
}

/// Every feature of a boundary file as boundaries, with the attributes `fields` names
/// when given.
pub fn read_source(
    file: &str,
    source: &BoundarySource,
    fields: Option<&BoundaryFields>,
) -> Result<ParsedFeatures, BoundaryError> {
    Ok(build_layers(read_layers(file, source)?, fields))
}

/// The attribute names of a boundary file, in the file's order.
pub fn attribute_names(file: &str, source: &BoundarySource) -> Result<Vec<String>, BoundaryError> {
    Ok(attribute_table(file, source)?.0)
}

/// A boundary file's attributes as a table — the attribute names as the header, one row
/// of values per feature — for choosing the code and name attributes.
pub fn attribute_table(
    file: &str,
    source: &BoundarySource,
) -> Result<(Vec<String>, Vec<csv::ByteRecord>), BoundaryError> {
    let layers = read_layers(file, source)?;
    let mut header: Vec<String> = Vec::new();
    for name in layers.iter().flat_map(|l| l.attributes.iter()) {
        if !header.contains(name) {
            header.push(name.clone());
        }
    }
    let rows = layers
        .iter()
        .flat_map(|l| l.features.iter())
        .map(|feature| {
            let mut record: csv::ByteRecord = header
                .iter()
                .map(|name| match feature.properties.get(name) {
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(serde_json::Value::Null) | None => String::new(),
                    Some(other) => other.to_string(),
                })
                .collect();
            let mut position = csv::Position::new();
            position.set_line(feature.number as u64);
            record.set_position(Some(position));
            record
        })
        .collect();
    Ok((header, rows))
}
