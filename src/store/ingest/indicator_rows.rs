//! The worker's side of an indicator table the row-by-row partner reader cannot take as it
//! stands: a wide table (one row per indicator, one column per period), and a workbook of
//! indicator sheets read all at once, each sheet in its own layout. The table is read
//! whole — partners' sheets are small — turned into one indicator record per value by
//! `import::indicators`, and sent as partner records with the line (or sheet row) they
//! came from; every cell that cannot be used is a rejected row with its column and reason.

use super::batch::{new_batch, Batch, Channel};
use super::file_summary::FileSummary;
use super::partner_rows::PartnerSummary;
use crate::import::grid::{grid_of_records, workbook_grids, Grid};
use crate::import::indicators::columns::{recognise, Columns};
use crate::import::indicators::{parse_indicator_grid, IndicatorTable};
use crate::import::kind::FileKind;
use crate::import::partner::{
    DateFormat, MappingOrigin, NormalisationLog, PartnerLayout, PartnerRecord,
};
use crate::import::reader::TableReader;
use crate::import::ImportError;
use crate::store::writer::RejectedRecord;
use std::collections::BTreeSet;
use std::io::Read;

/// Whether a header is a wide indicator table (which the row reader cannot read).
pub fn is_wide_indicator_header(header: &[String]) -> bool {
    matches!(recognise(header), Some(Columns::Wide { .. }))
}

fn partner_summary(how: &str) -> PartnerSummary {
    PartnerSummary {
        layout: PartnerLayout::Indicators,
        origin: MappingOrigin::Table(how.to_string()),
        date_format: DateFormat::Iso,
        date_detection: None,
        log: NormalisationLog::new(),
        months: None,
        periods: BTreeSet::new(),
    }
}

/// Put a read table's values and rejected cells into `batch`; `sheet` names the sheet in
/// a workbook's rejected rows (whose line is the sheet's row).
fn add_table(
    table: IndicatorTable,
    sheet: Option<&str>,
    partner: &mut PartnerSummary,
    summary: &mut FileSummary,
    batch: &mut Batch,
) {
    let in_sheet = |reason: String| match sheet {
        Some(name) => format!("sheet \"{name}\": {reason}"),
        None => reason,
    };
    for (place, record) in table.records {
        let record = PartnerRecord::Indicator(record);
        partner.note(&record);
        summary.accepted += 1;
        batch.partner.push((place.number(), record));
    }
    for cell in table.rejected {
        summary.rejected += 1;
        // As the row reader words it: the column, then what is wrong with its value.
        let reason = match &cell.column {
            Some(column) => format!("{column} {}", cell.reason),
            None => cell.reason,
        };
        batch.rejected.push(RejectedRecord {
            line: cell.place.number(),
            column: cell.column,
            reason: in_sheet(reason),
            raw: cell.raw,
        });
    }
    if sheet.is_some() {
        summary
            .extra_notes
            .push(in_sheet(format!("a {} table", table.layout)));
    }
    summary
        .extra_notes
        .extend(table.notes.into_iter().map(in_sheet));
}

/// Read the rest of a CSV whose header is a wide indicator table.
pub fn parse_wide_indicators<R: Read>(
    table: &mut TableReader<'_, R>,
    summary: &mut FileSummary,
) -> Result<Option<Batch>, ImportError> {
    let header = table.header().to_vec();
    let mut records = Vec::new();
    while let Some((line, record)) = table.next_record()? {
        records.push((line, record.clone()));
    }
    let grid: Grid = grid_of_records(table.name(), (table.header_position(), &header), &records);
    let read = parse_indicator_grid(&grid).map_err(|e| ImportError::BadFile {
        file: table.name().to_string(),
        reason: e.to_string(),
    })?;
    summary.kind = FileKind::Partner(PartnerLayout::Indicators);
    let mut partner =
        partner_summary("its columns of periods (a wide table: one row per indicator)");
    let mut batch = new_batch();
    add_table(read, None, &mut partner, summary, &mut batch);
    summary.partner = Some(partner);
    Ok(Some(batch))
}

/// Read a workbook of indicator tables (held in `bytes`): every sheet that is one (long
/// or wide); the other sheets are named in the notes.
pub fn parse_indicator_workbook(
    name: &str,
    bytes: Vec<u8>,
    summary: &mut FileSummary,
    channel: &Channel<'_>,
) -> Result<(), ImportError> {
    let grids = workbook_grids(name, &bytes)?;
    summary.kind = FileKind::Partner(PartnerLayout::Indicators);
    let mut partner = partner_summary("each sheet's own layout");
    let mut batch = new_batch();
    let mut refused = Vec::new();
    for grid in &grids {
        let sheet = grid.sheet.as_deref().unwrap_or_default();
        match parse_indicator_grid(grid) {
            Ok(read) => add_table(read, Some(sheet), &mut partner, summary, &mut batch),
            Err(_) => refused.push(format!("\"{sheet}\"")),
        }
    }
    if summary.accepted + summary.rejected == 0 {
        return Err(ImportError::BadFile {
            file: name.to_string(),
            reason: "no sheet is an indicator table (Indicator, Period and Value columns, or an Indicator column and one column per period)".into(),
        });
    }
    if !refused.is_empty() {
        summary.extra_notes.push(format!(
            "sheets not read (not indicator tables): {}",
            refused.join(", ")
        ));
    }
    summary.bytes = bytes.len() as u64;
    batch.raw = vec![bytes];
    summary.partner = Some(partner);
    // A send error means the writer stopped; it reports why.
    channel.send(batch);
    Ok(())
}
