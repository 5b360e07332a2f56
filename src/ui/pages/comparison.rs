//! The Comparison page: "how do we compare?" for the Overview's theme and year — the peer
//! set to compare with, the sentence on where the area stands, the funnel plot (hover a
//! dot for its district) and the districts' table, sortable by column and copyable for
//! Excel. Also the banner that proposes an area of interest after the first import.

use super::picture::{fixed_plot, picture_selectors_ui, tab_separated};
use super::PageContext;
use crate::analysis::area_proposal::AreaProposal;
use crate::analysis::comparison::{AreaComparison, Comparison, PeerChoice, ALL_DISTRICTS};
use crate::report::content::comparison_sentence;
use crate::report::format::thousands;
use crate::ui::actions::Action;
use crate::ui::comparison_view::{ComparisonView, SortColumn};
use crate::ui::theme::{CRIME_COLOUR, INFO_COLOUR, PROBLEM_COLOUR};
use crate::ui::widgets::{page_heading_ui, section_heading_ui};
use egui::{Color32, RichText};
use egui_plot::{HLine, HoverPosition, Legend, Line, LineStyle, PlotPoints, Points};

const OTHER_COLOUR: Color32 = Color32::from_rgb(150, 150, 150);

pub fn comparison_page_ui(ui: &mut egui::Ui, context: &PageContext<'_>, actions: &mut Vec<Action>) {
    page_heading_ui(
        ui,
        "How do we compare?",
        "Each district's rate per 1,000 residents for the theme and year, ranked, with a funnel plot: districts outside the dashed limits differ from the peer rate by more than chance.",
    );
    let Some(picture) = &context.view.picture else {
        ui.label(
            RichText::new(
                "The comparison appears once the file holds a complete financial year (April to March) of police data.",
            )
            .weak(),
        );
        return;
    };
    let view = &context.view.comparison;
    if !view.has_districts() {
        ui.label(RichText::new("No district is known for the file's incidents: police.uk LSOA names carry the district (\"Leeds 004A\"), or import a ward lookup with district (LADnnCD) columns.").weak());
        return;
    }
    picture_selectors_ui(ui, picture, !context.read_only, actions);
    ui.add_space(6.0);
    peer_selector_ui(ui, view, actions);
    let Some(result) = &view.result else {
        return;
    };
    ui.add_space(6.0);
    match comparison_sentence(result) {
        Some(sentence) => ui.label(RichText::new(sentence).size(15.0)),
        None => ui.label(
            RichText::new("The area of interest is not one district (or none is set), so no district is highlighted: choose a district as the Area to see where it stands.")
                .weak(),
        ),
    };
    section_heading_ui(ui, "Rate against population (funnel plot)");
    funnel_ui(ui, result);
    if let Some(f) = &result.funnel {
        let how = if f.limits == "over_dispersed" {
            format!(
                "The districts vary {:.1} times as much as chance alone would make them, so the limits are widened by the square root of that.",
                f.dispersion
            )
        } else {
            "Limits from Poisson variation (Spiegelhalter 2005).".into()
        };
        ui.label(RichText::new(how).weak());
    }
    comparison_table_ui(ui, view, result, actions);
    notes_ui(ui, view, result);
}

fn peer_selector_ui(ui: &mut egui::Ui, view: &ComparisonView, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let current = match &view.peers {
            PeerChoice::AllDistricts => ALL_DISTRICTS.to_string(),
            PeerChoice::SameType => "Districts of our type".to_string(),
            PeerChoice::Saved { name, .. } => name.clone(),
        };
        egui::ComboBox::new("comparison_peers", "Compare with")
            .selected_text(current)
            .width(240.0)
            .show_ui(ui, |ui| {
                let mut option = |ui: &mut egui::Ui, choice: PeerChoice, label: &str| {
                    if ui.selectable_label(view.peers == choice, label).clicked() {
                        actions.push(Action::SetPeers(choice));
                    }
                };
                option(ui, PeerChoice::AllDistricts, ALL_DISTRICTS);
                option(ui, PeerChoice::SameType, "Districts of our type");
                for group in &view.peer_groups {
                    let choice = PeerChoice::Saved {
                        name: group.name.clone(),
                        codes: group.codes.clone(),
                    };
                    option(ui, choice, &group.name);
                }
            });
        ui.add_space(12.0);
        if ui
            .button("Peer groups…")
            .on_hover_text("Save lists of districts to compare with, e.g. your most similar group")
            .clicked()
        {
            actions.push(Action::EditPeerGroups);
        }
    });
}

fn is_subject(result: &Comparison, a: &AreaComparison) -> bool {
    result
        .subject
        .as_ref()
        .is_some_and(|s| s.code == a.code && s.name == a.name)
}

