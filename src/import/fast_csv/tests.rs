//! The fast reader checked record by record against the csv crate (fixed cases and
//! proptests over any bytes and police-like rows).

use super::*;
use proptest::prelude::*;

/// Hands out at most `step` bytes a read, to split records (and CRLF) across reads.
pub(crate) struct Trickle<'a>(pub(crate) &'a [u8], pub(crate) usize);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.len().min(self.1).min(buf.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

type Seen = (Vec<Vec<u8>>, u64, u64, u64);

#[test]
fn zero_bytes_marks_exactly_the_zero_bytes() {
    for x in [0u64, u64::MAX, 0x0100_0001_FF00_7F80, 0x2C2D_2C00_0101_2C2C] {
        let expected = (0..8)
            .filter(|i| (x >> (8 * i)) & 0xFF == 0)
            .fold(0u64, |m, i| m | (0x80 << (8 * i)));
        assert_eq!(zero_bytes(x), expected, "{x:#x}");
    }
}

proptest! {
    /// The one-pass line split finds what a search for the LF and then for the
    /// delimiters finds (lines long and short, delimiters and LFs at block edges).
    #[test]
    fn splitting_a_line_in_one_pass_agrees_with_two(
        text in proptest::collection::vec(prop_oneof![Just(b','), Just(b'\n'), Just(b';'), Just(b'a')], 0..80),
        delimiter in prop_oneof![Just(b','), Just(b';')],
    ) {
        let mut ends = Vec::new();
        let found = split_line(&text, delimiter, &mut ends);
        let expected = memchr::memchr(b'\n', &text);
        prop_assert_eq!(found, expected);
        if let Some(len) = expected {
            let mut two_pass = Vec::new();
            delimiter_ends(&text[..len], delimiter, &mut two_pass);
            prop_assert_eq!(ends, two_pass);
        }
    }
}

/// Every record `read` gives (false at the end), with its position.
fn records(mut read: impl FnMut(&mut ByteRecord) -> bool) -> Vec<Seen> {
    let mut record = ByteRecord::new();
    let mut seen = Vec::new();
    while read(&mut record) {
        let p = record.position().unwrap();
        let fields = record.iter().map(<[u8]>::to_vec).collect();
        seen.push((fields, p.byte(), p.line(), p.record()));
    }
    seen
}

/// The dialect read: (delimiter, quote).
type Dialect = (u8, u8);
const COMMA: Dialect = (b',', b'"');

fn with_csv_crate(
    data: &[u8],
    step: usize,
    (delimiter, quote): Dialect,
) -> (Vec<Seen>, (u64, u64, u64)) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .quote(quote)
        .from_reader(Trickle(data, step));
    let seen = records(|r| reader.read_byte_record(r).unwrap());
    let p = reader.position();
    (seen, (p.byte(), p.line(), p.record()))
}

fn with_fast(
    data: &[u8],
    step: usize,
    capacity: usize,
    (delimiter, quote): Dialect,
) -> (Vec<Seen>, (u64, u64, u64)) {
    let mut reader = FastCsv::new(Trickle(data, step), capacity, delimiter, quote);
    let seen = records(|r| reader.read_byte_record(r).unwrap());
    assert!(!reader.read_byte_record(&mut ByteRecord::new()).unwrap());
    let p = reader.position();
    (seen, (p.byte(), p.line(), p.record()))
}

fn assert_same(data: &[u8], dialect: Dialect) {
    // From 4 bytes a read: csv_core strips a BOM only when all of it is in the
    // first input it sees, and the csv crate loses every record of a file whose
    // first read is exactly the BOM. The importer reads 256 KB at a time.
    for step in [4, 5, 7, 4096] {
        for capacity in [4, 5, 16, 4096] {
            assert_eq!(
                with_fast(data, step, capacity, dialect),
                with_csv_crate(data, step, dialect),
                "{:?} step {step} capacity {capacity}",
                String::from_utf8_lossy(data)
            );
        }
    }
}

#[test]
fn reads_plain_quoted_and_broken_lines_as_the_csv_crate_does() {
    let long_plain = [b"x".repeat(5000), b",y\n".to_vec()].concat();
    let long_quoted = [b"\"".to_vec(), b"z,\n".repeat(3000), b"\",w\r\n".to_vec()].concat();
    let cases: [&[u8]; 14] = [
        b"h1,h2\na,b\n\n\nc,d\n",
        b"\xEF\xBB\xBFh1,h2\r\na,\"b,\nc\"\r\nd\r\re,f",
        b"x\n\"unclosed,\nrow\n",
        b"a,,b,\n,\n \n",
        b"\n\n\nfirst\nlast",
        b"",
        b"\n",
        b"a\"b,c\nd\n",
        b"q\n\xEF\xBB\xBFmid,file\n",
        b"a,\"b\"\"c\",d\n\"\"\n\"\",\"\"\r\n\r\n\re\r",
        b"h\r\n\r\n\r\na,b\r\nc,d",
        b"no,line,end",
        &long_plain,
        &long_quoted,
    ];
    for data in cases {
        assert_same(data, COMMA);
    }
}

#[test]
fn reads_other_delimiters_and_quotes_as_the_csv_crate_does() {
    let cases: [(&[u8], Dialect); 5] = [
        (b"a;b;c\n1;\"2;3\";4\n5,6;7\n", (b';', b'"')),
        (b"a\tb\n1\t2,3\t\"4\"\n\t\n", (b'\t', b'"')),
        (b"a|b\n'x|y'|z\n\"q\"|r\n", (b'|', b'\'')),
        (b"a,b\n'it''s',2\r\n3,'4\n5'\n", (b',', b'\'')),
        (b"a;b\n;\n;;\n", (b';', b'"')),
    ];
    for (data, dialect) in cases {
        assert_same(data, dialect);
    }
}

proptest! {
    #[test]
    fn any_bytes_read_as_the_csv_crate_reads_them(
        data in proptest::collection::vec(
            prop_oneof![
                Just(b'a'), Just(b'b'), Just(b','), Just(b','), Just(b'"'),
                Just(b'\n'), Just(b'\n'), Just(b'\r'), Just(b' '), Just(0u8),
                Just(0xEFu8), Just(0xBBu8), Just(0xBFu8), Just(b';'), Just(b'\t'),
                Just(b'\''),
            ],
            0..300,
        ),
        step in 4usize..40,
        capacity in 4usize..64,
        dialect in prop_oneof![
            Just(COMMA), Just((b';', b'"')), Just((b'\t', b'"')), Just((b',', b'\'')),
        ],
    ) {
        prop_assert_eq!(
            with_fast(&data, step, capacity, dialect),
            with_csv_crate(&data, step, dialect)
        );
    }

    #[test]
    fn police_like_rows_read_as_the_csv_crate_reads_them(
        rows in proptest::collection::vec(
            proptest::collection::vec(
                prop_oneof![
                    Just(String::new()),
                    "[A-Za-z0-9 ]{0,12}",
                    "\"[A-Za-z, \n\"]{0,12}\"",
                ],
                1..8,
            ),
            0..40,
        ),
        crlf in any::<bool>(),
        bom in any::<bool>(),
        step in 4usize..600,
        capacity in 4usize..300,
    ) {
        let end = if crlf { "\r\n" } else { "\n" };
        let mut data = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        for row in &rows {
            data.extend_from_slice(row.join(",").as_bytes());
            data.extend_from_slice(end.as_bytes());
        }
        prop_assert_eq!(
            with_fast(&data, step, capacity, COMMA),
            with_csv_crate(&data, step, COMMA)
        );
    }
}
