//! Drawing the column-mapping window: how the file was read (the CSV dialect detected or
//! the sheet, each changeable), the layout, the date format or the areas' level, one chooser
//! per column (named by the column's header) with its first values, the live count of rows
//! that would be accepted or rejected and why, what each coded value will be read as, and
//! the name to save the mapping under. Changes the window's state; saving is an [`Action`].

use super::actions::Action;
use super::mapping_import::{MappingImport, MappingLayout};
use crate::import::field_mapping::{MappedKind, BOUNDARY_LEVELS};
use crate::import::partner::{ColumnTarget, DateFormat};
use crate::import::table::dialect::{delimiter_name, TextEncoding, DELIMITERS};
use crate::import::table::TableOptions;
use crate::report::format::thousands;
use egui::RichText;

pub fn mapping_import_ui(
    ctx: &egui::Context,
    window: &mut MappingImport,
    actions: &mut Vec<Action>,
) {
    let mut is_open = true;
    egui::Window::new("Import with column mapping")
        .id(egui::Id::unique("mapping_import"))
        .open(&mut is_open)
        .collapsible(false)
        .default_width(820.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| window_body_ui(ui, window, actions));
    if !is_open {
        actions.push(Action::CloseMappingImport);
    }
}

fn window_body_ui(ui: &mut egui::Ui, w: &mut MappingImport, actions: &mut Vec<Action>) {
    let what = if w.is_boundary_file() {
        "features"
    } else {
        "rows"
    };
    ui.label(format!(
        "{}: {} {what}. Choose what each column holds; nothing is written until you import.",
        w.file_name(),
        thousands(w.rows().len() as i64)
    ));
    read_as_ui(ui, w);
    ui.horizontal(|ui| {
        let mut layout = w.layout;
        let layouts = if w.is_boundary_file() {
            vec![MappingLayout::Kind(MappedKind::Boundaries)]
        } else {
            MappingLayout::for_tables()
        };
        egui::ComboBox::new("mapping_layout", "Layout")
            .selected_text(layout.name())
            .width(230.0)
            .show_ui(ui, |ui| {
                for l in layouts {
                    ui.selectable_value(&mut layout, l, l.name());
                }
            });
        if layout != w.layout {
            w.set_layout(layout);
        }
        ui.add_space(12.0);
        match w.layout {
            MappingLayout::Partner(_) => date_format_ui(ui, w),
            MappingLayout::Kind(MappedKind::Boundaries) => level_ui(ui, w),
            MappingLayout::Kind(_) => {}
        }
    });
    if let (MappingLayout::Partner(_), Some(d)) = (w.layout, w.detection) {
        let text = if d.ambiguous {
            "Detected from the first rows, but ambiguous: no day is above 12, so day first (UK) was assumed. Check a date you know."
        } else if d.month_first_fits_better {
            "Month-first (US) dates would read more rows: check whether the file uses US dates."
        } else {
            "Detected from the first rows."
        };
        ui.label(RichText::new(text).weak());
    }
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .id_salt("mapping_columns_scroll")
        .max_height(ui.ctx().content_rect().height() * 0.35)
        .show(ui, |ui| columns_ui(ui, w));
    ui.add_space(6.0);
    preview_ui(ui, w);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label("Mapping name");
        ui.add(egui::TextEdit::singleline(&mut w.name).desired_width(260.0))
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        if ui
            .add_enabled(w.is_ready(), egui::Button::new("Save mapping and import"))
            .on_hover_text("Save the mapping in the assessment file (used again for files with this header) and import the file")
            .clicked()
        {
            actions.push(Action::SaveMappingAndImport);
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::CloseMappingImport);
        }
    });
}

/// How the file was read, with the choices that change it: the sheet of a workbook, or the
/// delimiter and encoding of a CSV.
fn read_as_ui(ui: &mut egui::Ui, w: &mut MappingImport) {
    let Some(table) = w.table() else {
        ui.label(
            RichText::new(
                "A boundary file: map the attributes that hold each area's code and name.",
            )
            .weak(),
        );
        return;
    };
    let mut options: TableOptions = w.options.clone();
    ui.horizontal(|ui| {
        if let Some(sheet) = &table.sheet {
            let mut chosen = sheet.clone();
            egui::ComboBox::new("mapping_sheet", "Sheet")
                .selected_text(sheet.as_str())
                .show_ui(ui, |ui| {
                    for name in &table.sheets {
                        ui.selectable_value(&mut chosen, name.clone(), name);
                    }
                });
            if &chosen != sheet {
                options.sheet = Some(chosen);
            }
        } else if let Some(dialect) = table.dialect {
            ui.label(RichText::new(format!("Read as {}.", dialect.describe())).weak());
            let mut delimiter = options.dialect.delimiter;
            egui::ComboBox::new("mapping_delimiter", "Separator")
                .selected_text(delimiter.map_or("As detected", delimiter_name))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut delimiter, None, "As detected");
                    for d in DELIMITERS {
                        ui.selectable_value(&mut delimiter, Some(d), delimiter_name(d));
                    }
                });
            let mut encoding = options.dialect.encoding;
            egui::ComboBox::new("mapping_encoding", "Encoding")
                .selected_text(encoding.map_or("As detected", TextEncoding::name))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut encoding, None, "As detected");
                    for e in TextEncoding::ALL {
                        ui.selectable_value(&mut encoding, Some(e), e.name());
                    }
                });
            options.dialect.delimiter = delimiter;
            options.dialect.encoding = encoding;
        }
    });
    for note in table.notes.iter().filter(|n| !n.starts_with("read as")) {
        ui.label(RichText::new(note).weak());
    }
    if options != w.options {
        w.set_options(options);
    }
    if let Some(problem) = &w.problem {
        ui.label(RichText::new(problem).color(super::theme::PROBLEM_COLOUR));
    }
}

