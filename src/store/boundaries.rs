//! Boundaries in the assessment file: writing imported GeoJSON areas (a later file replaces
//! the areas of the same codes), reading them back for the map and the derived lookup, and
//! saving a ward lookup derived from them as a source of its own. No geometry is computed
//! here (see `analysis::geo`).
//!
//! Geometry is stored packed, little-endian: polygon count (u32), then per polygon its ring
//! count (u32), then per ring (exterior first) its point count (u32) and the points as
//! (longitude, latitude) micro-degree i32 pairs — about 0.1 m, the precision police.uk
//! coordinates have, at a quarter of the size of the GeoJSON text.

use super::geography::write_lookup_rows;
use super::{Store, StoreError};
use crate::import::boundaries::{Boundary, BoundaryLevel, Polygon, Ring};
use crate::import::geography::LookupRow;
use rusqlite::{Connection, OptionalExtension};

/// The `sources.kind` of a ward lookup derived from boundaries.
pub const KIND_DERIVED_LOOKUP: &str = "derived_lookup";

const MICRO: f64 = 1_000_000.0;

/// Write boundaries; returns how many areas were already held (now replaced).
pub fn write_boundary_rows(
    conn: &Connection,
    source_id: i64,
    boundaries: &[Boundary],
) -> rusqlite::Result<u64> {
    let mut existing = conn.prepare_cached("SELECT 1 FROM boundary WHERE code = ?1")?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO boundary (code, name, level, parent_code, centroid_lon, centroid_lat, geometry, source_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level,
             parent_code = excluded.parent_code, centroid_lon = excluded.centroid_lon,
             centroid_lat = excluded.centroid_lat, geometry = excluded.geometry,
             source_id = excluded.source_id",
    )?;
    let mut replaced = 0;
    for b in boundaries {
        if existing.exists([&b.code])? {
            replaced += 1;
        }
        insert.execute(rusqlite::params![
            b.code,
            b.name,
            b.level.as_str(),
            b.parent_code,
            b.centroid_hint.map(|c| c.0),
            b.centroid_hint.map(|c| c.1),
            pack_polygons(&b.polygons),
            source_id
        ])?;
    }
    Ok(replaced)
}

/// Boundaries held, by level, each with the number of areas.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct BoundaryCounts {
    pub wards: usize,
    pub lsoas: usize,
    pub districts: usize,
    pub other: usize,
}

impl Store {
    /// Every boundary of one level, by code.
    pub fn boundaries(&self, level: BoundaryLevel) -> Result<Vec<Boundary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT code, name, parent_code, centroid_lon, centroid_lat, geometry
             FROM boundary WHERE level = ?1 ORDER BY code",
        )?;
        let rows = stmt.query_map([level.as_str()], |r| {
            let lon: Option<f64> = r.get(3)?;
            let lat: Option<f64> = r.get(4)?;
            let blob: Vec<u8> = r.get(5)?;
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                lon.zip(lat),
                blob,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (code, name, parent_code, centroid_hint, blob) = row?;
            let polygons = unpack_polygons(&blob).ok_or_else(|| {
                StoreError::Corrupt(format!("the stored outline of {code} cannot be read"))
            })?;
            out.push(Boundary {
                code,
                name,
                level,
                parent_code,
                polygons,
                centroid_hint,
            });
        }
        Ok(out)
    }

    pub fn boundary_counts(&self) -> Result<BoundaryCounts, StoreError> {
        let mut counts = BoundaryCounts::default();
        let mut stmt = self
            .conn
            .prepare("SELECT level, count(*) FROM boundary GROUP BY level")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (level, n) = row?;
            let n = usize::try_from(n).unwrap_or(0);
            match BoundaryLevel::from_name(&level) {
                Some(BoundaryLevel::Ward) => counts.wards = n,
                Some(BoundaryLevel::Lsoa) => counts.lsoas = n,
                Some(BoundaryLevel::District) => counts.districts = n,
                _ => counts.other += n,
            }
        }
        Ok(counts)
    }

    /// Whether any LSOA → ward lookup (imported or derived) is held.
    pub fn has_ward_lookup(&self) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM lsoa_ward LIMIT 1", [], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Save a ward lookup derived from boundaries as a source of kind `derived_lookup`
    /// with `note` (how the LSOAs were placed), in one transaction. Deriving the same
    /// lookup again changes nothing. Returns the source id.
    pub fn save_derived_lookup(
        &mut self,
        rows: &[LookupRow],
        note: &str,
    ) -> Result<i64, StoreError> {
        use sha2::Digest;
        let mut hasher = sha2::Sha256::new();
        for r in rows {
            for cell in [&r.lsoa_code, &r.ward_code, &r.district_code] {
                hasher.update(cell.as_bytes());
                hasher.update([0u8]);
            }
        }
        let sha256 = format!("{:x}", hasher.finalize());
        let tx = self.conn.transaction()?;
        let earlier: Option<i64> = tx
            .query_row(
                "SELECT id FROM sources WHERE kind = ?1 AND sha256 = ?2",
                [KIND_DERIVED_LOOKUP, sha256.as_str()],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = earlier {
            return Ok(id);
        }
        let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let n = rows.len() as i64;
        tx.execute(
            "INSERT INTO sources (file_name, kind, sha256, imported_at, bytes, rows_accepted,
                                  rows_rejected, rows_replaced, rows_current, notes)
             VALUES ('ward lookup derived from boundaries', ?1, ?2, ?3, 0, ?4, 0, 0, ?4, ?5)",
            rusqlite::params![KIND_DERIVED_LOOKUP, sha256, now, n, note],
        )?;
        let source_id = tx.last_insert_rowid();
        let replaced = write_lookup_rows(&tx, source_id, rows)?;
        tx.execute(
            "UPDATE sources SET rows_replaced = ?2 WHERE id = ?1",
            rusqlite::params![source_id, replaced as i64],
        )?;
        tx.commit()?;
        Ok(source_id)
    }
}

