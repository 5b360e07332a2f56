//! GeoPackage boundary files (`.gpkg`, what QGIS and ONS hand out now): an SQLite database
//! whose feature tables hold a geometry column (GeoPackage header + WKB) beside the
//! attribute columns, with each table's coordinate system in `gpkg_spatial_ref_sys`.
//! Read with the project's own SQLite, from a private in-memory copy opened read-only —
//! the file itself is never opened for writing, nor are its -wal/-shm files touched.

use super::crs::Crs;
use super::features::{attributes_excerpt, RawFeature, RawLayer};
use super::wkb::geopackage_polygons;
use crate::import::boundaries::{BoundaryError, FeatureProblem};
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde_json::{Map, Number, Value};
use std::io::Cursor;

/// One feature table: its name, geometry column and spatial reference id.
struct FeatureTable {
    name: String,
    geometry: String,
    srs_id: i64,
}

fn unreadable(file: &str, reason: String) -> BoundaryError {
    BoundaryError::Unreadable {
        file: file.to_string(),
        reason,
    }
}

/// A read-only in-memory copy of the GeoPackage in `bytes`.
fn open(file: &str, bytes: &[u8]) -> Result<Connection, BoundaryError> {
    if !bytes.starts_with(b"SQLite format 3\0") {
        return Err(unreadable(
            file,
            "the file is not a GeoPackage (a GeoPackage is an SQLite database; this one does not start like one)".into(),
        ));
    }
    let mut copy = bytes.to_vec();
    // A database last written in WAL mode cannot be opened from memory; the copy is read
    // as an ordinary (rollback-journal) database, which it is once its WAL is checkpointed.
    if copy.get(18..20) == Some(&[2, 2]) {
        copy[18] = 1;
        copy[19] = 1;
    }
    let failed =
        |e: rusqlite::Error| unreadable(file, format!("the GeoPackage could not be read ({e})"));
    let mut conn = Connection::open_in_memory().map_err(failed)?;
    conn.deserialize_read_exact("main", Cursor::new(&copy), copy.len(), true)
        .map_err(failed)?;
    Ok(conn)
}

fn feature_tables(file: &str, conn: &Connection) -> Result<Vec<FeatureTable>, BoundaryError> {
    let failed = |e: rusqlite::Error| {
        unreadable(
            file,
            format!(
                "the file is an SQLite database but not a GeoPackage with feature tables ({e})"
            ),
        )
    };
    let mut stmt = conn
        .prepare(
            "SELECT c.table_name, g.column_name, g.srs_id
             FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
             WHERE c.data_type = 'features' ORDER BY c.table_name",
        )
        .map_err(failed)?;
    let tables = stmt
        .query_map([], |r| {
            Ok(FeatureTable {
                name: r.get(0)?,
                geometry: r.get(1)?,
                srs_id: r.get(2)?,
            })
        })
        .map_err(failed)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(failed)?;
    if tables.is_empty() {
        return Err(unreadable(
            file,
            "the GeoPackage has no feature tables".into(),
        ));
    }
    Ok(tables)
}

/// The coordinate system of a spatial reference id, from `gpkg_spatial_ref_sys`.
fn table_crs(file: &str, conn: &Connection, srs_id: i64) -> Result<Option<Crs>, BoundaryError> {
    let row: Option<(String, i64, String)> = conn
        .query_row(
            "SELECT organization, organization_coordsys_id, definition
             FROM gpkg_spatial_ref_sys WHERE srs_id = ?1",
            [srs_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .ok();
    let Some((organization, code, definition)) = row else {
        // -1 and 0 are the GeoPackage's "undefined" systems: judge by the numbers.
        return Ok(None);
    };
    let by_code = organization
        .eq_ignore_ascii_case("EPSG")
        .then(|| Crs::from_epsg(code))
        .flatten();
    match by_code {
        Some(crs) => Ok(Some(crs)),
        None if srs_id <= 0 => Ok(None),
        None => Crs::from_wkt(&definition)
            .map(Some)
            .map_err(|reason| unreadable(file, reason)),
    }
}

fn quoted(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

/// Every feature of every feature table, in their own coordinates.
pub fn raw_layers(file: &str, bytes: &[u8]) -> Result<Vec<RawLayer>, BoundaryError> {
    let conn = open(file, bytes)?;
    let mut layers = Vec::new();
    let mut numbered = 0;
    for table in feature_tables(file, &conn)? {
        let declared = table_crs(file, &conn, table.srs_id)?;
        let (features, attributes) = table_features(file, &conn, &table, numbered)?;
        numbered += features.len();
        layers.push(RawLayer {
            features,
            declared,
            how: format!("its spatial reference table (layer \"{}\")", table.name),
            attributes,
        });
    }
    Ok(layers)
}

fn table_features(
    file: &str,
    conn: &Connection,
    table: &FeatureTable,
    first: usize,
) -> Result<(Vec<RawFeature>, Vec<String>), BoundaryError> {
    let failed = |e: rusqlite::Error| {
        unreadable(
            file,
            format!("layer \"{}\" could not be read ({e})", table.name),
        )
    };
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM {}", quoted(&table.name)))
        .map_err(failed)?;
    let columns: Vec<String> = stmt.column_names().map(str::to_string).collect();
    let mut rows = stmt.query([]).map_err(failed)?;
    let mut raw = Vec::new();
    while let Some(row) = rows.next().map_err(failed)? {
        let mut properties = Map::new();
        let mut geometry = Err(FeatureProblem::NoGeometry);
        for (i, name) in columns.iter().enumerate() {
            let value = row.get_ref(i).map_err(failed)?;
            if *name == table.geometry {
                if let ValueRef::Blob(blob) = value {
                    geometry = geopackage_polygons(blob)
                        .map_err(|p| FeatureProblem::BadGeometry(p.to_string()));
                }
                continue;
            }
            properties.insert(name.clone(), json_value(value));
        }
        raw.push(RawFeature {
            number: first + raw.len() + 1,
            excerpt: format!("layer {}: {}", table.name, attributes_excerpt(&properties)),
            properties,
            geometry,
        });
    }
    let attributes = columns
        .into_iter()
        .filter(|c| *c != table.geometry)
        .collect();
    Ok((raw, attributes))
}

fn json_value(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null | ValueRef::Blob(_) => Value::Null,
        ValueRef::Integer(n) => Value::Number(n.into()),
        ValueRef::Real(f) => Number::from_f64(f).map_or(Value::Null, Value::Number),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).trim().to_string()),
    }
}
