//! What the worker learns about a file besides its rows: counts, month forms, notes, the
//! (force, month) runs, and the rejected rows, named in the file's own column words.

use super::batch::Batch;
use crate::import::crime_types::LEGACY_CRIME_TYPES;
use crate::import::field_mapping::FieldMapping;
use crate::import::kind::FileKind;
use crate::import::month::MonthForm;
use crate::import::reader::raw_text;
use crate::store::month_counts::PendingCounts;
use crate::store::writer::RejectedRecord;
use std::collections::BTreeMap;

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
