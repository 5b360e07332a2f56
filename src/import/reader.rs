//! Streaming any CSV the app imports: one reused `ByteRecord`, the raw content kept in
//! chunks as it is read (so the SHA-256 that identifies the file can be computed on the
//! other thread of an import) and counted (for progress), the header read first, and each
//! record handed back with its 1-based line number.
//!
//! Knows nothing of what the columns mean; see [`super::kind`] and the per-layout parsers.

use super::text::{decode_cell, strip_bom, trim_bytes};
use super::ImportError;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

/// Keeps a copy of every chunk that passes through, and counts bytes.
struct TeeReader<'a, R> {
    inner: R,
    chunks: Vec<Vec<u8>>,
    bytes_read: &'a AtomicU64,
}

impl<R: Read> Read for TeeReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let data = buf.get(..n).unwrap_or_default();
        if !data.is_empty() {
            self.chunks.push(data.to_vec());
        }
        self.bytes_read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// SHA-256 over a file's raw chunks, fed in order.
pub struct ContentHasher(Sha256);

impl Default for ContentHasher {
    fn default() -> Self {
        ContentHasher(Sha256::new())
    }
}

impl ContentHasher {
    pub fn update(&mut self, chunks: &[Vec<u8>]) {
        for chunk in chunks {
            self.0.update(chunk);
        }
    }

    /// Lowercase hex digest.
    pub fn finish(self) -> String {
        format!("{:x}", self.0.finalize())
    }
}

/// A file read to the end: its size and the raw chunks not yet taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEnd {
    pub bytes: u64,
    pub last_chunks: Vec<Vec<u8>>,
}

/// Reads a CSV file record by record.
pub struct TableReader<'a, R: Read> {
    name: String,
    reader: csv::Reader<TeeReader<'a, R>>,
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
        let tee = TeeReader {
            inner: input,
            chunks: Vec::new(),
            bytes_read,
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(256 * 1024)
            .from_reader(tee);
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

    /// The raw bytes read since the last call, in order (hash them with [`ContentHasher`]).
    pub fn take_chunks(&mut self) -> Vec<Vec<u8>> {
        std::mem::take(&mut self.reader.get_mut().chunks)
    }

    /// Read any bytes after the last record; the size and the chunks not yet taken.
    pub fn finish(self) -> Result<FileEnd, ImportError> {
        let mut tee = self.reader.into_inner();
        std::io::copy(&mut tee, &mut std::io::sink())
            .map_err(|e| bad_file(&self.name, e.to_string()))?;
        Ok(FileEnd {
            bytes: self.counter.load(Ordering::Relaxed) - self.start_bytes,
            last_chunks: tee.chunks,
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