fn funnel_ui(ui: &mut egui::Ui, result: &Comparison) {
    let Some(funnel) = &result.funnel else {
        ui.label(
            RichText::new("No funnel: no peer district has both incidents and a population.")
                .weak(),
        );
        return;
    };
    let plotted: Vec<&AreaComparison> = result
        .areas
        .iter()
        .filter(|a| a.covered && a.population.is_some() && a.exact_rate.is_some())
        .collect();
    let series = |keep: &dyn Fn(&AreaComparison) -> bool| -> (Vec<[f64; 2]>, Vec<String>) {
        plotted
            .iter()
            .filter(|a| keep(a))
            .map(|a| {
                let rate = a.exact_rate.unwrap_or(0.0) * 1000.0;
                (
                    [a.population.unwrap_or(0.0), rate],
                    format!(
                        "{}\n{} residents, {} incidents\n{rate:.1} per 1,000 ({})",
                        a.name,
                        thousands(a.population.unwrap_or(0.0).round() as i64),
                        thousands(a.count),
                        a.vs_peer_mean.map_or("–", |p| p.words())
                    ),
                )
            })
            .unzip()
    };
    let (ours, our_labels) = series(&|a| is_subject(result, a));
    let (peers, peer_labels) = series(&|a| !is_subject(result, a) && a.in_peer_group);
    let (others, other_labels) = series(&|a| !is_subject(result, a) && !a.in_peer_group);
    let limit = |pick: fn(&crate::analysis::funnel::FunnelPoint) -> f64| -> PlotPoints {
        funnel
            .points
            .iter()
            .map(|p| [p.population, pick(p)])
            .collect()
    };
    let top = funnel
        .points
        .get(funnel.points.len() / 8)
        .map_or(0.0, |p| p.hi998)
        .max(
            plotted
                .iter()
                .filter_map(|a| a.exact_rate)
                .fold(0.0, f64::max)
                * 1000.0,
        );
    fixed_plot("comparison_funnel", 320.0)
        .include_y(top * 1.05)
        .include_x(0.0)
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        .x_axis_formatter(|mark, _| thousands(mark.value.round() as i64))
        .label_formatter(move |hover| match hover {
            HoverPosition::NearDataPoint {
                plot_name, index, ..
            } => {
                let labels = match *plot_name {
                    "Your district" => &our_labels,
                    "Peer districts" => &peer_labels,
                    "Other districts" => &other_labels,
                    _ => return None,
                };
                labels.get(*index).cloned()
            }
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot_ui| {
            plot_ui.hline(
                HLine::new(
                    format!("Peer rate {:.1}", funnel.mean_rate_per_1000),
                    funnel.target_per_1000,
                )
                .color(Color32::from_gray(90)),
            );
            for (name, pick, colour) in [
                (
                    "95% limits",
                    (|p: &crate::analysis::funnel::FunnelPoint| p.lo95) as fn(&_) -> f64,
                    Color32::from_gray(120),
                ),
                ("95% limits", |p| p.hi95, Color32::from_gray(120)),
                ("99.8% limits", |p| p.lo998, PROBLEM_COLOUR),
                ("99.8% limits", |p| p.hi998, PROBLEM_COLOUR),
            ] {
                plot_ui.line(
                    Line::new(name, limit(pick))
                        .color(colour)
                        .style(LineStyle::dashed_dense())
                        .allow_hover(false),
                );
            }
            if !others.is_empty() {
                plot_ui.points(
                    Points::new("Other districts", others)
                        .radius(3.0)
                        .color(OTHER_COLOUR),
                );
            }
            plot_ui.points(
                Points::new("Peer districts", peers)
                    .radius(4.0)
                    .color(CRIME_COLOUR),
            );
            if !ours.is_empty() {
                plot_ui.points(
                    Points::new("Your district", ours)
                        .radius(6.0)
                        .color(PROBLEM_COLOUR),
                );
            }
        });
}

fn comparison_table_ui(
    ui: &mut egui::Ui,
    view: &ComparisonView,
    result: &Comparison,
    actions: &mut Vec<Action>,
) {
    let header = [
        "District",
        "Type",
        "Count",
        "Population",
        "Per 1,000",
        "95% interval",
        "Rank",
        "Rank in type",
        "Rank in peers",
        "Against the peer rate",
    ];
    let rows: Vec<Vec<String>> = view
        .order
        .iter()
        .filter_map(|&i| result.areas.get(i))
        .map(table_row)
        .collect();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("Districts: {}", result.theme_label))
                .size(16.0)
                .strong(),
        );
        if ui
            .small_button("Copy")
            .on_hover_text("Copy as tab-separated text (pastes into Excel)")
            .clicked()
        {
            ui.ctx().copy_text(tab_separated(&header, &rows));
        }
    });
    let subject_row = view
        .order
        .iter()
        .position(|&i| result.areas.get(i).is_some_and(|a| is_subject(result, a)));
    egui::Grid::new("comparison_table")
        .striped(true)
        .num_columns(header.len())
        .show(ui, |ui| {
            for title in header {
                let sortable = SortColumn::ALL.iter().find(|c| c.label() == title);
                match sortable {
                    Some(&column) => {
                        let arrow = match (view.sort.column == column, view.sort.descending) {
                            (false, _) => "",
                            (true, true) if column == SortColumn::Name => " (Z–A)",
                            (true, false) if column == SortColumn::Name => " (A–Z)",
                            (true, true) => " (highest first)",
                            (true, false) => " (lowest first)",
                        };
                        if ui
                            .button(RichText::new(format!("{title}{arrow}")).strong())
                            .on_hover_text("Sort by this column; again to reverse")
                            .clicked()
                        {
                            actions.push(Action::SortComparison(column));
                        }
                    }
                    None => {
                        ui.label(RichText::new(title).strong());
                    }
                }
            }
            ui.end_row();
            for (n, row) in rows.iter().enumerate() {
                for cell in row {
                    let text = RichText::new(cell);
                    ui.label(if Some(n) == subject_row {
                        text.strong().color(PROBLEM_COLOUR)
                    } else {
                        text
                    });
                }
                ui.end_row();
            }
        });
}

