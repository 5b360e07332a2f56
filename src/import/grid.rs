//! Small tables read whole, for readers that find their own header among the rows (an
//! action plan, partner indicators): a CSV file, or every sheet of a workbook that has
//! anything in it, as rows of text cells each knowing where it came from (line 5, or sheet
//! "Fire", row 5), with the file's SHA-256. For files a partner or a plan owner keeps in
//! Excel — hundreds of rows, not millions.
//!
//! Read through `import::table`, the app's one table reader: CSV in any common dialect
//! and encoding, workbook cells as a UK Excel shows them (dates `30/06/2024`, numbers to
//! Excel's 15 digits). Knows nothing of what the columns mean.

use super::reader::{bad_file, ContentHasher, TableReader};
use super::table::sheet::read_every_sheet;
use super::table::sniff::{is_spreadsheet_name, sniff, Sniffed};
use super::ImportError;
use std::path::Path;
use std::sync::atomic::AtomicU64;

/// Larger than any table a partner keeps by hand; refused before it is read into memory.
pub const MAX_GRID_BYTES: u64 = 50 * 1024 * 1024;

/// One cell as the file shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum GridCell {
    Empty,
    Text(String),
}

impl GridCell {
    /// The cell's text, trimmed.
    pub fn text(&self) -> String {
        match self {
            GridCell::Empty => String::new(),
            GridCell::Text(t) => t.trim().to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            GridCell::Empty => true,
            GridCell::Text(t) => t.trim().is_empty(),
        }
    }
}

/// Where a row is in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowPlace {
    /// 1-based line of a CSV file.
    Line(u64),
    /// 1-based row of a named sheet.
    Sheet { sheet: String, row: u32 },
}

impl RowPlace {
    /// The number stored as a rejected row's line.
    pub fn number(&self) -> u64 {
        match self {
            RowPlace::Line(n) => *n,
            RowPlace::Sheet { row, .. } => u64::from(*row),
        }
    }
}

impl std::fmt::Display for RowPlace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowPlace::Line(n) => write!(f, "line {n}"),
            RowPlace::Sheet { sheet, row } => write!(f, "sheet \"{sheet}\", row {row}"),
        }
    }
}

/// One table: a CSV file, or one sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The file name, with the sheet for a workbook: `fire.xlsx` / `fire.xlsx [Q data]`.
    pub name: String,
    pub sheet: Option<String>,
    pub rows: Vec<(RowPlace, Vec<GridCell>)>,
}

#[cfg(test)]
impl Grid {
    /// A CSV-like grid from text rows (line 1 first; blank text is an empty cell).
    pub fn of_text(name: &str, rows: &[&[&str]]) -> Grid {
        Grid {
            name: name.to_string(),
            sheet: None,
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, cells)| {
                    (
                        RowPlace::Line(i as u64 + 1),
                        cells.iter().map(|c| text_cell(c.to_string())).collect(),
                    )
                })
                .collect(),
        }
    }
}

/// A file read as tables, with what identifies it.
#[derive(Debug, Clone, PartialEq)]
pub struct GridFile {
    pub file_name: String,
    pub sha256: String,
    pub bytes: u64,
    pub grids: Vec<Grid>,
    /// How the file was read (a CSV's dialect, title rows passed over, notes below).
    pub notes: Vec<String>,
}

