//! Reporting periods in treatment and MARAC returns: a month (`2023-04`, `Apr-23`,
//! `April 2023`), a quarter (`2023/24 Q1`, `Q1 2023/24`, calendar `2023 Q2`,
//! `Apr-Jun 2023`) or a financial year (`2023/24`, `2023-24`, `FY2023/24`), read into one
//! [`Period`]: a first month and a length.
//!
//! Only whole months; a period is never guessed from a date.

use super::dates::{month_abbreviation, month_from_name};
use crate::import::month::{month_label, parse_month};

/// A run of whole months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    /// First month, `YYYYMM`.
    pub start_month: u32,
    /// Number of months, 1 to 12.
    pub months: u8,
}

/// Why a cell is not a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PeriodProblem {
    #[error("is blank")]
    Blank,
    #[error("is not a period (e.g. 2023-04, 2023/24 Q1, Apr-Jun 2023 or 2023/24)")]
    NotAPeriod,
    #[error("is not a financial-year quarter (e.g. 2023/24 Q1, Q1 2023/24 or Apr-Jun 2023)")]
    NotAQuarter,
}

const YEARS: std::ops::RangeInclusive<u32> = 1990..=2100;

/// `YYYYMM` plus `n` months.
fn add_months(month: u32, n: u32) -> u32 {
    let index = (month / 100) * 12 + (month % 100 - 1) + n;
    (index / 12) * 100 + index % 12 + 1
}

impl Period {
    pub fn month(month: u32) -> Period {
        Period {
            start_month: month,
            months: 1,
        }
    }

    /// Quarter 1–4 of the financial year starting in April of `start_year`.
    pub fn financial_quarter(start_year: u32, quarter: u32) -> Period {
        Period {
            start_month: add_months(start_year * 100 + 4, 3 * quarter.saturating_sub(1)),
            months: 3,
        }
    }

    pub fn financial_year(start_year: u32) -> Period {
        Period {
            start_month: start_year * 100 + 4,
            months: 12,
        }
    }

    /// Last month, `YYYYMM`.
    pub fn end_month(&self) -> u32 {
        add_months(self.start_month, u32::from(self.months.max(1)) - 1)
    }

    /// Every month of the period, `YYYYMM`, in order.
    pub fn each_month(&self) -> impl Iterator<Item = u32> {
        let start = self.start_month;
        (0..u32::from(self.months)).map(move |n| add_months(start, n))
    }

    pub fn contains(&self, month: u32) -> bool {
        (self.start_month..=self.end_month()).contains(&month)
    }

    /// Three months starting in January, April, July or October: a quarter of both the
    /// calendar and the financial year.
    pub fn is_quarter(&self) -> bool {
        self.months == 3 && matches!(self.start_month % 100, 1 | 4 | 7 | 10)
    }

    /// The financial year it starts in, as `(start year, quarter 1–4)` when a quarter.
    pub fn financial_quarter_of(&self) -> Option<(u32, u32)> {
        if !self.is_quarter() {
            return None;
        }
        let (year, month) = (self.start_month / 100, self.start_month % 100);
        let fy = if month >= 4 { year } else { year - 1 };
        Some((fy, (month + 8) % 12 / 3 + 1))
    }

    /// `2023-04`, `2023/24 Q1`, `2023/24`, or `2023-04 to 2023-08`.
    pub fn label(&self) -> String {
        let fy = |start: u32| format!("{start}/{:02}", (start + 1) % 100);
        if let Some((year, quarter)) = self.financial_quarter_of() {
            return format!("{} Q{quarter}", fy(year));
        }
        match self.months {
            1 => month_label(self.start_month),
            12 if self.start_month % 100 == 4 => fy(self.start_month / 100),
            _ => format!(
                "{} to {}",
                month_label(self.start_month),
                month_label(self.end_month())
            ),
        }
    }

