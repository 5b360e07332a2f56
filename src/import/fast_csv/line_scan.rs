//! Finding a plain line's end and its delimiters: the SIMD searches under
//! [`super::FastCsv`]'s fast path (a line with no quote and no CR).

/// The length of the first line of `text` (up to its LF) if it has one, with where its
/// fields end (each delimiter's position, then the length) in `ends`; `None` if `text`
/// holds no LF (`ends` is then of no use). 16 bytes at a time where the processor
/// compares them in one instruction (every x86-64 does).
pub(super) fn split_line(text: &[u8], delimiter: u8, ends: &mut Vec<usize>) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if delimiter != b'\n' {
        ends.clear();
        return split_line_16_at_a_time(text, delimiter, ends);
    }
    let len = memchr::memchr(b'\n', text)?;
    delimiter_ends(text.get(..len).unwrap_or_default(), delimiter, ends);
    Some(len)
}

#[cfg(target_arch = "x86_64")]
fn split_line_16_at_a_time(text: &[u8], delimiter: u8, ends: &mut Vec<usize>) -> Option<usize> {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8};
    let mut chunks = text.chunks_exact(16);
    let mut base = 0;
    // SAFETY: SSE2 is part of every x86-64 processor; each load reads the 16 bytes of one
    // whole chunk of `text` (an unaligned load may start anywhere).
    unsafe {
        let wanted = _mm_set1_epi8(delimiter as i8);
        let line_feed = _mm_set1_epi8(b'\n' as i8);
        for chunk in &mut chunks {
            let bytes = _mm_loadu_si128(chunk.as_ptr().cast());
            let mut found = _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, wanted)) as u32;
            let line_end = _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, line_feed)) as u32;
            if line_end != 0 {
                let at = line_end.trailing_zeros();
                found &= (1 << at) - 1;
                push_positions(found, base, ends);
                ends.push(base + at as usize);
                return Some(base + at as usize);
            }
            push_positions(found, base, ends);
            base += 16;
        }
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b == b'\n' {
            ends.push(base + i);
            return Some(base + i);
        }
        if b == delimiter {
            ends.push(base + i);
        }
    }
    None
}

/// Push `base` plus the position of each bit set in `found`.
#[inline]
fn push_positions(mut found: u32, base: usize, ends: &mut Vec<usize>) {
    while found != 0 {
        ends.push(base + found.trailing_zeros() as usize);
        found &= found - 1;
    }
}

/// Where the fields of a line known to hold no quote and no CR end: the position of each
/// delimiter, then the line's length; 16 bytes at a time where the processor compares
/// them in one instruction (every x86-64 does), else 8 at a time.
pub(super) fn delimiter_ends(line: &[u8], delimiter: u8, ends: &mut Vec<usize>) {
    ends.clear();
    #[cfg(target_arch = "x86_64")]
    let done = delimiters_16_at_a_time(line, delimiter, ends);
    #[cfg(not(target_arch = "x86_64"))]
    let done = 0;
    let rest = line.get(done..).unwrap_or_default();
    delimiters_8_at_a_time(rest, done, delimiter, ends);
    ends.push(line.len());
}

/// The delimiters in the whole 16-byte blocks of `line`, pushed onto `ends`; how many
/// bytes that covered.
#[cfg(target_arch = "x86_64")]
fn delimiters_16_at_a_time(line: &[u8], delimiter: u8, ends: &mut Vec<usize>) -> usize {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8};
    let mut chunks = line.chunks_exact(16);
    let mut base = 0;
    // SAFETY: SSE2 is part of every x86-64 processor; each load reads the 16 bytes of one
    // whole chunk of `line` (an unaligned load may start anywhere).
    unsafe {
        let wanted = _mm_set1_epi8(delimiter as i8);
        for chunk in &mut chunks {
            let bytes = _mm_loadu_si128(chunk.as_ptr().cast());
            let found = _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, wanted)) as u32;
            push_positions(found, base, ends);
            base += 16;
        }
    }
    base
}

/// The delimiters of `line` (which starts `offset` bytes into its line), pushed onto
/// `ends`, found 8 bytes at a time.
fn delimiters_8_at_a_time(line: &[u8], offset: usize, delimiter: u8, ends: &mut Vec<usize>) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut chunks = line.chunks_exact(8);
    let mut base = offset;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        let mut delimiters = zero_bytes(word ^ (ONES * u64::from(delimiter)));
        while delimiters != 0 {
            ends.push(base + (delimiters.trailing_zeros() / 8) as usize);
            delimiters &= delimiters - 1;
        }
        base += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b == delimiter {
            ends.push(base + i);
        }
    }
}

/// The high bit of each byte of `x` that is zero, and no other bit (exact: no carry
/// crosses a byte, unlike the shorter `(x - 0x01..) & !x & 0x80..`).
pub(super) fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    !(((x & LOW7) + LOW7) | x | LOW7)
}
