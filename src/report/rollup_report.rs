//! The county roll-up from several assessment files (one per district partnership):
//! each file opened read-only, its choices read (its plan's priorities, or the issues of
//! its priority matrix when it has no plan) with its ranked list, counted by
//! `analysis::rollup`; written as CSV and a Word table.

use super::content::{ContentBlock, ReportContent, SectionContent};
use super::document::lay_out;
use super::docx::write_docx;
use super::export::ExportError;
use super::plan_report::write_files;
use super::table::{publish, to_csv, PublishedTable, ReportTable, TableCell};
use crate::analysis::priority::rank_issues;
use crate::analysis::rollup::{roll_up, ChosenIssue, PartnershipChoices, RankedEntry, Rollup};
use crate::store::{Store, StoreError};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum RollupError {
    #[error("a county roll-up needs at least one assessment file")]
    NoFiles,
    #[error("{file}: {source}")]
    File { file: String, source: StoreError },
    #[error(transparent)]
    Export(#[from] ExportError),
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// One partnership's choices, read without changing its file.
pub fn partnership_choices(path: &Path) -> Result<PartnershipChoices, StoreError> {
    let store = Store::open_read_only(path)?;
    let plan = store.action_plan()?;
    let issues = store.priority_issues()?;
    let weights = store.priority_weights()?;
    let area = store.area_of_interest()?;
    let partnership = if !area.ward_codes.is_empty() {
        area.name
    } else {
        match store.districts()?.as_slice() {
            [only] => only.name.clone(),
            _ => path
                .file_stem()
                .map_or_else(|| file_name(path), |s| s.to_string_lossy().into_owned()),
        }
    };
    let ranked_matrix: Vec<RankedEntry> = rank_issues(&issues, &weights)
        .into_iter()
        .map(|r| RankedEntry {
            rank: r.rank,
            issue: r.name,
            score: Some(r.total),
        })
        .collect();
    let (basis, chosen, ranked) = if plan.is_empty() {
        let chosen = issues
            .iter()
            .map(|i| ChosenIssue {
                name: i.name.clone(),
                theme_key: i.theme_key.clone(),
            })
            .collect();
        ("priority_matrix", chosen, ranked_matrix)
    } else {
        let chosen: Vec<ChosenIssue> = plan
            .priorities
            .iter()
            .map(|p| ChosenIssue {
                name: p.name.clone(),
                theme_key: p.theme_key.clone(),
            })
            .collect();
        // The matrix ranks the issues when it was scored; else the plan's own order.
        let ranked = if ranked_matrix.is_empty() {
            chosen
                .iter()
                .enumerate()
                .map(|(i, c)| RankedEntry {
                    rank: i + 1,
                    issue: c.name.clone(),
                    score: None,
                })
                .collect()
        } else {
            ranked_matrix
        };
        ("plan", chosen, ranked)
    };
    Ok(PartnershipChoices {
        file: file_name(path),
        partnership,
        basis,
        chosen,
        ranked,
    })
}

/// Roll up the files' choices.
pub fn rollup_files(paths: &[PathBuf]) -> Result<Rollup, RollupError> {
    if paths.is_empty() {
        return Err(RollupError::NoFiles);
    }
    let files = paths
        .iter()
        .map(|p| {
            partnership_choices(p).map_err(|source| RollupError::File {
                file: p.display().to_string(),
                source,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(roll_up(files))
}

/// The county table: issue, number of partnerships, which ones.
pub fn issues_table(rollup: &Rollup) -> ReportTable {
    ReportTable {
        slug: "county_priorities".into(),
        title: "Priority issues: number of partnerships that chose each".into(),
        columns: ["Priority issue", "Partnerships", "Which"]
            .map(String::from)
            .to_vec(),
        rows: rollup
            .issues
            .iter()
            .map(|i| {
                vec![
                    TableCell::Text(i.issue.clone()),
                    TableCell::Whole(Some(i.partnerships as i64)),
                    TableCell::Text(i.names.join(", ")),
                ]
            })
            .collect(),
        ..ReportTable::default()
    }
}

/// Each partnership's ranked list, side by side: one column per partnership.
pub fn ranked_table(rollup: &Rollup) -> ReportTable {
    let longest = rollup
        .files
        .iter()
        .map(|f| f.ranked.len())
        .max()
        .unwrap_or(0);
    let mut columns = vec!["Rank".to_string()];
    columns.extend(rollup.files.iter().map(|f| f.partnership.clone()));
    ReportTable {
        slug: "partnership_rankings".into(),
        title: "Each partnership's ranked priorities".into(),
        columns,
        rows: (0..longest)
            .map(|i| {
                let mut row = vec![TableCell::Whole(Some(i as i64 + 1))];
                row.extend(rollup.files.iter().map(|f| {
                    TableCell::Text(
                        f.ranked
                            .get(i)
                            .map_or_else(String::new, |r| r.issue.clone()),
                    )
                }));
                row
            })
            .collect(),
        ..ReportTable::default()
    }
}

/// The county table and the ranked lists as published (no count here is small or
/// sensitive: they count partnerships).
fn published(rollup: &Rollup) -> [PublishedTable; 2] {
    [
        publish(&issues_table(rollup), 2),
        publish(&ranked_table(rollup), 2),
    ]
}

/// The roll-up's tables for the page: the county table, then the ranked lists.
pub fn rollup_tables(rollup: &Rollup) -> Vec<PublishedTable> {
    published(rollup).to_vec()
}

/// Write `county-rollup.docx`, `county-rollup.csv` and `county-rollup-rankings.csv`.
pub fn write_rollup(
    rollup: &Rollup,
    folder: &Path,
    date: &str,
) -> Result<Vec<PathBuf>, RollupError> {
    let [issues, ranked] = published(rollup);
    let mut title_lines = vec![format!("{} partnerships", rollup.files.len())];
    if !date.trim().is_empty() {
        title_lines.push(date.trim().to_string());
    }
    let bases: Vec<String> = rollup
        .files
        .iter()
        .map(|f| {
            format!(
                "{} ({}): {}",
                f.partnership,
                f.file,
                if f.basis == "plan" {
                    "its partnership plan's priorities"
                } else {
                    "the issues on its priority matrix (it has no plan)"
                }
            )
        })
        .collect();
    let mut blocks = vec![
        ContentBlock::Paragraph("How many partnerships chose each issue as a priority. Issues are matched by the police theme they name, else by their name (case, punctuation and anything in brackets set aside).".into()),
        ContentBlock::Table(0),
        ContentBlock::SubHeading("Each partnership's ranked list".into()),
        ContentBlock::Table(1),
        ContentBlock::SubHeading("Where each partnership's choices come from".into()),
    ];
    blocks.extend(bases.into_iter().map(ContentBlock::Bullet));
    let content = ReportContent {
        title: "County roll-up of partnership priorities".into(),
        title_lines,
        footer: "County roll-up of partnership priorities".into(),
        sections: vec![SectionContent {
            key: "rollup".into(),
            heading: "Priorities across the partnerships".into(),
            blocks,
            starts_chapter: true,
        }],
        figures: Vec::new(),
        // Alternative text is drawn from each figure's data; no executive summary or
        // left-out list in this report.
        alt_texts: Vec::new(),
        drafted_summary: String::new(),
        left_out: Vec::new(),
        tables: vec![issues.clone(), ranked.clone()],
        suppressed: 0,
        financial_year: String::new(),
    };
    let docx = write_docx(&lay_out(&content, Vec::new())).map_err(ExportError::from)?;
    Ok(write_files(
        folder,
        vec![
            ("county-rollup.docx".into(), docx),
            ("county-rollup.csv".into(), to_csv(&issues).into_bytes()),
            (
                "county-rollup-rankings.csv".into(),
                to_csv(&ranked).into_bytes(),
            ),
        ],
    )?)
}
