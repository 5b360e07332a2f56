//! The Trends page: the chosen theme's monthly series with control limits — a c-chart or an
//! XmR chart, over the last three years or every month held — and a copyable list of the
//! months that signal. Shares the Overview's theme, year and area selection.

use super::picture::{picture_selectors_ui, table_ui};
use super::PageContext;
use crate::analysis::spc::{ChartKind, ControlPoint};
use crate::report::format::thousands;
use crate::ui::actions::Action;
use crate::ui::crime_picture::{TrendOptions, TrendWindow};
use crate::ui::widgets::page_heading_ui;
use egui::RichText;

pub fn trends_page_ui(ui: &mut egui::Ui, context: &PageContext<'_>, actions: &mut Vec<Action>) {
    page_heading_ui(
        ui,
        "Trends",
        "Is a month unusual, or within the normal ups and downs? Points beyond the limits, or 7 or more in a row on one side of the mean, are signals worth explaining.",
    );
    let Some(picture) = &context.view.picture else {
        ui.label(
            RichText::new(
                "Trends appear once the file holds a complete financial year (April to March) of police data.",
            )
            .weak(),
        );
        return;
    };
    picture_selectors_ui(ui, picture, !context.read_only, actions);
    ui.add_space(6.0);
    let options = picture.trend_options;
    ui.horizontal(|ui| {
        ui.label("Chart:");
        for kind in [ChartKind::Xmr, ChartKind::CChart] {
            if ui.radio(options.kind == kind, kind.label()).clicked() {
                actions.push(Action::SetTrendOptions(TrendOptions { kind, ..options }));
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label("Months:");
        let windows = [
            (
                TrendWindow::LastThreeYears,
                format!("Three years to March {}", picture.year.0 + 1),
            ),
            (TrendWindow::AllMonths, "Every month held".to_string()),
        ];
        for (window, label) in windows {
            if ui.radio(options.window == window, label).clicked() {
                actions.push(Action::SetTrendOptions(TrendOptions { window, ..options }));
            }
        }
    });
    let chart = &picture.trend_chart;
    let signals: Vec<&ControlPoint> = chart
        .points
        .iter()
        .filter(|p| p.above_upper || p.below_lower || p.in_run)
        .collect();
    ui.label(format!(
        "{}, {}: mean {:.1} a month, limits {:.1} to {:.1}; {} of {} months signal.",
        picture.figures.theme,
        picture.area_name(),
        chart.mean,
        chart.lower,
        chart.upper,
        signals.len(),
        chart.points.len()
    ));
    if let Some(d) = picture.figures.dispersion {
        let verdict = if d > 1.0 {
            "so the change on last year is judged with a quasi-Poisson test that allows for it"
        } else {
            "so the exact Poisson test of the change on last year stands"
        };
        ui.label(format!(
            "After the seasonal pattern, the months of {} and the year before vary {d:.2} times as much as chance alone would make them (dispersion), {verdict}.",
            picture.year.label()
        ))
        .on_hover_text("Quasi-Poisson model of the 24 monthly counts with a year effect and month-of-year effects: Pearson χ² over its 11 degrees of freedom.");
    }
    super::control_chart::control_chart_ui(ui, "trends_chart", chart, 360.0);
    let rows: Vec<Vec<String>> = signals
        .iter()
        .map(|p| {
            vec![
                p.month.clone(),
                thousands(p.count),
                signal_text(p, chart.mean),
            ]
        })
        .collect();
    ui.add_space(10.0);
    if rows.is_empty() {
        ui.label(
            RichText::new("No month signals: the series is within its normal variation.").strong(),
        );
        return;
    }
    table_ui(
        ui,
        "Months that signal",
        "trend_signals",
        &["Month", "Count", "Signal"],
        &rows,
    );
}

fn signal_text(point: &ControlPoint, mean: f64) -> String {
    if point.above_upper {
        "Above the upper limit".into()
    } else if point.below_lower {
        "Below the lower limit".into()
    } else if point.count as f64 > mean {
        "In a run of 7+ above the mean".into()
    } else {
        "In a run of 7+ below the mean".into()
    }
}
