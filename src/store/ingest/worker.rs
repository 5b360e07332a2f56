//! The import worker thread: reads a file, recognises its kind, validates and interns each
//! row, counts what the pages need, and sends rows to the writer in batches. Stops early on
//! cancel or when the writer has gone.

use super::hasher::HashJob;
use super::indicator_rows::{
    is_wide_indicator_header, parse_indicator_workbook, parse_wide_indicators,
};
use super::partner_rows::parse_partner;
use super::street_rows::parse_street;
use crate::import::boundaries::Boundary;
use crate::import::crime_types::LEGACY_CRIME_TYPES;
use crate::import::field_mapping::{find_for_header, FieldMapping, MappedKind};
use crate::import::geography::{
    larger_area_population, GeoRowProblem, LookupColumns, LookupRow, PopulationColumns,
    PopulationRow,
};
use crate::import::inputs::{InputFile, InputLocation};
use crate::import::kind::{detect_kind, not_importable_reason, FileKind};
use crate::import::month::MonthForm;
use crate::import::partner::{choose_mapping, ColumnMapping, PartnerLayout};
use crate::import::police_uk::{HeaderProblem, StreetColumns};
use crate::import::reader::{raw_text, TableReader};
use crate::import::table::TableOptions;
use crate::import::ImportError;
use crate::store::interner::{Interners, PendingDimensions};
use crate::store::month_counts::PendingCounts;
use crate::store::writer::{IncidentRecord, RejectedRecord};
use crossbeam_channel::Sender;
use std::collections::BTreeMap;
use std::io::Read;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

pub(super) const ROWS_PER_BATCH: usize = 8192;

/// Rows parsed on the worker, with the dimension entries they introduce.
pub struct Batch {
    pub dimensions: PendingDimensions,
    pub rows: Vec<IncidentRecord>,
    pub rejected: Vec<RejectedRecord>,
    /// (month, crime type, lsoa or 0) → rows, sent when the map grows large and at the end.
    pub counts: PendingCounts,
    pub lookups: Vec<LookupRow>,
    pub populations: Vec<PopulationRow>,
    /// Partner records with their file line.
    pub partner: Vec<(u64, crate::import::partner::PartnerRecord)>,
    pub boundaries: Vec<Boundary>,
    /// The file's raw bytes read for this batch, in order: they go to the hasher thread
    /// when the batch is sent.
    pub raw: Vec<Vec<u8>>,
}

impl Batch {
    pub fn len(&self) -> usize {
        self.rows.len()
            + self.rejected.len()
            + self.lookups.len()
            + self.populations.len()
            + self.partner.len()
            + self.boundaries.len()
    }
}

/// Everything the worker learned about a file besides its rows.
pub struct FileSummary {
    pub kind: FileKind,
    pub bytes: u64,
    pub accepted: u64,
    pub rejected: u64,
    pub month_forms: BTreeMap<MonthForm, u64>,
    pub legacy_types: [u64; LEGACY_CRIME_TYPES.len()],
    pub unlocated: u64,
    pub crimes_without_id: u64,
    /// Distinct text values first read in this file with the Windows-1252 fallback.
    pub windows_1252_values: u64,
    /// Sentences about the file only its parser knows (boundary levels read, the CSV
    /// dialect, the sheet).
    pub extra_notes: Vec<String>,
    /// The name to list the source under when it is not the file's (a workbook's sheet).
    pub source_name: Option<String>,
    /// For a file read with a field mapping: (name the reader knows, the file's column), so
    /// rejected rows name the file's own columns.
    pub column_names: Vec<(String, String)>,
    pub(super) counts: PendingCounts,
    /// (reported_by, month) → (rows, first and last row position in the file, from 0)
    pub force_months: BTreeMap<(u32, u32), (i64, i64, i64)>,
    /// The (force, month) rows are coming in now, counted here until it changes (files
    /// come month by month, so this spares a map lookup per row).
    pub(super) last_force_month: ((u32, u32), i64, i64, i64),
    /// What a partner file covered and how it was read.
    pub partner: Option<super::partner_rows::PartnerSummary>,
}

impl FileSummary {
    pub(super) fn new(kind: FileKind) -> Self {
        FileSummary {
            kind,
            bytes: 0,
            accepted: 0,
            rejected: 0,
            month_forms: BTreeMap::new(),
            legacy_types: [0; LEGACY_CRIME_TYPES.len()],
            unlocated: 0,
            crimes_without_id: 0,
            windows_1252_values: 0,
            extra_notes: Vec::new(),
            source_name: None,
            column_names: Vec::new(),
            counts: PendingCounts::default(),
            force_months: BTreeMap::new(),
            last_force_month: ((0, 0), 0, 0, 0),
            partner: None,
        }
    }

