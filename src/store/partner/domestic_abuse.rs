//! Domestic abuse incidents in the assessment file: the `da_incident` table's insert and
//! select. Runs inside the import's transaction; decides nothing about validity.

use super::dataset::DatasetTable;
use super::read::{coded, corrupt, date, select_all, PartnerRows};
use crate::import::month::month_of;
use crate::import::partner::values::{self, age_band_label, risk_label};
use crate::import::partner::{DaIncident, PartnerLayout};
use crate::store::StoreError;
use rusqlite::{params, Connection};

pub const TABLE: DatasetTable = DatasetTable {
    layout: PartnerLayout::DomesticAbuse,
    table: "da_incident",
    overlap: "month BETWEEN ?1 AND ?2",
    read,
    held: |rows| rows.domestic_abuse.len(),
};

pub fn write(conn: &Connection, source: i64, line: i64, r: &DaIncident) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO da_incident (source_id, line, reference, date, month, is_crime, offence,
             area_code, victim_sex, victim_age_band, repeat_victim, risk, referred_to_marac)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        source,
        line,
        r.reference,
        r.date.format("%Y-%m-%d").to_string(),
        month_of(r.date),
        r.is_crime,
        r.offence,
        r.area_code,
        r.victim_sex.label(),
        r.victim_age_band
            .as_ref()
            .map(|b| age_band_label(Some(b)).to_string()),
        r.repeat_victim,
        r.risk.map(|v| risk_label(Some(v))),
        r.referred_to_marac,
    ])?;
    Ok(())
}

/// Every domestic abuse incident, by date.
fn read(conn: &Connection, rows: &mut PartnerRows) -> Result<(), StoreError> {
    rows.domestic_abuse = select_all(
        conn,
        "SELECT reference, date, is_crime, offence, area_code, victim_sex, victim_age_band,
                repeat_victim, risk, referred_to_marac
         FROM da_incident ORDER BY date, id",
        |r| {
            let sex: String = r.get(5)?;
            Ok(DaIncident {
                reference: r.get(0)?,
                date: date(&r.get::<_, String>(1)?)?,
                is_crime: r.get(2)?,
                offence: r.get(3)?,
                area_code: r.get(4)?,
                victim_sex: values::sex(&sex).map_err(|_| corrupt("sex", &sex))?,
                victim_age_band: coded(r.get(6)?, "age band", values::age_band)?,
                repeat_victim: r.get(7)?,
                risk: coded(r.get(8)?, "risk", values::risk_level)?,
                referred_to_marac: r.get(9)?,
            })
        },
    )?;
    Ok(())
}
