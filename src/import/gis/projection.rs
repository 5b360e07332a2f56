//! WGS84 longitude/latitude ⇄ British National Grid easting/northing in metres, by the
//! Ordnance Survey method in "A guide to coordinate systems in Great Britain": a 7-parameter
//! Helmert datum shift between WGS84 and OSGB36, then the Transverse Mercator projection on
//! the Airy 1830 ellipsoid.
//!
//! The Helmert shift is good to a few metres across Great Britain (OSTN15 would be
//! centimetre-grade but needs a 15 MB grid); a few metres is far below the precision of
//! police.uk's anonymised map points and of any hotspot grid cell. Points far outside
//! Great Britain project to numbers but mean nothing. Pure arithmetic: no I/O, no panics.

/// An ellipsoid by its semi-major and semi-minor axes, in metres.
struct Ellipsoid {
    a: f64,
    b: f64,
}

impl Ellipsoid {
    fn e2(&self) -> f64 {
        1.0 - (self.b * self.b) / (self.a * self.a)
    }
}

const WGS84: Ellipsoid = Ellipsoid {
    a: 6_378_137.000,
    b: 6_356_752.314_2,
};
const AIRY_1830: Ellipsoid = Ellipsoid {
    a: 6_377_563.396,
    b: 6_356_256.909,
};

/// National Grid true origin and scale (OS guide, table in annexe A).
const F0: f64 = 0.999_601_271_7;
const LAT0_DEG: f64 = 49.0;
const LON0_DEG: f64 = -2.0;
const E0: f64 = 400_000.0;
const N0: f64 = -100_000.0;

/// WGS84 → OSGB36 Helmert parameters (OS guide, section 6.6): translations in metres,
/// scale in parts per million, rotations in arc-seconds.
const TX: f64 = -446.448;
const TY: f64 = 125.157;
const TZ: f64 = -542.060;
const S_PPM: f64 = 20.4894;
const RX_SEC: f64 = -0.1502;
const RY_SEC: f64 = -0.2470;
const RZ_SEC: f64 = -0.8421;

/// WGS84 (longitude, latitude) in degrees → British National Grid (easting, northing) in
/// metres.
pub fn wgs84_to_bng(lon: f64, lat: f64) -> (f64, f64) {
    let (x, y, z) = to_cartesian(&WGS84, lat.to_radians(), lon.to_radians());
    let (x, y, z) = helmert(x, y, z, 1.0);
    let (lat_osgb, lon_osgb) = from_cartesian(&AIRY_1830, x, y, z);
    osgb36_to_grid(lat_osgb, lon_osgb)
}

/// British National Grid (easting, northing) in metres → WGS84 (longitude, latitude) in
/// degrees. The inverse of [`wgs84_to_bng`] to well under a metre.
pub fn bng_to_wgs84(easting: f64, northing: f64) -> (f64, f64) {
    let (lat, lon) = grid_to_osgb36(easting, northing);
    let (x, y, z) = to_cartesian(&AIRY_1830, lat, lon);
    let (x, y, z) = helmert(x, y, z, -1.0);
    let (lat, lon) = from_cartesian(&WGS84, x, y, z);
    (lon.to_degrees(), lat.to_degrees())
}

/// OSGB36 latitude/longitude in radians → grid easting/northing (OS guide, annexe C).
pub(crate) fn osgb36_to_grid(lat: f64, lon: f64) -> (f64, f64) {
    let Ellipsoid { a, b } = AIRY_1830;
    let e2 = AIRY_1830.e2();
    let (sin, cos) = lat.sin_cos();
    let tan2 = (sin / cos).powi(2);
    let nu = a * F0 / (1.0 - e2 * sin * sin).sqrt();
    let rho = a * F0 * (1.0 - e2) / (1.0 - e2 * sin * sin).powf(1.5);
    let eta2 = nu / rho - 1.0;
    let m = meridional_arc(lat, a, b);

    let i = m + N0;
    let ii = nu / 2.0 * sin * cos;
    let iii = nu / 24.0 * sin * cos.powi(3) * (5.0 - tan2 + 9.0 * eta2);
    let iiia = nu / 720.0 * sin * cos.powi(5) * (61.0 - 58.0 * tan2 + tan2 * tan2);
    let iv = nu * cos;
    let v = nu / 6.0 * cos.powi(3) * (nu / rho - tan2);
    let vi = nu / 120.0
        * cos.powi(5)
        * (5.0 - 18.0 * tan2 + tan2 * tan2 + 14.0 * eta2 - 58.0 * tan2 * eta2);

    let dl = lon - LON0_DEG.to_radians();
    let northing = i + ii * dl.powi(2) + iii * dl.powi(4) + iiia * dl.powi(6);
    let easting = E0 + iv * dl + v * dl.powi(3) + vi * dl.powi(5);
    (easting, northing)
}

