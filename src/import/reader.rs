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

/// Keeps a copy of every raw chunk that passes through (for the content hash), counts
/// bytes, and turns CRLF line ends into LF on the way to the CSV parser: the csv crate
/// numbers lines one short after a CRLF, and a rejected row must name its true line.
struct TeeReader<'a, R> {
    inner: R,
    chunks: Vec<Vec<u8>>,
    bytes_read: &'a AtomicU64,
    /// Normalised bytes not yet handed out.
    out: Vec<u8>,
    out_pos: usize,
    /// The last raw chunk ended in CR: drop it if the next chunk starts with LF.
    pending_cr: bool,
}

const CHUNK: usize = 256 * 1024;

impl<R: Read> TeeReader<'_, R> {
    /// Read one raw chunk and normalise it into `out`. False at the end of the input
    /// with nothing left to hand out.
    fn fill(&mut self) -> std::io::Result<bool> {
        // Not zero-filled: read_to_end writes only what it reads.
        let mut raw = Vec::with_capacity(CHUNK);
        let n = (&mut self.inner).take(CHUNK as u64).read_to_end(&mut raw)?;
        self.bytes_read.fetch_add(n as u64, Ordering::Relaxed);
        self.out.clear();
        self.out_pos = 0;
        let carried_cr = std::mem::take(&mut self.pending_cr);
        if raw.is_empty() {
            if carried_cr {
                self.out.push(b'\r');
            }
            return Ok(!self.out.is_empty());
        }
        if carried_cr && raw.first() != Some(&b'\n') {
            self.out.push(b'\r');
        }
        let (body, ends_in_cr) = match raw.split_last() {
            Some((b'\r', rest)) => (rest, true),
            _ => (&raw[..], false),
        };
        normalise_line_ends(body, &mut self.out);
        self.pending_cr = ends_in_cr;
        self.chunks.push(raw);
        Ok(true)
    }
}

/// Append `bytes` to `out` with every CR that precedes an LF removed.
fn normalise_line_ends(bytes: &[u8], out: &mut Vec<u8>) {
    if !bytes.contains(&b'\r') {
        out.extend_from_slice(bytes);
        return;
    }
    for (i, &b) in bytes.iter().enumerate() {
        if !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
            out.push(b);
        }
    }
}

impl<R: Read> Read for TeeReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.out_pos >= self.out.len() {
            if !self.fill()? {
                return Ok(0);
            }
        }
        let available = self.out.get(self.out_pos..).unwrap_or_default();
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.out_pos += n;
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
            out: Vec::new(),
            out_pos: 0,
            pending_cr: false,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(data: &[u8], chunk: usize) -> (Vec<u64>, Vec<u8>) {
        // A reader that hands out `chunk` bytes at a time, to split CRLF across reads.
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = self.0.len().min(self.1).min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let counter = AtomicU64::new(0);
        let mut table = TableReader::open("t.csv", Trickle(data, chunk), &counter).unwrap();
        let mut lines = Vec::new();
        let mut cells = Vec::new();
        while let Some((line, record)) = table.next_record().unwrap() {
            lines.push(line);
            cells.extend_from_slice(record.get(0).unwrap());
        }
        let mut hasher = ContentHasher::default();
        hasher.update(&table.take_chunks());
        let end = table.finish().unwrap();
        hasher.update(&end.last_chunks);
        assert_eq!(end.bytes, data.len() as u64);
        let mut direct = ContentHasher::default();
        direct.update(&[data.to_vec()]);
        assert_eq!(
            hasher.finish(),
            direct.finish(),
            "the hash is of the raw bytes"
        );
        (lines, cells)
    }

    #[test]
    fn crlf_files_report_true_line_numbers_whatever_the_chunking() {
        for chunk in [1, 2, 3, 7, 1024] {
            let (lines, cells) = lines_of(b"h\r\na\r\nb\r\n\"c\r\nd\"\r\ne\r", chunk);
            assert_eq!(lines, vec![2, 3, 4, 6], "chunk {chunk}");
            assert_eq!(cells, b"abc\nde".to_vec(), "chunk {chunk}");
            let (lines, _) = lines_of(b"h\na\nb\n", chunk);
            assert_eq!(lines, vec![2, 3]);
        }
    }
}
