//! Where a table's header is when a download puts a title, a source line or notes above it
//! (ONS and Nomis downloads, workbooks with a heading): the first row with three or more
//! filled cells, when the first row itself has fewer. A file whose first row is a header
//! of three or more columns — every police.uk file — is never touched.
//!
//! Also which rows below such a table are notes ("Source: ONS", footnotes) rather than rows.

use super::super::text::trim_bytes;
use csv::ByteRecord;

/// Rows looked at for the header.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// A header has at least this many named columns to be found below title rows.
const MIN_HEADER_CELLS: usize = 3;

/// Cells that hold something other than spaces.
pub fn filled_cells(record: &ByteRecord) -> usize {
    record
        .iter()
        .filter(|cell| !trim_bytes(cell).is_empty())
        .count()
}

/// Whether a first row could be a title above the header (fewer than three filled cells):
/// only then are the rows below it looked at.
pub fn may_be_title_row(record: &ByteRecord) -> bool {
    filled_cells(record) < MIN_HEADER_CELLS
}

/// The index (into `rows`) of the header: 0 unless the first row has fewer than three
/// filled cells and a later row of the first [`HEADER_SEARCH_ROWS`] has three or more.
pub fn header_index(rows: &[ByteRecord]) -> usize {
    let Some(first) = rows.first() else {
        return 0;
    };
    if !may_be_title_row(first) {
        return 0;
    }
    rows.iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|r| filled_cells(r) >= MIN_HEADER_CELLS)
        .unwrap_or(0)
}

/// Whether a row below a table with title rows is a note: at most one filled cell.
pub fn is_note_row(record: &ByteRecord) -> bool {
    filled_cells(record) <= 1
}

/// "the header is on line 6 (5 title rows above it were not read)".
pub fn title_rows_note(header_position: u64, skipped: usize, unit: &str) -> String {
    let rows = if skipped == 1 { "row" } else { "rows" };
    format!("the header is on {unit} {header_position} ({skipped} title {rows} above it not read)")
}

/// "2 note rows below the table (\"Source: ONS\") were not read".
pub fn notes_below_note(notes: &[String]) -> Option<String> {
    let first = notes.first()?;
    let rows = if notes.len() == 1 { "row" } else { "rows" };
    Some(format!(
        "{} note {rows} below the table (\"{}\") not read",
        notes.len(),
        super::super::text::excerpt(first.as_bytes())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&[&str]]) -> Vec<ByteRecord> {
        lines
            .iter()
            .map(|cells| ByteRecord::from(cells.to_vec()))
            .collect()
    }

    #[test]
    fn a_normal_header_stays_the_first_row() {
        assert_eq!(
            header_index(&rows(&[&["a", "b", "c"], &["1", "2", "3"]])),
            0
        );
        assert_eq!(header_index(&rows(&[&["code", "total"], &["x", "1"]])), 0);
        assert_eq!(header_index(&[]), 0);
    }

    #[test]
    fn title_rows_above_the_header_are_passed_over() {
        let nomis = rows(&[
            &["Census 2021 - TS001"],
            &["ONS Crown Copyright Reserved"],
            &["population:", "All usual residents"],
            &[""],
            &["2021 super output area - lower layer", "mnemonic", "Total"],
            &["Medway 001A", "E01016070", "1676"],
        ]);
        assert_eq!(header_index(&nomis), 4);
        assert!(is_note_row(&ByteRecord::from(vec!["Source: ONS", "", " "])));
        assert!(!is_note_row(&ByteRecord::from(vec!["a", "b"])));
        assert_eq!(
            title_rows_note(5, 4, "line"),
            "the header is on line 5 (4 title rows above it not read)"
        );
    }
}
