//! The priority matrix on the Report page: each issue scored 0–4 on each criterion, the
//! criteria weights, the weighted ranking with its confidence, and the chosen priorities
//! with their lead and narrative.

use super::picture::table_ui;
use crate::analysis::priority::{Confidence, CRITERIA, MAX_SCORE};
use crate::ui::actions::Action;
use crate::ui::crime_picture::CrimePicture;
use crate::ui::report_state::ReportState;
use crate::ui::widgets::section_heading_ui;
use egui::RichText;

pub(super) fn priorities_ui(
    ui: &mut egui::Ui,
    state: &mut ReportState,
    picture: Option<&CrimePicture>,
    actions: &mut Vec<Action>,
) {
    section_heading_ui(ui, "Priority matrix");
    ui.label(RichText::new("Score each issue from 0 (none) to 4 (critical). Volume and trend are filled in from the data for themes; the weighted total ranks the issues.").weak());
    ui.horizontal(|ui| {
        let label = ui.label("New issue");
        ui.add(
            egui::TextEdit::singleline(&mut state.new_issue)
                .hint_text("e.g. County lines")
                .desired_width(220.0),
        )
        .labelled_by(label.id);
        let name = state.new_issue.trim().to_string();
        if ui
            .add_enabled(!name.is_empty(), egui::Button::new("Add issue"))
            .clicked()
        {
            actions.push(Action::AddPriority { name, theme: None });
        }
        if let Some(p) = picture {
            egui::ComboBox::new("add_theme_issue", "Add a theme")
                .selected_text("Choose…")
                .show_ui(ui, |ui| {
                    for (i, theme) in p.themes.iter().enumerate() {
                        if ui.selectable_label(false, theme.label()).clicked() {
                            actions.push(Action::AddPriority {
                                name: theme.label(),
                                theme: Some(i),
                            });
                        }
                    }
                });
        }
    });
    if !state.ranked.is_empty() {
        let rows: Vec<Vec<String>> = state
            .ranked
            .iter()
            .map(|r| {
                vec![
                    r.rank.to_string(),
                    r.name.clone(),
                    format!("{:.1}", r.total),
                    format!("{:.1}%", r.percent_of_max),
                    r.confidence.letter().to_string(),
                ]
            })
            .collect();
        table_ui(
            ui,
            "Ranking",
            "priority_ranking",
            &["Rank", "Issue", "Score", "% of maximum", "Confidence"],
            &rows,
        );
    }
    let mut changed = false;
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if state.issues.is_empty() {
            return;
        }
        ui.label("Score:");
        for (i, issue) in state.issues.iter().enumerate() {
            if ui
                .selectable_label(state.editing == Some(i), &issue.name)
                .clicked()
            {
                state.editing = Some(i);
            }
        }
    });
    if let Some(issue) = state.editing.and_then(|i| state.issues.get_mut(i)) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(&issue.name).strong());
            egui::Grid::new("priority_scores")
                .num_columns(2)
                .show(ui, |ui| {
                    for c in CRITERIA {
                        let mut score = issue.scores.get(c.key).copied().unwrap_or(0);
                        let slider = egui::Slider::new(&mut score, 0..=MAX_SCORE).text(c.label);
                        if ui
                            .add(slider)
                            .on_hover_text(format!("4 = {}", c.high_means))
                            .changed()
                        {
                            issue.scores.insert(c.key.to_string(), score);
                            changed = true;
                        }
                        ui.label(
                            RichText::new(if c.from_data { "from the data" } else { "" }).weak(),
                        );
                        ui.end_row();
                    }
                });
            ui.horizontal(|ui| {
                ui.label("Confidence:");
                for grade in [Confidence::A, Confidence::B, Confidence::C] {
                    if ui
                        .radio(
                            issue.confidence == grade,
                            format!("{} ({})", grade.letter(), grade.meaning()),
                        )
                        .clicked()
                    {
                        issue.confidence = grade;
                        changed = true;
                    }
                }
            });
            changed |= ui
                .checkbox(
                    &mut issue.chosen,
                    "Chosen as a priority for the coming year",
                )
                .changed();
            if issue.chosen {
                ui.horizontal(|ui| {
                    let label = ui.label("Lead");
                    let edit = ui
                        .add(
                            egui::TextEdit::singleline(&mut issue.lead)
                                .hint_text("Officer, team or agency")
                                .desired_width(320.0),
                        )
                        .labelled_by(label.id);
                    changed |= edit.lost_focus();
                });
                let label = format!("Why {} is a priority, and what will be done", issue.name);
                let edit = ui.add(
                    egui::TextEdit::multiline(&mut issue.narrative)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY)
                        .hint_text(label.as_str()),
                );
                ui.ctx()
                    .accesskit_node_builder(edit.id, |node| node.set_label(label.clone()));
                changed |= edit.lost_focus();
            }
            if ui.button(format!("Remove {}", issue.name)).clicked() {
                actions.push(Action::DeletePriority(issue.id));
            }
        });
    }
    ui.collapsing("Weights", |ui| {
        for c in CRITERIA {
            let mut weight = crate::analysis::priority::weight_of(&state.weights, &c);
            if ui
                .add(
                    egui::Slider::new(&mut weight, 0.0..=3.0)
                        .step_by(0.5)
                        .text(c.label),
                )
                .changed()
            {
                state.weights.insert(c.key.to_string(), weight);
                changed = true;
            }
        }
    });
    if changed {
        state.rerank();
        actions.push(Action::SaveReport);
    }
}
