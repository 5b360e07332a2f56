//! Every measure the assessment reports a change for — all crime, ASB, each crime type,
//! each theme group, and the partner measures (domestic abuse incidents, MARAC cases,
//! council ASB cases opened, people in treatment) — with its level this year and its
//! change on one and on three years earlier, each tested with the same exact test. The
//! executive summary picks the largest real changes from these; the crime-type and
//! partner tables print them.

use crate::analysis::change::{test_change_with_dispersion, ChangeTest};
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::overview::ThemeOverview;
use crate::analysis::partner::common::is_complete;
use crate::analysis::partner::{analysis_of, PartnerFigures, PartnerInputs};
use crate::import::partner::PartnerLayout;
use std::collections::BTreeSet;

/// What a measure is, which decides where it is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureKind {
    AllCrime,
    Asb,
    CrimeType,
    Group,
    Partner,
}

/// One measure's level and changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    /// As a table row names it: "Burglary", "Domestic abuse incidents".
    pub label: String,
    /// As a sentence names it: "burglary", "domestic abuse incidents".
    pub phrase: String,
    pub kind: MeasureKind,
    pub current: i64,
    /// The year before, tested against this year; `None` when not fully held.
    pub one_year: Option<ChangeTest>,
    /// Three years earlier, tested against this year; `None` when not fully held.
    pub three_years: Option<ChangeTest>,
}

impl Measure {
    fn new(
        label: &str,
        kind: MeasureKind,
        current: i64,
        previous: Option<i64>,
        earlier: Option<i64>,
        dispersion: Option<f64>,
    ) -> Measure {
        Measure {
            label: label.to_string(),
            phrase: sentence_case_phrase(label),
            kind,
            current,
            one_year: previous.map(|p| test_change_with_dispersion(current, p, dispersion)),
            three_years: earlier.map(|p| test_change_with_dispersion(current, p, dispersion)),
        }
    }

    /// The measure of a police theme (all crime, ASB, a crime type or a group), its
    /// changes tested as its section tests them: allowing for the months' over-dispersion.
    pub fn of_theme(f: &ThemeOverview, kind: MeasureKind) -> Measure {
        Measure::new(
            &f.theme,
            kind,
            f.total,
            f.previous_total,
            f.three_years_earlier_total,
            f.dispersion,
        )
    }

    /// Whether the change on last year is statistically real.
    pub fn is_real_change(&self) -> bool {
        self.one_year.as_ref().is_some_and(|t| t.significant)
    }
}

/// "Violence and sexual offences" → "violence and sexual offences"; acronyms stay ("ASB").
fn sentence_case_phrase(label: &str) -> String {
    let mut words = label.split(' ');
    let first = words.next().unwrap_or_default();
    let is_acronym = first.len() > 1 && first.chars().all(|c| c.is_ascii_uppercase());
    let first = if is_acronym {
        first.to_string()
    } else {
        first.to_lowercase()
    };
    std::iter::once(first)
        .chain(words.map(String::from))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A partner dataset's measure, as a table row names it, and its count in one year's figures.
fn partner_measure_of(figures: &PartnerFigures) -> (&'static str, i64) {
    match figures {
        PartnerFigures::DomesticAbuse(f) => ("Domestic abuse incidents", f.incidents),
        PartnerFigures::Marac(f) => ("MARAC cases discussed", f.cases),
        PartnerFigures::AsbCases(f) => ("Council ASB cases opened", f.opened),
        PartnerFigures::Treatment(f) => {
            ("People in drug or alcohol treatment", f.total.in_treatment)
        }
    }
}

/// The partner measures the file holds, for `fy` in the area (domestic abuse and council
/// ASB cases follow the area; MARAC and treatment cover the whole partnership area): each
/// dataset's measure when `fy` is fully held, with the years one and three back that are.
pub fn partner_measures(inputs: &PartnerInputs<'_>, fy: FinancialYear) -> Vec<Measure> {
    let back = |n: u32| FinancialYear(fy.0.saturating_sub(n));
    PartnerLayout::ALL
        .into_iter()
        .filter(|layout| inputs.rows.holds(*layout))
        .filter_map(|layout| {
            let analysis = analysis_of(layout);
            let held: BTreeSet<u32> = (analysis.months)(inputs.rows).into_iter().collect();
            let count = |year: FinancialYear| {
                is_complete(year, &held)
                    .then(|| partner_measure_of(&(analysis.figures)(inputs, year)))
            };
            let (label, current) = count(fy)?;
            Some(Measure::new(
                label,
                MeasureKind::Partner,
                current,
                count(back(1)).map(|(_, n)| n),
                count(back(3)).map(|(_, n)| n),
                None,
            ))
        })
        .collect()
}

/// The largest real rises and falls on last year among `measures` (crime types, groups,
/// partner measures), biggest change in number first, at most `n` of each.
pub fn largest_real_changes(measures: &[Measure], n: usize) -> (Vec<&Measure>, Vec<&Measure>) {
    let change = |m: &Measure| m.one_year.as_ref().map_or(0, |t| t.change);
    let candidates: Vec<&Measure> = measures
        .iter()
        .filter(|m| {
            matches!(
                m.kind,
                MeasureKind::CrimeType | MeasureKind::Group | MeasureKind::Partner
            ) && m.is_real_change()
        })
        .collect();
    let mut rises: Vec<&Measure> = candidates
        .iter()
        .copied()
        .filter(|m| change(m) > 0)
        .collect();
    rises.sort_by(|a, b| change(b).cmp(&change(a)).then(a.label.cmp(&b.label)));
    rises.truncate(n);
    let mut falls: Vec<&Measure> = candidates
        .iter()
        .copied()
        .filter(|m| change(m) < 0)
        .collect();
    falls.sort_by(|a, b| change(a).cmp(&change(b)).then(a.label.cmp(&b.label)));
    falls.truncate(n);
    (rises, falls)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(label: &str, kind: MeasureKind, current: i64, previous: i64) -> Measure {
        Measure::new(label, kind, current, Some(previous), None, None)
    }

    #[test]
    fn the_largest_real_changes_leave_out_chance_and_the_headline_themes() {
        let measures = vec![
            measure("All recorded crime", MeasureKind::AllCrime, 2000, 1000),
            measure("Burglary", MeasureKind::CrimeType, 300, 200),
            measure("Robbery", MeasureKind::CrimeType, 60, 50),
            measure("Shoplifting", MeasureKind::CrimeType, 900, 600),
            measure("Vehicle crime", MeasureKind::CrimeType, 100, 200),
            measure("Domestic abuse incidents", MeasureKind::Partner, 1500, 1400),
        ];
        let (rises, falls) = largest_real_changes(&measures, 2);
        let names = |v: &[&Measure]| v.iter().map(|m| m.label.clone()).collect::<Vec<_>>();
        assert_eq!(names(&rises), vec!["Shoplifting", "Burglary"]);
        assert_eq!(names(&falls), vec!["Vehicle crime"]);
        assert_eq!(measures[5].phrase, "domestic abuse incidents");
        assert_eq!(sentence_case_phrase("ASB cases"), "ASB cases");
    }
}
