//! Streaming any CSV the app imports: one reused `ByteRecord`, the raw content kept in
//! chunks as it is read (so the SHA-256 that identifies the file can be computed on the
//! other thread of an import) and counted (for progress), the header read first, and each
//! record handed back with its 1-based line number.
//!
//! Hostile input is refused here, in bounded memory, before any parser sees it: a file
//! that is not CSV text (a workbook or zip renamed `.csv`, UTF-16, binary) is named for what
//! it is, and a row longer than [`MAX_ROW_BYTES`] (a file with no line ends, a quote that is
//! never closed) stops the read with the line it started on instead of filling memory.
//!
//! Knows nothing of what the columns mean; see [`super::kind`] and the per-layout parsers.

use super::fast_csv::FastCsv;
use super::text::{decode_cell, strip_bom, trim_bytes};
use super::ImportError;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

/// Keeps every raw chunk that passes through (for the content hash), counts bytes, and
/// turns CRLF line ends into LF on the way to the CSV parser: the csv crate numbers lines
/// one short after a CRLF, and a rejected row must name its true line. A chunk with no CR
/// (most files) is handed out as it is, not copied.
struct TeeReader<'a, R> {
    inner: R,
    /// Bytes handed to the CSV parser since it last finished a record (bounds a row).
    since_record: u64,
    chunks: Vec<Vec<u8>>,
    bytes_read: &'a AtomicU64,
    /// Normalised bytes not yet handed out.
    out: Vec<u8>,
    out_pos: usize,
    /// `out` is the raw chunk itself (it held no CR): it joins `chunks` when used up.
    out_is_raw: bool,
    /// The last raw chunk ended in CR: drop it if the next chunk starts with LF.
    pending_cr: bool,
}

const CHUNK: usize = 256 * 1024;

/// The longest row (or header) accepted. police.uk rows are a few hundred bytes; anything
/// near this is not a table of rows, and reading on would hold it all in memory.
pub const MAX_ROW_BYTES: u64 = 1024 * 1024;

/// The CSV parser's own buffer: it reads this far ahead of the record it returns.
const CSV_BUFFER: usize = 256 * 1024;

/// The I/O error a [`TeeReader`] raises when a row grows past [`MAX_ROW_BYTES`].
#[derive(Debug)]
struct RowTooLong;

impl std::fmt::Display for RowTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a row longer than {MAX_ROW_BYTES} bytes")
    }
}

impl std::error::Error for RowTooLong {}

