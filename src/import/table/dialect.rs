//! Which CSV dialect a file is written in, detected from its first bytes: the text
//! encoding (UTF-8 with or without a byte-order mark, UTF-16 as Excel's "Unicode text"
//! writes it, or Windows-1252/Latin-1), the delimiter (comma, semicolon as Excel writes on a
//! European locale, tab, pipe) and the quote character — and the sentence that says so.
//!
//! Detection only looks; reading is the CSV reader's. An analyst's choice overrides any
//! part of it (see [`DialectChoice`]).

use serde::{Deserialize, Serialize};

/// How a file's bytes are text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    Utf8,
    /// UTF-16 little-endian (what Windows and Excel write), with or without a BOM.
    Utf16Le,
    Utf16Be,
    /// Windows-1252, the superset of Latin-1 (ISO-8859-1) Excel writes on a UK laptop.
    Windows1252,
}

impl TextEncoding {
    pub const ALL: [TextEncoding; 4] = [
        TextEncoding::Utf8,
        TextEncoding::Windows1252,
        TextEncoding::Utf16Le,
        TextEncoding::Utf16Be,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16 (Excel \"Unicode text\")",
            TextEncoding::Utf16Be => "UTF-16 big-endian",
            TextEncoding::Windows1252 => "Windows-1252 (Latin-1)",
        }
    }

    pub fn is_utf16(self) -> bool {
        matches!(self, TextEncoding::Utf16Le | TextEncoding::Utf16Be)
    }

    /// The `encoding_rs` decoder that turns this encoding into UTF-8, when it is not UTF-8
    /// already. A byte-order mark at the start is removed.
    pub fn decoder(self) -> Option<encoding_rs::Decoder> {
        match self {
            TextEncoding::Utf8 => None,
            TextEncoding::Utf16Le => Some(encoding_rs::UTF_16LE.new_decoder_with_bom_removal()),
            TextEncoding::Utf16Be => Some(encoding_rs::UTF_16BE.new_decoder_with_bom_removal()),
            TextEncoding::Windows1252 => {
                Some(encoding_rs::WINDOWS_1252.new_decoder_with_bom_removal())
            }
        }
    }
}

/// The delimiters tried, in order of preference when the evidence is equal.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How a CSV file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Dialect {
    pub encoding: TextEncoding,
    pub delimiter: u8,
    pub quote: u8,
    /// Whether any field in the first rows is quoted.
    pub has_quoted_fields: bool,
}

impl Default for Dialect {
    fn default() -> Self {
        Dialect {
            encoding: TextEncoding::Utf8,
            delimiter: b',',
            quote: b'"',
            has_quoted_fields: false,
        }
    }
}

/// The analyst's overrides of a detected dialect; `None` keeps what was detected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DialectChoice {
    pub encoding: Option<TextEncoding>,
    pub delimiter: Option<u8>,
}

impl DialectChoice {
    pub fn is_automatic(&self) -> bool {
        self.encoding.is_none() && self.delimiter.is_none()
    }
}

/// The analyst's name for a delimiter.
pub fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        b'|' => "pipe",
        _ => "other",
    }
}

impl Dialect {
    /// "semicolon-separated, Windows-1252 (Latin-1) text, fields in double quotes".
    pub fn describe(&self) -> String {
        let quoting = match (self.has_quoted_fields, self.quote) {
            (false, _) => "no quoted fields".to_string(),
            (true, b'\'') => "fields in single quotes".to_string(),
            (true, _) => "fields in double quotes".to_string(),
        };
        format!(
            "{}-separated, {} text, {quoting}",
            delimiter_name(self.delimiter),
            self.encoding.name()
        )
    }

    /// Whether the file is the plain form every tool writes (comma, UTF-8): nothing worth
    /// a note in the import summary.
    pub fn is_plain(&self) -> bool {
        self.delimiter == b',' && self.encoding == TextEncoding::Utf8
    }
}

/// The encoding of a file from its first bytes.
pub fn detect_encoding(start: &[u8]) -> TextEncoding {
    if start.starts_with(&[0xFF, 0xFE]) {
        return TextEncoding::Utf16Le;
    }
    if start.starts_with(&[0xFE, 0xFF]) {
        return TextEncoding::Utf16Be;
    }
    if start.starts_with(b"\xEF\xBB\xBF") {
        return TextEncoding::Utf8;
    }
    if let Some(utf16) = utf16_without_bom(start) {
        return utf16;
    }
    let sample = start.get(..start.len().min(64 * 1024)).unwrap_or_default();
    match std::str::from_utf8(sample) {
        Ok(_) => TextEncoding::Utf8,
        // A character cut off at the end of the sample is still UTF-8.
        Err(e) if e.error_len().is_none() => TextEncoding::Utf8,
        Err(_) => TextEncoding::Windows1252,
    }
}

