//! Replace-on-overlap for partner data: a newer file of the same layout covering a period
//! (the months its incidents or cases span; the quarters or periods of its counts)
//! deletes rows other files held for that period, keeping each earlier source's
//! `rows_current` in step and saying what was replaced.

use super::dataset::table_of;
use crate::import::month::{month_label, month_range_text};
use crate::import::partner::PartnerLayout;
use crate::store::StoreError;
use std::collections::BTreeMap;

/// Delete rows of other sources of `layout` overlapping any of the `(first, last)` month
/// ranges this source covers. Returns the rows replaced and one note per earlier source.
pub fn replace_overlap(
    conn: &rusqlite::Connection,
    source_id: i64,
    layout: PartnerLayout,
    coverage: &[(u32, u32)],
) -> Result<(u64, Vec<String>), StoreError> {
    let (table, overlap) = (table_of(layout).table, table_of(layout).overlap);
    let mut by_source: BTreeMap<i64, u64> = BTreeMap::new();
    for &(first, last) in coverage {
        let counted: Vec<(i64, i64)> = conn
            .prepare_cached(&format!(
                "SELECT source_id, count(*) FROM {table} WHERE {overlap} AND source_id <> ?3
                 GROUP BY source_id"
            ))?
            .query_map(rusqlite::params![first, last, source_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<Result<_, _>>()?;
        if counted.is_empty() {
            continue;
        }
        conn.prepare_cached(&format!(
            "DELETE FROM {table} WHERE {overlap} AND source_id <> ?3"
        ))?
        .execute(rusqlite::params![first, last, source_id])?;
        for (old, n) in counted {
            *by_source.entry(old).or_default() += n.max(0) as u64;
        }
    }
    let span = month_range_text(
        coverage
            .iter()
            .map(|c| c.0)
            .min()
            .map(month_label)
            .as_deref(),
        coverage
            .iter()
            .map(|c| c.1)
            .max()
            .map(month_label)
            .as_deref(),
    )
    .unwrap_or_default();
    let mut notes = Vec::new();
    let mut total = 0;
    for (old, rows) in by_source {
        total += rows;
        conn.execute(
            "UPDATE sources SET rows_current = rows_current - ?2 WHERE id = ?1",
            rusqlite::params![old, rows as i64],
        )?;
        let name: String =
            conn.query_row("SELECT file_name FROM sources WHERE id = ?1", [old], |r| {
                r.get(0)
            })?;
        notes.push(format!(
            "replaced {} rows of {span} imported earlier from {name} (this file covers the same period)",
            crate::format::thousands(rows as i64)
        ));
    }
    Ok((total, notes))
}
