//! Reading CSV records with exactly the csv crate's results (the same records, with the
//! same positions, as `csv::Reader` built with `has_headers(false)`, `flexible(true)` and
//! the same delimiter and quote), several times faster on the lines most files are made of.
//!
//! A line that holds no quote and no CR is complete once its LF is in the buffer, and its
//! fields are what lies between its delimiters: it is cut with SIMD searches (`memchr`) instead
//! of the csv crate's byte-at-a-time state machine. Every other record (a quoted field, a
//! CR, a line longer than the buffer, the first record of the file) is read by `csv_core`,
//! the state machine the csv crate itself uses, so its rules apply unchanged. Between
//! records `csv_core` is always at the start of a record, which is what makes the two
//! interchangeable record by record.
//!
//! [`FastCsv::read_fields`] hands a record out as a view of those bytes ([`Fields`]), not
//! copied field by field into a `csv::ByteRecord` (which took a third of the reading time).

mod fields;
mod line_scan;

pub use fields::{Cells, Fields};
#[cfg(test)]
use line_scan::zero_bytes;
use line_scan::{delimiter_ends, split_line};

use csv::{ByteRecord, Position};
use csv_core::ReadRecordResult;
use std::io::Read;

/// Reads records from `R` as `csv::Reader` would.
pub struct FastCsv<R> {
    inner: R,
    buf: Vec<u8>,
    /// Unread bytes are `buf[start..end]`.
    start: usize,
    end: usize,
    /// `inner` has no more bytes.
    eof: bool,
    core: csv_core::Reader,
    /// `core` has read the start of the input (where it strips a UTF-8 BOM).
    core_started: bool,
    /// `core` reported the end of the records.
    done: bool,
    pos: Position,
    /// The field delimiter and the quote character.
    delimiter: u8,
    quote: u8,
    /// `core`'s output for one record: field bytes and where each field ends.
    fields: Vec<u8>,
    ends: Vec<usize>,
    /// A plain line's delimiters and its length (where each of its fields ends).
    line_ends: Vec<usize>,
    /// Where in `buf` the first quote or CR at or after `start` is (`end` if there is
    /// none); `None` until looked for since the buffer last changed. Lines before it are
    /// cut at their delimiters without looking at each byte for the other two.
    special: Option<usize>,
}

impl<R: Read> FastCsv<R> {
    /// A reader with a buffer of `capacity` bytes (a plain line longer than this is read
    /// by `csv_core`, in parts), cutting fields at `delimiter`, quoting with `quote`.
    pub fn new(inner: R, capacity: usize, delimiter: u8, quote: u8) -> Self {
        FastCsv {
            inner,
            buf: vec![0; capacity.max(1)],
            start: 0,
            end: 0,
            eof: false,
            core: csv_core::ReaderBuilder::new()
                .delimiter(delimiter)
                .quote(quote)
                .build(),
            core_started: false,
            done: false,
            pos: Position::new(),
            delimiter,
            quote,
            fields: vec![0; 1024],
            ends: vec![0; 64],
            line_ends: Vec::with_capacity(64),
            special: None,
        }
    }

    pub fn get_mut(&mut self) -> &mut R {
        &mut self.inner
    }

    pub fn into_inner(self) -> R {
        self.inner
    }

    /// Where the next record starts, as `csv::Reader::position` says.
    pub fn position(&self) -> &Position {
        &self.pos
    }

    /// Read the next record into `record`; false at the end of the input.
    pub fn read_byte_record(&mut self, record: &mut ByteRecord) -> csv::Result<bool> {
        record.clear();
        record.set_position(Some(self.pos.clone()));
        let mut next_line = 0;
        let Some(read) = self.read_fields(&mut next_line)? else {
            return Ok(false);
        };
        for field in read.fields.iter() {
            record.push_field(field);
        }
        Ok(true)
    }

