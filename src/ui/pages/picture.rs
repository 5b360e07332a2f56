//! The crime picture on the Overview: theme and year selectors, then the seed assessment's
//! "Overall Crime Picture" for them — level and rate, change on last year with whether it
//! is real, change on three years earlier, the trend over financial years, this year's
//! months against the average of earlier years, the type breakdown and the top wards,
//! each table copyable as tab-separated text for Excel.

use crate::analysis::change::TestMethod;
use crate::analysis::hotspots::HotspotRow;
use crate::analysis::overview::ThemeOverview;
use crate::report::format::thousands;
use crate::store::geography::AreaChoice;
use crate::ui::actions::Action;
use crate::ui::crime_picture::CrimePicture;
use crate::ui::widgets::{figure_card_ui, section_heading_ui};
use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints};

const MONTH_NAMES: [&str; 12] = [
    "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar",
];

/// `peer_card`: where the area ranks among districts of its type, with the sentence.
/// `editable`: the area and theme groups can be changed (not in a file open read-only).
pub fn crime_picture_ui(
    ui: &mut egui::Ui,
    picture: &CrimePicture,
    peer_card: Option<(&str, &str)>,
    editable: bool,
    actions: &mut Vec<Action>,
) {
    let f = &picture.figures;
    picture_selectors_ui(ui, picture, editable, actions);
    ui.add_space(8.0);
    headline_ui(ui, f, peer_card, actions);
    if let Some(basis) = &picture.area_index().population_basis {
        ui.label(RichText::new(basis).weak());
    }
    ui.label(&f.change_explained);
    ui.columns(2, |cols| {
        section_heading_ui(&mut cols[0], "Trend over financial years");
        trend_chart_ui(&mut cols[0], f);
        section_heading_ui(&mut cols[1], "Seasonality: this year against earlier years");
        seasonality_chart_ui(&mut cols[1], f);
    });
    section_heading_ui(
        ui,
        &format!(
            "Is any month unusual? {} of the last three years (options on the Trends page)",
            picture.trend_options.kind.label()
        ),
    );
    super::control_chart::control_chart_ui(
        ui,
        "picture_control_chart",
        &picture.trend_chart,
        240.0,
    );
    ui.columns(2, |cols| {
        if !f.by_type.is_empty() {
            let rows: Vec<Vec<String>> = f
                .by_type
                .iter()
                .map(|t| {
                    vec![
                        t.r#type.clone(),
                        thousands(t.count),
                        format!("{:.1}%", t.share_pct),
                    ]
                })
                .collect();
            table_ui(
                &mut cols[0],
                "Breakdown by crime type",
                "by_type",
                &["Crime type", "Count", "Share"],
                &rows,
            );
        }
        let title = match f.top5_share_pct {
            Some(share) => format!("Hotspot wards (top 5 hold {share:.1}%)"),
            None => "Hotspot wards (import a ward lookup to see them)".into(),
        };
        table_ui(
            &mut cols[1],
            &title,
            "top_wards",
            &["Ward", "Count", "Share", "Per 1,000", "Rank last year"],
            &hotspot_rows(&f.top_wards),
        );
    });
    if !f.top_lsoas.is_empty() {
        let title = match f.lsoa_top_decile_share_pct {
            Some(share) => {
                format!("Hotspot neighbourhoods (LSOAs): the busiest 10% of LSOAs hold {share:.1}%")
            }
            None => "Hotspot neighbourhoods (LSOAs)".into(),
        };
        ui.add_space(8.0);
        table_ui(
            ui,
            &title,
            "top_lsoas",
            &["LSOA", "Count", "Share", "Per 1,000", "Rank last year"],
            &hotspot_rows(&f.top_lsoas),
        );
    }
    if f.ward_unknown > 0 || f.unlocated > 0 {
        ui.label(
            RichText::new(format!(
                "{} incidents have no location and {} are in LSOAs the ward lookup does not know (\"ward unknown\"); neither appears in any ward.",
                thousands(f.unlocated),
                thousands(f.ward_unknown)
            ))
            .weak(),
        );
    }
}

/// A hotspot table's rows: name, count, share, rate and last year's rank.
fn hotspot_rows(rows: &[HotspotRow]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|w| {
            vec![
                w.name.clone(),
                thousands(w.count),
                format!("{:.1}%", w.share_pct),
                w.rate_per_1000.map_or("–".into(), |r| format!("{r:.1}")),
                w.rank_previous.map_or("–".into(), |r| r.to_string()),
            ]
        })
        .collect()
}