    /// Fold the current (force, month) run into `force_months`.
    pub(super) fn flush_force_month(&mut self) {
        let (key, rows, first, last) = self.last_force_month;
        if rows > 0 {
            let entry = self.force_months.entry(key).or_insert((0, first, last));
            entry.0 += rows;
            entry.1 = entry.1.min(first);
            entry.2 = entry.2.max(last);
        }
        self.last_force_month = ((0, 0), 0, 0, 0);
    }

    pub(super) fn reject(
        &mut self,
        batch: &mut Batch,
        line: u64,
        column: Option<&str>,
        reason: String,
        record: &csv::ByteRecord,
    ) {
        self.rejected += 1;
        let names = &self.column_names;
        let own = |c: &str| {
            names
                .iter()
                .find(|(reader, _)| reader == c)
                .map_or_else(|| c.to_string(), |(_, own)| own.clone())
        };
        batch.rejected.push(RejectedRecord {
            line,
            column: column.map(own),
            reason: FieldMapping::in_file_words(names, &reason),
            raw: raw_text(record),
        });
    }
}

/// The column mappings a batch may read files with.
#[derive(Clone, Copy, Default)]
pub struct MappingChoice<'a> {
    /// Named for this import (`--mapping NAME`): used for files no reference layout fits.
    pub given: Option<&'a ColumnMapping>,
    /// Saved in the assessment file: used for a file with the header one was made for.
    pub saved: &'a [ColumnMapping],
    /// A field mapping named for this import (police street, lookup, population or
    /// boundaries with a header of their own).
    pub given_fields: Option<&'a FieldMapping>,
    /// Field mappings saved in the assessment file, found by header.
    pub saved_fields: &'a [FieldMapping],
}

impl MappingChoice<'_> {
    /// The field mapping to read a table with `header` by: the one named for the import,
    /// else a saved one made for this header when the app does not know the header.
    fn field_mapping_for(
        &self,
        header: &[String],
        forced: Option<FileKind>,
    ) -> Option<Result<FieldMapping, String>> {
        if let Some(given) = self.given_fields {
            return Some(given.fit_to_header(header));
        }
        let unknown = forced.is_none() && detect_kind(header) == FileKind::Unknown;
        unknown
            .then(|| find_for_header(self.saved_fields, header))
            .flatten()
            .map(|m| m.fit_to_header(header))
    }
}

/// What the worker tells the writer, in order: for each file either `Unchanged`, or
/// `Start`, its `Rows`, then `End`.
pub enum Message {
    /// The content of file `index` was imported before (recognised without parsing it).
    Unchanged {
        index: usize,
        earlier: super::known::EarlierImport,
    },
    /// File `index` is being read.
    Start(usize),
    Rows(Batch),
    /// The file is read: what it held, or why it is rejected (then the worker has
    /// forgotten the dimension entries it added) or the import must stop.
    End(Result<FileSummary, ImportError>),
}

/// Where the worker sends batches, and whether to stop. The raw bytes of a batch go to
/// the hasher thread, the rest to the writer.
pub struct Channel<'a> {
    pub sender: Sender<Message>,
    pub hasher: Sender<HashJob>,
    pub cancel: &'a AtomicBool,
}

impl Channel<'_> {
    /// Send a full batch; false when the import should stop (cancel, or the writer gone).
    pub(super) fn send(&self, mut batch: Batch) -> bool {
        let raw = std::mem::take(&mut batch.raw);
        self.hasher.send(HashJob::Bytes(raw)).is_ok() && self.tell(Message::Rows(batch))
    }

    /// The file's bytes are all sent: the hasher hands its digests to the writer.
    pub(super) fn end_file(&self) -> bool {
        self.hasher.send(HashJob::FileEnd).is_ok()
    }

    /// False when the import should stop (cancel, or the writer gone).
    pub(super) fn tell(&self, message: Message) -> bool {
        !self.cancel.load(Ordering::Relaxed) && self.sender.send(message).is_ok()
    }
}

/// What the analyst said about how to read the files of a batch.
#[derive(Clone, Copy)]
pub struct ReadAs<'a> {
    /// Read every file as this kind.
    pub kind: Option<FileKind>,
    /// The sheet of a workbook, and any CSV dialect chosen.
    pub table: &'a TableOptions,
}

