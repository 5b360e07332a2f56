//! `csp-assessment mappings --db FILE [--json]`: list the column mappings saved in an
//! assessment file; with `--save NAME --layout LAYOUT --from FILE --map "Column=field,…"
//! [--date-format dmy] [--sheet NAME] [--level ward]`, make one headlessly from a file's
//! header (for scripts and tests). LAYOUT is a partner layout, or one of the app's own
//! kinds read with a header of their own: police street files, ward lookups, populations,
//! boundaries (whose "columns" are the features' attributes).

use super::args::{ParsedArgs, UsageError};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::import::field_mapping::{FieldMapping, MappedKind};
use crate::import::gis::{attribute_table, GisFormat};
use crate::import::partner::layout::normalise_header;
use crate::import::partner::{ColumnMapping, ColumnTarget, DateFormat, FieldKey, PartnerLayout};
use crate::import::table::whole::read_whole;
use crate::import::table::TableOptions;
use crate::store::Store;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// A mapping to make with `--save`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingSpec {
    pub name: String,
    pub layout: String,
    pub from: PathBuf,
    /// `Column=field_id` pairs, comma separated.
    pub map: String,
    pub date_format: Option<String>,
    /// The sheet of a workbook, and any CSV dialect chosen.
    pub table: TableOptions,
    /// For boundaries: the level of the areas (`ward`, `lsoa`, `district`).
    pub level: Option<String>,
}

#[derive(Serialize)]
struct MappingJson<'a> {
    name: &'a str,
    layout: &'static str,
    header: &'a [String],
    /// Null for the app's own kinds of file (they have no dates to read).
    date_format: Option<DateFormat>,
    /// Column header → field id, for mapped columns.
    columns: Vec<(String, &'static str)>,
}

/// Every saved mapping: partner layouts, then the app's own kinds.
struct Saved {
    partner: Vec<ColumnMapping>,
    fields: Vec<FieldMapping>,
}

/// `mappings`' words: list, or `--save` a mapping with all it needs.
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    let save = match (
        args.take("--save"),
        args.take("--layout"),
        args.take("--from"),
        args.take("--map"),
    ) {
        (None, None, None, None) => None,
        (Some(name), Some(layout), Some(from), Some(map)) => Some(MappingSpec {
            name,
            layout,
            from: PathBuf::from(from),
            map,
            date_format: args.take("--date-format"),
            table: args.table_options()?,
            level: args.take("--level"),
        }),
        _ => return Err(UsageError(
            "mappings --save NAME needs --layout LAYOUT, --from CSV and --map \"Column=field,…\""
                .into(),
        )),
    };
    Ok(Command::Mappings {
        db: args.need_db()?,
        save,
        json: args.json,
    })
}

pub fn run(db: &Path, save: Option<&MappingSpec>, json: bool) -> i32 {
    match apply(db, save) {
        Ok(saved) => {
            print_mappings(&saved, json);
            EXIT_OK
        }
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_REJECTED
        }
    }
}

