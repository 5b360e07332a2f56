//! The MARAC theme from the quarterly SafeLives returns: cases by quarter and financial
//! year, the repeat rate against the ~30 % benchmark, cases per 10,000 women aged 16+
//! against the ~40 benchmark (when that population is known), and where referrals came
//! from. A MARAC covers its whole area, so no ward filter applies.
//!
//! Suppressed counts are left out of sums and counted in `suppressed_cells`.

use super::common::{count_value, YearChange};
use super::dataset::{DatasetAnalysis, PartnerFigures};
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::rates::{percent_of, round1};
use crate::import::partner::{CountValue, MaracQuarter, PartnerLayout};
use serde::Serialize;

/// SafeLives: about 30 % of MARAC cases are repeats.
pub const REPEAT_BENCHMARK_PCT: f64 = 30.0;
/// SafeLives: about 40 cases a year per 10,000 adult women.
pub const CASES_PER_10000_BENCHMARK: f64 = 40.0;

/// One quarter's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MaracQuarterRow {
    pub quarter: String,
    pub cases: Option<i64>,
    pub repeat_cases: Option<i64>,
    pub repeat_pct: Option<f64>,
    pub referrals_from_police: Option<i64>,
    pub referrals_from_other_agencies: Option<i64>,
    /// Which of the quarter's counts the source suppressed (`None` above for those, but
    /// known to be there: never zero, and the year's sums are lower bounds).
    #[serde(skip)]
    pub suppressed_at_source: MaracSuppressed,
}

/// The counts of a quarter suppressed in the source.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MaracSuppressed {
    pub cases: bool,
    pub repeat_cases: bool,
    pub referrals_from_police: bool,
    pub referrals_from_other_agencies: bool,
}

/// One financial year's totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MaracYear {
    pub fy: String,
    pub quarters: usize,
    pub cases: i64,
    pub repeat_cases: i64,
    pub repeat_pct: Option<f64>,
}

/// What the file's MARAC quarters give, over the female 16+ population when known.
pub const ANALYSIS: DatasetAnalysis = DatasetAnalysis {
    layout: PartnerLayout::Marac,
    years: |rows| marac_years(&rows.marac),
    months: |rows| {
        rows.marac
            .iter()
            .flat_map(|q| q.quarter.each_month())
            .collect()
    },
    figures: |inputs, year| {
        PartnerFigures::Marac(marac_figures(
            &inputs.rows.marac,
            year,
            inputs.rows.female_16_plus,
        ))
    },
};

/// The MARAC page for one year. Serialised, it is the theme's headline in `stats --json`
/// (a contract): what only the page shows is skipped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MaracFigures {
    pub financial_year: String,
    /// Quarters of the year held (4 for a complete year).
    pub quarters_held: usize,
    pub cases: i64,
    pub change: YearChange,
    pub repeat_cases: i64,
    pub repeat_pct: Option<f64>,
    pub repeat_benchmark_pct: f64,
    pub female_16_plus: Option<f64>,
    /// Cases per 10,000 women aged 16+, scaled to a full year when fewer quarters are held.
    pub cases_per_10000_women: Option<f64>,
    pub cases_per_10000_benchmark: f64,
    pub referrals_from_police: i64,
    pub referrals_from_other_agencies: i64,
    pub police_referral_pct: Option<f64>,
    #[serde(skip)]
    pub suppressed_cells: usize,
    #[serde(skip)]
    pub by_quarter: Vec<MaracQuarterRow>,
    #[serde(skip)]
    pub by_year: Vec<MaracYear>,
}

fn fy_of(q: &MaracQuarter) -> FinancialYear {
    FinancialYear::of_month(q.quarter.start_month)
}

/// Financial years the quarters touch, newest first.
pub fn marac_years(rows: &[MaracQuarter]) -> Vec<FinancialYear> {
    super::common::years_newest_first(rows.iter().map(|q| q.quarter.start_month))
}