/// The theme, financial-year and area selectors and the theme-group button, shared by the
/// Overview and Trends pages (one selection for both).
pub fn picture_selectors_ui(
    ui: &mut egui::Ui,
    picture: &CrimePicture,
    editable: bool,
    actions: &mut Vec<Action>,
) {
    let f = &picture.figures;
    ui.horizontal(|ui| {
        egui::ComboBox::new("picture_theme", "Theme")
            .selected_text(f.theme.clone())
            .width(240.0)
            .show_ui(ui, |ui| {
                for (i, theme) in picture.themes.iter().enumerate() {
                    if ui
                        .selectable_label(i == picture.theme, theme.label())
                        .clicked()
                    {
                        actions.push(Action::SelectPicture(i, picture.year));
                    }
                }
            });
        ui.add_space(12.0);
        year_and_area_selectors_ui(ui, picture, editable, actions);
        ui.add_space(12.0);
        if ui
            .add_enabled(editable, egui::Button::new("Theme groups…"))
            .on_hover_text("Define your own groups of crime types, e.g. acquisitive crime")
            .clicked()
        {
            actions.push(Action::EditThemeGroups);
        }
    });
}

/// The financial year and area selectors (the Report page shows these alone).
pub fn year_and_area_selectors_ui(
    ui: &mut egui::Ui,
    picture: &CrimePicture,
    editable: bool,
    actions: &mut Vec<Action>,
) {
    egui::ComboBox::new("picture_year", "Financial year")
        .selected_text(picture.year.label())
        .show_ui(ui, |ui| {
            for year in &picture.years {
                if ui
                    .selectable_label(*year == picture.year, year.label())
                    .clicked()
                {
                    actions.push(Action::SelectPicture(picture.theme, *year));
                }
            }
        });
    ui.add_space(12.0);
    ui.add_enabled_ui(editable, |ui| area_selector_ui(ui, picture, actions));
}

/// All data, one district of the lookup, or a chosen set of wards.
fn area_selector_ui(ui: &mut egui::Ui, picture: &CrimePicture, actions: &mut Vec<Action>) {
    let current = picture.area_ward_codes();
    egui::ComboBox::new("picture_area", "Area")
        .selected_text(picture.area_name())
        .width(200.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(current.is_empty(), "All data")
                .on_hover_text("Every row of the file, including rows with no location")
                .clicked()
            {
                actions.push(Action::SetArea(AreaChoice::Everything));
            }
            for district in &picture.districts {
                let label = format!("{} ({} wards)", district.name, district.wards);
                let chosen = !current.is_empty() && picture.area_name() == district.name;
                if ui.selectable_label(chosen, label).clicked() {
                    actions.push(Action::SetArea(AreaChoice::District(district.code.clone())));
                }
            }
            if ui
                .selectable_label(false, "Choose wards…")
                .on_hover_text("Pick the wards every page is filtered to")
                .clicked()
            {
                actions.push(Action::ChooseWards);
            }
        });
}

fn headline_ui(
    ui: &mut egui::Ui,
    f: &ThemeOverview,
    peer_card: Option<(&str, &str)>,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        let rate = f
            .rate_per_1000
            .map_or("no population imported".into(), |r| format!("{r:.1} per 1,000 residents"));
        figure_card_ui(ui, &format!("{} {}", f.theme, f.financial_year), &thousands(f.total), &rate);
        if let Some(r) = f.rate_per_1000 {
            figure_card_ui(ui, "Rate per 1,000 residents", &format!("{r:.1}"), "Population of the area");
        }
        let change = match (f.change, f.change_pct) {
            (Some(c), Some(p)) => format!("{} ({p:+.1}%)", signed(c)),
            (Some(c), None) => signed(c),
            _ => "–".into(),
        };
        figure_card_ui(ui, "Change on last year", &change, &f.change_explained);
        let badge = match f.change_significant {
            Some(true) => ("Significant change", Color32::from_rgb(176, 58, 46)),
            Some(false) => ("Not significant", Color32::from_rgb(90, 90, 90)),
            None => ("No earlier year", Color32::GRAY),
        };
        let method = match (f.change_method, f.dispersion) {
            (Some(TestMethod::QuasiPoisson), Some(d)) => format!("Quasi-Poisson test of the two yearly counts: the months vary {d:.2} times as much as chance alone (after the seasonal pattern), so the test allows for that"),
            (_, Some(d)) => format!("Exact test of the two yearly counts (Poisson, conditional binomial); the months vary no more than chance (dispersion {d:.2})"),
            _ => "Exact test of the two yearly counts (Poisson, conditional binomial)".to_string(),
        };
        ui.label(RichText::new(badge.0).color(badge.1).strong())
            .on_hover_text(format!("{method}: significant means a change this large would arise by chance less than 1 time in 20."));
        let three = match (f.change_3y, f.change_3y_pct) {
            (Some(c), Some(p)) => format!("{} ({p:+.1}%)", signed(c)),
            _ => "–".into(),
        };
        figure_card_ui(ui, "Change on 3 years earlier", &three, "Against the financial year three years before");
        if let Some((phrase, sentence)) = peer_card {
            super::comparison::peer_card_ui(ui, phrase, sentence, actions);
        }
    });
}

