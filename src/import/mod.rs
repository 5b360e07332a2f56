//! Files → validated records. Reads police.uk street files (and, later, geography and
//! partner layouts), understands their quirks, and says exactly what was wrong with any
//! row it cannot accept. No SQL and no egui here.

pub mod action_plan;
pub mod boundaries;
pub mod content_hash;
pub mod crime_types;
pub mod fast_csv;
pub mod field_mapping;
pub mod field_preview;
pub mod fingerprint;
pub mod geography;
pub mod gis;
pub mod grid;
pub mod indicators;
pub mod inputs;
pub mod kind;
pub mod month;
pub mod numbers;
pub mod partner;
pub mod police_uk;
#[cfg(test)]
mod proptests;
pub mod reader;
pub mod table;
pub mod text;

use std::path::Path;

/// A problem with a whole input (as opposed to one row, see [`police_uk::RowProblem`]).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("could not read {path}: {reason}")]
    Io { path: String, reason: String },
    #[error("{path} is not a readable zip file: {reason}")]
    Zip { path: String, reason: String },
    #[error("{file}: {reason}")]
    BadFile { file: String, reason: String },
}

impl ImportError {
    /// A file that could not be opened or read, in words an analyst can act on.
    pub fn io(path: &Path, error: std::io::Error) -> Self {
        let reason = match error.kind() {
            std::io::ErrorKind::NotFound => {
                "the file is not there any more (deleted, moved or renamed since it was chosen)"
                    .to_string()
            }
            std::io::ErrorKind::PermissionDenied => format!(
                "the app may not read it ({error}): check that you can open it, and that no other program has it locked"
            ),
            _ => error.to_string(),
        };
        ImportError::Io {
            path: path.display().to_string(),
            reason,
        }
    }

    pub fn zip(path: &Path, error: zip::result::ZipError) -> Self {
        ImportError::Zip {
            path: path.display().to_string(),
            reason: error.to_string(),
        }
    }
}

#[cfg(test)]
mod io_error_tests {
    use super::ImportError;
    use std::io::{Error, ErrorKind};
    use std::path::Path;

    #[test]
    fn a_vanished_or_locked_file_is_said_in_words_an_analyst_can_act_on() {
        let path = Path::new("crimes.csv");
        let gone = ImportError::io(path, Error::from(ErrorKind::NotFound)).to_string();
        assert_eq!(
            gone,
            "could not read crimes.csv: the file is not there any more (deleted, moved or renamed since it was chosen)"
        );
        let locked = ImportError::io(path, Error::from(ErrorKind::PermissionDenied)).to_string();
        assert!(
            locked.contains("no other program has it locked"),
            "{locked}"
        );
    }
}
