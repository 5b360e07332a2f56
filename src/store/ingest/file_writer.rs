//! The writer's side of one file of a batch, from the worker's `Start` to its `End`: a
//! savepoint and the provenance record, the rows as they come, and at
//! the end the file either kept — replacements made, counts handed to the batch, the record
//! completed — or rolled back to the savepoint, leaving nothing of it behind.

use super::batch::Batch;
use super::file_summary::FileSummary;
use super::notes;
use super::replace;
use super::report::{FileOutcome, FileReport};
use crate::import::content_hash::Digests;
use crate::import::inputs::InputFile;
use crate::import::kind::FileKind;
use crate::import::ImportError;
use crate::store::boundaries::write_boundary_rows;
use crate::store::geography::{write_lookup_rows, write_population_rows};
use crate::store::month_counts::PendingCounts;
use crate::store::partner::{replace_overlap, write_records};
use crate::store::writer::{BatchWriter, IncidentInserts, RejectedRecord};
use crate::store::StoreError;
use rusqlite::{Connection, OptionalExtension};

/// Rejected rows kept in the report for display (all are in the file).
const REJECTED_EXAMPLES: usize = 20;

/// One file being written.
pub struct FileWriter<'c> {
    conn: &'c Connection,
    file: &'c InputFile,
    source_id: i64,
    first_rowid: i64,
    writer: BatchWriter<'c>,
    examples: Vec<RejectedRecord>,
    replaced_areas: u64,
    /// The file's count changes, handed to the batch only if the file is kept.
    counts: PendingCounts,
}

impl<'c> FileWriter<'c> {
    /// Open the file's savepoint and provenance record.
    pub fn start(conn: &'c Connection, file: &'c InputFile) -> Result<Self, StoreError> {
        conn.execute_batch("SAVEPOINT file")?;
        let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        conn.execute(
            "INSERT INTO sources (file_name, kind, sha256, imported_at, bytes, rows_accepted, rows_rejected,
                                  rows_replaced, rows_current)
             VALUES (?1, 'pending', '', ?2, 0, 0, 0, 0, 0)",
            rusqlite::params![file.display_name, now],
        )?;
        let source_id = conn.last_insert_rowid();
        // SQLite numbers appended rows from here on (one past the largest rowid).
        let first_rowid: i64 =
            conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM incident", [], |r| {
                r.get(0)
            })?;
        Ok(FileWriter {
            conn,
            file,
            source_id,
            first_rowid,
            writer: BatchWriter::new(conn, source_id),
            examples: Vec::new(),
            replaced_areas: 0,
            counts: PendingCounts::default(),
        })
    }

    #[cfg(test)]
    pub fn name(&self) -> &str {
        &self.file.display_name
    }

    /// Write one batch of the file's rows (the fact table's through `inserts`).
    pub fn write(
        &mut self,
        mut batch: Batch,
        inserts: &mut IncidentInserts<'c>,
    ) -> Result<(), StoreError> {
        let writer = &mut self.writer;
        writer.write_dimensions(&batch.dimensions)?;
        writer.write_incidents(inserts, &batch.rows)?;
        writer.write_rejected(&batch.rejected)?;
        if self.counts.is_empty() {
            self.counts = std::mem::take(&mut batch.counts);
        } else {
            // A large file's counts come in parts: the first is kept for the batch, the
            // rest stored at once (additions only, so no cell is seen below zero).
            batch.counts.flush(self.conn)?;
        }
        let (conn, source_id) = (self.conn, self.source_id);
        self.replaced_areas += write_lookup_rows(conn, source_id, &batch.lookups)?;
        self.replaced_areas += write_population_rows(conn, source_id, &batch.populations)?;
        write_records(conn, source_id, &batch.partner)?;
        self.replaced_areas += write_boundary_rows(conn, source_id, &batch.boundaries)?;
        if self.examples.len() < REJECTED_EXAMPLES {
            let room = REJECTED_EXAMPLES - self.examples.len();
            self.examples
                .extend(batch.rejected.iter().take(room).cloned());
        }
        Ok(())
    }

    /// The worker's verdict on the file: keep it, or roll it back (rejected, or its
    /// content imported before). A kept file's counts join `batch_counts`.
    pub fn finish(
        mut self,
        parsed: Result<FileSummary, ImportError>,
        digests: Digests,
        batch_counts: &mut PendingCounts,
    ) -> Result<FileReport, StoreError> {
        let result = self.complete(parsed, digests);
        let keep = matches!(&result, Ok(r) if matches!(r.outcome, FileOutcome::Imported { .. }));
        if keep {
            self.conn.execute_batch("RELEASE file")?;
            batch_counts.merge(std::mem::take(&mut self.counts));
        } else if let Err(rollback) = self.conn.execute_batch("ROLLBACK TO file; RELEASE file") {
            // After an error SQLite may already have rolled the whole transaction back (a
            // full disk does): then the first error is the one to report.
            return Err(match result {
                Err(first) => first,
                Ok(_) => rollback.into(),
            });
        }
        result
    }

    fn complete(
        &mut self,
        parsed: Result<FileSummary, ImportError>,
        digests: Digests,
    ) -> Result<FileReport, StoreError> {
        let (conn, file, source_id) = (self.conn, self.file, self.source_id);
        let summary = match parsed {
            Ok(summary) => summary,
            Err(ImportError::BadFile { reason, .. }) => {
                let outcome = FileOutcome::Rejected { reason };
                return Ok(report(&file.display_name, outcome, Vec::new()));
            }
            Err(other) => return Err(other.into()),
        };
        let kind = summary.kind.source_kind();
        let sha256 = digests.sha256.clone().unwrap_or_default();
        // A workbook's sheet is listed as "book.xlsx, sheet Data".
        let name = summary
            .source_name
            .clone()
            .unwrap_or_else(|| file.display_name.clone());
        // Content the worker could not recognise before parsing (a partner file, or the
        // same file twice in one batch).
        if let Some((earlier_name, imported_at)) = earlier_import(conn, kind, &sha256)? {
            let outcome = FileOutcome::AlreadyImported {
                earlier_name,
                imported_at,
            };
            return Ok(report(&name, outcome, vec![NOTHING_CHANGED.into()]));
        }
        if summary.kind == FileKind::PoliceStreet {
            self.check_rowids(summary.accepted)?;
        }
        let (replaced, mut notes) = if summary.kind == FileKind::PoliceStreet {
            let replaced = replace::replace_earlier_months(
                conn,
                source_id,
                &summary.force_months,
                &mut self.counts,
            )?;
            replace::record_force_months(conn, source_id, self.first_rowid, &summary.force_months)?;
            replaced
        } else if let Some(partner) = &summary.partner {
            replace_overlap(conn, source_id, partner.layout, &partner.coverage())?
        } else {
            let replaced = self.replaced_areas;
            let notes = (replaced > 0)
                .then(|| format!("{replaced} areas imported earlier were updated by this file"))
                .into_iter()
                .collect();
            (replaced, notes)
        };
        notes.splice(
            0..0,
            notes::summary_notes(&summary, summary.windows_1252_values),
        );
        let partner_span = summary.partner.as_ref().and_then(|p| p.span());
        let months = summary.force_months.keys().map(|k| k.1);
        let first_month = months.clone().min().or(partner_span.map(|s| s.0));
        let last_month = months.max().or(partner_span.map(|s| s.1));
        conn.execute(
            "UPDATE sources SET kind = ?10, sha256 = ?2, bytes = ?3, rows_accepted = ?4, rows_rejected = ?5,
                    rows_replaced = ?6, rows_current = ?4, first_month = ?7, last_month = ?8, notes = ?9,
                    fingerprint = ?11, zip_crc32 = ?12, file_name = ?13
             WHERE id = ?1",
            rusqlite::params![
                source_id,
                sha256,
                summary.bytes as i64,
                summary.accepted as i64,
                summary.rejected as i64,
                replaced as i64,
                first_month,
                last_month,
                notes.join("\n"),
                kind,
                digests.fingerprint,
                file.zip_crc32,
                name,
            ],
        )?;
        let outcome = FileOutcome::Imported {
            source_id,
            accepted: summary.accepted,
            rejected: summary.rejected,
            replaced,
            first_month,
            last_month,
        };
        let mut done = report(&name, outcome, notes);
        done.rejected_examples = std::mem::take(&mut self.examples);
        Ok(done)
    }
}

