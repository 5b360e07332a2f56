//! One import batch, all or nothing: the files the user chose are parsed on a worker
//! thread while this thread writes them, inside one transaction (a savepoint per file).
//! Re-imported content is recognised by its SHA-256 and changes nothing; a police file
//! covering a (force, month) already present replaces it; counts the pages read are kept
//! current. Cancel, an I/O error or a crash leaves the assessment file exactly as it was.

mod boundary_file;
mod notes;
mod partner_rows;
mod replace;
mod report;
#[cfg(test)]
mod tests;
mod worker;

pub use report::{FileOutcome, FileReport, ImportReport, Progress};

/// The `sources.kind` of police.uk street files.
pub const KIND_POLICE_STREET: &str = "police_street";

use super::boundaries::write_boundary_rows;
use super::field_mappings::load_field_mappings;
use super::geography::{write_lookup_rows, write_population_rows};
use super::interner::Interners;
use super::month_counts;
use super::partner::{load_mappings, replace_overlap, write_records};
use super::writer::{BatchWriter, RejectedRecord};
use super::{Store, StoreError};
use crate::import::inputs::{discover, InputFile};
use crate::import::kind::FileKind;
use crate::import::reader::ContentHasher;
use crate::import::ImportError;
use crossbeam_channel::bounded;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;
use worker::{Batch, FileSummary, MappingChoice};

/// Rejected rows kept in the report for display (all are in the file).
const REJECTED_EXAMPLES: usize = 20;

/// Import files, folders and zips into the assessment file as one batch, each file's kind
/// recognised from its header.
pub fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(&Progress),
) -> Result<ImportReport, StoreError> {
    import_paths_as(store, paths, None, cancel, progress)
}

/// Like [`import_paths`], with every file read as `kind` when one is given.
pub fn import_paths_as(
    store: &mut Store,
    paths: &[PathBuf],
    kind: Option<FileKind>,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(&Progress),
) -> Result<ImportReport, StoreError> {
    let options = ImportOptions {
        kind,
        ..ImportOptions::default()
    };
    import_paths_with(store, paths, &options, cancel, progress)
}

/// How a batch reads its files beyond what their headers say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Read every file as this kind.
    pub kind: Option<FileKind>,
    /// The saved column mapping to read files with that are not a layout the app knows.
    pub mapping: Option<String>,
    /// The sheet of a workbook and any CSV dialect the analyst chose.
    pub table: crate::import::table::TableOptions,
}

/// Like [`import_paths`], with the options given. A failed batch is rolled back and the
/// rollback finished before this returns.
pub fn import_paths_with(
    store: &mut Store,
    paths: &[PathBuf],
    options: &ImportOptions,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(&Progress),
) -> Result<ImportReport, StoreError> {
    let result = import_batch(store, paths, options, cancel, progress);
    if result.is_err() {
        store.finish_rollback();
    }
    result
}

fn import_batch(
    store: &mut Store,
    paths: &[PathBuf],
    options: &ImportOptions,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(&Progress),
) -> Result<ImportReport, StoreError> {
    store.check_writable()?;
    let kind = options.kind;
    let saved = load_mappings(&store.conn)?;
    let saved_fields = load_field_mappings(&store.conn)?;
    let given_fields = options
        .mapping
        .as_ref()
        .and_then(|name| saved_fields.iter().find(|m| &m.name == name));
    let given = match &options.mapping {
        Some(name) if given_fields.is_none() => Some(store.mapping(name)?),
        _ => None,
    };
    let mappings = MappingChoice {
        given: given.as_ref(),
        saved: &saved,
        given_fields,
        saved_fields: &saved_fields,
    };
    let discovery = discover(paths)?;
    let started = Instant::now();
    let bytes_read = AtomicU64::new(0);
    let mut status = Progress {
        file_count: discovery.files.len(),
        bytes_total: discovery.total_bytes(),
        ..Progress::default()
    };
    let tx = store.conn.transaction()?;
    let mut interners = Interners::load(&tx)?;
    let mut report = ImportReport {
        skipped: discovery.skipped.clone(),
        ..ImportReport::default()
    };
    for (index, file) in discovery.files.iter().enumerate() {
        status.file_index = index;
        status.file_name = file.display_name.clone();
        let mut on_rows = |rows: u64| {
            status.rows += rows;
            status.bytes_read = bytes_read.load(Ordering::Relaxed);
            status.elapsed = started.elapsed();
            progress(&status);
        };
        let job = FileJob {
            file,
            kind,
            table: &options.table,
            mappings,
            bytes_read: &bytes_read,
            cancel,
        };
        let file_report = import_one(&tx, &job, &mut interners, &mut on_rows)?;
        if !matches!(file_report.outcome, FileOutcome::Imported { .. }) {
            // The file's savepoint was rolled back: forget ids it had interned.
            interners = Interners::load(&tx)?;
        }
        report.files.push(file_report);
    }
    if cancel.load(Ordering::Relaxed) {
        return Err(StoreError::Cancelled);
    }
    add_coverage_notes(&tx, &mut report)?;
    tx.commit()?;
    Ok(report)
}