/// `1559` → `+1,559`.
fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{}", thousands(n))
    } else {
        thousands(n)
    }
}

fn trend_chart_ui(ui: &mut egui::Ui, f: &ThemeOverview) {
    let bars: Vec<Bar> = f
        .trend
        .iter()
        .enumerate()
        .map(|(i, p)| {
            Bar::new(i as f64, p.total as f64).name(format!("{}: {}", p.fy, thousands(p.total)))
        })
        .collect();
    let labels: Vec<String> = f.trend.iter().map(|p| p.fy.clone()).collect();
    fixed_plot("picture_trend", 220.0)
        .x_axis_formatter(move |mark, _| label_at(&labels, mark.value))
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(BarChart::new("Total", bars).width(0.6))
        });
}

fn seasonality_chart_ui(ui: &mut egui::Ui, f: &ThemeOverview) {
    let this_year: Vec<[f64; 2]> = f
        .months
        .iter()
        .enumerate()
        .map(|(i, m)| [i as f64, m.count as f64])
        .collect();
    let earlier: Vec<[f64; 2]> = f
        .seasonality
        .earlier_average
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| [i as f64, v]))
        .collect();
    let names: Vec<String> = MONTH_NAMES.iter().map(|m| m.to_string()).collect();
    fixed_plot("picture_seasonality", 220.0)
        .legend(Legend::default().position(egui_plot::Corner::RightBottom))
        .x_grid_spacer(every_whole_number)
        .custom_x_axes(vec![egui_plot::AxisHints::new_x()
            .label_spacing(22.0..=30.0)
            .formatter(move |mark, _| label_at(&names, mark.value))])
        .show(ui, |plot_ui| {
            plot_ui
                .line(Line::new(f.financial_year.clone(), PlotPoints::new(this_year)).width(2.0));
            if !earlier.is_empty() {
                plot_ui.line(
                    Line::new("Average of earlier years", PlotPoints::new(earlier)).width(1.5),
                );
            }
        });
}

/// A chart that stays put (no zoom, drag or scroll, so the page scrolls), from zero up.
pub fn fixed_plot(id: &str, height: f32) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_y(0.0)
}

/// Grid marks at every whole number of the x range, so each month gets its label.
fn every_whole_number(input: egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    let (low, high) = input.bounds;
    let first = low.ceil().max(0.0) as i64;
    let last = high.floor().max(0.0) as i64;
    (first..=last)
        .map(|i| egui_plot::GridMark {
            value: i as f64,
            step_size: 1.0,
        })
        .collect()
}

/// The label of the whole-number x position `value`, blank between positions.
pub fn label_at(labels: &[String], value: f64) -> String {
    let i = value.round();
    if (value - i).abs() < 1e-6 && i >= 0.0 {
        labels.get(i as usize).cloned().unwrap_or_default()
    } else {
        String::new()
    }
}

/// A table with a "Copy" button that puts it on the clipboard as tab-separated text.
pub(super) fn table_ui(
    ui: &mut egui::Ui,
    title: &str,
    id: &str,
    header: &[&str],
    rows: &[Vec<String>],
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(title).size(16.0).strong());
        if ui
            .small_button("Copy")
            .on_hover_text("Copy as tab-separated text (pastes into Excel)")
            .clicked()
        {
            ui.ctx().copy_text(tab_separated(header, rows));
        }
    });
    egui::Grid::new(id)
        .striped(true)
        .num_columns(header.len())
        .show(ui, |ui| {
            for h in header {
                ui.label(RichText::new(*h).strong());
            }
            ui.end_row();
            for row in rows {
                for cell in row {
                    ui.label(cell);
                }
                ui.end_row();
            }
        });
}

/// Header and rows as tab-separated lines.
pub fn tab_separated(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = header.join("\t");
    for row in rows {
        out.push('\n');
        out.push_str(&row.join("\t"));
    }
    out.push('\n');
    out
}
