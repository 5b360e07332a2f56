//! Property tests of every parser of file data in the normal test run: none panics on any
//! input, and well-formed values read back as written. (Unit tests beside each parser pin
//! the exact messages; `fuzz/` runs the same parsers for hours.)

use super::crime_types::{crime_type_id, match_crime_type, CrimeTypeMatch, CRIME_TYPES};
use super::geography::{parse_count, LookupColumns, PopulationColumns};
use super::kind::detect_kind;
use super::month::{month_label, parse_month};
use super::numbers::{crime_id_hex, parse_crime_id, parse_micro_degrees};
use super::partner::{self, ColumnMapping, NormalisationLog, PartnerLayout};
use super::police_uk::StreetColumns;
use super::reader::{ContentHasher, TableReader, MAX_ROW_BYTES};
use super::text::{decode_cell, excerpt, trim_bytes};
use csv::ByteRecord;
use proptest::collection::vec;
use proptest::prelude::*;
use std::sync::atomic::AtomicU64;

const HEADER: &str = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

fn names(header: &str) -> Vec<String> {
    header.split(',').map(String::from).collect()
}

/// Cells that stress a CSV reader: separators, quotes, line ends, odd bytes.
fn nasty_cell() -> impl Strategy<Value = Vec<u8>> {
    vec(
        prop_oneof![
            Just(b','),
            Just(b'"'),
            Just(b'\n'),
            Just(b'\r'),
            Just(b' '),
            Just(0u8),
            Just(0xE9u8),
            Just(0xFFu8),
            b'a'..=b'z',
            b'0'..=b'9',
        ],
        0..12,
    )
}

/// Cells a CSV writer and reader must agree on exactly (CRs and NULs are normalised or
/// refused by design, so they are left out here).
fn quoted_cell() -> impl Strategy<Value = Vec<u8>> {
    vec(
        prop_oneof![
            Just(b','),
            Just(b'"'),
            Just(b'\n'),
            Just(b' '),
            Just(0xE9u8),
            b'a'..=b'z',
        ],
        0..12,
    )
}

fn record(cells: &[Vec<u8>]) -> ByteRecord {
    let mut record = ByteRecord::new();
    for cell in cells {
        record.push_field(cell);
    }
    record
}

/// A table as read: header names, records (cells of bytes), line numbers.
type Table = (Vec<String>, Vec<Vec<Vec<u8>>>, Vec<u64>);

