//! The priorities section: the issues ranked by weighted score (the full matrix, one
//! column per criterion, is a published table too wide for a page), the weights used, what
//! the confidence grades mean, and each priority the partnership chose with its lead and
//! narrative. No scored issue: no section.

use super::writer::{narrative_blocks, ContentWriter};
use super::ContentBlock;
use crate::analysis::priority::{rank_issues, weight_of, PriorityIssue, CRITERIA};
use crate::report::numbers::how_many;
use crate::report::table::{ReportTable, TableCell};
use std::collections::BTreeMap;

/// The ranking as the document shows it: rank, issue, weighted score, share of the
/// maximum, confidence, and whether the partnership chose it.
fn ranking_table(issues: &[PriorityIssue], weights: &BTreeMap<String, f64>) -> ReportTable {
    let rows = rank_issues(issues, weights)
        .iter()
        .map(|r| {
            let chosen = issues.iter().any(|i| i.id == r.id && i.chosen);
            vec![
                TableCell::Whole(Some(r.rank as i64)),
                TableCell::Text(r.name.clone()),
                TableCell::Decimal(Some(r.total)),
                TableCell::Percent(Some(r.percent_of_max)),
                TableCell::Text(r.confidence.letter().into()),
                TableCell::Text(if chosen { "Yes" } else { "No" }.into()),
            ]
        })
        .collect();
    ReportTable {
        slug: "priority_ranking".into(),
        title: "Priority matrix: issues ranked by weighted score".into(),
        columns: vec![
            "Rank".into(),
            "Issue".into(),
            "Weighted score".into(),
            "Share of the maximum".into(),
            "Confidence".into(),
            "Chosen".into(),
        ],
        rows,
        total_row: false,
        sensitive: false,
        total_published_elsewhere: false,
    }
}

/// The whole matrix: rank, issue, one column per criterion, total, share of the maximum,
/// confidence.
pub fn matrix_table(issues: &[PriorityIssue], weights: &BTreeMap<String, f64>) -> ReportTable {
    let ranked = rank_issues(issues, weights);
    let mut columns = vec!["Rank".to_string(), "Issue".to_string()];
    columns.extend(CRITERIA.iter().map(|c| c.label.to_string()));
    columns.extend(["Total".into(), "% of maximum".into(), "Confidence".into()]);
    let rows = ranked
        .iter()
        .filter_map(|r| {
            let issue = issues.iter().find(|i| i.id == r.id)?;
            let mut row = vec![
                TableCell::Whole(Some(r.rank as i64)),
                TableCell::Text(r.name.clone()),
            ];
            row.extend(CRITERIA.iter().map(|c| {
                TableCell::Whole(Some(i64::from(
                    issue.scores.get(c.key).copied().unwrap_or(0),
                )))
            }));
            row.push(TableCell::Decimal(Some(r.total)));
            row.push(TableCell::Decimal(Some(r.percent_of_max)));
            row.push(TableCell::Text(r.confidence.letter().into()));
            Some(row)
        })
        .collect();
    ReportTable {
        slug: "priority_matrix".into(),
        title: "Priority matrix: scores by criterion".into(),
        columns,
        rows,
        total_row: false,
        sensitive: false,
        total_published_elsewhere: false,
    }
}

pub fn priority_blocks(
    w: &mut ContentWriter,
    issues: &[PriorityIssue],
    weights: &BTreeMap<String, f64>,
) -> Vec<ContentBlock> {
    if issues.is_empty() {
        return Vec::new();
    }
    let ranked = rank_issues(issues, weights);
    let mut blocks = vec![ContentBlock::Paragraph(format!(
        "{} issues were scored from 0 (none) to 4 (critical) on each of {} criteria of threat, risk and harm, in the MoRiLE style; volume and trend are scored from the data where the issue is a theme. The weighted total ranks them; the scores on each criterion are in the tables published with this document.",
        issues.len(),
        how_many(CRITERIA.len())
    ))];
    blocks.push(w.table(&ranking_table(issues, weights)));
    let weights_text: Vec<String> = CRITERIA
        .iter()
        .map(|c| {
            format!(
                "{} ×{}",
                c.label.to_lowercase(),
                trim_weight(weight_of(weights, c))
            )
        })
        .collect();
    blocks.push(ContentBlock::Note(format!(
        "Weights: {}. Confidence: A good data; B some gaps in the data; C mostly professional judgement.",
        weights_text.join(", ")
    )));
    // Every criterion's score is in the published tables; a page cannot hold 14 columns.
    w.csv_only_table(&matrix_table(issues, weights));
    let chosen: Vec<&PriorityIssue> = ranked
        .iter()
        .filter_map(|r| issues.iter().find(|i| i.id == r.id && i.chosen))
        .collect();
    if !chosen.is_empty() {
        blocks.push(ContentBlock::Paragraph(format!(
            "The partnership chose {} of them as its priorities for the coming year.",
            how_many(chosen.len())
        )));
        for issue in chosen {
            blocks.push(ContentBlock::SubHeading(format!(
                "Priority: {}",
                issue.name
            )));
            if !issue.lead.trim().is_empty() {
                blocks.push(ContentBlock::Paragraph(format!(
                    "Lead: {}.",
                    issue.lead.trim().trim_end_matches('.')
                )));
            }
            blocks.extend(narrative_blocks(&issue.narrative));
        }
    }
    blocks
}

/// The names of the chosen priorities in rank order; when none is chosen, the
/// `top` highest-ranked issues. The flag says whether they were chosen.
pub fn priority_names(
    issues: &[PriorityIssue],
    weights: &BTreeMap<String, f64>,
    top: usize,
) -> (Vec<String>, bool) {
    let ranked = rank_issues(issues, weights);
    let chosen: Vec<String> = ranked
        .iter()
        .filter(|r| issues.iter().any(|i| i.id == r.id && i.chosen))
        .map(|r| r.name.clone())
        .collect();
    if chosen.is_empty() {
        (
            ranked.iter().take(top).map(|r| r.name.clone()).collect(),
            false,
        )
    } else {
        (chosen, true)
    }
}

/// `1.0` → `1`, `1.5` → `1.5`.
fn trim_weight(w: f64) -> String {
    let text = format!("{w:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
