//! Tests of partner date cells: every written form, two-digit years, Excel serials,
//! impossible dates, format detection from a sample, and round-trip property tests.

use super::*;
use proptest::prelude::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn every_written_form_of_17_april_2023() {
    let want = Ok(date(2023, 4, 17));
    for (format, cell) in [
        (DateFormat::Iso, "2023-04-17"),
        (DateFormat::Iso, " 2023-04-17 "),
        (DateFormat::Iso, "2023-04-17T10:22:00"),
        (DateFormat::Iso, "2023-04-17T10:22:00.000Z"),
        (DateFormat::Iso, "2023-04-17 10:22"),
        (DateFormat::DayMonthYear, "17/04/2023"),
        (DateFormat::DayMonthYear, "17/04/23"),
        (DateFormat::DayMonthYear, "17/4/2023"),
        (DateFormat::DayMonthYear, "17-04-2023"),
        (DateFormat::DayMonthYear, "17.04.2023"),
        (DateFormat::DayMonthYear, "17/04/2023 10:22"),
        (DateFormat::DayMonthYear, "17/04/2023 10:22:00"),
        (DateFormat::DayMonthName, "17-Apr-23"),
        (DateFormat::DayMonthName, "17-Apr-2023"),
        (DateFormat::DayMonthName, "17 April 2023"),
        (DateFormat::DayMonthName, "17 APR 2023"),
        (DateFormat::DayMonthName, "17-Apr-2023 10:22"),
        (DateFormat::ExcelSerial, "45033"),
        (DateFormat::ExcelSerial, "45033.4375"),
        (DateFormat::MonthDayYear, "04/17/2023"),
    ] {
        assert_eq!(format.parse(cell), want, "{format:?} {cell}");
    }
}

#[test]
fn two_digit_years_follow_excel() {
    let f = DateFormat::DayMonthYear;
    assert_eq!(f.parse("01/01/29"), Ok(date(2029, 1, 1)));
    assert_eq!(f.parse("01/01/30"), Ok(date(1930, 1, 1)));
    assert_eq!(f.parse("31/12/99"), Ok(date(1999, 12, 31)));
    assert_eq!(f.parse("05/06/00"), Ok(date(2000, 6, 5)));
    assert_eq!(
        DateFormat::DayMonthName.parse("1-Jan-05"),
        Ok(date(2005, 1, 1))
    );
    assert_eq!(
        DateFormat::DayMonthName.parse("17-OCT-2023 10:22"),
        Ok(date(2023, 10, 17))
    );
    assert_eq!(f.parse("01/01/202"), Err(DateProblem::NotInFormat(f)));
}

#[test]
fn excel_serials_include_the_fake_leap_day() {
    let f = DateFormat::ExcelSerial;
    assert_eq!(f.parse("45033"), Ok(date(2023, 4, 17)));
    assert_eq!(f.parse("1"), Ok(date(1900, 1, 1)));
    assert_eq!(f.parse("59"), Ok(date(1900, 2, 28)));
    assert_eq!(f.parse("60"), Err(DateProblem::NotARealDate));
    assert_eq!(f.parse("61"), Ok(date(1900, 3, 1)));
    assert_eq!(f.parse("43466"), Ok(date(2019, 1, 1)));
    assert_eq!(f.parse("0"), Err(DateProblem::NotInFormat(f)));
    assert_eq!(f.parse("-5"), Err(DateProblem::NotInFormat(f)));
    assert_eq!(f.parse("45033.x"), Err(DateProblem::NotInFormat(f)));
    assert_eq!(excel_serial_of(date(2023, 4, 17)), Some(45033));
    assert_eq!(excel_serial_of(date(1900, 2, 28)), Some(59));
    assert_eq!(excel_serial_of(date(1900, 3, 1)), Some(61));
}

#[test]
fn impossible_dates_are_not_real() {
    assert_eq!(
        DateFormat::DayMonthYear.parse("31/02/2023"),
        Err(DateProblem::NotARealDate)
    );
    assert_eq!(
        DateFormat::DayMonthYear.parse("29/02/2023"),
        Err(DateProblem::NotARealDate)
    );
    assert_eq!(
        DateFormat::DayMonthYear.parse("29/02/2024"),
        Ok(date(2024, 2, 29))
    );
    assert_eq!(
        DateFormat::Iso.parse("2023-13-01"),
        Err(DateProblem::NotARealDate)
    );
    assert_eq!(
        DateFormat::DayMonthName.parse("31-Apr-23"),
        Err(DateProblem::NotARealDate)
    );
    assert_eq!(
        DateFormat::MonthDayYear.parse("17/04/2023"),
        Err(DateProblem::NotARealDate)
    );
    assert_eq!(DateProblem::NotARealDate.to_string(), "is not a real date");
}

