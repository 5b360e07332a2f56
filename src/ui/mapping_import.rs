//! The column-mapping import window: a partner CSV the app does not recognise, its first
//! values per column, one chooser per column (named by the column's header) listing the
//! layout's fields or "Ignore", the layout and the date format (pre-filled by detection),
//! what each coded value will be read as, and a live count of the rows that would be
//! accepted or rejected and why — all before anything is written. "Save mapping and
//! import" saves the mapping in the assessment file and imports on the background job.
//!
//! The preview is recomputed when a choice changes, never per frame.

use super::actions::Action;
use crate::import::partner::file::{read_table, CsvTable};
use crate::import::partner::layout::match_header;
use crate::import::partner::parse::{preview, Preview};
use crate::import::partner::{
    ColumnMapping, ColumnTarget, DateDetection, DateFormat, FieldKey, PartnerLayout,
};
use crate::import::text::decode_cell;
use crate::report::format::thousands;
use egui::RichText;
use std::path::{Path, PathBuf};

/// Rows kept for the "first rows" values.
const FIRST_ROWS: usize = 3;
/// Rows the date format is detected from.
const DATE_SAMPLE: usize = 200;

/// The window's state.
#[derive(Debug, Clone)]
pub struct MappingImport {
    pub path: PathBuf,
    table: CsvTable,
    pub mapping: ColumnMapping,
    pub detection: Option<DateDetection>,
    /// The preview of the current mapping, or why the mapping cannot be used.
    pub preview: Result<Preview, Vec<String>>,
    /// The name the mapping is saved under.
    pub name: String,
}

impl MappingImport {
    /// Read the file and start from the layout its header fits best, with every column
    /// whose name the app knows already mapped.
    pub fn open(path: &Path) -> Result<MappingImport, String> {
        let table = read_table(path).map_err(|e| e.to_string())?;
        let layout = PartnerLayout::ALL
            .into_iter()
            .max_by_key(|l| {
                let m = match_header(*l, &table.header);
                // Ties go to the earlier layout: max_by_key keeps the last maximum.
                (m.found.len(), std::cmp::Reverse(*l as u8))
            })
            .unwrap_or(PartnerLayout::DomesticAbuse);
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut window = MappingImport {
            path: path.to_path_buf(),
            mapping: ColumnMapping::new(stem.clone(), layout, &table.header),
            table,
            detection: None,
            preview: Ok(Preview::default()),
            name: stem,
        };
        window.set_layout(layout);
        Ok(window)
    }

    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    pub fn header(&self) -> &[String] {
        &self.table.header
    }

    /// Switch layout: columns are mapped afresh from their names, dates detected again.
    pub fn set_layout(&mut self, layout: PartnerLayout) {
        let mut mapping = ColumnMapping::new(self.name.clone(), layout, &self.table.header);
        for (field, column) in match_header(layout, &self.table.header).found {
            mapping.set(column, ColumnTarget::Field(field));
        }
        self.mapping = mapping;
        self.detect_dates();
        self.refresh();
    }

    /// Use `column` for `target`; a field already on another column moves here.
    pub fn set_column(&mut self, column: usize, target: ColumnTarget) {
        if let ColumnTarget::Field(field) = target {
            if let Some(other) = self.mapping.column_of(field) {
                self.mapping.set(other, ColumnTarget::Ignore);
            }
        }
        let was_date = matches!(self.mapping.target_of(column), ColumnTarget::Field(f) if f.kind() == crate::import::partner::ValueKind::Date);
        self.mapping.set(column, target);
        let is_date = matches!(target, ColumnTarget::Field(f) if f.kind() == crate::import::partner::ValueKind::Date);
        if is_date && !was_date {
            self.detect_dates();
        }
        self.refresh();
    }

    /// Map a column by its header name (as the analyst sees it) to a field by its name.
    pub fn set_column_by_name(&mut self, header: &str, field: Option<FieldKey>) -> bool {
        let Some(column) = self.table.header.iter().position(|h| h == header) else {
            return false;
        };
        self.set_column(
            column,
            field.map_or(ColumnTarget::Ignore, ColumnTarget::Field),
        );
        true
    }

    pub fn set_date_format(&mut self, format: DateFormat) {
        self.mapping.date_format = format;
        self.refresh();
    }

    fn detect_dates(&mut self) {
        let sample: Vec<csv::ByteRecord> =
            self.table.rows.iter().take(DATE_SAMPLE).cloned().collect();
        self.detection = self.mapping.detect_date_format(&sample);
    }

