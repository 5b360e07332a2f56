//! Ids by a raw cell's 128-bit fingerprint, in one open-addressed table whose slot for a
//! fingerprint is known before it is looked up, so it can be fetched into the cache ahead
//! ([`FingerprintSlots::prefetch`]) while the rest of the row is read.
//!
//! The fingerprints are uniformly random already, so a slot is the fingerprint's low bits
//! (linear probing from there); the table is kept at most half full. A slot holding id 0
//! is empty: the dimension tables number their entries from 1.

/// One slot: the fingerprint (as two words) and its id; 32 bytes, two to a cache line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[repr(C, align(32))]
struct Slot {
    key: [u64; 2],
    id: u32,
}

/// The fewest slots a table starts with once something is inserted.
const MIN_SLOTS: usize = 64;

#[derive(Debug, Default)]
pub struct FingerprintSlots {
    /// A power of two in length (or empty).
    slots: Vec<Slot>,
    len: usize,
}

fn key_of(fingerprint: u128) -> [u64; 2] {
    [fingerprint as u64, (fingerprint >> 64) as u64]
}

impl FingerprintSlots {
    /// The slot a probe for `key` starts at (the table is not empty).
    fn home(&self, key: &[u64; 2]) -> usize {
        key[0] as usize & (self.slots.len() - 1)
    }

    /// The id held for `fingerprint`.
    pub fn get(&self, fingerprint: u128) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let key = key_of(fingerprint);
        let mask = self.slots.len() - 1;
        let mut at = self.home(&key);
        loop {
            let slot = self.slots.get(at)?;
            if slot.id == 0 {
                return None;
            }
            if slot.key == key {
                return Some(slot.id);
            }
            at = (at + 1) & mask;
        }
    }

    /// Hold `id` for `fingerprint` (replacing what was held). An id of 0 is not held.
    pub fn insert(&mut self, fingerprint: u128, id: u32) {
        if id == 0 {
            return;
        }
        if (self.len + 1) * 2 > self.slots.len() {
            let size = (self.slots.len() * 2).max(MIN_SLOTS);
            self.rebuild(size, |_| true);
        }
        self.place(Slot {
            key: key_of(fingerprint),
            id,
        });
    }

    /// Put `slot` where a probe for its key finds it (the table has room).
    fn place(&mut self, slot: Slot) {
        let mask = self.slots.len() - 1;
        let mut at = self.home(&slot.key);
        while let Some(held) = self.slots.get_mut(at) {
            if held.id == 0 {
                *held = slot;
                self.len += 1;
                return;
            }
            if held.key == slot.key {
                held.id = slot.id;
                return;
            }
            at = (at + 1) & mask;
        }
    }

    /// Ask the processor to fetch the slot `fingerprint` is looked up at, so that a
    /// lookup a little later finds it in the cache. Changes nothing.
    #[inline]
    pub fn prefetch(&self, fingerprint: u128) {
        if self.slots.is_empty() {
            return;
        }
        let at = self.home(&key_of(fingerprint));
        if let Some(slot) = self.slots.get(at) {
            prefetch_line(std::ptr::from_ref(slot).cast());
        }
    }

    /// Keep only the entries whose id passes `keep`.
    pub fn retain(&mut self, keep: impl Fn(u32) -> bool) {
        self.rebuild(self.slots.len(), keep);
    }

    /// A table of `size` slots (a power of two, room for every entry kept) holding the
    /// entries whose id passes `keep`.
    fn rebuild(&mut self, size: usize, keep: impl Fn(u32) -> bool) {
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        self.len = 0;
        for slot in old.into_iter().filter(|s| s.id != 0 && keep(s.id)) {
            self.place(slot);
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[inline]
fn prefetch_line(at: *const i8) {
    // SAFETY: a prefetch is only a hint: it reads nothing into the program and cannot
    // fault, whatever the address; `at` is a slot of a live table besides.
    unsafe { std::arch::x86_64::_mm_prefetch(at, std::arch::x86_64::_MM_HINT_T0) }
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn prefetch_line(_at: *const i8) {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[test]
    fn holds_replaces_and_forgets() {
        let mut slots = FingerprintSlots::default();
        assert_eq!(slots.get(7), None);
        slots.prefetch(7);
        slots.insert(7, 1);
        slots.insert(7 + (1 << 64), 2);
        // Same low word: the same home slot, told apart by the high word.
        assert_eq!(slots.get(7), Some(1));
        assert_eq!(slots.get(7 + (1 << 64)), Some(2));
        slots.insert(7, 3);
        assert_eq!(slots.get(7), Some(3));
        slots.insert(9, 0);
        assert_eq!(slots.get(9), None);
        slots.retain(|id| id < 3);
        assert_eq!(slots.get(7), None);
        assert_eq!(slots.get(7 + (1 << 64)), Some(2));
    }

    proptest! {
        #[test]
        fn agrees_with_a_hash_map(
            entries in proptest::collection::vec((any::<u128>(), 1u32..1000), 0..2000),
            probes in proptest::collection::vec(any::<u128>(), 0..50),
            cut in 1u32..1000,
        ) {
            let mut slots = FingerprintSlots::default();
            let mut map = HashMap::new();
            // Clustered keys too: the low bits of many alike.
            for (i, &(fingerprint, id)) in entries.iter().enumerate() {
                let fingerprint = if i % 3 == 0 { fingerprint & !0xffff } else { fingerprint };
                slots.insert(fingerprint, id);
                map.insert(fingerprint, id);
            }
            for (fingerprint, id) in &map {
                prop_assert_eq!(slots.get(*fingerprint), Some(*id));
            }
            for probe in probes {
                prop_assert_eq!(slots.get(probe), map.get(&probe).copied());
            }
            slots.retain(|id| id < cut);
            map.retain(|_, id| *id < cut);
            prop_assert_eq!(slots.len, map.len());
            for (fingerprint, id) in &map {
                prop_assert_eq!(slots.get(*fingerprint), Some(*id));
            }
        }
    }
}
