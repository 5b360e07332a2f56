//! The county roll-up page: choose the partnerships' assessment files (each opened
//! read-only), see how many chose each priority issue with each partnership's ranked list
//! beside it, and export it as CSV and a Word table.

use super::picture::table_ui;
use crate::ui::actions::Action;
use crate::ui::rollup_state::RollupState;
use crate::ui::theme::PROBLEM_COLOUR;
use crate::ui::widgets::{page_heading_ui, section_heading_ui};
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
                RichText::new(format!(
                    "{} files chosen; each is opened read-only.",
                    state.files.len()
                ))
                .weak(),
            );
        }
    });
    if let Some(problem) = &state.problem {
        ui.label(RichText::new(format!("No roll-up: {problem}")).color(PROBLEM_COLOUR));
    }
    let Some(rollup) = &state.rollup else {
        if state.files.is_empty() {
            ui.label(RichText::new("Choose one assessment file per district partnership.").weak());
        }
        return;
    };
    section_heading_ui(ui, "Priority issues");
    let rows: Vec<Vec<String>> = rollup
        .issues
        .iter()
        .map(|i| {
            vec![
                i.issue.clone(),
                i.partnerships.to_string(),
                i.names.join(", "),
            ]
        })
        .collect();
    table_ui(
        ui,
        "Partnerships choosing each issue",
        "rollup_issues",
        &["Priority issue", "Partnerships", "Which"],
        &rows,
    );
    section_heading_ui(ui, "Each partnership's ranked list");
    let longest = rollup
        .files
        .iter()
        .map(|f| f.ranked.len())
        .max()
        .unwrap_or(0);
    let mut header = vec!["Rank".to_string()];
    header.extend(rollup.files.iter().map(|f| f.partnership.clone()));
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = (0..longest)
        .map(|i| {
            let mut row = vec![(i + 1).to_string()];
            row.extend(rollup.files.iter().map(|f| {
                f.ranked
                    .get(i)
                    .map_or_else(String::new, |r| r.issue.clone())
            }));
            row
        })
        .collect();
    table_ui(
        ui,
        "Ranked priorities",
        "rollup_ranked",
        &header_refs,
        &rows,
    );
    section_heading_ui(ui, "Export");
    ui.horizontal(|ui| {
        let label = ui.label("Export folder");
        ui.add(egui::TextEdit::singleline(&mut state.folder).desired_width(420.0))
            .labelled_by(label.id);
        if ui.button("Choose…").clicked() {
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
