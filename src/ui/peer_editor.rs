//! The window where analysts save peer groups — lists of district codes to rank their
//! area among, such as the partnership's most similar group — typed, or read from a CSV
//! (every cell that is a district code). Edits only its own plain state; saving and
//! deleting are actions the app carries out.

use super::actions::Action;
use crate::import::geography::is_district_code;
use crate::store::districts::PeerGroup;
use egui::RichText;
use std::path::Path;

/// The editor's form while it is open.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PeerEditor {
    pub name: String,
    /// District codes, separated by commas, spaces or new lines.
    pub codes: String,
}

impl PeerEditor {
    /// The codes typed, upper-cased.
    pub fn code_list(&self) -> Vec<String> {
        self.codes
            .split(|c: char| c == ',' || c.is_whitespace() || c == ';')
            .map(|c| c.trim().to_ascii_uppercase())
            .filter(|c| !c.is_empty())
            .collect()
    }

    /// Why the form cannot be saved yet, if it cannot.
    pub fn problem(&self) -> Option<String> {
        let codes = self.code_list();
        if self.name.trim().is_empty() {
            Some("Give the group a name.".into())
        } else if let Some(bad) = codes.iter().find(|c| !is_district_code(c)) {
            Some(format!(
                "\"{bad}\" is not a district code (E06, E07, E08, E09 or W06 and six digits)."
            ))
        } else if codes.len() < 2 {
            Some("List at least two district codes.".into())
        } else {
            None
        }
    }

    /// Fill the codes from a CSV: every cell that is a district code, in file order.
    pub fn read_codes_from(&mut self, path: &Path) -> Result<usize, String> {
        let text = std::fs::read(path)
            .map_err(|e| format!("{} could not be read: {e}", path.display()))?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_slice());
        let mut codes: Vec<String> = Vec::new();
        for record in reader.byte_records() {
            let record =
                record.map_err(|e| format!("{} is not a CSV file: {e}", path.display()))?;
            for cell in record.iter() {
                let cell = String::from_utf8_lossy(cell).trim().to_ascii_uppercase();
                if is_district_code(&cell) && !codes.contains(&cell) {
                    codes.push(cell);
                }
            }
        }
        if codes.is_empty() {
            return Err(format!(
                "{} holds no district codes (E06…, E07…, E08…, E09… or W06…)",
                path.display()
            ));
        }
        self.codes = codes.join(", ");
        Ok(codes.len())
    }
}

pub fn peer_editor_ui(
    ctx: &egui::Context,
    editor: &mut PeerEditor,
    groups: &[PeerGroup],
    actions: &mut Vec<Action>,
) {
    egui::Window::new("Peer groups")
        .collapsible(false)
        .resizable(true)
        .default_size([460.0, 420.0])
        .show(ctx, |ui| {
            ui.label("A peer group is a list of districts to rank your area among, e.g. your most similar group of partnerships. Groups are saved in the assessment file.");
            ui.add_space(6.0);
            if groups.is_empty() {
                ui.label(RichText::new("No groups yet.").weak());
            }
            egui::Grid::new("peer_groups").striped(true).show(ui, |ui| {
                for group in groups {
                    ui.label(RichText::new(&group.name).strong());
                    ui.label(format!("{} districts", group.codes.len()))
                        .on_hover_text(group.codes.join(", "));
                    if ui.small_button("Edit").clicked() {
                        editor.name = group.name.clone();
                        editor.codes = group.codes.join(", ");
                    }
                    if ui.small_button("Delete").clicked() {
                        actions.push(Action::DeletePeerGroup(group.name.clone()));
                    }
                    ui.end_row();
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                let label = ui.label("Peer group name");
                ui.add(
                    egui::TextEdit::singleline(&mut editor.name)
                        .desired_width(260.0)
                        .hint_text("e.g. Most similar group"),
                )
                .labelled_by(label.id);
            });
            let label = ui.label("District codes (separated by commas or new lines)");
            ui.add(
                egui::TextEdit::multiline(&mut editor.codes)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY)
                    .hint_text("E06000035, E06000036, …"),
            )
            .labelled_by(label.id);
            ui.horizontal(|ui| {
                if ui.button("Read codes from a CSV…").clicked() {
                    actions.push(Action::ReadPeerCodesFromFile);
                }
                let problem = editor.problem();
                let save = ui.add_enabled(problem.is_none(), egui::Button::new("Save group"));
                if save.clicked() {
                    actions.push(Action::SavePeerGroup {
                        name: editor.name.trim().to_string(),
                        codes: editor.code_list(),
                    });
                }
                if let Some(problem) = problem {
                    ui.label(RichText::new(problem).weak());
                }
            });
            if super::widgets::close_row_ui(ui) {
                actions.push(Action::ClosePeerGroups);
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_from_text_and_from_a_csv() {
        let mut editor = PeerEditor {
            name: "Most similar".into(),
            codes: "e06000035, E06000036\nE06000037".into(),
        };
        assert_eq!(editor.problem(), None);
        assert_eq!(editor.code_list().len(), 3);
        editor.codes = "E06000035, Medway".into();
        assert!(editor.problem().unwrap().contains("\"MEDWAY\""));
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("msg.csv");
        std::fs::write(
            &csv,
            "Code,Name\nE06000035,Medway\nE06000036,Bracknell\nE06000035,dup\n",
        )
        .unwrap();
        assert_eq!(editor.read_codes_from(&csv), Ok(2));
        assert_eq!(editor.codes, "E06000035, E06000036");
        std::fs::write(&csv, "Name\nMedway\n").unwrap();
        assert!(editor.read_codes_from(&csv).is_err());
    }
}
