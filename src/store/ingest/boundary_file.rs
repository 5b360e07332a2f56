//! The import worker's side of a GeoJSON boundary file: read it whole (boundary files are
//! megabytes, not gigabytes), parse every feature, send the areas and the rejected
//! features (feature number as the line) to the writer in one batch, with the raw bytes
//! for the content hash.

use super::worker::{new_batch, Channel, FileSummary};
use crate::import::boundaries::{parse_features, BoundaryLevel};
use crate::import::kind::FileKind;
use crate::import::ImportError;
use crate::store::writer::RejectedRecord;
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn parse_boundary_file(
    name: &str,
    input: &mut dyn Read,
    bytes_read: &AtomicU64,
    channel: &Channel<'_>,
) -> Result<FileSummary, ImportError> {
    let bad = |reason: String| ImportError::BadFile {
        file: name.to_string(),
        reason,
    };
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|e| bad(e.to_string()))?;
    bytes_read.fetch_add(bytes.len() as u64, Ordering::Relaxed);
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(&bytes);
    let text = std::str::from_utf8(body)
        .map_err(|e| bad(format!("a GeoJSON file must be UTF-8 text ({e})")))?;
    let parsed = parse_features(name, text).map_err(|e| bad(e.to_string()))?;
    let mut summary = FileSummary::new(FileKind::Boundaries);
    summary.bytes = bytes.len() as u64;
    summary.accepted = parsed.boundaries.len() as u64;
    summary.rejected = parsed.rejected.len() as u64;
    summary.extra_notes = level_notes(&parsed.boundaries);
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
    batch.raw = vec![bytes];
    // A failed send means the writer stopped; it reports why.
    let _ = channel.send(batch);
    Ok(summary)
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
