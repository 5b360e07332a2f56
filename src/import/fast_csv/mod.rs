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
        if self.done {
            return Ok(false);
        }
        if self.core_started && self.read_plain_line(record)? {
            return Ok(true);
        }
        self.read_with_core(record)
    }

    /// The next record if it is a plain line (no quote, no CR) already whole in the
    /// buffer, or the last bytes of the input; false to leave it to `csv_core`.
    fn read_plain_line(&mut self, record: &mut ByteRecord) -> csv::Result<bool> {
        loop {
            let available = self.buf.get(self.start..self.end).unwrap_or_default();
            let (len, terminated) = match memchr::memchr(b'\n', available) {
                Some(i) => (i, true),
                None if self.eof => (available.len(), false),
                None => {
                    if !self.refill()? {
                        return Ok(false);
                    }
                    continue;
                }
            };
            if !terminated && len == 0 {
                return Ok(false);
            }
            let consumed = len + usize::from(terminated);
            if len == 0 {
                // csv_core skips an empty line before a record.
                self.advance(consumed, 1);
                continue;
            }
            let plain = self.line_is_plain(len);
            let line = self
                .buf
                .get(self.start..self.start + len)
                .unwrap_or_default();
            if !plain {
                return Ok(false);
            }
            split_at_delimiters(line, self.delimiter, record);
            self.advance(consumed, u64::from(terminated));
            self.pos.set_record(self.pos.record() + 1);
            return Ok(true);
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

    /// One record by `csv_core`, as `csv::Reader::read_byte_record` reads it.
    fn read_with_core(&mut self, record: &mut ByteRecord) -> csv::Result<bool> {
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
                    let mut field_start = 0;
                    for &field_end in self.ends.get(..ends_len).unwrap_or_default() {
                        let field = self.fields.get(field_start..field_end);
                        record.push_field(field.unwrap_or_default());
                        field_start = field_end;
                    }
                    self.pos.set_record(self.pos.record() + 1);
                    return Ok(true);
                }
                ReadRecordResult::End => {
                    self.done = true;
                    return Ok(false);
                }
            }
        }
    }
}

/// Cut a line known to hold no quote and no CR at its delimiters into `record`, 8 bytes at
/// a time.
fn split_at_delimiters(line: &[u8], delimiter: u8, record: &mut ByteRecord) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut field_start = 0;
    let mut chunks = line.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        let mut delimiters = zero_bytes(word ^ (ONES * u64::from(delimiter)));
        while delimiters != 0 {
            let at = base + (delimiters.trailing_zeros() / 8) as usize;
            record.push_field(line.get(field_start..at).unwrap_or_default());
            field_start = at + 1;
            delimiters &= delimiters - 1;
        }
        base += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b == delimiter {
            record.push_field(line.get(field_start..base + i).unwrap_or_default());
            field_start = base + i + 1;
        }
    }
    record.push_field(line.get(field_start..).unwrap_or_default());
}

/// The high bit of each byte of `x` that is zero, and no other bit (exact: no carry
/// crosses a byte, unlike the shorter `(x - 0x01..) & !x & 0x80..`).
fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    !(((x & LOW7) + LOW7) | x | LOW7)
}

#[cfg(test)]
pub(crate) mod tests;
