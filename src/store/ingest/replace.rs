//! Replacing re-published months: a police file covering a (force, month) already held
//! deletes the earlier source's rows for it (by rowid range, no index on the fact table),
//! keeping the maintained counts and each source's `rows_current` in step.

use crate::import::month::{month_label, month_range_text};
use crate::store::month_counts::PendingCounts;
use crate::store::StoreError;
use std::collections::BTreeMap;

/// Delete rows of other sources for the (force, month)s this file covers, adding the
/// count changes to `pending`. Returns rows replaced and a note per earlier source.
pub fn replace_earlier_months(
    conn: &rusqlite::Connection,
    source_id: i64,
    force_months: &BTreeMap<(u32, u32), (i64, i64, i64)>,
    pending: &mut PendingCounts,
) -> Result<(u64, Vec<String>), StoreError> {
    let mut replaced_by_source: BTreeMap<i64, (u64, Vec<u32>)> = BTreeMap::new();
    let mut holders = conn.prepare_cached(
        "SELECT source_id, first_rowid, last_rowid FROM source_month
         WHERE reported_by_id = ?1 AND month = ?2 AND source_id <> ?3",
    )?;
    let mut counts = conn.prepare_cached(
        "SELECT crime_type_id, coalesce(lsoa_id, 0), count(*) FROM incident
         WHERE id BETWEEN ?1 AND ?2 AND source_id = ?3 AND reported_by_id = ?4 AND month = ?5
         GROUP BY 1, 2",
    )?;
    for &(force, month) in force_months.keys() {
        let earlier: Vec<(i64, i64, i64)> = holders
            .query_map(rusqlite::params![force, month, source_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<Result<_, _>>()?;
        for (old_source, first, last) in earlier {
            let params = rusqlite::params![first, last, old_source, force, month];
            let groups: Vec<(u8, u32, i64)> = counts
                .query_map(params, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?;
            let deltas: Vec<_> = groups
                .into_iter()
                .map(|(crime_type, lsoa, n)| ((month, crime_type, lsoa), -n))
                .collect();
            pending.add(&deltas);
            let deleted = conn.execute(
                "DELETE FROM incident WHERE id BETWEEN ?1 AND ?2 AND source_id = ?3
                 AND reported_by_id = ?4 AND month = ?5",
                params,
            )? as u64;
            conn.execute(
                "UPDATE sources SET rows_current = rows_current - ?2 WHERE id = ?1",
                rusqlite::params![old_source, deleted as i64],
            )?;
            conn.execute(
                "DELETE FROM source_month WHERE reported_by_id = ?1 AND month = ?2 AND source_id = ?3",
                rusqlite::params![force, month, old_source],
            )?;
            let entry = replaced_by_source.entry(old_source).or_default();
            entry.0 += deleted;
            entry.1.push(month);
        }
    }
    let mut notes = Vec::new();
    let mut total = 0;
    for (old_source, (rows, months)) in replaced_by_source {
        total += rows;
        let name: String = conn.query_row(
            "SELECT file_name FROM sources WHERE id = ?1",
            [old_source],
            |r| r.get(0),
        )?;
        let span = month_range_text(
            months.iter().min().map(|m| month_label(*m)).as_deref(),
            months.iter().max().map(|m| month_label(*m)).as_deref(),
        )
        .unwrap_or_default();
        notes.push(format!(
            "replaced {rows} rows of {span} imported earlier from {name} (police.uk re-publishes months with updated outcomes)"
        ));
    }
    Ok((total, notes))
}

/// Record where the file's rows for each (force, month) sit: the worker counts rows from 0
/// within the file (`force_months` holds rows, first and last such position), and the
/// file's rows were stored from rowid `first_rowid` on.
pub fn record_force_months(
    conn: &rusqlite::Connection,
    source_id: i64,
    first_rowid: i64,
    force_months: &BTreeMap<(u32, u32), (i64, i64, i64)>,
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO source_month (reported_by_id, month, source_id, rows, first_rowid, last_rowid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (&(force, month), &(rows, first, last)) in force_months {
        stmt.execute(rusqlite::params![
            force,
            month,
            source_id,
            rows,
            first_rowid + first,
            first_rowid + last
        ])?;
    }
    Ok(())
}