/// Grid easting/northing → OSGB36 latitude/longitude in radians (OS guide, annexe C).
fn grid_to_osgb36(easting: f64, northing: f64) -> (f64, f64) {
    let Ellipsoid { a, b } = AIRY_1830;
    let e2 = AIRY_1830.e2();
    let lat0 = LAT0_DEG.to_radians();
    let mut lat = (northing - N0) / (a * F0) + lat0;
    let mut m = meridional_arc(lat, a, b);
    // Converges to 0.01 mm in a handful of steps; the cap only guards against NaN input.
    for _ in 0..100 {
        if (northing - N0 - m).abs() < 1e-5 {
            break;
        }
        lat += (northing - N0 - m) / (a * F0);
        m = meridional_arc(lat, a, b);
    }
    let (sin, cos) = lat.sin_cos();
    let tan = sin / cos;
    let tan2 = tan * tan;
    let sec = 1.0 / cos;
    let nu = a * F0 / (1.0 - e2 * sin * sin).sqrt();
    let rho = a * F0 * (1.0 - e2) / (1.0 - e2 * sin * sin).powf(1.5);
    let eta2 = nu / rho - 1.0;

    let vii = tan / (2.0 * rho * nu);
    let viii = tan / (24.0 * rho * nu.powi(3)) * (5.0 + 3.0 * tan2 + eta2 - 9.0 * tan2 * eta2);
    let ix = tan / (720.0 * rho * nu.powi(5)) * (61.0 + 90.0 * tan2 + 45.0 * tan2 * tan2);
    let x = sec / nu;
    let xi = sec / (6.0 * nu.powi(3)) * (nu / rho + 2.0 * tan2);
    let xii = sec / (120.0 * nu.powi(5)) * (5.0 + 28.0 * tan2 + 24.0 * tan2 * tan2);
    let xiia = sec / (5040.0 * nu.powi(7))
        * (61.0 + 662.0 * tan2 + 1320.0 * tan2 * tan2 + 720.0 * tan2.powi(3));

    let de = easting - E0;
    let lat = lat - vii * de.powi(2) + viii * de.powi(4) - ix * de.powi(6);
    let lon =
        LON0_DEG.to_radians() + x * de - xi * de.powi(3) + xii * de.powi(5) - xiia * de.powi(7);
    (lat, lon)
}

/// Developed meridional arc from the true origin's latitude to `lat` (OS guide, C1).
fn meridional_arc(lat: f64, a: f64, b: f64) -> f64 {
    let n = (a - b) / (a + b);
    let (n2, n3) = (n * n, n * n * n);
    let lat0 = LAT0_DEG.to_radians();
    let (d, s) = (lat - lat0, lat + lat0);
    b * F0
        * ((1.0 + n + 1.25 * n2 + 1.25 * n3) * d
            - (3.0 * n + 3.0 * n2 + 21.0 / 8.0 * n3) * d.sin() * s.cos()
            + (15.0 / 8.0 * n2 + 15.0 / 8.0 * n3) * (2.0 * d).sin() * (2.0 * s).cos()
            - 35.0 / 24.0 * n3 * (3.0 * d).sin() * (3.0 * s).cos())
}

/// Geodetic latitude/longitude (radians, height 0) → Earth-centred cartesian metres.
fn to_cartesian(ellipsoid: &Ellipsoid, lat: f64, lon: f64) -> (f64, f64, f64) {
    let e2 = ellipsoid.e2();
    let (sin, cos) = lat.sin_cos();
    let nu = ellipsoid.a / (1.0 - e2 * sin * sin).sqrt();
    (
        nu * cos * lon.cos(),
        nu * cos * lon.sin(),
        (1.0 - e2) * nu * sin,
    )
}

