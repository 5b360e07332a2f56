//! The quarterly performance report of the partnership plan: for all priorities or one,
//! a status summary, each priority's measurables in a table (baseline, latest, target,
//! status and the reason) and a small chart per measurable — as a Word document and the
//! status table as CSV. Laid out with the assessment's own Word writer and figures.
//!
//! Counts from sensitive partner sources (domestic abuse, MARAC, treatment) below the
//! disclosure threshold are shown as "<5", as in the assessment's tables.

use super::content::{ContentBlock, ReportContent, SectionContent};
use super::docx::write_docx;
use super::export::{word_document, ExportError};
use super::figures::{render_png, Figure, FigureBody, LineStyle, Series};
use super::table::{publish, to_csv, PublishedTable, ReportTable, TableCell};
use crate::analysis::action_plan::chart::chart_lines;
use crate::analysis::action_plan::status::number;
use crate::analysis::action_plan::{MeasurableReview, PlanReview, PriorityReview};
use std::path::{Path, PathBuf};

/// Series whose small counts are disclosure-controlled.
const SENSITIVE: [&str; 3] = [
    "partner:domestic_abuse.",
    "partner:marac.",
    "partner:treatment.",
];

/// A value as the report shows it: `1,234`, `31.5%`, `<5` for a small sensitive count,
/// `–` when unknown.
pub fn shown_value(m: &MeasurableReview, value: Option<f64>, threshold: i64) -> String {
    let Some(v) = value else {
        return "–".into();
    };
    let sensitive = m
        .series
        .as_deref()
        .is_some_and(|s| SENSITIVE.iter().any(|p| s.starts_with(p)));
    let is_count = m.unit.as_deref() == Some("count");
    if sensitive && is_count && v > 0.0 && v < threshold as f64 {
        return format!("<{threshold}");
    }
    if m.unit.as_deref() == Some("%") {
        format!("{v:.1}%")
    } else {
        number(v)
    }
}

fn period_value(
    m: &MeasurableReview,
    period: &Option<String>,
    value: Option<f64>,
    threshold: i64,
) -> String {
    match period {
        Some(p) => format!("{} ({p})", shown_value(m, value, threshold)),
        None => "–".into(),
    }
}

fn target_text(m: &MeasurableReview) -> String {
    let aim = match m.direction {
        crate::analysis::action_plan::Direction::Reduce => "reduce",
        crate::analysis::action_plan::Direction::Increase => "increase",
        crate::analysis::action_plan::Direction::Maintain => "maintain",
    };
    match m.target {
        Some(t) if m.unit.as_deref() == Some("%") => format!("{aim} to {t:.1}%"),
        Some(t) => format!("{aim} to {}", number(t)),
        None => aim.to_string(),
    }
}

/// Why each measurable has its status, one bullet each (beside the table, where a long
/// column would squeeze the others).
pub fn reason_blocks(priority: &PriorityReview) -> Vec<ContentBlock> {
    priority
        .measurables
        .iter()
        .map(|m| ContentBlock::Bullet(format!("{} — {}: {}", m.name, m.status.label(), m.reason)))
        .collect()
}

/// One priority's measurables as a table.
pub fn status_table(priority: &PriorityReview, as_at: &str, threshold: i64) -> ReportTable {
    let text = |t: String| TableCell::Text(t);
    ReportTable {
        slug: format!("plan_{}", crate::analysis::theme::slug(&priority.name)),
        title: format!("{}: measurables as at {as_at}", priority.name),
        columns: [
            "Ref",
            "Measurable",
            "Lead",
            "Baseline",
            "Latest",
            "Aim",
            "Status",
        ]
        .map(String::from)
        .to_vec(),
        rows: priority
            .measurables
            .iter()
            .map(|m| {
                vec![
                    text(m.action.reference.clone()),
                    text(m.name.clone()),
                    text(m.action.lead.clone()),
                    text(period_value(
                        m,
                        &m.baseline.period,
                        m.baseline.value,
                        threshold,
                    )),
                    text(period_value(m, &m.latest.period, m.latest.value, threshold)),
                    text(target_text(m)),
                    text(m.status.label().to_string()),
                ]
            })
            .collect(),
        ..ReportTable::default()
    }
}