#[test]
fn blanks_and_other_forms_are_refused() {
    for format in DateFormat::ALL {
        assert_eq!(format.parse(""), Err(DateProblem::Blank));
        assert_eq!(format.parse("   "), Err(DateProblem::Blank));
        assert_eq!(
            format.parse("not a date"),
            Err(DateProblem::NotInFormat(format))
        );
    }
    assert!(DateFormat::Iso.parse("17/04/2023").is_err());
    assert!(DateFormat::DayMonthYear.parse("2023-04-17").is_err());
    assert!(DateFormat::DayMonthName.parse("17/04/2023").is_err());
    assert!(DateFormat::DayMonthName.parse("17 Aprxyz 2023").is_err());
    assert!(DateFormat::ExcelSerial.parse("2023-04-17").is_err());
    assert!(DateFormat::Iso.parse("2023-04-17 later").is_err());
    assert_eq!(
        DateProblem::NotInFormat(DateFormat::DayMonthYear).to_string(),
        "is not a date written like 17/04/2023"
    );
}

#[test]
fn detection_picks_the_format_that_reads_most() {
    let d = DateFormat::detect(&["2023-04-17", "", "2023-05-01", "junk"]);
    assert_eq!(d.format, DateFormat::Iso);
    assert_eq!((d.matched, d.failed, d.ambiguous), (2, 1, false));

    let d = DateFormat::detect(&["17/04/2023", "03/05/2023", "31/12/22"]);
    assert_eq!(d.format, DateFormat::DayMonthYear);
    assert!(!d.ambiguous, "17/04 can only be day first");
    assert_eq!((d.matched, d.failed), (3, 0));

    let d = DateFormat::detect(&["17-Apr-23", "1-May-23"]);
    assert_eq!(d.format, DateFormat::DayMonthName);

    let d = DateFormat::detect(&["45033", "45034", "45100"]);
    assert_eq!(d.format, DateFormat::ExcelSerial);
    assert_eq!(d.matched, 3);
}

#[test]
fn ambiguous_numeric_dates_are_read_day_first_and_flagged() {
    let d = DateFormat::detect(&["04/05/2023", "01/02/2023", "12/11/2023"]);
    assert_eq!(d.format, DateFormat::DayMonthYear);
    assert!(d.ambiguous);
    assert!(!d.month_first_fits_better);
    assert_eq!(d.matched, 3);
}

#[test]
fn us_dates_are_never_picked_but_are_pointed_out() {
    let d = DateFormat::detect(&["04/17/2023", "05/30/2023", "01/02/2023"]);
    assert_eq!(d.format, DateFormat::DayMonthYear);
    assert_eq!((d.matched, d.failed), (1, 2));
    assert!(d.month_first_fits_better);
}

#[test]
fn detection_of_nothing() {
    let d = DateFormat::detect(&["", "  "]);
    assert_eq!((d.matched, d.failed, d.ambiguous), (0, 0, false));
}

#[test]
fn month_names() {
    assert_eq!(month_from_name("Sept"), Some(9));
    assert_eq!(month_from_name("SEPTEMBER"), Some(9));
    assert_eq!(month_from_name("Ma"), None);
    assert_eq!(month_from_name("Mayo"), None);
    assert_eq!(month_abbreviation(4), "Apr");
    assert_eq!(month_abbreviation(0), "?");
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    // Two-digit years cover 1930-2029, so stay inside that window.
    (1930i32..=2029, 1u32..=12, 1u32..=31)
        .prop_filter_map("real date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

proptest! {
    #[test]
    fn formatting_then_parsing_gives_the_date_back(d in any_date()) {
        let cases = [
            (DateFormat::Iso, d.format("%Y-%m-%d").to_string()),
            (DateFormat::Iso, format!("{}T10:22:00", d.format("%Y-%m-%d"))),
            (DateFormat::Iso, format!("{} 10:22", d.format("%Y-%m-%d"))),
            (DateFormat::DayMonthYear, d.format("%d/%m/%Y").to_string()),
            (DateFormat::DayMonthYear, d.format("%d/%m/%y").to_string()),
            (DateFormat::DayMonthYear, d.format("%-d/%-m/%Y").to_string()),
            (DateFormat::DayMonthName, d.format("%d-%b-%y").to_string()),
            (DateFormat::DayMonthName, d.format("%d-%b-%Y").to_string()),
            (DateFormat::DayMonthName, d.format("%-d %B %Y").to_string()),
            (DateFormat::ExcelSerial, excel_serial_of(d).unwrap().to_string()),
            (DateFormat::MonthDayYear, d.format("%m/%d/%Y").to_string()),
        ];
        for (format, text) in cases {
            prop_assert_eq!(format.parse(&text), Ok(d), "{:?} {}", format, text);
        }
    }

    #[test]
    fn never_panics(text in "\\PC{0,20}") {
        for format in DateFormat::ALL {
            let _ = format.parse(&text);
        }
    }
}
