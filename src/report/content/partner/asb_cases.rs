//! The report's council ASB cases section: cases opened, repeats, long-running cases,
//! categories, actions and top wards, beside (never added to) police-recorded ASB. The
//! year's cases opened are the whole of the month, category, action and ward breakdowns,
//! planned as one disclosure system before anything is worded.

use super::super::writer::ContentWriter;
use super::super::ContentBlock;
use super::{
    breakdown_cells, breakdown_table, capitalised, change_sentence, disclosure_note, earlier_cell,
    flag_cell, share_clause, ward_block, ward_cells, MeasureYears, PartnerSection, PlannedBars,
    PlannedHeadline,
};
use crate::analysis::partner::common::WardRate;
use crate::analysis::partner::AsbCaseFigures;
use crate::analysis::partner::PartnerFigures;
use crate::import::partner::PartnerLayout;
use crate::report::disclosure::plan::{CellId, DisclosurePlan, DisclosureSystem};
use crate::report::format::thousands;

pub const SECTION: PartnerSection = PartnerSection {
    layout: PartnerLayout::AsbCases,
    title: "Council ASB cases",
    blocks: |w, figures, years| match figures {
        PartnerFigures::AsbCases(f) => asb_case_blocks(w, f, years),
        _ => Vec::new(),
    },
    headline: |threshold, figures, years| match figures {
        PartnerFigures::AsbCases(f) => Some(asb_case_plan(threshold, f, years).2),
        _ => None,
    },
};

/// Every count the section publishes, as cells of one system.
struct AsbCells {
    opened: CellId,
    repeat: CellId,
    long_running: CellId,
    previous: Option<CellId>,
    months: Vec<(String, CellId)>,
    categories: Vec<(String, CellId)>,
    actions: Vec<(String, CellId)>,
    wards: Vec<(WardRate, CellId)>,
}

/// The section's system planned, with the years the cases opened are compared with
/// elsewhere in the export (last year's is the section's own).
fn asb_case_plan(
    threshold: i64,
    f: &AsbCaseFigures,
    years: &MeasureYears,
) -> (AsbCells, DisclosurePlan, PlannedHeadline) {
    let mut s = DisclosureSystem::new(threshold);
    let opened = s.cell("cases opened", f.opened);
    let repeat = flag_cell(&mut s, "repeat cases", f.repeat_cases, opened);
    let long_running = s.cell("open over 90 days", f.open_over_90_days);
    let previous = f
        .change
        .previous
        .map(|p| s.cell("cases opened last year", p));
    let months: Vec<_> = f
        .months
        .iter()
        .map(|m| {
            (
                m.month.clone(),
                s.cell(format!("opened {}", m.month), m.opened),
            )
        })
        .collect();
    if !months.is_empty() {
        let parts: Vec<_> = months.iter().map(|m| m.1).collect();
        s.line(opened, &parts);
    }
    let categories = breakdown_cells(&mut s, "category", &f.by_category, opened);
    let actions = breakdown_cells(&mut s, "action", &f.by_action, opened);
    let wards = ward_cells(&mut s, "ward", &f.top_wards, opened);
    let compared = earlier_cell(&mut s, "cases opened", previous, years.previous.as_ref());
    let three_back = earlier_cell(&mut s, "cases opened", None, years.three_back.as_ref());
    let plan = s.plan();
    let headline = PlannedHeadline::of(&plan, opened, compared, three_back);
    let cells = AsbCells {
        opened,
        repeat,
        long_running,
        previous,
        months,
        categories,
        actions,
        wards,
    };
    (cells, plan, headline)
}

fn asb_case_blocks(
    w: &mut ContentWriter,
    f: &AsbCaseFigures,
    years: &MeasureYears,
) -> Vec<ContentBlock> {
    let (c, plan, _) = asb_case_plan(w.threshold, f, years);
    let mut text = match plan.words(c.opened) {
        Some(n) => format!(
            "In {} the council opened {n} ASB cases in {}.",
            f.financial_year, f.area
        ),
        None => format!(
            "In {} the council opened ASB cases in {}.",
            f.financial_year, f.area
        ),
    };
    text.push(' ');
    text.push_str(&change_sentence(&plan, &f.change, c.previous, c.opened));
    if let Some(clause) = share_clause(&plan, c.repeat, c.opened, "were repeat cases") {
        text.push_str(&format!(" {}.", capitalised(&clause)));
    }
    if let Some(n) = plan.words(c.long_running) {
        text.push_str(&format!(
            " At {}, {n} cases had been open for more than 90 days.",
            f.as_at
        ));
    }
    if let Some(n) = f.police_asb_incidents {
        text.push_str(&format!(" Police recorded {} ASB incidents in the same year and area; the two are different measures and are not added together.", thousands(n)));
    }
    let mut blocks = vec![ContentBlock::Paragraph(text)];
    if !c.months.is_empty() {
        blocks.push(
            w.figure(
                PlannedBars {
                    title: "Council ASB cases opened by month".into(),
                    subtitle: format!("{}, {}", f.area, f.financial_year),
                    y_label: "Cases opened",
                    source: "Source: council ASB case-management system (partner extract)",
                    categories: c.months.iter().map(|m| m.0.clone()).collect(),
                    values: c.months.iter().map(|m| plan.bar(m.1)).collect(),
                }
                .figure(),
            ),
        );
    }
    let fy = &f.financial_year;
    for (slug, title, label, cells) in [
        (
            "asb_cases_by_category",
            format!("Council ASB cases by category, {fy}"),
            "Category",
            &c.categories,
        ),
        (
            "asb_cases_by_action",
            format!("Actions taken on council ASB cases, {fy}"),
            "Action",
            &c.actions,
        ),
    ] {
        blocks.push(w.table(&breakdown_table(&plan, slug, title, label, cells, c.opened)));
    }
    blocks.extend(ward_block(
        w,
        &plan,
        "asb_cases_top_wards",
        format!("Council ASB cases: top wards, {fy}"),
        &c.wards,
        c.opened,
    ));
    blocks.extend(disclosure_note(&plan));
    blocks
}
