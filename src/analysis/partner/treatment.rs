//! The drug and alcohol treatment theme: per NDTMS substance group (Opiate, Non-opiate
//! only, Non-opiate and alcohol, Alcohol only, in that order), people in treatment, new
//! presentations, successful completions, the completion rate and re-presentations for a
//! financial year, with the change on last year.
//!
//! A year from quarterly (or monthly) rows is an approximation, stated in `method`: in
//! treatment in the year ≈ in treatment in its first period + new presentations in the
//! later periods (people still in treatment are not counted twice); new presentations,
//! completions and re-presentations are summed. A row for the whole year is used as it
//! is. Suppressed cells are left out of sums and counted in `suppressed_cells`.

use super::common::{count_value, years_newest_first, YearChange};
use super::dataset::{DatasetAnalysis, PartnerFigures};
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::rates::{percent_of, round1};
use crate::import::partner::values::SubstanceGroup;
use crate::import::partner::{CountValue, PartnerLayout, TreatmentCount};
use serde::Serialize;

/// How a year's figures are built from shorter periods.
pub const METHOD: &str = "In treatment in the year is counted as in treatment in its first quarter (or month) + new presentations in the later ones; new presentations, successful completions and re-presentations are summed over the year. Completion rate = successful completions ÷ in treatment. Suppressed cells are left out of the sums.";

/// One substance group's year (or all groups together).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TreatmentGroupYear {
    pub substance_group: String,
    pub in_treatment: i64,
    pub new_presentations: i64,
    pub successful_completions: i64,
    pub completion_rate_pct: Option<f64>,
    pub re_presentations: i64,
    pub previous_in_treatment: Option<i64>,
    pub previous_completion_rate_pct: Option<f64>,
    /// Completion rate this year minus last year, percentage points.
    pub completion_rate_change_points: Option<f64>,
    pub in_treatment_change: YearChange,
    pub suppressed_cells: usize,
    /// The sums that include a cell suppressed in the source (lower bounds).
    #[serde(skip)]
    pub suppressed_at_source: SuppressedAtSource,
}

/// One period's row, as the source gave it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TreatmentPeriodRow {
    pub period: String,
    pub substance_group: String,
    pub in_treatment: Option<i64>,
    pub new_presentations: Option<i64>,
    pub successful_completions: Option<i64>,
    pub re_presentations: Option<i64>,
}

/// What the file's treatment counts give.
pub const ANALYSIS: DatasetAnalysis = DatasetAnalysis {
    layout: PartnerLayout::Treatment,
    years: |rows| treatment_years(&rows.treatment),
    months: |rows| {
        rows.treatment
            .iter()
            .flat_map(|t| t.period.each_month())
            .collect()
    },
    figures: |inputs, year| {
        PartnerFigures::Treatment(treatment_figures(&inputs.rows.treatment, year))
    },
};

/// The treatment page for one year. Serialised, it is the theme's headline in
/// `stats --json` (a contract): what only the page shows is skipped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TreatmentFigures {
    pub financial_year: String,
    /// Periods of the year held (4 quarters, 12 months or 1 year for a complete year).
    #[serde(skip)]
    pub periods_held: usize,
    pub is_complete: bool,
    pub method: &'static str,
    /// In NDTMS order.
    pub groups: Vec<TreatmentGroupYear>,
    pub total: TreatmentGroupYear,
    #[serde(skip)]
    pub by_period: Vec<TreatmentPeriodRow>,
}

/// Financial years the periods start in, newest first.
pub fn treatment_years(rows: &[TreatmentCount]) -> Vec<FinancialYear> {
    years_newest_first(rows.iter().map(|r| r.period.start_month))
}

/// Which of a year's sums include a cell the partner suppressed in its file: such a sum
/// is only the part that is known, a lower bound (never a count to print as it is).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SuppressedAtSource {
    pub in_treatment: bool,
    pub new_presentations: bool,
    pub successful_completions: bool,
    pub re_presentations: bool,
}

