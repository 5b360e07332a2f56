//! Small tables read whole: a CSV file, or every non-empty sheet of a workbook (`.xlsx`,
//! `.xlsm`, `.xlsb`, `.xls`, `.ods`), as rows of typed cells each knowing where it came
//! from (line 5, or sheet "Fire", row 5), with the file's SHA-256. For files a partner or
//! a plan owner keeps in Excel — hundreds of rows, not millions; police.uk files go
//! through the streaming reader instead.
//!
//! Knows nothing of what the columns mean.

use super::reader::{ContentHasher, TableReader};
use super::text::decode_cell;
use super::ImportError;
use crate::import::partner::dates::DateFormat;
use chrono::NaiveDate;
use std::path::Path;
use std::sync::atomic::AtomicU64;

/// Larger than any table a partner keeps by hand; refused before it is read into memory.
pub const MAX_GRID_BYTES: u64 = 50 * 1024 * 1024;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum GridCell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl GridCell {
    /// The cell as text, as a person would type it (`2024-04-01` for a date, `12` for a
    /// whole number).
    pub fn text(&self) -> String {
        match self {
            GridCell::Empty => String::new(),
            GridCell::Text(t) => t.trim().to_string(),
            GridCell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            GridCell::Number(n) => format!("{n}"),
            GridCell::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            GridCell::Empty => true,
            GridCell::Text(t) => t.trim().is_empty(),
            _ => false,
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
}

/// Whether the file name says it is a workbook.
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| matches!(e.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods"))
}

/// Read a CSV file or a workbook.
pub fn read_grid_file(path: &Path) -> Result<GridFile, ImportError> {
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let meta = std::fs::metadata(path).map_err(|e| ImportError::io(path, e))?;
    if meta.len() > MAX_GRID_BYTES {
        return Err(ImportError::BadFile {
            file: file_name,
            reason: format!(
                "the file is {} MB; a table kept by hand is far smaller (at most {} MB is read)",
                meta.len() / (1024 * 1024),
                MAX_GRID_BYTES / (1024 * 1024)
            ),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| ImportError::io(path, e))?;
    let mut hasher = ContentHasher::default();
    hasher.update(std::slice::from_ref(&bytes));
    let sha256 = hasher.finish();
    let grids = if is_workbook(path) {
        workbook_grids(&file_name, &bytes)?
    } else {
        vec![csv_grid(&file_name, &bytes)?]
    };
    Ok(GridFile {
        file_name,
        sha256,
        bytes: bytes.len() as u64,
        grids,
    })
}

fn csv_grid(name: &str, bytes: &[u8]) -> Result<Grid, ImportError> {
    let counter = AtomicU64::new(0);
    let mut table = TableReader::open(name, bytes, &counter)?;
    let mut rows = vec![(
        RowPlace::Line(1),
        table
            .header()
            .iter()
            .map(|h| text_cell(h.clone()))
            .collect(),
    )];
    // The CSV reader does not count the blank lines it skips, so a row's line is counted
    // from its byte offset (in the text with CRLF made LF, as the reader sees it).
    let normalised: Vec<u8> = {
        let mut out = Vec::with_capacity(bytes.len());
        for (i, b) in bytes.iter().enumerate() {
            if !(*b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
                out.push(*b);
            }
        }
        out
    };
    let (mut counted_to, mut line) = (0usize, 1u64);
    while let Some((_, record)) = table.next_record()? {
        let mut offset = record.position().map_or(counted_to, |p| {
            usize::try_from(p.byte()).unwrap_or(counted_to)
        });
        // The position is where the reader started looking, before any blank lines.
        while normalised.get(offset) == Some(&b'\n') {
            offset += 1;
        }
        if let Some(between) = normalised.get(counted_to..offset) {
            line += between.iter().filter(|b| **b == b'\n').count() as u64;
            counted_to = offset;
        }
        let cells = record
            .iter()
            .map(|c| text_cell(decode_cell(c).0.into_owned()))
            .collect();
        rows.push((RowPlace::Line(line), cells));
    }
    Ok(Grid {
        name: name.to_string(),
        sheet: None,
        rows,
    })
}

/// A CSV already read as records (header first, each with its line) as a grid.
pub fn grid_of_records(name: &str, header: &[String], records: &[(u64, csv::ByteRecord)]) -> Grid {
    let mut rows = vec![(
        RowPlace::Line(1),
        header.iter().map(|h| text_cell(h.clone())).collect(),
    )];
    rows.extend(records.iter().map(|(line, record)| {
        (
            RowPlace::Line(*line),
            record
                .iter()
                .map(|c| text_cell(decode_cell(c).0.into_owned()))
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

/// Every non-empty sheet of a workbook held in memory.
pub fn workbook_grids(name: &str, bytes: &[u8]) -> Result<Vec<Grid>, ImportError> {
    use calamine::Reader;
    let bad = |reason: String| ImportError::BadFile {
        file: name.to_string(),
        reason,
    };
    let mut book =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| {
            bad(format!(
                "the workbook could not be read ({e}); save it again from Excel, or as CSV"
            ))
        })?;
    let mut grids = Vec::new();
    for sheet in book.sheet_names() {
        let range = book
            .worksheet_range(&sheet)
            .map_err(|e| bad(format!("sheet \"{sheet}\" could not be read ({e})")))?;
        let Some((first_row, _)) = range.start() else {
            continue;
        };
        let rows: Vec<(RowPlace, Vec<GridCell>)> = range
            .rows()
            .enumerate()
            .map(|(i, row)| {
                let place = RowPlace::Sheet {
                    sheet: sheet.clone(),
                    row: first_row + i as u32 + 1,
                };
                (place, row.iter().map(workbook_cell).collect())
            })
            .collect();
        if rows
            .iter()
            .all(|(_, cells)| cells.iter().all(GridCell::is_empty))
        {
            continue;
        }
        grids.push(Grid {
            name: format!("{name} [{sheet}]"),
            sheet: Some(sheet),
            rows,
        });
    }
    if grids.is_empty() {
        return Err(bad("every sheet of the workbook is empty".into()));
    }
    Ok(grids)
}

fn workbook_cell(cell: &calamine::Data) -> GridCell {
    use calamine::Data;
    match cell {
        Data::Empty => GridCell::Empty,
        Data::Int(i) => GridCell::Number(*i as f64),
        Data::Float(f) => GridCell::Number(*f),
        Data::Bool(b) => GridCell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::String(s) => text_cell(s.clone()),
        Data::DateTime(d) if d.is_datetime() => {
            let serial = d.as_f64().floor();
            DateFormat::ExcelSerial
                .parse(&format!("{}", serial as i64))
                .map_or_else(|_| GridCell::Number(d.as_f64()), GridCell::Date)
        }
        Data::DateTime(d) => GridCell::Number(d.as_f64()),
        Data::DateTimeIso(s) => DateFormat::Iso
            .parse(s)
            .map_or_else(|_| text_cell(s.clone()), GridCell::Date),
        Data::DurationIso(s) => text_cell(s.clone()),
        Data::Error(e) => GridCell::Text(format!("#{e:?}")),
    }
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
    fn a_workbook_is_read_sheet_by_sheet_with_typed_cells() {
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
        assert_eq!(grid.rows[1].1[1], GridCell::Number(12.5));
        assert_eq!(
            grid.rows[1].1[2],
            GridCell::Date(NaiveDate::from_ymd_opt(2024, 6, 30).unwrap())
        );
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
