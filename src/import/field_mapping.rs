//! Column mappings for the app's own kinds of file when they come with headers of their own:
//! a police street file whose columns are named differently, an LSOA → ward lookup with a
//! council's column names, a population table, a boundary file whose code and name
//! attributes are not ONS-shaped. A mapping names, for each field the reader needs, the
//! column that holds it; the reader then sees the header it knows. Saved by name (as JSON,
//! by the store) and found again by the header's signature, like partner mappings.
//!
//! Decides and checks only; rows are read by the same parsers as every other file.

use super::gis::identity::BoundaryFields;
use super::kind::FileKind;
use super::partner::layout::normalise_header;
use super::partner::mapping::header_signature;
use serde::{Deserialize, Serialize};

/// The kinds of file a field mapping reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MappedKind {
    PoliceStreet,
    WardLookup,
    Population,
    Boundaries,
}

/// One field a kind of file is read into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MappedField {
    /// The id used in `--map "Column=id"` and saved mappings.
    pub key: &'static str,
    pub name: &'static str,
    pub required: bool,
    /// The header name the kind's reader knows this field by.
    pub reader_name: &'static str,
}

const fn field(
    key: &'static str,
    name: &'static str,
    required: bool,
    reader_name: &'static str,
) -> MappedField {
    MappedField {
        key,
        name,
        required,
        reader_name,
    }
}

const POLICE_FIELDS: [MappedField; 12] = [
    field("crime_id", "Crime ID", true, "Crime ID"),
    field("month", "Month", true, "Month"),
    field("reported_by", "Reported by", true, "Reported by"),
    field("falls_within", "Falls within", true, "Falls within"),
    field("longitude", "Longitude", true, "Longitude"),
    field("latitude", "Latitude", true, "Latitude"),
    field("location", "Location", true, "Location"),
    field("lsoa_code", "LSOA code", true, "LSOA code"),
    field("lsoa_name", "LSOA name", true, "LSOA name"),
    field("crime_type", "Crime type", true, "Crime type"),
    field(
        "outcome",
        "Last outcome category",
        false,
        "Last outcome category",
    ),
    field("context", "Context", false, "Context"),
];

const LOOKUP_FIELDS: [MappedField; 6] = [
    field("lsoa_code", "LSOA code", true, "LSOA21CD"),
    field("lsoa_name", "LSOA name", false, "LSOA21NM"),
    field("ward_code", "Ward code", true, "WD24CD"),
    field("ward_name", "Ward name", false, "WD24NM"),
    field("district_code", "District code", false, "LAD24CD"),
    field("district_name", "District name", false, "LAD24NM"),
];

const POPULATION_FIELDS: [MappedField; 3] = [
    field("code", "Area code (LSOA or ward)", true, "code"),
    field("name", "Area name", false, "name"),
    field("total", "Population (all residents)", true, "total"),
];

const BOUNDARY_FIELDS: [MappedField; 3] = [
    field("code", "Area code", true, "code"),
    field("name", "Area name", false, "name"),
    field(
        "parent_code",
        "District code (of a ward)",
        false,
        "parent_code",
    ),
];

impl MappedKind {
    pub const ALL: [MappedKind; 4] = [
        MappedKind::PoliceStreet,
        MappedKind::WardLookup,
        MappedKind::Population,
        MappedKind::Boundaries,
    ];

