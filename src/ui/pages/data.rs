//! The Data page: the headline totals and every imported file with what was accepted,
//! rejected and replaced, and the buttons to import more.

use super::PageContext;
use crate::ui::actions::Action;
use crate::ui::view::SourceRow;
use crate::ui::widgets::{
    figure_card_ui, number_cell_ui, number_heading_ui, page_heading_ui, section_heading_ui,
};
use egui::{Align, Layout, RichText};

pub fn data_page_ui(ui: &mut egui::Ui, context: &PageContext<'_>, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            page_heading_ui(
                ui,
                "Data",
                "What this assessment file holds. Drop police.uk files, folders or zips onto the window to import them.",
            );
        });
        ui.with_layout(Layout::right_to_left(Align::Min), |ui| {
            import_buttons_ui(ui, !context.is_importing && !context.read_only, actions);
        });
    });
    let view = context.view;
    if view.sources.is_empty() {
        empty_state_ui(ui, context.is_importing);
        return;
    }
    totals_ui(ui, context);
    let files = if view.sources.len() == 1 {
        "file"
    } else {
        "files"
    };
    section_heading_ui(ui, &format!("Sources ({} {files})", view.sources.len()));
    egui::ScrollArea::horizontal()
        .id_salt("sources_table")
        .show(ui, |ui| sources_table_ui(ui, &view.sources, actions));
}

fn import_buttons_ui(ui: &mut egui::Ui, enabled: bool, actions: &mut Vec<Action>) {
    let hint = "An import is running";
    if ui
        .add_enabled(enabled, egui::Button::new("Import with column mapping…"))
        .on_hover_text(
            "Import a file in its own layout (a partner extract, a police file, lookup or population with other column names, boundaries with other attribute names): map its columns",
        )
        .on_disabled_hover_text(hint)
        .clicked()
    {
        actions.push(Action::ImportWithMapping);
    }
    // Right to left: the folder button is added first so "Import files…" reads first.
    if ui
        .add_enabled(enabled, egui::Button::new("Import folder…"))
        .on_hover_text("Import every police.uk file in a folder (and its subfolders)")
        .on_disabled_hover_text(hint)
        .clicked()
    {
        actions.push(Action::ImportFolder);
    }
    if ui
        .add_enabled(enabled, egui::Button::new("Import files…"))
        .on_hover_text("Import police.uk CSV files or zip downloads, ward lookups, populations, boundaries (GeoJSON, shapefiles, GeoPackages), partner extracts — CSV or workbooks")
        .on_disabled_hover_text(hint)
        .clicked()
    {
        actions.push(Action::ImportFiles);
    }
}

fn empty_state_ui(ui: &mut egui::Ui, is_importing: bool) {
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        if is_importing {
            ui.label(RichText::new("Importing…").size(18.0).strong());
            ui.label(RichText::new("The files appear here when the import finishes.").weak());
        } else {
            ui.label(
                RichText::new("This assessment file holds no data yet")
                    .size(18.0)
                    .strong(),
            );
            ui.label(
                RichText::new(
                    "Import the street-level crime files downloaded from data.police.uk: \
                     single CSV files, monthly folders or the zip as downloaded.",
                )
                .weak(),
            );
        }
    });
}

fn totals_ui(ui: &mut egui::Ui, context: &PageContext<'_>) {
    let totals = &context.view.totals_text;
    ui.horizontal_wrapped(|ui| {
        figure_card_ui(
            ui,
            "Recorded crime",
            &totals.crime,
            "Crimes in the file now, after later files replaced earlier months",
        );
        figure_card_ui(
            ui,
            "Anti-social behaviour",
            &totals.asb,
            "ASB incidents in the file now",
        );
        figure_card_ui(
            ui,
            "Without a location",
            &totals.unlocated,
            "Crimes and incidents police.uk published with no LSOA (counted in totals, not on maps)",
        );
        figure_card_ui(
            ui,
            "Rejected rows",
            &totals.rejected,
            "Rows that could not be read; see each file's rejected rows below",
        );
    });
}

fn sources_table_ui(ui: &mut egui::Ui, sources: &[SourceRow], actions: &mut Vec<Action>) {
    egui::Grid::new("sources")
        .striped(true)
        .spacing([18.0, 6.0])
        .min_col_width(60.0)
        .show(ui, |ui| {
            ui.strong("File");
            ui.strong("Kind");
            ui.strong("Months");
            number_heading_ui(ui, "Accepted");
            number_heading_ui(ui, "Rejected");
            number_heading_ui(ui, "Replaced");
            number_heading_ui(ui, "In file now");
            ui.strong("Imported");
            ui.end_row();
            for source in sources {
                source_row_ui(ui, source, actions);
                ui.end_row();
            }
        });
}

fn source_row_ui(ui: &mut egui::Ui, source: &SourceRow, actions: &mut Vec<Action>) {
    let name = ui.label(&source.file);
    if !source.notes.is_empty() {
        name.on_hover_text(source.notes.join("\n"));
    }
    ui.label(&source.kind);
    ui.label(&source.months);
    number_cell_ui(ui, &source.accepted);
    if source.rejected_rows > 0 {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let link = ui.link(&source.rejected).on_hover_text(format!(
                "Show the rows of {} that were not imported",
                source.file
            ));
            if link.clicked() {
                actions.push(Action::ShowRejectedRows(source.id));
            }
        });
    } else {
        number_cell_ui(ui, &source.rejected);
    }
    number_cell_ui(ui, &source.replaced);
    number_cell_ui(ui, &source.in_file_now);
    ui.label(RichText::new(&source.imported_at).weak());
}
