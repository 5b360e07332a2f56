//! Date cells in partner extracts: the forms spreadsheets and case systems write
//! (`2023-04-17`, `17/04/2023`, `17-Apr-23`, `17 April 2023`, Excel serial numbers, …),
//! and guessing which one a column uses from a sample of its cells.
//!
//! A format is always chosen for a whole column, never guessed per cell, so `04/05/2023`
//! cannot mean 4 May on one row and 5 April on the next. US month-first dates are read only
//! when the analyst chooses that format.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// How the dates of a column are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// `2023-04-17`, optionally with a time: `2023-04-17T10:22:00`, `2023-04-17 10:22`.
    Iso,
    /// UK numeric day first: `17/04/2023`, `17/04/23`, `17-04-2023`, `17.04.2023`.
    DayMonthYear,
    /// Day, month name, year: `17-Apr-23`, `17-Apr-2023`, `17 April 2023`, `17 Apr 2023`.
    DayMonthName,
    /// Excel's 1900 date system: days counted so that 45033 is 17 April 2023.
    ExcelSerial,
    /// US numeric month first: `04/17/2023`. Never picked by [`DateFormat::detect`].
    MonthDayYear,
}

/// What [`DateFormat::detect`] found in a sample of cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateDetection {
    pub format: DateFormat,
    /// Every matched cell reads as a valid date both day-first and month-first (no day
    /// above 12), so day-first was assumed because the data are from the UK.
    pub ambiguous: bool,
    /// Non-blank sample cells the chosen format reads.
    pub matched: usize,
    /// Non-blank sample cells it does not read.
    pub failed: usize,
    /// Month-first (US) order would read more cells than the chosen format: the analyst
    /// should be asked whether the file uses US dates.
    pub month_first_fits_better: bool,
}

/// Why a cell is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateProblem {
    #[error("is blank")]
    Blank,
    #[error("is not a real date")]
    NotARealDate,
    #[error("is not a date written like {}", .0.example())]
    NotInFormat(DateFormat),
}

impl DateFormat {
    /// Formats tried by [`DateFormat::detect`], in order of preference on a tie.
    const DETECTABLE: [DateFormat; 4] = [
        DateFormat::Iso,
        DateFormat::DayMonthYear,
        DateFormat::DayMonthName,
        DateFormat::ExcelSerial,
    ];

    pub const ALL: [DateFormat; 5] = [
        DateFormat::Iso,
        DateFormat::DayMonthYear,
        DateFormat::DayMonthName,
        DateFormat::ExcelSerial,
        DateFormat::MonthDayYear,
    ];

    /// 17 April 2023 written in this format, for messages and choosers.
    pub fn example(self) -> &'static str {
        match self {
            DateFormat::Iso => "2023-04-17",
            DateFormat::DayMonthYear => "17/04/2023",
            DateFormat::DayMonthName => "17-Apr-23",
            DateFormat::ExcelSerial => "45033 (Excel serial number)",
            DateFormat::MonthDayYear => "04/17/2023 (US)",
        }
    }

    /// Read one (already trimmed or untrimmed) cell.
    pub fn parse(self, cell: &str) -> Result<NaiveDate, DateProblem> {
        let text = cell.trim();
        if text.is_empty() {
            return Err(DateProblem::Blank);
        }
        let parts = match self {
            DateFormat::Iso => iso_parts(text),
            DateFormat::DayMonthYear => numeric_parts(text).map(|(d, m, y)| (y, m, d)),
            DateFormat::MonthDayYear => numeric_parts(text).map(|(m, d, y)| (y, m, d)),
            DateFormat::DayMonthName => name_parts(text),
            DateFormat::ExcelSerial => return excel_serial(text),
        };
        let (year, month, day) = parts.ok_or(DateProblem::NotInFormat(self))?;
        NaiveDate::from_ymd_opt(year, month, day).ok_or(DateProblem::NotARealDate)
    }

    /// Pick the format that reads the most non-blank cells of a sample. On a tie the
    /// earlier of ISO, day/month/year, day-month-name, Excel serial wins, so day-first is
    /// preferred over US month-first, which is never picked.
    pub fn detect(sample: &[&str]) -> DateDetection {
        let cells: Vec<&str> = sample
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        let reads = |format: DateFormat| cells.iter().filter(|c| format.parse(c).is_ok()).count();
        let (format, matched) = Self::DETECTABLE.iter().map(|&f| (f, reads(f))).fold(
            (DateFormat::Iso, 0),
            |best, candidate| {
                if candidate.1 > best.1 {
                    candidate
                } else {
                    best
                }
            },
        );
        let month_first = reads(DateFormat::MonthDayYear);
        let ambiguous = format == DateFormat::DayMonthYear
            && matched > 0
            && cells.iter().all(|c| {
                DateFormat::DayMonthYear.parse(c).is_err()
                    || DateFormat::MonthDayYear.parse(c).is_ok()
            });
        DateDetection {
            format,
            ambiguous,
            matched,
            failed: cells.len() - matched,
            month_first_fits_better: month_first > matched,
        }
    }
}

