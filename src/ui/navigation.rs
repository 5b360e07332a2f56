//! The pages of the app and the navigation between them down the left-hand side. A new
//! page is a `Page` variant here, a file in `pages/`, and one arm in `pages::page_ui`; a
//! partner dataset's page is `Page::Partner` with its key, described in `pages/partner/`.

use super::actions::Action;
use super::pages::partner_page_of;
use crate::import::partner::PartnerLayout;
use egui::{RichText, Vec2};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    #[default]
    Data,
    Overview,
    Trends,
    Report,
    /// The page of one partner dataset.
    Partner(PartnerLayout),
    Map,
    Comparison,
    Plan,
    Rollup,
}

impl Page {
    /// In navigation order.
    pub const ALL: [Page; 6] = [
        Page::Data,
        Page::Overview,
        Page::Trends,
        Page::Comparison,
        Page::Map,
        Page::Report,
    ];

    /// The "Partnership plan" group, in navigation order.
    pub const PLAN: [Page; 2] = [Page::Plan, Page::Rollup];

    pub fn title(self) -> &'static str {
        match self {
            Page::Data => "Data",
            Page::Overview => "Overview",
            Page::Trends => "Trends",
            Page::Report => "Report",
            Page::Partner(layout) => partner_page_of(layout).nav_title,
            Page::Map => "Map",
            Page::Comparison => "Comparison",
            Page::Plan => "Plan",
            Page::Rollup => "County roll-up",
        }
    }

    fn description(self) -> &'static str {
        match self {
            Page::Data => "The files this assessment holds, what was accepted and rejected",
            Page::Overview => "The crime picture of a theme: level, change, seasonality, hotspots",
            Page::Trends => "Monthly series with control limits: which months are unusual",
            Page::Report => "Sections, commentary, priorities, and the Word export",
            Page::Partner(layout) => partner_page_of(layout).description,
            Page::Map => {
                "Wards and LSOAs coloured by their figures, and hotspot statistics on a grid"
            }
            Page::Comparison => {
                "How do we compare? Every district's rate, ranked, with a funnel plot"
            }
            Page::Plan => {
                "The partnership plan's measurables: on track, no real change or off track"
            }
            Page::Rollup => {
                "How many partnerships chose each priority, from their assessment files"
            }
        }
    }
}

pub fn navigation_ui(ui: &mut egui::Ui, current: Page, actions: &mut Vec<Action>) {
    ui.add_space(12.0);
    ui.label(RichText::new("ASSESSMENT").small().strong().weak());
    ui.add_space(4.0);
    let width = ui.available_width();
    for page in Page::ALL {
        page_button_ui(ui, page, current, width, actions);
    }
    ui.add_space(12.0);
    ui.label(RichText::new("PARTNER DATA").small().strong().weak());
    ui.add_space(4.0);
    for layout in PartnerLayout::ALL {
        page_button_ui(ui, Page::Partner(layout), current, width, actions);
    }
    ui.add_space(12.0);
    ui.label(RichText::new("PARTNERSHIP PLAN").small().strong().weak());
    ui.add_space(4.0);
    for page in Page::PLAN {
        page_button_ui(ui, page, current, width, actions);
    }
}

fn page_button_ui(
    ui: &mut egui::Ui,
    page: Page,
    current: Page,
    width: f32,
    actions: &mut Vec<Action>,
) {
    let button =
        egui::Button::selectable(page == current, page.title()).min_size(Vec2::new(width, 30.0));
    if ui.add(button).on_hover_text(page.description()).clicked() {
        actions.push(Action::ShowPage(page));
    }
}
