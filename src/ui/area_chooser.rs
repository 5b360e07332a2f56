//! Choosing the area of interest: the choices the Overview's area selector offers (all
//! data, a district, a chosen set of wards) and the window that picks wards. The window
//! edits only its own plain state; applying it is an action the app carries out.

use super::actions::Action;
use crate::store::geography::{ward_count_name, AreaChoice, Ward};
use egui::RichText;
use std::collections::BTreeSet;

/// The ward picker's state while it is open.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WardChooser {
    pub name: String,
    pub selected: BTreeSet<String>,
}

impl WardChooser {
    /// Start from the current area's wards.
    pub fn starting_from(current: &[String], area_name: &str) -> WardChooser {
        WardChooser {
            name: if current.is_empty() {
                String::new()
            } else {
                area_name.to_string()
            },
            selected: current.iter().cloned().collect(),
        }
    }

    /// The choice to apply: a name is made up from the count when none was typed.
    pub fn choice(&self) -> AreaChoice {
        let name = match self.name.trim() {
            "" => ward_count_name(self.selected.len()),
            typed => typed.to_string(),
        };
        AreaChoice::Wards {
            name,
            codes: self.selected.iter().cloned().collect(),
        }
    }
}

pub fn ward_chooser_ui(
    ctx: &egui::Context,
    chooser: &mut WardChooser,
    wards: &[Ward],
    actions: &mut Vec<Action>,
) {
    egui::Window::new("Choose wards")
        .collapsible(false)
        .resizable(true)
        .default_size([420.0, 520.0])
        .show(ctx, |ui| {
            ui.label("Every page is filtered to the wards ticked here.");
            ui.horizontal(|ui| {
                let label = ui.label("Name of the area");
                ui.add(
                    egui::TextEdit::singleline(&mut chooser.name)
                        .hint_text("e.g. Town centre wards"),
                )
                .labelled_by(label.id);
            });
            ui.horizontal(|ui| {
                if ui.small_button("Tick all").clicked() {
                    chooser.selected = wards.iter().map(|w| w.code.clone()).collect();
                }
                if ui.small_button("Clear").clicked() {
                    chooser.selected.clear();
                }
                ui.label(RichText::new(format!("{} ticked", chooser.selected.len())).weak());
            });
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for ward in wards {
                        let mut ticked = chooser.selected.contains(&ward.code);
                        let label = format!("{} ({})", ward.name, ward.code);
                        if ui.checkbox(&mut ticked, label).changed() {
                            if ticked {
                                chooser.selected.insert(ward.code.clone());
                            } else {
                                chooser.selected.remove(&ward.code);
                            }
                        }
                    }
                });
            ui.separator();
            ui.horizontal(|ui| {
                let can_apply = !chooser.selected.is_empty();
                if ui
                    .add_enabled(can_apply, egui::Button::new("Apply"))
                    .clicked()
                {
                    actions.push(Action::SetArea(chooser.choice()));
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CloseWardChooser);
                }
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unnamed_set_of_wards_is_named_by_its_size() {
        let mut chooser = WardChooser::starting_from(&[], "All data");
        chooser.selected.insert("E05990001".into());
        chooser.selected.insert("E05990002".into());
        assert_eq!(
            chooser.choice(),
            AreaChoice::Wards {
                name: "2 wards".into(),
                codes: vec!["E05990001".into(), "E05990002".into()]
            }
        );
    }

    #[test]
    fn the_chooser_starts_from_the_current_area() {
        let chooser = WardChooser::starting_from(&["E05990003".into()], "Harbour");
        assert_eq!(chooser.name, "Harbour");
        assert!(chooser.selected.contains("E05990003"));
    }
}
