//! Reading a CSV file record by record once it is open: each record with its true line,
//! note rows below a titled table held back, a row that never ends refused with its line,
//! and the raw chunks handed on for the hash. Opening (dialect, header) is in [`super::open`].

use super::raw_chunks::FileEnd;
use super::record_text::raw_text;
use super::tee::{RowTooLong, TeeReader, MAX_ROW_BYTES};
use super::{bad_file, read_error};
use crate::import::fast_csv::{FastCsv, Fields};
use crate::import::table::dialect::Dialect;
use crate::import::table::header_row::is_note_row;
use crate::import::ImportError;
use std::collections::VecDeque;
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

/// Reads a CSV file record by record.
pub struct CsvReader<'a, R: Read> {
    pub(super) name: String,
    pub(super) reader: FastCsv<TeeReader<'a, R>>,
    pub(super) header: Vec<String>,
    pub(super) record: csv::ByteRecord,
    pub(super) start_bytes: u64,
    pub(super) counter: &'a AtomicU64,
    /// The line the next record starts on (for a row that never ends).
    pub(super) next_line: u64,
    pub(super) dialect: Dialect,
    /// Whether the analyst chose any part of the dialect.
    pub(super) dialect_chosen: bool,
    /// Records read ahead (while looking for the header, or after held note rows).
    pub(super) pending: VecDeque<(u64, csv::ByteRecord)>,
    /// Title rows above the header, and the header's line.
    pub(super) title_rows: usize,
    pub(super) header_line: u64,
    /// Rows of one filled cell held back: notes if nothing follows them.
    pub(super) held: Vec<(u64, csv::ByteRecord)>,
    pub(super) notes_below: Vec<String>,
    /// An error met while reading ahead, raised when the rows before it have been read.
    pub(super) deferred_error: Option<ImportError>,
    /// Where the fields of `record` end, when it is handed out as [`Fields`].
    pub(super) record_ends: Vec<usize>,
}

impl<'a, R: Read> CsvReader<'a, R> {
    /// Read the parser's next record into `self.record`: its line, or `None` at the end.
    pub(super) fn parse_next(&mut self) -> Result<Option<u64>, ImportError> {
        let Some((line, start, fields)) =
            read_view(&mut self.reader, &self.name, &mut self.next_line)?
        else {
            return Ok(None);
        };
        self.record.clear();
        self.record.set_position(Some(start));
        for field in fields.iter() {
            self.record.push_field(field);
        }
        Ok(Some(line))
    }

    /// One record straight from the parser, with its line.
    pub(super) fn read_raw_record(
        &mut self,
    ) -> Result<Option<(u64, csv::ByteRecord)>, ImportError> {
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

    /// Like [`CsvReader::next_record`], the record a view of the bytes read rather than a
    /// copy (the rows of most files: nothing read ahead, no title rows above the header).
    pub fn next_fields(&mut self) -> Result<Option<(u64, Fields<'_>)>, ImportError> {
        let reading_ahead = self.title_rows > 0
            || !self.pending.is_empty()
            || !self.held.is_empty()
            || self.deferred_error.is_some();
        if reading_ahead {
            let Some((line, _)) = self.next_record()? else {
                return Ok(None);
            };
            return Ok(Some((
                line,
                Fields::of_record(&self.record, &mut self.record_ends),
            )));
        }
        let read = read_view(&mut self.reader, &self.name, &mut self.next_line)?;
        Ok(read.map(|(line, _, fields)| (line, fields)))
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

/// The parser's next record as a view of its buffer: its true line, where the parser
/// started it, and its fields; `None` at the end. `next_line` is set to the line the record
/// after it starts on.
fn read_view<'r, R: Read>(
    reader: &'r mut FastCsv<TeeReader<'_, R>>,
    name: &str,
    next_line: &mut u64,
) -> Result<Option<(u64, csv::Position, Fields<'r>)>, ImportError> {
    // Bytes the parser takes from here on belong to this record (bounds a row's length).
    reader.get_mut().since_record = 0;
    let read = match reader.read_fields(next_line) {
        Ok(read) => read,
        Err(e) => return Err(csv_error(name, *next_line, &e)),
    };
    let Some(read) = read else {
        return Ok(None);
    };
    // The parser numbers a record from the first blank line before it.
    let line = read.start.line() + read.inner.blank_lines.skipped_at(read.start.byte());
    Ok(Some((line, read.start, read.fields)))
}

/// What a failure of the CSV parser means for the file `name`, the row it was in starting
/// on line `line`.
fn csv_error(name: &str, line: u64, error: &csv::Error) -> ImportError {
    let csv::ErrorKind::Io(io) = error.kind() else {
        return bad_file(name, error.to_string());
    };
    let too_long = io.get_ref().is_some_and(|e| e.is::<RowTooLong>());
    if too_long {
        bad_file(
            name,
            format!(
                "line {line}: the row starting on this line is longer than {} MB (a police.uk row is a few hundred bytes): the file has no line ends, or a quote (\") opened on this line is never closed",
                MAX_ROW_BYTES / (1024 * 1024)
            ),
        )
    } else {
        read_error(name, io)
    }
}
