//! The report's MARAC section: cases by quarter, the repeat rate and cases per 10,000 women
//! against the SafeLives benchmarks, and where referrals came from — planned as one
//! disclosure system: each measure's quarters add up to its year (published in the text
//! as a count or a share), and where referrals from the police and other agencies add up
//! to the cases discussed, a reader may use that too. Counts the source suppressed are
//! never zero: they are "*", and the year's sums over them are lower bounds.

use super::super::writer::ContentWriter;
use super::super::ContentBlock;
use super::{
    change_sentence, count_cell, disclosure_note, earlier_cell, pct, share_cell, MeasureYears,
    PartnerSection, PlannedBars, PlannedHeadline,
};
use crate::analysis::partner::marac::MaracQuarterRow;
use crate::analysis::partner::MaracFigures;
use crate::analysis::partner::PartnerFigures;
use crate::analysis::rates::percent_of;
use crate::import::partner::PartnerLayout;
use crate::report::disclosure::plan::{CellId, DisclosurePlan, DisclosureSystem};
use crate::report::table::{ReportTable, TableCell};

pub const SECTION: PartnerSection = PartnerSection {
    layout: PartnerLayout::Marac,
    title: "MARAC (high-risk domestic abuse)",
    blocks: |w, figures, years| match figures {
        PartnerFigures::Marac(f) => marac_blocks(w, f, years),
        _ => Vec::new(),
    },
    headline: |threshold, figures, years| match figures {
        PartnerFigures::Marac(f) => Some(marac_plan(threshold, f, years).2),
        _ => None,
    },
};

/// The four counts of a quarter or a year.
#[derive(Debug, Clone, Copy)]
struct Measures<T> {
    cases: T,
    repeats: T,
    police: T,
    other: T,
}

struct MaracCells {
    quarters: Vec<(String, Measures<Option<CellId>>)>,
    year: Measures<CellId>,
    previous: Option<CellId>,
}

/// A quarter's count: the count, "*" when the source suppressed it, or nothing when the
/// file has no such column.
fn quarter_cell(
    s: &mut DisclosureSystem,
    key: String,
    value: Option<i64>,
    at_source: bool,
) -> Option<CellId> {
    match (value, at_source) {
        (Some(n), _) => Some(s.cell(key, n)),
        (None, true) => Some(s.partly_known(key, 0, true)),
        (None, false) => None,
    }
}

fn marac_cells(s: &mut DisclosureSystem, f: &MaracFigures) -> MaracCells {
    let quarters: Vec<(String, Measures<Option<CellId>>)> = f
        .by_quarter
        .iter()
        .map(|q: &MaracQuarterRow| {
            let a = q.suppressed_at_source;
            let name = &q.quarter;
            let m = Measures {
                cases: quarter_cell(s, format!("cases {name}"), q.cases, a.cases),
                repeats: quarter_cell(s, format!("repeats {name}"), q.repeat_cases, a.repeat_cases),
                police: quarter_cell(
                    s,
                    format!("police referrals {name}"),
                    q.referrals_from_police,
                    a.referrals_from_police,
                ),
                other: quarter_cell(
                    s,
                    format!("other referrals {name}"),
                    q.referrals_from_other_agencies,
                    a.referrals_from_other_agencies,
                ),
            };
            (name.clone(), m)
        })
        .collect();
    let any = |pick: fn(&MaracQuarterRow) -> bool| f.by_quarter.iter().any(pick);
    let year = Measures {
        cases: s.partly_known("cases", f.cases, any(|q| q.suppressed_at_source.cases)),
        repeats: s.partly_known(
            "repeat cases",
            f.repeat_cases,
            any(|q| q.suppressed_at_source.repeat_cases),
        ),
        police: s.partly_known(
            "police referrals",
            f.referrals_from_police,
            any(|q| q.suppressed_at_source.referrals_from_police),
        ),
        other: s.partly_known(
            "other referrals",
            f.referrals_from_other_agencies,
            any(|q| q.suppressed_at_source.referrals_from_other_agencies),
        ),
    };
    let column = |pick: fn(&Measures<Option<CellId>>) -> Option<CellId>| -> Vec<CellId> {
        quarters.iter().filter_map(|(_, m)| pick(m)).collect()
    };
    let columns = [
        (year.cases, column(|m| m.cases)),
        (year.repeats, column(|m| m.repeats)),
        (year.police, column(|m| m.police)),
        (year.other, column(|m| m.other)),
    ];
    for (whole, parts) in columns {
        s.line(whole, &parts);
    }
    for (name, m) in &quarters {
        if let (Some(cases), Some(repeats)) = (m.cases, m.repeats) {
            let first = s.unprinted(
                format!("first-time cases {name}"),
                s.value(cases) - s.value(repeats),
            );
            s.line_if_it_holds(cases, &[repeats, first]);
        }
        if let (Some(cases), Some(police), Some(other)) = (m.cases, m.police, m.other) {
            s.line_if_it_holds(cases, &[police, other]);
        }
    }
    let first = s.unprinted("first-time cases", f.cases - f.repeat_cases);
    s.line_if_it_holds(year.cases, &[year.repeats, first]);
    s.line_if_it_holds(year.cases, &[year.police, year.other]);
    let previous = f.change.previous.map(|p| s.cell("cases last year", p));
    MaracCells {
        quarters,
        year,
        previous,
    }
}

