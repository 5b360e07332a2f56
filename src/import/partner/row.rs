//! Reading the mapped cells of one partner row: each field through its value parser, a
//! problem naming the column, the value and what is wrong, and the normalisations to log
//! once the whole row is accepted. Each dataset's parser (see `dataset`) is written with it.

use super::layout::FieldKey;
use super::mapping::ColumnMapping;
use super::parse::RowProblem;
use super::values::{self, CountValue, ValueProblem};
use crate::import::text::{decode_cell, excerpt, trim_bytes};
use chrono::NaiveDate;
use csv::ByteRecord;
use std::fmt::Display;

/// Reads the mapped cells of one row, remembering normalisations until the row is
/// accepted.
pub struct RowReader<'a> {
    mapping: &'a ColumnMapping,
    record: &'a ByteRecord,
    normalised: Vec<(FieldKey, String, String)>,
}

impl<'a> RowReader<'a> {
    pub fn new(mapping: &'a ColumnMapping, record: &'a ByteRecord) -> Self {
        RowReader {
            mapping,
            record,
            normalised: Vec::new(),
        }
    }

    pub fn mapping(&self) -> &ColumnMapping {
        self.mapping
    }

    /// The normalisations of the row's coded values: (field, as written, as read).
    pub fn into_normalised(self) -> Vec<(FieldKey, String, String)> {
        self.normalised
    }

    /// The cell of `column` as written (trimmed, decoded).
    pub fn cell_text(&self, column: usize) -> String {
        decode_cell(trim_bytes(self.record.get(column).unwrap_or_default()))
            .0
            .into_owned()
    }

    /// A problem with the cell `value` of `column`.
    pub fn problem(&self, column: String, value: &str, reason: impl Display) -> RowProblem {
        RowProblem {
            column,
            value: excerpt(value.as_bytes()),
            reason: reason.to_string(),
        }
    }

    /// Read a mapped field with `parse`; `Ok(None)` when the field has no column. The
    /// `label` of the value, when given, goes into the normalisation table.
    pub fn read<T, E: Display>(
        &mut self,
        field: FieldKey,
        parse: impl FnOnce(&str) -> Result<T, E>,
        label: impl FnOnce(&T) -> Option<String>,
    ) -> Result<Option<T>, RowProblem> {
        let Some(column) = self.mapping.column_of(field) else {
            return Ok(None);
        };
        let (text, _) = decode_cell(trim_bytes(self.record.get(column).unwrap_or_default()));
        match parse(&text) {
            Ok(value) => {
                if let Some(label) = label(&value) {
                    self.normalised.push((field, text.into_owned(), label));
                }
                Ok(Some(value))
            }
            Err(reason) => Err(self.problem(self.mapping.column_name(column), &text, reason)),
        }
    }

    /// A field every row needs.
    pub fn required<T, E: Display>(
        &mut self,
        field: FieldKey,
        parse: impl FnOnce(&str) -> Result<T, E>,
        label: impl FnOnce(&T) -> Option<String>,
    ) -> Result<T, RowProblem> {
        self.read(field, parse, label)?.ok_or_else(|| RowProblem {
            column: field.name().to_string(),
            value: String::new(),
            reason: "has no column in the mapping".to_string(),
        })
    }

    /// A field whose blank cells mean "not given".
    pub fn optional<T, E: Display>(
        &mut self,
        field: FieldKey,
        parse: impl FnOnce(&str) -> Result<T, E>,
        label: impl FnOnce(&T) -> Option<String>,
    ) -> Result<Option<T>, RowProblem> {
        let parse_unless_blank = |text: &str| match text {
            "" => Ok(None),
            text => parse(text).map(Some),
        };
        let label_given = |value: &Option<T>| value.as_ref().and_then(label);
        Ok(self.read(field, parse_unless_blank, label_given)?.flatten())
    }

    pub fn text(&mut self, field: FieldKey) -> Result<String, RowProblem> {
        self.required(field, non_blank, no_label)
    }

    pub fn date(&mut self, field: FieldKey) -> Result<NaiveDate, RowProblem> {
        let format = self.mapping.date_format;
        self.required(field, |t| format.parse(t), no_label)
    }

    pub fn count(&mut self, field: FieldKey) -> Result<CountValue, RowProblem> {
        self.required(field, values::count, suppressed_label)
    }

    pub fn optional_count(&mut self, field: FieldKey) -> Result<Option<CountValue>, RowProblem> {
        self.optional(field, values::count, suppressed_label)
    }

    pub fn yes_no(&mut self, field: FieldKey) -> Result<Option<bool>, RowProblem> {
        let blank_is_error = self.mapping.blank_yes_no_is_error;
        Ok(self
            .read(
                field,
                |t| values::yes_no(t, blank_is_error),
                |v| Some(values::yes_no_label(*v).to_string()),
            )?
            .flatten())
    }
}

/// The text of a cell that must not be blank.
pub fn non_blank(text: &str) -> Result<String, ValueProblem> {
    if text.is_empty() {
        Err(ValueProblem::Blank)
    } else {
        Ok(text.to_string())
    }
}

/// For values whose reading is not worth listing in the normalisation table.
pub fn no_label<T>(_: &T) -> Option<String> {
    None
}

/// A count is listed in the normalisation table only when suppressed.
pub fn suppressed_label(value: &CountValue) -> Option<String> {
    value.is_suppressed().then(|| "Suppressed".to_string())
}