/// UTF-16 written without a byte-order mark: ASCII text with a NUL beside every character.
fn utf16_without_bom(start: &[u8]) -> Option<TextEncoding> {
    let pairs: Vec<&[u8]> = start.chunks_exact(2).take(512).collect();
    if pairs.len() < 4 {
        return None;
    }
    let high_nul = pairs.iter().filter(|p| p[0] != 0 && p[1] == 0).count();
    let low_nul = pairs.iter().filter(|p| p[0] == 0 && p[1] != 0).count();
    let most = pairs.len() * 8 / 10;
    if high_nul >= most {
        Some(TextEncoding::Utf16Le)
    } else if low_nul >= most {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// The rows of a sample read with one delimiter: how many fields each has. Rows with a
/// single field are left out: they show no delimiter, and only wider rows are scored.
fn field_counts(text: &[u8], delimiter: u8, quote: u8) -> Vec<usize> {
    if memchr::memchr(quote, text).is_none() {
        // Nothing is quoted, so every delimiter splits and every line break ends a row
        // (CR, LF or CRLF, as the CSV reader reads them): counting bytes gives what the
        // reader would, many times faster.
        let mut counts = Vec::new();
        let mut start = 0;
        let ends = memchr::memchr2_iter(b'\n', b'\r', text).chain([text.len()]);
        for end in ends {
            let line = text.get(start..end).unwrap_or_default();
            let fields = 1 + super::sniff::count_bytes(line, |b| b == delimiter);
            if fields > 1 {
                counts.push(fields);
            }
            start = end + 1;
        }
        return counts;
    }
    field_counts_read(text, delimiter, quote)
}

/// [`field_counts`] as the CSV reader finds them, quotes and all.
fn field_counts_read(text: &[u8], delimiter: u8, quote: u8) -> Vec<usize> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .quote(quote)
        .from_reader(text);
    let mut record = csv::ByteRecord::new();
    let mut counts = Vec::new();
    while let Ok(true) = reader.read_byte_record(&mut record) {
        if record.len() > 1 {
            counts.push(record.len());
        }
    }
    counts
}

/// Whether a quote opens a field (after a delimiter or a line break, or at the start) or
/// closes one (before a delimiter or a line break). Visits only the quote characters.
fn has_quoted_field(text: &[u8], delimiter: u8, quote: u8) -> bool {
    text.first() == Some(&quote)
        || memchr::memchr_iter(quote, text).any(|at| {
            let before = at.checked_sub(1).and_then(|i| text.get(i));
            let after = text.get(at + 1);
            matches!(before, Some(&b) if b == delimiter || b == b'\n')
                || matches!(after, Some(&b) if b == delimiter || b == b'\n' || b == b'\r')
        })
}

/// How strongly a delimiter splits the sample into a table: the number of rows with the
/// most common field count, when that count is above one.
fn table_score(counts: &[usize]) -> usize {
    let mut tally: Vec<(usize, usize)> = Vec::new();
    for &n in counts.iter().filter(|&&n| n > 1) {
        match tally.iter_mut().find(|(width, _)| *width == n) {
            Some(entry) => entry.1 += 1,
            None => tally.push((n, 1)),
        }
    }
    tally.iter().map(|(_, rows)| *rows).max().unwrap_or(0)
}

/// The delimiter and quote of a file from its first rows, decoded to UTF-8 (or bytes
/// that are ASCII-compatible). Comma when nothing splits the rows better.
pub fn detect_dialect(sample: &[u8], encoding: TextEncoding) -> Dialect {
    // Only whole lines: the last one may be cut off where the sample ends.
    let whole = match sample.iter().rposition(|&b| b == b'\n') {
        Some(end) if end + 1 < sample.len() => sample.get(..=end).unwrap_or(sample),
        _ => sample,
    };
    let whole = whole.get(..whole.len().min(64 * 1024)).unwrap_or(whole);
    let mut best = Dialect {
        encoding,
        ..Dialect::default()
    };
    let mut best_score = 0;
    for quote in [b'"', b'\''] {
        // Single quotes that never occur quote nothing (the loop would skip them).
        if quote == b'\'' && memchr::memchr(quote, whole).is_none() {
            continue;
        }
        for delimiter in DELIMITERS {
            // A delimiter that never occurs splits no row (score 0, so it cannot win);
            // the pass of the one standing as best still runs, as it notes quoted fields.
            if delimiter != best.delimiter && memchr::memchr(delimiter, whole).is_none() {
                continue;
            }
            let quoted = has_quoted_field(whole, delimiter, quote);
            // Single quotes only when they really quote fields (apostrophes are common).
            if quote == b'\'' && !quoted {
                continue;
            }
            let score = table_score(&field_counts(whole, delimiter, quote));
            let better = score > best_score
                || (quote == b'\'' && score == best_score && score > 0 && !best.has_quoted_fields);
            if better {
                best_score = score;
                best = Dialect {
                    encoding,
                    delimiter,
                    quote,
                    has_quoted_fields: quoted,
                };
            } else if quote == b'"' && delimiter == best.delimiter && best.quote == b'"' {
                best.has_quoted_fields |= quoted;
            }
        }
    }
    best
}

/// The dialect with the analyst's overrides applied.
pub fn apply_choice(detected: Dialect, choice: &DialectChoice) -> Dialect {
    Dialect {
        encoding: choice.encoding.unwrap_or(detected.encoding),
        delimiter: choice.delimiter.unwrap_or(detected.delimiter),
        ..detected
    }
}

/// The first bytes of a file as UTF-8 (or ASCII-compatible) bytes, for
/// [`detect_dialect`]: UTF-16 is decoded, other encodings are left as they are (their
/// delimiters and quotes are ASCII).
pub fn sample_text(start: &[u8], encoding: TextEncoding) -> std::borrow::Cow<'_, [u8]> {
    match encoding {
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let mut decoder = encoding.decoder();
            let mut out = String::with_capacity(start.len());
            if let Some(decoder) = decoder.as_mut() {
                out.reserve(
                    decoder
                        .max_utf8_buffer_length(start.len())
                        .unwrap_or(start.len() * 3),
                );
                let _ = decoder.decode_to_string(start, &mut out, false);
            }
            std::borrow::Cow::Owned(out.into_bytes())
        }
        _ => std::borrow::Cow::Borrowed(start),
    }
}

#[cfg(test)]
mod tests;
