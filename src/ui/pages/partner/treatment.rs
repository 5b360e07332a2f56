//! The Treatment page: per NDTMS substance group, people in treatment, new presentations,
//! successful completions, the completion rate and re-presentations for the year, with
//! the change on last year, and how a year is built from quarterly returns.

use super::super::picture::table_ui;
use super::common::{bars_ui, card, cards_ui, count, pct};
use super::PartnerPage;
use crate::analysis::partner::{PartnerFigures, TreatmentFigures};
use crate::import::partner::PartnerLayout;
use crate::report::format::thousands;
use crate::ui::widgets::section_heading_ui;

pub const PAGE: PartnerPage = PartnerPage {
    layout: PartnerLayout::Treatment,
    nav_title: "Treatment",
    description: "Drug and alcohol treatment by substance group",
    title: "Drug and alcohol treatment",
    explanation: "NDTMS-style counts by substance group (Opiate, Non-opiate only, Non-opiate and alcohol, Alcohol only).",
    uses_area: false,
    body: |ui, figures, _| {
        if let PartnerFigures::Treatment(f) = figures {
            figures_ui(ui, f);
        }
    },
};

fn figures_ui(ui: &mut egui::Ui, f: &TreatmentFigures) {
    let t = &f.total;
    cards_ui(
        ui,
        &[
            card(
                format!("In treatment {}", f.financial_year),
                thousands(t.in_treatment),
                f.method,
            ),
            card(
                "New presentations",
                thousands(t.new_presentations),
                "Summed over the year",
            ),
            card(
                "Successful completions",
                thousands(t.successful_completions),
                "Summed over the year",
            ),
            card(
                "Completion rate",
                pct(t.completion_rate_pct),
                "Successful completions ÷ in treatment",
            ),
        ],
    );
    ui.label(&t.in_treatment_change.change_explained);
    ui.label(egui::RichText::new(format!("How a year is counted: {}", f.method)).weak());
    if !f.is_complete {
        ui.label(
            egui::RichText::new(format!(
                "{} is not complete: {} periods held.",
                f.financial_year, f.periods_held
            ))
            .weak(),
        );
    }
    let rows: Vec<Vec<String>> = f
        .groups
        .iter()
        .chain(std::iter::once(t))
        .map(|g| {
            vec![
                g.substance_group.clone(),
                thousands(g.in_treatment),
                thousands(g.new_presentations),
                thousands(g.successful_completions),
                pct(g.completion_rate_pct),
                thousands(g.re_presentations),
                count(g.previous_in_treatment),
                g.in_treatment_change
                    .change_pct
                    .map_or("–".into(), |p| format!("{p:+.1}%")),
                g.completion_rate_change_points
                    .map_or("–".into(), |p| format!("{p:+.1} pts")),
            ]
        })
        .collect();
    table_ui(
        ui,
        "By substance group",
        "treatment_groups",
        &[
            "Substance group",
            "In treatment",
            "New",
            "Completions",
            "Completion rate",
            "Re-presentations",
            "Last year in treatment",
            "Change",
            "Rate change",
        ],
        &rows,
    );
    section_heading_ui(ui, "Completion rate by substance group");
    let series: Vec<(String, f64)> = f
        .groups
        .iter()
        .map(|g| {
            (
                g.substance_group.clone(),
                g.completion_rate_pct.unwrap_or(0.0),
            )
        })
        .collect();
    bars_ui(ui, "treatment_rates", &series, 200.0);
    let periods: Vec<Vec<String>> = f
        .by_period
        .iter()
        .map(|r| {
            vec![
                r.period.clone(),
                r.substance_group.clone(),
                count(r.in_treatment),
                count(r.new_presentations),
                count(r.successful_completions),
                r.re_presentations.map_or("suppressed".into(), thousands),
            ]
        })
        .collect();
    table_ui(
        ui,
        "Periods as published",
        "treatment_periods",
        &[
            "Period",
            "Substance group",
            "In treatment",
            "New",
            "Completions",
            "Re-presentations",
        ],
        &periods,
    );
}