/// After the whole batch: how the populations and lookups imported cover the police data,
/// in their notes (and the sources' stored notes).
fn add_coverage_notes(
    conn: &rusqlite::Connection,
    report: &mut ImportReport,
) -> Result<(), StoreError> {
    for file in &mut report.files {
        let FileOutcome::Imported { source_id, .. } = file.outcome else {
            continue;
        };
        let kind: String =
            conn.query_row("SELECT kind FROM sources WHERE id = ?1", [source_id], |r| {
                r.get(0)
            })?;
        let notes = super::coverage::coverage_notes(conn, &kind, source_id)?;
        if notes.is_empty() {
            continue;
        }
        file.notes.extend(notes);
        conn.execute(
            "UPDATE sources SET notes = ?2 WHERE id = ?1",
            rusqlite::params![source_id, file.notes.join("\n")],
        )?;
    }
    Ok(())
}

/// One file of a batch and what it shares with the rest.
struct FileJob<'a> {
    file: &'a InputFile,
    kind: Option<FileKind>,
    table: &'a crate::import::table::TableOptions,
    mappings: MappingChoice<'a>,
    bytes_read: &'a AtomicU64,
    cancel: &'a AtomicBool,
}

fn import_one(
    tx: &rusqlite::Transaction<'_>,
    job: &FileJob<'_>,
    interners: &mut Interners,
    on_rows: &mut dyn FnMut(u64),
) -> Result<FileReport, StoreError> {
    tx.execute_batch("SAVEPOINT file")?;
    let result = load_file(tx, job, interners, on_rows);
    let keep = matches!(&result, Ok(r) if matches!(r.outcome, FileOutcome::Imported { .. }));
    if keep {
        tx.execute_batch("RELEASE file")?;
    } else if let Err(rollback) = tx.execute_batch("ROLLBACK TO file; RELEASE file") {
        // After an error SQLite may already have rolled the whole transaction back (a
        // full disk does): then the first error is the one to report.
        return Err(match result {
            Err(first) => first,
            Ok(_) => rollback.into(),
        });
    }
    result
}

/// What the writer side learned while writing a file.
#[derive(Default)]
struct Written {
    examples: Vec<RejectedRecord>,
    replaced_areas: u64,
}

