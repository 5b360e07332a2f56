//! The worker's side of a police.uk street file: validate each row, intern its text into
//! dimension ids, count what the pages need (per month, crime type and LSOA; per force and
//! month, where the rows sit), and send the rows to the writer in batches.

use super::batch::{new_batch, Batch, Channel, ROWS_PER_BATCH};
use super::file_summary::FileSummary;
use crate::import::crime_types::CrimeTypeMatch;
use crate::import::month::MonthForm;
use crate::import::police_uk::StreetColumns;
use crate::import::reader::TableReader;
use crate::import::ImportError;
use crate::store::interner::{Interners, LookAhead};
use crate::store::month_counts::PendingCounts;
use crate::store::month_tally::MonthTally;
use crate::store::writer::IncidentRecord;
use std::io::Read;

/// Count cells held on the worker before they are handed to the writer (bounds memory:
/// a cell takes about 20 bytes).
const MAX_COUNT_GROUPS: usize = 262_144;

/// Rows between two hand-overs of the raw bytes read to the hasher.
const HASH_AHEAD_ROWS: usize = 1024;

/// police.uk street rows. Returns the last (partial) batch, or `None` if stopped early.
/// `tally` is the worker's table for counting rows (kept from file to file).
pub(super) fn parse_street<R: Read>(
    table: &mut TableReader<'_, R>,
    columns: &StreetColumns,
    (interners, tally): (&mut Interners, &mut MonthTally),
    summary: &mut FileSummary,
    channel: &Channel<'_>,
) -> Result<Option<Batch>, ImportError> {
    // What a file given up part-way counted is not this file's.
    tally.clear();
    let mut batch = new_batch();
    while let Some((line, record)) = table.next_fields()? {
        // The location's slot is fetched while the rest of the row is read.
        let ahead = interners.location.look_ahead(columns.location_cell(record));
        match columns.parse(record) {
            Ok(row) => {
                let incident = to_record(&row, interners, summary, ahead);
                count_row(&incident, row.month_form, row.crime_type, summary, tally);
                batch.rows.push(incident);
            }
            Err(problem) => summary.reject(
                &mut batch,
                line,
                problem.column(),
                problem.to_string(),
                &record.to_byte_record(),
            ),
        }
        if batch.rows.len().is_multiple_of(HASH_AHEAD_ROWS) && !channel.hash(table.take_chunks()) {
            return Ok(None);
        }
        if batch.len() >= ROWS_PER_BATCH {
            batch.dimensions = interners.take_pending();
            if summary.counts.len() + tally.len() >= MAX_COUNT_GROUPS {
                list_tallied(tally, &mut summary.counts);
                batch.counts = std::mem::take(&mut summary.counts);
            }
            batch.raw = table.take_chunks();
            if !channel.send(std::mem::replace(&mut batch, new_batch())) {
                return Ok(None);
            }
        }
    }
    list_tallied(tally, &mut summary.counts);
    Ok(Some(batch))
}

/// Hand the month counted so far on to `counts`, and clear the tally.
fn list_tallied(tally: &mut MonthTally, counts: &mut PendingCounts) {
    let month = tally.month();
    counts.add_listed(month, tally.take_cells());
}

fn to_record(
    row: &crate::import::police_uk::StreetRow<'_>,
    interners: &mut Interners,
    summary: &mut FileSummary,
    ahead: LookAhead,
) -> IncidentRecord {
    let crime_type = row.crime_type.id();
    if row.coordinates.is_none() {
        summary.unlocated += 1;
    }
    if row.crime_id.is_none() && !crate::import::crime_types::is_asb(crime_type) {
        summary.crimes_without_id += 1;
    }
    // (A "No Location" row's location is read as empty, and its look-ahead goes unused.)
    let (location, lsoa) = interners.place(row.location, row.lsoa_code, row.lsoa_name, Some(ahead));
    IncidentRecord {
        month: row.month,
        crime_type,
        reported_by: interners.force.intern(row.reported_by, b""),
        falls_within: interners.force.intern(row.falls_within, b""),
        outcome: interners.outcome.intern_optional(row.outcome, b""),
        lsoa,
        location,
        coordinates: row.coordinates,
        crime_id: row.crime_id,
    }
}

fn count_row(
    record: &IncidentRecord,
    form: MonthForm,
    matched: CrimeTypeMatch,
    s: &mut FileSummary,
    tally: &mut MonthTally,
) {
    // The row's position among the file's accepted rows, from 0.
    let position = s.accepted as i64;
    s.accepted += 1;
    if form != MonthForm::Iso {
        *s.month_forms.entry(form).or_default() += 1;
    }
    if let CrimeTypeMatch::Legacy { legacy_index, .. } = matched {
        if let Some(n) = s.legacy_types.get_mut(legacy_index) {
            *n += 1;
        }
    }
    let (month, crime_type, lsoa) = (record.month, record.crime_type, record.lsoa.unwrap_or(0));
    if MonthTally::fits(crime_type, lsoa) {
        if !tally.is_empty() && tally.month() != month {
            list_tallied(tally, &mut s.counts);
        }
        tally.count(month, crime_type, lsoa);
    } else {
        s.counts.add_one(month, crime_type, lsoa, 1);
    }
    let key = (record.reported_by, record.month);
    if s.last_force_month.0 != key {
        s.flush_force_month();
        s.last_force_month = (key, 0, position, position);
    }
    let current = &mut s.last_force_month;
    current.1 += 1;
    current.2 = current.2.min(position);
    current.3 = current.3.max(position);
}
