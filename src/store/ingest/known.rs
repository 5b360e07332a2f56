//! Recognising, before parsing, a file whose content was imported before, so re-importing an
//! unchanged download reads each file once at memory speed and writes nothing.
//!
//! A file can only be a copy of a source with the same size (and, for a zip entry, the same
//! CRC-32 where both have one): those are known without reading it. Only then is the file
//! hashed (on every core, ahead of the reader: [`RecognisedAhead`]; a large file a segment
//! per core) and its fingerprint (or, for sources imported before fingerprints were kept,
//! its SHA-256) compared; a match of the same kind is reported as already imported. Anything
//! this cannot settle (a read error, a partner file whose kind depends on a column mapping)
//! is left to the normal import, which checks the SHA-256 again after parsing.

use super::read_as::ReadAs;
use super::worker::settled_kind;
use crate::import::content_hash::{ContentHashes, Digests};
use crate::import::fingerprint::{fingerprint_file, SEGMENT};
use crate::import::inputs::{InputFile, InputLocation};
use crossbeam_channel::{unbounded, Receiver};
use std::collections::HashMap;
use std::io::Read;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// The bytes a file's kind is settled from: the first chunk the CSV reader opens a file with.
const FIRST_CHUNK: usize = crate::import::reader::FIRST_CHUNK;

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

    /// Whether `file` could be a copy of a source held (one of its size exists): only then
    /// is it read before parsing.
    fn may_hold(&self, file: &InputFile) -> bool {
        self.0.iter().any(|s| s.bytes == file.size)
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
        let (digests, first_chunk) = hash_file(file, need_sha256).ok()?;
        let same_content = |s: &&&KnownSource| match &s.fingerprint {
            Some(fingerprint) => *fingerprint == digests.fingerprint,
            None => digests.sha256.as_deref() == Some(s.sha256.as_str()),
        };
        let matches: Vec<&KnownSource> = candidates.iter().filter(same_content).copied().collect();
        if matches.is_empty() {
            return None;
        }
        // Same bytes, but it is only the same import if it is read as the same kind: found
        // from the first chunk just hashed (the chunk the reader opens a file with), so the
        // file is not opened twice.
        let kind = settled_kind(file, read_as, &first_chunk)?;
        let earlier = matches.iter().find(|s| s.kind == kind.source_kind())?;
        bytes_read.fetch_add(file.size, Ordering::Relaxed);
        Some(earlier.earlier.clone())
    }
}

/// Hash a whole file (decompressing a zip entry); its digests and first chunk.
fn hash_file(
    file: &InputFile,
    sha256: bool,
) -> Result<(Digests, Vec<u8>), crate::import::ImportError> {
    let io_error = |e| crate::import::ImportError::io(std::path::Path::new(&file.display_name), e);
    if let (InputLocation::File(path), false) = (&file.location, sha256) {
        if file.size > SEGMENT as u64 {
            let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
            let fingerprint = fingerprint_file(path, file.size, threads).map_err(io_error)?;
            let first_chunk = file
                .with_reader(|input| first_chunk_of(input))?
                .map_err(io_error)?;
            let digests = Digests {
                sha256: None,
                fingerprint,
            };
            return Ok((digests, first_chunk));
        }
    }
    file.with_reader(|input| -> std::io::Result<(Digests, Vec<u8>)> {
        let mut hashes = ContentHashes::with_sha256(sha256);
        let first_chunk = first_chunk_of(input)?;
        hashes.update(std::slice::from_ref(&first_chunk));
        let mut chunk = vec![0; FIRST_CHUNK];
        loop {
            match input.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => hashes.update_bytes(chunk.get(..n).unwrap_or_default()),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok((hashes.finish(), first_chunk))
    })?
    .map_err(io_error)
}

fn first_chunk_of(input: &mut dyn Read) -> std::io::Result<Vec<u8>> {
    let mut first_chunk = Vec::with_capacity(FIRST_CHUNK);
    input
        .take(FIRST_CHUNK as u64)
        .read_to_end(&mut first_chunk)?;
    Ok(first_chunk)
}

/// Files of a batch recognised ahead of the reader, on every core: checking an unchanged
/// folder is reading and hashing it, which two threads do in about half the time.
pub struct RecognisedAhead {
    results: Receiver<(usize, Option<EarlierImport>)>,
    found: HashMap<usize, Option<EarlierImport>>,
}

impl RecognisedAhead {
    /// Start recognising `files` in the background, or `None` when none could be a copy of
    /// a source held (a first import reads nothing twice).
    pub fn start<'scope, 'env>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        known: &'env KnownContent,
        files: &'env [InputFile],
        read_as: ReadAs<'env>,
        bytes_read: &'env AtomicU64,
        cancel: &'env AtomicBool,
    ) -> Option<Self> {
        if !files.iter().any(|f| known.may_hold(f)) {
            return None;
        }
        let (to_do, indices) = unbounded();
        for index in 0..files.len() {
            let _ = to_do.send(index);
        }
        drop(to_do);
        let (found, results) = unbounded();
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
        for _ in 0..threads {
            let (indices, found) = (indices.clone(), found.clone());
            // A thread that cannot start leaves its share to the others (or, with none
            // running, every file to the normal import, which recognises it after parsing).
            let _ = std::thread::Builder::new()
                .name("import-recognise".into())
                .spawn_scoped(scope, move || {
                    for index in indices {
                        if cancel.load(Ordering::Relaxed) {
                            return;
                        }
                        let earlier = files
                            .get(index)
                            .and_then(|file| known.recognise(file, read_as, bytes_read));
                        // The reader has stopped: so does this thread.
                        if found.send((index, earlier)).is_err() {
                            return;
                        }
                    }
                });
        }
        Some(RecognisedAhead {
            results,
            found: HashMap::new(),
        })
    }

    /// The earlier import file `index` is a copy of, waiting for it to be checked.
    pub fn earlier(&mut self, index: usize) -> Option<EarlierImport> {
        loop {
            if let Some(earlier) = self.found.remove(&index) {
                return earlier;
            }
            match self.results.recv() {
                Ok((at, earlier)) => {
                    self.found.insert(at, earlier);
                }
                // Every thread has stopped without it: the import reads it.
                Err(_) => return None,
            }
        }
    }
}