fn push_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

fn micro(value: f64) -> i32 {
    (value * MICRO).round() as i32
}

/// Pack polygons (see the module comment).
pub fn pack_polygons(polygons: &[Polygon]) -> Vec<u8> {
    let mut out = Vec::new();
    push_u32(&mut out, polygons.len());
    for polygon in polygons {
        push_u32(&mut out, 1 + polygon.holes.len());
        for ring in std::iter::once(&polygon.exterior).chain(&polygon.holes) {
            push_u32(&mut out, ring.len());
            for &(lon, lat) in ring {
                out.extend_from_slice(&micro(lon).to_le_bytes());
                out.extend_from_slice(&micro(lat).to_le_bytes());
            }
        }
    }
    out
}

/// Reads packed polygons; `None` when the bytes are not a whole packing.
pub fn unpack_polygons(bytes: &[u8]) -> Option<Vec<Polygon>> {
    let mut reader = Reader { bytes, at: 0 };
    let polygons = reader.u32()?;
    let mut out = Vec::new();
    for _ in 0..polygons {
        let rings = reader.u32()?;
        let mut read: Vec<Ring> = Vec::new();
        for _ in 0..rings {
            let points = reader.u32()? as usize;
            // Each point takes 8 bytes: refuse counts the bytes cannot hold.
            if points > bytes.len() / 8 {
                return None;
            }
            let mut ring = Vec::with_capacity(points);
            for _ in 0..points {
                let lon = f64::from(reader.i32()?) / MICRO;
                let lat = f64::from(reader.i32()?) / MICRO;
                ring.push((lon, lat));
            }
            read.push(ring);
        }
        let mut rings = read.into_iter();
        let exterior = rings.next()?;
        out.push(Polygon {
            exterior,
            holes: rings.collect(),
        });
    }
    (reader.at == bytes.len()).then_some(out)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take4(&mut self) -> Option<[u8; 4]> {
        let slice = self.bytes.get(self.at..self.at + 4)?;
        self.at += 4;
        slice.try_into().ok()
    }

    fn u32(&mut self) -> Option<u32> {
        self.take4().map(u32::from_le_bytes)
    }

    fn i32(&mut self) -> Option<i32> {
        self.take4().map(i32::from_le_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Polygon {
        Polygon {
            exterior: vec![(0.5, 51.25), (0.51, 51.25), (0.51, 51.26), (0.5, 51.25)],
            holes: vec![vec![
                (0.502, 51.252),
                (0.503, 51.252),
                (0.503, 51.253),
                (0.502, 51.252),
            ]],
        }
    }

    #[test]
    fn packed_polygons_read_back_to_the_micro_degree() {
        let polygons = vec![square(), square()];
        let back = unpack_polygons(&pack_polygons(&polygons)).unwrap();
        assert_eq!(back, polygons);
    }

    #[test]
    fn damaged_packings_are_refused_not_panicked_on() {
        let packed = pack_polygons(&[square()]);
        for cut in 0..packed.len() {
            assert!(unpack_polygons(&packed[..cut]).is_none(), "cut at {cut}");
        }
        let mut huge = packed.clone();
        huge[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(unpack_polygons(&huge).is_none());
    }

    #[test]
    fn boundaries_round_trip_and_a_derived_lookup_is_a_source() {
        let mut store = Store::in_memory().unwrap();
        store
            .conn
            .execute(
                "INSERT INTO sources (file_name, kind, sha256, imported_at, bytes, rows_accepted,
                 rows_rejected, rows_replaced, rows_current) VALUES ('b', 'boundaries', 'x', '', 0, 0, 0, 0, 0)",
                [],
            )
            .unwrap();
        let ward = Boundary {
            code: "E05000001".into(),
            name: "Ward".into(),
            level: BoundaryLevel::Ward,
            parent_code: Some("E06000001".into()),
            polygons: vec![square()],
            centroid_hint: Some((0.505, 51.255)),
        };
        assert_eq!(
            write_boundary_rows(&store.conn, 1, std::slice::from_ref(&ward)).unwrap(),
            0
        );
        assert_eq!(
            write_boundary_rows(&store.conn, 1, std::slice::from_ref(&ward)).unwrap(),
            1
        );
        assert_eq!(store.boundaries(BoundaryLevel::Ward).unwrap(), vec![ward]);
        assert_eq!(store.boundary_counts().unwrap().wards, 1);
        assert!(!store.has_ward_lookup().unwrap());
        let rows = vec![LookupRow {
            lsoa_code: "E01000001".into(),
            lsoa_name: "L".into(),
            ward_code: "E05000001".into(),
            ward_name: "Ward".into(),
            district_code: String::new(),
            district_name: String::new(),
        }];
        let id = store.save_derived_lookup(&rows, "derived").unwrap();
        assert_eq!(store.save_derived_lookup(&rows, "derived").unwrap(), id);
        assert!(store.has_ward_lookup().unwrap());
        let source = &store.sources().unwrap()[1];
        assert_eq!(
            (source.kind.as_str(), source.rows_accepted),
            (KIND_DERIVED_LOOKUP, 1)
        );
        assert_eq!(source.notes, vec!["derived".to_string()]);
    }
}
