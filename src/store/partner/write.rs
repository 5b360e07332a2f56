//! Inserting validated partner records, each into its dataset's table with its source and
//! file line. Runs inside the import's transaction; decides nothing about validity.

use super::{asb_cases, domestic_abuse, indicators, marac, treatment};
use crate::import::partner::PartnerRecord;
use rusqlite::Connection;

/// Write `(line, record)` pairs of one source.
pub fn write_records(
    conn: &Connection,
    source_id: i64,
    rows: &[(u64, PartnerRecord)],
) -> rusqlite::Result<()> {
    for (line, record) in rows {
        let line = *line as i64;
        match record {
            PartnerRecord::DomesticAbuse(r) => domestic_abuse::write(conn, source_id, line, r)?,
            PartnerRecord::Marac(r) => marac::write(conn, source_id, line, r)?,
            PartnerRecord::AsbCase(r) => asb_cases::write(conn, source_id, line, r)?,
            PartnerRecord::Treatment(r) => treatment::write(conn, source_id, line, r)?,
            PartnerRecord::Indicator(r) => indicators::write(conn, source_id, line, r)?,
        }
    }
    Ok(())
}