fn apply(db: &Path, save: Option<&MappingSpec>) -> Result<Saved, String> {
    let mut store = match save {
        Some(_) => Store::open_or_create(db),
        None => Store::open_existing(db),
    }
    .map_err(|e| e.to_string())?;
    if let Some(spec) = save {
        match MappedKind::from_key(&spec.layout) {
            Some(kind) => {
                let mapping = build_fields(spec, kind)?;
                store
                    .save_field_mapping(&mapping)
                    .map_err(|e| e.to_string())?;
            }
            None => {
                let mapping = build(spec)?;
                store.save_mapping(&mapping).map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(Saved {
        partner: store.mappings().map_err(|e| e.to_string())?,
        fields: store.field_mappings().map_err(|e| e.to_string())?,
    })
}

/// Read a date format name: `iso`, `dmy`, `dmony` (17-Apr-23), `excel`, `mdy`.
pub fn parse_date_format(text: &str) -> Option<DateFormat> {
    match text.trim().to_ascii_lowercase().as_str() {
        "iso" | "ymd" => Some(DateFormat::Iso),
        "dmy" | "day_month_year" | "uk" => Some(DateFormat::DayMonthYear),
        "dmony" | "d-mon-y" | "day_month_name" => Some(DateFormat::DayMonthName),
        "excel" | "excel_serial" => Some(DateFormat::ExcelSerial),
        "mdy" | "month_day_year" | "us" => Some(DateFormat::MonthDayYear),
        _ => None,
    }
}

/// The `Column=field` pairs of `--map`, each column found in `header` (any case, spacing
/// or punctuation); `ignore` or nothing after `=` leaves a column unmapped.
fn map_pairs<'a>(
    spec: &'a MappingSpec,
    header: &[String],
) -> Result<Vec<(usize, Option<&'a str>)>, String> {
    let names: Vec<String> = header.iter().map(|h| normalise_header(h)).collect();
    spec.map
        .split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|pair| {
            let (column, field) = pair
                .rsplit_once('=')
                .ok_or_else(|| format!("\"{pair}\" is not Column=field"))?;
            let wanted = normalise_header(column);
            let index = names.iter().position(|n| *n == wanted).ok_or_else(|| {
                format!(
                    "{} has no column \"{}\" (its columns: {})",
                    spec.from.display(),
                    column.trim(),
                    header.join(", ")
                )
            })?;
            let field = match field.trim() {
                "ignore" | "" => None,
                id => Some(id),
            };
            Ok((index, field))
        })
        .collect()
}

fn build(spec: &MappingSpec) -> Result<ColumnMapping, String> {
    let layout = PartnerLayout::from_key(&spec.layout).ok_or_else(|| {
        let partner = PartnerLayout::ALL.iter().map(|l| l.key());
        let kinds = MappedKind::ALL.iter().map(|k| k.key());
        let keys: Vec<&str> = partner.chain(kinds).collect();
        format!("unknown layout {} ({})", spec.layout, keys.join(", "))
    })?;
    let table = read_whole(&spec.from, &spec.table).map_err(|e| e.to_string())?;
    let mut mapping = ColumnMapping::new(spec.name.clone(), layout, &table.header);
    for (index, field) in map_pairs(spec, &table.header)? {
        let target = match field {
            None => ColumnTarget::Ignore,
            Some(id) => ColumnTarget::Field(
                FieldKey::from_id(id).ok_or_else(|| format!("unknown field \"{id}\""))?,
            ),
        };
        mapping.set(index, target);
    }
    match &spec.date_format {
        Some(text) => {
            mapping.date_format = parse_date_format(text).ok_or_else(|| {
                format!("unknown date format {text} (iso, dmy, dmony, excel, mdy)")
            })?;
        }
        None => {
            let sample: Vec<csv::ByteRecord> = table.rows.iter().take(200).cloned().collect();
            mapping.detect_date_format(&sample);
        }
    }
    mapping.validate().map_err(|problems| {
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        text.join("; ")
    })?;
    Ok(mapping)
}

/// A field mapping from `--map`, over the file's header (or a boundary file's attributes).
fn build_fields(spec: &MappingSpec, kind: MappedKind) -> Result<FieldMapping, String> {
    let name = spec.from.display().to_string();
    let header = match GisFormat::of_name(&name)
        .or_else(|| spec.from.is_dir().then_some(GisFormat::Shapefile))
    {
        Some(_) => boundary_attributes(&spec.from)?,
        None => {
            read_whole(&spec.from, &spec.table)
                .map_err(|e| e.to_string())?
                .header
        }
    };
    let mut mapping = FieldMapping::new(spec.name.clone(), kind, &header);
    for (index, field) in map_pairs(spec, &header)? {
        if let Some(id) = field {
            if kind.field(id).is_none() {
                let known: Vec<&str> = kind.fields().iter().map(|f| f.key).collect();
                return Err(format!(
                    "unknown field \"{id}\" for {} (fields: {})",
                    kind.key(),
                    known.join(", ")
                ));
            }
        }
        mapping.set(index, field);
    }
    if let Some(level) = &spec.level {
        if !["ward", "lsoa", "district"].contains(&level.as_str()) {
            return Err(format!("unknown level {level} (ward, lsoa, district)"));
        }
        mapping.level = Some(level.clone());
    }
    let problems = mapping.problems();
    if problems.is_empty() {
        Ok(mapping)
    } else {
        Err(problems.join("; "))
    }
}

/// The attribute names of a boundary file (a folder or zip holding a shapefile too).
fn boundary_attributes(path: &Path) -> Result<Vec<String>, String> {
    let found =
        crate::import::inputs::discover(&[path.to_path_buf()]).map_err(|e| e.to_string())?;
    let file = found
        .files
        .first()
        .ok_or_else(|| format!("{} holds no boundary file", path.display()))?;
    let (source, _) = file
        .boundary_source()
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("{} is not a boundary file", file.display_name))?;
    attribute_table(&file.display_name, &source)
        .map(|(header, _)| header)
        .map_err(|e| e.to_string())
}

fn print_mappings(saved: &Saved, json: bool) {
    if json {
        let mut list: Vec<MappingJson> = saved
            .partner
            .iter()
            .map(|m| MappingJson {
                name: &m.name,
                layout: m.layout.key(),
                header: &m.header,
                date_format: Some(m.date_format),
                columns: m
                    .columns
                    .iter()
                    .filter_map(|(c, t)| match t {
                        ColumnTarget::Field(f) => Some((m.column_name(*c), f.id())),
                        ColumnTarget::Ignore => None,
                    })
                    .collect(),
            })
            .collect();
        list.extend(saved.fields.iter().map(|m| {
            MappingJson {
                name: &m.name,
                layout: m.kind.key(),
                header: &m.header,
                date_format: None,
                columns: m
                    .columns
                    .iter()
                    .filter_map(|(c, key)| {
                        let field = m.kind.field(key)?;
                        Some((m.header.get(*c).cloned().unwrap_or_default(), field.key))
                    })
                    .collect(),
            }
        }));
        match serde_json::to_string_pretty(&serde_json::json!({ "mappings": list })) {
            Ok(text) => println!("{text}"),
            Err(e) => eprintln!("error: {e}"),
        }
        return;
    }
    if saved.partner.is_empty() && saved.fields.is_empty() {
        println!("No column mappings are saved in this file.");
    }
    for m in &saved.partner {
        println!(
            "{} ({}; dates like {})",
            m.name,
            m.layout.name(),
            m.date_format.example()
        );
        for (c, t) in &m.columns {
            if let ColumnTarget::Field(f) = t {
                println!("    {} → {}", m.column_name(*c), f.name());
            }
        }
    }
    for m in &saved.fields {
        println!("{} ({})", m.name, m.kind.name());
        for (c, key) in &m.columns {
            if let Some(field) = m.kind.field(key) {
                let column = m.header.get(*c).map_or("?", String::as_str);
                println!("    {column} → {}", field.name);
            }
        }
        if let Some(level) = &m.level {
            println!("    areas are {level}s");
        }
    }
}
