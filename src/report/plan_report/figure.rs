//! A measurable's small chart for the performance report: its recent values, the
//! baseline and target as dashed levels, and the latest period's points in their own
//! colour — the same lines the Plan page draws.

use crate::analysis::action_plan::chart::chart_lines;
use crate::analysis::action_plan::MeasurableReview;
use crate::report::figures::{Figure, FigureBody, LineStyle, Series};

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
