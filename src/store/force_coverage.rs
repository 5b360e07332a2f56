//! Which police forces' months the assessment file holds (from the record of which source
//! holds which force and month), for the report's statement of data coverage.

use super::{Store, StoreError};
use std::collections::BTreeMap;

/// One force and the months of its data held now, oldest first (`YYYYMM`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForceMonths {
    pub force: String,
    pub months: Vec<u32>,
}

impl Store {
    /// Every force with police data in the file, by name, with its months.
    pub fn police_coverage(&self) -> Result<Vec<ForceMonths>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT f.name, sm.month FROM source_month sm
             JOIN force f ON f.id = sm.reported_by_id
             WHERE sm.rows > 0 ORDER BY f.name, sm.month",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
        let mut by_force: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for row in rows {
            let (force, month) = row?;
            by_force.entry(force).or_default().push(month);
        }
        Ok(by_force
            .into_iter()
            .map(|(force, months)| ForceMonths { force, months })
            .collect())
    }
}
