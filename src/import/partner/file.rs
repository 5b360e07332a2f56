//! Reading a whole partner file for the mapping screen and `mappings --save`: its header
//! and every record (with line positions), so a preview can count every row that would be
//! rejected. Read through the app's one tabular layer (`import::table`), so a workbook or
//! a CSV in any dialect reads as the import reads it. Partner extracts are small (tens of
//! thousands of rows); police files never come through here.

use crate::import::table::whole::read_whole;
use crate::import::table::TableOptions;
use crate::import::ImportError;
use csv::ByteRecord;
use std::path::Path;

/// A table's header and its rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CsvTable {
    pub header: Vec<String>,
    pub rows: Vec<ByteRecord>,
}

/// Read `path` whole, as the import would.
pub fn read_table(path: &Path) -> Result<CsvTable, ImportError> {
    let table = read_whole(path, &TableOptions::default())?;
    Ok(CsvTable {
        header: table.header,
        rows: table.rows,
    })
}
