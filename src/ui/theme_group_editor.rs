//! The window where analysts define theme groups — their own sets of crime types, such as
//! "Acquisitive crime" — which then appear wherever a crime type can be chosen. Edits only
//! its own plain state; saving and deleting are actions the app carries out.

use super::actions::Action;
use crate::import::crime_types::{crime_type_name, is_asb, CRIME_TYPES};
use crate::store::cube::ThemeGroup;
use egui::RichText;
use std::collections::BTreeSet;

/// The editor's form while it is open.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GroupEditor {
    pub name: String,
    pub crime_types: BTreeSet<u8>,
}

impl GroupEditor {
    /// Load an existing group into the form, to change or rename it.
    pub fn editing(group: &ThemeGroup) -> GroupEditor {
        GroupEditor {
            name: group.name.clone(),
            crime_types: group.crime_types.iter().copied().collect(),
        }
    }

    /// Why the form cannot be saved yet, if it cannot.
    pub fn problem(&self) -> Option<&'static str> {
        if self.name.trim().is_empty() {
            Some("Give the group a name.")
        } else if self.crime_types.is_empty() {
            Some("Tick at least one crime type.")
        } else {
            None
        }
    }
}

pub fn theme_group_editor_ui(
    ctx: &egui::Context,
    editor: &mut GroupEditor,
    groups: &[ThemeGroup],
    actions: &mut Vec<Action>,
) {
    egui::Window::new("Theme groups")
        .collapsible(false)
        .resizable(true)
        .default_size([460.0, 560.0])
        .show(ctx, |ui| {
            ui.label("A theme group is a set of crime types counted together, e.g. acquisitive crime. Groups are saved in the assessment file and offered as themes on every page.");
            ui.add_space(6.0);
            if groups.is_empty() {
                ui.label(RichText::new("No groups yet.").weak());
            }
            egui::Grid::new("theme_groups").striped(true).show(ui, |ui| {
                for group in groups {
                    ui.label(RichText::new(&group.name).strong());
                    let types: Vec<&str> =
                        group.crime_types.iter().filter_map(|t| crime_type_name(*t)).collect();
                    ui.label(types.join(", "));
                    if ui.small_button(format!("Edit {}", group.name)).clicked() {
                        *editor = GroupEditor::editing(group);
                    }
                    if ui.small_button(format!("Delete {}", group.name)).clicked() {
                        actions.push(Action::DeleteThemeGroup(group.id));
                    }
                    ui.end_row();
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                let label = ui.label("Group name");
                ui.add(
                    egui::TextEdit::singleline(&mut editor.name)
                        .hint_text("e.g. Acquisitive crime"),
                )
                .labelled_by(label.id);
            });
            ui.label("Crime types in the group:");
            ui.columns(2, |cols| {
                let types = (1..=CRIME_TYPES.len() as u8).filter(|t| !is_asb(*t));
                for (i, t) in types.enumerate() {
                    let Some(name) = crime_type_name(t) else {
                        continue;
                    };
                    let mut ticked = editor.crime_types.contains(&t);
                    if cols[i % 2].checkbox(&mut ticked, name).changed() {
                        if ticked {
                            editor.crime_types.insert(t);
                        } else {
                            editor.crime_types.remove(&t);
                        }
                    }
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                let problem = editor.problem();
                if ui
                    .add_enabled(problem.is_none(), egui::Button::new("Save group"))
                    .clicked()
                {
                    actions.push(Action::SaveThemeGroup {
                        name: editor.name.trim().to_string(),
                        crime_types: editor.crime_types.iter().copied().collect(),
                    });
                }
                if ui.button("Close").clicked() {
                    actions.push(Action::CloseThemeGroups);
                }
                if let Some(problem) = problem {
                    ui.label(RichText::new(problem).weak());
                }
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_needs_a_name_and_a_type() {
        let mut editor = GroupEditor::default();
        assert_eq!(editor.problem(), Some("Give the group a name."));
        editor.name = "Acquisitive".into();
        assert_eq!(editor.problem(), Some("Tick at least one crime type."));
        editor.crime_types.insert(3);
        assert_eq!(editor.problem(), None);
    }
}