    pub fn key(self) -> &'static str {
        match self {
            MappedKind::PoliceStreet => "police_street",
            MappedKind::WardLookup => "ward_lookup",
            MappedKind::Population => "population",
            MappedKind::Boundaries => "boundaries",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            MappedKind::PoliceStreet => "Police street-level crime",
            MappedKind::WardLookup => "LSOA to ward lookup",
            MappedKind::Population => "Population by LSOA or ward",
            MappedKind::Boundaries => "Boundaries (code and name attributes)",
        }
    }

    pub fn from_key(key: &str) -> Option<MappedKind> {
        MappedKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn fields(self) -> &'static [MappedField] {
        match self {
            MappedKind::PoliceStreet => &POLICE_FIELDS,
            MappedKind::WardLookup => &LOOKUP_FIELDS,
            MappedKind::Population => &POPULATION_FIELDS,
            MappedKind::Boundaries => &BOUNDARY_FIELDS,
        }
    }

    pub fn field(self, key: &str) -> Option<&'static MappedField> {
        self.fields().iter().find(|f| f.key == key)
    }

    pub fn file_kind(self) -> FileKind {
        match self {
            MappedKind::PoliceStreet => FileKind::PoliceStreet,
            MappedKind::WardLookup => FileKind::WardLookup,
            MappedKind::Population => FileKind::Population,
            MappedKind::Boundaries => FileKind::Boundaries,
        }
    }
}

/// The boundary levels a mapping may say its areas are.
pub const BOUNDARY_LEVELS: [(&str, &str); 4] = [
    ("", "From the codes (E05… ward, E01… LSOA)"),
    ("ward", "Wards"),
    ("lsoa", "LSOAs"),
    ("district", "Districts"),
];

/// How one layout of file is read as one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldMapping {
    pub name: String,
    pub kind: MappedKind,
    pub header_signature: String,
    /// The header (or attribute names) it was made for.
    pub header: Vec<String>,
    /// (0-based column, field key) of each mapped column.
    pub columns: Vec<(usize, String)>,
    /// For boundaries: the level of the areas (`ward`, `lsoa`, `district`), or `None` to
    /// tell each area's level from its code.
    #[serde(default)]
    pub level: Option<String>,
}

impl FieldMapping {
    /// A mapping with every column whose name is a field's name (or its reader's name)
    /// already mapped.
    pub fn new(name: impl Into<String>, kind: MappedKind, header: &[String]) -> FieldMapping {
        let mut mapping = FieldMapping {
            name: name.into(),
            kind,
            header_signature: header_signature(header),
            header: header.to_vec(),
            columns: Vec::new(),
            level: None,
        };
        for spec in kind.fields() {
            let wanted = [
                normalise_header(spec.name),
                normalise_header(spec.reader_name),
            ];
            let found = header
                .iter()
                .position(|h| wanted.contains(&normalise_header(h)));
            if let Some(column) = found {
                if mapping.field_of(column).is_none() {
                    mapping.set(column, Some(spec.key));
                }
            }
        }
        // A council's own names (`ward_code`, `AreaName`): the first column that ends like
        // the code or name field's name, when nothing is named exactly.
        for (key, endings) in [("code", ["code", "cd"]), ("name", ["name", "nm"])] {
            if kind.field(key).is_none() || mapping.column_of(key).is_some() {
                continue;
            }
            let found = header.iter().enumerate().position(|(column, h)| {
                let h = normalise_header(h);
                mapping.field_of(column).is_none() && endings.iter().any(|e| h.ends_with(e))
            });
            if let Some(column) = found {
                mapping.set(column, Some(key));
            }
        }
        mapping
    }

    /// Use `column` for the field `key` (or for nothing); a field already on another
    /// column moves here.
    pub fn set(&mut self, column: usize, key: Option<&str>) {
        self.columns
            .retain(|(c, k)| *c != column && Some(k.as_str()) != key);
        if let Some(key) = key {
            self.columns.push((column, key.to_string()));
            self.columns.sort();
        }
    }

