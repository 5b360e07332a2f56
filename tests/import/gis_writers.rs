//! Boundary files in British National Grid made from WGS84 GeoJSON at test time: by GDAL's
//! `ogr2ogr` (an independent tool) when it is installed, else by writers that do not share
//! the app's readers — the `shapefile` crate's writer, SQL and hand-packed WKB for the
//! GeoPackage, the forward projection for GeoJSON — so the tests run on any machine. Used
//! for the real Medway boundaries, which must never be copied into the project.

use csp_assessment::analysis::geo::projection::wgs84_to_bng;
use serde_json::Value;
use shapefile::dbase::{FieldName, FieldValue, Record, TableWriterBuilder};
use shapefile::{Point, Polygon, PolygonRing};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The British National Grid as ESRI WKT (what GDAL writes in a .prj).
const BNG_PRJ: &str = r#"PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]"#;

/// Whether GDAL's ogr2ogr can be run here.
pub fn has_ogr2ogr() -> bool {
    Command::new("ogr2ogr")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn ogr2ogr(args: &[&str]) {
    let out = Command::new("ogr2ogr").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "ogr2ogr {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The code and name properties of the areas in a GeoJSON (`WD25CD`, `LSOA21CD`…).
fn code_and_name_keys(features: &[Value]) -> (String, String) {
    let props = features[0]["properties"].as_object().unwrap();
    let code = props
        .keys()
        .find(|k| {
            let u = k.to_ascii_uppercase();
            (u.starts_with("WD") || u.starts_with("LSOA")) && u.ends_with("CD")
        })
        .unwrap()
        .clone();
    let name = format!("{}NM", code.strip_suffix("CD").unwrap());
    (code, name)
}

fn features(src: &Path) -> Vec<Value> {
    let json: Value = serde_json::from_str(&std::fs::read_to_string(src).unwrap()).unwrap();
    json["features"].as_array().unwrap().clone()
}

/// Every polygon of a feature as rings of BNG points.
fn bng_polygons(feature: &Value) -> Vec<Vec<Vec<(f64, f64)>>> {
    let geometry = &feature["geometry"];
    let coords = geometry["coordinates"].as_array().unwrap();
    let polygons: Vec<&Value> = match geometry["type"].as_str().unwrap() {
        "Polygon" => vec![&geometry["coordinates"]],
        _ => coords.iter().collect(),
    };
    polygons
        .iter()
        .map(|polygon| {
            polygon
                .as_array()
                .unwrap()
                .iter()
                .map(|ring| {
                    ring.as_array()
                        .unwrap()
                        .iter()
                        .map(|p| wgs84_to_bng(p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// A BNG GeoJSON (with its `crs` member) of `src`.
pub fn bng_geojson(src: &Path, dst: &Path) {
    if has_ogr2ogr() {
        return ogr2ogr(&[
            "-f",
            "GeoJSON",
            "-s_srs",
            "EPSG:4326",
            "-t_srs",
            "EPSG:27700",
            "-lco",
            "RFC7946=NO",
            dst.to_str().unwrap(),
            src.to_str().unwrap(),
        ]);
    }
    let features: Vec<Value> = features(src)
        .iter()
        .map(|f| {
            let polygons = bng_polygons(f);
            let coordinates: Vec<Value> = polygons
                .iter()
                .map(|rings| {
                    Value::Array(
                        rings
                            .iter()
                            .map(|r| {
                                Value::Array(
                                    r.iter().map(|(x, y)| serde_json::json!([x, y])).collect(),
                                )
                            })
                            .collect(),
                    )
                })
                .collect();
            serde_json::json!({"type": "Feature", "properties": f["properties"],
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates}})
        })
        .collect();
    let json = serde_json::json!({"type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
        "features": features});
    std::fs::write(dst, json.to_string()).unwrap();
}

/// A zipped BNG shapefile of `src`, its parts named `stem.*`.
pub fn zipped_shapefile(src: &Path, dst: &Path, stem: &str) {
    let dir = tempfile::tempdir().unwrap();
    let shp = dir.path().join(format!("{stem}.shp"));
    if has_ogr2ogr() {
        ogr2ogr(&[
            "-f",
            "ESRI Shapefile",
            "-s_srs",
            "EPSG:4326",
            "-t_srs",
            "EPSG:27700",
            "-lco",
            "ENCODING=UTF-8",
            shp.to_str().unwrap(),
            src.to_str().unwrap(),
        ]);
    } else {
        write_shapefile(src, &shp);
    }
    let mut zip = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    for ext in ["shp", "shx", "dbf", "prj", "cpg"] {
        let part: PathBuf = shp.with_extension(ext);
        if let Ok(bytes) = std::fs::read(&part) {
            zip.start_file(
                format!("{stem}.{ext}"),
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            zip.write_all(&bytes).unwrap();
        }
    }
    zip.finish().unwrap();
}

fn write_shapefile(src: &Path, shp: &Path) {
    let features = features(src);
    let (code, name) = code_and_name_keys(&features);
    let table = TableWriterBuilder::new()
        .add_character_field(FieldName::try_from(code.as_str()).unwrap(), 20)
        .add_character_field(FieldName::try_from(name.as_str()).unwrap(), 80);
    let mut writer = shapefile::Writer::from_path(shp, table).unwrap();
    for feature in &features {
        let mut rings = Vec::new();
        for polygon in bng_polygons(feature) {
            for (i, ring) in polygon.into_iter().enumerate() {
                let points: Vec<Point> = ring.into_iter().map(|(x, y)| Point::new(x, y)).collect();
                rings.push(if i == 0 {
                    PolygonRing::Outer(points)
                } else {
                    PolygonRing::Inner(points)
                });
            }
        }
        let mut record = Record::default();
        let text = |key: &str| {
            FieldValue::Character(feature["properties"][key].as_str().map(String::from))
        };
        record.insert(code.clone(), text(&code));
        record.insert(name.clone(), text(&name));
        writer
            .write_shape_and_record(&Polygon::with_rings(rings), &record)
            .unwrap();
    }
    std::fs::write(shp.with_extension("prj"), BNG_PRJ).unwrap();
    std::fs::write(shp.with_extension("cpg"), "UTF-8").unwrap();
}

/// A BNG GeoPackage with one layer per (name, source).
pub fn geopackage(layers: &[(&str, &Path)], dst: &Path) {
    if has_ogr2ogr() {
        for (i, (layer, src)) in layers.iter().enumerate() {
            let mut args = vec![
                "-f",
                "GPKG",
                "-s_srs",
                "EPSG:4326",
                "-t_srs",
                "EPSG:27700",
                "-nln",
                layer,
            ];
            if i > 0 {
                args.push("-update");
            }
            args.push(dst.to_str().unwrap());
            args.push(src.to_str().unwrap());
            ogr2ogr(&args);
        }
        return;
    }
    let conn = rusqlite::Connection::open(dst).unwrap();
    conn.execute_batch(
        "PRAGMA application_id = 1196444487;
         CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT,
             organization_coordsys_id INTEGER, definition TEXT, description TEXT);
         CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT,
             description TEXT, last_change TEXT, min_x REAL, min_y REAL, max_x REAL, max_y REAL, srs_id INTEGER);
         CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT,
             srs_id INTEGER, z INTEGER, m INTEGER);",
    )
    .unwrap();
    conn.execute(
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('OSGB36 / British National Grid', 27700, 'EPSG', 27700, ?1, '')",
        [BNG_PRJ],
    )
    .unwrap();
    for (layer, src) in layers {
        let features = features(src);
        let (code, name) = code_and_name_keys(&features);
        conn.execute_batch(&format!(
            "CREATE TABLE {layer} (fid INTEGER PRIMARY KEY, geom BLOB, \"{code}\" TEXT, \"{name}\" TEXT);
             INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('{layer}', 'features', '{layer}', 27700);
             INSERT INTO gpkg_geometry_columns VALUES ('{layer}', 'geom', 'MULTIPOLYGON', 27700, 0, 0);"
        ))
        .unwrap();
        for feature in &features {
            conn.execute(
                &format!("INSERT INTO {layer} (geom, \"{code}\", \"{name}\") VALUES (?1, ?2, ?3)"),
                rusqlite::params![
                    gpkg_blob(&bng_polygons(feature)),
                    feature["properties"][&code].as_str(),
                    feature["properties"][&name].as_str()
                ],
            )
            .unwrap();
        }
    }
}

/// A GeoPackage geometry: the "GP" header (no envelope, SRS 27700), then a little-endian
/// WKB MultiPolygon.
fn gpkg_blob(polygons: &[Vec<Vec<(f64, f64)>>]) -> Vec<u8> {
    let mut out = b"GP\x00\x01".to_vec();
    out.extend(27700i32.to_le_bytes());
    out.push(1);
    out.extend(6u32.to_le_bytes());
    out.extend((polygons.len() as u32).to_le_bytes());
    for rings in polygons {
        out.push(1);
        out.extend(3u32.to_le_bytes());
        out.extend((rings.len() as u32).to_le_bytes());
        for ring in rings {
            out.extend((ring.len() as u32).to_le_bytes());
            for (x, y) in ring {
                out.extend(x.to_le_bytes());
                out.extend(y.to_le_bytes());
            }
        }
    }
    out
}
