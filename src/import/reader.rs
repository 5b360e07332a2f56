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
//! Workbooks are read by [`super::table::sheet`]; both are behind [`TableReader`].

use super::fast_csv::FastCsv;
pub use super::table::TableReader;

use super::table::blank_lines::BlankLines;
use super::table::dialect::{
    apply_choice, detect_dialect, detect_encoding, sample_text, Dialect, DialectChoice,
    TextEncoding,
};
use super::table::header_row::{
    header_index, is_note_row, may_be_title_row, notes_below_note, title_rows_note,
    HEADER_SEARCH_ROWS,
};
use super::table::sniff::not_table_text;
use super::text::{decode_cell, strip_bom, trim_bytes};
use super::ImportError;
use sha2::{Digest, Sha256};
use std::collections::VecDeque;
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
    /// Turns the file's encoding into UTF-8 (UTF-16, or Windows-1252 when chosen).
    decoder: Option<encoding_rs::Decoder>,
    /// The input has ended (and the decoder has been flushed).
    at_end: bool,
    /// The blank lines handed out, for the true line of the record after them.
    blank_lines: BlankLines,
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

/// Read up to one chunk of raw bytes, counting them for progress.
fn read_chunk(input: &mut impl Read, bytes_read: &AtomicU64) -> std::io::Result<Vec<u8>> {
    // Not zero-filled: read_to_end writes only what it reads.
    let mut raw = Vec::with_capacity(CHUNK);
    let n = input.take(CHUNK as u64).read_to_end(&mut raw)?;
    bytes_read.fetch_add(n as u64, Ordering::Relaxed);
    Ok(raw)
}

impl<R: Read> TeeReader<'_, R> {
    /// Read one raw chunk and normalise it into `out`. False at the end of the input
    /// with nothing left to hand out.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.at_end {
            return Ok(false);
        }
        let raw = read_chunk(&mut self.inner, self.bytes_read)?;
        self.push(raw);
        Ok(!self.at_end || !self.out.is_empty())
    }

    /// Decode and normalise one raw chunk (empty at the end of the input) into `out`,
    /// keeping the raw bytes for the hash.
    fn push(&mut self, raw: Vec<u8>) {
        if std::mem::take(&mut self.out_is_raw) {
            self.chunks.push(std::mem::take(&mut self.out));
        }
        self.out.clear();
        self.out_pos = 0;
        let last = raw.is_empty();
        self.at_end = last;
        // Most files: UTF-8 with no CR, handed to the parser as they are, not copied.
        if !last
            && self.decoder.is_none()
            && !self.pending_cr
            && memchr::memchr(b'\r', &raw).is_none()
        {
            self.blank_lines.note(&raw);
            self.out = raw;
            self.out_is_raw = true;
            return;
        }
        let decoded = self.decoder.as_mut().map(|decoder| {
            let mut text = String::with_capacity(
                decoder
                    .max_utf8_buffer_length(raw.len())
                    .unwrap_or(raw.len() * 3),
            );
            let _ = decoder.decode_to_string(&raw, &mut text, last);
            text.into_bytes()
        });
        let text: &[u8] = decoded.as_deref().unwrap_or(&raw);
        // A chunk that decodes to nothing yet (half a UTF-16 unit) leaves a CR pending.
        let carried_cr = (last || !text.is_empty()) && std::mem::take(&mut self.pending_cr);
        if carried_cr && text.first() != Some(&b'\n') {
            self.out.push(b'\r');
        }
        let (body, ends_in_cr) = match text.split_last() {
            Some((b'\r', rest)) => (rest, true),
            _ => (text, false),
        };
        normalise_line_ends(body, &mut self.out);
        self.blank_lines.note(&self.out);
        self.pending_cr = ends_in_cr;
        if !raw.is_empty() {
            self.chunks.push(raw);
        }
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
pub struct CsvReader<'a, R: Read> {
    name: String,
    reader: FastCsv<TeeReader<'a, R>>,
    header: Vec<String>,
    record: csv::ByteRecord,
    start_bytes: u64,
    counter: &'a AtomicU64,
    /// The line the next record starts on (for a row that never ends).
    next_line: u64,
    dialect: Dialect,
    /// Whether the analyst chose any part of the dialect.
    dialect_chosen: bool,
    /// Records read ahead (while looking for the header, or after held note rows).
    pending: VecDeque<(u64, csv::ByteRecord)>,
    /// Title rows above the header, and the header's line.
    title_rows: usize,
    header_line: u64,
    /// Rows of one filled cell held back: notes if nothing follows them.
    held: Vec<(u64, csv::ByteRecord)>,
    notes_below: Vec<String>,
    /// An error met while reading ahead, raised when the rows before it have been read.
    deferred_error: Option<ImportError>,
}

