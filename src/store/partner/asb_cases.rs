//! Council ASB cases in the assessment file: the `asb_case` table's insert and select.
//! Runs inside the import's transaction; decides nothing about validity.

use super::dataset::DatasetTable;
use super::read::{coded, date, select_all, PartnerRows};
use crate::import::month::month_of;
use crate::import::partner::values;
use crate::import::partner::{AsbCase, PartnerLayout};
use crate::store::StoreError;
use rusqlite::{params, Connection};

pub const TABLE: DatasetTable = DatasetTable {
    layout: PartnerLayout::AsbCases,
    table: "asb_case",
    overlap: "opened_month BETWEEN ?1 AND ?2",
    read,
    held: |rows| rows.asb_cases.len(),
};

pub fn write(conn: &Connection, source: i64, line: i64, r: &AsbCase) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO asb_case (source_id, line, reference, opened, opened_month, closed,
             category, area, is_repeat, action)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        source,
        line,
        r.reference,
        r.opened.format("%Y-%m-%d").to_string(),
        month_of(r.opened),
        r.closed.map(|d| d.format("%Y-%m-%d").to_string()),
        r.category,
        r.area,
        r.repeat,
        r.action.map(|a| a.label()),
    ])?;
    Ok(())
}

/// Every council ASB case, by date opened.
fn read(conn: &Connection, rows: &mut PartnerRows) -> Result<(), StoreError> {
    rows.asb_cases = select_all(
        conn,
        "SELECT reference, opened, closed, category, area, is_repeat, action
         FROM asb_case ORDER BY opened, id",
        |r| {
            let closed: Option<String> = r.get(2)?;
            Ok(AsbCase {
                reference: r.get(0)?,
                opened: date(&r.get::<_, String>(1)?)?,
                closed: closed.as_deref().map(date).transpose()?,
                category: r.get(3)?,
                area: r.get(4)?,
                repeat: r.get(5)?,
                action: coded(r.get(6)?, "action", values::asb_action)?,
            })
        },
    )?;
    Ok(())
}
