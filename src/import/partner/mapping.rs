//! A column mapping: which column of a partner's CSV holds which field of a reference
//! layout, and how its dates are written. Saved by name (as JSON, by the store) and found
//! again by the header's signature when the same layout of file comes next year.
//!
//! Building and checking mappings only; rows are read in `parse`.

use super::dates::{DateDetection, DateFormat};
use super::layout::{match_header, normalise_header, FieldKey, PartnerLayout, ValueKind};
use crate::import::text::{decode_cell, trim_bytes};
use csv::ByteRecord;
use serde::{Deserialize, Serialize};

/// What one column is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnTarget {
    Field(FieldKey),
    Ignore,
}

/// How to read one partner file layout into one reference layout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMapping {
    /// The analyst's name for it, e.g. "Other force DA extract".
    pub name: String,
    pub layout: PartnerLayout,
    /// [`header_signature`] of the header it was made for.
    pub header_signature: String,
    /// The header as written, for messages and the mapping screen.
    pub header: Vec<String>,
    /// (0-based column, what it holds). Columns not listed are ignored.
    pub columns: Vec<(usize, ColumnTarget)>,
    pub date_format: DateFormat,
    /// Whether a blank yes/no cell rejects the row instead of meaning "not known".
    #[serde(default)]
    pub blank_yes_no_is_error: bool,
}

/// Why a mapping cannot be used. `Display` is the analyst's sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    #[error("the header is not the {layout} reference layout: no column for {}", .missing.join(", "))]
    NotReferenceLayout {
        layout: PartnerLayout,
        missing: Vec<&'static str>,
    },
    #[error("{field} is required but no column is mapped to it")]
    RequiredFieldUnmapped { field: &'static str },
    #[error("{field} is mapped to more than one column ({})", .columns.join(", "))]
    FieldMappedTwice {
        field: &'static str,
        columns: Vec<String>,
    },
    #[error("column \"{column}\" is mapped more than once")]
    ColumnMappedTwice { column: String },
    #[error("column {column} does not exist: the header has {width} columns")]
    NoSuchColumn { column: usize, width: usize },
    #[error("{field} is a field of {field_layout}, not of {layout}")]
    OtherLayoutField {
        field: &'static str,
        field_layout: PartnerLayout,
        layout: PartnerLayout,
    },
}

/// The header reduced to what identifies it: each name normalised (case, spacing and
/// punctuation dropped), joined by `|`.
pub fn header_signature(header: &[String]) -> String {
    header
        .iter()
        .map(|h| normalise_header(h))
        .collect::<Vec<_>>()
        .join("|")
}

impl ColumnMapping {
    /// A mapping with every column ignored, for the analyst to fill in. Dates default to
    /// UK day/month/year until detected or chosen.
    pub fn new(name: impl Into<String>, layout: PartnerLayout, header: &[String]) -> Self {
        ColumnMapping {
            name: name.into(),
            layout,
            header_signature: header_signature(header),
            header: header.to_vec(),
            columns: (0..header.len())
                .map(|c| (c, ColumnTarget::Ignore))
                .collect(),
            date_format: DateFormat::DayMonthYear,
            blank_yes_no_is_error: false,
        }
    }

    /// The mapping of a header that is a reference layout (names matched as in
    /// [`match_header`]). Dates are assumed ISO (`2023-04-17`), the reference form; call
    /// [`ColumnMapping::detect_date_format`] on the first rows to check.
    pub fn from_reference(layout: PartnerLayout, header: &[String]) -> Result<Self, MappingError> {
        let matched = match_header(layout, header);
        if !matched.is_complete() {
            return Err(MappingError::NotReferenceLayout {
                layout,
                missing: matched.missing.iter().map(|f| f.name()).collect(),
            });
        }
        let mut mapping = ColumnMapping::new(layout.name(), layout, header);
        for (field, column) in matched.found {
            mapping.set(column, ColumnTarget::Field(field));
        }
        mapping.date_format = DateFormat::Iso;
        Ok(mapping)
    }

    /// Use `column` for `target`, replacing what it was used for.
    pub fn set(&mut self, column: usize, target: ColumnTarget) {
        match self.columns.iter_mut().find(|(c, _)| *c == column) {
            Some(entry) => entry.1 = target,
            None => {
                self.columns.push((column, target));
                self.columns.sort_by_key(|(c, _)| *c);
            }
        }
    }

