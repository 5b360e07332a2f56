//! One record's fields as a view of the bytes they were read from, not copied out: a plain
//! line's fields lie between its delimiters in the reader's buffer, a quoted record's are
//! `csv_core`'s output laid end to end. [`Cells`] is what a row parser reads, from a view
//! or from a `csv::ByteRecord` alike.

use csv::ByteRecord;

/// A record's fields: field `i` ends at `ends[i]` in `bytes` and starts `gap` bytes after
/// the end of field `i - 1` (1 where a delimiter lies between them, 0 where they touch).
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a> {
    bytes: &'a [u8],
    ends: &'a [usize],
    gap: usize,
}

impl<'a> Fields<'a> {
    /// Fields cut from a line at the delimiters whose positions precede its length in `ends`.
    pub(super) fn between_delimiters(line: &'a [u8], ends: &'a [usize]) -> Self {
        Fields {
            bytes: line,
            ends,
            gap: 1,
        }
    }

    /// Fields laid end to end in `bytes`.
    pub(super) fn end_to_end(bytes: &'a [u8], ends: &'a [usize]) -> Self {
        Fields {
            bytes,
            ends,
            gap: 0,
        }
    }

    /// A view of `record`, its field ends worked out into `ends`.
    pub fn of_record(record: &'a ByteRecord, ends: &'a mut Vec<usize>) -> Self {
        ends.clear();
        let mut at = 0;
        for field in record {
            at += field.len();
            ends.push(at);
        }
        Fields::end_to_end(record.as_slice(), ends)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Field `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&'a [u8]> {
        let end = *self.ends.get(index)?;
        let start = match index.checked_sub(1) {
            None => 0,
            Some(before) => self.ends.get(before)? + self.gap,
        };
        self.bytes.get(start..end)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// Every byte of the record's fields (with the delimiters between them, for a plain
    /// line), for a search across all of them.
    pub fn all_bytes(&self) -> &'a [u8] {
        let end = self.ends.last().copied().unwrap_or(0);
        self.bytes.get(..end).unwrap_or_default()
    }

    /// The record as the csv crate holds one (a copy), for the rare row kept as it is.
    pub fn to_byte_record(&self) -> ByteRecord {
        let mut record = ByteRecord::with_capacity(self.all_bytes().len(), self.len());
        for field in self.iter() {
            record.push_field(field);
        }
        record
    }
}

/// A record's cells, as a row parser reads them.
pub trait Cells<'a>: Copy {
    fn count(self) -> usize;
    /// Cell `index`, if there is one.
    fn cell(self, index: usize) -> Option<&'a [u8]>;
    /// Every byte of the cells, to search them all at once (for a NUL, say).
    fn all_bytes(self) -> &'a [u8];
}

impl<'a> Cells<'a> for &'a ByteRecord {
    fn count(self) -> usize {
        self.len()
    }
    fn cell(self, index: usize) -> Option<&'a [u8]> {
        self.get(index)
    }
    fn all_bytes(self) -> &'a [u8] {
        self.as_slice()
    }
}

impl<'a> Cells<'a> for Fields<'a> {
    fn count(self) -> usize {
        self.len()
    }
    fn cell(self, index: usize) -> Option<&'a [u8]> {
        self.get(index)
    }
    fn all_bytes(self) -> &'a [u8] {
        Fields::all_bytes(&self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_reads_as_the_record_it_came_from() {
        let line = b"a,,bc,d";
        let ends = [1, 2, 5, 7];
        let plain = Fields::between_delimiters(line, &ends);
        let record = ByteRecord::from(vec!["a", "", "bc", "d"]);
        assert_eq!(plain.to_byte_record(), record);
        assert_eq!(plain.all_bytes(), b"a,,bc,d");
        let mut scratch = Vec::new();
        let copied = Fields::of_record(&record, &mut scratch);
        assert_eq!(
            copied.iter().collect::<Vec<_>>(),
            plain.iter().collect::<Vec<_>>()
        );
        assert_eq!(copied.get(4), None);
        assert_eq!(copied.all_bytes(), b"abcd");
        let empty = ByteRecord::new();
        assert!(Fields::of_record(&empty, &mut scratch).is_empty());
    }
}
