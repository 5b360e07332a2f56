//! Rows of the simple layouts (ward lookups, populations): each parsed, kept or rejected
//! with its column, and sent in batches.

use super::batch::{new_batch, Batch, Channel, ROWS_PER_BATCH};
use super::file_summary::FileSummary;
use crate::import::reader::TableReader;
use crate::import::ImportError;
use std::io::Read;

/// Rows of a simple layout (lookups, populations): parse each, keep or reject.
pub(super) fn parse_rows<R: Read, T, E: std::fmt::Display + ColumnOf>(
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
