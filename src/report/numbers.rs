//! The document's one number style: a true minus sign (U+2212) for every negative number,
//! signed changes ("+4.2%", "−4.2%", "+1,559"), thousands separators everywhere, including
//! in decimals ("2,101.3"), and percentages to one decimal. Only document text uses these;
//! CSV values stay plain ASCII numbers so spreadsheets read them.

use super::format::thousands;

/// The minus sign of print (U+2212), never the ASCII hyphen-minus.
pub const MINUS: char = '\u{2212}';

/// A count with separators and, when negative, a true minus: `-1234` → `−1,234`.
pub fn count(n: i64) -> String {
    let digits = thousands(n.saturating_abs());
    if n < 0 {
        format!("{MINUS}{digits}")
    } else {
        digits
    }
}

/// A change in a count, always signed: `+1,559`, `−201`, `0`.
pub fn signed_count(n: i64) -> String {
    if n > 0 {
        format!("+{}", count(n))
    } else {
        count(n)
    }
}

/// One decimal with separators and a true minus: `2101.34` → `2,101.3`, `-0.04` → `0.0`.
pub fn decimal(v: f64) -> String {
    let text = format!("{:.1}", v.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), "0"));
    let grouped = whole
        .parse::<i64>()
        .map(thousands)
        .unwrap_or_else(|_| whole.to_string());
    // Rounding may leave nothing to be negative ("-0.04" → "0.0").
    let is_negative = v < 0.0 && !text.trim_start_matches(['0', '.']).is_empty();
    format!(
        "{}{grouped}.{fraction}",
        if is_negative {
            MINUS.to_string()
        } else {
            String::new()
        }
    )
}

/// A signed decimal: `+2.5`, `−0.7`, `0.0`.
pub fn signed_decimal(v: f64) -> String {
    let text = decimal(v);
    if v > 0.0 && text != "0.0" {
        format!("+{text}")
    } else {
        text
    }
}

/// A share to one decimal: `27.3%`.
pub fn percent(p: f64) -> String {
    format!("{}%", decimal(p))
}

/// A change in percent, signed: `+6.3%`, `−4.2%`.
pub fn signed_percent(p: f64) -> String {
    format!("{}%", signed_decimal(p))
}

/// A number of things in words up to ten ("two wards"), in figures beyond.
pub fn how_many(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n)
        .map_or_else(|| count(n as i64), |w| (*w).to_string())
}

/// "A", "A and B", "A, B and C".
pub fn list_in_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A `YYYYMM` month as words: `202407` → `July 2024`.
pub fn month_in_words(month: u32) -> String {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let name = NAMES
        .get((month % 100).saturating_sub(1) as usize)
        .copied()
        .unwrap_or("Month");
    format!("{name} {}", month / 100)
}

/// A `2024-07` label as words (`July 2024`); any other text as it is.
pub fn month_label_in_words(label: &str) -> String {
    match label.split_once('-') {
        Some((year, month)) if year.len() == 4 && month.len() == 2 => {
            match (year.parse::<u32>(), month.parse::<u32>()) {
                (Ok(y), Ok(m)) if (1..=12).contains(&m) => month_in_words(y * 100 + m),
                _ => label.to_string(),
            }
        }
        _ => label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negatives_use_a_true_minus_and_changes_are_signed() {
        assert_eq!(count(-1234), "\u{2212}1,234");
        assert_eq!(signed_count(1559), "+1,559");
        assert_eq!(signed_count(-201), "\u{2212}201");
        assert_eq!(signed_count(0), "0");
        assert_eq!(signed_percent(6.349), "+6.3%");
        assert_eq!(signed_percent(-4.2), "\u{2212}4.2%");
        assert_eq!(signed_percent(-0.04), "0.0%");
        assert_eq!(signed_percent(0.04), "0.0%");
        assert_eq!(percent(100.0), "100.0%");
    }

    #[test]
    fn decimals_have_separators() {
        assert_eq!(decimal(2101.34), "2,101.3");
        assert_eq!(decimal(-12345.66), "\u{2212}12,345.7");
        assert_eq!(decimal(999.96), "1,000.0");
        assert_eq!(decimal(0.0), "0.0");
        assert_eq!(signed_decimal(1.26), "+1.3");
    }

    #[test]
    fn months_in_words() {
        assert_eq!(month_in_words(202407), "July 2024");
        assert_eq!(month_label_in_words("2025-03"), "March 2025");
        assert_eq!(month_label_in_words("Q1 2024/25"), "Q1 2024/25");
    }

    #[test]
    fn counts_and_lists_in_words() {
        assert_eq!(how_many(2), "two");
        assert_eq!(how_many(12), "12");
        assert_eq!(list_in_words(&["A".into()]), "A");
        assert_eq!(
            list_in_words(&["A".into(), "B".into(), "C".into()]),
            "A, B and C"
        );
    }
}
