//! The Plan page, the priority lead's view: one priority at a time, every measurable as a
//! small chart with its status and the reason, filtered by lead agency, reviewed as at a
//! chosen month or quarter; the plan's import and edits (all disabled when the file is
//! open read-only, with a marker saying so); and the performance report.

use super::plan_chart::measurable_chart_ui;
use super::plan_editor::{edit_plan_ui, measurable_form_ui, start_editing};
use super::PageContext;
use crate::analysis::action_plan::{MeasurableReview, Status, StatusCounts};
use crate::report::plan_report::shown_value;
use crate::ui::actions::Action;
use crate::ui::plan_app::READ_ONLY_BANNER;
use crate::ui::plan_state::PlanState;
use crate::ui::theme::{INFO_COLOUR, PROBLEM_COLOUR, SUCCESS_COLOUR};
use crate::ui::widgets::{folder_row_ui, page_heading_ui, section_heading_ui};
use egui::{Color32, RichText};

pub fn status_colour(status: Status) -> Color32 {
    match status {
        Status::OnTrack => SUCCESS_COLOUR,
        Status::NoChange => Color32::from_rgb(176, 112, 0),
        Status::OffTrack => PROBLEM_COLOUR,
        Status::NoData => Color32::from_rgb(110, 110, 110),
    }
}

fn status_chip_ui(ui: &mut egui::Ui, status: Status) {
    ui.label(
        RichText::new(format!(" {} ", status.label()))
            .strong()
            .color(Color32::WHITE)
            .background_color(status_colour(status)),
    );
}

pub fn plan_page_ui(ui: &mut egui::Ui, context: &mut PageContext<'_>, actions: &mut Vec<Action>) {
    page_heading_ui(
        ui,
        "Plan",
        "The partnership plan's measurables, one priority at a time: each against its baseline, with its status and why.",
    );
    let editable = !context.read_only;
    if !editable {
        egui::Frame::new()
            .fill(Color32::from_rgb(253, 236, 234))
            .stroke(egui::Stroke::new(1.0, PROBLEM_COLOUR))
            .corner_radius(6.0)
            .inner_margin(egui::Margin::symmetric(12, 8))
            .show(ui, |ui| {
                ui.label(RichText::new(READ_ONLY_BANNER).strong());
            });
        ui.add_space(6.0);
    }
    let writing = context.writing_performance_report;
    let Some(state) = context.plan.as_deref_mut() else {
        ui.label("The plan could not be read from this file.");
        return;
    };
    import_row_ui(ui, state, editable, actions);
    let has_plan = state
        .review
        .as_ref()
        .is_some_and(|r| !r.priorities.is_empty());
    if !has_plan {
        ui.add_space(10.0);
        ui.label(
            RichText::new("The file holds no partnership plan yet.")
                .size(16.0)
                .strong(),
        );
        ui.label(
            RichText::new(if state.review.is_none() {
                "There is also no data to review it against yet: import police, partner or indicator data on the Data page."
            } else {
                "Import one from CSV or a workbook with columns like Ref, Priority, Strand, Output, Outcome, Measurable and Lead, or add a priority below."
            })
            .weak(),
        );
    } else {
        selectors_ui(ui, state, actions);
        priority_ui(ui, state, editable, actions);
    }
    ui.add_enabled_ui(editable, |ui| edit_plan_ui(ui, state, actions));
    if has_plan {
        performance_report_ui(ui, state, writing, actions);
    }
}

fn import_row_ui(ui: &mut egui::Ui, state: &PlanState, editable: bool, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        if ui
            .add_enabled(editable, egui::Button::new("Import a plan…"))
            .on_hover_text(
                "Read an action plan from CSV or a workbook; it replaces the plan the file holds",
            )
            .clicked()
        {
            actions.push(Action::ImportPlan);
        }
        if let Some(source) = &state.source {
            ui.label(
                RichText::new(format!(
                    "Imported from {} ({}…)",
                    source.file,
                    source.sha256.get(..12).unwrap_or(&source.sha256)
                ))
                .weak(),
            );
        }
    });
    if !state.import_outcome.is_empty() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            for (i, line) in state.import_outcome.iter().enumerate() {
                let text = RichText::new(line);
                ui.label(if i == 0 { text.strong() } else { text });
            }
        });
    }
}

fn selectors_ui(ui: &mut egui::Ui, state: &mut PlanState, actions: &mut Vec<Action>) {
    let Some(review) = &state.review else {
        return;
    };
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let current = review
            .priorities
            .get(state.priority)
            .map_or_else(String::new, |p| p.name.clone());
        egui::ComboBox::new("plan_priority", "Priority")
            .selected_text(current)
            .width(260.0)
            .show_ui(ui, |ui| {
                for (i, p) in review.priorities.iter().enumerate() {
                    ui.selectable_value(&mut state.priority, i, &p.name);
                }
            });
        ui.add_space(12.0);
        egui::ComboBox::new("plan_as_at", "As at")
            .selected_text(review.as_at.clone())
            .show_ui(ui, |ui| {
                for choice in &state.as_at_choices {
                    let chosen = state.as_at == Some(*choice);
                    if ui.selectable_label(chosen, choice.label()).clicked() && !chosen {
                        actions.push(Action::SetPlanAsAt(*choice));
                    }
                }
            });
        ui.add_space(12.0);
        egui::ComboBox::new("plan_lead", "Lead agency")
            .selected_text(state.lead.clone().unwrap_or_else(|| "All agencies".into()))
            .width(200.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.lead, None, "All agencies");
                for lead in state.leads.clone() {
                    ui.selectable_value(&mut state.lead, Some(lead.clone()), lead);
                }
            });
    });
}

