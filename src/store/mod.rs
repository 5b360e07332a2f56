//! The assessment file: one SQLite file holding every imported row, typed and traceable to
//! its source file. Opening, migrations, the import writer and the queries pages use.
//! No egui here.

pub mod action_plan;
pub mod boundaries;
pub mod coverage;
pub mod cube;
pub mod districts;
pub mod field_mappings;
pub mod force_coverage;
pub mod geography;
mod identity;
pub mod ingest;
pub mod interner;
pub mod month_counts;
pub mod month_tally;
pub mod open;
pub mod partner;
pub mod points;
pub mod priorities;
pub mod queries;
mod raw_insert;
pub mod report_plan;
pub mod report_text;
pub mod schema;
pub mod writeback;
pub mod writer;

pub use open::Store;

use std::path::Path;

/// What can go wrong with the assessment file itself.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not an assessment file ({reason}); it was left untouched")]
    NotAnAssessment { path: String, reason: String },
    #[error("{path} was written by a newer version of this app (file version {found}, this app understands up to {supported}); it was left untouched — please update the app")]
    TooNew {
        path: String,
        found: i32,
        supported: i32,
    },
    #[error("could not open {path}: {reason}")]
    Open { path: String, reason: String },
    #[error("the assessment file could not be updated: {0}")]
    Sqlite(rusqlite::Error),
    #[error("the disk holding the assessment file is full: nothing was saved and the file is as it was; free some space and try again")]
    DiskFull,
    #[error("the assessment file is in use by another copy of the app (or another program), which kept it locked for {} seconds: close it there and try again; nothing was changed", open::BUSY_WAIT_MS / 1000)]
    InUse,
    #[error("the assessment file cannot be changed: it or its folder is read-only ({0}); nothing was changed — copy it to a folder you can write to, or change its permissions")]
    ReadOnly(String),
    #[error("{path} was deleted or moved after it was opened: nothing was written to it; open it again from where it is now")]
    Gone { path: String },
    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
    #[error("\"{0}\" is not a district or ward in the imported ward lookup")]
    NoSuchArea(String),
    #[error("{0}")]
    Invalid(String),
    #[error("the assessment file is damaged ({0}): nothing was changed; use a backup copy, or import the source files again into a new assessment file")]
    Corrupt(String),
    #[error("the import was cancelled; the assessment file is unchanged")]
    Cancelled,
    #[error("the import stopped unexpectedly: {0}; the assessment file is unchanged")]
    Worker(String),
}

/// SQLite's result codes turned into what the analyst can act on.
impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        let Some(code) = error.sqlite_error_code() else {
            return StoreError::Sqlite(error);
        };
        match code {
            ErrorCode::DiskFull => StoreError::DiskFull,
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => StoreError::InUse,
            ErrorCode::ReadOnly => StoreError::ReadOnly("SQLite: attempt to write".into()),
            // At a write on an open file, SQLite could not create the journal beside it.
            ErrorCode::CannotOpen => {
                StoreError::ReadOnly("the journal file could not be created beside it".into())
            }
            ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => {
                StoreError::Corrupt(error.to_string())
            }
            _ => StoreError::Sqlite(error),
        }
    }
}

impl StoreError {
    pub(crate) fn open(path: &Path, reason: impl ToString) -> Self {
        StoreError::Open {
            path: path.display().to_string(),
            reason: reason.to_string(),
        }
    }
}
