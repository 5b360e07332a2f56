//! One sheet of a spreadsheet workbook (`.xlsx`, `.xlsm`, `.xls`, `.xlsb`, `.ods`, read with
//! calamine) as a table: the sheet the analyst named, else the one that looks most like
//! data; its header found below any title rows; blank or merged header cells named; every
//! cell as the text Excel shows; each row numbered as Excel numbers it. Notes below the
//! table (one filled cell) are left out and named.
//!
//! Also every sheet's rows as they stand, for readers that find their own header
//! ([`read_every_sheet`]). Workbooks are read whole into memory (they are megabytes);
//! nothing is written anywhere.

use super::cells::{cell_text, column_letters};
use super::header_row::{filled_cells, header_index, is_note_row};
use calamine::{Data, Dimensions, Range, Reader, SheetType, SheetVisible, Sheets};
use csv::ByteRecord;
use std::io::Cursor;

/// One sheet read as a table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SheetTable {
    pub sheet: String,
    /// Every worksheet of the workbook, in order (hidden ones left out).
    pub sheets: Vec<String>,
    /// Whether the sheet was chosen by the app (not named by the analyst).
    pub chosen_automatically: bool,
    pub header: Vec<String>,
    /// Excel's number of the header row (1-based).
    pub header_row: u64,
    pub title_rows: usize,
    /// (Excel row number, cells) of every row below the header with anything in it.
    pub rows: Vec<(u64, ByteRecord)>,
    pub notes_below: Vec<String>,
    pub date_cells: u64,
    /// Header cells that were blank or merged, and the names given to them.
    pub named_columns: Vec<(String, String)>,
}

/// A workbook's rows, for readers that find their own header and read every sheet (an
/// action plan kept over several sheets, a workbook of partner indicators): one visible
/// worksheet with anything in it, each row with its Excel row number and its cells as
/// Excel shows them. Empty rows are left out; title and note rows are kept.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SheetRows {
    pub sheet: String,
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Every visible worksheet of the workbook in `bytes` that has anything in it, in order.
pub fn read_every_sheet(bytes: &[u8]) -> Result<Vec<SheetRows>, String> {
    let mut workbook = open_workbook(bytes)?;
    let mut read = Vec::new();
    for sheet in visible_worksheets(&workbook) {
        let range = worksheet(&mut workbook, &sheet)?;
        let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
        let rows: Vec<(u64, Vec<String>)> = range
            .rows()
            .enumerate()
            .filter_map(|(i, cells)| {
                let texts: Vec<String> = cells.iter().map(|c| cell_text(c).0).collect();
                let filled = texts.iter().any(|t| !t.trim().is_empty());
                filled.then(|| (first_row + i as u64 + 1, texts))
            })
            .collect();
        if !rows.is_empty() {
            read.push(SheetRows { sheet, rows });
        }
    }
    Ok(read)
}

fn open_workbook(bytes: &[u8]) -> Result<Sheets<Cursor<&[u8]>>, String> {
    calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| format!("it could not be read as a workbook ({e}): if it is a zip, unzip it or import the zip itself (named .zip); if it is password-protected, remove the password in Excel; if it is damaged, open and save it again"))
}

/// The workbook's worksheets, in order, hidden ones left out.
fn visible_worksheets(workbook: &Sheets<Cursor<&[u8]>>) -> Vec<String> {
    workbook
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect()
}

fn worksheet(workbook: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Result<Range<Data>, String> {
    workbook
        .worksheet_range(name)
        .map_err(|e| format!("sheet \"{name}\" could not be read ({e})"))
}

/// Read one sheet of the workbook in `bytes`. `wanted` names the sheet (any case).
pub fn read_sheet(bytes: &[u8], wanted: Option<&str>) -> Result<SheetTable, String> {
    let mut workbook = open_workbook(bytes)?;
    let sheets = visible_worksheets(&workbook);
    let list = || sheets.join(", ");
    if let Some(wanted) = wanted {
        let all: Vec<String> = workbook.sheet_names();
        let name = all
            .iter()
            .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
            .ok_or_else(|| {
                format!(
                    "the workbook has no sheet \"{wanted}\" (its sheets: {})",
                    list()
                )
            })?
            .clone();
        let mut table = sheet_table(&mut workbook, &name)?;
        table.sheets = sheets;
        return Ok(table);
    }
    let mut best: Option<(usize, SheetTable)> = None;
    for name in &sheets {
        let table = sheet_table(&mut workbook, name)?;
        let score = table
            .rows
            .iter()
            .filter(|(_, r)| filled_cells(r) >= 2)
            .count();
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, table));
        }
    }
    match best {
        Some((score, mut table)) if score > 0 || !table.header.is_empty() => {
            table.sheets = sheets;
            table.chosen_automatically = true;
            Ok(table)
        }
        _ => Err(format!(
            "the workbook has no sheet with a table in it (its sheets: {})",
            list()
        )),
    }
}