    /// `Apr-Jun 2023` style, for quarters in messages.
    pub fn month_range_label(&self) -> String {
        let end = self.end_month();
        format!(
            "{}-{} {}",
            month_abbreviation(self.start_month % 100),
            month_abbreviation(end % 100),
            end / 100
        )
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

/// Lowercase runs of letters or of digits: `FY2023/24 Q1` → `fy 2023 24 q 1`.
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last_kind = None;
    for c in text.chars() {
        let kind = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        match (kind, out.last_mut()) {
            (Some(k), Some(current)) if last_kind == Some(k) => current.extend(c.to_lowercase()),
            (Some(_), _) => out.push(c.to_lowercase().collect()),
            (None, _) => {}
        }
        last_kind = kind;
    }
    out
}

fn four_digit_year(token: &str) -> Option<u32> {
    let year: u32 = token.parse().ok()?;
    (token.len() == 4 && YEARS.contains(&year)).then_some(year)
}

/// The year after `first`, written with 2 or 4 digits.
fn is_next_year(first: u32, token: &str) -> bool {
    match (token.len(), token.parse::<u32>()) {
        (2, Ok(y)) => y == (first + 1) % 100,
        (4, Ok(y)) => y == first + 1,
        _ => false,
    }
}

/// Read a month, quarter or financial year.
pub fn parse_period(text: &str) -> Result<Period, PeriodProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(PeriodProblem::Blank);
    }
    let mut words = tokens(text);
    let mut quarter = None;
    if let Some(i) = words
        .iter()
        .position(|w| matches!(w.as_str(), "q" | "qtr" | "quarter"))
    {
        let number = words
            .get(i + 1)
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| (1..=4).contains(n))
            .ok_or(PeriodProblem::NotAPeriod)?;
        quarter = Some(number);
        words.drain(i..i + 2);
    }
    let is_fy_marked = words.first().is_some_and(|w| w == "fy");
    if is_fy_marked {
        words.remove(0);
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match (words.as_slice(), quarter) {
        // 2023/24, 2023-24, FY2023/24, FY23/24, 2023/2024, with or without a quarter.
        ([first, second], _) if is_financial_year(first, second, text, is_fy_marked, quarter) => {
            let start = fy_start(first).ok_or(PeriodProblem::NotAPeriod)?;
            Ok(match quarter {
                Some(q) => Period::financial_quarter(start, q),
                None => Period::financial_year(start),
            })
        }
        // 2023 Q2, Q2 2023: calendar quarters.
        ([year], Some(q)) if !is_fy_marked => {
            let year = four_digit_year(year).ok_or(PeriodProblem::NotAPeriod)?;
            Ok(Period {
                start_month: add_months(year * 100 + 1, 3 * (q - 1)),
                months: 3,
            })
        }
        // Apr-Jun 2023, April to June 2023.
        ([from, to, year] | [from, "to", to, year], None) if !is_fy_marked => {
            month_range(from, to, year).ok_or(PeriodProblem::NotAPeriod)
        }
        (_, None) if !is_fy_marked => parse_month(text.as_bytes())
            .map(|(month, _)| Period::month(month))
            .ok_or(PeriodProblem::NotAPeriod),
        _ => Err(PeriodProblem::NotAPeriod),
    }
}

/// Whether two numbers are a financial year rather than a `YYYY-MM` month: `2023/24`
/// always is; `2023-24` is when 24 follows 2023 and the pair is not a valid month
/// (`2011-12` stays December 2011 unless marked FY or given a quarter).
fn is_financial_year(
    first: &str,
    second: &str,
    text: &str,
    is_fy_marked: bool,
    quarter: Option<u32>,
) -> bool {
    let Some(start) = fy_start(first) else {
        return false;
    };
    if !is_next_year(start, second) {
        return false;
    }
    let could_be_month = first.len() == 4
        && second.len() == 2
        && second.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m));
    is_fy_marked || quarter.is_some() || text.contains('/') || !could_be_month
}

/// The first year of a financial year written `2023` or (after FY) `23`.
fn fy_start(token: &str) -> Option<u32> {
    match token.len() {
        4 => four_digit_year(token),
        2 => token.parse::<u32>().ok().map(|y| 2000 + y),
        _ => None,
    }
}

fn month_range(from: &str, to: &str, year: &str) -> Option<Period> {
    let (first, last) = (month_from_name(from)?, month_from_name(to)?);
    let year = match year.len() {
        4 => four_digit_year(year)?,
        2 => 2000 + year.parse::<u32>().ok()?,
        _ => return None,
    };
    (first <= last).then(|| Period {
        start_month: year * 100 + first,
        months: u8::try_from(last - first + 1).unwrap_or(12),
    })
}

