//! What the partner pages draw alike: headline cards, the change line, bar and line charts
//! with values on hover, share and ward tables, and number formatting.

use super::super::picture::{fixed_plot, label_at, table_ui};
use crate::analysis::partner::common::{Share, WardRate, YearChange};
use crate::report::format::thousands;
use crate::ui::widgets::figure_card_ui;
use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, HoverPosition, Legend, Line, PlotPoints};

/// `Some(12.3)` → `12.3%`, `None` → `–`.
pub fn pct(value: Option<f64>) -> String {
    value.map_or("–".into(), |v| format!("{v:.1}%"))
}

/// A count or `–` when not known.
pub fn count(value: Option<i64>) -> String {
    value.map_or("–".into(), thousands)
}

/// A headline figure: its caption, its value, and what it means (shown on hover).
pub struct Card {
    pub caption: String,
    pub value: String,
    pub hint: String,
}

pub fn card(caption: impl Into<String>, value: impl Into<String>, hint: impl Into<String>) -> Card {
    Card {
        caption: caption.into(),
        value: value.into(),
        hint: hint.into(),
    }
}

/// The "Change on last year" card.
pub fn change_card(change: &YearChange) -> Card {
    card(
        "Change on last year",
        change_text(change),
        &change.change_explained,
    )
}

/// A row of headline cards, wrapping on a narrow window.
pub fn cards_ui(ui: &mut egui::Ui, cards: &[Card]) {
    ui.horizontal_wrapped(|ui| {
        for c in cards {
            figure_card_ui(ui, &c.caption, &c.value, &c.hint);
        }
    });
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
fn change_text(change: &YearChange) -> String {
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
