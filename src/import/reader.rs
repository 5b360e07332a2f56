//! Streaming any CSV the app imports: one reused `ByteRecord`, the content hashed
//! (SHA-256) and counted as it is read (for idempotency and progress), the header read
//! first, and each record handed back with its 1-based line number.
//!
//! Knows nothing of what the columns mean; see [`super::kind`] and the per-layout parsers.

use super::text::{decode_cell, strip_bom, trim_bytes};
use super::ImportError;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

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

/// Reads a CSV file record by record.
pub struct TableReader<'a, R: Read> {
    name: String,
    reader: csv::Reader<HashingReader<'a, R>>,
    header: Vec<String>,
    record: csv::ByteRecord,
    start_bytes: u64,
    counter: &'a AtomicU64,
}

impl<'a, R: Read> TableReader<'a, R> {
    /// Read the header. `bytes_read` is advanced as bytes are consumed (for progress
    /// across threads).
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
        let mut record = csv::ByteRecord::new();
        let has_header = reader
            .read_byte_record(&mut record)
            .map_err(|e| bad_file(name, csv_error_text(&e)))?;
        if !has_header {
            return Err(bad_file(name, "the file is empty".into()));
        }
        Ok(TableReader {
            name: name.to_string(),
            reader,
            header: header_names(&record),
            record,
            start_bytes,
            counter: bytes_read,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Header cells as trimmed text (BOM removed).
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// The next record and its line number, or `None` at the end of the file.
    pub fn next_record(&mut self) -> Result<Option<(u64, &csv::ByteRecord)>, ImportError> {
        let more = self
            .reader
            .read_byte_record(&mut self.record)
            .map_err(|e| bad_file(&self.name, csv_error_text(&e)))?;
        if !more {
            return Ok(None);
        }
        let line = self.record.position().map_or(0, |p| p.line());
        Ok(Some((line, &self.record)))
    }

    /// Finish: the SHA-256 of everything read. Reads any bytes after the last record.
    pub fn finish(self) -> Result<FileDigest, ImportError> {
        let mut hashing = self.reader.into_inner();
        std::io::copy(&mut hashing, &mut std::io::sink())
            .map_err(|e| bad_file(&self.name, e.to_string()))?;
        let bytes = self.counter.load(Ordering::Relaxed) - self.start_bytes;
        Ok(FileDigest {
            sha256: format!("{:x}", hashing.hasher.finalize()),
            bytes,
        })
    }
}

fn bad_file(name: &str, reason: String) -> ImportError {
    ImportError::BadFile {
        file: name.to_string(),
        reason,
    }
}

fn csv_error_text(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Io(e) => format!("the file could not be read to the end: {e}"),
        _ => error.to_string(),
    }
}

/// Header cells as trimmed text (BOM removed from the first).
pub fn header_names(header: &csv::ByteRecord) -> Vec<String> {
    header
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            let cell = if i == 0 { strip_bom(cell) } else { cell };
            decode_cell(trim_bytes(cell)).0.into_owned()
        })
        .collect()
}

/// A record as CSV text, capped at 2,000 characters.
pub fn raw_text(record: &csv::ByteRecord) -> String {
    const MAX: usize = 2000;
    let mut out = String::new();
    for (i, cell) in record.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let (text, _) = decode_cell(cell);
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
