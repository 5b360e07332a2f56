//! One import batch, all or nothing: the files the user chose are parsed on a worker
//! thread while this thread writes them, inside one transaction (a savepoint per file).
//! Re-imported content is recognised by its SHA-256 and changes nothing; a file covering
//! a (force, month) already present replaces it; counts the pages read are kept current.
//! Cancel, an I/O error or a crash leaves the assessment file exactly as it was.

use super::interner::{Interners, PendingDimensions};
use super::writer::{BatchWriter, IncidentRecord, RejectedRecord};
use super::{Store, StoreError};
use crate::import::crime_types::{crime_type_name, CrimeTypeMatch, LEGACY_CRIME_TYPES};
use crate::import::inputs::{discover, InputFile, SkippedFile};
use crate::import::month::{month_label, MonthForm};
use crate::import::reader::StreetFileReader;
use crate::import::ImportError;
use crossbeam_channel::{bounded, Sender};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The `sources.kind` of police.uk street files.
pub const KIND_POLICE_STREET: &str = "police_street";

const ROWS_PER_BATCH: usize = 8192;
/// Rejected rows kept in the report for display (all are stored in the file).
const REJECTED_EXAMPLES: usize = 20;

/// Where an import has got to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    pub file_index: usize,
    pub file_count: usize,
    pub file_name: String,
    pub rows: u64,
    pub bytes_read: u64,
    pub bytes_total: u64,
    pub elapsed: Duration,
}

impl Progress {
    pub fn fraction(&self) -> f32 {
        if self.bytes_total == 0 {
            0.0
        } else {
            (self.bytes_read as f64 / self.bytes_total as f64).min(1.0) as f32
        }
    }

    pub fn rows_per_second(&self) -> f64 {
        self.rows as f64 / self.elapsed.as_secs_f64().max(1e-3)
    }

    /// Seconds left at the current byte rate, once there is a rate to go on.
    pub fn seconds_left(&self) -> Option<f64> {
        let secs = self.elapsed.as_secs_f64();
        (self.bytes_read > 0 && secs > 0.2).then(|| {
            let rate = self.bytes_read as f64 / secs;
            self.bytes_total.saturating_sub(self.bytes_read) as f64 / rate
        })
    }
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq)]
pub enum FileOutcome {
    Imported {
        source_id: i64,
        accepted: u64,
        rejected: u64,
        replaced: u64,
        first_month: Option<u32>,
        last_month: Option<u32>,
    },
    AlreadyImported {
        earlier_name: String,
        imported_at: String,
    },
    Rejected {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    pub name: String,
    pub outcome: FileOutcome,
    /// Plain sentences: normalisations, mapped names, rows without location, replacements.
    pub notes: Vec<String>,
    /// The first rejected rows (all are in the file's `rejected_row` table).
    pub rejected_examples: Vec<RejectedRecord>,
}

/// The outcome of a whole batch (it was committed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    pub skipped: Vec<SkippedFile>,
}

impl ImportReport {
    /// True when every file was imported (or already present) and no row was rejected.
    pub fn is_clean(&self) -> bool {
        self.files.iter().all(|f| match f.outcome {
            FileOutcome::Imported { rejected, .. } => rejected == 0,
            FileOutcome::AlreadyImported { .. } => true,
            FileOutcome::Rejected { .. } => false,
        })
    }

    pub fn rows_accepted(&self) -> u64 {
        self.sum(|o| match o {
            FileOutcome::Imported { accepted, .. } => *accepted,
            _ => 0,
        })
    }

    pub fn rows_rejected(&self) -> u64 {
        self.sum(|o| match o {
            FileOutcome::Imported { rejected, .. } => *rejected,
            _ => 0,
        })
    }

    pub fn rows_replaced(&self) -> u64 {
        self.sum(|o| match o {
            FileOutcome::Imported { replaced, .. } => *replaced,
            _ => 0,
        })
    }

    fn sum(&self, f: impl Fn(&FileOutcome) -> u64) -> u64 {
        self.files.iter().map(|r| f(&r.outcome)).sum()
    }
}

/// Rows parsed on the worker, with the dimension entries they introduce.
struct Batch {
    dimensions: PendingDimensions,
    rows: Vec<IncidentRecord>,
    rejected: Vec<RejectedRecord>,
    /// (month, crime type, lsoa or 0) → rows, sent when the map grows large and at the end.
    counts: Vec<((u32, u8, u32), i64)>,
}