fn sheet_table(workbook: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Result<SheetTable, String> {
    let range = worksheet(workbook, name)?;
    let merged = merged_cells(workbook, name);
    Ok(table_of_range(name, &range, &merged))
}

/// The merged regions of a sheet, where the format keeps them (xlsx, xls).
fn merged_cells(workbook: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Vec<Dimensions> {
    match workbook {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xlsb(_) | Sheets::Ods(_) => Vec::new(),
    }
}

/// The table in a sheet's cells.
pub fn table_of_range(name: &str, range: &Range<Data>, merged: &[Dimensions]) -> SheetTable {
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut date_cells = 0;
    let mut rows: Vec<(u64, ByteRecord, Vec<String>)> = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let mut record = ByteRecord::new();
        let mut texts = Vec::with_capacity(cells.len());
        for cell in cells {
            let (text, is_date) = cell_text(cell);
            date_cells += u64::from(is_date);
            record.push_field(text.as_bytes());
            texts.push(text);
        }
        if filled_cells(&record) == 0 {
            continue;
        }
        let excel_row = u64::from(first_row) + i as u64 + 1;
        let mut position = csv::Position::new();
        position.set_line(excel_row);
        record.set_position(Some(position));
        rows.push((excel_row, record, texts));
    }
    let records: Vec<ByteRecord> = rows
        .iter()
        .map(|(row, record, _)| with_merged_cells_filled(record, *row, first_col, merged))
        .collect();
    let at = header_index(&records);
    let mut table = SheetTable {
        sheet: name.to_string(),
        title_rows: at,
        date_cells,
        ..SheetTable::default()
    };
    let mut body = rows.into_iter().skip(at);
    let Some((header_row, _, header_cells)) = body.next() else {
        return table;
    };
    table.header_row = header_row;
    let header_row0 = u32::try_from(header_row - 1).unwrap_or(u32::MAX);
    for (j, cell) in header_cells.iter().enumerate() {
        let column = first_col + u32::try_from(j).unwrap_or(u32::MAX);
        let trimmed = cell.trim();
        if !trimmed.is_empty() {
            table.header.push(trimmed.to_string());
            continue;
        }
        let given = merged_name(range, merged, header_row0, column)
            .unwrap_or_else(|| format!("Column {}", column_letters(column)));
        table
            .named_columns
            .push((column_letters(column), given.clone()));
        table.header.push(given);
    }
    let mut data: Vec<(u64, ByteRecord)> = body.map(|(row, record, _)| (row, record)).collect();
    while data.last().is_some_and(|(_, r)| is_note_row(r)) {
        if let Some((_, note)) = data.pop() {
            let text: Vec<String> = note
                .iter()
                .map(|c| String::from_utf8_lossy(c).trim().to_string())
                .filter(|c| !c.is_empty())
                .collect();
            table.notes_below.insert(0, text.join(" "));
        }
    }
    table.rows = data;
    table
}

/// A row with the blank cells a merged region spreads across counted as filled, so a
/// header whose names span several columns is still seen as wide.
fn with_merged_cells_filled(
    record: &ByteRecord,
    excel_row: u64,
    first_col: u32,
    merged: &[Dimensions],
) -> ByteRecord {
    let row0 = u32::try_from(excel_row.saturating_sub(1)).unwrap_or(u32::MAX);
    record
        .iter()
        .enumerate()
        .map(|(j, cell)| {
            let column = first_col + u32::try_from(j).unwrap_or(u32::MAX);
            let spread = merged.iter().any(|d| {
                d.start.0 == row0 && d.end.0 == row0 && (d.start.1..=d.end.1).contains(&column)
            });
            if cell.is_empty() && spread {
                &b"(merged)"[..]
            } else {
                cell
            }
        })
        .collect()
}

/// The name of a blank header cell inside a merged region: the region's own text, with
/// the column's place in it when the region runs across ("Persons (2)").
fn merged_name(
    range: &Range<Data>,
    merged: &[Dimensions],
    row: u32,
    column: u32,
) -> Option<String> {
    let region = merged.iter().find(|d| {
        (d.start.0..=d.end.0).contains(&row) && (d.start.1..=d.end.1).contains(&column)
    })?;
    let text = cell_text(range.get_value(region.start)?)
        .0
        .trim()
        .to_string();
    if text.is_empty() {
        return None;
    }
    Some(if column > region.start.1 {
        format!("{text} ({})", column - region.start.1 + 1)
    } else {
        text
    })
}

/// Sentences for the import summary.
pub fn sheet_notes(table: &SheetTable, workbook_sha256: &str) -> Vec<String> {
    let mut notes = Vec::new();
    let how = if table.chosen_automatically && table.sheets.len() > 1 {
        format!(
            " (the sheet that holds the table; the workbook's sheets: {}; choose another with --sheet NAME)",
            table.sheets.join(", ")
        )
    } else {
        String::new()
    };
    notes.push(format!(
        "read from sheet \"{}\"{how}; rows numbered as in Excel",
        table.sheet
    ));
    notes.push(format!("the workbook's own SHA-256 is {workbook_sha256}"));
    if table.title_rows > 0 {
        notes.push(super::header_row::title_rows_note(
            table.header_row,
            table.title_rows,
            "row",
        ));
    }
    for (letter, name) in &table.named_columns {
        notes.push(format!(
            "the header cell of column {letter} is blank: the column is called \"{name}\""
        ));
    }
    if table.date_cells > 0 {
        notes.push(format!(
            "{} date cells read as Excel shows them (dd/mm/yyyy)",
            table.date_cells
        ));
    }
    notes.extend(super::header_row::notes_below_note(&table.notes_below));
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(rows: &[&[Data]]) -> Range<Data> {
        let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
        let mut range = Range::new((0, 0), (rows.len() as u32 - 1, width as u32 - 1));
        for (i, row) in rows.iter().enumerate() {
            for (j, cell) in row.iter().enumerate() {
                range.set_value((i as u32, j as u32), cell.clone());
            }
        }
        range
    }

    fn s(text: &str) -> Data {
        Data::String(text.into())
    }

    #[test]
    fn title_rows_blank_and_merged_headers_and_notes() {
        let r = range(&[
            &[s("Mid-2022 population estimates")],
            &[s("Source: ONS")],
            &[Data::Empty],
            &[s("LSOA Code"), s("Persons"), Data::Empty, Data::Empty],
            &[
                s("E01016070"),
                Data::Float(1676.0),
                Data::Int(1652),
                Data::Int(24),
            ],
            &[
                s("E01016071"),
                Data::Float(1648.0),
                Data::Int(1646),
                Data::Int(2),
            ],
            &[s("Figures are rounded")],
        ]);
        let merged = [Dimensions {
            start: (3, 1),
            end: (3, 2),
        }];
        let t = table_of_range("Data", &r, &merged);
        assert_eq!(
            t.header,
            ["LSOA Code", "Persons", "Persons (2)", "Column D"]
        );
        assert_eq!((t.header_row, t.title_rows), (4, 2));
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].0, 5);
        assert_eq!(t.rows[0].1.get(1), Some(&b"1676"[..]));
        assert_eq!(t.rows[0].1.position().map(|p| p.line()), Some(5));
        assert_eq!(t.notes_below, ["Figures are rounded"]);
        let notes = sheet_notes(&t, "abc");
        assert!(
            notes.iter().any(|n| n.contains("row 4 (2 title rows")),
            "{notes:?}"
        );
        assert!(
            notes.iter().any(|n| n.contains("column D is blank")),
            "{notes:?}"
        );
    }
}
