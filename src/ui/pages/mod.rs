//! One file per page. `page_ui` draws the page the navigation selected, from the cached
//! view of the assessment file; pages never query the store.

mod comparison;
mod control_chart;
mod data;
mod map;
mod map_canvas;
mod map_incidents;
mod overview;
mod partner;
mod picture;
mod plan;
mod plan_chart;
mod plan_editor;
mod report;
mod report_priorities;
mod report_words;
mod rollup;
mod trends;

pub use partner::page_of as partner_page_of;

use super::actions::Action;
use super::navigation::Page;
use super::view::AssessmentView;

/// What every page may draw from (the Report page also edits its own state).
pub struct PageContext<'a> {
    pub view: &'a AssessmentView,
    pub is_importing: bool,
    pub report: Option<&'a mut super::report_state::ReportState>,
    pub exporting: Option<&'a crate::report::export::ExportProgress>,
    pub is_computing_hotspots: bool,
    /// The file is open for review: every edit control is disabled.
    pub read_only: bool,
    pub plan: Option<&'a mut super::plan_state::PlanState>,
    pub writing_performance_report: bool,
    pub rollup: &'a mut super::rollup_state::RollupState,
}

pub fn page_ui(
    ui: &mut egui::Ui,
    page: Page,
    context: &mut PageContext<'_>,
    actions: &mut Vec<Action>,
) {
    if page == Page::Map {
        // The map pans and zooms with the mouse: it must not sit in a scrolling page.
        map::map_page_ui(ui, context, actions);
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt(page.title())
        .auto_shrink([false, false])
        .show(ui, |ui| match page {
            Page::Data => data::data_page_ui(ui, context, actions),
            Page::Overview => overview::overview_page_ui(ui, context, actions),
            Page::Trends => trends::trends_page_ui(ui, context, actions),
            Page::Report => match context.report.as_deref_mut() {
                Some(state) => {
                    ui.add_enabled_ui(!context.read_only, |ui| {
                        report::report_page_ui(
                            ui,
                            state,
                            context.view.picture.as_ref(),
                            context.exporting,
                            actions,
                        )
                    });
                }
                None => {
                    ui.label("The report could not be loaded from this file.");
                }
            },
            Page::Plan => plan::plan_page_ui(ui, context, actions),
            Page::Rollup => rollup::rollup_page_ui(ui, context.rollup, actions),
            Page::Partner(layout) => partner::partner_page_ui(ui, layout, context, actions),
            Page::Map => map::map_page_ui(ui, context, actions),
            Page::Comparison => comparison::comparison_page_ui(ui, context, actions),
        });
}

pub use comparison::proposal_banner_ui;

/// Shown instead of the pages when no assessment file is open.
pub fn no_file_ui(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    super::widgets::page_heading_ui(
        ui,
        "No assessment file is open",
        "An assessment file holds the imported data of one strategic assessment.",
    );
    ui.horizontal(|ui| {
        if ui.button("New assessment…").clicked() {
            actions.push(Action::NewFile);
        }
        if ui.button("Open…").clicked() {
            actions.push(Action::OpenFile);
        }
        if ui.button("Open the Northvale sample").clicked() {
            actions.push(Action::OpenSample);
        }
    });
}