    pub fn field_of(&self, column: usize) -> Option<&'static MappedField> {
        let (_, key) = self.columns.iter().find(|(c, _)| *c == column)?;
        self.kind.field(key)
    }

    pub fn column_of(&self, key: &str) -> Option<usize> {
        self.columns.iter().find(|(_, k)| k == key).map(|(c, _)| *c)
    }

    /// Whether the mapping was made for a header like this one.
    pub fn matches_header(&self, header: &[String]) -> bool {
        self.header_signature == header_signature(header)
    }

    /// Every reason the mapping cannot be used yet, in the analyst's words.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (column, key) in &self.columns {
            if *column >= self.header.len() {
                problems.push(format!(
                    "column {} does not exist: the header has {} columns",
                    column + 1,
                    self.header.len()
                ));
            }
            if self.kind.field(key).is_none() {
                problems.push(format!("\"{key}\" is not a field of {}", self.kind.name()));
            }
        }
        for spec in self.kind.fields() {
            if spec.required && self.column_of(spec.key).is_none() {
                problems.push(format!(
                    "{} is required but no column is mapped to it",
                    spec.name
                ));
            }
        }
        problems
    }

    /// The header the kind's reader sees: each mapped column named as the reader knows
    /// its field, every other column blank (so it is never taken for one).
    pub fn reader_header(&self, width: usize) -> Vec<String> {
        (0..width)
            .map(|column| {
                self.field_of(column)
                    .map_or_else(String::new, |f| f.reader_name.to_string())
            })
            .collect()
    }

    /// (name the reader knows, the file's own column name) of each mapped column, so
    /// messages name the file's columns.
    pub fn column_names(&self) -> Vec<(String, String)> {
        self.columns
            .iter()
            .filter_map(|(column, key)| {
                let field = self.kind.field(key)?;
                let own = self.header.get(*column)?;
                Some((field.reader_name.to_string(), own.clone()))
            })
            .collect()
    }

    /// A reader's message about a mapped column in the file's words: `column total: …`
    /// becomes `column People: …`.
    pub fn in_file_words(names: &[(String, String)], message: &str) -> String {
        names
            .iter()
            .fold(message.to_string(), |text, (reader, own)| {
                text.replace(&format!("column {reader}:"), &format!("column {own}:"))
            })
    }

    /// For boundaries: the attributes holding the code, name and parent, and the level.
    pub fn boundary_fields(&self) -> Option<BoundaryFields> {
        let attribute = |key: &str| {
            self.column_of(key)
                .and_then(|c| self.header.get(c))
                .cloned()
        };
        Some(BoundaryFields {
            code: attribute("code")?,
            name: attribute("name"),
            parent_code: attribute("parent_code"),
            level: self.level.clone().filter(|l| !l.is_empty()),
        })
    }

    /// The mapping with each mapped column found again in `header` by its name, so a file
    /// whose columns moved still reads; an error naming the columns it lacks.
    pub fn fit_to_header(&self, header: &[String]) -> Result<FieldMapping, String> {
        let names: Vec<String> = header.iter().map(|h| normalise_header(h)).collect();
        let mut fitted = FieldMapping {
            header_signature: header_signature(header),
            header: header.to_vec(),
            columns: Vec::new(),
            ..self.clone()
        };
        let mut missing = Vec::new();
        for (column, key) in &self.columns {
            let wanted = normalise_header(self.header.get(*column).map_or("", String::as_str));
            match names.iter().position(|n| *n == wanted) {
                Some(c) => fitted.set(c, Some(key)),
                None => missing.push(format!(
                    "\"{}\"",
                    self.header.get(*column).map_or("?", String::as_str)
                )),
            }
        }
        if !missing.is_empty() {
            return Err(format!(
                "the column mapping \"{}\" does not fit this file: it has no column {}",
                self.name,
                missing.join(", ")
            ));
        }
        let problems = fitted.problems();
        if problems.is_empty() {
            Ok(fitted)
        } else {
            Err(format!(
                "the column mapping \"{}\" cannot read this file: {}",
                self.name,
                problems.join("; ")
            ))
        }
    }
}

/// The saved mapping made for this header, if any.
pub fn find_for_header<'a>(
    saved: &'a [FieldMapping],
    header: &[String],
) -> Option<&'a FieldMapping> {
    saved.iter().find(|m| m.matches_header(header))
}

#[cfg(test)]
mod tests;
