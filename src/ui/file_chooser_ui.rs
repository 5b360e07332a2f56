//! Drawing the app's own file chooser: why it is shown, the folder with "Up", the listing
//! (click, double-click, Ctrl-click to add, arrow keys and Enter, Backspace for the folder
//! above), the filter, a path to type or paste, and the buttons. Changes only the chooser's
//! state; the choice goes out as an [`Action`].

use super::actions::Action;
use super::file_chooser::FileChooser;
use egui::{Key, RichText};

pub fn file_chooser_ui(ctx: &egui::Context, chooser: &mut FileChooser, actions: &mut Vec<Action>) {
    let mut is_open = true;
    let mut chosen = None;
    let mut cancelled = false;
    egui::Window::new(chooser.purpose.title())
        .id(egui::Id::unique("file_chooser"))
        .open(&mut is_open)
        .collapsible(false)
        .resizable(false)
        .default_width(640.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            if !chooser.reason.is_empty() {
                ui.label(RichText::new(&chooser.reason).weak());
                ui.add_space(4.0);
            }
            ui.horizontal(|ui| {
                let at_top = chooser.folder.parent().is_none();
                if ui
                    .add_enabled(!at_top, egui::Button::new("Up a folder"))
                    .on_hover_text("The folder above (Backspace)")
                    .clicked()
                {
                    chooser.up();
                }
                ui.label(RichText::new(chooser.folder.display().to_string()).strong());
            });
            ui.separator();
            let path_id = ui.make_persistent_id("file_chooser_path");
            chosen = listing_ui(ui, chooser, path_id);
            ui.separator();
            if !chooser.purpose.wants_folder() {
                let mut show_all = chooser.show_all;
                ui.checkbox(&mut show_all, "Show all files")
                    .on_hover_text(format!(
                        "Otherwise only {} files are listed",
                        chooser.purpose.extensions().join(", ")
                    ));
                if show_all != chooser.show_all {
                    chooser.set_show_all(show_all);
                }
            }
            ui.horizontal(|ui| {
                let label = ui.label("Path");
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut chooser.typed)
                            .id(path_id)
                            .hint_text("Type or paste a path (or a name in this folder)")
                            .desired_width(470.0),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut chooser.focus_path) {
                    edit.request_focus();
                }
                // With nothing typed, Enter belongs to the listing.
                let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                if entered && !chooser.typed.trim().is_empty() {
                    chosen = chooser.confirm();
                }
            });
            if let Some(problem) = &chooser.problem {
                ui.label(RichText::new(problem).color(super::theme::PROBLEM_COLOUR));
            }
            ui.horizontal(|ui| {
                if ui.button(chooser.purpose.confirm_label()).clicked() {
                    chosen = chooser.confirm();
                }
                if ui.button("Cancel").clicked() {
                    cancelled = true;
                }
            });
        });
    if let Some(paths) = chosen {
        actions.push(Action::FileChosen(chooser.purpose, paths));
    } else if cancelled || !is_open {
        actions.push(Action::CloseFileChooser);
    }
}

/// The folder's lines; a file opened by double click or Enter is returned. The keys move
/// through the listing unless something is being typed (an empty path field does not count).
fn listing_ui(
    ui: &mut egui::Ui,
    chooser: &mut FileChooser,
    path_id: egui::Id,
) -> Option<Vec<std::path::PathBuf>> {
    let focused = ui.ctx().memory(|m| m.focused());
    let typing = focused.is_some_and(|id| id != path_id || !chooser.typed.trim().is_empty());
    let (down, up, enter, back) = ui.input(|i| {
        (
            i.key_pressed(Key::ArrowDown),
            i.key_pressed(Key::ArrowUp),
            i.key_pressed(Key::Enter),
            i.key_pressed(Key::Backspace) && focused.is_none(),
        )
    });
    let mut chosen = None;
    if !typing {
        if down {
            chooser.move_cursor(1);
        }
        if up {
            chooser.move_cursor(-1);
        }
        if back {
            chooser.up();
        }
        if enter {
            chosen = match chooser.cursor {
                Some(at) => chooser.activate(at),
                None => chooser.confirm(),
            };
        }
    }
    let moved = down || up;
    let lines: Vec<(String, bool)> = chooser
        .visible()
        .iter()
        .map(|e| (e.name.clone(), e.is_folder))
        .collect();
    egui::ScrollArea::vertical()
        .id_salt("file_chooser_listing")
        .max_height(300.0)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if lines.is_empty() {
                ui.label(
                    RichText::new(
                        "Nothing here to choose: go up, turn on Show all files, or type a path.",
                    )
                    .weak(),
                );
            }
            for (index, (name, is_folder)) in lines.iter().enumerate() {
                let text = if *is_folder {
                    format!("{name}/")
                } else {
                    name.clone()
                };
                let response = ui.selectable_label(chooser.selected.contains(&index), text);
                if moved && chooser.cursor == Some(index) {
                    response.scroll_to_me(None);
                }
                if response.double_clicked() {
                    chosen = chooser.activate(index);
                } else if response.clicked() {
                    let add = ui.input(|i| i.modifiers.command || i.modifiers.shift);
                    chooser.click(index, add);
                }
            }
        });
    chosen
}
