//! Treatment counts in the assessment file: the `treatment_count` table's insert and
//! select. Suppressed counts are stored as NULL with their marker (see `suppressed`). Runs
//! inside the import's transaction; decides nothing about validity.

use super::dataset::DatasetTable;
use super::read::{corrupt, period, required, select_all, PartnerRows};
use super::suppressed::{count_at, markers, number};
use crate::import::partner::values;
use crate::import::partner::{PartnerLayout, TreatmentCount};
use crate::store::StoreError;
use rusqlite::{params, Connection};

pub const TABLE: DatasetTable = DatasetTable {
    layout: PartnerLayout::Treatment,
    table: "treatment_count",
    overlap: "start_month <= ?2 AND end_month >= ?1",
    read,
    held: |rows| rows.treatment.len(),
};

pub fn write(
    conn: &Connection,
    source: i64,
    line: i64,
    r: &TreatmentCount,
) -> rusqlite::Result<()> {
    let counts = [
        ("in_treatment", Some(&r.in_treatment)),
        ("new_presentations", r.new_presentations.as_ref()),
        ("successful_completions", r.successful_completions.as_ref()),
        ("re_presentations", r.re_presentations.as_ref()),
    ];
    let n = |i: usize| counts.get(i).and_then(|(_, v)| number(*v));
    conn.prepare_cached(
        "INSERT INTO treatment_count (source_id, line, start_month, end_month, substance_group,
             in_treatment, new_presentations, successful_completions, re_presentations,
             suppressed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        source,
        line,
        r.period.start_month,
        r.period.end_month(),
        r.substance_group.label(),
        n(0),
        n(1),
        n(2),
        n(3),
        markers(counts),
    ])?;
    Ok(())
}

/// Every treatment count, by period.
fn read(conn: &Connection, rows: &mut PartnerRows) -> Result<(), StoreError> {
    rows.treatment = select_all(
        conn,
        "SELECT start_month, end_month, substance_group, in_treatment, new_presentations,
                successful_completions, re_presentations, suppressed
         FROM treatment_count ORDER BY start_month, id",
        |r| {
            let group: String = r.get(2)?;
            let suppressed: String = r.get(7)?;
            let c = |column, field| count_at(r, column, field, &suppressed);
            Ok(TreatmentCount {
                period: period(r.get(0)?, r.get(1)?),
                substance_group: values::substance_group(&group)
                    .map_err(|_| corrupt("substance group", &group))?,
                in_treatment: required(c(3, "in_treatment")?),
                new_presentations: c(4, "new_presentations")?,
                successful_completions: c(5, "successful_completions")?,
                re_presentations: c(6, "re_presentations")?,
            })
        },
    )?;
    Ok(())
}
