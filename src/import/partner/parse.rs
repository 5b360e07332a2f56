//! Applying a [`ColumnMapping`] to CSV rows: one row → a [`PartnerRecord`] or a
//! [`RowProblem`] naming the column, the value and what is wrong with it; and a
//! [`preview`] of a whole file — accepted and rejected counts, rejections grouped by
//! reason, the value normalisation table and the first rows — before anything is written.
//!
//! Cells are decoded per cell (UTF-8, else Windows-1252). Nothing here stores or draws.

use super::mapping::{ColumnMapping, MappingError};
use super::records::PartnerRecord;
use super::row::RowReader;
use super::values::NormalisationLog;
use crate::import::text::decode_cell;
use csv::ByteRecord;

/// Why one row was not accepted. `Display` is the sentence shown to the analyst:
/// `Date "31/02/2023" is not a real date`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.sentence())]
pub struct RowProblem {
    /// The header name of the column (empty for a problem with the whole row).
    pub column: String,
    /// The cell as written, shortened (empty when blank or not about one cell).
    pub value: String,
    /// What is wrong, completing "<column> "<value>" …".
    pub reason: String,
}

impl RowProblem {
    fn sentence(&self) -> String {
        match (self.column.is_empty(), self.value.is_empty()) {
            (true, _) => self.reason.clone(),
            (false, true) => format!("{} {}", self.column, self.reason),
            (false, false) => format!("{} \"{}\" {}", self.column, self.value, self.reason),
        }
    }

    /// The problem without the value, for grouping rows rejected for the same reason:
    /// `Date is not a real date`.
    pub fn summary(&self) -> String {
        if self.column.is_empty() {
            self.reason.clone()
        } else {
            format!("{} {}", self.column, self.reason)
        }
    }
}

/// Read one row with a mapping, by its layout's parser. Normalised coded values of an
/// accepted row are added to `log`. The mapping should have passed
/// [`ColumnMapping::validate`]; a required field without a column is reported as a row
/// problem.
pub fn parse_row(
    mapping: &ColumnMapping,
    record: &ByteRecord,
    log: &mut NormalisationLog,
) -> Result<PartnerRecord, RowProblem> {
    if record.len() != mapping.header.len() {
        return Err(RowProblem {
            column: String::new(),
            value: String::new(),
            reason: format!(
                "the row has {} fields but the header has {}",
                record.len(),
                mapping.header.len()
            ),
        });
    }
    let mut row = RowReader::new(mapping, record);
    let parsed = (mapping.layout.spec().parse)(&mut row)?;
    for (field, raw, normalised) in &row.into_normalised() {
        log.record(*field, raw, normalised);
    }
    Ok(parsed)
}

/// Rows rejected for the same reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectionGroup {
    /// The problem without the value: `Date is not a real date`.
    pub reason: String,
    pub count: usize,
    /// File line of the first such row (the header is line 1).
    pub first_line: u64,
    /// The first row's full message, with its value.
    pub example: String,
}

/// One of the first rows, as read and as understood.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    pub line: u64,
    pub cells: Vec<String>,
    pub outcome: Result<PartnerRecord, RowProblem>,
}

/// What importing a file with a mapping would do, before anything is written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Preview {
    pub accepted: usize,
    pub rejected: usize,
    /// Most frequent reason first.
    pub rejected_by_reason: Vec<RejectionGroup>,
    /// What each coded value of the accepted rows was read as.
    pub normalisation: NormalisationLog,
    /// The first `limit` rows.
    pub first_rows: Vec<PreviewRow>,
}

/// Read every row with the mapping and count the outcome; keep the first `limit` rows
/// for display. Row line numbers come from the csv reader's positions when the records
/// have them, otherwise rows are taken to follow a one-line header. Fails only when the
/// mapping itself is unusable.
pub fn preview(
    mapping: &ColumnMapping,
    rows: impl IntoIterator<Item = ByteRecord>,
    limit: usize,
) -> Result<Preview, Vec<MappingError>> {
    mapping.validate()?;
    let mut preview = Preview::default();
    for (index, record) in rows.into_iter().enumerate() {
        let line = record
            .position()
            .map_or(index as u64 + 2, csv::Position::line);
        let outcome = parse_row(mapping, &record, &mut preview.normalisation);
        match &outcome {
            Ok(_) => preview.accepted += 1,
            Err(problem) => {
                preview.rejected += 1;
                let reason = problem.summary();
                match preview
                    .rejected_by_reason
                    .iter_mut()
                    .find(|g| g.reason == reason)
                {
                    Some(group) => group.count += 1,
                    None => preview.rejected_by_reason.push(RejectionGroup {
                        reason,
                        count: 1,
                        first_line: line,
                        example: problem.to_string(),
                    }),
                }
            }
        }
        if preview.first_rows.len() < limit {
            preview.first_rows.push(PreviewRow {
                line,
                cells: record
                    .iter()
                    .map(|c| decode_cell(c).0.into_owned())
                    .collect(),
                outcome,
            });
        }
    }
    preview
        .rejected_by_reason
        .sort_by(|a, b| b.count.cmp(&a.count).then(a.first_line.cmp(&b.first_line)));
    Ok(preview)
}

#[cfg(test)]
mod tests;
