#!/bin/sh
# Boundary fixtures made by an independent tool (GDAL's ogr2ogr) from the sample's own
# WGS84 GeoJSON boundaries (sample-data/geography), for tests/import/gis.rs:
#   wards_bng.geojson         wards reprojected to British National Grid, with a "crs" member
#   wards_shp.zip             wards as a zipped ESRI shapefile in BNG (.shp .shx .dbf .prj .cpg)
#   lsoas_shp/                LSOAs as a shapefile folder in BNG
#   boundaries.gpkg           a GeoPackage with two layers (wards, lsoas) in BNG
#   council_wards_shp/        wards with a council's own attribute names (ward_code, ward_name)
# Run from the repository root after changing the sample boundaries: sh scripts/make-gis-fixtures.sh
# (needs gdal-bin and zip; the outputs are committed, so tests and CI do not need GDAL).
set -eu
src=sample-data/geography
out=tests/fixtures/gis
rm -rf "$out/wards_bng.geojson" "$out/wards_shp.zip" "$out/lsoas_shp" "$out/boundaries.gpkg" "$out/council_wards_shp"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ogr2ogr -f GeoJSON -s_srs EPSG:4326 -t_srs EPSG:27700 -lco RFC7946=NO -lco COORDINATE_PRECISION=2 \
    "$out/wards_bng.geojson" "$src/ward_boundaries.geojson"

ogr2ogr -f "ESRI Shapefile" -s_srs EPSG:4326 -t_srs EPSG:27700 -lco ENCODING=UTF-8 \
    "$tmp/wards.shp" "$src/ward_boundaries.geojson"
(cd "$tmp" && zip -q -X wards_shp.zip wards.shp wards.shx wards.dbf wards.prj wards.cpg)
mv "$tmp/wards_shp.zip" "$out/wards_shp.zip"

mkdir -p "$out/lsoas_shp"
ogr2ogr -f "ESRI Shapefile" -s_srs EPSG:4326 -t_srs EPSG:27700 -lco ENCODING=UTF-8 \
    "$out/lsoas_shp/lsoas.shp" "$src/lsoa_boundaries.geojson"

ogr2ogr -f GPKG -s_srs EPSG:4326 -t_srs EPSG:27700 -nln wards \
    "$out/boundaries.gpkg" "$src/ward_boundaries.geojson"
ogr2ogr -f GPKG -update -s_srs EPSG:4326 -t_srs EPSG:27700 -nln lsoas \
    "$out/boundaries.gpkg" "$src/lsoa_boundaries.geojson"

mkdir -p "$out/council_wards_shp"
ogr2ogr -f "ESRI Shapefile" -s_srs EPSG:4326 -t_srs EPSG:27700 -lco ENCODING=UTF-8 \
    -sql "SELECT WD24CD AS ward_code, WD24NM AS ward_name FROM ward_boundaries" \
    "$out/council_wards_shp/council_wards.shp" "$src/ward_boundaries.geojson"
ls -la "$out" "$out/lsoas_shp" "$out/council_wards_shp"
