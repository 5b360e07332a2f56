//! Well-known binary (WKB) polygons and multipolygons — ISO or extended (EWKB), 2D or
//! with Z/M values (dropped) — and the GeoPackage geometry header in front of them
//! ("GP", version, flags, SRS id, optional envelope). Coordinates come back as they are
//! stored (the caller converts them from the file's coordinate system).
//!
//! Bounds-checked throughout: a damaged blob is an error, never a panic or a huge
//! allocation.

use crate::import::boundaries::Polygon;

/// A geometry that is not a usable polygon, in the words of a rejected feature.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WkbProblem {
    #[error("its geometry is damaged (it ends early or has an impossible size)")]
    Truncated,
    #[error("its geometry is empty")]
    Empty,
    #[error("its geometry is a {0}; only Polygon and MultiPolygon boundaries can be used")]
    Unsupported(String),
    #[error("its geometry is not GeoPackage binary (no \"GP\" header)")]
    NotGeoPackage,
}

/// The geometry of a GeoPackage blob: strip the header, read the WKB.
pub fn geopackage_polygons(blob: &[u8]) -> Result<Vec<Polygon>, WkbProblem> {
    if blob.get(..2) != Some(b"GP") {
        return Err(WkbProblem::NotGeoPackage);
    }
    let flags = *blob.get(3).ok_or(WkbProblem::Truncated)?;
    if flags & 0b1_0000 != 0 {
        return Err(WkbProblem::Empty);
    }
    let envelope = match (flags >> 1) & 0b111 {
        0 => 0,
        1 => 32,
        2 | 3 => 48,
        4 => 64,
        _ => return Err(WkbProblem::Truncated),
    };
    wkb_polygons(blob.get(8 + envelope..).ok_or(WkbProblem::Truncated)?)
}

/// The polygons of a WKB Polygon or MultiPolygon.
pub fn wkb_polygons(wkb: &[u8]) -> Result<Vec<Polygon>, WkbProblem> {
    let mut reader = Wkb { bytes: wkb, at: 0 };
    let (kind, dims, little) = reader.geometry_header()?;
    match kind {
        3 => Ok(vec![reader.polygon(dims, little)?]),
        6 => {
            let count = reader.count(little, 9)?;
            (0..count)
                .map(|_| {
                    let (kind, dims, little) = reader.geometry_header()?;
                    if kind != 3 {
                        return Err(WkbProblem::Unsupported(type_name(kind).into()));
                    }
                    reader.polygon(dims, little)
                })
                .collect()
        }
        other => Err(WkbProblem::Unsupported(type_name(other).into())),
    }
}

fn type_name(kind: u32) -> &'static str {
    match kind {
        1 => "Point",
        2 => "LineString",
        4 => "MultiPoint",
        5 => "MultiLineString",
        7 => "GeometryCollection",
        10 => "CurvePolygon",
        15 => "PolyhedralSurface",
        _ => "geometry of an unknown type",
    }
}

