//! The one way every tabular importer reads rows — police street files, lookups,
//! populations, partner layouts, mapped files — whatever the file: CSV in any common dialect
//! (see [`dialect`]) or one sheet of a spreadsheet workbook (see [`sheet`]). Each row comes
//! back as a `csv::ByteRecord` of UTF-8 (or Windows-1252) text with its line (CSV) or Excel
//! row number (workbook), so the parsers never know which it was.
//!
//! The raw bytes are handed out for the SHA-256 as they are read; a workbook's sheet name is
//! hashed after its bytes, so each sheet of one workbook is its own source. No SQL, no egui.

pub mod blank_lines;
pub mod cells;
pub mod dialect;
pub mod header_row;
pub mod sheet;
pub mod sniff;
pub mod whole;

use super::fast_csv::Fields;
use super::reader::{bad_file, read_error, start_csv, CsvReader, FileEnd};
use super::ImportError;
use dialect::{Dialect, DialectChoice};
use sha2::{Digest, Sha256};
use sheet::{read_sheet, sheet_notes, SheetTable};
use sniff::{is_spreadsheet_name, sniff, Sniffed};
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

/// How to read a table beyond what its bytes say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct TableOptions {
    /// The sheet of a workbook to read (any case); the one that looks like data if `None`.
    pub sheet: Option<String>,
    /// Overrides of the detected CSV dialect.
    pub dialect: DialectChoice,
}

/// The largest workbook read (it is held in memory while read).
const MAX_WORKBOOK_BYTES: u64 = 512 * 1024 * 1024;

/// The name a sheet source is listed under: `book.xlsx, sheet Data`.
pub fn sheet_source_name(file: &str, sheet: &str) -> String {
    format!("{file}, sheet {sheet}")
}

/// Whether a source name is one sheet of a workbook (its rows are Excel rows, not lines).
pub fn is_sheet_source(name: &str) -> bool {
    name.contains(", sheet ")
}

/// "row" for a sheet source, "line" for a CSV file.
pub fn position_word(name: &str) -> &'static str {
    if is_sheet_source(name) {
        "row"
    } else {
        "line"
    }
}

/// Reads a table record by record, from CSV text or a workbook's sheet.
pub enum TableReader<'a, R: Read> {
    Csv(Box<CsvReader<'a, R>>),
    Sheet(Box<SheetReader>),
}

impl<'a, R: Read> TableReader<'a, R> {
    /// Read the header with the dialect detected and the likeliest sheet.
    pub fn open(name: &str, input: R, bytes_read: &'a AtomicU64) -> Result<Self, ImportError> {
        Self::open_with(name, input, bytes_read, &TableOptions::default())
    }

    /// Read the header. `bytes_read` is advanced as bytes are consumed (for progress
    /// across threads).
    pub fn open_with(
        name: &str,
        input: R,
        bytes_read: &'a AtomicU64,
        options: &TableOptions,
    ) -> Result<Self, ImportError> {
        let start = start_csv(input, bytes_read).map_err(|e| read_error(name, &e))?;
        if sniff(&start.first_chunk) == Sniffed::Workbook || is_spreadsheet_name(name) {
            let mut bytes = start.first_chunk;
            let first = bytes.len();
            let mut input = start.input;
            (&mut input)
                .take(MAX_WORKBOOK_BYTES)
                .read_to_end(&mut bytes)
                .map_err(|e| read_error(name, &e))?;
            bytes_read.fetch_add((bytes.len() - first) as u64, Ordering::Relaxed);
            return SheetReader::open(name, bytes, options.sheet.as_deref())
                .map(|r| Self::Sheet(Box::new(r)));
        }
        CsvReader::open(name, start, &options.dialect).map(|r| Self::Csv(Box::new(r)))
    }

    pub fn name(&self) -> &str {
        match self {
            Self::Csv(r) => r.name(),
            Self::Sheet(r) => &r.name,
        }
    }

    /// Header cells as trimmed text.
    pub fn header(&self) -> &[String] {
        match self {
            Self::Csv(r) => r.header(),
            Self::Sheet(r) => &r.table.header,
        }
    }

    /// The header's line (CSV) or Excel row (sheet), below any title rows.
    pub fn header_position(&self) -> u64 {
        match self {
            Self::Csv(r) => r.header_line(),
            Self::Sheet(r) => r.table.header_row,
        }
    }

    /// The next record and its line (CSV) or Excel row (sheet), or `None` at the end.
    pub fn next_record(&mut self) -> Result<Option<(u64, &csv::ByteRecord)>, ImportError> {
        match self {
            Self::Csv(r) => r.next_record(),
            Self::Sheet(r) => Ok(r.next_record()),
        }
    }

