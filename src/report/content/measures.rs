//! Every measure the assessment reports a change for — all crime, ASB, each crime type,
//! each theme group, and the partner measures (domestic abuse incidents, MARAC cases,
//! council ASB cases opened, people in treatment) — with its level this year and its
//! change on one and on three years earlier, each tested with the same exact test. The
//! executive summary picks the largest real changes from these; the crime-type and
//! partner tables print them. A partner measure holds only what its theme's disclosure plan
//! publishes: its count as planned, and a change only where both years' counts are
//! published exactly.

use super::partner::{section_of, EarlierYear, MeasureYears, PlannedHeadline};
use crate::analysis::change::{test_change_with_dispersion, ChangeTest};
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::overview::ThemeOverview;
use crate::analysis::partner::common::is_complete;
use crate::analysis::partner::headlines::PartnerHeadlines;
use crate::analysis::partner::{analysis_of, PartnerFigures, PartnerInputs};
use crate::import::partner::PartnerLayout;
use crate::report::disclosure::Shown;
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
    /// A partner measure's count as its theme's disclosure plan publishes it (`current`
    /// is then the exact count, or 0 when the plan hides it); `None` for police measures.
    pub planned: Option<Shown>,
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
            planned: None,
        }
    }

    /// A partner measure from its planned headline: changes only between counts the plan
    /// publishes exactly, tested with the exact Poisson test.
    pub fn of_partner(label: &str, headline: &PlannedHeadline) -> Measure {
        let exact = |shown: Option<Shown>| match shown {
            Some(Shown::Count(n)) => Some(n),
            _ => None,
        };
        let current = exact(Some(headline.current));
        let compared = |year: Option<Shown>| current.and(exact(year));
        Measure {
            planned: Some(headline.current),
            ..Measure::new(
                label,
                MeasureKind::Partner,
                current.unwrap_or(0),
                compared(headline.previous),
                compared(headline.three_back),
                None,
            )
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

/// A partner dataset's measure, as a table row names it, its count in one year's figures,
/// and whether the partner suppressed part of that count in its file; `None` for partner
/// indicators, which are many measures, each shown as the partner sent it.
fn partner_measure_of(figures: &PartnerFigures) -> Option<(&'static str, i64, bool)> {
    Some(match figures {
        PartnerFigures::DomesticAbuse(f) => ("Domestic abuse incidents", f.incidents, false),
        PartnerFigures::Marac(f) => (
            "MARAC cases discussed",
            f.cases,
            f.by_quarter.iter().any(|q| q.suppressed_at_source.cases),
        ),
        PartnerFigures::AsbCases(f) => ("Council ASB cases opened", f.opened, false),
        PartnerFigures::Treatment(f) => (
            "People in drug or alcohol treatment",
            f.total.in_treatment,
            f.total.suppressed_at_source.in_treatment,
        ),
        PartnerFigures::Indicators(_) => return None,
    })
}

/// The partner datasets the file holds whose measure `fy` has in full (domestic abuse and
/// council ASB cases follow the area; MARAC and treatment cover the whole partnership
/// area): each with its measure's label and the years one and three back that are fully
/// held too, for the sections to plan with their own counts.
pub fn partner_measure_years(
    inputs: &PartnerInputs<'_>,
    fy: FinancialYear,
) -> Vec<(PartnerLayout, &'static str, MeasureYears)> {
    PartnerLayout::ALL
        .into_iter()
        .filter(|layout| inputs.rows.holds(*layout))
        .filter_map(|layout| {
            let analysis = analysis_of(layout);
            let held: BTreeSet<u32> = (analysis.months)(inputs.rows).into_iter().collect();
            let year = |back: u32| {
                let year = FinancialYear(fy.0.saturating_sub(back));
                if !is_complete(year, &held) {
                    return None;
                }
                let (label, count, at_least) =
                    partner_measure_of(&(analysis.figures)(inputs, year))?;
                Some((
                    label,
                    EarlierYear {
                        label: year.label(),
                        count,
                        at_least,
                    },
                ))
            };
            let (label, _) = year(0)?;
            Some((
                layout,
                label,
                MeasureYears {
                    previous: year(1).map(|y| y.1),
                    three_back: year(3).map(|y| y.1),
                },
            ))
        })
        .collect()
}

/// The years `layout`'s measure is compared with (none when its year is not fully held).
pub fn years_of(
    compared: &[(PartnerLayout, &'static str, MeasureYears)],
    layout: PartnerLayout,
) -> MeasureYears {
    compared
        .iter()
        .find(|(l, ..)| *l == layout)
        .map(|(.., years)| years.clone())
        .unwrap_or_default()
}

/// Every held partner dataset's headline as its section's plan publishes it (planned with
/// the years its measure is compared with), and the partner measures of the datasets whose
/// year is fully held.
pub fn planned_partners(
    partners: &PartnerHeadlines,
    compared: &[(PartnerLayout, &'static str, MeasureYears)],
    threshold: i64,
) -> (Vec<(PartnerLayout, PlannedHeadline)>, Vec<Measure>) {
    let headlines: Vec<(PartnerLayout, PlannedHeadline)> = partners
        .0
        .iter()
        .filter_map(|(layout, figures)| {
            let years = years_of(compared, *layout);
            (section_of(*layout).headline)(threshold, figures, &years).map(|h| (*layout, h))
        })
        .collect();
    let measures = compared
        .iter()
        .filter_map(|(layout, label, _)| {
            let (_, headline) = headlines.iter().find(|(l, _)| l == layout)?;
            Some(Measure::of_partner(label, headline))
        })
        .collect();
    (headlines, measures)
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
