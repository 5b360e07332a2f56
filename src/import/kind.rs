//! Recognising what a file is from its header, so one import command takes every kind of
//! file the analyst has, and a wrong file gets a sentence that says what it is.

use super::geography::{LookupColumns, PopulationColumns};
use super::partner::{detect_layout, PartnerLayout};

/// What kind of file a header says this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    PoliceStreet,
    PoliceOutcomes,
    PoliceStopAndSearch,
    WardLookup,
    Population,
    /// A partner extract in one of the reference layouts.
    Partner(PartnerLayout),
    /// Ward, LSOA or district boundaries (GeoJSON, shapefile or GeoPackage, recognised by
    /// the file name, not a header).
    Boundaries,
    Unknown,
}

impl FileKind {
    /// The `sources.kind` stored for an imported file of this kind.
    pub fn source_kind(self) -> &'static str {
        match self {
            FileKind::PoliceStreet => "police_street",
            FileKind::WardLookup => "ward_lookup",
            FileKind::Population => "population",
            FileKind::PoliceOutcomes => "police_outcomes",
            FileKind::PoliceStopAndSearch => "police_stop_and_search",
            FileKind::Partner(layout) => layout.key(),
            FileKind::Boundaries => "boundaries",
            FileKind::Unknown => "unknown",
        }
    }

    /// Parse a `--kind` value.
    pub fn from_name(name: &str) -> Option<FileKind> {
        match name {
            "police_street" | "police" | "street" => Some(FileKind::PoliceStreet),
            "ward_lookup" | "lookup" => Some(FileKind::WardLookup),
            "population" => Some(FileKind::Population),
            "boundaries" | "geojson" => Some(FileKind::Boundaries),
            other => PartnerLayout::from_key(other).map(FileKind::Partner),
        }
    }

    /// The kind a file's name alone says it is: GeoJSON (`.geojson`, `.json`), shapefiles
    /// (`.shp`) and GeoPackages (`.gpkg`) hold boundaries; anything else is recognised
    /// from its header.
    pub fn from_file_name(name: &str) -> Option<FileKind> {
        super::gis::GisFormat::of_name(name).map(|_| FileKind::Boundaries)
    }
}

/// The kind stored in `sources.kind`, as the Data page and the report's appendix name it.
pub fn source_kind_label(kind: &str) -> &str {
    match kind {
        "police_street" => "Police street crime",
        "ward_lookup" => "Ward lookup",
        "population" => "Population",
        "boundaries" => "Boundaries",
        "derived_lookup" => "Ward lookup (derived)",
        "police_outcomes" => "Police outcomes",
        "police_stop_and_search" => "Stop and search",
        "domestic_abuse" => "Domestic abuse",
        "marac" => "MARAC",
        "asb_cases" => "Council ASB cases",
        "treatment" => "Treatment",
        "indicators" => "Partner indicators",
        other => other,
    }
}

/// Recognise a file from its header cells.
pub fn detect_kind(names: &[String]) -> FileKind {
    let has = |n: &str| names.iter().any(|h| h.eq_ignore_ascii_case(n));
    if has("Crime type") && has("Month") {
        FileKind::PoliceStreet
    } else if has("Outcome type") && has("Month") {
        FileKind::PoliceOutcomes
    } else if has("Object of search") || has("Part of a policing operation") {
        FileKind::PoliceStopAndSearch
    } else if LookupColumns::from_header(names).is_ok() {
        FileKind::WardLookup
    } else if PopulationColumns::from_header(names).is_ok() {
        FileKind::Population
    } else if let Some(matched) = detect_layout(names) {
        FileKind::Partner(matched.layout)
    } else {
        FileKind::Unknown
    }
}

/// Why a file of this kind is not imported as police street data, for messages.
pub fn not_importable_reason(kind: FileKind, header: &[String]) -> String {
    match kind {
        FileKind::PoliceOutcomes => {
            "this is a police.uk outcomes file, not a street-level crime file".into()
        }
        FileKind::PoliceStopAndSearch => {
            "this is a police.uk stop-and-search file, not a street-level crime file".into()
        }
        _ => format!(
            "the header ({}) is not one the app knows: a police.uk street-level crime file needs Month and Crime type; a ward lookup LSOAnnCD and WDnnCD; a population file a code and a total column; a partner extract the columns of a reference layout. Not a file this app knows: map its columns in the app or give --mapping NAME",
            super::text::excerpt(header.join(",").as_bytes())
        ),
    }
}