/// Count groups held on the worker before they are handed to the writer (bounds memory).
const MAX_COUNT_GROUPS: usize = 65_536;

/// Everything the worker learned about a file besides its rows.
#[derive(Default)]
struct FileSummary {
    sha256: String,
    bytes: u64,
    accepted: u64,
    rejected: u64,
    month_forms: BTreeMap<MonthForm, u64>,
    legacy_types: [u64; LEGACY_CRIME_TYPES.len()],
    unlocated: u64,
    crimes_without_id: u64,
    counts: FxHashMap<(u32, u8, u32), i64>,
    /// (reported_by, month) → (rows, first rowid, last rowid)
    force_months: BTreeMap<(u32, u32), (i64, i64, i64)>,
}

/// Import files, folders and zips into the assessment file as one batch.
pub fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(&Progress),
) -> Result<ImportReport, StoreError> {
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
        let mut file_progress = |rows: u64| {
            status.rows += rows;
            status.bytes_read = bytes_read.load(Ordering::Relaxed);
            status.elapsed = started.elapsed();
            progress(&status);
        };
        let file_report = import_one(
            &tx,
            file,
            &mut interners,
            &bytes_read,
            cancel,
            &mut file_progress,
        )?;
        if !matches!(file_report.outcome, FileOutcome::Imported { .. }) {
            // The file's savepoint was rolled back: forget ids it had interned.
            interners = Interners::load(&tx)?;
        }
        report.files.push(file_report);
    }
    if cancel.load(Ordering::Relaxed) {
        return Err(StoreError::Cancelled);
    }
    tx.commit()?;
    Ok(report)
}

fn import_one(
    tx: &rusqlite::Transaction<'_>,
    file: &InputFile,
    interners: &mut Interners,
    bytes_read: &AtomicU64,
    cancel: &AtomicBool,
    on_rows: &mut dyn FnMut(u64),
) -> Result<FileReport, StoreError> {
    tx.execute_batch("SAVEPOINT file")?;
    let result = load_file(tx, file, interners, bytes_read, cancel, on_rows);
    let keep = matches!(&result, Ok(r) if matches!(r.outcome, FileOutcome::Imported { .. }));
    if keep {
        tx.execute_batch("RELEASE file")?;
    } else {
        tx.execute_batch("ROLLBACK TO file; RELEASE file")?;
    }
    result
}

