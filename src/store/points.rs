//! Incident locations for hotspot grids: the longitude/latitude of every located incident
//! of some crime types in a span of months, optionally only in chosen LSOAs. This scans the
//! fact table (there is no index on month: imports stay fast), so callers run it off the UI
//! thread; filtering by type and LSOA happens here in Rust, on integer ids.

use super::{Store, StoreError};

/// Which incidents to fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointQuery {
    /// YYYYMM, inclusive.
    pub first_month: u32,
    pub last_month: u32,
    /// Crime-type ids to include.
    pub crime_types: Vec<u8>,
    /// Indexed by LSOA id: true to include. `None` = every LSOA.
    pub lsoas: Option<Vec<bool>>,
}

/// One located incident: its month and micro-degree coordinates, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncidentPoint {
    pub month: u32,
    pub lon: i32,
    pub lat: i32,
}

impl IncidentPoint {
    /// (longitude, latitude) in degrees.
    pub fn lon_lat(&self) -> (f64, f64) {
        (f64::from(self.lon) / 1e6, f64::from(self.lat) / 1e6)
    }
}

impl Store {
    /// Located incidents matching `query` (incidents with no coordinates are left out).
    pub fn incident_points(&self, query: &PointQuery) -> Result<Vec<IncidentPoint>, StoreError> {
        let mut wanted_type = [false; 256];
        for &t in &query.crime_types {
            wanted_type[usize::from(t)] = true;
        }
        let mut stmt = self.conn.prepare(
            "SELECT month, crime_type_id, lsoa_id, lon, lat FROM incident
             WHERE month BETWEEN ?1 AND ?2 AND lon IS NOT NULL AND lat IS NOT NULL",
        )?;
        let mut rows = stmt.query([query.first_month, query.last_month])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let crime_type: i64 = row.get(1)?;
            let is_wanted = usize::try_from(crime_type)
                .ok()
                .and_then(|t| wanted_type.get(t))
                .copied()
                .unwrap_or(false);
            if !is_wanted {
                continue;
            }
            if let Some(mask) = &query.lsoas {
                let lsoa: Option<i64> = row.get(2)?;
                let inside = lsoa
                    .and_then(|l| usize::try_from(l).ok())
                    .and_then(|l| mask.get(l))
                    .copied()
                    .unwrap_or(false);
                if !inside {
                    continue;
                }
            }
            out.push(IncidentPoint {
                month: row.get(0)?,
                lon: row.get(3)?,
                lat: row.get(4)?,
            });
        }
        Ok(out)
    }
}
