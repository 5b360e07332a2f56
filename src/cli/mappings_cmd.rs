//! `csp-assessment mappings --db FILE [--json]`: list the column mappings saved in an
//! assessment file; with `--save NAME --layout LAYOUT --from CSV --map "Column=field,…"
//! [--date-format dmy]`, make one headlessly from a file's header (for scripts and tests).

use super::{EXIT_OK, EXIT_REJECTED};
use crate::import::partner::file::read_table;
use crate::import::partner::layout::normalise_header;
use crate::import::partner::{ColumnMapping, ColumnTarget, DateFormat, FieldKey, PartnerLayout};
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
}

#[derive(Serialize)]
struct MappingJson<'a> {
    name: &'a str,
    layout: &'static str,
    header: &'a [String],
    date_format: DateFormat,
    /// Column header → field id, for mapped columns.
    columns: Vec<(String, &'static str)>,
}

pub fn run(db: &Path, save: Option<&MappingSpec>, json: bool) -> i32 {
    match apply(db, save) {
        Ok(mappings) => {
            print_mappings(&mappings, json);
            EXIT_OK
        }
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_REJECTED
        }
    }
}

fn apply(db: &Path, save: Option<&MappingSpec>) -> Result<Vec<ColumnMapping>, String> {
    let mut store = match save {
        Some(_) => Store::open_or_create(db),
        None => Store::open_existing(db),
    }
    .map_err(|e| e.to_string())?;
    if let Some(spec) = save {
        let mapping = build(spec)?;
        store.save_mapping(&mapping).map_err(|e| e.to_string())?;
    }
    store.mappings().map_err(|e| e.to_string())
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

fn build(spec: &MappingSpec) -> Result<ColumnMapping, String> {
    let layout = PartnerLayout::from_key(&spec.layout).ok_or_else(|| {
        let keys: Vec<&str> = PartnerLayout::ALL.iter().map(|l| l.key()).collect();
        format!("unknown layout {} ({})", spec.layout, keys.join(", "))
    })?;
    let table = read_table(&spec.from).map_err(|e| e.to_string())?;
    let mut mapping = ColumnMapping::new(spec.name.clone(), layout, &table.header);
    let names: Vec<String> = table.header.iter().map(|h| normalise_header(h)).collect();
    for pair in spec.map.split(',').filter(|p| !p.trim().is_empty()) {
        let (column, field) = pair
            .rsplit_once('=')
            .ok_or_else(|| format!("\"{pair}\" is not Column=field"))?;
        let wanted = normalise_header(column);
        let index = names.iter().position(|n| *n == wanted).ok_or_else(|| {
            format!(
                "{} has no column \"{}\"",
                spec.from.display(),
                column.trim()
            )
        })?;
        let target = match field.trim() {
            "ignore" | "" => ColumnTarget::Ignore,
            id => ColumnTarget::Field(
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

fn print_mappings(mappings: &[ColumnMapping], json: bool) {
    if json {
        let list: Vec<MappingJson> = mappings
            .iter()
            .map(|m| MappingJson {
                name: &m.name,
                layout: m.layout.key(),
                header: &m.header,
                date_format: m.date_format,
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
        match serde_json::to_string_pretty(&serde_json::json!({ "mappings": list })) {
            Ok(text) => println!("{text}"),
            Err(e) => eprintln!("error: {e}"),
        }
        return;
    }
    if mappings.is_empty() {
        println!("No column mappings are saved in this file.");
    }
    for m in mappings {
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
}
