//! Fast, exact parsing of the numeric cells police.uk files hold: coordinates in decimal
//! degrees (stored as integer micro-degrees) and the 64-hex-digit Crime ID.

/// Decimal degrees → micro-degrees, rounded half away from zero. Accepts an optional
/// sign, digits, and a fractional part; falls back to a float parse for other forms
/// (e.g. `1E-3`). Returns `None` for anything that is not a finite number.
pub fn parse_micro_degrees(cell: &[u8]) -> Option<i32> {
    let (negative, body) = match cell.split_first()? {
        (b'-', rest) => (true, rest),
        (b'+', rest) => (false, rest),
        _ => (false, cell),
    };
    // One pass: up to 4 integer digits, then an optional '.' and fraction digits, of
    // which the first 6 are kept and the 7th rounds.
    let mut value: i64 = 0;
    let mut int_len = 0;
    while let Some(&b) = body.get(int_len).filter(|b| b.is_ascii_digit()) {
        // Past 4 digits the float fallback decides; stop adding (no overflow).
        if int_len < 4 {
            value = value * 10 + i64::from(b - b'0');
        }
        int_len += 1;
    }
    let frac = match body.get(int_len) {
        None => &b""[..],
        Some(b'.') => body.get(int_len + 1..).unwrap_or_default(),
        Some(_) => return parse_float_fallback(cell),
    };
    if int_len > 4 || (int_len == 0 && frac.is_empty()) {
        return parse_float_fallback(cell);
    }
    let mut scale = 0;
    let mut round_up = false;
    for (i, &b) in frac.iter().enumerate() {
        if !b.is_ascii_digit() {
            return parse_float_fallback(cell);
        }
        if i < 6 {
            value = value * 10 + i64::from(b - b'0');
            scale += 1;
        } else if i == 6 {
            round_up = b >= b'5';
        }
    }
    for _ in scale..6 {
        value *= 10;
    }
    if round_up {
        value += 1;
    }
    let value = if negative { -value } else { value };
    i32::try_from(value).ok()
}

fn parse_float_fallback(cell: &[u8]) -> Option<i32> {
    let value: f64 = std::str::from_utf8(cell).ok()?.trim().parse().ok()?;
    if !value.is_finite() || value.abs() > 1000.0 {
        return None;
    }
    // Truncation is intended after rounding; the range is checked above.
    Some((value * 1e6).round() as i32)
}

/// A 64-hex-digit Crime ID → 32 bytes. `Err(len)` gives the length found when the cell
/// is not exactly 64 hexadecimal digits.
pub fn parse_crime_id(cell: &[u8]) -> Result<[u8; 32], usize> {
    if cell.len() != 64 {
        return Err(cell.len());
    }
    let mut out = [0u8; 32];
    // Branch-free in the loop: OR the table values together and check once.
    let mut invalid = 0u8;
    for (byte, pair) in out.iter_mut().zip(cell.chunks_exact(2)) {
        if let &[high, low] = pair {
            let (high, low) = (HEX[usize::from(high)], HEX[usize::from(low)]);
            invalid |= high | low;
            *byte = (high << 4) | (low & 0x0f);
        }
    }
    if invalid & 0x80 != 0 {
        return Err(cell.len());
    }
    Ok(out)
}

/// Hex digit values; 0x80 marks a byte that is not a hex digit.
const HEX: [u8; 256] = {
    let mut table = [0x80u8; 256];
    let mut i = 0;
    while i < 10 {
        table[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        table[b'a' as usize + i] = 10 + i as u8;
        table[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    table
};

/// 32 bytes → the lowercase 64-hex-digit Crime ID.
pub fn crime_id_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn coordinates_parse_exactly() {
        assert_eq!(parse_micro_degrees(b"-1.234567"), Some(-1_234_567));
        assert_eq!(parse_micro_degrees(b"53.5"), Some(53_500_000));
        assert_eq!(parse_micro_degrees(b"0.0000005"), Some(1));
        assert_eq!(parse_micro_degrees(b"51"), Some(51_000_000));
        assert_eq!(parse_micro_degrees(b"5.1E1"), Some(51_000_000));
        assert_eq!(parse_micro_degrees(b""), None);
        assert_eq!(parse_micro_degrees(b"-"), None);
        assert_eq!(parse_micro_degrees(b"."), None);
        assert_eq!(parse_micro_degrees(b"abc"), None);
        assert_eq!(parse_micro_degrees(b"NaN"), None);
    }

    #[test]
    fn crime_ids_need_64_hex_digits() {
        let id = "a".repeat(63) + "F";
        let bytes = parse_crime_id(id.as_bytes()).unwrap();
        assert_eq!(crime_id_hex(&bytes), id.to_lowercase());
        assert_eq!(parse_crime_id(&[b'a'; 63]), Err(63));
        assert_eq!(parse_crime_id(&[b'g'; 64]), Err(64));
    }

    /// The parser as it was before it became one pass (the reference it must agree with).
    fn two_pass(cell: &[u8]) -> Option<i32> {
        let (negative, body) = match cell.split_first()? {
            (b'-', rest) => (true, rest),
            (b'+', rest) => (false, rest),
            _ => (false, cell),
        };
        let (int_part, frac_part) = match body.iter().position(|&b| b == b'.') {
            Some(dot) => (&body[..dot], &body[dot + 1..]),
            None => (body, &b""[..]),
        };
        let simple = !(int_part.is_empty() && frac_part.is_empty())
            && int_part.len() <= 4
            && int_part.iter().chain(frac_part).all(u8::is_ascii_digit);
        if !simple {
            return parse_float_fallback(cell);
        }
        let mut value: i64 = int_part
            .iter()
            .fold(0i64, |acc, b| acc * 10 + i64::from(b - b'0'));
        let mut scale = 0;
        for &b in frac_part.iter().take(6) {
            value = value * 10 + i64::from(b - b'0');
            scale += 1;
        }
        for _ in scale..6 {
            value *= 10;
        }
        if frac_part.get(6).is_some_and(|b| *b >= b'5') {
            value += 1;
        }
        let value = if negative { -value } else { value };
        i32::try_from(value).ok()
    }

    proptest! {
        #[test]
        fn micro_degrees_match_float_rounding(v in -180.0f64..180.0) {
            let text = format!("{v:.6}");
            let parsed = parse_micro_degrees(text.as_bytes()).unwrap();
            let expected: f64 = text.parse::<f64>().unwrap() * 1e6;
            prop_assert!((f64::from(parsed) - expected).abs() <= 0.5001);
        }

        #[test]
        fn one_pass_parse_agrees_with_the_two_pass_one(
            cell in proptest::collection::vec(
                prop_oneof![Just(b'-'), Just(b'+'), Just(b'.'), Just(b'e'), Just(b' '), 0x30u8..0x3A],
                0..14,
            )
        ) {
            prop_assert_eq!(parse_micro_degrees(&cell), two_pass(&cell));
        }

        #[test]
        fn never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
            let _ = parse_micro_degrees(&bytes);
            let _ = parse_crime_id(&bytes);
        }
    }
}
