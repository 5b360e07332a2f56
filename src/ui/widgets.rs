//! Small drawing pieces the pages share: page and section headings, headline figure
//! cards, right-aligned number cells, and fixed-width table cells.

use egui::{Align, Layout, RichText, Vec2};

/// A page title with a one-line explanation under it.
pub fn page_heading_ui(ui: &mut egui::Ui, title: &str, explanation: &str) {
    ui.add_space(4.0);
    ui.label(RichText::new(title).size(24.0).strong());
    ui.label(RichText::new(explanation).weak());
    ui.add_space(10.0);
}

pub fn section_heading_ui(ui: &mut egui::Ui, title: &str) {
    ui.add_space(14.0);
    ui.label(RichText::new(title).size(16.0).strong());
    ui.add_space(4.0);
}

/// One headline figure in a framed card: a caption over a large number.
pub fn figure_card_ui(ui: &mut egui::Ui, caption: &str, value: &str, hint: &str) {
    egui::Frame::new()
        .fill(ui.visuals().window_fill)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(14, 10))
        .show(ui, |ui| {
            ui.set_min_width(170.0);
            ui.vertical(|ui| {
                ui.label(RichText::new(caption).weak());
                ui.label(RichText::new(value).size(24.0).strong());
            });
        })
        .response
        .on_hover_text(hint);
}

/// A number right-aligned in its grid cell, so columns of figures line up by digit.
pub fn number_cell_ui(ui: &mut egui::Ui, text: &str) {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.label(text);
    });
}

/// A column heading right-aligned over a column of numbers.
pub fn number_heading_ui(ui: &mut egui::Ui, text: &str) {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.strong(text);
    });
}

/// A cell of exactly `width`, its text cut short with "…" if it does not fit (for
/// virtualised tables, where every row must line up without a grid).
pub fn fixed_cell_ui(ui: &mut egui::Ui, width: f32, text: RichText, align: Align) {
    let layout = match align {
        Align::Max => Layout::right_to_left(Align::Center),
        _ => Layout::left_to_right(Align::Center),
    };
    ui.allocate_ui_with_layout(
        Vec2::new(width, ui.spacing().interact_size.y),
        layout,
        |ui| {
            ui.set_width(width);
            ui.add(egui::Label::new(text).truncate());
        },
    );
}

/// A folder to write to: its path, editable, and a "Choose…" button (true when clicked,
/// for the caller to open the folder dialog).
pub fn folder_row_ui(ui: &mut egui::Ui, label: &str, folder: &mut String) -> bool {
    let label = ui.label(label);
    ui.add(egui::TextEdit::singleline(folder).desired_width(420.0))
        .labelled_by(label.id);
    ui.button("Choose…").clicked()
}

/// A window's footer: one "Close" button at the right. True when it was clicked.
pub fn close_row_ui(ui: &mut egui::Ui) -> bool {
    egui::Sides::new()
        .show(ui, |_| {}, |ui| ui.button("Close").clicked())
        .1
}
