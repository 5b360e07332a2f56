//! Reading the police.uk `Month` cell, including the forms Excel leaves behind when a
//! file is opened and re-saved (`Apr-21`, `04/2021`, `2021-04-01`, `01/04/2021`).
//!
//! Months are carried as `YYYYMM` integers (202104) everywhere in the app.

/// How a month cell was written. `Iso` is the police.uk form; the others are reported
/// in the import summary so the analyst knows the file was re-saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MonthForm {
    /// `2021-04`
    Iso,
    /// `Apr-21` or `Apr-2021` or `April 2021`
    MonthNameYear,
    /// `04/2021` or `4/2021`
    NumericMonthYear,
    /// `2021-04-01` (optionally with a time)
    IsoDate,
    /// `01/04/2021` (UK day/month/year)
    UkDate,
}

impl MonthForm {
    /// An example of the form, for messages.
    pub fn example(self) -> &'static str {
        match self {
            MonthForm::Iso => "2021-04",
            MonthForm::MonthNameYear => "Apr-21",
            MonthForm::NumericMonthYear => "04/2021",
            MonthForm::IsoDate => "2021-04-01",
            MonthForm::UkDate => "01/04/2021",
        }
    }
}

const MONTH_NAMES: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Parse a month cell into `YYYYMM` and the form it was written in.
pub fn parse_month(cell: &[u8]) -> Option<(u32, MonthForm)> {
    // Fast path: the police.uk form, exactly 7 bytes.
    if let [y0, y1, y2, y3, b'-', m0, m1] = cell {
        let year = digits(&[*y0, *y1, *y2, *y3])?;
        let month = digits(&[*m0, *m1])?;
        return make(year, month).map(|m| (m, MonthForm::Iso));
    }
    let text = std::str::from_utf8(cell).ok()?.trim();
    parse_iso_date(text)
        .or_else(|| parse_slashed(text))
        .or_else(|| parse_month_name(text))
}

/// `YYYYMM` of a date.
pub fn month_of(date: chrono::NaiveDate) -> u32 {
    use chrono::Datelike;
    date.year().max(0) as u32 * 100 + date.month()
}

/// The `YYYY-MM` label of a `YYYYMM` month.
pub fn month_label(month: u32) -> String {
    format!("{:04}-{:02}", month / 100, month % 100)
}

/// A range of months as people write it: `2021-04 to 2022-03`, or `2021-04` for one month;
/// `None` when there are no months.
pub fn month_range_text(first: Option<&str>, last: Option<&str>) -> Option<String> {
    match (first, last) {
        (Some(a), Some(b)) if a != b => Some(format!("{a} to {b}")),
        (Some(a), _) | (None, Some(a)) => Some(a.to_string()),
        (None, None) => None,
    }
}

/// The financial year (April–March) a month falls in, as its starting calendar year:
/// 202103 → 2020 (2020/21), 202104 → 2021 (2021/22).
pub fn financial_year_of(month: u32) -> u32 {
    let (year, m) = (month / 100, month % 100);
    if m >= 4 {
        year
    } else {
        year - 1
    }
}

fn make(year: u32, month: u32) -> Option<u32> {
    ((1990..=2100).contains(&year) && (1..=12).contains(&month)).then_some(year * 100 + month)
}

fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    bytes.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

fn expand_year(year_text: &str) -> Option<u32> {
    let year = digits(year_text.as_bytes())?;
    match year_text.len() {
        2 => Some(2000 + year),
        4 => Some(year),
        _ => None,
    }
}

fn parse_iso_date(text: &str) -> Option<(u32, MonthForm)> {
    // 2021-04-01, 2021-04-01 00:00:00, 2021-04-01T00:00:00
    let date = text.split([' ', 'T']).next()?;
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || d.is_empty() || d.len() > 2 {
        return None;
    }
    let day = digits(d.as_bytes())?;
    if !(1..=31).contains(&day) {
        return None;
    }
    make(digits(y.as_bytes())?, digits(m.as_bytes())?).map(|v| (v, MonthForm::IsoDate))
}

fn parse_slashed(text: &str) -> Option<(u32, MonthForm)> {
    let date = text.split(' ').next()?;
    let parts: Vec<&str> = date.split('/').collect();
    match parts.as_slice() {
        [m, y] if m.len() <= 2 && y.len() == 4 => {
            make(expand_year(y)?, digits(m.as_bytes())?).map(|v| (v, MonthForm::NumericMonthYear))
        }
        [d, m, y] if d.len() <= 2 && m.len() <= 2 && y.len() == 4 => {
            let day = digits(d.as_bytes())?;
            if !(1..=31).contains(&day) {
                return None;
            }
            make(expand_year(y)?, digits(m.as_bytes())?).map(|v| (v, MonthForm::UkDate))
        }
        _ => None,
    }
}

fn parse_month_name(text: &str) -> Option<(u32, MonthForm)> {
    let (name, year) = text.split_once(['-', ' '])?;
    let name = name.trim().to_ascii_lowercase();
    if name.len() < 3 {
        return None;
    }
    let index = MONTH_NAMES.iter().position(|m| name.starts_with(m))?;
    // Accept "apr", "april" but not "aprxyz".
    let full = *[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
    .get(index)?;
    if !full.starts_with(name.as_str()) && name != "sept" {
        return None;
    }
    let month = u32::try_from(index + 1).ok()?;
    make(expand_year(year.trim())?, month).map(|v| (v, MonthForm::MonthNameYear))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_excel_form_reads_as_april_2021() {
        for (cell, form) in [
            ("2021-04", MonthForm::Iso),
            ("Apr-21", MonthForm::MonthNameYear),
            ("Apr-2021", MonthForm::MonthNameYear),
            ("April 2021", MonthForm::MonthNameYear),
            ("04/2021", MonthForm::NumericMonthYear),
            ("4/2021", MonthForm::NumericMonthYear),
            ("2021-04-01", MonthForm::IsoDate),
            ("2021-04-01 00:00:00", MonthForm::IsoDate),
            ("01/04/2021", MonthForm::UkDate),
            (" 2021-04-01 ", MonthForm::IsoDate),
        ] {
            assert_eq!(parse_month(cell.as_bytes()), Some((202104, form)), "{cell}");
        }
    }

    #[test]
    fn nonsense_is_not_a_month() {
        for cell in [
            "",
            "2021-13",
            "2021-00",
            "21-04",
            "Apz-21",
            "2021/04",
            "13/13/2021",
            "abc",
            "2021-4x",
            "32/04/2021",
            "Aprxyz-21",
        ] {
            assert_eq!(parse_month(cell.as_bytes()), None, "{cell}");
        }
    }

    #[test]
    fn financial_years_run_april_to_march() {
        assert_eq!(financial_year_of(202103), 2020);
        assert_eq!(financial_year_of(202104), 2021);
        assert_eq!(financial_year_of(202112), 2021);
        assert_eq!(month_label(202104), "2021-04");
    }
}
