//! The Indicators page: every partner indicator with values in the chosen financial year,
//! each with its values by period (and area), unit and source, and a chart of its
//! whole-area values. Withheld values are listed as withheld, never drawn as zero.

use super::super::picture::table_ui;
use super::common::bars_ui;
use super::PartnerPage;
use crate::analysis::partner::{IndicatorFigures, PartnerFigures};
use crate::import::partner::PartnerLayout;
use crate::ui::widgets::section_heading_ui;
use egui::RichText;

pub const PAGE: PartnerPage = PartnerPage {
    layout: PartnerLayout::Indicators,
    nav_title: "Indicators",
    description: "Any partner's figures: fire, youth justice, probation, housing, health, surveys",
    title: "Partner indicators",
    explanation:
        "Figures partners send in their own spreadsheets, by period and, where given, by area.",
    uses_area: false,
    body: |ui, figures, _| {
        if let PartnerFigures::Indicators(f) = figures {
            figures_ui(ui, f);
        }
    },
};

fn figures_ui(ui: &mut egui::Ui, f: &IndicatorFigures) {
    if f.suppressed > 0 {
        ui.label(
            RichText::new(format!(
                "{} values of {} were withheld by the partner: they are listed as withheld and left out of the charts.",
                f.suppressed, f.financial_year
            ))
            .weak(),
        );
    }
    for (i, indicator) in f.indicators.iter().enumerate() {
        section_heading_ui(ui, &indicator.name);
        let about: Vec<String> = [
            indicator.unit.as_ref().map(|u| format!("Unit: {u}")),
            indicator.source.as_ref().map(|s| format!("Source: {s}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !about.is_empty() {
            ui.label(RichText::new(about.join(" · ")).weak());
        }
        let whole: Vec<(String, f64)> = indicator
            .periods
            .iter()
            .filter(|p| p.area_code.is_none())
            .filter_map(|p| p.value.map(|v| (p.period.clone(), v)))
            .collect();
        if whole.len() > 1 {
            bars_ui(ui, &format!("indicator_chart_{i}"), &whole, 160.0);
        }
        let rows: Vec<Vec<String>> = indicator
            .periods
            .iter()
            .map(|p| {
                vec![
                    p.period.clone(),
                    p.area_code.clone().unwrap_or_else(|| "Whole area".into()),
                    p.value.map_or_else(
                        || "withheld".to_string(),
                        crate::analysis::action_plan::status::number,
                    ),
                ]
            })
            .collect();
        table_ui(
            ui,
            &format!("{}: values", indicator.name),
            &format!("indicator_table_{i}"),
            &["Period", "Area", "Value"],
            &rows,
        );
    }
}
