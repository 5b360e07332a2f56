//! Where the blank lines are in the text the CSV parser reads, so that a record after
//! blank lines is given its true line: the csv crate skips blank lines, but numbers the
//! record after them from the first of them. Kept as runs and forgotten once the parser
//! has passed them, so what is held is bounded by how far the parser reads ahead.

use std::collections::VecDeque;

#[derive(Debug)]
pub struct BlankLines {
    /// (offset of the first blank line's LF, how many follow one another), in order.
    runs: VecDeque<(u64, u64)>,
    /// Bytes of text noted so far.
    seen: u64,
    /// The text noted so far is empty or ends a line: an LF next is a blank line.
    at_line_start: bool,
}

impl Default for BlankLines {
    fn default() -> Self {
        BlankLines {
            runs: VecDeque::new(),
            seen: 0,
            at_line_start: true,
        }
    }
}

impl BlankLines {
    /// Note the blank lines of the next piece of text (LF line ends), in the order the
    /// parser reads it.
    pub fn note(&mut self, text: &[u8]) {
        // Only line ends can be blank lines: found with a SIMD search, not byte by byte.
        for i in memchr::memchr_iter(b'\n', text) {
            let at_line_start = match i.checked_sub(1) {
                Some(before) => text.get(before) == Some(&b'\n'),
                None => self.at_line_start,
            };
            if at_line_start {
                let at = self.seen + i as u64;
                match self.runs.back_mut() {
                    Some((start, count)) if *start + *count == at => *count += 1,
                    _ => self.runs.push_back((at, 1)),
                }
            }
        }
        if let Some(&last) = text.last() {
            self.at_line_start = last == b'\n';
        }
        self.seen += text.len() as u64;
    }

    /// How many blank lines the parser passed over before the record it began to look
    /// for at byte `offset` of the text; the runs before it are forgotten.
    pub fn skipped_at(&mut self, offset: u64) -> u64 {
        while self
            .runs
            .front()
            .is_some_and(|(start, count)| start + count <= offset)
        {
            self.runs.pop_front();
        }
        match self.runs.front() {
            Some((start, count)) if *start == offset => *count,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_counted_where_a_record_starts_and_not_inside_one() {
        let mut blank = BlankLines::default();
        // "\n" (line 1 blank), "h\n", "a\n", "\n\n" (two blank lines), "\"x\n\ny\"\n",
        // in two pieces; the records start at bytes 0, 3, 5 and 14.
        blank.note(b"\nh\na");
        blank.note(b"\n\n\n\"x\n\ny\"\n");
        assert_eq!(blank.skipped_at(0), 1);
        assert_eq!(blank.skipped_at(3), 0);
        assert_eq!(blank.skipped_at(5), 2);
        // The blank line inside the quoted field is before no record.
        assert_eq!(blank.skipped_at(14), 0);
    }

    /// The blank lines of `text` one byte at a time: (offset, run length) runs.
    fn runs_byte_by_byte(text: &[u8]) -> Vec<(u64, u64)> {
        let mut runs: Vec<(u64, u64)> = Vec::new();
        let mut at_line_start = true;
        for (i, &byte) in text.iter().enumerate() {
            if byte == b'\n' && at_line_start {
                match runs.last_mut() {
                    Some((start, count)) if *start + *count == i as u64 => *count += 1,
                    _ => runs.push((i as u64, 1)),
                }
            }
            at_line_start = byte == b'\n';
        }
        runs
    }

    proptest::proptest! {
        #[test]
        fn any_text_in_any_pieces_gives_the_runs_a_byte_by_byte_scan_gives(
            text in proptest::collection::vec(
                proptest::prop_oneof![proptest::strategy::Just(b'\n'), proptest::strategy::Just(b'a')],
                0..120,
            ),
            cuts in proptest::collection::vec(0usize..120, 0..6),
        ) {
            let mut cuts: Vec<usize> = cuts.into_iter().filter(|&c| c <= text.len()).collect();
            cuts.sort_unstable();
            let mut blank = BlankLines::default();
            let mut from = 0;
            for cut in cuts.into_iter().chain([text.len()]) {
                blank.note(&text[from..cut]);
                from = cut;
            }
            let runs: Vec<(u64, u64)> = blank.runs.iter().copied().collect();
            proptest::prop_assert_eq!(runs, runs_byte_by_byte(&text));
        }
    }
}