impl SuppressedAtSource {
    fn or(self, other: SuppressedAtSource) -> SuppressedAtSource {
        SuppressedAtSource {
            in_treatment: self.in_treatment || other.in_treatment,
            new_presentations: self.new_presentations || other.new_presentations,
            successful_completions: self.successful_completions || other.successful_completions,
            re_presentations: self.re_presentations || other.re_presentations,
        }
    }
}

/// A year's sums for one group (or all groups).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct YearSums {
    in_treatment: i64,
    new_presentations: i64,
    completions: i64,
    re_presentations: i64,
    /// Cells suppressed in the source.
    suppressed: usize,
    /// Months the rows cover.
    months: u32,
    at_source: SuppressedAtSource,
}

/// Raw sums of a year for one group.
fn year_sums(rows: &[&TreatmentCount]) -> YearSums {
    let mut sorted: Vec<&&TreatmentCount> = rows.iter().collect();
    sorted.sort_by_key(|r| r.period.start_month);
    let mut sums = YearSums::default();
    let hidden = |v: Option<&CountValue>| v.is_some_and(CountValue::is_suppressed);
    let count = |v: Option<&CountValue>| count_value(v).unwrap_or(0);
    for (i, r) in sorted.iter().enumerate() {
        let cells = [
            Some(&r.in_treatment),
            r.new_presentations.as_ref(),
            r.successful_completions.as_ref(),
            r.re_presentations.as_ref(),
        ];
        sums.suppressed += cells.iter().filter(|v| hidden(**v)).count();
        let (held, presented) = (Some(&r.in_treatment), r.new_presentations.as_ref());
        let first = i == 0;
        sums.in_treatment += count(if first { held } else { presented });
        sums.at_source.in_treatment |= hidden(if first { held } else { presented });
        sums.new_presentations += count(presented);
        sums.at_source.new_presentations |= hidden(presented);
        sums.completions += count(r.successful_completions.as_ref());
        sums.at_source.successful_completions |= hidden(r.successful_completions.as_ref());
        sums.re_presentations += count(r.re_presentations.as_ref());
        sums.at_source.re_presentations |= hidden(r.re_presentations.as_ref());
    }
    sums.months = sorted.iter().map(|r| u32::from(r.period.months)).sum();
    sums
}

fn in_year(r: &TreatmentCount, year: FinancialYear) -> bool {
    FinancialYear::of_month(r.period.start_month) == year
}

/// A year's sums for one group, or for all groups (each group's year worked out on its
/// own, then added; months held is the most any group holds).
fn sums_of(rows: &[&TreatmentCount], group: Option<SubstanceGroup>) -> YearSums {
    if group.is_some() {
        return year_sums(rows);
    }
    SubstanceGroup::ALL
        .iter()
        .fold(YearSums::default(), |acc, g| {
            let part: Vec<&TreatmentCount> = rows
                .iter()
                .copied()
                .filter(|r| r.substance_group == *g)
                .collect();
            let s = year_sums(&part);
            YearSums {
                in_treatment: acc.in_treatment + s.in_treatment,
                new_presentations: acc.new_presentations + s.new_presentations,
                completions: acc.completions + s.completions,
                re_presentations: acc.re_presentations + s.re_presentations,
                suppressed: acc.suppressed + s.suppressed,
                months: acc.months.max(s.months),
                at_source: acc.at_source.or(s.at_source),
            }
        })
}

