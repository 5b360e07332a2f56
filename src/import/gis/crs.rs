//! Which coordinate reference system a boundary file's coordinates are in, from what the
//! file says — a GeoJSON `crs` member, a shapefile's `.prj` (WKT), a GeoPackage's spatial
//! reference table — or, when it says nothing, from the numbers themselves (metres inside
//! the British National Grid are never taken for degrees). And the conversion of a point
//! to WGS84 longitude/latitude, which the app stores.

use super::projection::bng_to_wgs84;

/// The coordinate systems boundary files for England and Wales come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crs {
    /// Longitude/latitude in degrees (EPSG:4326, CRS84, or ETRS89 EPSG:4258, which differs
    /// from WGS84 by well under a metre in Britain).
    Wgs84,
    /// British National Grid eastings/northings in metres (EPSG:27700).
    BritishNationalGrid,
    /// Web Mercator metres (EPSG:3857), as web maps export.
    WebMercator,
}

impl Crs {
    pub fn name(self) -> &'static str {
        match self {
            Crs::Wgs84 => "WGS84 longitude/latitude (EPSG:4326)",
            Crs::BritishNationalGrid => "British National Grid (EPSG:27700)",
            Crs::WebMercator => "Web Mercator (EPSG:3857)",
        }
    }

    /// The point as WGS84 (longitude, latitude).
    pub fn to_lon_lat(self, x: f64, y: f64) -> (f64, f64) {
        match self {
            Crs::Wgs84 => (x, y),
            Crs::BritishNationalGrid => bng_to_wgs84(x, y),
            Crs::WebMercator => {
                const R: f64 = 6_378_137.0;
                let lon = (x / R).to_degrees();
                let lat = (2.0 * (y / R).exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees();
                (lon, lat)
            }
        }
    }

    /// An EPSG code the app converts from.
    pub fn from_epsg(code: i64) -> Option<Crs> {
        match code {
            4326 | 4258 | 4019 => Some(Crs::Wgs84),
            27700 => Some(Crs::BritishNationalGrid),
            3857 | 900_913 | 3785 => Some(Crs::WebMercator),
            _ => None,
        }
    }

    /// A GeoJSON `crs` name: `urn:ogc:def:crs:EPSG::27700`, `EPSG:27700`,
    /// `urn:ogc:def:crs:OGC:1.3:CRS84`.
    pub fn from_crs_name(name: &str) -> Result<Crs, String> {
        let upper = name.trim().to_ascii_uppercase();
        if upper.ends_with("CRS84") || upper.ends_with("CRS:84") {
            return Ok(Crs::Wgs84);
        }
        let code = upper
            .rsplit([':', '/'])
            .find(|part| !part.is_empty())
            .and_then(|digits| digits.parse::<i64>().ok());
        code.and_then(Crs::from_epsg).ok_or_else(|| unknown(name))
    }

    /// A shapefile's `.prj` (ESRI or OGC WKT).
    pub fn from_wkt(wkt: &str) -> Result<Crs, String> {
        let upper = wkt.to_ascii_uppercase();
        let kind = upper.trim_start();
        let projected = kind.starts_with("PROJCS") || kind.starts_with("PROJCRS");
        let has = |words: &[&str]| words.iter().any(|w| upper.contains(w));
        if projected {
            if has(&[
                "BRITISH_NATIONAL_GRID",
                "BRITISH NATIONAL GRID",
                "\"27700\"",
                "27700]",
            ]) {
                return Ok(Crs::BritishNationalGrid);
            }
            if has(&[
                "PSEUDO-MERCATOR",
                "WEB_MERCATOR",
                "MERCATOR_AUXILIARY_SPHERE",
                "\"3857\"",
            ]) {
                return Ok(Crs::WebMercator);
            }
        } else if has(&["WGS_1984", "WGS 84", "WGS84", "ETRS_1989", "ETRS89"]) {
            return Ok(Crs::Wgs84);
        }
        Err(unknown(wkt_name(wkt).unwrap_or(wkt)))
    }

    /// The system the numbers must be in when a file does not say: degrees if every point
    /// is a longitude/latitude, British National Grid if every point is inside the grid.
    pub fn guess(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Crs> {
        let (mut degrees, mut grid, mut any) = (true, true, false);
        for (x, y) in points {
            any = true;
            let is_degrees = (-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y);
            degrees &= is_degrees;
            // No point of Great Britain is within 180 m of the grid's false origin.
            grid &= !is_degrees
                && (-10_000.0..=800_000.0).contains(&x)
                && (-10_000.0..=1_400_000.0).contains(&y);
        }
        match (any, degrees, grid) {
            (true, true, _) => Some(Crs::Wgs84),
            (true, false, true) => Some(Crs::BritishNationalGrid),
            _ => None,
        }
    }
}

/// The quoted name at the start of a WKT text: `PROJCS["OSGB 1936 / British National Grid",…`.
fn wkt_name(wkt: &str) -> Option<&str> {
    let start = wkt.find('"')? + 1;
    let len = wkt.get(start..)?.find('"')?;
    wkt.get(start..start + len)
}

fn unknown(name: &str) -> String {
    format!(
        "its coordinates are in {}, which the app cannot convert: export it as WGS84 (EPSG:4326) or British National Grid (EPSG:27700)",
        super::super::text::excerpt(name.as_bytes())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const BNG_PRJ: &str = r#"PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]"#;
    const WGS_PRJ: &str = r#"GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]"#;

    #[test]
    fn what_files_say_is_read() {
        assert_eq!(Crs::from_wkt(BNG_PRJ), Ok(Crs::BritishNationalGrid));
        assert_eq!(Crs::from_wkt(WGS_PRJ), Ok(Crs::Wgs84));
        let irish = Crs::from_wkt(r#"PROJCS["TM65 / Irish Grid",GEOGCS["TM65"]]"#).unwrap_err();
        assert!(irish.contains("TM65 / Irish Grid"), "{irish}");
        assert_eq!(
            Crs::from_crs_name("urn:ogc:def:crs:EPSG::27700"),
            Ok(Crs::BritishNationalGrid)
        );
        assert_eq!(
            Crs::from_crs_name("urn:ogc:def:crs:OGC:1.3:CRS84"),
            Ok(Crs::Wgs84)
        );
        assert_eq!(Crs::from_crs_name("EPSG:3857"), Ok(Crs::WebMercator));
        assert!(Crs::from_crs_name("EPSG:2157").is_err());
    }

    #[test]
    fn metres_are_never_taken_for_degrees() {
        assert_eq!(Crs::guess([(0.65, 51.46), (-1.0, 52.0)]), Some(Crs::Wgs84));
        assert_eq!(
            Crs::guess([(584_130.0, 176_598.0), (580_000.0, 170_000.0)]),
            Some(Crs::BritishNationalGrid)
        );
        assert_eq!(Crs::guess([(5e6, 5e6)]), None);
        assert_eq!(Crs::guess([]), None);
    }

    #[test]
    fn conversions_land_in_medway() {
        let (lon, lat) = Crs::BritishNationalGrid.to_lon_lat(584_130.0, 176_598.0);
        assert!((lon - 0.649).abs() < 0.001 && (lat - 51.458).abs() < 0.001);
        let (lon, lat) = Crs::WebMercator.to_lon_lat(72_247.0, 6_702_000.0);
        assert!(
            (lon - 0.649).abs() < 0.01 && (lat - 51.46).abs() < 0.01,
            "{lon} {lat}"
        );
    }
}
