//! What the four partner pages share: the heading with the year and area selectors, an
//! empty state that says how to import the source, bar and line charts with values on
//! hover, share tables, and number formatting.

use super::picture::{fixed_plot, label_at, table_ui};
use crate::analysis::partner::common::{Share, WardRate, YearChange};
use crate::import::partner::PartnerLayout;
use crate::report::format::thousands;
use crate::ui::actions::Action;
use crate::ui::partner_view::PartnerView;
use crate::ui::widgets::page_heading_ui;
use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, HoverPosition, Legend, Line, PlotPoints};

/// The page heading and, when the theme has data, its year selector and the area.
/// Returns false (after drawing an empty state) when the file holds none of its rows.
pub fn partner_heading_ui(
    ui: &mut egui::Ui,
    view: &PartnerView,
    layout: PartnerLayout,
    title: &str,
    explanation: &str,
    uses_area: bool,
    actions: &mut Vec<Action>,
) -> bool {
    page_heading_ui(ui, title, explanation);
    let Some(current) = view.year(layout) else {
        ui.add_space(20.0);
        ui.label(
            RichText::new(format!(
                "This assessment file holds no {} data yet",
                layout.name().to_lowercase()
            ))
            .size(18.0)
            .strong(),
        );
        ui.label(
            RichText::new(format!(
                "Import a CSV in the {} reference layout ({}) with Import files… on the Data page, or any other layout with Import with column mapping….",
                layout.name(),
                layout.reference_header().join(", ")
            ))
            .weak(),
        );
        return false;
    };
    ui.horizontal(|ui| {
        egui::ComboBox::new(("partner_year", layout.key()), "Financial year")
            .selected_text(current.label())
            .show_ui(ui, |ui| {
                for year in view.years(layout) {
                    if ui
                        .selectable_label(*year == current, year.label())
                        .clicked()
                    {
                        actions.push(Action::SelectPartnerYear(layout, *year));
                    }
                }
            });
        ui.add_space(12.0);
        let area = if uses_area {
            format!("Area: {} (change it on the Overview)", view.area_name())
        } else {
            "The whole area the source covers (no ward breakdown)".to_string()
        };
        ui.label(RichText::new(area).weak());
    });
    ui.add_space(8.0);
    true
}

/// `Some(12.3)` → `12.3%`, `None` → `–`.
pub fn pct(value: Option<f64>) -> String {
    value.map_or("–".into(), |v| format!("{v:.1}%"))
}

/// A count or `–` when not known.
pub fn count(value: Option<i64>) -> String {
    value.map_or("–".into(), thousands)
}

/// The change line under the headline cards, coloured when significant.
pub fn change_ui(ui: &mut egui::Ui, change: &YearChange) {
    let colour = match change.change_significant {
        Some(true) => Color32::from_rgb(176, 58, 46),
        _ => ui.visuals().text_color(),
    };
    ui.label(RichText::new(&change.change_explained).color(colour));
}

/// The change card text: `+61 (+11.4%)` or `–`.
pub fn change_text(change: &YearChange) -> String {
    match (change.change, change.change_pct) {
        (Some(c), Some(p)) => format!(
            "{}{} ({p:+.1}%)",
            if c > 0 { "+" } else { "" },
            thousands(c)
        ),
        (Some(c), None) => thousands(c),
        _ => "–".into(),
    }
}

/// Bars with their value on hover, labelled on the x axis.
pub fn bars_ui(ui: &mut egui::Ui, id: &str, series: &[(String, f64)], height: f32) {
    let bars: Vec<Bar> = series
        .iter()
        .enumerate()
        .map(|(i, (label, v))| {
            Bar::new(i as f64, *v).name(format!("{label}: {}", format_value(*v)))
        })
        .collect();
    let labels: Vec<String> = series.iter().map(|s| s.0.clone()).collect();
    fixed_plot(id, height)
        .x_axis_formatter(move |mark, _| label_at(&labels, mark.value))
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(BarChart::new(id.to_string(), bars).width(0.6))
        });
}

/// Lines over labelled x positions (months, quarters), values shown on hover.
pub fn lines_ui(
    ui: &mut egui::Ui,
    id: &str,
    labels: &[String],
    lines: &[(&str, Vec<f64>)],
    height: f32,
) {
    let names = labels.to_vec();
    let hover_names = labels.to_vec();
    fixed_plot(id, height)
        .legend(Legend::default().position(egui_plot::Corner::RightBottom))
        .x_axis_formatter(move |mark, _| label_at(&names, mark.value))
        .label_formatter(move |hover| match hover {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}: {}",
                label_at(&hover_names, position.x.round()),
                format_value(position.y)
            )),
            HoverPosition::Elsewhere { position } => {
                Some(label_at(&hover_names, position.x.round()))
            }
        })
        .show(ui, |plot_ui| {
            for (name, values) in lines {
                let points: Vec<[f64; 2]> = values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| [i as f64, *v])
                    .collect();
                plot_ui.line(Line::new(*name, PlotPoints::new(points)).width(2.0));
            }
        });
}

fn format_value(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        thousands(v as i64)
    } else {
        format!("{v:.1}")
    }
}

/// A copyable table of shares.
pub fn shares_table_ui(ui: &mut egui::Ui, title: &str, id: &str, first: &str, rows: &[Share]) {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|s| {
            vec![
                s.label.clone(),
                thousands(s.count),
                format!("{:.1}%", s.pct),
            ]
        })
        .collect();
    table_ui(ui, title, id, &[first, "Count", "Share"], &cells);
}

/// A copyable table of wards with counts, shares and rates.
pub fn wards_table_ui(ui: &mut egui::Ui, title: &str, id: &str, rows: &[WardRate]) {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|w| {
            vec![
                w.name.clone(),
                thousands(w.count),
                format!("{:.1}%", w.share_pct),
                w.rate_per_1000.map_or("–".into(), |r| format!("{r:.1}")),
            ]
        })
        .collect();
    table_ui(
        ui,
        title,
        id,
        &["Ward", "Count", "Share", "Per 1,000"],
        &cells,
    );
}
