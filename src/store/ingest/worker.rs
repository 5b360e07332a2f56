//! The import worker thread: reads a file, recognises its kind, validates and interns each
//! row, counts what the pages need, and sends rows to the writer in batches. Stops early on
//! cancel or when the writer has gone. What it sends is in [`super::batch`], what it learns of
//! a file in [`super::file_summary`], how the analyst asked files to be read in
//! [`super::read_as`].

use super::batch::Channel;
use super::file_summary::FileSummary;
use super::indicator_rows::{
    is_wide_indicator_header, parse_indicator_workbook, parse_wide_indicators,
};
use super::partner_rows::parse_partner;
use super::read_as::{MappingChoice, ReadAs};
use super::simple_rows::parse_rows;
use super::street_rows::parse_street;
use crate::import::field_mapping::MappedKind;
use crate::import::geography::{
    larger_area_population, GeoRowProblem, LookupColumns, PopulationColumns,
};
use crate::import::inputs::{InputFile, InputLocation};
use crate::import::kind::{detect_kind, not_importable_reason, FileKind};
use crate::import::partner::{choose_mapping, PartnerLayout};
use crate::import::police_uk::{HeaderProblem, StreetColumns};
use crate::import::reader::TableReader;
use crate::import::ImportError;
use crate::store::interner::Interners;
use crate::store::month_tally::MonthTally;
use std::sync::atomic::AtomicU64;

/// The worker: read the file, recognise its kind (or use the one forced), and parse it.
pub fn parse_file(
    file: &InputFile,
    read_as: ReadAs<'_>,
    mappings: &MappingChoice<'_>,
    (interners, tally): (&mut Interners, &mut MonthTally),
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
                parse_street(
                    &mut table,
                    &columns,
                    (interners, tally),
                    &mut summary,
                    channel,
                )?
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
/// `None` for a partner file (a column mapping settles it) or one that cannot be read. The
/// header is found in `first_chunk`, the file's first [`crate::import::reader::FIRST_CHUNK`]
/// bytes (what the reader opens a file with), so a CSV is not read again; a workbook, whose
/// sheets need the whole file, is.
pub(super) fn settled_kind(
    file: &InputFile,
    read_as: ReadAs<'_>,
    first_chunk: &[u8],
) -> Option<FileKind> {
    let header_kind = |input: &mut dyn std::io::Read| {
        TableReader::open_with(&file.display_name, input, &AtomicU64::new(0), read_as.table)
            .map(|table| detect_kind(table.header()))
    };
    let kind = match read_as
        .kind
        .or_else(|| FileKind::from_file_name(&file.display_name))
    {
        Some(kind) => kind,
        None => match header_kind(&mut std::io::Cursor::new(first_chunk)) {
            Ok(kind) => kind,
            Err(_) if (first_chunk.len() as u64) < file.size => {
                file.with_reader(|input| header_kind(input)).ok()?.ok()?
            }
            Err(_) => return None,
        },
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
