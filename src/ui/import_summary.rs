//! What an import did, file by file, in a window the analyst closes when they have read
//! it: imported (with counts, months and notes), already imported, or not imported (with
//! the reason), and the files passed over.

use super::actions::Action;
use super::theme::{INFO_COLOUR, PROBLEM_COLOUR, SUCCESS_COLOUR};
use super::view::month_span;
use super::widgets::close_row_ui;
use crate::import::month::month_label;
use crate::report::format::thousands;
use crate::store::ingest::{FileOutcome, ImportReport};
use egui::{Align2, RichText};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileStatus {
    Imported,
    AlreadyImported,
    NotImported,
}

/// One file of the summary, formatted.
#[derive(Debug, Clone, PartialEq)]
pub struct FileLine {
    pub name: String,
    pub status: FileStatus,
    pub detail: String,
    pub notes: Vec<String>,
    /// The source and the button text, when rows were rejected.
    pub rejected: Option<(i64, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportSummary {
    pub headline: String,
    pub files: Vec<FileLine>,
    /// (file, why it was passed over)
    pub skipped: Vec<(String, String)>,
}

impl ImportSummary {
    pub fn from_report(report: &ImportReport) -> ImportSummary {
        let imported = report
            .files
            .iter()
            .filter(|f| matches!(f.outcome, FileOutcome::Imported { .. }))
            .count();
        let headline = if report.files.is_empty() {
            "Nothing was imported: no files this app reads were found.".to_string()
        } else {
            format!(
                "{} of {} {} imported: {} rows accepted, {} rejected, {} replaced.",
                imported,
                report.files.len(),
                if report.files.len() == 1 {
                    "file"
                } else {
                    "files"
                },
                thousands(report.rows_accepted() as i64),
                thousands(report.rows_rejected() as i64),
                thousands(report.rows_replaced() as i64)
            )
        };
        ImportSummary {
            headline,
            files: report.files.iter().map(file_line).collect(),
            skipped: report
                .skipped
                .iter()
                .map(|s| (s.name.clone(), s.reason.clone()))
                .collect(),
        }
    }
}

fn file_line(file: &crate::store::ingest::FileReport) -> FileLine {
    let (status, detail, rejected) = match &file.outcome {
        FileOutcome::Imported {
            source_id,
            accepted,
            rejected,
            replaced,
            first_month,
            last_month,
        } => {
            let months = month_span(
                first_month.map(month_label).as_deref(),
                last_month.map(month_label).as_deref(),
            );
            let detail = format!(
                "{} accepted, {} rejected, {} replaced ({months})",
                thousands(*accepted as i64),
                thousands(*rejected as i64),
                thousands(*replaced as i64),
            );
            let button = (*rejected > 0).then(|| {
                let rows = if *rejected == 1 { "row" } else { "rows" };
                (
                    *source_id,
                    format!("Show the {} rejected {rows}", thousands(*rejected as i64)),
                )
            });
            (FileStatus::Imported, detail, button)
        }
        FileOutcome::AlreadyImported {
            earlier_name,
            imported_at,
        } => (
            FileStatus::AlreadyImported,
            format!("Already imported as {earlier_name} ({imported_at}): nothing changed"),
            None,
        ),
        FileOutcome::Rejected { reason } => (FileStatus::NotImported, reason.clone(), None),
    };
    FileLine {
        name: file.name.clone(),
        status,
        detail,
        notes: file.notes.clone(),
        rejected,
    }
}

pub fn import_summary_ui(ctx: &egui::Context, summary: &ImportSummary, actions: &mut Vec<Action>) {
    let mut is_open = true;
    egui::Window::new("Import summary")
        .id(egui::Id::unique("import_summary"))
        .open(&mut is_open)
        .collapsible(false)
        .resizable(false)
        .default_width(640.0)
        .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label(RichText::new(&summary.headline).strong());
            ui.add_space(6.0);
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.6)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for file in &summary.files {
                        file_ui(ui, file, actions);
                    }
                    if !summary.skipped.is_empty() {
                        ui.add_space(8.0);
                        ui.strong("Passed over");
                        for (name, reason) in &summary.skipped {
                            ui.label(format!("{name}: {reason}"));
                        }
                    }
                });
            ui.separator();
            if close_row_ui(ui) {
                actions.push(Action::CloseImportSummary);
            }
        });
    if !is_open {
        actions.push(Action::CloseImportSummary);
    }
}

fn file_ui(ui: &mut egui::Ui, file: &FileLine, actions: &mut Vec<Action>) {
    let (badge, colour) = match file.status {
        FileStatus::Imported => ("Imported", SUCCESS_COLOUR),
        FileStatus::AlreadyImported => ("Already imported", INFO_COLOUR),
        FileStatus::NotImported => ("Not imported", PROBLEM_COLOUR),
    };
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(badge).color(colour).strong());
        ui.label(RichText::new(&file.name).strong());
    });
    ui.indent(&file.name, |ui| {
        ui.label(&file.detail);
        for note in &file.notes {
            ui.label(RichText::new(format!("• {note}")).weak());
        }
        if let Some((source_id, text)) = &file.rejected {
            if ui.button(text).clicked() {
                actions.push(Action::ShowRejectedRows(*source_id));
            }
        }
    });
}
