//! The Plan page's edit forms: add a priority (typed, or from the priority matrix), add a
//! measurable to the shown priority (to one of its actions or a new one), change a
//! measurable's series, baseline, aim and target, and remove either. The forms edit the
//! page's state; saving is an action the app carries out (and refuses read-only).

use crate::analysis::action_plan::{Direction, MeasurableReview, Strand};
use crate::ui::actions::Action;
use crate::ui::plan_state::{MeasurableDraft, PlanState};
use egui::RichText;

/// Open the form on an existing measurable.
pub fn start_editing(state: &mut PlanState, m: &MeasurableReview) {
    state.draft = Some(MeasurableDraft {
        id: m.id,
        name: m.name.clone(),
        series: m.series.clone(),
        baseline: m.baseline_set.clone().unwrap_or_default(),
        direction: m.direction,
        target: m.target.map(|t| t.to_string()).unwrap_or_default(),
        ..MeasurableDraft::default()
    });
}

fn labelled_text(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str, width: f32) {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        ui.add(
            egui::TextEdit::singleline(text)
                .hint_text(hint)
                .desired_width(width),
        )
        .labelled_by(l.id);
    });
}

/// The add or edit form of a measurable (`is_new`: add to the shown priority).
pub fn measurable_form_ui(
    ui: &mut egui::Ui,
    state: &mut PlanState,
    is_new: bool,
    actions: &mut Vec<Action>,
) {
    let actions_of_priority = state
        .actions
        .get(state.priority)
        .cloned()
        .unwrap_or_default();
    let choices = state.series_choices.clone();
    let Some(draft) = state.draft.as_mut() else {
        return;
    };
    let mut close = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        if is_new {
            let current = actions_of_priority
                .iter()
                .find(|(id, _)| *id == draft.action_id)
                .map_or_else(|| "A new action".to_string(), |(_, l)| l.clone());
            egui::ComboBox::new("measurable_action", "Action")
                .selected_text(current)
                .width(320.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut draft.action_id, 0, "A new action");
                    for (id, label) in &actions_of_priority {
                        ui.selectable_value(&mut draft.action_id, *id, label);
                    }
                });
            if draft.action_id == 0 {
                labelled_text(
                    ui,
                    "Output",
                    &mut draft.new_output,
                    "e.g. Hotspot patrols",
                    320.0,
                );
                ui.horizontal(|ui| {
                    egui::ComboBox::new("measurable_strand", "Strand")
                        .selected_text(draft.new_strand.label())
                        .show_ui(ui, |ui| {
                            for strand in Strand::ALL {
                                ui.selectable_value(&mut draft.new_strand, strand, strand.label());
                            }
                        });
                });
                labelled_text(
                    ui,
                    "Lead agency",
                    &mut draft.new_lead,
                    "e.g. Kent Police",
                    220.0,
                );
            }
            labelled_text(
                ui,
                "Measurable",
                &mut draft.name,
                "e.g. Deliberate fires",
                320.0,
            );
        }
        let series_label = draft
            .series
            .as_ref()
            .and_then(|k| choices.iter().find(|c| &c.key == k))
            .map_or_else(
                || draft.series.clone().unwrap_or_else(|| "Not linked".into()),
                |c| c.label.clone(),
            );
        egui::ComboBox::new(("measurable_series", draft.id), "Series")
            .selected_text(series_label)
            .width(320.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut draft.series, None, "Not linked");
                for c in &choices {
                    ui.selectable_value(&mut draft.series, Some(c.key.clone()), &c.label);
                }
            });
        labelled_text(
            ui,
            "Baseline",
            &mut draft.baseline,
            "blank: the year before the review",
            200.0,
        );
        ui.horizontal(|ui| {
            egui::ComboBox::new(("measurable_aim", draft.id), "Aim")
                .selected_text(draft.direction.key())
                .show_ui(ui, |ui| {
                    for d in Direction::ALL {
                        ui.selectable_value(&mut draft.direction, d, d.key());
                    }
                });
        });
        labelled_text(
            ui,
            "Target",
            &mut draft.target,
            "optional, e.g. 300 or 30%",
            120.0,
        );
        ui.horizontal(|ui| {
            let can_save = !draft.name.trim().is_empty();
            if ui
                .add_enabled(can_save, egui::Button::new("Save measurable"))
                .clicked()
            {
                actions.push(Action::SaveMeasurable);
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
            if !is_new && ui.button(format!("Remove {}", draft.name)).clicked() {
                actions.push(Action::DeleteMeasurable(draft.id));
            }
        });
    });
    if close {
        state.draft = None;
    }
}

/// "Edit the plan": add or remove priorities, add measurables.
pub fn edit_plan_ui(ui: &mut egui::Ui, state: &mut PlanState, actions: &mut Vec<Action>) {
    ui.add_space(10.0);
    egui::CollapsingHeader::new("Edit the plan")
        .default_open(
            state
                .review
                .as_ref()
                .is_none_or(|r| r.priorities.is_empty()),
        )
        .show(ui, |ui| {
            ui.label(RichText::new("Add a priority").strong());
            ui.horizontal(|ui| {
                let l = ui.label("New priority");
                ui.add(
                    egui::TextEdit::singleline(&mut state.new_priority)
                        .hint_text("e.g. Serious violence")
                        .desired_width(220.0),
                )
                .labelled_by(l.id);
                let l = ui.label("Priority lead");
                ui.add(
                    egui::TextEdit::singleline(&mut state.new_priority_lead)
                        .hint_text("e.g. Community Safety Manager")
                        .desired_width(200.0),
                )
                .labelled_by(l.id);
                let name = state.new_priority.trim().to_string();
                if ui
                    .add_enabled(!name.is_empty(), egui::Button::new("Add priority"))
                    .clicked()
                {
                    actions.push(Action::AddPlanPriority {
                        name,
                        theme_key: None,
                        lead: state.new_priority_lead.trim().to_string(),
                    });
                }
            });
            if !state.matrix_issues.is_empty() {
                egui::ComboBox::new("plan_from_matrix", "From the priority matrix")
                    .selected_text("Choose an issue…")
                    .show_ui(ui, |ui| {
                        for (name, theme_key) in &state.matrix_issues {
                            if ui.selectable_label(false, name).clicked() {
                                actions.push(Action::AddPlanPriority {
                                    name: name.clone(),
                                    theme_key: theme_key.clone(),
                                    lead: String::new(),
                                });
                            }
                        }
                    });
            }
            let Some(priority) = state.selected().map(|p| (p.id, p.name.clone())) else {
                return;
            };
            ui.add_space(8.0);
            ui.label(RichText::new(format!("Measurables of {}", priority.1)).strong());
            let adding = state.draft.as_ref().is_some_and(|d| d.id == 0);
            if adding {
                measurable_form_ui(ui, state, true, actions);
            } else if ui
                .button(format!("Add a measurable to {}", priority.1))
                .clicked()
            {
                let action_id = state
                    .actions
                    .get(state.priority)
                    .and_then(|a| a.first())
                    .map_or(0, |a| a.0);
                state.draft = Some(MeasurableDraft {
                    action_id,
                    ..MeasurableDraft::default()
                });
            }
            ui.add_space(8.0);
            if ui
                .button(format!("Remove the priority {}", priority.1))
                .on_hover_text("Removes the priority with its actions and measurables")
                .clicked()
            {
                actions.push(Action::DeletePlanPriority(priority.0));
            }
        });
}