/// Split off a time part: `2023-04-17T10:22:00`, `17/04/2023 10:22`. Only what looks like
/// a time is removed, so `17 April 2023` and `17-OCT-2023` stay whole.
fn date_part(text: &str) -> &str {
    [text.rsplit_once(' '), text.split_once('T')]
        .into_iter()
        .flatten()
        .find(|(_, time)| looks_like_time(time))
        .map_or(text, |(date, _)| date.trim_end())
}

fn looks_like_time(text: &str) -> bool {
    let time = text.trim();
    let time = time.strip_suffix('Z').unwrap_or(time);
    let mut parts = time.split(':');
    let hour_ok = parts
        .next()
        .is_some_and(|h| (1..=2).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_digit()));
    let rest_ok = parts.all(|p| {
        let whole = p.split('.').next().unwrap_or(p);
        whole.len() == 2 && p.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    });
    hour_ok && rest_ok && time.contains(':')
}

fn number(text: &str, max_len: usize) -> Option<u32> {
    if text.is_empty() || text.len() > max_len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A year written with 2 or 4 digits. Two-digit years follow Excel's rule:
/// 00–29 → 2000–2029, 30–99 → 1930–1999.
fn year(text: &str) -> Option<i32> {
    let value = i32::try_from(number(text, 4)?).ok()?;
    match text.len() {
        4 => Some(value),
        2 if value < 30 => Some(2000 + value),
        2 => Some(1900 + value),
        _ => None,
    }
}

fn iso_parts(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = date_part(text).split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    Some((year(y)?, number(m, 2)?, number(d, 2)?))
}

/// `a/b/yyyy` with `/`, `-` or `.`, returning (a, b, year).
fn numeric_parts(text: &str) -> Option<(u32, u32, i32)> {
    let date = date_part(text);
    let separator = date.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let mut parts = date.split(separator);
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    Some((number(a, 2)?, number(b, 2)?, year(y)?))
}

fn name_parts(text: &str) -> Option<(i32, u32, u32)> {
    let date = date_part(text);
    let mut parts = date.split(['-', ' ', '/', ',']).filter(|p| !p.is_empty());
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    Some((year(y)?, month_from_name(m)?, number(d, 2)?))
}

const MONTH_NAMES: [&str; 12] = [
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
];

/// `Apr`, `April`, `APRIL`, `Sept` → 4 / 9. At least three letters, each a prefix of the
/// full name.
pub(crate) fn month_from_name(text: &str) -> Option<u32> {
    let name = text.trim().trim_end_matches('.').to_ascii_lowercase();
    if name.len() < 3 {
        return None;
    }
    let index = MONTH_NAMES
        .iter()
        .position(|full| full.starts_with(&name))?;
    u32::try_from(index + 1).ok()
}

/// The short English name of a month 1–12.
pub(crate) fn month_abbreviation(month: u32) -> &'static str {
    const SHORT: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    usize::try_from(month)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| SHORT.get(i))
        .copied()
        .unwrap_or("?")
}

/// Day 0 of Excel's 1900 date system as it counts from March 1900 on. Excel believes
/// 1900 was a leap year (serial 60 is "29 February 1900"), so serials 1–59 are one day
/// later than this base suggests.
fn excel_base() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1899, 12, 30)
}

fn excel_serial(text: &str) -> Result<NaiveDate, DateProblem> {
    let not_serial = DateProblem::NotInFormat(DateFormat::ExcelSerial);
    // A serial may carry a time of day as a fraction: 45033.4375.
    let whole = match text.split_once('.') {
        Some((whole, fraction)) if fraction.bytes().all(|b| b.is_ascii_digit()) => whole,
        Some(_) => return Err(not_serial),
        None => text,
    };
    let serial = number(whole, 7).ok_or(not_serial)?;
    let days = match serial {
        0 => return Err(not_serial),
        1..=59 => serial + 1,
        60 => return Err(DateProblem::NotARealDate),
        _ => serial,
    };
    excel_base()
        .and_then(|base| base.checked_add_days(chrono::Days::new(u64::from(days))))
        .filter(|d| d.year() <= 9999)
        .ok_or(DateProblem::NotARealDate)
}

/// The Excel serial number of a date (1900 date system), for tests and examples.
pub fn excel_serial_of(date: NaiveDate) -> Option<u32> {
    let days = u32::try_from((date - excel_base()?).num_days()).ok()?;
    match days {
        0 | 1 => None,
        2..=60 => Some(days - 1),
        _ => Some(days),
    }
}

#[cfg(test)]
mod tests;
