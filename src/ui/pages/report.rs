//! The Report page: the sections of the exported assessment (in, out, order) with the
//! analyst's commentary for each; the executive summary and written sections; the
//! priority matrix (issues scored 0–4 on each criterion, weights, ranking, confidence,
//! the chosen priorities with lead and narrative — drawn by `report_priorities`); and the
//! export itself (what it will leave out, folder, formats, disclosure threshold), with
//! progress and Cancel.

use super::picture::table_ui;
use super::report_priorities::priorities_ui;
use super::report_words::{left_out_ui, summary_ui, written_sections_ui};
use crate::report::content::ContentBlock;
use crate::report::export::{ExportProgress, Formats};
use crate::ui::actions::Action;
use crate::ui::crime_picture::CrimePicture;
use crate::ui::export_job::ExportOutcome;
use crate::ui::report_state::ReportState;
use crate::ui::widgets::{folder_row_ui, page_heading_ui, section_heading_ui};
use egui::RichText;

pub fn report_page_ui(
    ui: &mut egui::Ui,
    state: &mut ReportState,
    picture: Option<&CrimePicture>,
    exporting: Option<&ExportProgress>,
    actions: &mut Vec<Action>,
) {
    page_heading_ui(
        ui,
        "Report",
        "Choose the sections, write the commentary, score the priorities, and export the assessment as a Word document and a PDF with its figures and tables.",
    );
    match picture {
        Some(p) => {
            ui.horizontal(|ui| {
                ui.label("The report covers");
                super::picture::year_and_area_selectors_ui(ui, p, true, actions);
            })
            .response
        }
        None => ui.label(
            RichText::new(
                "The report needs a complete financial year (April to March) of police data.",
            )
            .weak(),
        ),
    };
    sections_ui(ui, state, actions);
    summary_ui(ui, state, actions);
    written_sections_ui(ui, state, actions);
    priorities_ui(ui, state, picture, actions);
    preview_ui(ui, state, picture.is_some(), actions);
    export_ui(ui, state, picture.is_some(), exporting, actions);
}

/// The report as it would be exported: headings, text, tables (after disclosure control)
/// and the figures' titles.
fn preview_ui(ui: &mut egui::Ui, state: &ReportState, has_data: bool, actions: &mut Vec<Action>) {
    section_heading_ui(ui, "Preview");
    ui.horizontal(|ui| {
        let label = if state.preview.is_some() {
            "Refresh the preview"
        } else {
            "Preview the report"
        };
        if ui.add_enabled(has_data, egui::Button::new(label)).clicked() {
            actions.push(Action::PreviewReport);
        }
    });
    let Some(content) = &state.preview else {
        return;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_max_height(520.0);
        egui::ScrollArea::vertical()
            .id_salt("report_preview")
            .show(ui, |ui| {
                ui.label(RichText::new(&content.title).size(20.0).strong());
                for line in &content.title_lines {
                    ui.label(line);
                }
                let (mut tables, mut figures) = (0, 0);
                for section in &content.sections {
                    ui.add_space(10.0);
                    ui.label(RichText::new(&section.heading).size(17.0).strong());
                    for block in &section.blocks {
                        match block {
                            ContentBlock::SubHeading(t) => {
                                ui.label(RichText::new(t).strong());
                            }
                            ContentBlock::Paragraph(t) => {
                                ui.label(t);
                            }
                            ContentBlock::Bullet(t) => {
                                ui.label(format!("•  {t}"));
                            }
                            ContentBlock::Note(t) => {
                                ui.label(RichText::new(t).weak().small());
                            }
                            ContentBlock::Code(lines) => {
                                ui.label(
                                    RichText::new(format!("{} file fingerprints", lines.len()))
                                        .weak(),
                                );
                            }
                            ContentBlock::Table(i) => {
                                if let Some(t) = content.tables.get(*i) {
                                    tables += 1;
                                    let header: Vec<&str> =
                                        t.columns.iter().map(String::as_str).collect();
                                    table_ui(
                                        ui,
                                        &format!("Table {tables}: {}", t.title),
                                        &format!("preview_table_{i}"),
                                        &header,
                                        &t.display,
                                    );
                                }
                            }
                            ContentBlock::Figure(i) => {
                                if let Some(f) = content.figures.get(*i) {
                                    figures += 1;
                                    ui.label(
                                        RichText::new(format!("[Figure {figures}: {}]", f.title))
                                            .italics(),
                                    );
                                }
                            }
                        }
                    }
                }
            });
    });
}

