//! Partner indicators in the assessment file: the `indicator_value` table's insert and
//! select. A withheld value is stored as NULL with its marker as written (`*`, `<5`, `''`
//! for a blank cell), so it reads back withheld, never as 0. A newer file replaces earlier
//! files' values of the same indicators, periods and areas — not other indicators that
//! happen to share a period, since each partner sends its own.

use super::dataset::DatasetTable;
use super::read::{corrupt, date, select_all, PartnerRows};
use crate::import::indicators::{IndicatorRecord, IndicatorValue, ReportingPeriod};
use crate::import::partner::PartnerLayout;
use crate::store::StoreError;
use rusqlite::{params, Connection};

pub const TABLE: DatasetTable = DatasetTable {
    layout: PartnerLayout::Indicators,
    table: "indicator_value",
    overlap: "start_month <= ?2 AND end_month >= ?1 AND EXISTS (
        SELECT 1 FROM indicator_value AS newer
        WHERE newer.source_id = ?3
          AND lower(newer.indicator) = lower(indicator_value.indicator)
          AND newer.area_code IS indicator_value.area_code
          AND newer.start_month <= indicator_value.end_month
          AND newer.end_month >= indicator_value.start_month)",
    read,
    held: |rows| rows.indicators.len(),
};

pub fn write(
    conn: &Connection,
    source: i64,
    line: i64,
    r: &IndicatorRecord,
) -> rusqlite::Result<()> {
    let day = match r.period {
        ReportingPeriod::Day(d) => Some(d.format("%Y-%m-%d").to_string()),
        ReportingPeriod::Months(_) => None,
    };
    conn.prepare_cached(
        "INSERT INTO indicator_value (source_id, line, indicator, start_month, end_month, day,
             value, suppressed, area_code, numerator, denominator, unit, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        source,
        line,
        r.indicator,
        r.period.start_month(),
        r.period.end_month(),
        day,
        r.value.number(),
        r.value.marker(),
        r.area_code,
        r.numerator,
        r.denominator,
        r.unit,
        r.source,
    ])?;
    Ok(())
}

/// Every indicator value, by indicator, period and area.
fn read(conn: &Connection, rows: &mut PartnerRows) -> Result<(), StoreError> {
    rows.indicators = select_all(
        conn,
        "SELECT indicator, start_month, end_month, day, value, suppressed, area_code,
                numerator, denominator, unit, source
         FROM indicator_value ORDER BY lower(indicator), start_month, end_month, day, area_code, id",
        |r| {
            let (start, end): (u32, u32) = (r.get(1)?, r.get(2)?);
            let period = match r.get::<_, Option<String>>(3)? {
                Some(day) => ReportingPeriod::Day(date(&day)?),
                None => ReportingPeriod::Months(super::read::period(start, end)),
            };
            let value = match (r.get::<_, Option<f64>>(4)?, r.get::<_, Option<String>>(5)?) {
                (Some(v), _) => IndicatorValue::Number(v),
                (None, Some(marker)) => IndicatorValue::Suppressed(marker),
                (None, None) => return Err(corrupt("indicator value", "")),
            };
            Ok(IndicatorRecord {
                indicator: r.get(0)?,
                period,
                value,
                area_code: r.get(6)?,
                numerator: r.get(7)?,
                denominator: r.get(8)?,
                unit: r.get(9)?,
                source: r.get(10)?,
            })
        },
    )?;
    Ok(())
}
