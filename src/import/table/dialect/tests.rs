use super::*;
use proptest::prelude::*;

proptest! {
    /// The quote check visiting only quote characters answers as the check of every
    /// pair of bytes it replaced.
    #[test]
    fn quoted_field_check_matches_the_pairwise_one(
        text in proptest::collection::vec(prop_oneof![Just(b'a'), Just(b','), Just(b';'), Just(b'"'), Just(b'\''), Just(b'\n'), Just(b'\r')], 0..40),
        delimiter in prop_oneof![Just(b','), Just(b';')],
        quote in prop_oneof![Just(b'"'), Just(b'\'')],
    ) {
        let pairwise = text.windows(2).any(|w| {
            (w[0] == delimiter || w[0] == b'\n') && w[1] == quote
                || w[0] == quote && (w[1] == delimiter || w[1] == b'\n' || w[1] == b'\r')
        }) || text.first() == Some(&quote);
        prop_assert_eq!(has_quoted_field(&text, delimiter, quote), pairwise);
    }

    /// Counting delimiters in a sample with no quote gives the rows and widths the
    /// CSV reader gives (line breaks CR, LF and CRLF, blank lines, a final line with
    /// or without its break).
    #[test]
    fn unquoted_field_counts_match_the_csv_reader(
        text in proptest::collection::vec(prop_oneof![Just(b'a'), Just(b','), Just(b';'), Just(b'\t'), Just(b' '), Just(b'\n'), Just(b'\r')], 0..60),
        delimiter in prop_oneof![Just(b','), Just(b';'), Just(b'\t')],
    ) {
        prop_assert_eq!(field_counts(&text, delimiter, b'"'), field_counts_read(&text, delimiter, b'"'));
    }
}

fn utf16le(text: &str, bom: bool) -> Vec<u8> {
    let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

#[test]
fn encodings_are_told_apart() {
    assert_eq!(detect_encoding(b"a,b\n1,2\n"), TextEncoding::Utf8);
    assert_eq!(
        detect_encoding("\u{FEFF}a,é\n".as_bytes()),
        TextEncoding::Utf8
    );
    assert_eq!(detect_encoding(b"a,Caf\xe9\n"), TextEncoding::Windows1252);
    assert_eq!(
        detect_encoding(&utf16le("Crime ID,Month\n", true)),
        TextEncoding::Utf16Le
    );
    assert_eq!(
        detect_encoding(&utf16le("Crime ID,Month\n", false)),
        TextEncoding::Utf16Le
    );
    let be: Vec<u8> = "a,b,c\n"
        .encode_utf16()
        .flat_map(|u| u.to_be_bytes())
        .collect();
    assert_eq!(detect_encoding(&be), TextEncoding::Utf16Be);
    // "é" cut in half at the end of the sample is still UTF-8.
    assert_eq!(detect_encoding(b"a,caf\xc3"), TextEncoding::Utf8);
}

#[test]
fn delimiters_are_found_from_the_rows() {
    let d = |text: &str| detect_dialect(text.as_bytes(), TextEncoding::Utf8);
    assert_eq!(d("a,b,c\n1,2,3\n").delimiter, b',');
    assert_eq!(d("a;b;c\n1,5;2,5;3\n4;5;6\n").delimiter, b';');
    assert_eq!(d("a\tb\tc\n1\t2\t3\n").delimiter, b'\t');
    assert_eq!(d("a|b|c\n1|2|3\n").delimiter, b'|');
    // Commas inside quoted fields do not make a comma file.
    let semi = d("\"Name\";\"Offence\"\n\"A\";\"Assault, with injury\"\n");
    assert_eq!((semi.delimiter, semi.has_quoted_fields), (b';', true));
    assert_eq!(d("justonecolumn\nvalue\n").delimiter, b',');
    assert_eq!(d("it's,a,b\nmy,o'k,c\n").quote, b'"');
    assert_eq!(d("'a';'b'\n'1';'2'\n").quote, b'\'');
}

#[test]
fn the_description_says_what_was_found() {
    let mut dialect = detect_dialect(b"a;b\n\"1\";2\n", TextEncoding::Windows1252);
    assert_eq!(
        dialect.describe(),
        "semicolon-separated, Windows-1252 (Latin-1) text, fields in double quotes"
    );
    assert!(!dialect.is_plain());
    dialect = apply_choice(
        dialect,
        &DialectChoice {
            encoding: Some(TextEncoding::Utf8),
            delimiter: Some(b','),
        },
    );
    assert!(dialect.is_plain());
}

#[test]
fn utf16_samples_are_decoded_for_detection() {
    let bytes = utf16le("a;b;c\n1;2;3\n", true);
    let text = sample_text(&bytes, TextEncoding::Utf16Le);
    assert_eq!(&*text, b"a;b;c\n1;2;3\n");
    assert_eq!(detect_dialect(&text, TextEncoding::Utf16Le).delimiter, b';');
}