/// Earth-centred cartesian metres → geodetic latitude/longitude in radians.
fn from_cartesian(ellipsoid: &Ellipsoid, x: f64, y: f64, z: f64) -> (f64, f64) {
    let e2 = ellipsoid.e2();
    let p = (x * x + y * y).sqrt();
    let mut lat = z.atan2(p * (1.0 - e2));
    for _ in 0..10 {
        let sin = lat.sin();
        let nu = ellipsoid.a / (1.0 - e2 * sin * sin).sqrt();
        let next = (z + e2 * nu * sin).atan2(p);
        let done = (next - lat).abs() < 1e-12;
        lat = next;
        if done {
            break;
        }
    }
    (lat, y.atan2(x))
}

/// The small-angle Helmert transformation; `direction` −1 applies the inverse (negated
/// parameters), which the OS guide gives as adequate for the reverse shift.
fn helmert(x: f64, y: f64, z: f64, direction: f64) -> (f64, f64, f64) {
    let arcsec = std::f64::consts::PI / (180.0 * 3600.0);
    let s = 1.0 + direction * S_PPM * 1e-6;
    let (rx, ry, rz) = (
        direction * RX_SEC * arcsec,
        direction * RY_SEC * arcsec,
        direction * RZ_SEC * arcsec,
    );
    (
        direction * TX + s * x - rz * y + ry * z,
        direction * TY + rz * x + s * y - rx * z,
        direction * TZ - ry * x + rx * y + s * z,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dms(d: f64, m: f64, s: f64) -> f64 {
        (d + m / 60.0 + s / 3600.0).to_radians()
    }

    #[test]
    fn os_worked_example_projects_osgb36_to_the_published_grid_reference() {
        // OS guide annexe C worked example: 52°39′27.2531″N 1°43′4.5177″E (OSGB36)
        // → E 651409.903, N 313177.270.
        let (e, n) = osgb36_to_grid(dms(52.0, 39.0, 27.2531), dms(1.0, 43.0, 4.5177));
        assert!((e - 651_409.903).abs() < 0.01, "easting {e}");
        assert!((n - 313_177.270).abs() < 0.01, "northing {n}");
    }

    #[test]
    fn os_worked_example_inverse_returns_the_published_latitude_longitude() {
        let (lat, lon) = grid_to_osgb36(651_409.903, 313_177.270);
        assert!((lat - dms(52.0, 39.0, 27.2531)).abs().to_degrees() < 1e-7);
        assert!((lon - dms(1.0, 43.0, 4.5177)).abs().to_degrees() < 1e-7);
    }

    #[test]
    fn medway_ward_centroid_matches_the_ons_national_grid_reference_within_a_few_metres() {
        // ONS ward file, All Saints (E05014449): LONG 0.649042, LAT 51.45841, BNG_E 584130,
        // BNG_N 176598 (ONS converts with OSTN15; Helmert differs by a few metres).
        let (e, n) = wgs84_to_bng(0.649042, 51.45841);
        assert!((e - 584_130.0).abs() < 5.0, "easting {e}");
        assert!((n - 176_598.0).abs() < 5.0, "northing {n}");
    }

    #[test]
    fn every_medway_ward_point_agrees_with_its_bng_columns() {
        let path = std::path::Path::new("/work/shared/geo/ward_E06000035.geojson");
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("skipped: {} not present", path.display());
            return;
        };
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let features = json["features"].as_array().unwrap();
        assert_eq!(features.len(), 24);
        for feature in features {
            let p = &feature["properties"];
            let (e, n) = wgs84_to_bng(p["LONG"].as_f64().unwrap(), p["LAT"].as_f64().unwrap());
            let de = e - p["BNG_E"].as_f64().unwrap();
            let dn = n - p["BNG_N"].as_f64().unwrap();
            assert!(
                de.hypot(dn) < 5.0,
                "{}: off by {de:.1} m, {dn:.1} m",
                p["WD25NM"]
            );
        }
    }

    #[test]
    fn round_trip_returns_to_the_start_within_centimetres() {
        for &(lon, lat) in &[(0.5, 51.4), (-3.2, 55.95), (-5.7, 50.07), (1.75, 52.65)] {
            let (e, n) = wgs84_to_bng(lon, lat);
            let (lon2, lat2) = bng_to_wgs84(e, n);
            let (e2, n2) = wgs84_to_bng(lon2, lat2);
            assert!((e - e2).hypot(n - n2) < 0.05, "({lon}, {lat})");
            assert!((lon - lon2).abs() < 1e-6 && (lat - lat2).abs() < 1e-6);
        }
    }
}