/// Where a CSV reader starts: the input, its first raw chunk (already read to tell CSV
/// from a workbook), and the byte count before it.
pub struct CsvStart<'a, R> {
    pub input: R,
    pub first_chunk: Vec<u8>,
    pub bytes_read: &'a AtomicU64,
    pub start_bytes: u64,
}

impl<'a, R: Read> CsvReader<'a, R> {
    /// Detect the dialect (unless chosen), read the header below any title rows.
    pub fn open(
        name: &str,
        start: CsvStart<'a, R>,
        choice: &DialectChoice,
    ) -> Result<Self, ImportError> {
        let first = start.first_chunk;
        let encoding = choice.encoding.unwrap_or_else(|| detect_encoding(&first));
        if let Some(reason) = not_table_text(&first, encoding) {
            return Err(bad_file(name, reason));
        }
        let detected = detect_dialect(&sample_text(&first, encoding), encoding);
        let dialect = apply_choice(detected, choice);
        // Windows-1252 detected is decoded cell by cell (a UTF-8 cell stays UTF-8); chosen,
        // the whole file is read as it.
        let decoder = if encoding.is_utf16() || choice.encoding == Some(TextEncoding::Windows1252) {
            encoding.decoder()
        } else {
            None
        };
        let mut tee = TeeReader {
            inner: start.input,
            since_record: 0,
            chunks: Vec::new(),
            bytes_read: start.bytes_read,
            out: Vec::new(),
            out_pos: 0,
            out_is_raw: false,
            pending_cr: false,
            decoder,
            at_end: false,
            blank_lines: BlankLines::default(),
        };
        tee.push(first);
        // The csv crate's records (has_headers(false), flexible(true)), faster.
        let reader = FastCsv::new(tee, CSV_BUFFER, dialect.delimiter, dialect.quote);
        let mut table = CsvReader {
            name: name.to_string(),
            reader,
            header: Vec::new(),
            record: csv::ByteRecord::new(),
            start_bytes: start.start_bytes,
            counter: start.bytes_read,
            next_line: 1,
            dialect,
            dialect_chosen: !choice.is_automatic(),
            pending: VecDeque::new(),
            title_rows: 0,
            header_line: 1,
            held: Vec::new(),
            notes_below: Vec::new(),
            deferred_error: None,
        };
        table.read_header()?;
        Ok(table)
    }

    /// The header: the first record, or the first wide one below title rows.
    fn read_header(&mut self) -> Result<(), ImportError> {
        let Some((line, first)) = self.read_raw_record()? else {
            return Err(bad_file(&self.name, "the file is empty".into()));
        };
        let needs_search = may_be_title_row(&first);
        let mut ahead = vec![(line, first)];
        if needs_search {
            while ahead.len() < HEADER_SEARCH_ROWS {
                match self.read_raw_record() {
                    Ok(Some(next)) => ahead.push(next),
                    Ok(None) => break,
                    // A bad row below the first is that row's problem, met in its turn.
                    Err(e) => {
                        self.deferred_error = Some(e);
                        break;
                    }
                }
            }
        }
        let records: Vec<csv::ByteRecord> = ahead.iter().map(|(_, r)| r.clone()).collect();
        let at = header_index(&records);
        let mut rows = ahead.into_iter().skip(at);
        let Some((line, header)) = rows.next() else {
            return Err(bad_file(&self.name, "the file is empty".into()));
        };
        self.pending.extend(rows);
        self.title_rows = at;
        self.header_line = line;
        self.header = header_names(&header);
        if self.header.iter().all(String::is_empty) {
            return Err(bad_file(
                &self.name,
                format!("line {line}: the header row is empty (no column names)"),
            ));
        }
        Ok(())
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Header cells as trimmed text (BOM removed).
    pub fn header(&self) -> &[String] {
        &self.header
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The header's line (below any title rows).
    pub fn header_line(&self) -> u64 {
        self.header_line
    }

    /// Sentences for the import summary: an unusual dialect, title rows, notes below.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.dialect.is_plain() || self.dialect_chosen {
            let how = if self.dialect_chosen {
                "as chosen"
            } else {
                "detected from the first rows"
            };
            notes.push(format!("read as {} ({how})", self.dialect.describe()));
        }
        if self.title_rows > 0 {
            notes.push(title_rows_note(self.header_line, self.title_rows, "line"));
        }
        notes.extend(notes_below_note(&self.notes_below));
        notes
    }

