//! A whole table read into memory, for the screens that show and count every row before
//! anything is imported (the column-mapping window, `mappings --save`): its header, rows
//! with their line or Excel row, and how it was read — the CSV dialect detected, or the
//! workbook's sheets and the one read. Partner extracts and lookups are small; police
//! files are streamed by the import instead.

use super::dialect::Dialect;
use super::{TableOptions, TableReader};
use crate::import::ImportError;
use csv::ByteRecord;
use std::path::Path;
use std::sync::atomic::AtomicU64;

/// A table read whole.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WholeTable {
    /// The source's name: the file name, with the sheet for a workbook.
    pub name: String,
    pub header: Vec<String>,
    /// Rows with their line (CSV) or Excel row number as the record's position.
    pub rows: Vec<ByteRecord>,
    /// How the file was read, in the import summary's words.
    pub notes: Vec<String>,
    /// The CSV dialect used (`None` for a workbook).
    pub dialect: Option<Dialect>,
    /// The sheet read and every worksheet (empty for CSV).
    pub sheet: Option<String>,
    pub sheets: Vec<String>,
}

/// Read `path` whole, as the import would read it with `options`.
pub fn read_whole(path: &Path, options: &TableOptions) -> Result<WholeTable, ImportError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let file = std::fs::File::open(path).map_err(|e| ImportError::io(path, e))?;
    let counter = AtomicU64::new(0);
    let mut table =
        TableReader::open_with(&name, std::io::BufReader::new(file), &counter, options)?;
    let mut rows = Vec::new();
    while let Some((line, record)) = table.next_record()? {
        let mut record = record.clone();
        let mut position = csv::Position::new();
        position.set_line(line);
        record.set_position(Some(position));
        rows.push(record);
    }
    Ok(WholeTable {
        name: table.name().to_string(),
        header: table.header().to_vec(),
        rows,
        notes: table.notes(),
        dialect: table.dialect(),
        sheet: table.sheet().map(String::from),
        sheets: table.sheets().to_vec(),
    })
}
