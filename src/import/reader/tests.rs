//! The reader end to end: true line numbers across CRLF, blank lines and any chunking,
//! and the hash of the raw bytes.

use super::{ContentHasher, TableReader};
use crate::import::fast_csv::tests::Trickle;
use std::sync::atomic::AtomicU64;

fn lines_of(data: &[u8], chunk: usize) -> (Vec<u64>, Vec<u8>) {
    let counter = AtomicU64::new(0);
    let mut table = TableReader::open("t.csv", Trickle(data, chunk), &counter).unwrap();
    let mut lines = Vec::new();
    let mut cells = Vec::new();
    while let Some((line, record)) = table.next_record().unwrap() {
        lines.push(line);
        cells.extend_from_slice(record.get(0).unwrap());
    }
    let mut hasher = ContentHasher::default();
    hasher.update(&table.take_chunks());
    let end = table.finish().unwrap();
    hasher.update(&end.last_chunks);
    assert_eq!(end.bytes, data.len() as u64);
    let mut direct = ContentHasher::default();
    direct.update(&[data.to_vec()]);
    assert_eq!(
        hasher.finish(),
        direct.finish(),
        "the hash is of the raw bytes"
    );
    (lines, cells)
}

#[test]
fn crlf_files_report_true_line_numbers_whatever_the_chunking() {
    for chunk in [1, 2, 3, 7, 1024] {
        let (lines, cells) = lines_of(b"h\r\na\r\nb\r\n\"c\r\nd\"\r\ne\r", chunk);
        assert_eq!(lines, vec![2, 3, 4, 6], "chunk {chunk}");
        assert_eq!(cells, b"abc\nde".to_vec(), "chunk {chunk}");
        let (lines, _) = lines_of(b"h\na\nb\n", chunk);
        assert_eq!(lines, vec![2, 3]);
        // Blank lines, before the header too, and CRLF ones split across chunks.
        let (lines, cells) = lines_of(b"\r\nh\r\na\r\n\r\n\r\nb\n\n\"c\n\nd\"\ne", chunk);
        assert_eq!(lines, vec![3, 6, 8, 11], "chunk {chunk}");
        assert_eq!(cells, b"abc\n\nde".to_vec(), "chunk {chunk}");
    }
}