    pub fn target_of(&self, column: usize) -> ColumnTarget {
        self.columns
            .iter()
            .find(|(c, _)| *c == column)
            .map_or(ColumnTarget::Ignore, |(_, t)| *t)
    }

    /// The column a field is read from (the first, if a faulty mapping has several).
    pub fn column_of(&self, field: FieldKey) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, t)| *t == ColumnTarget::Field(field))
            .map(|(c, _)| *c)
    }

    /// The header name of a column, or "column N" (1-based) when it has none.
    pub fn column_name(&self, column: usize) -> String {
        match self.header.get(column).map(|h| h.trim()) {
            Some(name) if !name.is_empty() => name.to_string(),
            _ => format!("column {}", column + 1),
        }
    }

    /// Whether this mapping was made for a header like this one.
    pub fn matches_header(&self, header: &[String]) -> bool {
        self.header_signature == header_signature(header)
    }

    /// Every problem that stops the mapping being used, or `Ok` when it can be.
    pub fn validate(&self) -> Result<(), Vec<MappingError>> {
        let mut problems = Vec::new();
        let width = self.header.len();
        // A set, not a list: a header can have tens of thousands of columns.
        let mut seen_columns = std::collections::HashSet::new();
        for (column, target) in &self.columns {
            if *column >= width {
                problems.push(MappingError::NoSuchColumn {
                    column: column + 1,
                    width,
                });
            }
            if !seen_columns.insert(*column) {
                problems.push(MappingError::ColumnMappedTwice {
                    column: self.column_name(*column),
                });
            }
            if let ColumnTarget::Field(field) = target {
                if field.layout() != self.layout {
                    problems.push(MappingError::OtherLayoutField {
                        field: field.name(),
                        field_layout: field.layout(),
                        layout: self.layout,
                    });
                }
            }
        }
        for spec in self.layout.fields() {
            let columns: Vec<String> = self
                .columns
                .iter()
                .filter(|(_, t)| *t == ColumnTarget::Field(spec.key))
                .map(|(c, _)| format!("\"{}\"", self.column_name(*c)))
                .collect();
            if columns.len() > 1 {
                problems.push(MappingError::FieldMappedTwice {
                    field: spec.name,
                    columns,
                });
            } else if columns.is_empty() && spec.required {
                problems.push(MappingError::RequiredFieldUnmapped { field: spec.name });
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// Look at the date columns of the first rows and set the date format to the one that
    /// reads the most cells. `None` (format unchanged) when there are no date cells.
    pub fn detect_date_format(&mut self, sample: &[ByteRecord]) -> Option<DateDetection> {
        let date_columns: Vec<usize> = self
            .columns
            .iter()
            .filter(|(_, t)| matches!(t, ColumnTarget::Field(f) if f.kind() == ValueKind::Date))
            .map(|(c, _)| *c)
            .collect();
        let cells: Vec<String> = sample
            .iter()
            .flat_map(|record| {
                date_columns.iter().filter_map(|&c| {
                    record
                        .get(c)
                        .map(|bytes| decode_cell(trim_bytes(bytes)).0.into_owned())
                })
            })
            .collect();
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        let detection = DateFormat::detect(&cells);
        if detection.matched == 0 {
            return None;
        }
        self.date_format = detection.format;
        Some(detection)
    }
}

/// The saved mapping made for this header, if any (the first one, when several match).
pub fn find_for_header<'a>(
    saved: &'a [ColumnMapping],
    header: &[String],
) -> Option<&'a ColumnMapping> {
    let signature = header_signature(header);
    saved.iter().find(|m| m.header_signature == signature)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Vec<String> {
        text.split(',').map(String::from).collect()
    }

    const OTHER_FORCE: &str =
        "Occurrence No,Date Reported,Beat,Gender,Age,Crime?,LSOA,DASH,MARAC ref,Repeat";

    fn other_force_mapping() -> ColumnMapping {
        let mut m = ColumnMapping::new(
            "Other force",
            PartnerLayout::DomesticAbuse,
            &header(OTHER_FORCE),
        );
        for (column, field) in [
            (0, FieldKey::DaReference),
            (1, FieldKey::DaDate),
            (3, FieldKey::DaVictimSex),
            (4, FieldKey::DaVictimAgeBand),
            (5, FieldKey::DaCrimeFlag),
            (6, FieldKey::DaAreaCode),
            (7, FieldKey::DaRiskLevel),
            (8, FieldKey::DaReferredToMarac),
            (9, FieldKey::DaRepeatVictim),
        ] {
            m.set(column, ColumnTarget::Field(field));
        }
        m
    }

    #[test]
    fn reference_mapping_of_each_layout_is_valid() {
        for layout in PartnerLayout::ALL {
            let h: Vec<String> = layout
                .reference_header()
                .into_iter()
                .map(String::from)
                .collect();
            let m = ColumnMapping::from_reference(layout, &h).unwrap();
            assert_eq!(m.validate(), Ok(()));
            assert_eq!(m.columns.len(), h.len());
            assert!(m.matches_header(&h));
        }
    }

    #[test]
    fn from_reference_says_what_is_missing() {
        let err = ColumnMapping::from_reference(
            PartnerLayout::DomesticAbuse,
            &header("Occurrence No,Date Reported,LSOA"),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "the header is not the Domestic abuse incidents reference layout: no column for Crime or non-crime"
        );
    }

    #[test]
    fn a_hand_made_mapping_validates() {
        let m = other_force_mapping();
        assert_eq!(m.validate(), Ok(()));
        assert_eq!(m.target_of(2), ColumnTarget::Ignore);
        assert_eq!(m.column_of(FieldKey::DaRiskLevel), Some(7));
        assert_eq!(m.column_name(7), "DASH");
    }

    #[test]
    fn validation_names_every_problem() {
        let mut m = other_force_mapping();
        m.set(2, ColumnTarget::Field(FieldKey::DaDate));
        m.set(0, ColumnTarget::Ignore);
        m.columns.push((3, ColumnTarget::Ignore));
        m.columns
            .push((12, ColumnTarget::Field(FieldKey::AsbCategory)));
        let problems = m.validate().unwrap_err();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(text.contains(&"column \"Gender\" is mapped more than once".to_string()));
        assert!(text.contains(&"column 13 does not exist: the header has 10 columns".to_string()));
        assert!(text.contains(
            &"Category is a field of Council ASB cases, not of Domestic abuse incidents"
                .to_string()
        ));
        assert!(text.contains(
            &"Date is mapped to more than one column (\"Date Reported\", \"Beat\")".to_string()
        ));
        assert!(text.contains(&"Reference is required but no column is mapped to it".to_string()));
        assert_eq!(problems.len(), 5, "{text:?}");
    }

    #[test]
    fn mappings_round_trip_through_json_and_are_found_by_header() {
        let m = other_force_mapping();
        let json = serde_json::to_string(&m).unwrap();
        assert!(json.contains("\"layout\":\"domestic_abuse\""));
        assert!(json.contains("{\"field\":\"da_risk_level\"}"));
        assert!(json.contains("\"date_format\":\"day_month_year\""));
        let back: ColumnMapping = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);

        let saved = vec![back];
        let same = header(
            "occurrence no , DATE_REPORTED,Beat,gender,Age,Crime,LSOA,Dash,MARAC Ref,REPEAT",
        );
        assert_eq!(
            find_for_header(&saved, &same).map(|m| m.name.as_str()),
            Some("Other force")
        );
        let different = header("Occurrence No,Date Reported,Beat");
        assert!(find_for_header(&saved, &different).is_none());
    }

    #[test]
    fn older_saved_mappings_default_the_blank_rule() {
        let m = other_force_mapping();
        let mut value = serde_json::to_value(&m).unwrap();
        value
            .as_object_mut()
            .unwrap()
            .remove("blank_yes_no_is_error");
        let back: ColumnMapping = serde_json::from_value(value).unwrap();
        assert!(!back.blank_yes_no_is_error);
    }

    #[test]
    fn date_format_is_detected_from_the_date_columns() {
        let mut m = other_force_mapping();
        let rows: Vec<ByteRecord> = ["17/04/2023", "03/05/2023", ""]
            .iter()
            .map(|d| {
                ByteRecord::from(vec![
                    "R1",
                    d,
                    "",
                    "F",
                    "30",
                    "Y",
                    "E01000001",
                    "H",
                    "N",
                    "N",
                ])
            })
            .collect();
        m.date_format = DateFormat::Iso;
        let detection = m.detect_date_format(&rows).unwrap();
        assert_eq!(detection.matched, 2);
        assert_eq!(m.date_format, DateFormat::DayMonthYear);
        assert_eq!(m.detect_date_format(&[]), None);
    }
}
