//! Inserting validated partner records into their layout's table, each with its source
//! and file line. Runs inside the import's transaction; decides nothing about validity.

use super::suppressed::{markers, number};
use crate::import::partner::values::{age_band_label, risk_label};
use crate::import::partner::{AsbCase, DaIncident, MaracQuarter, PartnerRecord, TreatmentCount};
use chrono::Datelike;
use rusqlite::{params, Connection};

/// `YYYYMM` of a date.
pub fn month_of(date: chrono::NaiveDate) -> u32 {
    date.year().max(0) as u32 * 100 + date.month()
}

/// Write `(line, record)` pairs of one source.
pub fn write_records(
    conn: &Connection,
    source_id: i64,
    rows: &[(u64, PartnerRecord)],
) -> rusqlite::Result<()> {
    for (line, record) in rows {
        let line = *line as i64;
        match record {
            PartnerRecord::DomesticAbuse(r) => write_da(conn, source_id, line, r)?,
            PartnerRecord::Marac(r) => write_marac(conn, source_id, line, r)?,
            PartnerRecord::AsbCase(r) => write_asb(conn, source_id, line, r)?,
            PartnerRecord::Treatment(r) => write_treatment(conn, source_id, line, r)?,
        }
    }
    Ok(())
}

fn write_da(conn: &Connection, source: i64, line: i64, r: &DaIncident) -> rusqlite::Result<()> {
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

fn write_marac(
    conn: &Connection,
    source: i64,
    line: i64,
    r: &MaracQuarter,
) -> rusqlite::Result<()> {
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

fn write_asb(conn: &Connection, source: i64, line: i64, r: &AsbCase) -> rusqlite::Result<()> {
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

fn write_treatment(
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
