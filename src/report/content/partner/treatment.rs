//! The report's drug and alcohol treatment section: people in treatment, new
//! presentations, successful completions and re-presentations by substance group, and how
//! a year is counted. Each measure's groups add up to its total (the table's last row and
//! the text), planned as one disclosure system; a completion rate — in the table or on a
//! chart's bar — is published only where its completions and people in treatment are.
//! Sums over cells the source suppressed are lower bounds ("≥"), never understated counts.

use super::super::writer::ContentWriter;
use super::super::ContentBlock;
use super::{
    count_cell, disclosure_note, earlier_cell, pct, share_cell, MeasureYears, PartnerSection,
    PlannedBars, PlannedHeadline,
};
use crate::analysis::partner::treatment::TreatmentGroupYear;
use crate::analysis::partner::PartnerFigures;
use crate::analysis::partner::TreatmentFigures;
use crate::import::partner::PartnerLayout;
use crate::report::disclosure::plan::{CellId, DisclosurePlan, DisclosureSystem};
use crate::report::disclosure::Shown;
use crate::report::table::{ReportTable, TableCell};

pub const SECTION: PartnerSection = PartnerSection {
    layout: PartnerLayout::Treatment,
    title: "Drug and alcohol treatment",
    blocks: |w, figures, years| match figures {
        PartnerFigures::Treatment(f) => treatment_blocks(w, f, years),
        _ => Vec::new(),
    },
    headline: |threshold, figures, years| match figures {
        PartnerFigures::Treatment(f) => Some(treatment_plan(threshold, f, years).3),
        _ => None,
    },
};

/// One row's cells: in treatment, new presentations, completions, re-presentations.
#[derive(Debug, Clone, Copy)]
struct RowCells {
    in_treatment: CellId,
    new: CellId,
    completions: CellId,
    back: CellId,
}

fn row_cells(s: &mut DisclosureSystem, g: &TreatmentGroupYear) -> RowCells {
    let a = g.suppressed_at_source;
    let name = &g.substance_group;
    RowCells {
        in_treatment: s.partly_known(
            format!("{name}: in treatment"),
            g.in_treatment,
            a.in_treatment,
        ),
        new: s.partly_known(
            format!("{name}: new presentations"),
            g.new_presentations,
            a.new_presentations,
        ),
        completions: s.partly_known(
            format!("{name}: successful completions"),
            g.successful_completions,
            a.successful_completions,
        ),
        back: s.partly_known(
            format!("{name}: re-presentations"),
            g.re_presentations,
            a.re_presentations,
        ),
    }
}

