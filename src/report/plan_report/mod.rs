//! The quarterly performance report of the partnership plan: for all priorities or one,
//! a status summary, each priority's measurables in a table (baseline, latest, target,
//! status and the reason) and a small chart per measurable — as a Word document and the
//! status table as CSV. Laid out with the assessment's own Word writer and figures.
//!
//! Counts from sensitive partner sources (domestic abuse, MARAC, treatment) below the
//! disclosure threshold are shown as "<5", as in the assessment's tables.

mod figure;
mod tables;

pub use figure::measurable_figure;
pub use tables::{all_measurables_table, reason_blocks, shown_value, status_table};

use super::content::{ContentBlock, ReportContent, SectionContent};
use super::document::lay_out;
use super::docx::write_docx;
use super::export::ExportError;
use super::figures::render_png;
use super::table::{publish, to_csv, PublishedTable, ReportTable, TableCell};
use crate::analysis::action_plan::{PlanReview, PriorityReview};
use std::path::{Path, PathBuf};

/// What the performance report covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerformanceOptions {
    /// One priority by name, or all.
    pub priority: Option<String>,
    pub partnership: String,
    pub date: String,
    pub threshold: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum PerformanceError {
    #[error("the plan has no priority called \"{0}\" (the priorities are: {1})")]
    NoSuchPriority(String, String),
    #[error("the assessment file holds no partnership plan yet: import one (plan --import PLAN.csv) or add priorities on the Plan page")]
    NoPlan,
    #[error(transparent)]
    Export(#[from] ExportError),
}

/// The report as content: summary, one section per priority, how status is judged.
pub fn performance_content(
    review: &PlanReview,
    options: &PerformanceOptions,
) -> Result<ReportContent, PerformanceError> {
    if review.priorities.is_empty() {
        return Err(PerformanceError::NoPlan);
    }
    let chosen: Vec<&PriorityReview> = match &options.priority {
        Some(name) => {
            let wanted = crate::import::partner::values::words(name);
            let found: Vec<&PriorityReview> = review
                .priorities
                .iter()
                .filter(|p| crate::import::partner::values::words(&p.name) == wanted)
                .collect();
            if found.is_empty() {
                return Err(PerformanceError::NoSuchPriority(
                    name.clone(),
                    review
                        .priorities
                        .iter()
                        .map(|p| p.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ));
            }
            found
        }
        None => review.priorities.iter().collect(),
    };
    let mut figures = Vec::new();
    let mut tables: Vec<PublishedTable> = Vec::new();
    let mut sections = vec![summary_section(&chosen, &review.as_at, &mut tables)];
    for priority in &chosen {
        let mut blocks = Vec::new();
        if !priority.lead.is_empty() {
            blocks.push(ContentBlock::Paragraph(format!(
                "Priority lead: {}.",
                priority.lead
            )));
        }
        blocks.push(ContentBlock::Paragraph(counts_sentence(&priority.counts)));
        tables.push(publish(
            &status_table(priority, &review.as_at, options.threshold),
            options.threshold,
        ));
        blocks.push(ContentBlock::Table(tables.len() - 1));
        blocks.extend(reason_blocks(priority));
        for m in &priority.measurables {
            match measurable_figure(m, m.series.as_deref().unwrap_or("")) {
                Ok(figure) => {
                    figures.push(figure);
                    blocks.push(ContentBlock::Figure(figures.len() - 1));
                }
                Err(why) => {
                    blocks.push(ContentBlock::Note(format!("{}: no chart — {why}.", m.name)))
                }
            }
        }
        sections.push(SectionContent {
            key: format!("priority_{}", priority.id),
            heading: priority.name.clone(),
            blocks,
            // Each priority begins a new page in print.
            starts_chapter: true,
        });
    }
    sections.push(SectionContent {
        key: "method".into(),
        heading: "How the status is judged".into(),
        blocks: method_blocks(),
        starts_chapter: false,
    });
    let mut title_lines = Vec::new();
    if !options.partnership.is_empty() {
        title_lines.push(options.partnership.clone());
    }
    title_lines.push(format!("As at {}", review.as_at));
    if !options.date.trim().is_empty() {
        title_lines.push(options.date.trim().to_string());
    }
    Ok(ReportContent {
        title: "Partnership plan: performance report".into(),
        title_lines,
        footer: format!("Partnership plan performance as at {}", review.as_at),
        sections,
        figures,
        suppressed: tables.iter().map(|t| t.suppressed).sum(),
        tables,
        financial_year: review.as_at.clone(),
        // Alternative text is drawn from each figure's data; no executive summary or
        // left-out list in this report.
        alt_texts: Vec::new(),
        drafted_summary: String::new(),
        left_out: Vec::new(),
    })
}

/// "3 on track, 1 no real change, 1 off track, 2 no data."
pub fn counts_sentence(c: &crate::analysis::action_plan::StatusCounts) -> String {
    format!(
        "Of {} measurables, {} are on track, {} show no real change, {} are off track and {} have no data yet.",
        c.total(),
        c.on_track,
        c.no_change,
        c.off_track,
        c.no_data
    )
}

fn summary_section(
    chosen: &[&PriorityReview],
    as_at: &str,
    tables: &mut Vec<PublishedTable>,
) -> SectionContent {
    let counts =
        crate::analysis::action_plan::StatusCounts::of(chosen.iter().flat_map(|p| &p.measurables));
    let whole = |n: usize| TableCell::Whole(Some(n as i64));
    let table = ReportTable {
        slug: "plan_summary".into(),
        title: format!("Status of the measurables as at {as_at}"),
        columns: [
            "Priority",
            "Lead",
            "On track",
            "No real change",
            "Off track",
            "No data",
        ]
        .map(String::from)
        .to_vec(),
        rows: chosen
            .iter()
            .map(|p| {
                vec![
                    TableCell::Text(p.name.clone()),
                    TableCell::Text(p.lead.clone()),
                    whole(p.counts.on_track),
                    whole(p.counts.no_change),
                    whole(p.counts.off_track),
                    whole(p.counts.no_data),
                ]
            })
            .collect(),
        ..ReportTable::default()
    };
    tables.push(publish(&table, 2));
    SectionContent {
        key: "summary".into(),
        heading: "Summary".into(),
        blocks: vec![
            ContentBlock::Paragraph(format!("As at {as_at}. {}", counts_sentence(&counts))),
            ContentBlock::Table(tables.len() - 1),
        ],
        starts_chapter: true,
    }
}

fn method_blocks() -> Vec<ContentBlock> {
    vec![
        ContentBlock::Bullet("Counts (crimes, incidents, cases, referrals) are judged with the same test of a real change as the strategic assessment: a change is real when it is unlikely to be chance (p < 0.05). A real change the right way is on track, the wrong way off track; anything else is no real change.".into()),
        ContentBlock::Bullet("Against a financial-year baseline, the year so far is compared with the same months of the baseline year, so seasons do not mislead.".into()),
        ContentBlock::Bullet("Percentages and rates are judged against their target: met is on track; short of it but better than the baseline is no real change yet; short and no better is off track.".into()),
        ContentBlock::Bullet("No data: the measurable is not linked to a series, or the figures for the baseline or the latest period are missing or suppressed.".into()),
        ContentBlock::Note("Small counts from domestic abuse, MARAC and treatment data are shown as \"<5\".".into()),
    ]
}

/// The file stem: `performance-report-2024-25-q2` (with the priority when one).
pub fn report_stem(review: &PlanReview, priority: Option<&str>) -> String {
    let mut stem = format!(
        "performance-report-{}",
        review.as_at.to_ascii_lowercase().replace(['/', ' '], "-")
    );
    if let Some(p) = priority {
        stem.push('-');
        stem.push_str(&crate::analysis::theme::slug(p).replace('_', "-"));
    }
    stem
}

/// Write the report's Word document and the status CSV into `folder`; returns the paths.
/// Each file is written beside its final name and renamed, so a failure leaves no
/// half-written file.
pub fn write_performance_report(
    content: &ReportContent,
    review: &PlanReview,
    folder: &Path,
    stem: &str,
    threshold: i64,
) -> Result<Vec<PathBuf>, PerformanceError> {
    let pngs = content
        .figures
        .iter()
        .map(render_png)
        .collect::<Result<Vec<_>, _>>()
        .map_err(ExportError::from)?;
    let docx = write_docx(&lay_out(content, pngs)).map_err(ExportError::from)?;
    let csv = to_csv(&publish(
        &all_measurables_table(review, threshold),
        threshold,
    ));
    Ok(write_files(
        folder,
        vec![
            (format!("{stem}.docx"), docx),
            (format!("{stem}.csv"), csv.into_bytes()),
        ],
    )?)
}

/// Write files into `folder` (created if needed), each beside its final name first and
/// then renamed, so a failure never leaves a half-written file under the final name.
pub fn write_files(
    folder: &Path,
    files: Vec<(String, Vec<u8>)>,
) -> Result<Vec<PathBuf>, ExportError> {
    let io = |path: &Path, e: std::io::Error| ExportError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    std::fs::create_dir_all(folder).map_err(|e| io(folder, e))?;
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = folder.join(&name);
        let partial = folder.join(format!(".{name}.part"));
        std::fs::write(&partial, &bytes).map_err(|e| io(&partial, e))?;
        std::fs::rename(&partial, &path).map_err(|e| io(&path, e))?;
        written.push(path);
    }
    Ok(written)
}
