//! The Report page's words: the executive summary drafted from the data beside the
//! analyst's own version (the one exported when written), the written sections (public
//! consultation, horizon scanning under the PESTELO headings, partnership activity,
//! recommendations, data caveats), and what the document will leave out and why.

use crate::report::content::free_text::{DATA_CAVEATS, EXECUTIVE_SUMMARY, FREE_SECTIONS, PESTELO};
use crate::ui::actions::Action;
use crate::ui::report_state::ReportState;
use crate::ui::widgets::section_heading_ui;
use egui::RichText;

/// One labelled box of words; returns true when the analyst leaves it (time to save).
fn words_ui(
    ui: &mut egui::Ui,
    state: &mut ReportState,
    key: &str,
    label: &str,
    hint: &str,
    rows: usize,
) -> bool {
    let mut text = state.texts.get(key).cloned().unwrap_or_default();
    ui.label(RichText::new(label).strong());
    let edit = ui.add(
        egui::TextEdit::multiline(&mut text)
            .desired_rows(rows)
            .desired_width(f32::INFINITY)
            .hint_text(hint),
    );
    ui.ctx()
        .accesskit_node_builder(edit.id, |node| node.set_label(label.to_string()));
    if edit.changed() {
        state.texts.insert(key.to_string(), text);
    }
    edit.lost_focus()
}

/// The drafted executive summary and the analyst's version of it.
pub fn summary_ui(ui: &mut egui::Ui, state: &mut ReportState, actions: &mut Vec<Action>) {
    section_heading_ui(ui, "Executive summary");
    let Some(draft) = state.outline.as_ref().map(|o| o.drafted_summary.clone()) else {
        ui.label(
            RichText::new("The summary is drafted once the file holds a complete financial year of police data.")
                .weak(),
        );
        return;
    };
    let edited = state
        .texts
        .get(EXECUTIVE_SUMMARY)
        .is_some_and(|t| !t.trim().is_empty());
    ui.label(
        RichText::new(if edited {
            "Your version below is the one exported. The draft from the data, for comparison:"
        } else {
            "Drafted from the data; this is exported unless you write your own version below."
        })
        .weak(),
    );
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        for paragraph in draft.split("\n\n") {
            ui.label(paragraph);
        }
    });
    ui.horizontal(|ui| {
        if ui
            .button("Edit a copy of the draft")
            .on_hover_text("Put the drafted summary in the box below, to change as you wish")
            .clicked()
        {
            state
                .texts
                .insert(EXECUTIVE_SUMMARY.to_string(), draft.clone());
            actions.push(Action::SaveReport);
        }
        if edited
            && ui
                .button("Go back to the draft")
                .on_hover_text("Clear your version: the drafted summary is exported")
                .clicked()
        {
            state
                .texts
                .insert(EXECUTIVE_SUMMARY.to_string(), String::new());
            actions.push(Action::SaveReport);
        }
    });
    if words_ui(
        ui,
        state,
        EXECUTIVE_SUMMARY,
        "Your executive summary",
        "Blank: the draft above is exported. Blank lines start a new paragraph.",
        4,
    ) {
        actions.push(Action::SaveReport);
    }
}

/// The sections the analyst writes, each published only when it has words.
pub fn written_sections_ui(ui: &mut egui::Ui, state: &mut ReportState, actions: &mut Vec<Action>) {
    section_heading_ui(ui, "Written sections");
    ui.label(
        RichText::new("Each is in the document only when it has words; \"Start from last year's file…\" above copies them too. \"- \" starts a bullet.")
            .weak(),
    );
    let mut leave = false;
    for (key, title, hint) in FREE_SECTIONS {
        egui::CollapsingHeader::new(format!("Words for: {title}"))
            .id_salt(("written", key))
            .show(ui, |ui| {
                if key == "horizon_scanning" {
                    ui.label(RichText::new(hint).weak());
                    for (k, heading) in PESTELO {
                        leave |= words_ui(
                            ui,
                            state,
                            k,
                            &format!("Horizon scanning: {heading}"),
                            "One issue per line, each starting \"- \"",
                            2,
                        );
                    }
                } else {
                    leave |= words_ui(ui, state, key, title, hint, 3);
                }
            });
    }
    egui::CollapsingHeader::new("Words for: Data caveats (methodology)")
        .id_salt("written_caveats")
        .show(ui, |ui| {
            leave |= words_ui(
                ui,
                state,
                DATA_CAVEATS,
                "Data caveats",
                "Changes in how crimes were recorded, and anything else a reader must know about the data.",
                3,
            );
        });
    if leave {
        actions.push(Action::SaveReport);
    }
}

/// What the document will leave out and why, before the analyst exports.
pub fn left_out_ui(ui: &mut egui::Ui, state: &ReportState) {
    let Some(outline) = &state.outline else {
        return;
    };
    if outline.left_out.is_empty() {
        ui.label(
            RichText::new("The document will include every section the file can fill.").weak(),
        );
        return;
    }
    ui.label(RichText::new("The document will leave out:").strong());
    for omission in &outline.left_out {
        ui.label(format!("•  {omission}"));
    }
}