/// The section's system planned, with the years the people in treatment are compared with
/// elsewhere in the export (cells of their own: the section gives no other year).
fn treatment_plan<'f>(
    threshold: i64,
    f: &'f TreatmentFigures,
    years: &MeasureYears,
) -> (
    Vec<(&'f TreatmentGroupYear, RowCells)>,
    RowCells,
    DisclosurePlan,
    PlannedHeadline,
) {
    let mut s = DisclosureSystem::new(threshold);
    let groups: Vec<(&TreatmentGroupYear, RowCells)> =
        f.groups.iter().map(|g| (g, row_cells(&mut s, g))).collect();
    let total = row_cells(&mut s, &f.total);
    let column = |pick: fn(&RowCells) -> CellId| -> Vec<CellId> {
        groups.iter().map(|(_, c)| pick(c)).collect()
    };
    let columns = [
        (total.in_treatment, column(|c| c.in_treatment)),
        (total.new, column(|c| c.new)),
        (total.completions, column(|c| c.completions)),
        (total.back, column(|c| c.back)),
    ];
    for (whole, parts) in columns {
        s.line(whole, &parts);
    }
    let previous = earlier_cell(&mut s, "in treatment", None, years.previous.as_ref());
    let three_back = earlier_cell(&mut s, "in treatment", None, years.three_back.as_ref());
    let plan = s.plan();
    let headline = PlannedHeadline {
        rate_pct: plan.share(total.completions, total.in_treatment),
        ..PlannedHeadline::of(&plan, total.in_treatment, previous, three_back)
    };
    (groups, total, plan, headline)
}

fn treatment_blocks(
    w: &mut ContentWriter,
    f: &TreatmentFigures,
    years: &MeasureYears,
) -> Vec<ContentBlock> {
    let (groups, total, plan, _) = treatment_plan(w.threshold, f, years);

    let mut blocks = vec![ContentBlock::Paragraph(summary(f, &groups, total, &plan))];
    blocks.push(ContentBlock::Note(format!(
        "How the year is counted: {}",
        f.method
    )));
    let rated: Vec<_> = groups
        .iter()
        .filter(|(g, _)| g.completion_rate_pct.is_some())
        .collect();
    if !rated.is_empty() {
        blocks.push(
            w.figure(
                PlannedBars {
                    title: "Successful completions by substance group".into(),
                    subtitle: format!("Share of people in treatment, {}", f.financial_year),
                    y_label: "Successful completions (%)",
                    source:
                        "Source: drug and alcohol treatment returns (NDTMS-style partner extract)",
                    categories: rated
                        .iter()
                        .map(|(g, _)| g.substance_group.clone())
                        .collect(),
                    values: rated
                        .iter()
                        .map(|(_, c)| plan.share(c.completions, c.in_treatment))
                        .collect(),
                }
                .figure(),
            ),
        );
    }
    let row = |g: &TreatmentGroupYear, c: &RowCells| {
        let change = match plan.share(c.completions, c.in_treatment) {
            Some(_) => TableCell::Decimal(g.completion_rate_change_points),
            None if plan.shown(c.completions).is_suppressed() => {
                TableCell::Planned(Shown::Withheld)
            }
            None => TableCell::Decimal(None),
        };
        vec![
            TableCell::Text(g.substance_group.clone()),
            count_cell(&plan, c.in_treatment),
            count_cell(&plan, c.new),
            count_cell(&plan, c.completions),
            share_cell(&plan, c.completions, c.in_treatment),
            change,
            count_cell(&plan, c.back),
        ]
    };
    let mut rows: Vec<Vec<TableCell>> = groups.iter().map(|(g, c)| row(g, c)).collect();
    rows.push(row(&f.total, &total));
    blocks.push(w.table(&ReportTable {
        slug: "treatment_by_substance".into(),
        title: format!(
            "Drug and alcohol treatment by substance group, {}",
            f.financial_year
        ),
        columns: vec![
            "Substance group".into(),
            "In treatment".into(),
            "New presentations".into(),
            "Successful completions".into(),
            "Completion rate".into(),
            "Change on last year (points)".into(),
            "Re-presentations within 6 months".into(),
        ],
        rows,
        total_row: true,
        sensitive: true,
        total_published_elsewhere: false,
    }));
    blocks.extend(disclosure_note(&plan));
    blocks
}

/// The opening paragraph: the totals as the plan allows, and which groups' published
/// completion rates are lowest and highest (only from rates that may be published).
fn summary(
    f: &TreatmentFigures,
    groups: &[(&TreatmentGroupYear, RowCells)],
    total: RowCells,
    plan: &DisclosurePlan,
) -> String {
    let mut text = format!("In {}", f.financial_year);
    match plan.words(total.in_treatment) {
        Some(n) => text.push_str(&format!(", {n} people were in drug or alcohol treatment")),
        None => text.push_str(", people were in drug or alcohol treatment"),
    }
    let mut with: Vec<String> = Vec::new();
    with.extend(
        plan.words(total.new)
            .map(|n| format!("{n} new presentations")),
    );
    with.extend(
        plan.words(total.completions)
            .map(|n| format!("{n} successful completions")),
    );
    if !with.is_empty() {
        text.push_str(&format!(", with {}", with.join(" and ")));
    }
    if let Some(p) = plan.share(total.completions, total.in_treatment) {
        text.push_str(&format!(" ({} of those in treatment completed)", pct(p)));
    }
    text.push('.');
    let mut rates: Vec<(&str, f64)> = groups
        .iter()
        .filter_map(|(g, c)| {
            plan.share(c.completions, c.in_treatment)
                .map(|p| (g.substance_group.as_str(), p))
        })
        .collect();
    rates.sort_by(|a, b| a.1.total_cmp(&b.1));
    if let (Some(low), Some(high)) = (rates.first(), rates.last()) {
        if rates.len() > 1 && low.1 < high.1 {
            text.push_str(&format!(
                " Of the substance groups whose rates can be published, {} clients completed least often ({}) and {} clients most often ({}).",
                low.0,
                pct(low.1),
                high.0,
                pct(high.1)
            ));
        }
    }
    text
}
