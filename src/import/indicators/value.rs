//! An indicator's value as a partner publishes it: a number (`1,234`, `12.5`, `12.5%`,
//! `-3`), or withheld — suppressed for disclosure control (`*`, `<5`, `[c]`, …), not
//! available (`n/a`, `-`, `..`) or left blank. A withheld value stays withheld: it is
//! never read as 0.

use crate::import::partner::values::{count, CountValue};

/// One value cell.
#[derive(Debug, Clone, PartialEq)]
pub enum IndicatorValue {
    Number(f64),
    /// Not published; the marker as written (`""` for a blank cell).
    Suppressed(String),
}

impl IndicatorValue {
    pub fn number(&self) -> Option<f64> {
        match self {
            IndicatorValue::Number(v) => Some(*v),
            IndicatorValue::Suppressed(_) => None,
        }
    }

    pub fn is_suppressed(&self) -> bool {
        matches!(self, IndicatorValue::Suppressed(_))
    }

    /// The marker stored for a withheld value; `None` for a number.
    pub fn marker(&self) -> Option<&str> {
        match self {
            IndicatorValue::Suppressed(m) => Some(m),
            IndicatorValue::Number(_) => None,
        }
    }
}

/// A value read from text, and whether it was written as a percentage.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadValue {
    pub value: IndicatorValue,
    pub is_percent: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error("is not a number (write 12, 1,234, 12.5 or 12.5%; * or <5 for a suppressed value)")]
    NotANumber,
}

/// Markers of "not available" that are not disclosure control but are not numbers either.
const NOT_AVAILABLE: [&str; 6] = ["n/a", "na", "-", "–", "—", "not available"];

/// Read a value cell.
pub fn read_value(text: &str) -> Result<ReadValue, ValueError> {
    let text = text.trim();
    let withheld = |marker: &str| ReadValue {
        value: IndicatorValue::Suppressed(marker.to_string()),
        is_percent: false,
    };
    if text.is_empty() {
        return Ok(withheld(""));
    }
    if NOT_AVAILABLE.contains(&text.to_ascii_lowercase().as_str()) {
        return Ok(withheld(text));
    }
    // The partner reader knows every disclosure-control marker partners use.
    if let Ok(CountValue::Suppressed(marker)) = count(text) {
        return Ok(withheld(&marker));
    }
    let (number, is_percent) = match text.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), true),
        None => (text, false),
    };
    let value = plain_number(number).ok_or(ValueError::NotANumber)?;
    Ok(ReadValue {
        value: IndicatorValue::Number(value),
        is_percent,
    })
}

/// `1,234.5`, `-3`, `0.25`: digits with optional thousands commas (in groups of three), a
/// decimal point and a leading sign.
pub fn plain_number(text: &str) -> Option<f64> {
    let text = text.trim();
    let unsigned = text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('+'))
        .unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let whole_ok = if whole.contains(',') {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or_default();
        (1..=3).contains(&first.len())
            && first.bytes().all(|b| b.is_ascii_digit())
            && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
    } else {
        whole.bytes().all(|b| b.is_ascii_digit()) && (!whole.is_empty() || fraction.is_some())
    };
    let fraction_ok =
        fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    if !whole_ok || !fraction_ok {
        return None;
    }
    let value: f64 = text.replace(',', "").parse().ok()?;
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Result<(Option<f64>, bool, bool), ValueError> {
        read_value(text).map(|r| (r.value.number(), r.value.is_suppressed(), r.is_percent))
    }

    #[test]
    fn numbers_in_the_forms_partners_write() {
        assert_eq!(value("12"), Ok((Some(12.0), false, false)));
        assert_eq!(value("1,234"), Ok((Some(1234.0), false, false)));
        assert_eq!(value(" 12.5% "), Ok((Some(12.5), false, true)));
        assert_eq!(value("-3"), Ok((Some(-3.0), false, false)));
        assert_eq!(value(".5"), Ok((Some(0.5), false, false)));
        assert_eq!(value("1,234.50"), Ok((Some(1234.5), false, false)));
    }

    #[test]
    fn withheld_values_stay_withheld_never_zero() {
        for text in ["*", "<5", "[c]", "", "  ", "n/a", "-", ".."] {
            let read = read_value(text).unwrap();
            assert!(read.value.is_suppressed(), "{text}");
            assert_eq!(read.value.number(), None, "{text}");
        }
        assert_eq!(read_value("<5").unwrap().value.marker(), Some("<5"));
        assert_eq!(read_value("").unwrap().value.marker(), Some(""));
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        for text in ["12,34", "twelve", "1.2.3", "5 cases", "£12", "1e5", "%"] {
            assert_eq!(value(text), Err(ValueError::NotANumber), "{text}");
        }
    }
}
