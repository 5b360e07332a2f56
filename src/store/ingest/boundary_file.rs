//! The import worker's side of a boundary file — GeoJSON, a shapefile (its parts as one
//! source) or a GeoPackage: read it whole (boundary files are megabytes, not gigabytes),
//! parse every feature, send the areas and the rejected features (feature number as the
//! line) to the writer in one batch, with the raw bytes for the content hash.

use super::batch::{new_batch, Channel};
use super::file_summary::FileSummary;
use crate::import::boundaries::{BoundaryLevel, FeatureProblem};
use crate::import::field_mapping::{find_for_header, FieldMapping};
use crate::import::gis::{attribute_names, read_source, BoundarySource};
use crate::import::inputs::InputFile;
use crate::import::kind::FileKind;
use crate::import::ImportError;
use crate::store::writer::RejectedRecord;
use std::sync::atomic::{AtomicU64, Ordering};

pub fn parse_boundary_file(
    file: &InputFile,
    given: Option<&FieldMapping>,
    saved: &[FieldMapping],
    bytes_read: &AtomicU64,
    channel: &Channel<'_>,
) -> Result<FileSummary, ImportError> {
    let name = &file.display_name;
    let bad = |reason: String| ImportError::BadFile {
        file: name.to_string(),
        reason,
    };
    let (source, raw) = match file.boundary_source()? {
        Some(found) => found,
        // Forced to be boundaries whatever its name: GeoJSON is the text form.
        None => {
            let bytes = file.with_reader(|input| {
                let mut bytes = Vec::new();
                input.read_to_end(&mut bytes).map(|_| bytes)
            })?;
            let bytes = bytes.map_err(|e| bad(e.to_string()))?;
            (BoundarySource::GeoJson(bytes.clone()), vec![bytes])
        }
    };
    let bytes: u64 = raw.iter().map(|r| r.len() as u64).sum();
    bytes_read.fetch_add(bytes, Ordering::Relaxed);
    let mapping = match given {
        Some(m) => Some(fit(m, name, &source)?),
        None => {
            let attributes = attribute_names(name, &source).map_err(|e| bad(e.to_string()))?;
            let for_header = find_for_header(saved, &attributes);
            let unknown = for_header.is_some() && !has_ons_codes(name, &source);
            match for_header.filter(|_| unknown) {
                Some(m) => Some(fit(m, name, &source)?),
                None => None,
            }
        }
    };
    let fields = mapping.as_ref().and_then(FieldMapping::boundary_fields);
    let fields = fields.as_ref();
    let parsed = read_source(name, &source, fields).map_err(|e| bad(e.to_string()))?;
    let mut summary = FileSummary::new(FileKind::Boundaries);
    if let Some(m) = &mapping {
        summary.extra_notes.push(format!(
            "code and name read from the attributes the column mapping \"{}\" names",
            m.name
        ));
    }
    summary.bytes = bytes;
    summary.accepted = parsed.boundaries.len() as u64;
    summary.rejected = parsed.rejected.len() as u64;
    summary.extra_notes.extend(parsed.notes);
    summary.extra_notes.extend(level_notes(&parsed.boundaries));
    if parsed.boundaries.is_empty() && parsed.rejected.is_empty() {
        return Err(bad("the file holds no features (no areas)".into()));
    }
    let none_coded = parsed.boundaries.is_empty()
        && parsed
            .rejected
            .iter()
            .all(|r| r.problem == FeatureProblem::NoCode);
    if none_coded && fields.is_none() {
        let attributes = attribute_names(name, &source).unwrap_or_default();
        return Err(bad(format!(
            "no feature has an area code attribute the app knows (such as WD24CD, LSOA21CD or LAD24CD); its attributes are {}. Not a file this app knows: say which attribute holds the code and which the name with Import with column mapping…, or `mappings --save NAME --layout boundaries --from FILE --map \"ATTRIBUTE=code,ATTRIBUTE=name\"`",
            attributes.join(", ")
        )));
    }
    let mut batch = new_batch();
    batch.rejected = parsed
        .rejected
        .into_iter()
        .map(|r| RejectedRecord {
            line: r.feature as u64,
            column: None,
            reason: format!("feature {}: {}", r.feature, r.problem),
            raw: r.excerpt,
        })
        .collect();
    batch.boundaries = parsed.boundaries;
    batch.raw = raw;
    // A failed send means the writer stopped; it reports why.
    let _ = channel.send(batch);
    Ok(summary)
}

/// The mapping fitted to the file's attributes.
fn fit(
    mapping: &FieldMapping,
    name: &str,
    source: &BoundarySource,
) -> Result<FieldMapping, ImportError> {
    let bad = |reason: String| ImportError::BadFile {
        file: name.to_string(),
        reason,
    };
    let attributes = attribute_names(name, source).map_err(|e| bad(e.to_string()))?;
    mapping.fit_to_header(&attributes).map_err(bad)
}

/// Whether any feature has an ONS-shaped code attribute (then no mapping is needed).
fn has_ons_codes(name: &str, source: &BoundarySource) -> bool {
    read_source(name, source, None).is_ok_and(|p| !p.boundaries.is_empty())
}

/// "22 ward boundaries", "165 LSOA boundaries".
fn level_notes(boundaries: &[crate::import::boundaries::Boundary]) -> Vec<String> {
    [
        (BoundaryLevel::Ward, "ward"),
        (BoundaryLevel::Lsoa, "LSOA"),
        (BoundaryLevel::District, "district"),
        (BoundaryLevel::Other, "other area"),
    ]
    .iter()
    .filter_map(|(level, label)| {
        let n = boundaries.iter().filter(|b| b.level == *level).count();
        (n > 0).then(|| format!("{n} {label} boundaries"))
    })
    .collect()
}