    /// Recompute the preview for the current choices.
    pub fn refresh(&mut self) {
        self.mapping.name = self.name.clone();
        self.preview = preview(&self.mapping, self.table.rows.iter().cloned(), FIRST_ROWS)
            .map_err(|problems| problems.iter().map(ToString::to_string).collect());
    }

    /// The mapping to save, when it can be used.
    pub fn ready_mapping(&self) -> Option<ColumnMapping> {
        let usable = matches!(&self.preview, Ok(p) if p.accepted > 0);
        (usable && !self.name.trim().is_empty()).then(|| {
            let mut m = self.mapping.clone();
            m.name = self.name.trim().to_string();
            m
        })
    }

    /// The first values of a column, for the analyst to recognise it.
    fn first_values(&self, column: usize) -> String {
        self.table
            .rows
            .iter()
            .take(FIRST_ROWS)
            .filter_map(|r| r.get(column))
            .map(|c| decode_cell(c).0.into_owned())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

fn target_label(target: ColumnTarget) -> &'static str {
    match target {
        ColumnTarget::Field(f) => f.name(),
        ColumnTarget::Ignore => "Ignore",
    }
}

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
    ui.label(format!(
        "{}: {} rows. Choose what each column holds; nothing is written until you import.",
        w.file_name(),
        thousands(w.table.rows.len() as i64)
    ));
    ui.horizontal(|ui| {
        let mut layout = w.mapping.layout;
        egui::ComboBox::new("mapping_layout", "Layout")
            .selected_text(layout.name())
            .show_ui(ui, |ui| {
                for l in PartnerLayout::ALL {
                    ui.selectable_value(&mut layout, l, l.name());
                }
            });
        if layout != w.mapping.layout {
            w.set_layout(layout);
        }
        ui.add_space(12.0);
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
    });
    if let Some(d) = w.detection {
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
        let edit = ui
            .add(egui::TextEdit::singleline(&mut w.name).desired_width(260.0))
            .labelled_by(label.id);
        if edit.changed() {
            w.mapping.name = w.name.clone();
        }
    });
    ui.horizontal(|ui| {
        let ready = w.ready_mapping().is_some();
        if ui
            .add_enabled(ready, egui::Button::new("Save mapping and import"))
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

fn columns_ui(ui: &mut egui::Ui, w: &mut MappingImport) {
    let layout = w.mapping.layout;
    let mut change = None;
    egui::Grid::new("mapping_columns")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            ui.strong("Column: holds");
            ui.strong("First values");
            ui.end_row();
            for (column, name) in w.table.header.iter().enumerate() {
                let current = w.mapping.target_of(column);
                let mut chosen = current;
                egui::ComboBox::new(("mapping_column", column), name)
                    .selected_text(target_label(current))
                    .width(200.0)
                    .height(420.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut chosen, ColumnTarget::Ignore, "Ignore");
                        for spec in layout.fields() {
                            let text = if spec.required {
                                format!("{} (required)", spec.name)
                            } else {
                                spec.name.to_string()
                            };
                            ui.selectable_value(&mut chosen, ColumnTarget::Field(spec.key), text);
                        }
                    });
                if chosen != current {
                    change = Some((column, chosen));
                }
                ui.label(RichText::new(w.first_values(column)).weak());
                ui.end_row();
            }
        });
    if let Some((column, target)) = change {
        w.set_column(column, target);
    }
}

fn preview_ui(ui: &mut egui::Ui, w: &MappingImport) {
    let p = match &w.preview {
        Ok(p) => p,
        Err(problems) => {
            ui.label(RichText::new("The mapping cannot be used yet:").strong());
            for problem in problems {
                ui.label(format!("• {problem}"));
            }
            return;
        }
    };
    let plural = |n: usize| if n == 1 { "row" } else { "rows" };
    ui.label(
        RichText::new(format!(
            "{} {} would be imported",
            thousands(p.accepted as i64),
            plural(p.accepted)
        ))
        .strong(),
    );
    ui.label(
        RichText::new(format!(
            "{} {} would be rejected",
            thousands(p.rejected as i64),
            plural(p.rejected)
        ))
        .strong(),
    );
    for group in &p.rejected_by_reason {
        ui.label(format!(
            "• {}: {} {} (first at line {}: {})",
            group.reason,
            thousands(group.count as i64),
            plural(group.count),
            group.first_line,
            group.example
        ));
    }
    let entries = p.normalisation.entries();
    if !entries.is_empty() {
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
}