/// Read a MARAC quarter: any period form that is three months starting in January,
/// April, July or October (calendar quarters are financial-year quarters too).
pub fn parse_quarter(text: &str) -> Result<Period, PeriodProblem> {
    let period = parse_period(text).map_err(|p| match p {
        PeriodProblem::Blank => PeriodProblem::Blank,
        _ => PeriodProblem::NotAQuarter,
    })?;
    if period.is_quarter() {
        Ok(period)
    } else {
        Err(PeriodProblem::NotAQuarter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(start_month: u32, months: u8) -> Period {
        Period {
            start_month,
            months,
        }
    }

    #[test]
    fn months() {
        for text in [
            "2023-04",
            "Apr-23",
            "April 2023",
            "Apr-2023",
            "04/2023",
            " 2023-04 ",
        ] {
            assert_eq!(parse_period(text), Ok(period(202304, 1)), "{text}");
        }
        assert_eq!(parse_period("2011-12"), Ok(period(201112, 1)));
        assert_eq!(period(202304, 1).label(), "2023-04");
    }

    #[test]
    fn financial_year_quarters() {
        for text in [
            "2023/24 Q1",
            "Q1 2023/24",
            "2023-24 Q1",
            "Q1 2023-24",
            "FY2023/24 Q1",
            "2023/24 Quarter 1",
            "Apr-Jun 2023",
            "April to June 2023",
            "2023 Q2",
            "Q2 2023",
        ] {
            assert_eq!(parse_period(text), Ok(period(202304, 3)), "{text}");
        }
        assert_eq!(parse_period("2023/24 Q4"), Ok(period(202401, 3)));
        assert_eq!(parse_period("Q3 2023/24"), Ok(period(202310, 3)));
        assert_eq!(parse_period("2024 Q1"), Ok(period(202401, 3)));
        assert_eq!(parse_period("Jan-Mar 2024"), Ok(period(202401, 3)));
        assert_eq!(period(202401, 3).label(), "2023/24 Q4");
        assert_eq!(period(202304, 3).label(), "2023/24 Q1");
        assert_eq!(period(202401, 3).month_range_label(), "Jan-Mar 2024");
    }

    #[test]
    fn financial_years() {
        for text in [
            "2023/24",
            "2023-24",
            "FY2023/24",
            "FY 2023/24",
            "FY23/24",
            "2023/2024",
        ] {
            assert_eq!(parse_period(text), Ok(period(202304, 12)), "{text}");
        }
        let fy = period(202304, 12);
        assert_eq!(fy.label(), "2023/24");
        assert_eq!(fy.end_month(), 202403);
        assert!(fy.contains(202312) && !fy.contains(202404));
        assert_eq!(parse_period("FY2011-12"), Ok(period(201104, 12)));
        assert_eq!(parse_period("1999/00"), Ok(period(199904, 12)));
    }

    #[test]
    fn other_ranges_get_a_plain_label() {
        let p = parse_period("May-Sep 2023").unwrap();
        assert_eq!(p, period(202305, 5));
        assert_eq!(p.label(), "2023-05 to 2023-09");
        assert_eq!(
            parse_quarter("May-Jul 2023"),
            Err(PeriodProblem::NotAQuarter)
        );
    }

    #[test]
    fn marac_quarters_are_financial_quarters() {
        assert_eq!(parse_quarter("Q1 2023/24"), Ok(period(202304, 3)));
        assert_eq!(parse_quarter("2023 Q2"), Ok(period(202304, 3)));
        assert_eq!(
            parse_quarter("2023 Q1").unwrap().financial_quarter_of(),
            Some((2022, 4))
        );
        assert_eq!(parse_quarter("2023-04"), Err(PeriodProblem::NotAQuarter));
        assert_eq!(parse_quarter("2023/24"), Err(PeriodProblem::NotAQuarter));
        assert_eq!(parse_quarter("rubbish"), Err(PeriodProblem::NotAQuarter));
        assert_eq!(parse_quarter(""), Err(PeriodProblem::Blank));
        assert_eq!(Period::financial_quarter(2023, 4), period(202401, 3));
    }

    #[test]
    fn nonsense_is_not_a_period() {
        for text in [
            "2023/25",
            "Q5 2023/24",
            "Q 2023",
            "Jun-Apr 2023",
            "FY2023",
            "2023-13",
            "sometime",
            "FY Apr-23",
            "Q1",
        ] {
            assert_eq!(parse_period(text), Err(PeriodProblem::NotAPeriod), "{text}");
        }
        assert_eq!(parse_period(" "), Err(PeriodProblem::Blank));
    }
}
