//! The period an indicator value covers, as partners write it: a month (`2024-09`,
//! `Apr-24`, `April 2024`), a quarter of the financial year (`Q1 2023/24`, `2023/24 Q1`)
//! or of the calendar year (`2024-Q2`, `Q2 2024` — the same three months, so one form),
//! a financial year (`2023/24`), a calendar year (`2024`), or a date (`2024-06-30`,
//! `30/06/2024`: a figure as at that day, e.g. cases open).
//!
//! One label per period, so a period written three ways is one period: months `YYYY-MM`,
//! quarters `YYYY/YY-Qn`, financial years `YYYY/YY`, calendar years `YYYY`, dates
//! `YYYY-MM-DD`. Pure text in, period out; never guesses a period from a number.

use crate::import::month::month_of;
use crate::import::partner::dates::DateFormat;
use crate::import::partner::period::{parse_period, Period};
use chrono::{Datelike, NaiveDate};
use std::cmp::Ordering;

/// What a value covers: a run of whole months, or one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportingPeriod {
    Months(Period),
    Day(NaiveDate),
}

/// Why a cell is not a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("is blank")]
    Blank,
    #[error("is not a period (write a month like 2024-09 or Apr-24, a quarter like Q1 2023/24 or 2024-Q2, a financial year like 2023/24, or a date like 2024-06-30)")]
    NotAPeriod,
}

const YEARS: std::ops::RangeInclusive<u32> = 1990..=2100;

impl ReportingPeriod {
    pub fn month(month: u32) -> ReportingPeriod {
        ReportingPeriod::Months(Period::month(month))
    }

    /// Quarter `q` (1–4) of the financial year starting in April `start_year`.
    pub fn financial_quarter(start_year: u32, q: u32) -> ReportingPeriod {
        ReportingPeriod::Months(Period::financial_quarter(start_year, q))
    }

    pub fn financial_year(start_year: u32) -> ReportingPeriod {
        ReportingPeriod::Months(Period::financial_year(start_year))
    }

    /// Read a period as written in a cell or a column header.
    pub fn parse(text: &str) -> Result<ReportingPeriod, PeriodError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(PeriodError::Blank);
        }
        // Full dates first: the month reader would take `2024-06-30` as June.
        for format in [
            DateFormat::Iso,
            DateFormat::DayMonthYear,
            DateFormat::DayMonthName,
        ] {
            if let Ok(day) = format.parse(text) {
                if YEARS.contains(&(day.year().max(0) as u32)) {
                    return Ok(ReportingPeriod::Day(day));
                }
            }
        }
        if let Ok(period) = parse_period(text) {
            if YEARS.contains(&(period.start_month / 100)) {
                return Ok(ReportingPeriod::Months(period));
            }
        }
        let year = text.strip_prefix("CY").unwrap_or(text).trim();
        if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(y) = year.parse::<u32>() {
                if YEARS.contains(&y) {
                    return Ok(ReportingPeriod::Months(Period {
                        start_month: y * 100 + 1,
                        months: 12,
                    }));
                }
            }
        }
        Err(PeriodError::NotAPeriod)
    }

    /// The one label of the period (see the module comment).
    pub fn label(&self) -> String {
        match self {
            ReportingPeriod::Day(day) => day.format("%Y-%m-%d").to_string(),
            ReportingPeriod::Months(p) => {
                let fy = |start: u32| format!("{start}/{:02}", (start + 1) % 100);
                if let Some((year, quarter)) = p.financial_quarter_of() {
                    return format!("{}-Q{quarter}", fy(year));
                }
                match (p.months, p.start_month % 100) {
                    (1, _) => month_text(p.start_month),
                    (12, 4) => fy(p.start_month / 100),
                    (12, 1) => format!("{}", p.start_month / 100),
                    _ => format!(
                        "{} to {}",
                        month_text(p.start_month),
                        month_text(p.end_month())
                    ),
                }
            }
        }
    }

    /// The first month it covers, `YYYYMM`.
    pub fn start_month(&self) -> u32 {
        match self {
            ReportingPeriod::Months(p) => p.start_month,
            ReportingPeriod::Day(d) => month_of(*d),
        }
    }

    /// The last month it covers, `YYYYMM` (a day's own month).
    pub fn end_month(&self) -> u32 {
        match self {
            ReportingPeriod::Months(p) => p.end_month(),
            ReportingPeriod::Day(d) => month_of(*d),
        }
    }

    /// Whole months covered; 0 for a day (a figure as at a date).
    pub fn months(&self) -> u32 {
        match self {
            ReportingPeriod::Months(p) => u32::from(p.months),
            ReportingPeriod::Day(_) => 0,
        }
    }

    pub fn is_day(&self) -> bool {
        matches!(self, ReportingPeriod::Day(_))
    }

    /// Chronological order: by first day, a shorter period first.
    fn sort_key(&self) -> (u32, u32) {
        match self {
            ReportingPeriod::Months(p) => (p.start_month * 100 + 1, u32::from(p.months) * 31),
            ReportingPeriod::Day(d) => (month_of(*d) * 100 + d.day(), 0),
        }
    }
}

