//! Recognising, before parsing, a file whose content was imported before, so re-importing an
//! unchanged download reads each file once at memory speed and writes nothing.
//!
//! A file can only be a copy of a source with the same size (and, for a zip entry, the same
//! CRC-32 where both have one): those are known without reading it. Only then is the file
//! hashed and its fingerprint (or, for sources imported before fingerprints were kept, its
//! SHA-256) compared; a match of the same kind is reported as already imported. Anything
//! this cannot settle (a read error, a partner file whose kind depends on a column mapping)
//! is left to the normal import, which checks the SHA-256 again after parsing.

use super::read_as::ReadAs;
use super::worker::settled_kind;
use crate::import::content_hash::{ContentHashes, Digests};
use crate::import::inputs::{InputFile, InputLocation};
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

/// The earlier import a file's content matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierImport {
    pub name: String,
    pub imported_at: String,
}

#[derive(Debug)]
struct KnownSource {
    kind: String,
    bytes: u64,
    sha256: String,
    fingerprint: Option<String>,
    zip_crc32: Option<u32>,
    earlier: EarlierImport,
}

/// The sources an assessment file held when a batch began.
#[derive(Debug, Default)]
pub struct KnownContent(Vec<KnownSource>);

impl KnownContent {
    pub fn load(conn: &rusqlite::Connection) -> rusqlite::Result<Self> {
        let mut stmt = conn.prepare(
            "SELECT kind, bytes, sha256, fingerprint, zip_crc32, file_name, imported_at FROM sources",
        )?;
        let sources = stmt
            .query_map([], |r| {
                Ok(KnownSource {
                    kind: r.get(0)?,
                    bytes: r.get::<_, i64>(1)? as u64,
                    sha256: r.get(2)?,
                    fingerprint: r.get(3)?,
                    zip_crc32: r.get(4)?,
                    earlier: EarlierImport {
                        name: r.get(5)?,
                        imported_at: r.get(6)?,
                    },
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(KnownContent(sources))
    }

    /// The earlier import `file` is a copy of, if any. Reads the file only when a source
    /// of its size exists; counts what it read in `bytes_read` when it is recognised.
    pub fn recognise(
        &self,
        file: &InputFile,
        read_as: ReadAs<'_>,
        bytes_read: &AtomicU64,
    ) -> Option<EarlierImport> {
        // A shapefile's content is its parts together: left to the import.
        if matches!(file.location, InputLocation::Shapefile(_)) {
            return None;
        }
        let candidates: Vec<&KnownSource> = self
            .0
            .iter()
            .filter(|s| s.bytes == file.size)
            .filter(|s| match (s.zip_crc32, file.zip_crc32) {
                (Some(known), Some(this)) => known == this,
                _ => true,
            })
            .collect();
        if candidates.is_empty() {
            return None;
        }
        let need_sha256 = candidates.iter().any(|s| s.fingerprint.is_none());
        let digests = hash_file(file, need_sha256).ok()?;
        let same_content = |s: &&&KnownSource| match &s.fingerprint {
            Some(fingerprint) => *fingerprint == digests.fingerprint,
            None => digests.sha256.as_deref() == Some(s.sha256.as_str()),
        };
        let matches: Vec<&KnownSource> = candidates.iter().filter(same_content).copied().collect();
        if matches.is_empty() {
            return None;
        }
        // Same bytes, but it is only the same import if it is read as the same kind.
        let kind = settled_kind(file, read_as)?;
        let earlier = matches.iter().find(|s| s.kind == kind.source_kind())?;
        bytes_read.fetch_add(file.size, Ordering::Relaxed);
        Some(earlier.earlier.clone())
    }
}

/// Hash a whole file (decompressing a zip entry).
fn hash_file(file: &InputFile, sha256: bool) -> Result<Digests, crate::import::ImportError> {
    file.with_reader(|input| -> std::io::Result<Digests> {
        const CHUNK: u64 = 256 * 1024;
        let mut hashes = ContentHashes::with_sha256(sha256);
        let mut chunk = Vec::with_capacity(CHUNK as usize);
        loop {
            chunk.clear();
            if (&mut *input).take(CHUNK).read_to_end(&mut chunk)? == 0 {
                break;
            }
            hashes.update(std::slice::from_ref(&chunk));
        }
        Ok(hashes.finish())
    })?
    .map_err(|e| crate::import::ImportError::Io {
        path: file.display_name.clone(),
        reason: e.to_string(),
    })
}