/// The worker: read the file, recognise its kind (or use the one forced), and parse it.
pub fn parse_file(
    file: &InputFile,
    read_as: ReadAs<'_>,
    mappings: &MappingChoice<'_>,
    interners: &mut Interners,
    bytes_read: &AtomicU64,
    channel: &Channel<'_>,
) -> Result<FileSummary, ImportError> {
    let (forced_kind, table_options) = (read_as.kind, read_as.table);
    let named = forced_kind.or_else(|| FileKind::from_file_name(&file.display_name));
    let is_shapefile = matches!(file.location, InputLocation::Shapefile(_));
    let boundary_mapping = mappings
        .given_fields
        .filter(|m| m.kind == MappedKind::Boundaries);
    if named == Some(FileKind::Boundaries) || is_shapefile || boundary_mapping.is_some() {
        return super::boundary_file::parse_boundary_file(
            file,
            boundary_mapping,
            mappings.saved_fields,
            bytes_read,
            channel,
        );
    }
    file.with_reader(|input| {
        #[cfg(test)]
        super::tests::panic_if_asked(&file.display_name, "inject-reader-panic");
        let mut table =
            TableReader::open_with(&file.display_name, input, bytes_read, table_options)?;
        let bad = |reason: String| ImportError::BadFile {
            file: file.display_name.clone(),
            reason,
        };
        let field_mapping = mappings
            .field_mapping_for(table.header(), forced_kind)
            .transpose()
            .map_err(bad)?;
        let (kind, header) = match &field_mapping {
            Some(m) => (m.kind.file_kind(), m.reader_header(table.header().len())),
            None => (
                forced_kind.unwrap_or_else(|| detect_kind(table.header())),
                table.header().to_vec(),
            ),
        };
        let mut summary = FileSummary::new(kind);
        if let Some(m) = &field_mapping {
            summary.column_names = m.column_names();
            summary.extra_notes.push(format!(
                "read as {} with the column mapping \"{}\"",
                m.kind.name(),
                m.name
            ));
        }
        let finished = match kind {
            FileKind::PoliceStreet => {
                let columns =
                    StreetColumns::from_header(&header).map_err(|p| bad(header_problem_text(p)))?;
                parse_street(&mut table, &columns, interners, &mut summary, channel)?
            }
            FileKind::WardLookup => {
                let columns =
                    LookupColumns::from_header(&header).map_err(|p| bad(format!("line 1: {p}")))?;
                parse_rows(
                    &mut table,
                    &mut summary,
                    channel,
                    |r| columns.parse(r),
                    |b, row| b.lookups.push(row),
                )?
            }
            FileKind::Population => {
                let columns = PopulationColumns::from_header(&header)
                    .map_err(|p| bad(format!("line 1: {p}")))?;
                let larger = std::cell::Cell::new(None);
                let last = parse_rows(
                    &mut table,
                    &mut summary,
                    channel,
                    |r| {
                        let row = columns.parse(r);
                        if let Err(GeoRowProblem::NotSmallArea { value, level, .. }) = &row {
                            larger.set(Some((value.clone(), *level)));
                        }
                        row
                    },
                    |b, row| b.populations.push(row),
                )?;
                if let (0, Some((code, level))) = (summary.accepted, larger.take()) {
                    return Err(bad(larger_area_population(&code, level)));
                }
                if field_mapping.is_none() {
                    summary.extra_notes.push(columns.describe());
                }
                last
            }
            other => {
                let reference = match other {
                    FileKind::Partner(layout) => Some(layout),
                    _ => None,
                };
                let is_partner = reference.is_some() || other == FileKind::Unknown;
                let header = table.header().to_vec();
                let indicators = reference == Some(PartnerLayout::Indicators);
                let wide =
                    (other == FileKind::Unknown || indicators) && is_wide_indicator_header(&header);
                // A workbook of indicators with no sheet named: every sheet that is an
                // indicator table (long or wide) is read, each in its own layout.
                if (indicators || wide) && table.sheet().is_some() && table_options.sheet.is_none()
                {
                    let bytes = table.take_chunks().concat();
                    let end = table.finish()?;
                    file.check_read_whole(end.bytes)?;
                    parse_indicator_workbook(&file.display_name, bytes, &mut summary, channel)?;
                    return Ok(summary);
                }
                let chosen = (is_partner && !wide)
                    .then(|| choose_mapping(&header, reference, mappings.given, mappings.saved))
                    .flatten();
                match chosen {
                    _ if wide => parse_wide_indicators(&mut table, &mut summary)?,
                    Some(Ok(chosen)) => parse_partner(&mut table, chosen, &mut summary, channel)?,
                    Some(Err(reason)) => return Err(bad(reason)),
                    None if other == FileKind::Unknown => {
                        let reason = not_importable_reason(other, &header);
                        return Err(bad(format!("line 1: {reason}")));
                    }
                    None => return Err(bad(not_importable_reason(other, &header))),
                }
            }
        };
        summary.flush_force_month();
        summary.source_name = table.sheet().map(|_| table.name().to_string());
        if let Some(mut last) = finished {
            last.dimensions = interners.take_pending();
            last.counts = std::mem::take(&mut summary.counts);
            last.raw = table.take_chunks();
            let table_notes = table.notes();
            let end = table.finish()?;
            file.check_read_whole(end.bytes)?;
            if summary.accepted + summary.rejected == 0 {
                return Err(bad(
                    "the file has a header (line 1) but no rows: there is nothing to import".into(),
                ));
            }
            last.raw.extend(end.last_chunks);
            summary.bytes = end.bytes;
            summary.extra_notes.splice(0..0, table_notes);
            // A send error means the writer stopped; it reports why.
            channel.send(last);
        }
        Ok(summary)
    })?
}

