//! MARAC quarters in the assessment file: the `marac_quarter` table's insert and select.
//! Suppressed counts are stored as NULL with their marker (see `suppressed`). Runs inside
//! the import's transaction; decides nothing about validity.

use super::dataset::DatasetTable;
use super::read::{period, required, select_all, PartnerRows};
use super::suppressed::{count_at, markers, number};
use crate::import::partner::{MaracQuarter, PartnerLayout};
use crate::store::StoreError;
use rusqlite::{params, Connection};

pub const TABLE: DatasetTable = DatasetTable {
    layout: PartnerLayout::Marac,
    table: "marac_quarter",
    overlap: "start_month <= ?2 AND end_month >= ?1",
    read,
    held: |rows| rows.marac.len(),
};

pub fn write(conn: &Connection, source: i64, line: i64, r: &MaracQuarter) -> rusqlite::Result<()> {
    let counts = [
        ("cases_discussed", Some(&r.cases_discussed)),
        ("repeat_cases", Some(&r.repeat_cases)),
        ("children_in_households", r.children_in_households.as_ref()),
        ("referrals_from_police", r.referrals_from_police.as_ref()),
        (
            "referrals_from_other_agencies",
            r.referrals_from_other_agencies.as_ref(),
        ),
        ("male_victims", r.male_victims.as_ref()),
        ("bame_victims", r.bame_victims.as_ref()),
        ("lgbt_victims", r.lgbt_victims.as_ref()),
        (
            "victims_with_disability",
            r.victims_with_disability.as_ref(),
        ),
        ("victims_aged_16_17", r.victims_aged_16_17.as_ref()),
    ];
    let n = |i: usize| counts.get(i).and_then(|(_, v)| number(*v));
    conn.prepare_cached(
        "INSERT INTO marac_quarter (source_id, line, start_month, end_month, cases_discussed,
             repeat_cases, children_in_households, referrals_from_police,
             referrals_from_other_agencies, male_victims, bame_victims, lgbt_victims,
             victims_with_disability, victims_aged_16_17, suppressed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        source,
        line,
        r.quarter.start_month,
        r.quarter.end_month(),
        n(0),
        n(1),
        n(2),
        n(3),
        n(4),
        n(5),
        n(6),
        n(7),
        n(8),
        n(9),
        markers(counts),
    ])?;
    Ok(())
}

/// Every MARAC quarter, by quarter.
fn read(conn: &Connection, rows: &mut PartnerRows) -> Result<(), StoreError> {
    rows.marac = select_all(
        conn,
        "SELECT start_month, end_month, cases_discussed, repeat_cases, children_in_households,
                referrals_from_police, referrals_from_other_agencies, male_victims,
                bame_victims, lgbt_victims, victims_with_disability, victims_aged_16_17,
                suppressed
         FROM marac_quarter ORDER BY start_month, id",
        |r| {
            let suppressed: String = r.get(12)?;
            let c = |column, field| count_at(r, column, field, &suppressed);
            Ok(MaracQuarter {
                quarter: period(r.get(0)?, r.get(1)?),
                cases_discussed: required(c(2, "cases_discussed")?),
                repeat_cases: required(c(3, "repeat_cases")?),
                children_in_households: c(4, "children_in_households")?,
                referrals_from_police: c(5, "referrals_from_police")?,
                referrals_from_other_agencies: c(6, "referrals_from_other_agencies")?,
                male_victims: c(7, "male_victims")?,
                bame_victims: c(8, "bame_victims")?,
                lgbt_victims: c(9, "lgbt_victims")?,
                victims_with_disability: c(10, "victims_with_disability")?,
                victims_aged_16_17: c(11, "victims_aged_16_17")?,
            })
        },
    )?;
    Ok(())
}
