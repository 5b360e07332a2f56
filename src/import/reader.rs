//! Streaming a police.uk street CSV: one reused `ByteRecord`, the content hashed (SHA-256)
//! and counted as it is read, the header checked, and each record handed back validated
//! or with the reason it was rejected and its line number.

use super::police_uk::{header_names, HeaderProblem, RowProblem, StreetColumns, StreetRow};
use super::ImportError;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

/// What kind of file a header says this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    PoliceStreet,
    PoliceOutcomes,
    PoliceStopAndSearch,
    Unknown,
}

/// Recognise a file from its header cells.
pub fn detect_kind(names: &[String]) -> FileKind {
    let has = |n: &str| names.iter().any(|h| h.eq_ignore_ascii_case(n));
    if has("Crime type") && has("Month") {
        FileKind::PoliceStreet
    } else if has("Outcome type") && has("Month") {
        FileKind::PoliceOutcomes
    } else if has("Object of search") || has("Part of a policing operation") {
        FileKind::PoliceStopAndSearch
    } else {
        FileKind::Unknown
    }
}

/// Hashes and counts every byte that passes through.
struct HashingReader<'a, R> {
    inner: R,
    hasher: Sha256,
    bytes_read: &'a AtomicU64,
}

impl<R: Read> Read for HashingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let data = buf.get(..n).unwrap_or_default();
        self.hasher.update(data);
        self.bytes_read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The identity of a file's content once it has been read to the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDigest {
    pub sha256: String,
    pub bytes: u64,
}

/// One record: its 1-based line number and the validated row or the problem.
pub struct ScannedRow<'r> {
    pub line: u64,
    pub row: Result<StreetRow<'r>, RowProblem>,
    record: &'r csv::ByteRecord,
}

impl ScannedRow<'_> {
    /// The record as CSV text (quoted where needed), capped for storage.
    pub fn raw_text(&self) -> String {
        raw_text(self.record)
    }
}

/// Reads a police.uk street file record by record.
pub struct StreetFileReader<'a, R: Read> {
    name: String,
    reader: csv::Reader<HashingReader<'a, R>>,
    columns: StreetColumns,
    record: csv::ByteRecord,
    start_bytes: u64,
    counter: &'a AtomicU64,
}

impl<'a, R: Read> StreetFileReader<'a, R> {
    /// Read and check the header. `bytes_read` is advanced as bytes are consumed (for
    /// progress across threads).
    pub fn open(name: &str, input: R, bytes_read: &'a AtomicU64) -> Result<Self, ImportError> {
        let start_bytes = bytes_read.load(Ordering::Relaxed);
        let hashing = HashingReader {
            inner: input,
            hasher: Sha256::new(),
            bytes_read,
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(256 * 1024)
            .from_reader(hashing);
        let mut header = csv::ByteRecord::new();
        let bad = |reason: String| ImportError::BadFile {
            file: name.to_string(),
            reason,
        };
        let has_header = reader
            .read_byte_record(&mut header)
            .map_err(|e| bad(csv_error_text(&e)))?;
        if !has_header {
            return Err(bad("the file is empty".into()));
        }
        let names = header_names(&header);
        match detect_kind(&names) {
            FileKind::PoliceStreet => {}
            FileKind::PoliceOutcomes => {
                return Err(bad(
                    "this is a police.uk outcomes file, not a street-level crime file".into(),
                ))
            }
            FileKind::PoliceStopAndSearch => {
                return Err(bad("this is a police.uk stop-and-search file, not a street-level crime file".into()))
            }
            FileKind::Unknown => {
                return Err(bad(format!(
                    "the header ({}) is not a police.uk street-level crime header (it needs Month and Crime type)",
                    super::text::excerpt(names.join(",").as_bytes())
                )))
            }
        }
        let columns = StreetColumns::from_header(&names).map_err(|p| match p {
            HeaderProblem::Missing(cols) => bad(format!(
                "line 1: the header has no {} column{}",
                cols.join(", "),
                if cols.len() > 1 { "s" } else { "" }
            )),
            HeaderProblem::Duplicated(col) => {
                bad(format!("line 1: the header has the column {col} twice"))
            }
        })?;
        Ok(StreetFileReader {
            name: name.to_string(),
            reader,
            columns,
            record: header,
            start_bytes,
            counter: bytes_read,
        })
    }

    /// The next record, or `None` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<ScannedRow<'_>>, ImportError> {
        let more = self
            .reader
            .read_byte_record(&mut self.record)
            .map_err(|e| ImportError::BadFile {
                file: self.name.clone(),
                reason: csv_error_text(&e),
            })?;
        if !more {
            return Ok(None);
        }
        let line = self.record.position().map_or(0, |p| p.line());
        Ok(Some(ScannedRow {
            line,
            row: self.columns.parse(&self.record),
            record: &self.record,
        }))
    }

    /// Finish: the SHA-256 of everything read. Reads any bytes after the last record.
    pub fn finish(self) -> Result<FileDigest, ImportError> {
        let name = self.name;
        let mut hashing = self.reader.into_inner();
        std::io::copy(&mut hashing, &mut std::io::sink()).map_err(|e| ImportError::BadFile {
            file: name,
            reason: e.to_string(),
        })?;
        let bytes = self.counter.load(Ordering::Relaxed) - self.start_bytes;
        Ok(FileDigest {
            sha256: format!("{:x}", hashing.hasher.finalize()),
            bytes,
        })
    }
}

fn csv_error_text(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Io(e) => format!("the file could not be read to the end: {e}"),
        _ => error.to_string(),
    }
}

/// A record as CSV text, capped at 2,000 characters.
pub fn raw_text(record: &csv::ByteRecord) -> String {
    const MAX: usize = 2000;
    let mut out = String::new();
    for (i, cell) in record.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let (text, _) = super::text::decode_cell(cell);
        if text.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&text.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&text);
        }
        if out.len() > MAX {
            let cut = (0..=MAX)
                .rev()
                .find(|i| out.is_char_boundary(*i))
                .unwrap_or(0);
            out.truncate(cut);
            out.push('…');
            break;
        }
    }
    out
}