/// Everything a [`TableReader`] yields for `data`, checking on the way that the raw bytes
/// it handed out for hashing were exactly the input.
fn read_all(data: &[u8]) -> Option<Table> {
    let counter = AtomicU64::new(0);
    let mut table = TableReader::open("p.csv", data, &counter).ok()?;
    let header = table.header().to_vec();
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    let mut hasher = ContentHasher::default();
    while let Ok(Some((line, record))) = table.next_record() {
        rows.push(record.iter().map(<[u8]>::to_vec).collect());
        lines.push(line);
    }
    hasher.update(&table.take_chunks());
    let end = table.finish().ok()?;
    hasher.update(&end.last_chunks);
    let mut direct = ContentHasher::default();
    direct.update(&[data.to_vec()]);
    assert_eq!(
        hasher.finish(),
        direct.finish(),
        "the hash covers the raw bytes"
    );
    assert_eq!(end.bytes, data.len() as u64);
    // The import reads records as views of the reader's buffer: the same records, lines
    // and stopping point as the copies above.
    let mut table = TableReader::open("p.csv", data, &counter).ok()?;
    let mut viewed = Vec::new();
    while let Ok(Some((line, fields))) = table.next_fields() {
        let cells: Vec<Vec<u8>> = fields.iter().map(<[u8]>::to_vec).collect();
        viewed.push((line, cells));
    }
    let copied: Vec<_> = lines.iter().copied().zip(rows.iter().cloned()).collect();
    assert_eq!(
        viewed, copied,
        "records read as views = records read as copies"
    );
    Some((header, rows, lines))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    // --- months

    #[test]
    fn month_cells_never_panic(bytes in vec(any::<u8>(), 0..24)) {
        if let Some((month, _)) = parse_month(&bytes) {
            prop_assert!((199001..=210012).contains(&month));
            prop_assert!((1..=12).contains(&(month % 100)));
        }
    }

    #[test]
    fn every_month_form_reads_back(year in 1990u32..=2100, month in 1u32..=12, day in 1u32..=28) {
        let expected = year * 100 + month;
        let name = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month as usize - 1];
        let mut forms = vec![
            month_label(expected),
            format!("{name}-{year}"),
            format!("{name} {year}"),
            format!("{month:02}/{year}"),
            format!("{month}/{year}"),
            format!("{year}-{month:02}-{day:02}"),
            format!("{day:02}/{month:02}/{year}"),
        ];
        if (2000..2100).contains(&year) {
            forms.push(format!("{name}-{:02}", year % 100));
        }
        for form in forms {
            prop_assert_eq!(parse_month(form.as_bytes()).map(|m| m.0), Some(expected), "{}", form);
        }
    }

    // --- numbers

    #[test]
    fn crime_ids_round_trip(bytes in proptest::array::uniform32(any::<u8>())) {
        let hex = crime_id_hex(&bytes);
        prop_assert_eq!(parse_crime_id(hex.as_bytes()), Ok(bytes));
        prop_assert_eq!(parse_crime_id(hex.to_uppercase().as_bytes()), Ok(bytes));
    }

    #[test]
    fn coordinate_cells_agree_with_a_float_parse(text in "[-+]?[0-9.eE]{0,30}") {
        if let Some(v) = parse_micro_degrees(text.as_bytes()) {
            let float: f64 = text.parse().expect("what reads as a coordinate is a number");
            prop_assert!((f64::from(v) - float * 1e6).abs() <= 1.0, "{} read as {}", text, v);
        }
    }

    // --- text

    #[test]
    fn text_helpers_never_panic(bytes in vec(any::<u8>(), 0..200)) {
        let (text, fallback) = decode_cell(&bytes);
        prop_assert_eq!(fallback, std::str::from_utf8(&bytes).is_err());
        if !fallback {
            prop_assert_eq!(text.as_bytes(), &bytes[..]);
        }
        let trimmed = trim_bytes(&bytes);
        prop_assert!(!trimmed.starts_with(b" ") && !trimmed.ends_with(b"\t"));
        let short = excerpt(&bytes);
        prop_assert!(short.chars().count() <= 61);
        prop_assert!(!short.chars().any(char::is_control));
    }

    // --- the CSV reader

    #[test]
    fn the_reader_never_panics_and_hashes_what_it_read(data in vec(any::<u8>(), 0..600)) {
        let _ = read_all(&data);
    }

    #[test]
    fn the_reader_gives_back_what_a_csv_writer_wrote(
        rows in vec(vec(quoted_cell(), 3), 1..20),
        crlf in any::<bool>(),
    ) {
        let mut writer = csv::WriterBuilder::new()
            .terminator(if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
            .from_writer(Vec::new());
        writer.write_record(["a", "b", "c"]).unwrap();
        for row in &rows {
            writer.write_record(row).unwrap();
        }
        let data = writer.into_inner().unwrap();
        let (header, read, lines) = read_all(&data).expect("a written table reads");
        prop_assert_eq!(header, vec!["a", "b", "c"]);
        prop_assert_eq!(read.len(), rows.len());
        // Each record starts on the line after the previous one's last line.
        let mut line = 2u64;
        for ((got, want), got_line) in read.iter().zip(&rows).zip(&lines) {
            prop_assert_eq!(got, want);
            prop_assert_eq!(*got_line, line);
            line += 1 + want.iter().flatten().filter(|&&b| b == b'\n').count() as u64;
        }
    }

    // --- police.uk rows

    #[test]
    fn street_rows_never_panic(cells in vec(nasty_cell(), 0..16)) {
        let columns = StreetColumns::from_header(&names(HEADER)).unwrap();
        let _ = columns.parse(&record(&cells));
    }

    #[test]
    fn valid_street_rows_read_back(
        month in 1u32..=12,
        year in 2010u32..=2030,
        lon in -8_000_000i32..=1_700_000,
        lat in 50_000_000i32..=60_000_000,
        type_index in 0usize..14,
        id in proptest::option::of(proptest::array::uniform32(any::<u8>())),
    ) {
        let columns = StreetColumns::from_header(&names(HEADER)).unwrap();
        let crime_type = CRIME_TYPES[type_index];
        let cells: Vec<Vec<u8>> = [
            id.map(|b| crime_id_hex(&b)).unwrap_or_default(),
            format!("{year}-{month:02}"),
            "Kent Police".into(),
            "Kent Police".into(),
            format!("{:.6}", f64::from(lon) / 1e6),
            format!("{:.6}", f64::from(lat) / 1e6),
            "On or near Somewhere".into(),
            "E01000001".into(),
            "Town 001A".into(),
            crime_type.into(),
            String::new(),
            String::new(),
        ]
        .into_iter()
        .map(String::into_bytes)
        .collect();
        let rec = record(&cells);
        let row = columns.parse(&rec).unwrap();
        prop_assert_eq!(row.month, year * 100 + month);
        prop_assert_eq!(row.coordinates, Some((lon, lat)));
        prop_assert_eq!(row.crime_id, id);
        prop_assert_eq!(Some(row.crime_type.id()), crime_type_id(crime_type));
    }

    #[test]
    fn crime_types_match_whatever_the_case_and_spaces(index in 0usize..14, upper in any::<bool>(), pad in 0usize..3) {
        let name = CRIME_TYPES[index];
        let cell = format!("{}{}{}", " ".repeat(pad), if upper { name.to_uppercase() } else { name.to_lowercase() }, " ".repeat(pad));
        prop_assert_eq!(match_crime_type(&cell), crime_type_id(name).map(CrimeTypeMatch::Current));
    }

    // --- headers and geography

    #[test]
    fn headers_never_panic(header in vec("[A-Za-z0-9 ]{0,12}", 0..14)) {
        let _ = detect_kind(&header);
        let _ = StreetColumns::from_header(&header);
        let _ = partner::detect_layout(&header);
    }

    #[test]
    fn geography_rows_never_panic(cells in vec(nasty_cell(), 0..8)) {
        let lookup = LookupColumns::from_header(&names("LSOA21CD,LSOA21NM,WD24CD,WD24NM,LAD24CD,LAD24NM")).unwrap();
        let _ = lookup.parse(&record(&cells));
        let population = PopulationColumns::from_header(&names("code,name,total")).unwrap();
        let _ = population.parse(&record(&cells));
    }

    #[test]
    fn counts_with_thousands_separators_read_back(n in 0u64..10_000_000) {
        let plain = n.to_string();
        let mut grouped = String::new();
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        prop_assert_eq!(parse_count(&grouped), Some(n as f64));
        prop_assert_eq!(parse_count(&format!("-{grouped}")), None);
    }

    // --- partner extracts

    #[test]
    fn partner_periods_and_values_never_panic(text in "[ -~]{0,24}") {
        if let Ok(period) = partner::period::parse_period(&text) {
            let _ = period.end_month();
            let _ = period.label();
        }
        let _ = partner::period::parse_quarter(&text);
        let _ = partner::values::count(&text);
        let _ = partner::values::yes_no(&text, true);
        let _ = partner::values::age_band(&text);
        let _ = partner::values::area_code(&text);
        for format in partner::DateFormat::ALL {
            let _ = format.parse(&text);
        }
    }

    #[test]
    fn financial_years_read_back(start in 1990u32..2100) {
        let short = format!("{start}/{:02}", (start + 1) % 100);
        prop_assert_eq!(partner::period::parse_period(&short), Ok(partner::Period::financial_year(start)));
    }

    #[test]
    fn partner_rows_never_panic(cells in vec(nasty_cell(), 0..12), layout_index in 0usize..4) {
        let layout = PartnerLayout::ALL[layout_index];
        let header: Vec<String> = layout.reference_header().into_iter().map(String::from).collect();
        let mapping = ColumnMapping::from_reference(layout, &header).unwrap();
        let mut log = NormalisationLog::default();
        let _ = partner::parse_row(&mapping, &record(&cells), &mut log);
    }
}