struct Wkb<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Wkb<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], WkbProblem> {
        let slice = self
            .bytes
            .get(self.at..self.at + N)
            .ok_or(WkbProblem::Truncated)?;
        self.at += N;
        slice.try_into().map_err(|_| WkbProblem::Truncated)
    }

    fn u32(&mut self, little: bool) -> Result<u32, WkbProblem> {
        let b = self.take::<4>()?;
        Ok(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    }

    fn f64(&mut self, little: bool) -> Result<f64, WkbProblem> {
        let b = self.take::<8>()?;
        Ok(if little {
            f64::from_le_bytes(b)
        } else {
            f64::from_be_bytes(b)
        })
    }

    /// A count of items each at least `min_bytes` long, refused if the blob is too short
    /// to hold them (so a damaged count never allocates gigabytes).
    fn count(&mut self, little: bool, min_bytes: usize) -> Result<usize, WkbProblem> {
        let n = self.u32(little)? as usize;
        let left = self.bytes.len().saturating_sub(self.at);
        if n.saturating_mul(min_bytes) > left {
            return Err(WkbProblem::Truncated);
        }
        Ok(n)
    }

    /// Byte order, base type and number of values per point (2, 3 or 4).
    fn geometry_header(&mut self) -> Result<(u32, usize, bool), WkbProblem> {
        let little = match self.take::<1>()?[0] {
            0 => false,
            1 => true,
            _ => return Err(WkbProblem::Truncated),
        };
        let raw = self.u32(little)?;
        // EWKB flags: Z 0x80000000, M 0x40000000, SRID 0x20000000 (followed by the SRID).
        let (z, m) = (raw & 0x8000_0000 != 0, raw & 0x4000_0000 != 0);
        if raw & 0x2000_0000 != 0 {
            self.u32(little)?;
        }
        let iso = raw & 0x0FFF_FFFF;
        let (kind, iso_z, iso_m) = (
            iso % 1000,
            matches!(iso / 1000, 1 | 3),
            matches!(iso / 1000, 2 | 3),
        );
        let dims = 2 + usize::from(z || iso_z) + usize::from(m || iso_m);
        Ok((kind, dims, little))
    }

    fn polygon(&mut self, dims: usize, little: bool) -> Result<Polygon, WkbProblem> {
        let rings = self.count(little, 4)?;
        let mut all = Vec::with_capacity(rings);
        for _ in 0..rings {
            let points = self.count(little, dims * 8)?;
            let mut ring = Vec::with_capacity(points);
            for _ in 0..points {
                let x = self.f64(little)?;
                let y = self.f64(little)?;
                for _ in 2..dims {
                    self.f64(little)?;
                }
                ring.push((x, y));
            }
            all.push(ring);
        }
        let mut rings = all.into_iter();
        let exterior = rings.next().ok_or(WkbProblem::Empty)?;
        Ok(Polygon {
            exterior,
            holes: rings.collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn polygon_wkb(little: bool, kind: u32, rings: &[&[(f64, f64)]]) -> Vec<u8> {
        let u32b = |v: u32| {
            if little {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        let f64b = |v: f64| {
            if little {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        let mut out = vec![u8::from(little)];
        out.extend(u32b(kind));
        out.extend(u32b(rings.len() as u32));
        for ring in rings {
            out.extend(u32b(ring.len() as u32));
            for &(x, y) in *ring {
                out.extend(f64b(x));
                out.extend(f64b(y));
                if kind == 1003 {
                    out.extend(f64b(9.0));
                }
            }
        }
        out
    }

    const SQUARE: &[(f64, f64)] = &[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 0.0)];
    const HOLE: &[(f64, f64)] = &[(2.0, 2.0), (3.0, 2.0), (3.0, 3.0), (2.0, 2.0)];

    #[test]
    fn polygons_in_either_byte_order_with_holes_and_z() {
        for little in [true, false] {
            let p = wkb_polygons(&polygon_wkb(little, 3, &[SQUARE, HOLE])).unwrap();
            assert_eq!(p.len(), 1);
            assert_eq!(p[0].exterior, SQUARE);
            assert_eq!(p[0].holes, vec![HOLE.to_vec()]);
        }
        let z = wkb_polygons(&polygon_wkb(true, 1003, &[SQUARE])).unwrap();
        assert_eq!(z[0].exterior, SQUARE);
    }

    #[test]
    fn multipolygons_and_geopackage_headers() {
        let mut multi = vec![1u8];
        multi.extend(6u32.to_le_bytes());
        multi.extend(2u32.to_le_bytes());
        multi.extend(polygon_wkb(true, 3, &[SQUARE]));
        multi.extend(polygon_wkb(true, 3, &[HOLE]));
        let mut gp = b"GP\x00\x03".to_vec(); // little-endian header, 32-byte envelope
        gp.extend(27700i32.to_le_bytes());
        gp.extend([0u8; 32]);
        gp.extend(&multi);
        let p = geopackage_polygons(&gp).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].exterior, HOLE);
    }

    #[test]
    fn damaged_and_unsupported_geometries_are_problems() {
        let full = polygon_wkb(true, 3, &[SQUARE]);
        for cut in 0..full.len() {
            assert!(wkb_polygons(&full[..cut]).is_err(), "cut at {cut}");
        }
        let mut huge = vec![1u8];
        huge.extend(3u32.to_le_bytes());
        huge.extend(u32::MAX.to_le_bytes());
        assert_eq!(wkb_polygons(&huge), Err(WkbProblem::Truncated));
        let mut point = vec![1u8];
        point.extend(1u32.to_le_bytes());
        point.extend([0u8; 16]);
        assert_eq!(
            wkb_polygons(&point),
            Err(WkbProblem::Unsupported("Point".into()))
        );
        assert_eq!(geopackage_polygons(b"XX"), Err(WkbProblem::NotGeoPackage));
        assert_eq!(
            geopackage_polygons(b"GP\x00\x11\0\0\0\0"),
            Err(WkbProblem::Empty)
        );
    }
}
