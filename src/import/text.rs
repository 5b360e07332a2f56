//! Turning raw CSV cell bytes into text: UTF-8 when the bytes are valid UTF-8, otherwise
//! Windows-1252 (what Excel on a council laptop writes). Decoding is per cell, so a file
//! that mixes the two still reads correctly.

use std::borrow::Cow;

/// Decoded cell text and whether the Windows-1252 fallback was needed.
pub fn decode_cell(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), false),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text, true)
        }
    }
}

/// Trim ASCII spaces and tabs from both ends of a cell.
pub fn trim_bytes(bytes: &[u8]) -> &[u8] {
    let is_blank = |b: &u8| matches!(b, b' ' | b'\t');
    // Most cells have nothing to trim: two compares instead of two scans.
    if bytes.first().is_some_and(|b| !is_blank(b)) && bytes.last().is_some_and(|b| !is_blank(b)) {
        return bytes;
    }
    let start = bytes
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t'))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !matches!(b, b' ' | b'\t'))
        .map_or(start, |i| i + 1);
    bytes.get(start..end).unwrap_or_default()
}

/// Strip a UTF-8 byte-order mark from the start of the first header cell.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// A short, printable excerpt of a cell for an error message.
pub fn excerpt(bytes: &[u8]) -> String {
    const MAX: usize = 60;
    let (text, _) = decode_cell(bytes);
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect();
    if clean.chars().count() > MAX {
        format!("{}…", clean.chars().take(MAX).collect::<String>())
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_decoded_when_not_utf8() {
        let (text, fallback) = decode_cell(b"Caf\xe9 \x96 Bar");
        assert_eq!(text, "Café – Bar");
        assert!(fallback);
        let (text, fallback) = decode_cell("Café".as_bytes());
        assert_eq!(text, "Café");
        assert!(!fallback);
    }

    #[test]
    fn trims_and_strips() {
        assert_eq!(trim_bytes(b"  a b \t"), b"a b");
        assert_eq!(trim_bytes(b"   "), b"");
        assert_eq!(strip_bom(b"\xEF\xBB\xBFCrime ID"), b"Crime ID");
        assert_eq!(excerpt(&[b'a'; 100]).chars().count(), 61);
    }
}