/// The figures of `year`; `female_16_plus` is the population rates are taken over.
pub fn marac_figures(
    rows: &[MaracQuarter],
    year: FinancialYear,
    female_16_plus: Option<f64>,
) -> MaracFigures {
    let mut years: std::collections::BTreeMap<FinancialYear, MaracYear> = Default::default();
    for q in rows {
        let fy = fy_of(q);
        let y = years.entry(fy).or_insert_with(|| MaracYear {
            fy: fy.label(),
            quarters: 0,
            cases: 0,
            repeat_cases: 0,
            repeat_pct: None,
        });
        y.quarters += 1;
        y.cases += count_value(Some(&q.cases_discussed)).unwrap_or(0);
        y.repeat_cases += count_value(Some(&q.repeat_cases)).unwrap_or(0);
    }
    for y in years.values_mut() {
        y.repeat_pct = percent_of(y.repeat_cases, y.cases);
    }
    let this: Vec<&MaracQuarter> = rows.iter().filter(|q| fy_of(q) == year).collect();
    let sum = |f: fn(&MaracQuarter) -> Option<&CountValue>| -> i64 {
        this.iter().filter_map(|q| count_value(f(q))).sum()
    };
    let cases = sum(|q| Some(&q.cases_discussed));
    let repeat_cases = sum(|q| Some(&q.repeat_cases));
    let police = sum(|q| q.referrals_from_police.as_ref());
    let other = sum(|q| q.referrals_from_other_agencies.as_ref());
    let suppressed_cells = this
        .iter()
        .map(|q| {
            [
                Some(&q.cases_discussed),
                Some(&q.repeat_cases),
                q.referrals_from_police.as_ref(),
                q.referrals_from_other_agencies.as_ref(),
            ]
            .into_iter()
            .filter(|v| v.is_some_and(CountValue::is_suppressed))
            .count()
        })
        .sum();
    let quarters_held = this.len();
    let previous = years
        .get(&FinancialYear(year.0.saturating_sub(1)))
        .filter(|y| y.quarters >= 4 && quarters_held >= 4)
        .map(|y| y.cases);
    let per_10000 = match (female_16_plus, quarters_held) {
        (Some(pop), 1..) if pop > 0.0 => Some(round1(
            cases as f64 * 4.0 / quarters_held as f64 * 10_000.0 / pop,
        )),
        _ => None,
    };
    MaracFigures {
        financial_year: year.label(),
        quarters_held,
        cases,
        change: YearChange::of(cases, previous, "MARAC cases", year),
        repeat_cases,
        repeat_pct: percent_of(repeat_cases, cases),
        repeat_benchmark_pct: REPEAT_BENCHMARK_PCT,
        female_16_plus,
        cases_per_10000_women: per_10000,
        cases_per_10000_benchmark: CASES_PER_10000_BENCHMARK,
        referrals_from_police: police,
        referrals_from_other_agencies: other,
        police_referral_pct: percent_of(police, police + other),
        suppressed_cells,
        by_quarter: this
            .iter()
            .map(|q| {
                let cases = count_value(Some(&q.cases_discussed));
                let repeats = count_value(Some(&q.repeat_cases));
                MaracQuarterRow {
                    quarter: q.quarter.label(),
                    cases,
                    repeat_cases: repeats,
                    repeat_pct: cases.zip(repeats).and_then(|(c, r)| percent_of(r, c)),
                    referrals_from_police: count_value(q.referrals_from_police.as_ref()),
                    referrals_from_other_agencies: count_value(
                        q.referrals_from_other_agencies.as_ref(),
                    ),
                    suppressed_at_source: MaracSuppressed {
                        cases: q.cases_discussed.is_suppressed(),
                        repeat_cases: q.repeat_cases.is_suppressed(),
                        referrals_from_police: at_source(q.referrals_from_police.as_ref()),
                        referrals_from_other_agencies: at_source(
                            q.referrals_from_other_agencies.as_ref(),
                        ),
                    },
                }
            })
            .collect(),
        by_year: years.into_values().collect(),
    }
}

fn at_source(v: Option<&CountValue>) -> bool {
    v.is_some_and(CountValue::is_suppressed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::partner::Period;

    fn quarter(fy: u32, q: u32, cases: u32, repeats: u32) -> MaracQuarter {
        MaracQuarter {
            quarter: Period::financial_quarter(fy, q),
            cases_discussed: CountValue::Count(cases),
            repeat_cases: CountValue::Count(repeats),
            children_in_households: None,
            referrals_from_police: Some(CountValue::Count(cases / 2)),
            referrals_from_other_agencies: Some(CountValue::Suppressed("*".into())),
            male_victims: None,
            bame_victims: None,
            lgbt_victims: None,
            victims_with_disability: None,
            victims_aged_16_17: None,
        }
    }

    #[test]
    fn a_year_of_quarters_against_the_benchmarks() {
        let rows: Vec<MaracQuarter> = (1..=4)
            .map(|q| quarter(2023, q, 100, 30))
            .chain((1..=2).map(|q| quarter(2024, q, 150, 30)))
            .collect();
        let f = marac_figures(&rows, FinancialYear(2023), Some(100_000.0));
        assert_eq!((f.cases, f.repeat_cases, f.quarters_held), (400, 120, 4));
        assert_eq!(f.repeat_pct, Some(30.0));
        assert_eq!(f.cases_per_10000_women, Some(40.0));
        assert_eq!(f.suppressed_cells, 4);
        assert!(
            f.by_quarter[0]
                .suppressed_at_source
                .referrals_from_other_agencies
        );
        assert!(!f.by_quarter[0].suppressed_at_source.cases);
        assert_eq!(f.police_referral_pct, Some(100.0));
        let partial = marac_figures(&rows, FinancialYear(2024), None);
        assert_eq!(partial.change.previous, None);
        assert_eq!(
            marac_years(&rows),
            vec![FinancialYear(2024), FinancialYear(2023)]
        );
        let rows: Vec<MaracQuarter> = (1..=4)
            .flat_map(|q| [quarter(2022, q, 100, 30), quarter(2023, q, 110, 30)])
            .collect();
        assert_eq!(
            marac_figures(&rows, FinancialYear(2023), None)
                .change
                .change,
            Some(40)
        );
        assert_eq!(partial.cases_per_10000_women, None);
    }
}
