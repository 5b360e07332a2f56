//! The council ASB cases page: cases opened by month and category, repeat cases, cases
//! open more than 90 days, actions taken and top wards — beside police-recorded ASB for
//! the same year and area, never added to it.

use super::super::picture::table_ui;
use super::common::{
    bars_ui, card, cards_ui, change_card, change_ui, lines_ui, pct, shares_table_ui, wards_table_ui,
};
use super::PartnerPage;
use crate::analysis::partner::{AsbCaseFigures, PartnerFigures};
use crate::import::partner::PartnerLayout;
use crate::report::format::thousands;
use crate::ui::widgets::section_heading_ui;

pub const PAGE: PartnerPage = PartnerPage {
    layout: PartnerLayout::AsbCases,
    nav_title: "ASB cases",
    description: "Council ASB cases beside police-recorded ASB",
    title: "Council ASB cases",
    explanation: "Cases from the council's ASB case-management system, shown beside police-recorded ASB (a case is not an incident, so the two are never added).",
    uses_area: true,
    body: |ui, figures, _| {
        if let PartnerFigures::AsbCases(f) = figures {
            figures_ui(ui, f);
        }
    },
};

fn figures_ui(ui: &mut egui::Ui, f: &AsbCaseFigures) {
    cards_ui(
        ui,
        &[
            card(
                format!("Cases opened {}", f.financial_year),
                thousands(f.opened),
                "Council ASB cases opened in the year",
            ),
            change_card(&f.change),
            card(
                "Repeat cases",
                format!("{} ({})", thousands(f.repeat_cases), pct(f.repeat_pct)),
                "Cases marked as repeats",
            ),
            card(
                "Open more than 90 days",
                thousands(f.open_over_90_days),
                format!(
                    "Cases still open at {} that were opened more than 90 days before",
                    f.as_at
                ),
            ),
            card(
                "Police-recorded ASB",
                f.police_asb_incidents.map_or("–".into(), thousands),
                "Police ASB incidents in the same year and area, for comparison (not added)",
            ),
        ],
    );
    change_ui(ui, &f.change);
    section_heading_ui(ui, "Cases opened by month and category");
    let labels: Vec<String> = f.months.iter().map(|m| m.month.clone()).collect();
    let lines: Vec<(&str, Vec<f64>)> = f
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                c.as_str(),
                f.months
                    .iter()
                    .map(|m| m.by_category.get(i).copied().unwrap_or(0) as f64)
                    .collect(),
            )
        })
        .collect();
    lines_ui(ui, "asb_months", &labels, &lines, 240.0);
    let mut header = vec!["Month", "Opened"];
    header.extend(f.categories.iter().map(String::as_str));
    let rows: Vec<Vec<String>> = f
        .months
        .iter()
        .map(|m| {
            let mut row = vec![m.month.clone(), thousands(m.opened)];
            row.extend(m.by_category.iter().map(|n| thousands(*n)));
            row
        })
        .collect();
    egui::ScrollArea::horizontal()
        .id_salt("asb_month_table")
        .show(ui, |ui| {
            table_ui(
                ui,
                "Opened by month and category",
                "asb_by_month",
                &header,
                &rows,
            );
        });
    ui.columns(2, |cols| {
        shares_table_ui(
            &mut cols[0],
            "Categories",
            "asb_categories",
            "Category",
            &f.by_category,
        );
        shares_table_ui(
            &mut cols[1],
            "Actions taken",
            "asb_actions",
            "Action",
            &f.by_action,
        );
    });
    section_heading_ui(ui, "Actions taken");
    let actions_series: Vec<(String, f64)> = f
        .by_action
        .iter()
        .map(|s| (s.label.clone(), s.count as f64))
        .collect();
    bars_ui(ui, "asb_actions_chart", &actions_series, 180.0);
    wards_table_ui(ui, "Wards with most cases", "asb_wards", &f.top_wards);
    if f.ward_unknown > 0 {
        ui.label(
            egui::RichText::new(format!(
                "{} cases have an area (e.g. a postcode) not placed in a ward.",
                thousands(f.ward_unknown)
            ))
            .weak(),
        );
    }
}