    /// The next record as a view of the bytes read, where it started (as a
    /// `csv::ByteRecord`'s position says) and the input under the reader; `None` at the end
    /// of the input. `next_line` is set to the line the record after it starts on.
    pub fn read_fields(&mut self, next_line: &mut u64) -> csv::Result<Option<FieldsRead<'_, R>>> {
        let start = self.pos.clone();
        let found = if self.done {
            None
        } else if let Some(line) = self.read_plain_line()? {
            Some(Found::Plain(line))
        } else {
            self.read_with_core()?.map(Found::EndToEnd)
        };
        *next_line = self.pos.line();
        let fields = match found {
            None => return Ok(None),
            Some(Found::Plain(line)) => {
                Fields::between_delimiters(self.buf.get(line).unwrap_or_default(), &self.line_ends)
            }
            Some(Found::EndToEnd(count)) => {
                Fields::end_to_end(&self.fields, self.ends.get(..count).unwrap_or_default())
            }
        };
        Ok(Some(FieldsRead {
            start,
            fields,
            inner: &mut self.inner,
        }))
    }

    /// The next record if it is a plain line (no quote, no CR) already whole in the
    /// buffer, or the last bytes of the input: where it lies in `buf`, its field ends in
    /// `line_ends`. `None` to leave it to `csv_core`.
    fn read_plain_line(&mut self) -> csv::Result<Option<std::ops::Range<usize>>> {
        if !self.core_started {
            return Ok(None);
        }
        loop {
            let available = self.buf.get(self.start..self.end).unwrap_or_default();
            // The line's end and its delimiters, found in one pass.
            let (len, terminated) = match split_line(available, self.delimiter, &mut self.line_ends)
            {
                Some(i) => (i, true),
                None if self.eof => {
                    delimiter_ends(available, self.delimiter, &mut self.line_ends);
                    (available.len(), false)
                }
                None => {
                    if !self.refill()? {
                        return Ok(None);
                    }
                    continue;
                }
            };
            if !terminated && len == 0 {
                return Ok(None);
            }
            let consumed = len + usize::from(terminated);
            if len == 0 {
                // csv_core skips an empty line before a record.
                self.advance(consumed, 1);
                continue;
            }
            if !self.line_is_plain(len) {
                return Ok(None);
            }
            let line = self.start..self.start + len;
            self.advance(consumed, u64::from(terminated));
            self.pos.set_record(self.pos.record() + 1);
            return Ok(Some(line));
        }
    }

    /// Whether the `len` bytes from `start` hold no quote and no CR, found with one SIMD
    /// search per stretch of the buffer rather than a look at every byte of every line.
    fn line_is_plain(&mut self, len: usize) -> bool {
        let special = match self.special {
            Some(at) if at >= self.start => at,
            _ => {
                let unread = self.buf.get(self.start..self.end).unwrap_or_default();
                let at =
                    self.start + memchr::memchr2(self.quote, b'\r', unread).unwrap_or(unread.len());
                *self.special.insert(at)
            }
        };
        self.start + len <= special
    }

    fn advance(&mut self, bytes: usize, lines: u64) {
        self.start += bytes;
        let (byte, line) = (self.pos.byte(), self.pos.line());
        self.pos
            .set_byte(byte + bytes as u64)
            .set_line(line + lines);
    }

    /// Move the unread bytes to the front and read more after them. False if the buffer
    /// is full (a line longer than it) or the input has ended.
    fn refill(&mut self) -> csv::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        self.special = None;
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        let Some(space) = self.buf.get_mut(self.end..).filter(|s| !s.is_empty()) else {
            return Ok(false);
        };
        let n = self.inner.read(space)?;
        if n == 0 {
            self.eof = true;
        }
        self.end += n;
        Ok(n > 0)
    }

    /// One record by `csv_core`, as `csv::Reader::read_byte_record` reads it: its fields
    /// laid end to end in `fields`, how many there are (their ends in `ends`), or `None` at
    /// the end of the records.
    fn read_with_core(&mut self) -> csv::Result<Option<usize>> {
        self.core.set_line(self.pos.line());
        let (mut out_len, mut ends_len) = (0, 0);
        loop {
            if self.start == self.end {
                self.refill()?;
            }
            let input = self.buf.get(self.start..self.end).unwrap_or_default();
            let (result, read, written, ended) = self.core.read_record(
                input,
                self.fields.get_mut(out_len..).unwrap_or_default(),
                self.ends.get_mut(ends_len..).unwrap_or_default(),
            );
            self.core_started = true;
            self.start += read;
            let byte = self.pos.byte();
            self.pos
                .set_byte(byte + read as u64)
                .set_line(self.core.line());
            out_len += written;
            ends_len += ended;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let grown = self.fields.len() * 2;
                    self.fields.resize(grown, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let grown = self.ends.len() * 2;
                    self.ends.resize(grown, 0);
                }
                ReadRecordResult::Record => {
                    self.pos.set_record(self.pos.record() + 1);
                    return Ok(Some(ends_len));
                }
                ReadRecordResult::End => {
                    self.done = true;
                    return Ok(None);
                }
            }
        }
    }
}

/// What [`FastCsv::read_fields`] read.
pub struct FieldsRead<'a, R> {
    /// Where the record started (before any blank lines skipped ahead of it).
    pub start: Position,
    pub fields: Fields<'a>,
    /// The input under the reader, for its own bookkeeping about the record.
    pub inner: &'a mut R,
}

/// Where a record's fields were put.
enum Found {
    /// A plain line in the buffer; its field ends in `line_ends`.
    Plain(std::ops::Range<usize>),
    /// `csv_core`'s output in `fields`: this many fields, their ends in `ends`.
    EndToEnd(usize),
}

#[cfg(test)]
pub(crate) mod tests;
