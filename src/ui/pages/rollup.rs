//! The county roll-up page: choose the partnerships' assessment files (each opened
//! read-only), see how many chose each priority issue with each partnership's ranked list
//! beside it, and export it as CSV and a Word table.

use super::picture::table_ui;
use crate::ui::actions::Action;
use crate::ui::rollup_state::RollupState;
use crate::ui::theme::PROBLEM_COLOUR;
use crate::ui::widgets::{folder_row_ui, page_heading_ui, section_heading_ui};
use egui::RichText;

pub fn rollup_page_ui(ui: &mut egui::Ui, state: &mut RollupState, actions: &mut Vec<Action>) {
    page_heading_ui(
        ui,
        "County roll-up",
        "How many district partnerships chose each issue as a priority, from their assessment files (matched by police theme, else by name).",
    );
    ui.horizontal(|ui| {
        if ui.button("Choose assessment files…").clicked() {
            actions.push(Action::ChooseRollupFiles);
        }
        if !state.files.is_empty() {
            ui.label(
                RichText::new(match state.files.len() {
                    1 => "1 file chosen; it is opened read-only.".to_string(),
                    n => format!("{n} files chosen; each is opened read-only."),
                })
                .weak(),
            );
        }
    });
    if let Some(problem) = &state.problem {
        ui.label(RichText::new(format!("No roll-up: {problem}")).color(PROBLEM_COLOUR));
    }
    if state.rollup.is_none() {
        if state.files.is_empty() {
            ui.label(RichText::new("Choose one assessment file per district partnership.").weak());
        }
        return;
    }
    if let Some(rollup) = &state.rollup {
        let without: Vec<&str> = rollup
            .files
            .iter()
            .filter(|f| f.chosen.is_empty())
            .map(|f| f.partnership.as_str())
            .collect();
        if !without.is_empty() {
            ui.label(
                RichText::new(format!(
                    "No priorities in {}: a partnership's priorities come from its plan (Plan page) or, without one, from the issues scored on its Report page's priority matrix.",
                    without.join(", ")
                ))
                .color(PROBLEM_COLOUR),
            );
        }
    }
    for (i, (heading, table)) in ["Priority issues", "Each partnership's ranked list"]
        .iter()
        .zip(&state.tables)
        .enumerate()
    {
        section_heading_ui(ui, heading);
        let header: Vec<&str> = table.columns.iter().map(String::as_str).collect();
        table_ui(
            ui,
            &table.title,
            &format!("rollup_table_{i}"),
            &header,
            &table.display,
        );
    }
    section_heading_ui(ui, "Export");
    ui.horizontal(|ui| {
        if folder_row_ui(ui, "Export folder", &mut state.folder) {
            actions.push(Action::ChooseRollupFolder);
        }
        if ui
            .add_enabled(
                !state.folder.trim().is_empty(),
                egui::Button::new("Export CSV and Word"),
            )
            .clicked()
        {
            actions.push(Action::ExportRollup);
        }
    });
    match &state.written {
        Some(Ok(files)) => {
            ui.label(RichText::new(format!("Written: {}", files.join(", "))).strong());
        }
        Some(Err(why)) => {
            ui.label(RichText::new(format!("Not written: {why}")).color(PROBLEM_COLOUR));
        }
        None => {}
    }
}