    /// Read the parser's next record into `self.record`: its line, or `None` at the end.
    fn parse_next(&mut self) -> Result<Option<u64>, ImportError> {
        let more = match self.reader.read_byte_record(&mut self.record) {
            Ok(more) => more,
            Err(e) => return Err(self.csv_error(&e)),
        };
        self.reader.get_mut().since_record = 0;
        self.next_line = self.reader.position().line();
        if !more {
            return Ok(None);
        }
        // The parser numbers a record from the first blank line before it.
        let (offset, line) = self
            .record
            .position()
            .map_or((0, 0), |p| (p.byte(), p.line()));
        Ok(Some(
            line + self.reader.get_mut().blank_lines.skipped_at(offset),
        ))
    }

    /// One record straight from the parser, with its line.
    fn read_raw_record(&mut self) -> Result<Option<(u64, csv::ByteRecord)>, ImportError> {
        Ok(self.parse_next()?.map(|line| (line, self.record.clone())))
    }

    /// The next record and its line number, or `None` at the end of the file.
    ///
    /// Below a table that had title rows, rows of one filled cell at the very end are notes
    /// ("Source: ONS"), not rows: they are left out and named in [`CsvReader::notes`].
    ///
    /// A row longer than [`MAX_ROW_BYTES`] is [`ImportError::BadFile`] naming its line; a
    /// failure to read the bytes is [`ImportError::Io`].
    pub fn next_record(&mut self) -> Result<Option<(u64, &csv::ByteRecord)>, ImportError> {
        loop {
            if let Some((line, record)) = self.pending.pop_front() {
                self.record = record;
                return Ok(Some((line, &self.record)));
            }
            if let Some(error) = self.deferred_error.take() {
                return Err(error);
            }
            let Some(line) = self.parse_next()? else {
                self.notes_below.extend(
                    self.held
                        .drain(..)
                        .map(|(_, r)| raw_text(&r).trim_matches(',').to_string()),
                );
                return Ok(None);
            };
            if self.title_rows > 0 && is_note_row(&self.record) {
                self.held.push((line, self.record.clone()));
                continue;
            }
            if !self.held.is_empty() {
                self.pending.extend(self.held.drain(..));
                self.pending.push_back((line, self.record.clone()));
                continue;
            }
            return Ok(Some((line, &self.record)));
        }
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
    /// the chunk being parsed comes with a later call or with [`CsvReader::finish`].
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

/// Start a CSV reader on `input`: read its first chunk.
pub fn start_csv<'a, R: Read>(
    mut input: R,
    bytes_read: &'a AtomicU64,
) -> std::io::Result<CsvStart<'a, R>> {
    let start_bytes = bytes_read.load(Ordering::Relaxed);
    let first_chunk = read_chunk(&mut input, bytes_read)?;
    Ok(CsvStart {
        input,
        first_chunk,
        bytes_read,
        start_bytes,
    })
}

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
    use crate::import::fast_csv::tests::Trickle;

    fn lines_of(data: &[u8], chunk: usize) -> (Vec<u64>, Vec<u8>) {
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
            // Blank lines, before the header too, and CRLF ones split across chunks.
            let (lines, cells) = lines_of(b"\r\nh\r\na\r\n\r\n\r\nb\n\n\"c\n\nd\"\ne", chunk);
            assert_eq!(lines, vec![3, 6, 8, 11], "chunk {chunk}");
            assert_eq!(cells, b"abc\n\nde".to_vec(), "chunk {chunk}");
        }
    }
}