impl FileWriter<'_> {
    /// The file's rows must sit at `first_rowid..first_rowid + rows` (where
    /// `source_month` says they are); SQLite guarantees it for appended rows, and this
    /// makes sure before it is recorded.
    fn check_rowids(&self, rows: u64) -> Result<(), StoreError> {
        let last: Option<i64> = self
            .conn
            .query_row("SELECT max(id) FROM incident", [], |r| r.get(0))?;
        if last.unwrap_or(0) != self.first_rowid - 1 + rows as i64 {
            return Err(StoreError::Corrupt(format!(
                "the rows of {} were not stored where expected",
                self.file.display_name
            )));
        }
        Ok(())
    }
}

const NOTHING_CHANGED: &str = "this content was imported before: nothing changed";

fn report(name: &str, outcome: FileOutcome, notes: Vec<String>) -> FileReport {
    FileReport {
        name: name.to_string(),
        outcome,
        notes,
        rejected_examples: Vec::new(),
    }
}

/// The report of a file recognised as unchanged before it was parsed.
pub fn already_imported(file: &InputFile, earlier: super::known::EarlierImport) -> FileReport {
    let outcome = FileOutcome::AlreadyImported {
        earlier_name: earlier.name,
        imported_at: earlier.imported_at,
    };
    report(&file.display_name, outcome, vec![NOTHING_CHANGED.into()])
}

fn earlier_import(
    conn: &Connection,
    kind: &str,
    sha256: &str,
) -> Result<Option<(String, String)>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT file_name, imported_at FROM sources WHERE kind = ?1 AND sha256 = ?2",
            [kind, sha256],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}