/// The figures of `year`.
pub fn treatment_figures(rows: &[TreatmentCount], year: FinancialYear) -> TreatmentFigures {
    let previous_year = FinancialYear(year.0.saturating_sub(1));
    let group_year = |group: Option<SubstanceGroup>| -> (TreatmentGroupYear, u32) {
        let pick = |y: FinancialYear| -> Vec<&TreatmentCount> {
            rows.iter()
                .filter(|r| in_year(r, y) && group.is_none_or(|g| r.substance_group == g))
                .collect()
        };
        let (label, this, before) = (
            group.map_or("All substances", SubstanceGroup::label),
            pick(year),
            pick(previous_year),
        );
        let sums = sums_of(&this, group);
        let (in_t, done, months) = (sums.in_treatment, sums.completions, sums.months);
        let previous = sums_of(&before, group);
        let both_whole = months >= 12 && previous.months >= 12;
        let previous_in = both_whole.then_some(previous.in_treatment);
        let rate = percent_of(done, in_t);
        let previous_rate = both_whole
            .then(|| percent_of(previous.completions, previous.in_treatment))
            .flatten();
        let row = TreatmentGroupYear {
            substance_group: label.to_string(),
            in_treatment: in_t,
            new_presentations: sums.new_presentations,
            successful_completions: done,
            completion_rate_pct: rate,
            re_presentations: sums.re_presentations,
            previous_in_treatment: previous_in,
            previous_completion_rate_pct: previous_rate,
            completion_rate_change_points: rate.zip(previous_rate).map(|(a, b)| round1(a - b)),
            in_treatment_change: YearChange::of(
                in_t,
                previous_in,
                &format!("People in treatment ({label})"),
                year,
            ),
            suppressed_cells: sums.suppressed,
            suppressed_at_source: sums.at_source,
        };
        (row, months)
    };
    let groups: Vec<TreatmentGroupYear> = SubstanceGroup::ALL
        .iter()
        .map(|g| group_year(Some(*g)).0)
        .collect();
    let (total, months) = group_year(None);
    let mut this: Vec<&TreatmentCount> = rows.iter().filter(|r| in_year(r, year)).collect();
    this.sort_by_key(|r| (r.period.start_month, r.substance_group));
    let periods: std::collections::BTreeSet<_> = this.iter().map(|r| r.period).collect();
    TreatmentFigures {
        financial_year: year.label(),
        periods_held: periods.len(),
        is_complete: months >= 12,
        method: METHOD,
        groups,
        total,
        by_period: this
            .iter()
            .map(|r| TreatmentPeriodRow {
                period: r.period.label(),
                substance_group: r.substance_group.label().to_string(),
                in_treatment: count_value(Some(&r.in_treatment)),
                new_presentations: count_value(r.new_presentations.as_ref()),
                successful_completions: count_value(r.successful_completions.as_ref()),
                re_presentations: count_value(r.re_presentations.as_ref()),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::partner::Period;

    fn row(
        fy: u32,
        q: u32,
        group: SubstanceGroup,
        in_t: u32,
        new: u32,
        done: u32,
    ) -> TreatmentCount {
        TreatmentCount {
            period: Period::financial_quarter(fy, q),
            substance_group: group,
            in_treatment: CountValue::Count(in_t),
            new_presentations: Some(CountValue::Count(new)),
            successful_completions: Some(CountValue::Count(done)),
            re_presentations: Some(CountValue::Suppressed("*".into())),
        }
    }

    #[test]
    fn a_year_from_quarters_counts_first_quarter_plus_later_starts() {
        let mut rows = Vec::new();
        for fy in [2023, 2024] {
            for q in 1..=4 {
                rows.push(row(fy, q, SubstanceGroup::Opiate, 600, 40, 30));
                rows.push(row(fy, q, SubstanceGroup::AlcoholOnly, 400, 60, 50));
            }
        }
        let f = treatment_figures(&rows, FinancialYear(2024));
        let opiate = &f.groups[0];
        assert_eq!(opiate.substance_group, "Opiate");
        assert_eq!(opiate.in_treatment, 600 + 3 * 40);
        assert_eq!(opiate.new_presentations, 160);
        assert_eq!(opiate.successful_completions, 120);
        assert_eq!(opiate.completion_rate_pct, Some(16.7));
        assert_eq!(opiate.suppressed_cells, 4);
        assert!(opiate.suppressed_at_source.re_presentations);
        assert!(!opiate.suppressed_at_source.successful_completions);
        assert!(f.total.suppressed_at_source.re_presentations);
        assert_eq!(opiate.previous_in_treatment, Some(720));
        assert_eq!(opiate.completion_rate_change_points, Some(0.0));
        assert_eq!(f.total.in_treatment, 720 + 400 + 180);
        assert_eq!(f.groups.len(), 4);
        assert_eq!(f.groups[1].in_treatment, 0);
        assert!(f.is_complete);
        assert_eq!(f.periods_held, 4);
        assert_eq!(f.by_period.len(), 8);
        assert_eq!(treatment_years(&rows)[0], FinancialYear(2024));
    }
}
