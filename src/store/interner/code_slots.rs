//! LSOA codes as police.uk writes them (`E01011024`, `W01000563`: a country letter, `01`
//! and six digits) looked up by position in a dense table instead of by hash. A national
//! archive names 35,000 LSOAs hundreds of times each; their ids then sit in 140 KB the
//! processor keeps close, where a hash table of them was a cache miss on most rows.

/// The largest six-digit number given a slot (E01 codes run to about 36,000 today).
const MAX_SLOT: usize = 200_000;

/// Ids by the number of an `E01`/`W01` code; 0 where none is known.
#[derive(Debug, Default)]
pub struct CodeSlots {
    /// England's codes, then Wales's.
    tables: [Vec<u32>; 2],
}

/// The table and slot of a code, or `None` for any other text (looked up by hash).
fn slot_of(raw: &[u8]) -> Option<(usize, usize)> {
    let [country, b'0', b'1', digits @ ..] = raw else {
        return None;
    };
    let table = match country {
        b'E' => 0,
        b'W' => 1,
        _ => return None,
    };
    if digits.len() != 6 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let number = digits
        .iter()
        .fold(0usize, |n, d| n * 10 + usize::from(d - b'0'));
    (number <= MAX_SLOT).then_some((table, number))
}

impl CodeSlots {
    /// `Some(id)` for a code held, `Some(None)` for a code not held, `None` for text that
    /// is not such a code.
    pub fn get(&self, raw: &[u8]) -> Option<Option<u32>> {
        let (table, slot) = slot_of(raw)?;
        let id = self.tables[table].get(slot).copied().unwrap_or(0);
        Some((id != 0).then_some(id))
    }

    /// Remember `id` for `raw` if it is such a code; false if it is not (hash it).
    pub fn insert(&mut self, raw: &[u8], id: u32) -> bool {
        let Some((table, slot)) = slot_of(raw) else {
            return false;
        };
        let ids = &mut self.tables[table];
        if ids.len() <= slot {
            ids.resize(slot + 1, 0);
        }
        ids[slot] = id;
        true
    }

    /// Forget every id from `first_new` on.
    pub fn forget_from(&mut self, first_new: u32) {
        for id in self.tables.iter_mut().flatten() {
            if *id >= first_new {
                *id = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_get_slots_and_other_text_does_not() {
        let mut slots = CodeSlots::default();
        assert_eq!(slots.get(b"E01011024"), Some(None));
        assert!(slots.insert(b"E01011024", 7));
        assert!(slots.insert(b"W01000563", 8));
        assert_eq!(slots.get(b"E01011024"), Some(Some(7)));
        assert_eq!(slots.get(b"W01011024"), Some(None));
        assert_eq!(slots.get(b"W01000563"), Some(Some(8)));
        for other in [
            &b"E02011024"[..],
            b"E0101102",
            b"E010110245",
            b"S01011024",
            b"E01O11024",
            b"e01011024",
            b"",
            b"E01999999",
        ] {
            assert_eq!(slots.get(other), None, "{}", String::from_utf8_lossy(other));
            assert!(!slots.insert(other, 9));
        }
        slots.forget_from(8);
        assert_eq!(slots.get(b"W01000563"), Some(None));
        assert_eq!(slots.get(b"E01011024"), Some(Some(7)));
    }
}
