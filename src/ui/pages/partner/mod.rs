//! The partner pages, one per dataset (described by a [`PartnerPage`] in its own module):
//! the same heading with the year selector and the area, or an empty state that says how
//! to import the source, then the dataset's own figures.

mod asb_cases;
mod common;
mod domestic_abuse;
mod indicators;
mod marac;
mod treatment;

use super::PageContext;
use crate::analysis::partner::PartnerFigures;
use crate::import::partner::PartnerLayout;
use crate::ui::actions::Action;
use crate::ui::partner_view::PartnerView;
use crate::ui::widgets::page_heading_ui;
use egui::RichText;

/// One partner dataset's page.
#[derive(Debug, Clone, Copy)]
pub struct PartnerPage {
    pub layout: PartnerLayout,
    /// Its button in the navigation, and the button's hover text.
    pub nav_title: &'static str,
    pub description: &'static str,
    /// The page heading and the line under it.
    pub title: &'static str,
    pub explanation: &'static str,
    /// Whether the figures follow the area of interest (else the source's whole area).
    pub uses_area: bool,
    /// The page below its heading, from the dataset's figures (nothing from another
    /// dataset's).
    pub body: fn(&mut egui::Ui, &PartnerFigures, &mut Vec<Action>),
}

/// The page of the dataset `layout` is the key of.
pub fn page_of(layout: PartnerLayout) -> &'static PartnerPage {
    match layout {
        PartnerLayout::DomesticAbuse => &domestic_abuse::PAGE,
        PartnerLayout::Marac => &marac::PAGE,
        PartnerLayout::AsbCases => &asb_cases::PAGE,
        PartnerLayout::Treatment => &treatment::PAGE,
        PartnerLayout::Indicators => &indicators::PAGE,
    }
}

pub fn partner_page_ui(
    ui: &mut egui::Ui,
    layout: PartnerLayout,
    context: &PageContext<'_>,
    actions: &mut Vec<Action>,
) {
    let page = page_of(layout);
    let view = &context.view.partner;
    if !partner_heading_ui(ui, view, page, actions) {
        return;
    }
    if let Some(figures) = view.figures(layout) {
        (page.body)(ui, figures, actions);
    }
}

/// The page heading and, when the theme has data, its year selector and the area.
/// Returns false (after drawing an empty state) when the file holds none of its rows.
fn partner_heading_ui(
    ui: &mut egui::Ui,
    view: &PartnerView,
    page: &PartnerPage,
    actions: &mut Vec<Action>,
) -> bool {
    let layout = page.layout;
    page_heading_ui(ui, page.title, page.explanation);
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
        let area = if page.uses_area {
            format!("Area: {} (change it on the Overview)", view.area_name())
        } else {
            "The whole area the source covers (no ward breakdown)".to_string()
        };
        ui.label(RichText::new(area).weak());
    });
    ui.add_space(8.0);
    true
}