    /// Like [`TableReader::next_record`], the record a view of the bytes read (not copied
    /// where the file allows).
    pub fn next_fields(&mut self) -> Result<Option<(u64, Fields<'_>)>, ImportError> {
        match self {
            Self::Csv(r) => r.next_fields(),
            Self::Sheet(r) => Ok(r.next_fields()),
        }
    }

    /// The raw bytes read since the last call, in order.
    pub fn take_chunks(&mut self) -> Vec<Vec<u8>> {
        match self {
            Self::Csv(r) => r.take_chunks(),
            Self::Sheet(r) => r.raw.take().into_iter().collect(),
        }
    }

    /// Read any bytes after the last record; the size and the chunks not yet taken.
    pub fn finish(self) -> Result<FileEnd, ImportError> {
        match self {
            Self::Csv(r) => r.finish(),
            Self::Sheet(r) => Ok(r.finish()),
        }
    }

    /// How the file was read, for the import summary (call after the last record).
    pub fn notes(&self) -> Vec<String> {
        match self {
            Self::Csv(r) => r.notes(),
            Self::Sheet(r) => sheet_notes(&r.table, &r.workbook_sha256),
        }
    }

    /// The sheet read, for a workbook.
    pub fn sheet(&self) -> Option<&str> {
        match self {
            Self::Csv(_) => None,
            Self::Sheet(r) => Some(&r.table.sheet),
        }
    }

    /// The worksheets of a workbook (empty for CSV).
    pub fn sheets(&self) -> &[String] {
        match self {
            Self::Csv(_) => &[],
            Self::Sheet(r) => &r.table.sheets,
        }
    }

    /// The CSV dialect read, for a CSV file.
    pub fn dialect(&self) -> Option<Dialect> {
        match self {
            Self::Csv(r) => Some(r.dialect()),
            Self::Sheet(_) => None,
        }
    }
}

/// A workbook's sheet, read whole, handed out row by row.
pub struct SheetReader {
    name: String,
    table: SheetTable,
    next: usize,
    record: csv::ByteRecord,
    /// Where the fields of the row handed out as [`Fields`] end.
    record_ends: Vec<usize>,
    /// The workbook's bytes, until taken for the hash.
    raw: Option<Vec<u8>>,
    bytes: u64,
    workbook_sha256: String,
}

impl SheetReader {
    fn open(name: &str, bytes: Vec<u8>, sheet: Option<&str>) -> Result<SheetReader, ImportError> {
        if bytes.len() as u64 >= MAX_WORKBOOK_BYTES {
            return Err(bad_file(
                name,
                format!(
                    "the workbook is larger than {} MB: save the sheet as CSV UTF-8 and import that",
                    MAX_WORKBOOK_BYTES / (1024 * 1024)
                ),
            ));
        }
        let what = if bytes.starts_with(b"PK") {
            "an Excel workbook (.xlsx), an OpenDocument spreadsheet (.ods) or a zip file"
        } else {
            "an Excel 97-2003 workbook (.xls)"
        };
        let table = read_sheet(&bytes, sheet)
            .map_err(|reason| bad_file(name, format!("the file is {what}, but {reason}")))?;
        if table.header.is_empty() {
            return Err(bad_file(
                name,
                format!("sheet \"{}\" is empty", table.sheet),
            ));
        }
        Ok(SheetReader {
            name: sheet_source_name(name, &table.sheet),
            workbook_sha256: format!("{:x}", Sha256::digest(&bytes)),
            bytes: bytes.len() as u64,
            raw: Some(bytes),
            table,
            next: 0,
            record: csv::ByteRecord::new(),
            record_ends: Vec::new(),
        })
    }

    fn next_record(&mut self) -> Option<(u64, &csv::ByteRecord)> {
        let (row, record) = self.table.rows.get(self.next)?;
        self.next += 1;
        self.record.clone_from(record);
        Some((*row, &self.record))
    }

    fn next_fields(&mut self) -> Option<(u64, Fields<'_>)> {
        let (row, record) = self.table.rows.get(self.next)?;
        self.next += 1;
        Some((*row, Fields::of_record(record, &mut self.record_ends)))
    }

    fn finish(mut self) -> FileEnd {
        let mut last_chunks: Vec<Vec<u8>> = self.raw.take().into_iter().collect();
        // The sheet's name after the bytes: each sheet of a workbook is its own source.
        last_chunks.push(format!("\nsheet:{}", self.table.sheet).into_bytes());
        FileEnd {
            bytes: self.bytes,
            last_chunks,
        }
    }
}