impl Ord for ReportingPeriod {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key()
            .cmp(&other.sort_key())
            .then_with(|| self.label().cmp(&other.label()))
    }
}

impl PartialOrd for ReportingPeriod {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for ReportingPeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

fn month_text(month: u32) -> String {
    format!("{:04}-{:02}", month / 100, month % 100)
}

/// A column (or a header row) of dates that are all the 1st of a month is a column of
/// months written as dates (Excel turns `Apr-24` typed in a cell into 1 April 2024);
/// any other date is a figure as at that day.
pub fn dates_are_months(periods: &[ReportingPeriod]) -> bool {
    let mut days = periods.iter().filter_map(|p| match p {
        ReportingPeriod::Day(d) => Some(d),
        ReportingPeriod::Months(_) => None,
    });
    let mut any = false;
    let all_first = days.all(|d| {
        any = true;
        d.day() == 1
    });
    any && all_first
}

/// The period with a 1st-of-month date read as that month.
pub fn as_month(period: ReportingPeriod) -> ReportingPeriod {
    match period {
        ReportingPeriod::Day(d) => ReportingPeriod::month(month_of(d)),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> String {
        ReportingPeriod::parse(text).map_or_else(|e| format!("error: {e}"), |p| p.label())
    }

    #[test]
    fn every_form_in_the_issue_has_one_label() {
        assert_eq!(label("Q1 2023/24"), "2023/24-Q1");
        assert_eq!(label("2023/24 Q1"), "2023/24-Q1");
        assert_eq!(label("2023/24-Q1"), "2023/24-Q1");
        assert_eq!(label("Apr-24"), "2024-04");
        assert_eq!(label("April 2024"), "2024-04");
        assert_eq!(label("2023/24"), "2023/24");
        // Calendar Q2 2024 is April to June 2024: the first quarter of 2024/25.
        assert_eq!(label("2024-Q2"), "2024/25-Q1");
        assert_eq!(label("Q2 2024"), "2024/25-Q1");
        assert_eq!(label("2024-Q1"), "2023/24-Q4");
        assert_eq!(label("2024-09"), "2024-09");
        assert_eq!(label("2024"), "2024");
        assert_eq!(label("2024-06-30"), "2024-06-30");
        assert_eq!(label("30/06/2024"), "2024-06-30");
        assert_eq!(label("30-Jun-2024"), "2024-06-30");
        assert_eq!(label("May-Sep 2023"), "2023-05 to 2023-09");
    }

    #[test]
    fn what_is_not_a_period_says_so() {
        assert_eq!(ReportingPeriod::parse("  "), Err(PeriodError::Blank));
        for text in ["soon", "2023/25", "Q5 2024", "45383", "12", "1850"] {
            assert_eq!(
                ReportingPeriod::parse(text),
                Err(PeriodError::NotAPeriod),
                "{text}"
            );
        }
    }

    #[test]
    fn periods_sort_in_time_order() {
        let mut periods: Vec<ReportingPeriod> =
            ["2024-05", "2023/24", "2024-Q2", "2024-04-15", "2024-04"]
                .iter()
                .map(|t| ReportingPeriod::parse(t).unwrap())
                .collect();
        periods.sort();
        let labels: Vec<String> = periods.iter().map(ReportingPeriod::label).collect();
        assert_eq!(
            labels,
            ["2023/24", "2024-04", "2024/25-Q1", "2024-04-15", "2024-05"]
        );
    }

    #[test]
    fn first_of_month_dates_are_months() {
        let days: Vec<ReportingPeriod> = ["2024-04-01", "2024-05-01"]
            .iter()
            .map(|t| ReportingPeriod::parse(t).unwrap())
            .collect();
        assert!(dates_are_months(&days));
        assert_eq!(as_month(days[0]).label(), "2024-04");
        let mixed: Vec<ReportingPeriod> = ["2024-04-01", "2024-05-17"]
            .iter()
            .map(|t| ReportingPeriod::parse(t).unwrap())
            .collect();
        assert!(!dates_are_months(&mixed));
        assert!(!dates_are_months(&[ReportingPeriod::month(202404)]));
    }

    #[test]
    fn months_of_a_period() {
        let q = ReportingPeriod::parse("Q2 2024/25").unwrap();
        assert_eq!(
            (q.start_month(), q.end_month(), q.months()),
            (202407, 202409, 3)
        );
        let d = ReportingPeriod::parse("2024-06-30").unwrap();
        assert_eq!(
            (d.start_month(), d.end_month(), d.months()),
            (202406, 202406, 0)
        );
    }
}
