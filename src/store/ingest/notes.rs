//! The plain sentences an import adds to a file's summary: Excel re-saves, old crime-type
//! names, rows with no location, Windows-1252 text, rejected rows.

use super::file_summary::FileSummary;
use crate::import::crime_types::LEGACY_CRIME_TYPES;

pub fn summary_notes(s: &FileSummary, windows_1252_values: u64) -> Vec<String> {
    let mut notes = s.extra_notes.clone();
    notes.extend(s.partner.as_ref().map(|p| p.notes()).unwrap_or_default());
    for (form, n) in &s.month_forms {
        notes.push(format!(
            "Month was written like {} (the file was re-saved by Excel) in {n} rows: read as YYYY-MM",
            form.example()
        ));
    }
    for ((old, new), n) in LEGACY_CRIME_TYPES.iter().zip(s.legacy_types) {
        if n > 0 {
            notes.push(format!(
                "old crime type \"{old}\" in {n} rows: counted as {new}"
            ));
        }
    }
    if s.unlocated > 0 {
        notes.push(format!(
            "{} rows have no location (\"No Location\"): kept and counted as unlocated",
            s.unlocated
        ));
    }
    if s.crimes_without_id > 0 {
        notes.push(format!(
            "{} crime rows have no Crime ID",
            s.crimes_without_id
        ));
    }
    if windows_1252_values > 0 {
        notes.push(format!(
            "{windows_1252_values} text values were not UTF-8 and were read as Windows-1252"
        ));
    }
    if s.rejected > 0 {
        let what = if s.kind == crate::import::kind::FileKind::Boundaries {
            "features"
        } else {
            "rows"
        };
        notes.push(format!(
            "{} {what} rejected (see the rejected rows)",
            s.rejected
        ));
    }
    notes
}
