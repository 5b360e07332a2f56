//! The worker's side of a partner file: read each row with the chosen column mapping,
//! keep accepted records with their line, reject the rest with the column and reason, and
//! remember what the file covers (months or periods) and how its values were normalised.

use super::batch::{new_batch, Batch, Channel};
use super::file_summary::FileSummary;
use crate::import::kind::FileKind;
use crate::import::partner::mapping::ColumnMapping;
use crate::import::partner::{
    parse_row, ChosenMapping, Covers, DateDetection, MappingOrigin, NormalisationLog,
    PartnerLayout, PartnerRecord,
};
use crate::import::reader::TableReader;
use crate::import::ImportError;
use std::collections::BTreeSet;
use std::io::Read;

/// Rows read before the date format of a reference-layout file is settled.
const DATE_SAMPLE_ROWS: usize = 200;
const ROWS_PER_BATCH: usize = 4096;

/// What a partner file held besides its rows.
#[derive(Debug, Clone)]
pub struct PartnerSummary {
    pub layout: PartnerLayout,
    pub origin: MappingOrigin,
    pub date_format: crate::import::partner::DateFormat,
    pub date_detection: Option<DateDetection>,
    pub log: NormalisationLog,
    /// Months (`YYYYMM`) of dated rows (incidents, cases): the first and last.
    pub months: Option<(u32, u32)>,
    /// Periods of counts, as (first month, last month).
    pub periods: BTreeSet<(u32, u32)>,
}

impl PartnerSummary {
    /// The month ranges the file covers, which it replaces in earlier files.
    pub fn coverage(&self) -> Vec<(u32, u32)> {
        self.months
            .into_iter()
            .chain(self.periods.iter().copied())
            .collect()
    }

    /// The first and last month the file covers.
    pub fn span(&self) -> Option<(u32, u32)> {
        let coverage = self.coverage();
        Some((
            coverage.iter().map(|c| c.0).min()?,
            coverage.iter().map(|c| c.1).max()?,
        ))
    }

    /// Sentences for the file's notes: how it was read, its dates, and what each coded
    /// value was normalised to (values written differently from what they mean).
    pub fn notes(&self) -> Vec<String> {
        let how = match &self.origin {
            MappingOrigin::Reference => "its reference layout".to_string(),
            MappingOrigin::Given(name) => format!("the column mapping \"{name}\""),
            MappingOrigin::Table(how) => how.clone(),
            MappingOrigin::Saved(name) => {
                format!("the column mapping \"{name}\" saved for this header")
            }
        };
        let mut notes = vec![format!("read as {} with {how}", self.layout.name())];
        let dates = match self.date_detection {
            Some(d) if d.ambiguous => format!(
                "dates read like {} (ambiguous: no day above 12 in the first rows, so day first was assumed)",
                self.date_format.example()
            ),
            _ => format!("dates read like {}", self.date_format.example()),
        };
        if self.layout.spec().is_dated() {
            notes.push(dates);
        }
        notes.extend(normalisation_notes(&self.log));
        notes
    }

    pub(super) fn note(&mut self, record: &PartnerRecord) {
        match record.covers() {
            Covers::Month(month) => {
                self.months = Some(match self.months {
                    Some((a, b)) => (a.min(month), b.max(month)),
                    None => (month, month),
                });
            }
            Covers::Period(p) => {
                self.periods.insert((p.start_month, p.end_month()));
            }
        }
    }
}

/// Read every row of a partner file. Returns the last (partial) batch, or `None` when
/// stopped early.
pub fn parse_partner<R: Read>(
    table: &mut TableReader<'_, R>,
    chosen: ChosenMapping,
    summary: &mut FileSummary,
    channel: &Channel<'_>,
) -> Result<Option<Batch>, ImportError> {
    let ChosenMapping {
        mut mapping,
        origin,
    } = chosen;
    let mut sample: Vec<(u64, csv::ByteRecord)> = Vec::new();
    while sample.len() < DATE_SAMPLE_ROWS {
        match table.next_record()? {
            Some((line, record)) => sample.push((line, record.clone())),
            None => break,
        }
    }
    let date_detection = if origin == MappingOrigin::Reference {
        let records: Vec<csv::ByteRecord> = sample.iter().map(|(_, r)| r.clone()).collect();
        mapping.detect_date_format(&records)
    } else {
        None
    };
    summary.kind = FileKind::Partner(mapping.layout);
    let mut partner = PartnerSummary {
        layout: mapping.layout,
        origin,
        date_format: mapping.date_format,
        date_detection,
        log: NormalisationLog::new(),
        months: None,
        periods: BTreeSet::new(),
    };
    let mut batch = new_batch();
    for (line, record) in &sample {
        read_row(&mapping, *line, record, &mut partner, summary, &mut batch);
    }
    while let Some((line, record)) = table.next_record()? {
        read_row(&mapping, line, record, &mut partner, summary, &mut batch);
        if batch.len() >= ROWS_PER_BATCH {
            batch.raw = table.take_chunks();
            if !channel.send(std::mem::replace(&mut batch, new_batch())) {
                summary.partner = Some(partner);
                return Ok(None);
            }
        }
    }
    summary.partner = Some(partner);
    Ok(Some(batch))
}

fn read_row(
    mapping: &ColumnMapping,
    line: u64,
    record: &csv::ByteRecord,
    partner: &mut PartnerSummary,
    summary: &mut FileSummary,
    batch: &mut Batch,
) {
    match parse_row(mapping, record, &mut partner.log) {
        Ok(row) => {
            summary.accepted += 1;
            partner.note(&row);
            batch.partner.push((line, row));
        }
        Err(problem) => {
            let column = (!problem.column.is_empty()).then_some(problem.column.as_str());
            summary.reject(batch, line, column, problem.to_string(), record);
        }
    }
}

/// Pairs shown per field before "and N more".
const PAIRS_PER_NOTE: usize = 8;

/// One sentence per coded field whose values were written differently from what they
/// were read as: `Victim sex normalised: "F" as Female (23,000), "M" as Male (7,000)`.
pub fn normalisation_notes(log: &NormalisationLog) -> Vec<String> {
    let mut by_field: Vec<(crate::import::partner::FieldKey, Vec<String>)> = Vec::new();
    for entry in log.entries() {
        if entry.raw == entry.normalised {
            continue;
        }
        let pair = format!(
            "\"{}\" as {} ({})",
            entry.raw,
            entry.normalised,
            crate::format::thousands(entry.count as i64)
        );
        match by_field.iter_mut().find(|(f, _)| *f == entry.field) {
            Some((_, pairs)) => pairs.push(pair),
            None => by_field.push((entry.field, vec![pair])),
        }
    }
    by_field
        .into_iter()
        .map(|(field, pairs)| {
            let more = pairs.len().saturating_sub(PAIRS_PER_NOTE);
            let shown: Vec<&str> = pairs
                .iter()
                .take(PAIRS_PER_NOTE)
                .map(String::as_str)
                .collect();
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!("{} normalised: {}{tail}", field.name(), shown.join(", "))
        })
        .collect()
}