fn load_file(
    conn: &rusqlite::Connection,
    file: &InputFile,
    interners: &mut Interners,
    bytes_read: &AtomicU64,
    cancel: &AtomicBool,
    on_rows: &mut dyn FnMut(u64),
) -> Result<FileReport, StoreError> {
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    conn.execute(
        "INSERT INTO sources (file_name, kind, sha256, imported_at, bytes, rows_accepted, rows_rejected,
                              rows_replaced, rows_current)
         VALUES (?1, ?2, '', ?3, 0, 0, 0, 0, 0)",
        rusqlite::params![file.display_name, KIND_POLICE_STREET, now],
    )?;
    let source_id = conn.last_insert_rowid();
    let first_rowid: i64 =
        conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM incident", [], |r| {
            r.get(0)
        })?;
    let mut writer = BatchWriter::new(conn, source_id)?;
    let mut examples = Vec::new();
    let (sender, receiver) = bounded::<Batch>(4);
    let parsed = std::thread::scope(
        |scope| -> Result<Result<FileSummary, ImportError>, StoreError> {
            let worker = std::thread::Builder::new()
                .name("import-parser".into())
                .spawn_scoped(scope, || {
                    parse_file(file, interners, first_rowid, bytes_read, cancel, sender)
                })
                .map_err(|e| StoreError::Worker(e.to_string()))?;
            let mut write_result = Ok(());
            for batch in receiver.iter() {
                if cancel.load(Ordering::Relaxed) {
                    break;
                }
                write_result = write_batch(&mut writer, &batch);
                if write_result.is_err() {
                    break;
                }
                if examples.len() < REJECTED_EXAMPLES {
                    let room = REJECTED_EXAMPLES - examples.len();
                    examples.extend(batch.rejected.iter().take(room).cloned());
                }
                on_rows(batch.rows.len() as u64 + batch.rejected.len() as u64);
            }
            drop(receiver);
            let parsed = worker
                .join()
                .map_err(|_| StoreError::Worker("the file reader crashed".into()))?;
            write_result?;
            Ok(parsed)
        },
    )?;
    drop(writer);
    if cancel.load(Ordering::Relaxed) {
        return Err(StoreError::Cancelled);
    }
    let summary = match parsed {
        Ok(summary) => summary,
        Err(ImportError::BadFile { reason, .. }) => {
            return Ok(rejected_file(file, reason));
        }
        Err(other) => return Err(other.into()),
    };
    if let Some((earlier_name, imported_at)) = earlier_import(conn, &summary.sha256)? {
        return Ok(FileReport {
            name: file.display_name.clone(),
            outcome: FileOutcome::AlreadyImported {
                earlier_name,
                imported_at,
            },
            notes: vec!["this content was imported before: nothing changed".into()],
            rejected_examples: Vec::new(),
        });
    }
    let (replaced, mut notes) = replace_earlier_months(conn, source_id, &summary.force_months)?;
    record_force_months(conn, source_id, &summary.force_months)?;
    notes.splice(
        0..0,
        summary_notes(&summary, interners.windows_1252_values()),
    );
    let first_month = summary.force_months.keys().map(|k| k.1).min();
    let last_month = summary.force_months.keys().map(|k| k.1).max();
    conn.execute(
        "UPDATE sources SET sha256 = ?2, bytes = ?3, rows_accepted = ?4, rows_rejected = ?5,
                rows_replaced = ?6, rows_current = ?4, first_month = ?7, last_month = ?8, notes = ?9
         WHERE id = ?1",
        rusqlite::params![
            source_id,
            summary.sha256,
            summary.bytes as i64,
            summary.accepted as i64,
            summary.rejected as i64,
            replaced as i64,
            first_month,
            last_month,
            notes.join("\n")
        ],
    )?;
    Ok(FileReport {
        name: file.display_name.clone(),
        outcome: FileOutcome::Imported {
            source_id,
            accepted: summary.accepted,
            rejected: summary.rejected,
            replaced,
            first_month,
            last_month,
        },
        notes,
        rejected_examples: examples,
    })
}

fn rejected_file(file: &InputFile, reason: String) -> FileReport {
    FileReport {
        name: file.display_name.clone(),
        outcome: FileOutcome::Rejected { reason },
        notes: Vec::new(),
        rejected_examples: Vec::new(),
    }
}

fn write_batch(writer: &mut BatchWriter<'_>, batch: &Batch) -> Result<(), StoreError> {
    writer.write_dimensions(&batch.dimensions)?;
    writer.write_incidents(&batch.rows)?;
    writer.write_rejected(&batch.rejected)?;
    for &((month, crime_type, lsoa), n) in &batch.counts {
        bump_count(writer.connection(), month, crime_type, lsoa, n)?;
    }
    Ok(())
}

fn earlier_import(
    conn: &rusqlite::Connection,
    sha256: &str,
) -> Result<Option<(String, String)>, StoreError> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT file_name, imported_at FROM sources WHERE kind = ?1 AND sha256 = ?2",
            [KIND_POLICE_STREET, sha256],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The worker: read, validate and intern; send rows in batches. Stops early on cancel
/// or when the writer has gone.
fn parse_file(
    file: &InputFile,
    interners: &mut Interners,
    first_rowid: i64,
    bytes_read: &AtomicU64,
    cancel: &AtomicBool,
    sender: Sender<Batch>,
) -> Result<FileSummary, ImportError> {
    file.with_reader(|input| {
        let mut reader = StreetFileReader::open(&file.display_name, input, bytes_read)?;
        let mut summary = FileSummary::default();
        let mut next_id = first_rowid;
        let mut batch = new_batch();
        while let Some(scanned) = reader.next_row()? {
            match &scanned.row {
                Ok(row) => {
                    let record = to_record(row, next_id, interners, &mut summary);
                    count_row(&record, row.month_form, row.crime_type, &mut summary);
                    next_id += 1;
                    batch.rows.push(record);
                }
                Err(problem) => {
                    summary.rejected += 1;
                    batch.rejected.push(RejectedRecord {
                        line: scanned.line,
                        column: problem.column(),
                        reason: problem.to_string(),
                        raw: scanned.raw_text(),
                    });
                }
            }
            if batch.rows.len() + batch.rejected.len() >= ROWS_PER_BATCH {
                batch.dimensions = interners.take_pending();
                if summary.counts.len() >= MAX_COUNT_GROUPS {
                    batch.counts = drain_sorted(&mut summary.counts);
                }
                let full = std::mem::replace(&mut batch, new_batch());
                if cancel.load(Ordering::Relaxed) || sender.send(full).is_err() {
                    return Ok(summary);
                }
            }
        }
        batch.dimensions = interners.take_pending();
        batch.counts = drain_sorted(&mut summary.counts);
        let digest = reader.finish()?;
        summary.sha256 = digest.sha256;
        summary.bytes = digest.bytes;
        // A send error means the writer stopped; it reports why.
        let _ = sender.send(batch);
        Ok(summary)
    })?
}