fn load_file(
    conn: &rusqlite::Connection,
    job: &FileJob<'_>,
    interners: &mut Interners,
    on_rows: &mut dyn FnMut(u64),
) -> Result<FileReport, StoreError> {
    let file = job.file;
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    conn.execute(
        "INSERT INTO sources (file_name, kind, sha256, imported_at, bytes, rows_accepted, rows_rejected,
                              rows_replaced, rows_current)
         VALUES (?1, 'pending', '', ?2, 0, 0, 0, 0, 0)",
        rusqlite::params![file.display_name, now],
    )?;
    let source_id = conn.last_insert_rowid();
    let first_rowid: i64 =
        conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM incident", [], |r| {
            r.get(0)
        })?;
    let mut writer = BatchWriter::new(conn, source_id)?;
    let mut written = Written::default();
    let mut hasher = ContentHasher::default();
    let (sender, receiver) = bounded::<Batch>(4);
    let parsed = std::thread::scope(
        |scope| -> Result<Result<FileSummary, ImportError>, StoreError> {
            let worker = std::thread::Builder::new()
                .name("import-parser".into())
                .spawn_scoped(scope, || {
                    let channel = worker::Channel {
                        sender,
                        cancel: job.cancel,
                    };
                    worker::parse_file(
                        file,
                        worker::ReadAs {
                            kind: job.kind,
                            table: job.table,
                        },
                        &job.mappings,
                        interners,
                        first_rowid,
                        job.bytes_read,
                        channel,
                    )
                })
                .map_err(|e| StoreError::Worker(e.to_string()))?;
            let mut write_result = Ok(());
            for batch in receiver.iter() {
                if job.cancel.load(Ordering::Relaxed) {
                    break;
                }
                hasher.update(&batch.raw);
                write_result = write_batch(&mut writer, &batch, &mut written);
                #[cfg(test)]
                tests::panic_if_asked(&file.display_name, "inject-writer-panic");
                if write_result.is_err() {
                    break;
                }
                on_rows(batch.len() as u64);
            }
            drop(receiver);
            let parsed = worker.join().map_err(|panic| {
                StoreError::Worker(format!(
                    "the file reader crashed: {}",
                    panic_message(panic.as_ref())
                ))
            })?;
            write_result?;
            Ok(parsed)
        },
    )?;
    drop(writer);
    if job.cancel.load(Ordering::Relaxed) {
        return Err(StoreError::Cancelled);
    }
    let summary = match parsed {
        Ok(summary) => summary,
        Err(ImportError::BadFile { reason, .. }) => {
            return Ok(rejected_file(file, reason));
        }
        Err(other) => return Err(other.into()),
    };
    let kind = summary.kind.source_kind();
    let sha256 = hasher.finish();
    let name = summary
        .source_name
        .clone()
        .unwrap_or_else(|| file.display_name.clone());
    if let Some((earlier_name, imported_at)) = earlier_import(conn, kind, &sha256)? {
        return Ok(FileReport {
            name,
            outcome: FileOutcome::AlreadyImported {
                earlier_name,
                imported_at,
            },
            notes: vec!["this content was imported before: nothing changed".into()],
            rejected_examples: Vec::new(),
        });
    }
    let (replaced, mut notes) = if summary.kind == FileKind::PoliceStreet {
        let replaced = replace::replace_earlier_months(conn, source_id, &summary.force_months)?;
        replace::record_force_months(conn, source_id, &summary.force_months)?;
        replaced
    } else if let Some(partner) = &summary.partner {
        replace_overlap(conn, source_id, partner.layout, &partner.coverage())?
    } else {
        let replaced = written.replaced_areas;
        let notes = (replaced > 0)
            .then(|| format!("{replaced} areas imported earlier were updated by this file"))
            .into_iter()
            .collect();
        (replaced, notes)
    };
    notes.splice(
        0..0,
        notes::summary_notes(&summary, interners.windows_1252_values()),
    );
    let partner_span = summary.partner.as_ref().and_then(|p| p.span());
    let first_month = summary
        .force_months
        .keys()
        .map(|k| k.1)
        .min()
        .or(partner_span.map(|s| s.0));
    let last_month = summary
        .force_months
        .keys()
        .map(|k| k.1)
        .max()
        .or(partner_span.map(|s| s.1));
    conn.execute(
        "UPDATE sources SET kind = ?10, sha256 = ?2, bytes = ?3, rows_accepted = ?4, rows_rejected = ?5,
                rows_replaced = ?6, rows_current = ?4, first_month = ?7, last_month = ?8, notes = ?9,
                file_name = ?11
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
            name
        ],
    )?;
    Ok(FileReport {
        name,
        outcome: FileOutcome::Imported {
            source_id,
            accepted: summary.accepted,
            rejected: summary.rejected,
            replaced,
            first_month,
            last_month,
        },
        notes,
        rejected_examples: written.examples,
    })
}

/// The text a panic was raised with, for the sentence that reports it.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no reason given".into())
}

fn rejected_file(file: &InputFile, reason: String) -> FileReport {
    FileReport {
        name: file.display_name.clone(),
        outcome: FileOutcome::Rejected { reason },
        notes: Vec::new(),
        rejected_examples: Vec::new(),
    }
}

fn write_batch(
    writer: &mut BatchWriter<'_>,
    batch: &Batch,
    written: &mut Written,
) -> Result<(), StoreError> {
    writer.write_dimensions(&batch.dimensions)?;
    writer.write_incidents(&batch.rows)?;
    writer.write_rejected(&batch.rejected)?;
    let conn = writer.connection();
    month_counts::add(conn, &batch.counts)?;
    written.replaced_areas += write_lookup_rows(conn, writer.source_id(), &batch.lookups)?;
    written.replaced_areas += write_population_rows(conn, writer.source_id(), &batch.populations)?;
    write_records(conn, writer.source_id(), &batch.partner)?;
    written.replaced_areas += write_boundary_rows(conn, writer.source_id(), &batch.boundaries)?;
    if written.examples.len() < REJECTED_EXAMPLES {
        let room = REJECTED_EXAMPLES - written.examples.len();
        written
            .examples
            .extend(batch.rejected.iter().take(room).cloned());
    }
    Ok(())
}

fn earlier_import(
    conn: &rusqlite::Connection,
    kind: &str,
    sha256: &str,
) -> Result<Option<(String, String)>, StoreError> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT file_name, imported_at FROM sources WHERE kind = ?1 AND sha256 = ?2",
            [kind, sha256],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}
