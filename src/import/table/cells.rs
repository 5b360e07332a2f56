//! A spreadsheet cell as the text Excel shows for it on a UK laptop, so a workbook's rows
//! read exactly like the same sheet saved as CSV: whole numbers without ".0", other numbers
//! to Excel's 15 significant digits, dates as `17/04/2023` (with the time when it has one),
//! times as `13:45`, TRUE/FALSE, and errors as `#N/A`.
//!
//! Excel stores dates as serial day numbers; the reader marks cells whose number format is
//! a date, and only those are shown as dates (a plain number stays a number).

use calamine::Data;

/// The text of one cell, and whether it was a date.
pub fn cell_text(cell: &Data) -> (String, bool) {
    match cell {
        Data::Empty => (String::new(), false),
        Data::String(text) => (text.clone(), false),
        Data::Int(n) => (n.to_string(), false),
        Data::Float(f) => (excel_number(*f), false),
        Data::Bool(b) => ((if *b { "TRUE" } else { "FALSE" }).to_string(), false),
        Data::DateTime(dt) if dt.is_duration() => (duration_text(dt.as_f64()), false),
        Data::DateTime(dt) => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            (
                date_time_text(dt.as_f64() < 1.0, (y, mo, d), (h, mi, s)),
                true,
            )
        }
        Data::DateTimeIso(text) => match iso_parts(text) {
            Some((date, time)) => (date_time_text(false, date, time), true),
            None => (text.clone(), false),
        },
        Data::DurationIso(text) => (
            iso_duration_text(text).unwrap_or_else(|| text.clone()),
            false,
        ),
        Data::Error(e) => (e.to_string(), false),
    }
}

/// A number as Excel's General format shows it: at most 15 significant digits, no
/// trailing zeros, no ".0" on whole numbers.
pub fn excel_number(value: f64) -> String {
    if !value.is_finite() {
        return "#NUM!".into();
    }
    if value == value.trunc() && value.abs() < 1e15 {
        return format!("{}", value as i64);
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (14 - magnitude).clamp(0, 20) as usize;
    let text = format!("{value:.decimals$}");
    let trimmed = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    if trimmed == "-0" {
        "0".into()
    } else {
        trimmed.to_string()
    }
}

/// Year, month, day.
type Ymd = (u16, u8, u8);
/// Hours, minutes, seconds.
type Hms = (u8, u8, u8);

/// `dd/mm/yyyy`, `dd/mm/yyyy hh:mm[:ss]`, or `hh:mm[:ss]` for a time of day alone.
fn date_time_text(time_only: bool, date: Ymd, time: Hms) -> String {
    let (y, mo, d) = date;
    let (h, mi, s) = time;
    let clock = if s == 0 {
        format!("{h:02}:{mi:02}")
    } else {
        format!("{h:02}:{mi:02}:{s:02}")
    };
    if time_only {
        clock
    } else if (h, mi, s) == (0, 0, 0) {
        format!("{d:02}/{mo:02}/{y:04}")
    } else {
        format!("{d:02}/{mo:02}/{y:04} {clock}")
    }
}

/// A duration of `days` as `h:mm:ss`.
fn duration_text(days: f64) -> String {
    let seconds = (days * 86_400.0).round() as i64;
    format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        (seconds / 60) % 60,
        seconds % 60
    )
}

/// The date and time of an ISO 8601 text (`2023-04-17`, `2023-04-17T13:45:00`), as
/// OpenDocument stores date cells.
fn iso_parts(text: &str) -> Option<(Ymd, Hms)> {
    let (date, time) = text.split_once('T').unwrap_or((text, ""));
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<u16>().ok());
    let (y, mo, d) = (parts.next()??, parts.next()??, parts.next()??);
    let mut clock = time.split([':', '.']).map(|p| p.parse::<u8>().ok());
    let h = clock.next().flatten().unwrap_or(0);
    let mi = clock.next().flatten().unwrap_or(0);
    let s = clock.next().flatten().unwrap_or(0);
    Some((
        (y, u8::try_from(mo).ok()?, u8::try_from(d).ok()?),
        (h, mi, s),
    ))
}

/// An ISO 8601 duration (`PT13H45M0S`) as `h:mm:ss`.
fn iso_duration_text(text: &str) -> Option<String> {
    let body = text.strip_prefix("PT")?;
    let mut seconds = 0.0;
    let mut number = String::new();
    for c in body.chars() {
        match c {
            'H' | 'M' | 'S' => {
                let value: f64 = number.parse().ok()?;
                number.clear();
                seconds += value
                    * match c {
                        'H' => 3600.0,
                        'M' => 60.0,
                        _ => 1.0,
                    };
            }
            _ => number.push(c),
        }
    }
    Some(duration_text(seconds / 86_400.0))
}

/// Excel's name for a 0-based column: A, B, … Z, AA, AB, …
pub fn column_letters(mut column: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(excel_number(1676.0), "1676");
        assert_eq!(excel_number(0.1 + 0.2), "0.3");
        assert_eq!(excel_number(2.5), "2.5");
        assert_eq!(excel_number(-0.000_123), "-0.000123");
        assert_eq!(excel_number(51.458_41), "51.45841");
        assert_eq!(excel_number(1e16), "10000000000000000");
    }

    #[test]
    fn dates_read_as_a_uk_excel_shows_them() {
        let date = |serial: f64| {
            Data::DateTime(ExcelDateTime::new(
                serial,
                ExcelDateTimeType::DateTime,
                false,
            ))
        };
        assert_eq!(cell_text(&date(45033.0)), ("17/04/2023".into(), true));
        assert_eq!(cell_text(&date(45033.5)).0, "17/04/2023 12:00");
        assert_eq!(cell_text(&date(0.75)).0, "18:00");
        assert_eq!(
            cell_text(&Data::DateTimeIso("2023-04-17".into())),
            ("17/04/2023".into(), true)
        );
        assert_eq!(
            cell_text(&Data::DurationIso("PT13H45M0S".into())).0,
            "13:45:00"
        );
        assert_eq!(cell_text(&Data::Bool(true)).0, "TRUE");
        assert_eq!(cell_text(&Data::Int(7)).0, "7");
    }

    #[test]
    fn column_letters_are_excel_names() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