/// The section's system planned, with the years the cases are compared with elsewhere in
/// the export (last year's is the section's own).
fn marac_plan(
    threshold: i64,
    f: &MaracFigures,
    years: &MeasureYears,
) -> (MaracCells, DisclosurePlan, PlannedHeadline) {
    let mut system = DisclosureSystem::new(threshold);
    let c = marac_cells(&mut system, f);
    let previous = earlier_cell(&mut system, "cases", c.previous, years.previous.as_ref());
    let three_back = earlier_cell(&mut system, "cases", None, years.three_back.as_ref());
    let plan = system.plan();
    let headline = PlannedHeadline::of(&plan, c.year.cases, previous, three_back);
    (c, plan, headline)
}

fn marac_blocks(
    w: &mut ContentWriter,
    f: &MaracFigures,
    years: &MeasureYears,
) -> Vec<ContentBlock> {
    let (c, plan, _) = marac_plan(w.threshold, f, years);
    let mut blocks = vec![ContentBlock::Paragraph(summary(f, &c, &plan))];
    let charted: Vec<_> = c.quarters.iter().filter(|q| q.1.cases.is_some()).collect();
    if !charted.is_empty() {
        blocks.push(
            w.figure(
                PlannedBars {
                    title: "MARAC cases by quarter".into(),
                    subtitle: format!("Financial year {}", f.financial_year),
                    y_label: "Cases discussed",
                    source: "Source: MARAC quarterly returns (partner extract)",
                    categories: charted.iter().map(|q| q.0.clone()).collect(),
                    values: charted
                        .iter()
                        .map(|q| q.1.cases.and_then(|id| plan.bar(id)))
                        .collect(),
                }
                .figure(),
            ),
        );
    }
    blocks.push(w.table(&quarter_table(&c, &plan)));
    blocks.extend(disclosure_note(&plan));
    blocks
}

fn summary(f: &MaracFigures, c: &MaracCells, plan: &DisclosurePlan) -> String {
    let y = c.year;
    let mut text = match plan.words(y.cases) {
        Some(n) => format!(
            "In {} the MARAC discussed {n} cases over {} quarters.",
            f.financial_year, f.quarters_held
        ),
        None => format!(
            "In {} the MARAC met over {} quarters.",
            f.financial_year, f.quarters_held
        ),
    };
    text.push(' ');
    text.push_str(&change_sentence(plan, &f.change, c.previous, y.cases));
    if let Some(p) = plan.share(y.repeats, y.cases) {
        text.push_str(&format!(
            " {} were repeat cases, against the SafeLives benchmark of about {:.0}%.",
            pct(p),
            f.repeat_benchmark_pct
        ));
    }
    if let (Some(_), Some(rate)) = (plan.exact(y.cases), f.cases_per_10000_women) {
        text.push_str(&format!(
            " That is {rate:.1} cases per 10,000 women aged 16 and over, against the SafeLives benchmark of about {:.0}.",
            f.cases_per_10000_benchmark
        ));
    }
    if let (Some(police), Some(other)) = (plan.exact(y.police), plan.exact(y.other)) {
        if let Some(p) = percent_of(police, police + other) {
            text.push_str(&format!(" {} of referrals came from the police.", pct(p)));
        }
    }
    text
}

fn quarter_table(c: &MaracCells, plan: &DisclosurePlan) -> ReportTable {
    let count = |id: Option<CellId>| id.map_or(TableCell::Whole(None), |id| count_cell(plan, id));
    ReportTable {
        slug: "marac_by_quarter".into(),
        title: "MARAC cases by quarter".into(),
        columns: vec![
            "Quarter".into(),
            "Cases".into(),
            "Repeat cases".into(),
            "Repeat rate".into(),
            "Referrals from police".into(),
            "From other agencies".into(),
        ],
        rows: c
            .quarters
            .iter()
            .map(|(name, m)| {
                let rate = match (m.repeats, m.cases) {
                    (Some(r), Some(n)) => share_cell(plan, r, n),
                    _ => TableCell::Percent(None),
                };
                vec![
                    TableCell::Text(name.clone()),
                    count(m.cases),
                    count(m.repeats),
                    rate,
                    count(m.police),
                    count(m.other),
                ]
            })
            .collect(),
        total_row: false,
        sensitive: true,
        total_published_elsewhere: false,
    }
}