fn new_batch() -> Batch {
    Batch {
        dimensions: PendingDimensions::default(),
        rows: Vec::with_capacity(ROWS_PER_BATCH),
        rejected: Vec::new(),
        counts: Vec::new(),
    }
}

/// Empty the count map in key order (sorted inserts into the WITHOUT ROWID table are cheap).
fn drain_sorted(counts: &mut FxHashMap<(u32, u8, u32), i64>) -> Vec<((u32, u8, u32), i64)> {
    let mut out: Vec<_> = counts.drain().collect();
    out.sort_unstable_by_key(|(key, _)| *key);
    out
}

fn to_record(
    row: &crate::import::police_uk::StreetRow<'_>,
    id: i64,
    interners: &mut Interners,
    summary: &mut FileSummary,
) -> IncidentRecord {
    let crime_type = row.crime_type.id();
    if row.coordinates.is_none() {
        summary.unlocated += 1;
    }
    if row.crime_id.is_none() && !crate::import::crime_types::is_asb(crime_type) {
        summary.crimes_without_id += 1;
    }
    IncidentRecord {
        id,
        month: row.month,
        crime_type,
        reported_by: interners.force.intern(row.reported_by, b""),
        falls_within: interners.force.intern(row.falls_within, b""),
        outcome: interners.outcome.intern_optional(row.outcome, b""),
        lsoa: interners.lsoa.intern_optional(row.lsoa_code, row.lsoa_name),
        location: interners.location.intern_optional(row.location, b""),
        coordinates: row.coordinates,
        crime_id: row.crime_id,
    }
}

fn count_row(
    record: &IncidentRecord,
    form: MonthForm,
    matched: CrimeTypeMatch,
    s: &mut FileSummary,
) {
    s.accepted += 1;
    if form != MonthForm::Iso {
        *s.month_forms.entry(form).or_default() += 1;
    }
    if let CrimeTypeMatch::Legacy { legacy_index, .. } = matched {
        if let Some(n) = s.legacy_types.get_mut(legacy_index) {
            *n += 1;
        }
    }
    *s.counts
        .entry((record.month, record.crime_type, record.lsoa.unwrap_or(0)))
        .or_default() += 1;
    let entry = s
        .force_months
        .entry((record.reported_by, record.month))
        .or_insert((0, record.id, record.id));
    entry.0 += 1;
    entry.1 = entry.1.min(record.id);
    entry.2 = entry.2.max(record.id);
}

fn summary_notes(s: &FileSummary, windows_1252_values: u64) -> Vec<String> {
    let mut notes = Vec::new();
    for (form, n) in &s.month_forms {
        notes.push(format!(
            "Month was written like {} (the file was re-saved by Excel) in {n} rows: read as YYYY-MM",
            form.example()
        ));
    }
    for ((old, new), n) in LEGACY_CRIME_TYPES.iter().zip(s.legacy_types) {
        if n > 0 {
            notes.push(format!(
                "old crime type \"{old}\" in {n} rows: counted as {new}"
            ));
        }
    }
    if s.unlocated > 0 {
        notes.push(format!(
            "{} rows have no location (\"No Location\"): kept and counted as unlocated",
            s.unlocated
        ));
    }
    if s.crimes_without_id > 0 {
        notes.push(format!(
            "{} crime rows have no Crime ID",
            s.crimes_without_id
        ));
    }
    if windows_1252_values > 0 {
        notes.push(format!(
            "{windows_1252_values} text values were not UTF-8 and were read as Windows-1252"
        ));
    }
    if s.rejected > 0 {
        notes.push(format!(
            "{} rows rejected (see the rejected rows)",
            s.rejected
        ));
    }
    notes
}

