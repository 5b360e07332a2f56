//! The assessment file: one SQLite file holding every imported row, typed and traceable to
//! its source file. Opening, migrations, the import writer and the queries pages use.
//! No egui here.

pub mod boundaries;
pub mod cube;
pub mod geography;
pub mod ingest;
pub mod interner;
pub mod month_counts;
pub mod open;
pub mod partner;
pub mod points;
pub mod priorities;
pub mod queries;
pub mod report_plan;
pub mod schema;
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
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
    #[error("\"{0}\" is not a district or ward in the imported ward lookup")]
    NoSuchArea(String),
    #[error("{0}")]
    Invalid(String),
    #[error("the assessment file is damaged: {0}")]
    Corrupt(String),
    #[error("the import was cancelled; the assessment file is unchanged")]
    Cancelled,
    #[error("the import stopped unexpectedly ({0}); the assessment file is unchanged")]
    Worker(String),
}

impl StoreError {
    pub(crate) fn open(path: &Path, reason: impl ToString) -> Self {
        StoreError::Open {
            path: path.display().to_string(),
            reason: reason.to_string(),
        }
    }
}
