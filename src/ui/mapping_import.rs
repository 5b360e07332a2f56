//! The column-mapping window's state: a file the app does not recognise — a partner
//! extract, a police street file, lookup or population with headers of their own (CSV in
//! any dialect, or a workbook's sheet), or a boundary file whose code and name attributes
//! are not ONS-shaped — read whole; how it was read (the dialect detected, or the sheet),
//! which the analyst can change; the layout, each column's field, the date format or the
//! areas' level; and the preview of what importing would accept and reject.
//!
//! The preview is recomputed when a choice changes, never per frame. Drawing is
//! `mapping_import_ui`.

use crate::import::field_mapping::{FieldMapping, MappedKind};
use crate::import::field_preview::{preview_rows, RowsPreview};
use crate::import::gis::{attribute_table, read_source, BoundarySource};
use crate::import::inputs::discover;
use crate::import::partner::layout::match_header;
use crate::import::partner::parse::{preview, Preview, RejectionGroup};
use crate::import::partner::{
    ColumnMapping, ColumnTarget, DateDetection, DateFormat, FieldKey, PartnerLayout, ValueKind,
};
use crate::import::table::whole::{read_whole, WholeTable};
use crate::import::table::TableOptions;
use crate::import::text::decode_cell;
use std::path::{Path, PathBuf};

/// Rows kept for the "first rows" values.
const FIRST_ROWS: usize = 3;
/// Rows the date format is detected from.
const DATE_SAMPLE: usize = 200;

/// What a file is mapped to: a partner reference layout, or one of the app's own kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MappingLayout {
    Partner(PartnerLayout),
    Kind(MappedKind),
}

impl MappingLayout {
    pub fn name(self) -> &'static str {
        match self {
            MappingLayout::Partner(l) => l.name(),
            MappingLayout::Kind(k) => k.name(),
        }
    }

    /// The layouts a table can be mapped to (boundaries are for boundary files).
    pub fn for_tables() -> Vec<MappingLayout> {
        let partner = PartnerLayout::ALL.into_iter().map(MappingLayout::Partner);
        let kinds = [
            MappedKind::PoliceStreet,
            MappedKind::WardLookup,
            MappedKind::Population,
        ]
        .into_iter()
        .map(MappingLayout::Kind);
        partner.chain(kinds).collect()
    }
}

/// The file as read for mapping.
#[derive(Debug, Clone)]
enum Content {
    Table(WholeTable),
    Boundaries {
        source: BoundarySource,
        name: String,
        header: Vec<String>,
        rows: Vec<csv::ByteRecord>,
    },
}

/// The window's state.
#[derive(Debug, Clone)]
pub struct MappingImport {
    pub path: PathBuf,
    content: Content,
    /// The sheet and dialect chosen (empty: as detected).
    pub options: TableOptions,
    pub layout: MappingLayout,
    /// The partner mapping (used when the layout is a partner one).
    pub mapping: ColumnMapping,
    /// The field mapping (used when the layout is one of the app's own kinds).
    pub fields: FieldMapping,
    pub detection: Option<DateDetection>,
    /// The partner preview, or why the mapping cannot be used.
    pub preview: Result<Preview, Vec<String>>,
    /// The preview of the app's own kinds, or why the mapping cannot be used.
    pub rows_preview: Result<RowsPreview, Vec<String>>,
    /// The name the mapping is saved under.
    pub name: String,
    /// Why the file could not be read again with the last choice.
    pub problem: Option<String>,
}