fn table_row(a: &AreaComparison) -> Vec<String> {
    let rank = |r: Option<usize>, of: usize| r.map_or("–".into(), |r| format!("{r} of {of}"));
    vec![
        match &a.code {
            Some(code) => format!("{} ({code})", a.name),
            None => a.name.clone(),
        },
        a.la_type.singular().to_string(),
        thousands(a.count),
        a.population
            .map_or("–".into(), |p| thousands(p.round() as i64)),
        a.rate_per_1000.map_or("–".into(), |r| format!("{r:.1}")),
        match (a.ci95_low, a.ci95_high) {
            (Some(lo), Some(hi)) => format!("{lo:.1} to {hi:.1}"),
            _ => "–".into(),
        },
        rank(a.rank, a.of),
        rank(a.rank_in_type, a.of_type),
        rank(a.rank_in_peers, a.of_peers),
        match (a.vs_peer_mean, a.covered, a.population) {
            (Some(p), _, _) => p.words().to_string(),
            (None, _, None) => "no population".into(),
            (None, false, _) => "not ranked: few incidents, over the border".into(),
            (None, true, _) => "–".into(),
        },
    ]
}

fn notes_ui(ui: &mut egui::Ui, view: &ComparisonView, result: &Comparison) {
    let mut notes = Vec::new();
    if result.unplaced > 0 {
        notes.push(format!(
            "{} incidents have no location or are in an LSOA of no known district; they are in no district's count.",
            thousands(result.unplaced)
        ));
    }
    if !result.peer_group.codes_not_in_file.is_empty() {
        notes.push(format!(
            "Not in the file: {} (peer group codes with no incidents or population here).",
            result.peer_group.codes_not_in_file.join(", ")
        ));
    }
    notes.push(format!(
        "Equal rates share a rank. Worked out in {:.0} ms.",
        view.took.as_secs_f64() * 1000.0
    ));
    for note in notes {
        ui.label(RichText::new(note).weak());
    }
}

/// The Overview's card: "14th highest of 50 unitary authorities" (rate per 1,000), the
/// sentence on hover, a click to the Comparison page.
pub fn peer_card_ui(ui: &mut egui::Ui, phrase: &str, sentence: &str, actions: &mut Vec<Action>) {
    let response = egui::Frame::new()
        .fill(ui.visuals().window_fill)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(14, 10))
        .show(ui, |ui| {
            ui.vertical(|ui| {
                ui.label(RichText::new("Rate among districts of our type").weak());
                ui.label(RichText::new(phrase).size(18.0).strong());
                if ui.small_button("How do we compare?").clicked() {
                    actions.push(Action::ShowPage(crate::ui::navigation::Page::Comparison));
                }
            });
        })
        .response;
    if !sentence.is_empty() {
        response.on_hover_text(sentence);
    }
}

/// The banner offering the district holding most incidents as the area of interest.
pub fn proposal_banner_ui(ui: &mut egui::Ui, proposal: &AreaProposal, actions: &mut Vec<Action>) {
    egui::Frame::new()
        .fill(INFO_COLOUR.gamma_multiply(0.08))
        .stroke(egui::Stroke::new(1.0, INFO_COLOUR.gamma_multiply(0.6)))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!(
                        "The police data covers several districts; most incidents ({:.1}%) are in {}. Make {} the area every page and the report are about?",
                        proposal.share_pct, proposal.name, proposal.name
                    ))
                    .color(INFO_COLOUR),
                );
                if ui.button(format!("Use {}", proposal.name)).clicked() {
                    actions.push(Action::AcceptProposedArea);
                }
                if ui.button("Keep all data").clicked() {
                    actions.push(Action::DismissProposedArea);
                }
            });
        });
    ui.add_space(8.0);
}
