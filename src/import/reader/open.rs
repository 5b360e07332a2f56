//! Opening a CSV reader: the dialect detected from the first chunk (or chosen), a file
//! that is not text refused, the header found below any title rows, and what opening
//! learned (header, dialect, the notes for the import summary).

use super::bad_file;
use super::csv_reader::CsvReader;
use super::record_text::header_names;
use super::tee::{read_chunk, TeeReader, CSV_BUFFER};
use crate::import::fast_csv::FastCsv;
use crate::import::table::blank_lines::BlankLines;
use crate::import::table::dialect::{
    apply_choice, detect_dialect, detect_encoding, sample_text, Dialect, DialectChoice,
    TextEncoding,
};
use crate::import::table::header_row::{
    header_index, may_be_title_row, notes_below_note, title_rows_note, HEADER_SEARCH_ROWS,
};
use crate::import::table::sniff::not_table_text;
use crate::import::ImportError;
use std::collections::VecDeque;
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

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
            record_ends: Vec::new(),
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