fn date_format_ui(ui: &mut egui::Ui, w: &mut MappingImport) {
    let mut format = w.mapping.date_format;
    egui::ComboBox::new("mapping_date_format", "Date format")
        .selected_text(format.example())
        .show_ui(ui, |ui| {
            for f in DateFormat::ALL {
                ui.selectable_value(&mut format, f, f.example());
            }
        });
    if format != w.mapping.date_format {
        w.set_date_format(format);
    }
}

fn level_ui(ui: &mut egui::Ui, w: &mut MappingImport) {
    let current = w.fields.level.clone().unwrap_or_default();
    let mut chosen = current.clone();
    let label = |key: &str| {
        BOUNDARY_LEVELS
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(key.to_string(), |(_, l)| l.to_string())
    };
    egui::ComboBox::new("mapping_level", "Areas are")
        .selected_text(label(&current))
        .show_ui(ui, |ui| {
            for (key, text) in BOUNDARY_LEVELS {
                ui.selectable_value(&mut chosen, key.to_string(), text);
            }
        });
    if chosen != current {
        w.set_level(&chosen);
    }
}

/// One chooser per column, named by the column's header, with its first values.
fn columns_ui(ui: &mut egui::Ui, w: &mut MappingImport) {
    let header = w.header().to_vec();
    let mut partner_change = None;
    let mut field_change = None;
    egui::Grid::new("mapping_columns")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            ui.strong("Column: holds");
            ui.strong("First values");
            ui.end_row();
            for (column, name) in header.iter().enumerate() {
                match w.layout {
                    MappingLayout::Partner(layout) => {
                        let current = w.mapping.target_of(column);
                        let mut chosen = current;
                        let text = match current {
                            ColumnTarget::Field(f) => f.name(),
                            ColumnTarget::Ignore => "Ignore",
                        };
                        egui::ComboBox::new(("mapping_column", column), name)
                            .selected_text(text)
                            .width(200.0)
                            .height(420.0)
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut chosen, ColumnTarget::Ignore, "Ignore");
                                for spec in layout.fields() {
                                    let label = required_label(spec.name, spec.required);
                                    ui.selectable_value(
                                        &mut chosen,
                                        ColumnTarget::Field(spec.key),
                                        label,
                                    );
                                }
                            });
                        if chosen != current {
                            partner_change = Some((column, chosen));
                        }
                    }
                    MappingLayout::Kind(kind) => {
                        let current = w.fields.field_of(column).map(|f| f.key);
                        let mut chosen = current;
                        let text = w.fields.field_of(column).map_or("Ignore", |f| f.name);
                        egui::ComboBox::new(("mapping_column", column), name)
                            .selected_text(text)
                            .width(200.0)
                            .height(420.0)
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut chosen, None, "Ignore");
                                for spec in kind.fields() {
                                    let label = required_label(spec.name, spec.required);
                                    ui.selectable_value(&mut chosen, Some(spec.key), label);
                                }
                            });
                        if chosen != current {
                            field_change = Some((column, chosen));
                        }
                    }
                }
                ui.label(RichText::new(w.first_values(column)).weak());
                ui.end_row();
            }
        });
    if let Some((column, target)) = partner_change {
        w.set_column(column, target);
    }
    if let Some((column, key)) = field_change {
        w.set_field(column, key);
    }
}

fn required_label(name: &str, required: bool) -> String {
    if required {
        format!("{name} (required)")
    } else {
        name.to_string()
    }
}

fn preview_ui(ui: &mut egui::Ui, w: &MappingImport) {
    let (accepted, rejected, groups) = match w.outcome() {
        Ok(outcome) => outcome,
        Err(problems) => {
            ui.label(RichText::new("The mapping cannot be used yet:").strong());
            for problem in problems {
                ui.label(format!("• {problem}"));
            }
            return;
        }
    };
    let boundary = w.is_boundary_file();
    let plural = move |n: usize| match (boundary, n == 1) {
        (true, true) => "feature",
        (true, false) => "features",
        (false, true) => "row",
        (false, false) => "rows",
    };
    ui.label(
        RichText::new(format!(
            "{} {} would be imported",
            thousands(accepted as i64),
            plural(accepted)
        ))
        .strong(),
    );
    ui.label(
        RichText::new(format!(
            "{} {} would be rejected",
            thousands(rejected as i64),
            plural(rejected)
        ))
        .strong(),
    );
    let at = w.position_word();
    for group in groups {
        ui.label(format!(
            "• {}: {} {} (first at {at} {}: {})",
            group.reason,
            thousands(group.count as i64),
            plural(group.count),
            group.first_line,
            group.example
        ));
    }
    if let (MappingLayout::Partner(_), Ok(p)) = (w.layout, &w.preview) {
        normalisation_ui(ui, p);
    }
}

fn normalisation_ui(ui: &mut egui::Ui, p: &crate::import::partner::Preview) {
    let entries = p.normalisation.entries();
    if entries.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Values as they will be read").strong());
    egui::ScrollArea::vertical()
        .id_salt("normalisation")
        .max_height(120.0)
        .show(ui, |ui| {
            egui::Grid::new("normalisation_table")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    ui.strong("Field");
                    ui.strong("Written as");
                    ui.strong("Read as");
                    ui.strong("Rows");
                    ui.end_row();
                    for e in entries {
                        ui.label(e.field.name());
                        ui.label(if e.raw.is_empty() {
                            "(blank)".to_string()
                        } else {
                            format!("\"{}\"", e.raw)
                        });
                        ui.label(&e.normalised);
                        ui.label(thousands(e.count as i64));
                        ui.end_row();
                    }
                });
        });
}
