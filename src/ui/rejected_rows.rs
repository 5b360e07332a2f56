//! The rows one source rejected, in a window: line, column, reason and the raw text as it
//! was in the file. Read from the store once when opened; only the visible rows are drawn,
//! so a file with many rejections scrolls smoothly.

use super::actions::Action;
use super::widgets::{close_row_ui, fixed_cell_ui};
use crate::report::format::thousands;
use crate::store::queries::RejectedRow;
use egui::{Align, RichText};

/// One source's rejected rows, formatted.
#[derive(Debug, Clone, PartialEq)]
pub struct RejectedRowsView {
    pub file: String,
    pub rows: Vec<RejectedRowText>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RejectedRowText {
    pub line: String,
    pub column: String,
    pub reason: String,
    pub raw: String,
}

impl RejectedRowsView {
    pub fn new(file: &str, rows: &[RejectedRow]) -> RejectedRowsView {
        RejectedRowsView {
            file: file.to_string(),
            rows: rows
                .iter()
                .map(|row| RejectedRowText {
                    line: thousands(row.line),
                    column: row.column.clone().unwrap_or_else(|| "—".to_string()),
                    reason: row.reason.clone(),
                    raw: row.raw.clone(),
                })
                .collect(),
        }
    }
}

const LINE_WIDTH: f32 = 64.0;
const COLUMN_WIDTH: f32 = 130.0;
const REASON_WIDTH: f32 = 440.0;
/// Fixed, like the others: a width taken from the window would let the window grow itself.
const RAW_WIDTH: f32 = 400.0;

pub fn rejected_rows_ui(ctx: &egui::Context, view: &RejectedRowsView, actions: &mut Vec<Action>) {
    let mut is_open = true;
    egui::Window::new(format!("Rejected rows of {}", view.file))
        .id(egui::Id::unique("rejected_rows"))
        .open(&mut is_open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            let rows = if view.rows.len() == 1 { "row was" } else { "rows were" };
            ui.label(format!(
                "{} {rows} not imported. Each is kept with the reason, so the figures can be explained.",
                thousands(view.rows.len() as i64)
            ));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let heading = |text: &str| RichText::new(text).strong();
                let position = if crate::import::table::is_sheet_source(&view.file) {
                    "Row"
                } else {
                    "Line"
                };
                fixed_cell_ui(ui, LINE_WIDTH, heading(position), Align::Max);
                fixed_cell_ui(ui, COLUMN_WIDTH, heading("Column"), Align::Min);
                fixed_cell_ui(ui, REASON_WIDTH, heading("Reason"), Align::Min);
                fixed_cell_ui(ui, RAW_WIDTH, heading("Raw text"), Align::Min);
            });
            ui.separator();
            let row_height = ui.spacing().interact_size.y;
            egui::ScrollArea::both()
                .max_height(ctx.content_rect().height() * 0.55)
                .auto_shrink([false, true])
                .show_rows(ui, row_height, view.rows.len(), |ui, range| {
                    for row in view.rows.get(range).unwrap_or_default() {
                        ui.horizontal(|ui| {
                            fixed_cell_ui(ui, LINE_WIDTH, RichText::new(&row.line), Align::Max);
                            fixed_cell_ui(ui, COLUMN_WIDTH, RichText::new(&row.column), Align::Min);
                            fixed_cell_ui(ui, REASON_WIDTH, RichText::new(&row.reason), Align::Min);
                            fixed_cell_ui(
                                ui,
                                RAW_WIDTH,
                                RichText::new(&row.raw).monospace(),
                                Align::Min,
                            );
                        })
                        .response
                        .on_hover_text(format!("{}\n\n{}", row.reason, row.raw));
                    }
                });
            ui.separator();
            if close_row_ui(ui) {
                actions.push(Action::CloseRejectedRows);
            }
        });
    if !is_open {
        actions.push(Action::CloseRejectedRows);
    }
}
