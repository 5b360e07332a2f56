//! Reading a whole partner CSV for the mapping screen and `mappings --save`: its header
//! and every record (with line positions), so a preview can count every row that would be
//! rejected. Partner extracts are small (tens of thousands of rows); police files never
//! come through here.

use crate::import::reader::header_names;
use crate::import::ImportError;
use csv::ByteRecord;
use std::path::Path;

/// A CSV's header and its rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CsvTable {
    pub header: Vec<String>,
    pub rows: Vec<ByteRecord>,
}

/// Read `path` whole. CRLF line ends and a BOM are handled; cells stay bytes (decoded
/// per cell when read).
pub fn read_table(path: &Path) -> Result<CsvTable, ImportError> {
    let name = path.display().to_string();
    let bad = |reason: String| ImportError::BadFile {
        file: name.clone(),
        reason,
    };
    let file = std::fs::File::open(path).map_err(|e| ImportError::io(path, e))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(std::io::BufReader::new(file));
    let mut record = ByteRecord::new();
    let has_header = reader
        .read_byte_record(&mut record)
        .map_err(|e| bad(e.to_string()))?;
    if !has_header {
        return Err(bad("the file is empty".into()));
    }
    let header = header_names(&record);
    let mut rows = Vec::new();
    while reader
        .read_byte_record(&mut record)
        .map_err(|e| bad(e.to_string()))?
    {
        rows.push(record.clone());
    }
    Ok(CsvTable { header, rows })
}