fn counts_ui(ui: &mut egui::Ui, counts: &StatusCounts) {
    ui.horizontal_wrapped(|ui| {
        for (status, n) in [
            (Status::OnTrack, counts.on_track),
            (Status::NoChange, counts.no_change),
            (Status::OffTrack, counts.off_track),
            (Status::NoData, counts.no_data),
        ] {
            status_chip_ui(ui, status);
            ui.label(RichText::new(n.to_string()).strong());
            ui.add_space(8.0);
        }
    });
}

fn priority_ui(
    ui: &mut egui::Ui,
    state: &mut PlanState,
    editable: bool,
    actions: &mut Vec<Action>,
) {
    let Some(priority) = state.selected().cloned() else {
        return;
    };
    section_heading_ui(ui, &priority.name);
    if !priority.lead.is_empty() {
        ui.label(format!("Priority lead: {}", priority.lead));
    }
    counts_ui(ui, &priority.counts);
    let shown: Vec<(
        MeasurableReview,
        Option<crate::analysis::action_plan::chart::ChartLines>,
    )> = state
        .shown()
        .into_iter()
        .map(|(m, c)| (m.clone(), c.cloned()))
        .collect();
    if shown.is_empty() {
        ui.label(
            RichText::new(match &state.lead {
                Some(lead) => format!("No measurable of this priority is led by {lead}."),
                None => {
                    "This priority has no measurables yet: add one under \"Edit the plan\".".into()
                }
            })
            .weak(),
        );
        return;
    }
    // Two columns of cards when there is room, each column filled top to bottom.
    let columns = if ui.available_width() > 760.0 { 2 } else { 1 };
    ui.columns(columns, |cols| {
        for (i, (m, chart)) in shown.iter().enumerate() {
            if let Some(col) = cols.get_mut(i % columns) {
                measurable_card_ui(col, state, m, chart.as_ref(), editable, actions);
                col.add_space(8.0);
            }
        }
    });
}

fn measurable_card_ui(
    ui: &mut egui::Ui,
    state: &mut PlanState,
    m: &MeasurableReview,
    chart: Option<&crate::analysis::action_plan::chart::ChartLines>,
    editable: bool,
    actions: &mut Vec<Action>,
) {
    egui::Frame::new()
        .fill(ui.visuals().window_fill)
        .stroke(egui::Stroke::new(1.5, status_colour(m.status)))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(12, 10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                status_chip_ui(ui, m.status);
                ui.label(RichText::new(&m.name).strong().size(15.0));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let edit = ui
                        .add_enabled(editable, egui::Button::new("Edit").small())
                        .on_hover_text(format!(
                            "Change the series, baseline, aim or target of {}",
                            m.name
                        ));
                    ui.ctx().accesskit_node_builder(edit.id, |node| {
                        node.set_label(format!("Edit {}", m.name))
                    });
                    if edit.clicked() {
                        start_editing(state, m);
                    }
                });
            });
            match chart {
                Some(chart) => measurable_chart_ui(
                    ui,
                    &format!("plan_chart_{}", m.id),
                    chart,
                    m.unit.as_deref().unwrap_or(""),
                    140.0,
                ),
                None => {
                    ui.label(RichText::new("No chart: the series has no values yet.").weak());
                }
            }
            ui.label(&m.reason);
            let threshold = crate::report::disclosure::DEFAULT_THRESHOLD;
            let value = |period: &Option<String>, v: Option<f64>| match period {
                Some(p) => format!("{} ({p})", shown_value(m, v, threshold)),
                None => "–".into(),
            };
            ui.label(
                RichText::new(format!(
                    "Series: {} · Baseline: {} · Latest: {} · Aim: {}{} · Lead: {}",
                    state.series_label(m.series.as_deref()),
                    value(&m.baseline.period, m.baseline.value),
                    value(&m.latest.period, m.latest.value),
                    m.direction.key(),
                    m.target
                        .map(|t| format!(" to {}", crate::analysis::action_plan::status::number(t)))
                        .unwrap_or_default(),
                    if m.action.lead.is_empty() {
                        "–"
                    } else {
                        &m.action.lead
                    },
                ))
                .small()
                .color(INFO_COLOUR),
            );
            if state
                .draft
                .as_ref()
                .is_some_and(|d| d.id == m.id && d.id != 0)
            {
                ui.add_enabled_ui(editable, |ui| measurable_form_ui(ui, state, false, actions));
            }
        });
}

fn performance_report_ui(
    ui: &mut egui::Ui,
    state: &mut PlanState,
    writing: bool,
    actions: &mut Vec<Action>,
) {
    section_heading_ui(ui, "Performance report");
    ui.label(RichText::new("A short Word document with every measurable's chart and a status table, and the table as CSV. It is written to the folder below, never into this file.").weak());
    ui.horizontal(|ui| {
        if folder_row_ui(ui, "Report folder", &mut state.report_folder) {
            actions.push(Action::ChoosePerformanceFolder);
        }
    });
    ui.horizontal(|ui| {
        ui.checkbox(&mut state.this_priority_only, "This priority only");
        let ready = !writing && !state.report_folder.trim().is_empty();
        let label = if writing {
            "Writing the report…"
        } else {
            "Write the performance report"
        };
        if ui.add_enabled(ready, egui::Button::new(label)).clicked() {
            actions.push(Action::ExportPerformanceReport);
        }
    });
    match &state.report_outcome {
        Some(Ok(files)) => {
            ui.label(RichText::new(format!("Written: {}", files.join(", "))).strong());
        }
        Some(Err(why)) => {
            ui.label(
                RichText::new(format!("The report was not written: {why}")).color(PROBLEM_COLOUR),
            );
        }
        None => {}
    }
}
