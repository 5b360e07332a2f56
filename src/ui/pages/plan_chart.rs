//! A measurable's small chart on the Plan page: the series as a line, the points of the
//! latest period as large orange markers, the baseline as a dashed grey level and the
//! target as a dotted green one (spread over the chart's periods for a count, as in the
//! performance report), with each point's period and value on hover.

use super::picture::{fixed_plot, label_at};
use crate::analysis::action_plan::chart::ChartLines;
use crate::analysis::action_plan::status::number;
use crate::ui::theme::{ASB_COLOUR, CRIME_COLOUR, SUCCESS_COLOUR};
use egui::Color32;
use egui::RichText;
use egui_plot::{HLine, HoverPosition, Line, LineStyle, PlotPoints, Points};

const BASELINE_COLOUR: Color32 = Color32::from_rgb(110, 110, 110);

pub fn measurable_chart_ui(
    ui: &mut egui::Ui,
    id: &str,
    chart: &ChartLines,
    unit: &str,
    height: f32,
) {
    let names = chart.labels.clone();
    let hover_names = chart.labels.clone();
    let is_percent = unit == "%";
    let shown = move |v: f64| {
        if is_percent {
            format!("{v:.1}%")
        } else {
            number((v * 10.0).round() / 10.0)
        }
    };
    let per = chart.per.map(|p| format!(" ({p})")).unwrap_or_default();
    fixed_plot(id, height)
        .width(ui.available_width())
        .x_axis_formatter(move |mark, _| label_at(&names, mark.value))
        .label_formatter(move |hover| hover_text(&hover_names, &shown, hover))
        .show(ui, |plot_ui| {
            // A gap (a withheld value) breaks the line.
            let mut run: Vec<[f64; 2]> = Vec::new();
            let mut runs = Vec::new();
            for (i, v) in chart.values.iter().enumerate() {
                match v {
                    Some(v) => run.push([i as f64, *v]),
                    None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
                    None => {}
                }
            }
            if !run.is_empty() {
                runs.push(run);
            }
            for run in runs {
                plot_ui.line(
                    Line::new("Value", PlotPoints::new(run))
                        .color(CRIME_COLOUR)
                        .width(2.0),
                );
            }
            let latest: Vec<[f64; 2]> = chart
                .values
                .iter()
                .zip(&chart.is_latest)
                .enumerate()
                .filter_map(|(i, (v, latest))| v.filter(|_| *latest).map(|v| [i as f64, v]))
                .collect();
            if !latest.is_empty() {
                plot_ui.points(
                    Points::new("Latest", PlotPoints::new(latest))
                        .color(ASB_COLOUR)
                        .radius(4.5),
                );
            }
            if let Some(b) = chart.baseline {
                plot_ui.hline(
                    HLine::new(format!("Baseline{per}"), b)
                        .color(BASELINE_COLOUR)
                        .style(LineStyle::dashed_loose()),
                );
            }
            if let Some(t) = chart.target {
                plot_ui.hline(
                    HLine::new(format!("Target{per}"), t)
                        .color(SUCCESS_COLOUR)
                        .style(LineStyle::dotted_dense()),
                );
            }
        });
    key_ui(ui, chart, &per);
}

/// "Value: 120 in 2024-05" near a point; nothing elsewhere (the axis names the period).
fn hover_text(
    labels: &[String],
    shown: &dyn Fn(f64) -> String,
    hover: &HoverPosition,
) -> Option<String> {
    let HoverPosition::NearDataPoint {
        plot_name,
        position,
        ..
    } = hover
    else {
        return None;
    };
    let period = label_at(labels, position.x.round());
    Some(format!("{plot_name}: {} in {period}", shown(position.y)))
}

/// What the lines and marks are, under the chart (a legend would cover a small chart).
fn key_ui(ui: &mut egui::Ui, chart: &ChartLines, per: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.label(RichText::new("— value").small().color(CRIME_COLOUR));
        if chart.is_latest.iter().any(|l| *l) {
            ui.label(RichText::new("• latest").small().color(ASB_COLOUR));
        }
        if chart.baseline.is_some() {
            ui.label(
                RichText::new(format!("- - baseline{per}"))
                    .small()
                    .color(BASELINE_COLOUR),
            );
        }
        if chart.target.is_some() {
            ui.label(
                RichText::new(format!("··· target{per}"))
                    .small()
                    .color(SUCCESS_COLOUR),
            );
        }
    });
}
