//! One import batch, all or nothing: the files the user chose are parsed, one after the
//! other, on a worker thread while this thread writes them, inside one transaction (a
//! savepoint per file). Content imported before is recognised before it is parsed (see
//! [`known`]) or, failing that, by its SHA-256 after, and changes nothing; a police file
//! covering a (force, month) already present replaces it; counts the pages read are kept
//! current. Cancel, an I/O error or a crash leaves the assessment file exactly as it was.

mod batch;
mod boundary_file;
mod file_summary;
mod file_writer;
mod hasher;
mod indicator_rows;
mod known;
mod notes;
mod partner_rows;
mod read_as;
mod read_files;
mod replace;
mod report;
mod simple_rows;
mod street_rows;
#[cfg(test)]
mod tests;
mod worker;

pub use report::{FileOutcome, FileReport, ImportReport, Progress};

/// The `sources.kind` of police.uk street files.
pub const KIND_POLICE_STREET: &str = "police_street";

use super::field_mappings::load_field_mappings;
use super::interner::Interners;
use super::month_counts::PendingCounts;
use super::partner::load_mappings;
use super::writeback::EarlyWriteback;
use super::writer::IncidentInserts;
use super::{Store, StoreError};
use crate::import::content_hash::Digests;
use crate::import::inputs::{discover, InputFile};
use crate::import::kind::FileKind;
use batch::{Channel, Message};
use crossbeam_channel::{bounded, Receiver, Sender};
use file_writer::{already_imported, FileWriter};
use hasher::{hash_files, HashJob};
use known::KnownContent;
use read_as::{MappingChoice, ReadAs};
use read_files::{read_files, ReadJob};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

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
    let discovery = discover(paths)?;
    let bytes_read = AtomicU64::new(0);
    let tx = store.conn.transaction()?;
    let known = KnownContent::load(&tx)?;
    let job = ReadJob {
        files: &discovery.files,
        read_as: ReadAs {
            kind: options.kind,
            table: &options.table,
        },
        mappings: MappingChoice {
            given: given.as_ref(),
            saved: &saved,
            given_fields,
            saved_fields: &saved_fields,
        },
        known: &known,
        bytes_read: &bytes_read,
    };
    let mut writing = Writing {
        report: ImportReport {
            skipped: discovery.skipped.clone(),
            ..ImportReport::default()
        },
        counts: PendingCounts::default(),
        status: Progress {
            file_count: discovery.files.len(),
            bytes_total: discovery.total_bytes(),
            ..Progress::default()
        },
        started: Instant::now(),
        writeback: EarlyWriteback::for_connection(&tx),
    };
    let (sender, receiver) = bounded::<Message>(8);
    let (dimensions, dimensions_receiver) = bounded::<Interners>(1);
    let (to_hasher, hash_jobs) = bounded::<HashJob>(8);
    let (digests_sender, digests) = bounded::<Digests>(4);
    std::thread::scope(|scope| -> Result<(), StoreError> {
        let worker = std::thread::Builder::new()
            .name("import-parser".into())
            .spawn_scoped(scope, || {
                let channel = Channel {
                    sender,
                    hasher: to_hasher,
                    cancel,
                };
                read_files(&job, dimensions_receiver, &channel);
            })
            .map_err(|e| StoreError::Worker(e.to_string()))?;
        let hasher = std::thread::Builder::new()
            .name("import-hasher".into())
            .spawn_scoped(scope, || hash_files(hash_jobs, digests_sender))
            .map_err(|e| StoreError::Worker(e.to_string()))?;
        // The channels are moved in here, so they are closed however this ends (even by
        // a panic): a worker waiting on any of them is released, and joined below.
        let written =
            writing.write_files(&tx, &job, (receiver, digests, dimensions), cancel, progress);
        for (thread, what) in [(worker, "reader"), (hasher, "hasher")] {
            thread.join().map_err(|panic| {
                StoreError::Worker(format!(
                    "the file {what} crashed: {}",
                    panic_message(panic.as_ref())
                ))
            })?;
        }
        written
    })?;
    if cancel.load(Ordering::Relaxed) {
        return Err(StoreError::Cancelled);
    }
    writing.writeback.all_written();
    writing.counts.flush(&tx)?;
    add_coverage_notes(&tx, &mut writing.report)?;
    tx.commit()?;
    Ok(writing.report)
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

