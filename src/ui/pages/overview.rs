//! The Overview page: the headline totals and the monthly chart of recorded crime and
//! anti-social behaviour across every month the file holds.

use super::PageContext;
use crate::import::month::month_label;
use crate::ui::actions::Action;
use crate::ui::chart::monthly_chart_ui;
use crate::ui::navigation::Page;
use crate::ui::view::month_span;
use crate::ui::widgets::{figure_card_ui, page_heading_ui, section_heading_ui};
use egui::RichText;

pub const CHART_HEADING: &str = "Recorded crime and anti-social behaviour per month";

pub fn overview_page_ui(ui: &mut egui::Ui, context: &PageContext<'_>, actions: &mut Vec<Action>) {
    page_heading_ui(
        ui,
        "Overview",
        "The crime picture of one theme, financial year and area, laid out like a strategic assessment's Overall Crime Picture.",
    );
    let view = context.view;
    let series = &view.monthly;
    if series.is_empty() {
        ui.add_space(30.0);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new("No police data yet").size(18.0).strong());
            ui.label(
                RichText::new(
                    "Import police.uk files on the Data page to see the monthly figures.",
                )
                .weak(),
            );
            if ui.button("Go to the Data page").clicked() {
                actions.push(Action::ShowPage(Page::Data));
            }
        });
        return;
    }
    match &view.picture {
        Some(picture) => {
            let comparison = &view.comparison;
            let card = comparison
                .card
                .as_deref()
                .map(|c| (c, comparison.sentence.as_deref().unwrap_or_default()));
            super::picture::crime_picture_ui(ui, picture, card, !context.read_only, actions)
        }
        None => {
            ui.label(
                RichText::new(
                    "The crime picture appears once the file holds a complete financial year (April to March).",
                )
                .weak(),
            );
        }
    }
    let months = month_span(
        series.first_month.map(month_label).as_deref(),
        series.last_month.map(month_label).as_deref(),
    );
    ui.horizontal_wrapped(|ui| {
        figure_card_ui(
            ui,
            "Recorded crime",
            &view.totals_text.crime,
            "Crimes in every month held",
        );
        figure_card_ui(
            ui,
            "Anti-social behaviour",
            &view.totals_text.asb,
            "ASB incidents in every month held",
        );
        figure_card_ui(
            ui,
            "Months",
            &months,
            &format!("{} months, gaps counted as zero", series.month_count()),
        );
    });
    section_heading_ui(ui, CHART_HEADING);
    let height = (ui.available_height() - 20.0).clamp(280.0, 520.0);
    monthly_chart_ui(ui, series, height);
}
