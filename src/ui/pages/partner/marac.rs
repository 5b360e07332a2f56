//! The MARAC page: cases by quarter, the repeat rate against the SafeLives ~30 %
//! benchmark, cases per 10,000 women aged 16+ against ~40 (with the population entered
//! here when it is not imported), and referral sources.

use super::super::picture::table_ui;
use super::common::{bars_ui, card, cards_ui, change_card, change_ui, count, pct};
use super::PartnerPage;
use crate::analysis::partner::{MaracFigures, PartnerFigures};
use crate::import::partner::PartnerLayout;
use crate::report::format::thousands;
use crate::ui::actions::Action;
use crate::ui::widgets::section_heading_ui;

pub const PAGE: PartnerPage = PartnerPage {
    layout: PartnerLayout::Marac,
    nav_title: "MARAC",
    description: "MARAC cases by quarter against the SafeLives benchmarks",
    title: "MARAC",
    explanation:
        "Multi-agency risk assessment conference cases from the quarterly SafeLives returns.",
    uses_area: false,
    body: |ui, figures, actions| {
        if let PartnerFigures::Marac(f) = figures {
            figures_ui(ui, f, actions);
        }
    },
};

fn figures_ui(ui: &mut egui::Ui, f: &MaracFigures, actions: &mut Vec<Action>) {
    let rate = f
        .cases_per_10000_women
        .map_or("–".into(), |r| format!("{r:.1}"));
    cards_ui(
        ui,
        &[
            card(
                format!("MARAC cases {}", f.financial_year),
                thousands(f.cases),
                format!("{} quarters held", f.quarters_held),
            ),
            change_card(&f.change),
            card(
                "Repeat rate",
                pct(f.repeat_pct),
                "SafeLives benchmark: about 30%",
            ),
            card(
                "Cases per 10,000 women 16+",
                rate,
                "SafeLives benchmark: about 40 a year (scaled to a year when fewer quarters are held)",
            ),
            card(
                "Referred by police",
                pct(f.police_referral_pct),
                "Share of referrals made by the police",
            ),
        ],
    );
    change_ui(ui, &f.change);
    population_ui(ui, f.female_16_plus, actions);
    ui.columns(2, |cols| {
        section_heading_ui(&mut cols[0], "Cases by quarter");
        let quarters: Vec<(String, f64)> = f
            .by_quarter
            .iter()
            .map(|q| (q.quarter.clone(), q.cases.unwrap_or(0) as f64))
            .collect();
        bars_ui(&mut cols[0], "marac_quarters", &quarters, 200.0);
        section_heading_ui(&mut cols[1], "Cases by financial year");
        let years: Vec<(String, f64)> = f
            .by_year
            .iter()
            .map(|y| (y.fy.clone(), y.cases as f64))
            .collect();
        bars_ui(&mut cols[1], "marac_years", &years, 200.0);
    });
    let rows: Vec<Vec<String>> = f
        .by_quarter
        .iter()
        .map(|q| {
            vec![
                q.quarter.clone(),
                count(q.cases),
                count(q.repeat_cases),
                pct(q.repeat_pct),
                count(q.referrals_from_police),
                count(q.referrals_from_other_agencies),
            ]
        })
        .collect();
    table_ui(
        ui,
        "Quarters",
        "marac_by_quarter",
        &[
            "Quarter",
            "Cases",
            "Repeats",
            "Repeat rate",
            "From police",
            "From other agencies",
        ],
        &rows,
    );
    let years: Vec<Vec<String>> = f
        .by_year
        .iter()
        .map(|y| {
            vec![
                y.fy.clone(),
                y.quarters.to_string(),
                thousands(y.cases),
                thousands(y.repeat_cases),
                pct(y.repeat_pct),
            ]
        })
        .collect();
    table_ui(
        ui,
        "Financial years",
        "marac_by_year",
        &["Year", "Quarters", "Cases", "Repeats", "Repeat rate"],
        &years,
    );
    if f.suppressed_cells > 0 {
        ui.label(
            egui::RichText::new(format!(
                "{} suppressed cells are left out of the sums.",
                f.suppressed_cells
            ))
            .weak(),
        );
    }
}

/// The female 16+ population: shown, and entered by hand when it is not imported.
fn population_ui(ui: &mut egui::Ui, current: Option<f64>, actions: &mut Vec<Action>) {
    let id = egui::Id::unique("female_16_plus_text");
    let mut text = ui.data_mut(|d| {
        d.get_temp::<String>(id)
            .unwrap_or_else(|| current.map(|v| format!("{v:.0}")).unwrap_or_default())
    });
    ui.horizontal(|ui| {
        let label = ui.label("Women aged 16+ in the area");
        ui.add(egui::TextEdit::singleline(&mut text).desired_width(120.0))
            .labelled_by(label.id);
        let parsed = text
            .trim()
            .replace(',', "")
            .parse::<f64>()
            .ok()
            .filter(|v| *v > 0.0);
        if ui
            .add_enabled(parsed.is_some(), egui::Button::new("Use this population"))
            .clicked()
        {
            actions.push(Action::SetFemalePopulation(parsed));
        }
        if current.is_none() {
            ui.label(
                egui::RichText::new("Needed for cases per 10,000 women (ONS mid-year estimates)")
                    .weak(),
            );
        }
    });
    ui.data_mut(|d| d.insert_temp(id, text));
}