/// Count cells a batch gathers across files before they are written (bounds memory).
const MAX_BATCH_COUNT_CELLS: usize = 1 << 20;

/// The writer's side of a batch.
struct Writing {
    report: ImportReport,
    /// Count changes of the files kept so far, not yet written.
    counts: PendingCounts,
    status: Progress,
    started: Instant,
    writeback: EarlyWriteback,
}

impl Writing {
    /// Store what the worker sends, file by file, until it is done.
    fn write_files(
        &mut self,
        tx: &rusqlite::Transaction<'_>,
        job: &ReadJob<'_>,
        (receiver, digests, dimensions): (Receiver<Message>, Receiver<Digests>, Sender<Interners>),
        cancel: &AtomicBool,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<(), StoreError> {
        let mut open: Option<FileWriter<'_>> = None;
        let mut inserts = IncidentInserts::new(tx);
        for message in receiver {
            if cancel.load(Ordering::Relaxed) {
                return Ok(());
            }
            match message {
                Message::Unchanged { index, earlier } => {
                    let file = job.files.get(index).ok_or_else(out_of_step)?;
                    self.report.files.push(already_imported(file, earlier));
                    self.show(index, file, job.bytes_read, 0, progress);
                }
                // Loaded only when a file is to be parsed: an unchanged folder never needs
                // them. Dropping the sender (an error here) releases the waiting worker.
                Message::NeedDimensions => {
                    let _ = dimensions.send(Interners::load(tx)?);
                }
                Message::Start(index) => {
                    let file = job.files.get(index).ok_or_else(out_of_step)?;
                    open = Some(FileWriter::start(tx, file)?);
                    self.show(index, file, job.bytes_read, 0, progress);
                }
                Message::Rows(batch) => {
                    let writer = open.as_mut().ok_or_else(out_of_step)?;
                    let rows = batch.len() as u64;
                    writer.write(batch, &mut inserts)?;
                    self.writeback.batch_written();
                    #[cfg(test)]
                    tests::panic_if_asked(writer.name(), "inject-writer-panic");
                    let (index, file) = (
                        self.status.file_index,
                        job.files.get(self.status.file_index),
                    );
                    if let Some(file) = file {
                        self.show(index, file, job.bytes_read, rows, progress);
                    }
                }
                Message::End(parsed) => {
                    let writer = open.take().ok_or_else(out_of_step)?;
                    let digests = digests.recv().map_err(|_| out_of_step())?;
                    let report = writer.finish(parsed, digests, &mut self.counts)?;
                    self.report.files.push(report);
                    if self.counts.len() > MAX_BATCH_COUNT_CELLS {
                        self.counts.flush(tx)?;
                    }
                }
            }
        }
        if open.is_some() && !cancel.load(Ordering::Relaxed) {
            // The worker stopped inside a file: its panic is reported by the caller.
            return Err(StoreError::Worker(
                "the file reader stopped inside a file".into(),
            ));
        }
        Ok(())
    }

    fn show(
        &mut self,
        index: usize,
        file: &InputFile,
        bytes_read: &AtomicU64,
        rows: u64,
        progress: &mut dyn FnMut(&Progress),
    ) {
        let status = &mut self.status;
        if status.file_index != index || status.file_name.is_empty() {
            status.file_index = index;
            status.file_name = file.display_name.clone();
        }
        status.rows += rows;
        status.bytes_read = bytes_read.load(Ordering::Relaxed);
        status.elapsed = self.started.elapsed();
        progress(status);
    }
}

fn out_of_step() -> StoreError {
    StoreError::Worker("the file reader and writer lost step".into())
}

/// The text a panic was raised with, for the sentence that reports it.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no reason given".into())
}
