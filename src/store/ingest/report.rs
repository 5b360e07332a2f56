//! What an import tells the analyst: progress while it runs, and per file what happened
//! (imported with counts and notes, already imported, or rejected with the reason).

use crate::import::inputs::SkippedFile;
use crate::store::writer::RejectedRecord;
use std::time::Duration;

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
