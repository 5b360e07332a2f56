//! Counting a police file's rows by (crime type, LSOA) for the month they are coming in
//! now, in a dense table indexed by LSOA id and crime type instead of a hash map: LSOA ids
//! are small and dense (numbered 1, 2, 3… as they are first read), so a row's count is one
//! increment in a table the processor keeps close. When the month changes, or the counts
//! are handed on, the month's cells are listed in (crime type, LSOA) order — the order the
//! stored counts keep — and the table is cleared where it was used.

/// Crime type ids are below this (the police.uk types number 14).
pub const TYPES: usize = 16;

/// LSOA ids counted in the table; a larger id (only a damaged file would hold one) is
/// counted by the caller another way.
pub const MAX_LSOA: u32 = 1 << 18;

/// One month's rows by (crime type, LSOA).
#[derive(Debug, Default)]
pub struct MonthTally {
    month: u32,
    /// Rows by `lsoa * TYPES + crime type`; 0 where none (or not yet used).
    rows: Vec<u32>,
    /// By crime type, the LSOA ids counted since the table was last cleared, in the order
    /// first counted.
    used: [Vec<u32>; TYPES],
    /// Cells counted since the table was last cleared.
    len: usize,
}

/// One cell of a month: ((crime type, LSOA id or 0), rows).
pub type TalliedCell = ((u8, u32), i64);

impl MonthTally {
    /// Whether the row can be counted here: a crime type and LSOA id in range.
    pub fn fits(crime_type: u8, lsoa: u32) -> bool {
        usize::from(crime_type) < TYPES && lsoa < MAX_LSOA
    }

    /// The month being counted (meaningless while [`MonthTally::is_empty`]).
    pub fn month(&self) -> u32 {
        self.month
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Cells counted since the table was last cleared.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Forget what is counted (a file given up part-way).
    pub fn clear(&mut self) {
        self.take_cells();
    }

    /// Count one row of `month` (the tally is empty or already counting `month`; the row
    /// [`MonthTally::fits`]). True when it is the cell's first row.
    pub fn count(&mut self, month: u32, crime_type: u8, lsoa: u32) -> bool {
        debug_assert!(self.is_empty() || self.month == month);
        debug_assert!(Self::fits(crime_type, lsoa));
        self.month = month;
        let index = lsoa as usize * TYPES + usize::from(crime_type);
        if index >= self.rows.len() {
            // Doubled as LSOAs are numbered (from room for 4,096), so growing is rare.
            let size = (index + 1)
                .max(self.rows.len() * 2)
                .max(4096 * TYPES)
                .min(MAX_LSOA as usize * TYPES);
            self.rows.resize(size, 0);
        }
        let Some(rows) = self.rows.get_mut(index) else {
            return false;
        };
        *rows += 1;
        let first = *rows == 1;
        if first {
            if let Some(used) = self.used.get_mut(usize::from(crime_type)) {
                used.push(lsoa);
            }
            self.len += 1;
        }
        first
    }

    /// The month's cells in (crime type, LSOA) order, and the table cleared.
    pub fn take_cells(&mut self) -> Vec<TalliedCell> {
        let mut cells = Vec::with_capacity(self.len);
        for (crime_type, used) in (0u8..).zip(self.used.iter_mut()) {
            used.sort_unstable();
            for lsoa in used.drain(..) {
                let index = lsoa as usize * TYPES + usize::from(crime_type);
                let rows = self.rows.get_mut(index).map_or(0, std::mem::take);
                cells.push(((crime_type, lsoa), i64::from(rows)));
            }
        }
        self.len = 0;
        cells
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        #[test]
        fn lists_what_a_map_counts(rows in proptest::collection::vec((0u8..16, 0u32..20_000), 0..3000)) {
            let mut tally = MonthTally::default();
            let mut map: BTreeMap<(u8, u32), i64> = BTreeMap::new();
            let mut firsts = 0;
            for &(crime_type, lsoa) in &rows {
                firsts += usize::from(tally.count(202_404, crime_type, lsoa));
                *map.entry((crime_type, lsoa)).or_default() += 1;
            }
            prop_assert_eq!(firsts, map.len());
            let cells = tally.take_cells();
            prop_assert_eq!(cells, map.into_iter().collect::<Vec<_>>());
            // Cleared: the next month starts from nothing.
            prop_assert!(tally.is_empty());
            tally.count(202_405, 3, 7);
            prop_assert_eq!(tally.take_cells(), vec![((3, 7), 1)]);
        }
    }

    #[test]
    fn out_of_range_rows_do_not_fit() {
        assert!(MonthTally::fits(15, MAX_LSOA - 1));
        assert!(!MonthTally::fits(16, 1));
        assert!(!MonthTally::fits(1, MAX_LSOA));
    }
}
