//! How well the lookup and the populations cover the police data: the LSOAs police
//! incidents are recorded in that no ward lookup places, and the LSOAs (or wards) with no
//! population — so an analyst learns after the import, not from a rate that is missing,
//! that 12 of 169 LSOAs have no population. Read-only queries over the maintained counts.

use super::month_counts::read_months;
use super::StoreError;
use rusqlite::Connection;
use std::collections::{BTreeSet, HashSet};

/// Codes named in a note before "and N more".
const NAMED: usize = 5;

/// The LSOA codes (with names) that police incidents are recorded in.
fn police_lsoas(conn: &Connection) -> Result<Vec<(String, String)>, StoreError> {
    let ids: BTreeSet<u32> = read_months(conn, None)?
        .into_iter()
        .flat_map(|(_, cells)| cells.into_iter().map(|c| c.lsoa))
        .filter(|&id| id != 0)
        .collect();
    let mut stmt = conn.prepare_cached("SELECT code, name FROM lsoa WHERE id = ?1")?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Ok(row) = stmt.query_row([id], |r| Ok((r.get(0)?, r.get(1)?))) {
            out.push(row);
        }
    }
    out.sort();
    Ok(out)
}

fn codes(conn: &Connection, sql: &str) -> Result<HashSet<String>, StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// "E01016001 (Medway 001A), E01016002 and 3 more".
fn some_of(missing: &[(String, String)]) -> String {
    let named: Vec<String> = missing
        .iter()
        .take(NAMED)
        .map(|(code, name)| {
            if name.is_empty() || name == code {
                code.clone()
            } else {
                format!("{code} ({name})")
            }
        })
        .collect();
    let more = missing.len().saturating_sub(NAMED);
    if more > 0 {
        format!("{} and {more} more", named.join(", "))
    } else {
        named.join(", ")
    }
}

/// Sentences on how the lookup covers the LSOAs of the police data (none without police
/// data or without a lookup).
pub fn lookup_coverage(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let police = police_lsoas(conn)?;
    let placed = codes(conn, "SELECT lsoa_code FROM lsoa_ward")?;
    if police.is_empty() || placed.is_empty() {
        return Ok(Vec::new());
    }
    let missing: Vec<(String, String)> = police
        .iter()
        .filter(|(code, _)| !placed.contains(code))
        .cloned()
        .collect();
    Ok(vec![if missing.is_empty() {
        format!(
            "every one of the {} LSOAs in the police data is placed in a ward by the lookup",
            police.len()
        )
    } else {
        format!(
            "{} of the {} LSOAs in the police data have no ward in the lookup: {}. Their incidents count in totals but in no ward (an LSOA of another census year, or outside the lookup's area)",
            missing.len(),
            police.len(),
            some_of(&missing)
        )
    }])
}

/// "N of the M {what} … have no population: …", or that all or none have one.
fn population_note(what: &str, all: usize, missing: &[(String, String)]) -> String {
    if missing.is_empty() {
        format!("every one of the {all} {what} has a population")
    } else if missing.len() == all {
        format!(
            "none of the {all} {what} has a population in the assessment file: the populations held are for other areas (for example {}), so there are no rates per 1,000",
            some_of(missing)
        )
    } else {
        format!(
            "{} of the {all} {what} have no population: {}. They have no rate per 1,000 (often areas of another census year)",
            missing.len(),
            some_of(missing)
        )
    }
}

/// Sentences on how the populations cover the police data's LSOAs (when `lsoas`), and the
/// wards those LSOAs are in (when `wards`).
pub fn population_coverage(
    conn: &Connection,
    lsoas: bool,
    wards: bool,
) -> Result<Vec<String>, StoreError> {
    let police = police_lsoas(conn)?;
    if police.is_empty() {
        return Ok(Vec::new());
    }
    let mut notes = Vec::new();
    let lsoa_pop = codes(
        conn,
        "SELECT area_code FROM population WHERE area_kind = 'lsoa'",
    )?;
    if lsoas && !lsoa_pop.is_empty() {
        let missing: Vec<(String, String)> = police
            .iter()
            .filter(|(code, _)| !lsoa_pop.contains(code))
            .cloned()
            .collect();
        notes.push(population_note(
            "LSOAs in the police data",
            police.len(),
            &missing,
        ));
    }
    let ward_pop = codes(
        conn,
        "SELECT area_code FROM population WHERE area_kind = 'ward'",
    )?;
    if wards && !ward_pop.is_empty() {
        let police_codes: HashSet<&str> = police.iter().map(|(c, _)| c.as_str()).collect();
        let mut stmt = conn.prepare(
            "SELECT DISTINCT w.code, w.name, lw.lsoa_code FROM lsoa_ward lw JOIN ward w ON w.code = lw.ward_code",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut police_wards = BTreeSet::new();
        for row in rows {
            let (code, name, lsoa) = row?;
            if police_codes.contains(lsoa.as_str()) {
                police_wards.insert((code, name));
            }
        }
        if !police_wards.is_empty() {
            let missing: Vec<(String, String)> = police_wards
                .iter()
                .filter(|(code, _)| !ward_pop.contains(code))
                .cloned()
                .collect();
            notes.push(population_note(
                "wards of the police data",
                police_wards.len(),
                &missing,
            ));
        }
    }
    Ok(notes)
}

/// The coverage notes for source `source_id` of `kind`: for a population, at the levels
/// it holds; for a lookup, how it places the police data's LSOAs. None for other kinds.
pub fn coverage_notes(
    conn: &Connection,
    kind: &str,
    source_id: i64,
) -> Result<Vec<String>, StoreError> {
    match kind {
        "population" => {
            let levels = codes(
                conn,
                &format!("SELECT DISTINCT area_kind FROM population WHERE source_id = {source_id}"),
            )?;
            population_coverage(conn, levels.contains("lsoa"), levels.contains("ward"))
        }
        "ward_lookup" | "derived_lookup" => lookup_coverage(conn),
        _ => Ok(Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_missing_codes_are_named_and_the_rest_counted() {
        let missing: Vec<(String, String)> = (1..=8)
            .map(|i| (format!("E0100000{i}"), format!("Town 00{i}A")))
            .collect();
        assert_eq!(
            some_of(&missing),
            "E01000001 (Town 001A), E01000002 (Town 002A), E01000003 (Town 003A), E01000004 (Town 004A), E01000005 (Town 005A) and 3 more"
        );
        assert_eq!(some_of(&missing[..1]), "E01000001 (Town 001A)");
    }
}
