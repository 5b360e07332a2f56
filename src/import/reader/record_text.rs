//! A record turned into text: the header's names, and a rejected row as CSV for the
//! rejected-rows table.

use crate::import::text::{decode_cell, strip_bom, trim_bytes};

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