/// The measurable's small chart, or why it has none.
pub fn measurable_figure(m: &MeasurableReview, source: &str) -> Result<Figure, String> {
    let lines = chart_lines(m).ok_or("its series has no values yet")?;
    let known: Vec<f64> = lines.values.iter().flatten().copied().collect();
    if known.is_empty() {
        return Err("every value shown is suppressed".into());
    }
    if known
        .iter()
        .chain(&lines.baseline)
        .chain(&lines.target)
        .any(|v| *v < 0.0)
    {
        return Err("it has negative values, which a chart from zero cannot show".into());
    }
    let n = lines.labels.len();
    let per = lines.per.map(|p| format!(", {p}")).unwrap_or_default();
    let mut series = vec![Series {
        name: m.series_label.clone().unwrap_or_else(|| m.name.clone()),
        values: lines.values.clone(),
        style: LineStyle::Solid,
    }];
    if let Some(b) = lines.baseline {
        series.push(Series {
            name: format!("Baseline {}{per}", m.baseline_period),
            values: vec![Some(b); n],
            style: LineStyle::Dashed,
        });
    }
    if let Some(t) = lines.target {
        series.push(Series {
            name: format!("Target{per}"),
            values: vec![Some(t); n],
            style: LineStyle::Dashed,
        });
    }
    if lines.is_latest.iter().any(|l| *l) {
        series.push(Series {
            name: format!("Latest ({})", m.latest.period.clone().unwrap_or_default()),
            values: lines
                .values
                .iter()
                .zip(&lines.is_latest)
                .map(|(v, latest)| if *latest { *v } else { None })
                .collect(),
            style: LineStyle::Solid,
        });
    }
    Ok(Figure {
        title: m.name.clone(),
        subtitle: Some(format!(
            "{} — {}",
            m.status.label(),
            m.series_label.clone().unwrap_or_default()
        )),
        y_label: m.unit.clone().unwrap_or_default(),
        x_label: None,
        source_line: format!("Source: {source}"),
        body: FigureBody::Lines {
            categories: lines.labels,
            series,
        },
    })
}

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
        });
    }
    sections.push(SectionContent {
        key: "method".into(),
        heading: "How the status is judged".into(),
        blocks: method_blocks(),
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
    let docx = write_docx(&word_document(content, pngs)).map_err(ExportError::from)?;
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

/// Every measurable reviewed, one row each, for the CSV.
pub fn all_measurables_table(review: &PlanReview, threshold: i64) -> ReportTable {
    let text = |t: &str| TableCell::Text(t.to_string());
    let value = |m: &MeasurableReview, v: Option<f64>| {
        TableCell::Text(match v {
            Some(_) => shown_value(m, v, threshold)
                .replace(',', "")
                .trim_end_matches('%')
                .to_string(),
            None => String::new(),
        })
    };
    ReportTable {
        slug: "plan_measurables".into(),
        title: format!("Partnership plan measurables as at {}", review.as_at),
        columns: [
            "Priority",
            "Ref",
            "Strand",
            "Output",
            "Measurable",
            "Lead",
            "Series",
            "Unit",
            "Baseline period",
            "Baseline",
            "Latest period",
            "Latest",
            "Direction",
            "Target",
            "Status",
            "Reason",
        ]
        .map(String::from)
        .to_vec(),
        rows: review
            .priorities
            .iter()
            .flat_map(|p| p.measurables.iter().map(move |m| (p, m)))
            .map(|(p, m)| {
                vec![
                    text(&p.name),
                    text(&m.action.reference),
                    text(m.action.strand.label()),
                    text(&m.action.output),
                    text(&m.name),
                    text(&m.action.lead),
                    text(m.series.as_deref().unwrap_or("")),
                    text(m.unit.as_deref().unwrap_or("")),
                    text(m.baseline.period.as_deref().unwrap_or("")),
                    value(m, m.baseline.value),
                    text(m.latest.period.as_deref().unwrap_or("")),
                    value(m, m.latest.value),
                    text(m.direction.key()),
                    TableCell::Text(m.target.map(|t| t.to_string()).unwrap_or_default()),
                    text(m.status.key()),
                    text(&m.reason),
                ]
            })
            .collect(),
        ..ReportTable::default()
    }
}
