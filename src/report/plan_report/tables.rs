//! The performance report's tables: each priority's measurables with baseline, latest,
//! aim and status; every measurable in one table for the CSV; the reasons as bullets; and
//! how a value is shown (small counts from sensitive partner sources as "<5").

use crate::analysis::action_plan::status::number;
use crate::analysis::action_plan::{MeasurableReview, PlanReview, PriorityReview};
use crate::report::content::ContentBlock;
use crate::report::table::{ReportTable, TableCell};

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