/// Delete rows of other sources for the (force, month)s this file covers, keeping the
/// counts in step. Returns rows replaced and a note per earlier source.
fn replace_earlier_months(
    conn: &rusqlite::Connection,
    source_id: i64,
    force_months: &BTreeMap<(u32, u32), (i64, i64, i64)>,
) -> Result<(u64, Vec<String>), StoreError> {
    let mut replaced_by_source: BTreeMap<i64, (u64, Vec<u32>)> = BTreeMap::new();
    let mut holders = conn.prepare_cached(
        "SELECT source_id, first_rowid, last_rowid FROM source_month
         WHERE reported_by_id = ?1 AND month = ?2 AND source_id <> ?3",
    )?;
    let mut counts = conn.prepare_cached(
        "SELECT crime_type_id, coalesce(lsoa_id, 0), count(*) FROM incident
         WHERE id BETWEEN ?1 AND ?2 AND source_id = ?3 AND reported_by_id = ?4 AND month = ?5
         GROUP BY 1, 2",
    )?;
    for &(force, month) in force_months.keys() {
        let earlier: Vec<(i64, i64, i64)> = holders
            .query_map(rusqlite::params![force, month, source_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<Result<_, _>>()?;
        for (old_source, first, last) in earlier {
            let params = rusqlite::params![first, last, old_source, force, month];
            let groups: Vec<(u8, u32, i64)> = counts
                .query_map(params, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?;
            for (crime_type, lsoa, n) in groups {
                bump_count(conn, month, crime_type, lsoa, -n)?;
            }
            let deleted = conn.execute(
                "DELETE FROM incident WHERE id BETWEEN ?1 AND ?2 AND source_id = ?3
                 AND reported_by_id = ?4 AND month = ?5",
                params,
            )? as u64;
            conn.execute(
                "UPDATE sources SET rows_current = rows_current - ?2 WHERE id = ?1",
                rusqlite::params![old_source, deleted as i64],
            )?;
            conn.execute(
                "DELETE FROM source_month WHERE reported_by_id = ?1 AND month = ?2 AND source_id = ?3",
                rusqlite::params![force, month, old_source],
            )?;
            let entry = replaced_by_source.entry(old_source).or_default();
            entry.0 += deleted;
            entry.1.push(month);
        }
    }
    conn.execute("DELETE FROM month_type_lsoa_count WHERE n = 0", [])?;
    let mut notes = Vec::new();
    let mut total = 0;
    for (old_source, (rows, months)) in replaced_by_source {
        total += rows;
        let name: String = conn.query_row(
            "SELECT file_name FROM sources WHERE id = ?1",
            [old_source],
            |r| r.get(0),
        )?;
        let span = match (months.iter().min(), months.iter().max()) {
            (Some(a), Some(b)) if a != b => format!("{} to {}", month_label(*a), month_label(*b)),
            (Some(a), _) => month_label(*a),
            _ => String::new(),
        };
        notes.push(format!(
            "replaced {rows} rows of {span} imported earlier from {name} (police.uk re-publishes months with updated outcomes)"
        ));
    }
    Ok((total, notes))
}

fn bump_count(
    conn: &rusqlite::Connection,
    month: u32,
    crime_type: u8,
    lsoa: u32,
    n: i64,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO month_type_lsoa_count (month, crime_type_id, lsoa_id, n) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT DO UPDATE SET n = n + excluded.n",
    )?
    .execute(rusqlite::params![month, crime_type, lsoa, n])?;
    Ok(())
}

fn record_force_months(
    conn: &rusqlite::Connection,
    source_id: i64,
    force_months: &BTreeMap<(u32, u32), (i64, i64, i64)>,
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO source_month (reported_by_id, month, source_id, rows, first_rowid, last_rowid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (&(force, month), &(rows, first, last)) in force_months {
        stmt.execute(rusqlite::params![
            force, month, source_id, rows, first, last
        ])?;
    }
    Ok(())
}

/// The name of a crime-type id for messages ("unknown" never happens for stored ids).
pub fn type_label(id: u8) -> &'static str {
    crime_type_name(id).unwrap_or("unknown")
}
