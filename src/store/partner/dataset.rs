//! A partner dataset as the assessment file keeps it: its table, which of its rows a newer
//! file covering the same months replaces, and how its rows are read back. Each dataset
//! declares one [`DatasetTable`] beside its insert and select (`domestic_abuse`, `marac`,
//! `asb_cases`, `treatment`); [`table_of`] is the one place that finds it from the key.

use super::read::PartnerRows;
use crate::import::partner::PartnerLayout;
use crate::store::StoreError;
use rusqlite::Connection;

/// One partner dataset's storage.
#[derive(Debug, Clone, Copy)]
pub struct DatasetTable {
    pub layout: PartnerLayout,
    /// The table its rows are stored in (with `source_id` and `line`).
    pub table: &'static str,
    /// The SQL condition under which a row overlaps months `?1..=?2` (`YYYYMM`).
    pub overlap: &'static str,
    /// Read every row back into its place in `rows`, in date or period order.
    pub read: fn(&Connection, &mut PartnerRows) -> Result<(), StoreError>,
    /// How many of its rows `rows` holds.
    pub held: fn(&PartnerRows) -> usize,
}

/// The storage of the dataset `layout` is the key of.
pub fn table_of(layout: PartnerLayout) -> &'static DatasetTable {
    match layout {
        PartnerLayout::DomesticAbuse => &super::domestic_abuse::TABLE,
        PartnerLayout::Marac => &super::marac::TABLE,
        PartnerLayout::AsbCases => &super::asb_cases::TABLE,
        PartnerLayout::Treatment => &super::treatment::TABLE,
        PartnerLayout::Indicators => &super::indicators::TABLE,
    }
}

impl PartnerRows {
    /// Whether the file holds any row of `layout`.
    pub fn holds(&self, layout: PartnerLayout) -> bool {
        (table_of(layout).held)(self) > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_layout_finds_its_own_table() {
        for layout in PartnerLayout::ALL {
            assert_eq!(table_of(layout).layout, layout);
        }
    }
}