/// Read a CSV file or a workbook.
pub fn read_grid_file(path: &Path) -> Result<GridFile, ImportError> {
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let meta = std::fs::metadata(path).map_err(|e| ImportError::io(path, e))?;
    if meta.len() > MAX_GRID_BYTES {
        return Err(bad_file(
            &file_name,
            format!(
                "the file is {} MB; a table kept by hand is far smaller (at most {} MB is read)",
                meta.len() / (1024 * 1024),
                MAX_GRID_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| ImportError::io(path, e))?;
    let mut hasher = ContentHasher::default();
    hasher.update(std::slice::from_ref(&bytes));
    let sha256 = hasher.finish();
    let (grids, notes) = if sniff(&bytes) == Sniffed::Workbook || is_spreadsheet_name(&file_name) {
        (workbook_grids(&file_name, &bytes)?, Vec::new())
    } else {
        csv_grid(&file_name, &bytes)?
    };
    Ok(GridFile {
        file_name,
        sha256,
        bytes: bytes.len() as u64,
        grids,
        notes,
    })
}

/// A CSV file as one grid, with the reader's notes.
fn csv_grid(name: &str, bytes: &[u8]) -> Result<(Vec<Grid>, Vec<String>), ImportError> {
    let counter = AtomicU64::new(0);
    let mut table = TableReader::open(name, bytes, &counter)?;
    let header = table.header().to_vec();
    let mut records = Vec::new();
    while let Some((line, record)) = table.next_record()? {
        records.push((line, record.clone()));
    }
    let grid = grid_of_records(name, (table.header_position(), &header), &records);
    Ok((vec![grid], table.notes()))
}

/// A table already read as records (the header with its line, then each record with its
/// line) as a grid.
pub fn grid_of_records(
    name: &str,
    (header_line, header): (u64, &[String]),
    records: &[(u64, csv::ByteRecord)],
) -> Grid {
    let mut rows = vec![(
        RowPlace::Line(header_line),
        header.iter().map(|h| text_cell(h.clone())).collect(),
    )];
    rows.extend(records.iter().map(|(line, record)| {
        (
            RowPlace::Line(*line),
            record
                .iter()
                .map(|c| text_cell(super::text::decode_cell(c).0.into_owned()))
                .collect(),
        )
    }));
    Grid {
        name: name.to_string(),
        sheet: None,
        rows,
    }
}

fn text_cell(text: String) -> GridCell {
    if text.trim().is_empty() {
        GridCell::Empty
    } else {
        GridCell::Text(text)
    }
}

/// Every sheet of a workbook held in memory that has anything in it.
pub fn workbook_grids(name: &str, bytes: &[u8]) -> Result<Vec<Grid>, ImportError> {
    let sheets = read_every_sheet(bytes)
        .map_err(|reason| bad_file(name, format!("the file is a workbook, but {reason}")))?;
    if sheets.is_empty() {
        return Err(bad_file(
            name,
            "every sheet of the workbook is empty".into(),
        ));
    }
    Ok(sheets
        .into_iter()
        .map(|sheet| Grid {
            name: format!("{name} [{}]", sheet.sheet),
            rows: sheet
                .rows
                .into_iter()
                .map(|(row, cells)| {
                    let place = RowPlace::Sheet {
                        sheet: sheet.sheet.clone(),
                        row: u32::try_from(row).unwrap_or(u32::MAX),
                    };
                    (place, cells.into_iter().map(text_cell).collect())
                })
                .collect(),
            sheet: Some(sheet.sheet),
        })
        .collect())
}

/// The index of the header row: the first of the first ten rows that `is_header` accepts.
pub fn find_header(grid: &Grid, is_header: impl Fn(&[String]) -> bool) -> Option<usize> {
    grid.rows.iter().take(10).position(|(_, cells)| {
        let texts: Vec<String> = cells.iter().map(GridCell::text).collect();
        is_header(&texts)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_keep_their_lines_and_the_file_its_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        std::fs::write(&path, "A,B\r\n1,\"two\nlines\"\r\n\r\n3,x\r\n").unwrap();
        let file = read_grid_file(&path).unwrap();
        assert_eq!(file.sha256.len(), 64);
        let rows = &file.grids[0].rows;
        let places: Vec<String> = rows.iter().map(|r| r.0.to_string()).collect();
        assert_eq!(places, ["line 1", "line 2", "line 5"]);
        assert_eq!(rows[1].1[1], GridCell::Text("two\nlines".into()));
    }

    #[test]
    fn a_semicolon_csv_in_windows_1252_is_read_as_the_import_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.csv");
        let mut bytes = b"Priority;Measurable;Lead\r\nASB;Caf\xe9 complaints;Council\r\n".to_vec();
        bytes.extend_from_slice(b"Violence;Repeat victims;Police\r\n");
        std::fs::write(&path, bytes).unwrap();
        let file = read_grid_file(&path).unwrap();
        let rows = &file.grids[0].rows;
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].1[1].text(), "Café complaints");
        assert!(
            file.notes.iter().any(|n| n.contains("semicolon")),
            "{:?}",
            file.notes
        );
    }

    #[test]
    fn a_workbook_is_read_sheet_by_sheet_as_excel_shows_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet().set_name("Fire").unwrap();
        sheet.write_string(1, 0, "Indicator").unwrap();
        sheet.write_number(2, 1, 12.5).unwrap();
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 6, 30).unwrap();
        let format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
        sheet
            .write_datetime_with_format(2, 2, &date, &format)
            .unwrap();
        book.add_worksheet().set_name("Empty").unwrap();
        book.save(&path).unwrap();
        let file = read_grid_file(&path).unwrap();
        assert_eq!(file.grids.len(), 1);
        let grid = &file.grids[0];
        assert_eq!(grid.name, "book.xlsx [Fire]");
        assert_eq!(grid.rows[0].0.to_string(), "sheet \"Fire\", row 2");
        assert_eq!(grid.rows[1].1[1], GridCell::Text("12.5".into()));
        assert_eq!(grid.rows[1].1[2], GridCell::Text("30/06/2024".into()));
        assert_eq!(
            find_header(grid, |cells| cells
                .first()
                .is_some_and(|c| c == "Indicator")),
            Some(0)
        );
    }

    #[test]
    fn a_broken_workbook_is_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.xlsx");
        std::fs::write(&path, "not a zip").unwrap();
        let error = read_grid_file(&path).unwrap_err().to_string();
        assert!(
            error.contains("broken.xlsx") && error.contains("could not be read"),
            "{error}"
        );
    }
}
