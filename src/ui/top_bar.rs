//! The bar across the top: the File menu (new, open, recent, import, sample, quit) and the
//! name of the open assessment file.

use super::actions::Action;
use egui::{Align, Layout, RichText};
use std::path::{Path, PathBuf};

/// What the top bar needs to know.
pub struct TopBarState<'a> {
    pub file: Option<&'a Path>,
    pub recent_files: &'a [PathBuf],
    /// False while an import runs: the file it writes must stay the open one.
    pub can_switch_file: bool,
    pub can_import: bool,
    /// The file is open for review only.
    pub read_only: bool,
}

pub fn top_bar_ui(ui: &mut egui::Ui, state: &TopBarState<'_>, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, state, actions));
        ui.separator();
        ui.label(RichText::new("CSP Strategic Assessment").strong());
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            match state.file {
                Some(path) => {
                    if state.read_only {
                        ui.label(
                            RichText::new(" READ-ONLY ")
                                .strong()
                                .color(egui::Color32::WHITE)
                                .background_color(egui::Color32::from_rgb(176, 58, 46)),
                        )
                        .on_hover_text("Open for review: nothing in this file can be changed");
                    }
                    let folder = path
                        .parent()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    ui.label(RichText::new(folder).weak())
                        .on_hover_text(path.display().to_string());
                    ui.label(RichText::new(file_name(path)).strong())
                        .on_hover_text(path.display().to_string());
                }
                None => {
                    ui.label(RichText::new("No assessment file open").weak());
                }
            }
        });
    });
}

fn file_menu_ui(ui: &mut egui::Ui, state: &TopBarState<'_>, actions: &mut Vec<Action>) {
    let switching = state.can_switch_file;
    menu_item_ui(ui, switching, "New assessment…", Action::NewFile, actions);
    menu_item_ui(ui, switching, "Open…", Action::OpenFile, actions);
    let review = "Open for review (read-only)…";
    menu_item_ui(ui, switching, review, Action::OpenForReview, actions);
    ui.add_enabled_ui(switching, |ui| {
        ui.menu_button("Open recent", |ui| {
            if state.recent_files.is_empty() {
                ui.label(RichText::new("No recent files").weak());
            }
            for path in state.recent_files {
                let response = ui
                    .button(file_name(path))
                    .on_hover_text(path.display().to_string());
                if response.clicked() {
                    actions.push(Action::OpenRecent(path.clone()));
                }
            }
        });
    });
    ui.separator();
    let import = state.can_import;
    menu_item_ui(ui, import, "Import files…", Action::ImportFiles, actions);
    menu_item_ui(ui, import, "Import folder…", Action::ImportFolder, actions);
    ui.separator();
    let sample = "Open the Northvale sample";
    menu_item_ui(ui, switching, sample, Action::OpenSample, actions);
    ui.separator();
    menu_item_ui(ui, true, "Quit", Action::Quit, actions);
}

fn menu_item_ui(
    ui: &mut egui::Ui,
    enabled: bool,
    text: &str,
    action: Action,
    actions: &mut Vec<Action>,
) {
    let response = ui
        .add_enabled(enabled, egui::Button::new(text))
        .on_disabled_hover_text("Not while an import runs (or before a file is open)");
    if response.clicked() {
        actions.push(action);
    }
}

pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