impl<R: Read> TeeReader<'_, R> {
    /// Read one raw chunk and normalise it into `out`. False at the end of the input
    /// with nothing left to hand out.
    fn fill(&mut self) -> std::io::Result<bool> {
        if std::mem::take(&mut self.out_is_raw) {
            self.chunks.push(std::mem::take(&mut self.out));
        }
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
        if !carried_cr && memchr::memchr(b'\r', &raw).is_none() {
            self.out = raw;
            self.out_is_raw = true;
            return Ok(true);
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
        // The parser may hold a buffer's worth read ahead of the record it is in.
        if self.since_record + n as u64 > MAX_ROW_BYTES + CSV_BUFFER as u64 {
            return Err(std::io::Error::other(RowTooLong));
        }
        if let (Some(to), Some(from)) = (buf.get_mut(..n), available.get(..n)) {
            to.copy_from_slice(from);
        }
        self.out_pos += n;
        self.since_record += n as u64;
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
    reader: FastCsv<TeeReader<'a, R>>,
    header: Vec<String>,
    record: csv::ByteRecord,
    start_bytes: u64,
    counter: &'a AtomicU64,
    /// The line the next record starts on (for a row that never ends).
    next_line: u64,
}

impl<'a, R: Read> TableReader<'a, R> {
    /// Read the header. `bytes_read` is advanced as bytes are consumed (for progress
    /// across threads).
    pub fn open(name: &str, input: R, bytes_read: &'a AtomicU64) -> Result<Self, ImportError> {
        let start_bytes = bytes_read.load(Ordering::Relaxed);
        let mut tee = TeeReader {
            inner: input,
            since_record: 0,
            chunks: Vec::new(),
            bytes_read,
            out: Vec::new(),
            out_pos: 0,
            out_is_raw: false,
            pending_cr: false,
        };
        // The first chunk says whether this is CSV text at all.
        tee.fill().map_err(|e| read_error(name, &e))?;
        if let Some(reason) = not_csv_text(&tee.out) {
            return Err(bad_file(name, reason));
        }
        // The csv crate's records (has_headers(false), flexible(true)), faster.
        let reader = FastCsv::new(tee, CSV_BUFFER);
        let mut table = TableReader {
            name: name.to_string(),
            reader,
            header: Vec::new(),
            record: csv::ByteRecord::new(),
            start_bytes,
            counter: bytes_read,
            next_line: 1,
        };
        if table.next_record()?.is_none() {
            return Err(bad_file(name, "the file is empty".into()));
        }
        table.header = header_names(&table.record);
        if table.header.iter().all(String::is_empty) {
            return Err(bad_file(
                name,
                "line 1: the header row is empty (no column names)".into(),
            ));
        }
        Ok(table)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Header cells as trimmed text (BOM removed).
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// The next record and its line number, or `None` at the end of the file.
    ///
    /// A row longer than [`MAX_ROW_BYTES`] is [`ImportError::BadFile`] naming its line; a
    /// failure to read the bytes is [`ImportError::Io`].
    pub fn next_record(&mut self) -> Result<Option<(u64, &csv::ByteRecord)>, ImportError> {
        let more = match self.reader.read_byte_record(&mut self.record) {
            Ok(more) => more,
            Err(e) => return Err(self.csv_error(&e)),
        };
        self.reader.get_mut().since_record = 0;
        self.next_line = self.reader.position().line();
        if !more {
            return Ok(None);
        }
        let line = self.record.position().map_or(0, |p| p.line());
        Ok(Some((line, &self.record)))
    }

    fn csv_error(&self, error: &csv::Error) -> ImportError {
        let csv::ErrorKind::Io(io) = error.kind() else {
            return bad_file(&self.name, error.to_string());
        };
        let too_long = io.get_ref().is_some_and(|e| e.is::<RowTooLong>());
        if too_long {
            bad_file(
                &self.name,
                format!(
                    "line {}: the row starting on this line is longer than {} MB (a police.uk row is a few hundred bytes): the file has no line ends, or a quote (\") opened on this line is never closed",
                    self.next_line,
                    MAX_ROW_BYTES / (1024 * 1024)
                ),
            )
        } else {
            read_error(&self.name, io)
        }
    }

    /// The raw bytes read since the last call, in order (hash them with [`ContentHasher`]);
    /// the chunk being parsed comes with a later call or with [`TableReader::finish`].
    pub fn take_chunks(&mut self) -> Vec<Vec<u8>> {
        std::mem::take(&mut self.reader.get_mut().chunks)
    }

    /// Read any bytes after the last record; the size and the chunks not yet taken.
    pub fn finish(self) -> Result<FileEnd, ImportError> {
        let mut tee = self.reader.into_inner();
        std::io::copy(&mut tee, &mut std::io::sink()).map_err(|e| read_error(&self.name, &e))?;
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

/// The bytes could not be read (a disk or network error, a damaged zip entry): the whole
/// import stops, rather than import part of a file.
fn read_error(name: &str, error: &std::io::Error) -> ImportError {
    ImportError::Io {
        path: name.to_string(),
        reason: format!("the file could not be read to the end ({error})"),
    }
}

/// The first line (or the first 4 KB) of a chunk.
fn first_line(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .take(4096)
        .position(|&b| b == b'\n')
        .unwrap_or(bytes.len().min(4096));
    bytes.get(..end).unwrap_or_default()
}

/// Why the first bytes of a file show it is not CSV text, or `None` if they could be.
fn not_csv_text(start: &[u8]) -> Option<String> {
    const SAVE_AS: &str = "open it in Excel and save it as \"CSV UTF-8 (Comma delimited)\"";
    let what = if start.starts_with(b"PK\x03\x04") || start.starts_with(b"PK\x05\x06") {
        "an Excel workbook (.xlsx) or a zip file, not CSV text"
    } else if start.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        "an Excel 97-2003 workbook (.xls), not CSV text"
    } else if start.starts_with(&[0xFF, 0xFE]) || start.starts_with(&[0xFE, 0xFF]) {
        "UTF-16 text (Excel's \"Unicode Text\"), which the app does not read"
    } else if start.starts_with(b"%PDF") {
        "a PDF document, not CSV text"
    } else if start.starts_with(&[0x1F, 0x8B]) {
        "a gzip-compressed file, not CSV text"
    } else if first_line(start).contains(&0) {
        // A NUL in a later row is that row's problem (see the row parsers).
        return Some(format!(
            "line 1: the file contains NUL bytes, so it is not CSV text (a binary file, or UTF-16 text without a byte-order mark): {SAVE_AS}"
        ));
    } else {
        let control = start
            .iter()
            .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F)
            .count();
        if control > 8 && control * 100 > start.len() {
            "a binary file (it is full of control characters), not CSV text"
        } else {
            return None;
        }
    };
    Some(format!("the file is {what}: {SAVE_AS}"))
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