fn sections_ui(ui: &mut egui::Ui, state: &mut ReportState, actions: &mut Vec<Action>) {
    section_heading_ui(ui, "Sections and commentary");
    ui.horizontal(|ui| {
        ui.label(RichText::new("Tick the sections to include; write the commentary that leads each one. Blank lines start a new paragraph, \"- \" a bullet.").weak());
        if ui
            .small_button("Start from last year's file…")
            .on_hover_text("Copy the commentary and the written sections of another assessment file where this one has none yet")
            .clicked()
        {
            actions.push(Action::CopyNarrativeFromFile);
        }
    });
    let mut changed = false;
    let mut moved: Option<(usize, bool)> = None;
    let included: Vec<usize> = (0..state.plan.len())
        .filter(|i| {
            state
                .plan
                .get(*i)
                .is_some_and(|e| e.included && e.available)
        })
        .collect();
    let (first, last) = (included.first().copied(), included.last().copied());
    for (i, entry) in state.plan.iter_mut().enumerate() {
        if !(entry.included && entry.available) {
            continue;
        }
        ui.horizontal(|ui| {
            changed |= ui.checkbox(&mut entry.included, &entry.title).changed();
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .add_enabled(Some(i) != last, egui::Button::new("Down").small())
                    .on_hover_text("Move this section down")
                    .clicked()
                {
                    moved = Some((i, false));
                }
                if ui
                    .add_enabled(Some(i) != first, egui::Button::new("Up").small())
                    .on_hover_text("Move this section up")
                    .clicked()
                {
                    moved = Some((i, true));
                }
            });
        });
        // Written sections have their own boxes below; the introduction takes extra words.
        if is_written_elsewhere(&entry.key) {
            continue;
        }
        ui.indent(("narrative", i), |ui| {
            let label = format!("Commentary: {}", entry.title);
            let edit = ui.add(
                egui::TextEdit::multiline(&mut entry.narrative)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY)
                    .hint_text("What the figures mean, why they changed, what partners are doing…"),
            );
            let edit = edit.on_hover_text(&label);
            // Saved when the analyst leaves the box, not on every keystroke.
            changed |= edit.lost_focus();
            ui.ctx()
                .accesskit_node_builder(edit.id, |node| node.set_label(label));
        });
    }
    ui.collapsing(
        "More sections (single crime types and others left out)",
        |ui| {
            for entry in state.plan.iter_mut().filter(|e| e.available && !e.included) {
                changed |= ui.checkbox(&mut entry.included, &entry.title).changed();
            }
        },
    );
    if let Some((i, up)) = moved {
        state.move_section(i, up);
        changed = true;
    }
    if changed {
        actions.push(Action::SaveReport);
    }
}

/// Sections whose words are edited in their own boxes, not as commentary.
fn is_written_elsewhere(key: &str) -> bool {
    matches!(key, "executive_summary" | "methodology" | "glossary")
        || crate::report::content::free_text::FREE_SECTIONS
            .iter()
            .any(|(k, ..)| *k == key)
}

fn export_ui(
    ui: &mut egui::Ui,
    state: &mut ReportState,
    has_data: bool,
    exporting: Option<&ExportProgress>,
    actions: &mut Vec<Action>,
) {
    section_heading_ui(ui, "Export");
    left_out_ui(ui, state);
    ui.horizontal(|ui| {
        if folder_row_ui(ui, "Export folder", &mut state.folder) {
            actions.push(Action::ChooseExportFolder);
        }
    });
    ui.horizontal(|ui| {
        ui.checkbox(&mut state.formats.docx, "Word document");
        ui.checkbox(&mut state.formats.pdf, "PDF for the board pack");
        ui.checkbox(&mut state.formats.png, "Figures as PNG (300 dpi)");
        ui.checkbox(&mut state.formats.svg, "Figures as SVG");
        ui.checkbox(&mut state.formats.csv, "Tables as CSV");
    });
    ui.add(
        egui::Slider::new(&mut state.threshold, 2..=10)
            .text("Hide counts below this in sensitive tables"),
    );
    match exporting {
        Some(progress) => {
            ui.horizontal(|ui| {
                let fraction = if progress.total > 0 {
                    progress.done as f32 / progress.total as f32
                } else {
                    0.0
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(300.0)
                        .text(format!(
                            "{} of {}: {}",
                            progress.done, progress.total, progress.current
                        )),
                );
                if ui.button("Cancel export").clicked() {
                    actions.push(Action::CancelExport);
                }
            });
        }
        None => {
            let any_format = state.formats != Formats::NONE;
            let ready = has_data && any_format && !state.folder.trim().is_empty();
            if ui
                .add_enabled(ready, egui::Button::new("Export the assessment"))
                .clicked()
            {
                actions.push(Action::StartExport);
            }
        }
    }
    match &state.outcome {
        Some(ExportOutcome::Finished(summary)) => {
            ui.label(
                RichText::new(format!(
                    "Exported {} files to {} ({} figures, {} tables; {} small counts hidden).",
                    summary.files.len(),
                    summary.folder,
                    summary.figures,
                    summary.tables,
                    summary.suppressed
                ))
                .strong(),
            );
        }
        Some(ExportOutcome::Cancelled) => {
            ui.label("The export was cancelled; the folder is as it was.");
        }
        Some(ExportOutcome::Failed(message)) => {
            ui.label(
                RichText::new(format!("The export failed: {message}"))
                    .color(egui::Color32::from_rgb(176, 58, 46)),
            );
        }
        None => {}
    }
}