/// The kind a file is stored as when its name or header settles it before any row is read;
/// `None` for a partner file (a column mapping settles it) or one that cannot be read.
pub(super) fn settled_kind(file: &InputFile, read_as: ReadAs<'_>) -> Option<FileKind> {
    let kind = match read_as
        .kind
        .or_else(|| FileKind::from_file_name(&file.display_name))
    {
        Some(kind) => kind,
        None => file
            .with_reader(|input| {
                TableReader::open_with(&file.display_name, input, &AtomicU64::new(0), read_as.table)
                    .map(|table| detect_kind(table.header()))
            })
            .ok()?
            .ok()?,
    };
    matches!(
        kind,
        FileKind::PoliceStreet | FileKind::WardLookup | FileKind::Population | FileKind::Boundaries
    )
    .then_some(kind)
}

fn header_problem_text(problem: HeaderProblem) -> String {
    match problem {
        HeaderProblem::Missing(cols) => format!(
            "line 1: the header has no {} column{}",
            cols.join(", "),
            if cols.len() > 1 { "s" } else { "" }
        ),
        HeaderProblem::Duplicated(col, at) => format!(
            "line 1: the header has the column {col} {} times (columns {}): the app cannot tell which to read",
            at.len(),
            at.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Rows of a simple layout (lookups, populations): parse each, keep or reject.
fn parse_rows<R: Read, T, E: std::fmt::Display + ColumnOf>(
    table: &mut TableReader<'_, R>,
    summary: &mut FileSummary,
    channel: &Channel<'_>,
    parse: impl Fn(&csv::ByteRecord) -> Result<T, E>,
    keep: impl Fn(&mut Batch, T),
) -> Result<Option<Batch>, ImportError> {
    let mut batch = new_batch();
    while let Some((line, record)) = table.next_record()? {
        match parse(record) {
            Ok(row) => {
                summary.accepted += 1;
                keep(&mut batch, row);
            }
            Err(problem) => summary.reject(
                &mut batch,
                line,
                problem.column_name(),
                problem.to_string(),
                record,
            ),
        }
        if batch.len() >= ROWS_PER_BATCH
            && !channel.send(std::mem::replace(&mut batch, new_batch()))
        {
            return Ok(None);
        }
    }
    Ok(Some(batch))
}

/// The column a row problem is in, for the rejected-rows table.
pub trait ColumnOf {
    fn column_name(&self) -> Option<&str>;
}

impl ColumnOf for crate::import::geography::GeoRowProblem {
    fn column_name(&self) -> Option<&str> {
        self.column()
    }
}

pub(super) fn new_batch() -> Batch {
    Batch {
        dimensions: PendingDimensions::default(),
        rows: Vec::with_capacity(ROWS_PER_BATCH),
        rejected: Vec::new(),
        counts: PendingCounts::default(),
        lookups: Vec::new(),
        populations: Vec::new(),
        partner: Vec::new(),
        boundaries: Vec::new(),
        raw: Vec::new(),
    }
}
