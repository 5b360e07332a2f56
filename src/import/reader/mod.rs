//! Streaming any CSV the app imports: one reused `ByteRecord`, the raw content kept in
//! chunks as it is read (so the SHA-256 that identifies the file can be computed on the
//! other thread of an import) and counted (for progress), the header read first (below any
//! title rows), and each record handed back with its 1-based line number. The dialect —
//! encoding, delimiter, quote — is detected from the first chunk (or chosen by the
//! analyst); UTF-16 and a chosen Windows-1252 are decoded to UTF-8 on the way in.
//!
//! Hostile input is refused here, in bounded memory, before any parser sees it: a file
//! that is not text (binary, a PDF) is named for what it is, and a row longer than
//! [`MAX_ROW_BYTES`] (a file with no line ends, a quote that is never closed) stops the
//! read with the line it started on instead of filling memory.
//!
//! Knows nothing of what the columns mean; see [`super::kind`] and the per-layout parsers.

mod csv_reader;
mod open;
mod raw_chunks;
mod record_text;
mod tee;
#[cfg(test)]
mod tests;

pub use super::table::TableReader;
pub use csv_reader::CsvReader;
pub use open::{start_csv, CsvStart};
pub use raw_chunks::{ContentHasher, FileEnd};
pub use record_text::{header_names, raw_text};
pub use tee::{FIRST_CHUNK, MAX_ROW_BYTES};

use super::ImportError;

pub(crate) fn bad_file(name: &str, reason: String) -> ImportError {
    ImportError::BadFile {
        file: name.to_string(),
        reason,
    }
}

/// The bytes could not be read (a disk or network error, a damaged zip entry): the whole
/// import stops, rather than import part of a file.
pub(crate) fn read_error(name: &str, error: &std::io::Error) -> ImportError {
    ImportError::Io {
        path: name.to_string(),
        reason: format!("the file could not be read to the end ({error})"),
    }
}
