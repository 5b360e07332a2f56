//! What a file's first bytes say it is, before any parser sees it: a spreadsheet workbook
//! (read as one), CSV text in some encoding (read as CSV), or something that is neither — a
//! PDF, a gzip file, binary data — named for what it is, in bounded memory.

use super::dialect::TextEncoding;

/// What the first bytes of a tabular file are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// A zip container (xlsx, xlsm, xlsb, ods) or an OLE compound file (xls).
    Workbook,
    Text,
}

/// Spreadsheet file extensions the app reads.
pub const SPREADSHEET_EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// Whether a file name is a spreadsheet workbook by its extension.
pub fn is_spreadsheet_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SPREADSHEET_EXTENSIONS
        .iter()
        .any(|ext| lower.ends_with(&format!(".{ext}")))
}

/// Whether the first bytes are a zip or OLE container, as every workbook is.
pub fn sniff(start: &[u8]) -> Sniffed {
    let zip = start.starts_with(b"PK\x03\x04") || start.starts_with(b"PK\x05\x06");
    let ole = start.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    if zip || ole {
        Sniffed::Workbook
    } else {
        Sniffed::Text
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

/// Why the first bytes of a file show it is not text the app can read as a table, or
/// `None` if they could be. UTF-16 text is text (it is decoded); workbooks never get here.
pub fn not_table_text(start: &[u8], encoding: TextEncoding) -> Option<String> {
    const SAVE_AS: &str =
        "open it in Excel and save it as \"CSV UTF-8 (Comma delimited)\" or as a workbook (.xlsx)";
    if encoding.is_utf16() {
        return None;
    }
    let what = if start.starts_with(b"%PDF") {
        "a PDF document, not CSV text"
    } else if start.starts_with(&[0x1F, 0x8B]) {
        "a gzip-compressed file, not CSV text"
    } else if first_line(start).contains(&0) {
        // A NUL in a later row is that row's problem (see the row parsers).
        return Some(format!(
            "line 1: the file contains NUL bytes, so it is not CSV text (a binary file, or text in an encoding the app does not know): {SAVE_AS}"
        ));
    } else {
        // The first 64 KiB tell a binary file from text as well as the whole chunk.
        let start = start.get(..64 * 1024).unwrap_or(start);
        let control = count_bytes(start, |b| {
            (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') | (b == 0x7F)
        });
        if control > 8 && control * 100 > start.len() {
            "a binary file (it is full of control characters), not CSV text"
        } else {
            return None;
        }
    };
    Some(format!("the file is {what}: {SAVE_AS}"))
}

/// How many bytes `is` holds for, counted in byte-wide lanes (the compiler turns the inner
/// fold into vector instructions: it must not branch, hence `&` and `|`, not `&&` and `||`).
pub(crate) fn count_bytes(bytes: &[u8], is: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(is(b)))))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workbooks_and_other_files_are_named() {
        assert_eq!(sniff(b"PK\x03\x04rest"), Sniffed::Workbook);
        assert_eq!(
            sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            Sniffed::Workbook
        );
        assert_eq!(sniff(b"Crime ID,Month"), Sniffed::Text);
        assert!(is_spreadsheet_name("DA Extract 2024.XLSX"));
        assert!(!is_spreadsheet_name("wards.csv"));
        let pdf = not_table_text(b"%PDF-1.7", TextEncoding::Utf8).unwrap();
        assert!(pdf.contains("a PDF document"), "{pdf}");
        assert_eq!(not_table_text(b"\xFF\xFEa\0", TextEncoding::Utf16Le), None);
        assert!(not_table_text(b"a\0b\n", TextEncoding::Utf8).is_some());
    }

    #[test]
    fn bytes_are_counted_across_lanes() {
        let bytes: Vec<u8> = (0..1000u32)
            .map(|i| if i % 3 == 0 { 1 } else { b'a' })
            .collect();
        assert_eq!(count_bytes(&bytes, |b| b == 1), 334);
        assert_eq!(count_bytes(&[1; 600], |b| b == 1), 600);
        assert_eq!(count_bytes(b"", |_| true), 0);
    }
}
