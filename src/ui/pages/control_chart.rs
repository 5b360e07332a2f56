//! A control chart as the Overview and Trends pages draw it: the theme's monthly counts, the
//! mean and the control limits (XmR or c-chart), and the months that signal — beyond a
//! limit (red) or in a run of 7+ on one side of the mean (amber).

use super::picture::{fixed_plot, label_at};
use crate::analysis::spc::ControlChart;
use egui::Color32;
use egui_plot::{HLine, Legend, Line, PlotPoints, Points};

const SIGNAL: Color32 = Color32::from_rgb(192, 57, 43);
const RUN: Color32 = Color32::from_rgb(211, 145, 30);

pub fn control_chart_ui(ui: &mut egui::Ui, id: &str, chart: &ControlChart, height: f32) {
    if chart.points.is_empty() {
        return;
    }
    let labels: Vec<String> = chart.points.iter().map(|p| p.month.clone()).collect();
    let counts: Vec<[f64; 2]> = chart
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| [i as f64, p.count as f64])
        .collect();
    let flagged = |keep: &dyn Fn(&crate::analysis::spc::ControlPoint) -> bool| -> Vec<[f64; 2]> {
        chart
            .points
            .iter()
            .enumerate()
            .filter(|(_, p)| keep(p))
            .map(|(i, p)| [i as f64, p.count as f64])
            .collect()
    };
    let beyond = flagged(&|p| p.above_upper || p.below_lower);
    let runs = flagged(&|p| p.in_run && !(p.above_upper || p.below_lower));
    fixed_plot(id, height)
        .legend(Legend::default().position(egui_plot::Corner::LeftBottom))
        .x_axis_formatter(move |mark, _| label_at(&labels, mark.value))
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new("Monthly count", PlotPoints::new(counts))
                    .width(2.0)
                    .color(Color32::from_rgb(41, 98, 155)),
            );
            plot_ui.hline(HLine::new(format!("Mean {:.1}", chart.mean), chart.mean));
            plot_ui.hline(
                HLine::new(format!("Upper limit {:.1}", chart.upper), chart.upper).color(SIGNAL),
            );
            plot_ui.hline(
                HLine::new(format!("Lower limit {:.1}", chart.lower), chart.lower).color(SIGNAL),
            );
            if !beyond.is_empty() {
                plot_ui.points(
                    Points::new("Beyond a limit", PlotPoints::new(beyond))
                        .radius(5.0)
                        .color(SIGNAL),
                );
            }
            if !runs.is_empty() {
                plot_ui.points(
                    Points::new("Run of 7+ on one side", PlotPoints::new(runs))
                        .radius(4.0)
                        .color(RUN),
                );
            }
        });
}