/// The row cap, at its edges: a row of exactly [`MAX_ROW_BYTES`] is read; one the reader
/// must buffer past the cap is refused naming its line, quoted or not.
#[test]
fn a_row_longer_than_the_cap_is_refused_not_read() {
    let cap = MAX_ROW_BYTES as usize;
    let mut fits = b"a\n".to_vec();
    fits.resize(2 + cap, b'x');
    let counter = AtomicU64::new(0);
    let mut table = TableReader::open("p.csv", &fits[..], &counter).unwrap();
    let (line, record) = table.next_record().unwrap().unwrap();
    assert_eq!((line, record.as_slice().len()), (2, cap));
    for (quote, extra) in [(false, 1), (true, 1), (false, 100_000), (true, 3 << 20)] {
        let mut data = b"a,b\nc,d\n".to_vec();
        if quote {
            data.push(b'"');
        }
        data.resize(data.len() + cap + 3 * 256 * 1024 + extra, b'x');
        let mut table = TableReader::open("p.csv", &data[..], &counter).unwrap();
        assert!(table.next_record().unwrap().is_some());
        let err = match table.next_record() {
            Ok(record) => panic!(
                "read a row of {:?} bytes",
                record.map(|r| r.1.as_slice().len())
            ),
            Err(e) => e.to_string(),
        };
        assert!(
            err.contains("p.csv: line 3: the row starting on this line is longer than 1 MB"),
            "{err}"
        );
    }
}

/// Found by `cargo fuzz run partner_csv`: a 45 KB file whose header has 44,504 columns took
/// 14 s to preview, because checking a mapping for columns used twice was quadratic in the
/// number of columns. Every layout's preview of it must now be quick.
#[test]
fn a_header_of_forty_thousand_columns_previews_quickly() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz/partner_wide_header_slow.csv");
    let data = std::fs::read(path).unwrap();
    let counter = AtomicU64::new(0);
    let mut table = TableReader::open("wide.csv", &data[..], &counter).unwrap();
    let header = table.header().to_vec();
    assert!(header.len() > 40_000);
    let mut rows = Vec::new();
    while let Ok(Some((_, record))) = table.next_record() {
        rows.push(record.clone());
    }
    let started = std::time::Instant::now();
    for layout in PartnerLayout::ALL {
        let mapping = ColumnMapping::new("wide", layout, &header);
        let _ = mapping.validate();
        let _ = partner::preview(&mapping, rows.iter().cloned(), 5);
    }
    let took = started.elapsed();
    assert!(took.as_secs() < 3, "{took:?}");
}
