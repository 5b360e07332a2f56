//! The bytes under the CSV parser: [`TeeReader`] keeps every raw chunk that passes
//! through (for the content hash), counts them (for progress), decodes UTF-16 or a chosen
//! Windows-1252, turns CRLF into LF, and refuses a row longer than [`MAX_ROW_BYTES`].

use crate::import::table::blank_lines::BlankLines;
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

/// Keeps every raw chunk that passes through (for the content hash), counts bytes, and
/// turns CRLF line ends into LF on the way to the CSV parser: the csv crate numbers lines
/// one short after a CRLF, and a rejected row must name its true line. A chunk with no CR
/// (most files) is handed out as it is, not copied.
pub(super) struct TeeReader<'a, R> {
    pub(super) inner: R,
    /// Bytes handed to the CSV parser since it last finished a record (bounds a row).
    pub(super) since_record: u64,
    pub(super) chunks: Vec<Vec<u8>>,
    pub(super) bytes_read: &'a AtomicU64,
    /// Normalised bytes not yet handed out.
    pub(super) out: Vec<u8>,
    pub(super) out_pos: usize,
    /// `out` is the raw chunk itself (it held no CR): it joins `chunks` when used up.
    pub(super) out_is_raw: bool,
    /// The last raw chunk ended in CR: drop it if the next chunk starts with LF.
    pub(super) pending_cr: bool,
    /// Turns the file's encoding into UTF-8 (UTF-16, or Windows-1252 when chosen).
    pub(super) decoder: Option<encoding_rs::Decoder>,
    /// The input has ended (and the decoder has been flushed).
    pub(super) at_end: bool,
    /// The blank lines handed out, for the true line of the record after them.
    pub(super) blank_lines: BlankLines,
}

/// How much raw input is read at a time (every chunk, not only the first); the first is
/// what a file's dialect, kind and header are found from.
pub const FIRST_CHUNK: usize = 256 * 1024;

/// The longest row (or header) accepted. police.uk rows are a few hundred bytes; anything
/// near this is not a table of rows, and reading on would hold it all in memory.
pub const MAX_ROW_BYTES: u64 = 1024 * 1024;

/// The CSV parser's own buffer: it reads this far ahead of the record it returns.
pub(super) const CSV_BUFFER: usize = 256 * 1024;

/// The I/O error a [`TeeReader`] raises when a row grows past [`MAX_ROW_BYTES`].
#[derive(Debug)]
pub(super) struct RowTooLong;

impl std::fmt::Display for RowTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a row longer than {MAX_ROW_BYTES} bytes")
    }
}

impl std::error::Error for RowTooLong {}

/// Read up to one chunk of raw bytes, counting them for progress.
pub(super) fn read_chunk(
    input: &mut impl Read,
    bytes_read: &AtomicU64,
) -> std::io::Result<Vec<u8>> {
    // Not zero-filled: read_to_end writes only what it reads.
    let mut raw = Vec::with_capacity(FIRST_CHUNK);
    let n = input.take(FIRST_CHUNK as u64).read_to_end(&mut raw)?;
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
    pub(super) fn push(&mut self, raw: Vec<u8>) {
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
