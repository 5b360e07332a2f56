//! The report's drug and alcohol treatment section: people in treatment, new
//! presentations and successful completions by substance group, and how a year is counted.

use super::super::writer::ContentWriter;
use super::super::ContentBlock;
use super::PartnerSection;
use super::{bars, pct};
use crate::analysis::partner::PartnerFigures;
use crate::analysis::partner::TreatmentFigures;
use crate::import::partner::PartnerLayout;
use crate::report::format::thousands;
use crate::report::table::{ReportTable, TableCell};

pub const SECTION: PartnerSection = PartnerSection {
    layout: PartnerLayout::Treatment,
    title: "Drug and alcohol treatment",
    blocks: |w, figures| match figures {
        PartnerFigures::Treatment(f) => treatment_blocks(w, f),
        _ => Vec::new(),
    },
};

fn treatment_blocks(w: &mut ContentWriter, f: &TreatmentFigures) -> Vec<ContentBlock> {
    let t = &f.total;
    let mut blocks = vec![ContentBlock::Paragraph(format!(
        "In {}, {} people were in drug or alcohol treatment, with {} new presentations and {} successful completions ({} of those in treatment). Rates differ most by substance: opiate clients complete least often.",
        f.financial_year,
        thousands(t.in_treatment),
        thousands(t.new_presentations),
        thousands(t.successful_completions),
        pct(t.completion_rate_pct),
    ))];
    blocks.push(ContentBlock::Note(format!(
        "How the year is counted: {}",
        f.method
    )));
    let rated: Vec<_> = f
        .groups
        .iter()
        .filter(|g| g.completion_rate_pct.is_some())
        .collect();
    if !rated.is_empty() {
        blocks.push(
            w.figure(bars(
                "Successful completions by substance group".into(),
                format!("Share of people in treatment, {}", f.financial_year),
                "Successful completions (%)",
                "Source: drug and alcohol treatment returns (NDTMS-style partner extract)",
                rated.iter().map(|g| g.substance_group.clone()).collect(),
                rated
                    .iter()
                    .map(|g| g.completion_rate_pct.unwrap_or(0.0))
                    .collect(),
            )),
        );
    }
    let row = |g: &crate::analysis::partner::treatment::TreatmentGroupYear| {
        vec![
            TableCell::Text(g.substance_group.clone()),
            TableCell::Count(g.in_treatment),
            TableCell::Count(g.new_presentations),
            TableCell::Count(g.successful_completions),
            TableCell::Percent(g.completion_rate_pct),
            TableCell::Decimal(g.completion_rate_change_points),
            TableCell::Count(g.re_presentations),
        ]
    };
    let mut rows: Vec<Vec<TableCell>> = f.groups.iter().map(row).collect();
    rows.push(row(t));
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
    blocks
}