impl MappingImport {
    /// Read the file and start from the layout its header fits best, with every column
    /// whose name the app knows already mapped.
    pub fn open(path: &Path) -> Result<MappingImport, String> {
        let content = read_content(path, &TableOptions::default())?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (header, _) = header_and_rows(&content);
        let layout = likeliest_layout(&content, header);
        let mut window = MappingImport {
            path: path.to_path_buf(),
            mapping: ColumnMapping::new(stem.clone(), PartnerLayout::DomesticAbuse, header),
            fields: FieldMapping::new(stem.clone(), MappedKind::Population, header),
            content,
            options: TableOptions::default(),
            layout,
            detection: None,
            preview: Ok(Preview::default()),
            rows_preview: Ok(RowsPreview::default()),
            name: stem,
            problem: None,
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
        header_and_rows(&self.content).0
    }

    pub fn rows(&self) -> &[csv::ByteRecord] {
        header_and_rows(&self.content).1
    }

    pub fn is_boundary_file(&self) -> bool {
        matches!(self.content, Content::Boundaries { .. })
    }

    /// The table as read (dialect, sheet, notes), for a CSV or workbook.
    pub fn table(&self) -> Option<&WholeTable> {
        match &self.content {
            Content::Table(table) => Some(table),
            Content::Boundaries { .. } => None,
        }
    }

    /// Read the file again with another sheet or dialect; the columns are mapped afresh.
    pub fn set_options(&mut self, options: TableOptions) {
        match read_content(&self.path, &options) {
            Ok(content) => {
                self.content = content;
                self.options = options;
                self.problem = None;
                self.set_layout(self.layout);
            }
            Err(e) => self.problem = Some(e),
        }
    }

    /// Switch layout: columns are mapped afresh from their names, dates detected again.
    pub fn set_layout(&mut self, layout: MappingLayout) {
        self.layout = layout;
        let header = self.header().to_vec();
        match layout {
            MappingLayout::Partner(l) => {
                let mut mapping = ColumnMapping::new(self.name.clone(), l, &header);
                for (field, column) in match_header(l, &header).found {
                    mapping.set(column, ColumnTarget::Field(field));
                }
                self.mapping = mapping;
                self.detect_dates();
            }
            MappingLayout::Kind(kind) => {
                self.fields = FieldMapping::new(self.name.clone(), kind, &header);
            }
        }
        self.refresh();
    }

    /// Use `column` for `target` in the partner mapping; a field already on another column
    /// moves here.
    pub fn set_column(&mut self, column: usize, target: ColumnTarget) {
        if let ColumnTarget::Field(field) = target {
            if let Some(other) = self.mapping.column_of(field) {
                self.mapping.set(other, ColumnTarget::Ignore);
            }
        }
        let is_date =
            |t: ColumnTarget| matches!(t, ColumnTarget::Field(f) if f.kind() == ValueKind::Date);
        let was_date = is_date(self.mapping.target_of(column));
        self.mapping.set(column, target);
        if is_date(target) && !was_date {
            self.detect_dates();
        }
        self.refresh();
    }

    /// Use `column` for the field `key` of the app's own kind (or for nothing).
    pub fn set_field(&mut self, column: usize, key: Option<&str>) {
        self.fields.set(column, key);
        self.refresh();
    }

    /// For boundaries: the level of the areas (`""` to tell from the codes).
    pub fn set_level(&mut self, level: &str) {
        self.fields.level = (!level.is_empty()).then(|| level.to_string());
        self.refresh();
    }

    /// Map a column by its header name (as the analyst sees it) to a field by its name.
    pub fn set_column_by_name(&mut self, header: &str, field: Option<FieldKey>) -> bool {
        let Some(column) = self.header().iter().position(|h| h == header) else {
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
        let sample: Vec<csv::ByteRecord> = self.rows().iter().take(DATE_SAMPLE).cloned().collect();
        self.detection = self.mapping.detect_date_format(&sample);
    }

    /// Recompute the preview for the current choices.
    pub fn refresh(&mut self) {
        self.mapping.name = self.name.clone();
        self.fields.name = self.name.clone();
        match self.layout {
            MappingLayout::Partner(_) => {
                self.preview = preview(&self.mapping, self.rows().iter().cloned(), FIRST_ROWS)
                    .map_err(|problems| problems.iter().map(ToString::to_string).collect());
            }
            MappingLayout::Kind(MappedKind::Boundaries) => {
                self.rows_preview = self.boundaries_preview();
            }
            MappingLayout::Kind(_) => {
                self.rows_preview = preview_rows(&self.fields, self.rows());
            }
        }
    }

    fn boundaries_preview(&self) -> Result<RowsPreview, Vec<String>> {
        let Content::Boundaries { source, name, .. } = &self.content else {
            return Err(vec![
                "boundaries are read from a GeoJSON, shapefile or GeoPackage file".into(),
            ]);
        };
        let problems = self.fields.problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        let fields = self.fields.boundary_fields();
        let parsed = read_source(name, source, fields.as_ref()).map_err(|e| vec![e.to_string()])?;
        let mut counted = RowsPreview::default();
        for _ in &parsed.boundaries {
            counted.add(0, None);
        }
        for rejected in &parsed.rejected {
            counted.add(rejected.feature as u64, Some(rejected.problem.to_string()));
        }
        Ok(counted)
    }

    /// How many rows would be accepted and rejected, and the reasons, whatever the layout.
    pub fn outcome(&self) -> Result<(usize, usize, &[RejectionGroup]), &[String]> {
        match self.layout {
            MappingLayout::Partner(_) => self
                .preview
                .as_ref()
                .map(|p| (p.accepted, p.rejected, p.rejected_by_reason.as_slice()))
                .map_err(Vec::as_slice),
            MappingLayout::Kind(_) => self
                .rows_preview
                .as_ref()
                .map(|p| (p.accepted, p.rejected, p.rejected_by_reason.as_slice()))
                .map_err(Vec::as_slice),
        }
    }

    /// Whether the mapping can be saved: it reads at least one row and has a name.
    pub fn is_ready(&self) -> bool {
        let usable = matches!(self.outcome(), Ok((accepted, _, _)) if accepted > 0);
        usable && !self.name.trim().is_empty()
    }

    /// The partner mapping to save, when it can be used.
    pub fn ready_mapping(&self) -> Option<ColumnMapping> {
        let partner = matches!(self.layout, MappingLayout::Partner(_));
        (partner && self.is_ready()).then(|| {
            let mut m = self.mapping.clone();
            m.name = self.name.trim().to_string();
            m
        })
    }

    /// The field mapping to save, when it can be used.
    pub fn ready_fields(&self) -> Option<FieldMapping> {
        let kind = matches!(self.layout, MappingLayout::Kind(_));
        (kind && self.is_ready()).then(|| {
            let mut m = self.fields.clone();
            m.name = self.name.trim().to_string();
            m
        })
    }

    /// The first values of a column, for the analyst to recognise it.
    pub fn first_values(&self, column: usize) -> String {
        self.rows()
            .iter()
            .take(FIRST_ROWS)
            .filter_map(|r| r.get(column))
            .map(|c| decode_cell(c).0.into_owned())
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// "line" for CSV, "row" for a workbook's sheet, "feature" for a boundary file.
    pub fn position_word(&self) -> &'static str {
        match &self.content {
            Content::Table(t) if t.sheet.is_some() => "row",
            Content::Table(_) => "line",
            Content::Boundaries { .. } => "feature",
        }
    }
}

fn header_and_rows(content: &Content) -> (&[String], &[csv::ByteRecord]) {
    match content {
        Content::Table(t) => (&t.header, &t.rows),
        Content::Boundaries { header, rows, .. } => (header, rows),
    }
}

/// Read the file as a table, or a boundary file as its attribute table.
fn read_content(path: &Path, options: &TableOptions) -> Result<Content, String> {
    let found = discover(&[path.to_path_buf()]).map_err(|e| e.to_string())?;
    if let Some(file) = found.files.first() {
        if let Some((source, _)) = file.boundary_source().map_err(|e| e.to_string())? {
            let (header, rows) =
                attribute_table(&file.display_name, &source).map_err(|e| e.to_string())?;
            return Ok(Content::Boundaries {
                source,
                name: file.display_name.clone(),
                header,
                rows,
            });
        }
    }
    read_whole(path, options)
        .map(Content::Table)
        .map_err(|e| e.to_string())
}

/// The layout a file most looks like: boundaries for a boundary file; else the layout
/// (partner or the app's own) with the most columns already named as it names them.
fn likeliest_layout(content: &Content, header: &[String]) -> MappingLayout {
    if matches!(content, Content::Boundaries { .. }) {
        return MappingLayout::Kind(MappedKind::Boundaries);
    }
    let score = |layout: &MappingLayout| match layout {
        MappingLayout::Partner(l) => match_header(*l, header).found.len(),
        MappingLayout::Kind(k) => FieldMapping::new("", *k, header).columns.len(),
    };
    let layouts = MappingLayout::for_tables();
    let mut best = MappingLayout::Partner(PartnerLayout::DomesticAbuse);
    for layout in &layouts {
        // Ties go to the earlier layout.
        if score(layout) > score(&best) {
            best = *layout;
        }
    }
    best
}
