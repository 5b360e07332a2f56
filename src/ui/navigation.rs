//! The pages of the app and the navigation between them down the left-hand side. A new
//! page is a `Page` variant here, a file in `pages/`, and one arm in `pages::page_ui`.

use super::actions::Action;
use egui::{RichText, Vec2};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    #[default]
    Data,
    Overview,
    Trends,
    Report,
    DomesticAbuse,
    Marac,
    AsbCases,
    Treatment,
    Map,
    Plan,
    Rollup,
}

impl Page {
    /// In navigation order.
    pub const ALL: [Page; 5] = [
        Page::Data,
        Page::Overview,
        Page::Trends,
        Page::Map,
        Page::Report,
    ];

    /// The "Partner data" group, in navigation order.
    pub const PARTNER: [Page; 4] = [
        Page::DomesticAbuse,
        Page::Marac,
        Page::AsbCases,
        Page::Treatment,
    ];

    /// The "Partnership plan" group, in navigation order.
    pub const PLAN: [Page; 2] = [Page::Plan, Page::Rollup];

    /// The partner layout a partner page shows.
    pub fn partner_layout(self) -> Option<crate::import::partner::PartnerLayout> {
        use crate::import::partner::PartnerLayout;
        match self {
            Page::DomesticAbuse => Some(PartnerLayout::DomesticAbuse),
            Page::Marac => Some(PartnerLayout::Marac),
            Page::AsbCases => Some(PartnerLayout::AsbCases),
            Page::Treatment => Some(PartnerLayout::Treatment),
            _ => None,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Page::Data => "Data",
            Page::Overview => "Overview",
            Page::Trends => "Trends",
            Page::Report => "Report",
            Page::DomesticAbuse => "Domestic abuse",
            Page::Marac => "MARAC",
            Page::AsbCases => "ASB cases",
            Page::Treatment => "Treatment",
            Page::Map => "Map",
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
            Page::DomesticAbuse => {
                "Police domestic abuse incidents and crimes: level, change, risk, repeats, wards"
            }
            Page::Marac => "MARAC cases by quarter against the SafeLives benchmarks",
            Page::AsbCases => "Council ASB cases beside police-recorded ASB",
            Page::Treatment => "Drug and alcohol treatment by substance group",
            Page::Map => {
                "Wards and LSOAs coloured by their figures, and hotspot statistics on a grid"
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
    for page in Page::PARTNER {
        page_button_ui(ui, page, current, width, actions);
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
