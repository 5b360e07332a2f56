//! What the user pointed at — a CSV file, a police.uk download folder, or the downloaded
//! `.zip` — expanded into the list of files to read, and the files passed over with the
//! reason (outcomes and stop-and-search files, non-CSV files), so nothing is skipped silently.
//!
//! Zip entries are read in place, never extracted to disk, so a hostile entry name
//! (`../../x`) cannot write anywhere.

use super::ImportError;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// Where one input file's bytes live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputLocation {
    File(PathBuf),
    ZipEntry { archive: PathBuf, entry: String },
}

/// One file to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The name shown to the analyst and stored in `sources.file_name`.
    pub display_name: String,
    pub location: InputLocation,
    /// Uncompressed size in bytes, for progress and time left.
    pub size: u64,
    /// A zip entry's CRC-32 from the archive's directory (known without decompressing).
    pub zip_crc32: Option<u32>,
}

/// A file that was found but not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedFile {
    pub name: String,
    pub reason: String,
}

/// The files to import and the files passed over.
#[derive(Debug, Default, Clone)]
pub struct Discovery {
    pub files: Vec<InputFile>,
    pub skipped: Vec<SkippedFile>,
}

impl Discovery {
    /// Total bytes to read, for progress.
    pub fn total_bytes(&self) -> u64 {
        self.files.iter().map(|f| f.size).sum()
    }
}

/// Why a file inside a folder or zip is passed over, or `None` to import it.
fn skip_reason(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with("-outcomes.csv") {
        Some("police.uk outcomes file (outcomes are read from the street files): skipped".into())
    } else if lower.ends_with("-stop-and-search.csv") {
        Some("police.uk stop-and-search file (not crime or ASB): skipped".into())
    } else if lower.ends_with(".zip") {
        Some("a zip inside a zip or folder: unzip it and import the inner file: skipped".into())
    } else if !lower.ends_with(".csv") && super::kind::FileKind::from_file_name(&lower).is_none() {
        Some("not a CSV or GeoJSON file: skipped".into())
    } else {
        None
    }
}

/// Expand the paths the user gave into files to import.
pub fn discover(paths: &[PathBuf]) -> Result<Discovery, ImportError> {
    let mut found = Discovery::default();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| ImportError::io(path, e))?;
        if meta.is_dir() {
            discover_folder(path, path, &mut found)?;
        } else if has_extension(path, "zip") {
            discover_zip(path, &mut found)?;
        } else {
            // A file named explicitly is read whatever its name; its header decides.
            found.files.push(InputFile {
                display_name: file_name(path),
                location: InputLocation::File(path.clone()),
                size: meta.len(),
                zip_crc32: None,
            });
        }
    }
    Ok(found)
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn discover_folder(root: &Path, dir: &Path, found: &mut Discovery) -> Result<(), ImportError> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| ImportError::io(dir, e))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(|e| ImportError::io(dir, e))?;
    entries.sort();
    for path in entries {
        let relative = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let meta = std::fs::metadata(&path).map_err(|e| ImportError::io(&path, e))?;
        if meta.is_dir() {
            discover_folder(root, &path, found)?;
        } else if let Some(reason) = skip_reason(&relative) {
            found.skipped.push(SkippedFile {
                name: relative,
                reason,
            });
        } else {
            found.files.push(InputFile {
                display_name: relative,
                location: InputLocation::File(path),
                size: meta.len(),
                zip_crc32: None,
            });
        }
    }
    Ok(())
}

fn discover_zip(archive_path: &Path, found: &mut Discovery) -> Result<(), ImportError> {
    let file = File::open(archive_path).map_err(|e| ImportError::io(archive_path, e))?;
    let mut archive = zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| ImportError::zip(archive_path, e))?;
    let archive_name = file_name(archive_path);
    let mut entries = Vec::new();
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|e| ImportError::zip(archive_path, e))?;
        if entry.is_dir() {
            continue;
        }
        entries.push((entry.name().to_string(), entry.size(), entry.crc32()));
    }
    entries.sort();
    for (entry, size, crc32) in entries {
        let display_name = format!("{archive_name}/{entry}");
        if let Some(reason) = skip_reason(&entry) {
            found.skipped.push(SkippedFile {
                name: display_name,
                reason,
            });
        } else {
            found.files.push(InputFile {
                display_name,
                location: InputLocation::ZipEntry {
                    archive: archive_path.to_path_buf(),
                    entry,
                },
                size,
                zip_crc32: Some(crc32),
            });
        }
    }
    Ok(())
}

impl InputFile {
    /// After reading `bytes` bytes to the end: fail if the file was deleted, moved,
    /// shortened or grown while it was read, so part of a file is never imported as if
    /// it were all of it. (A zip entry's checksum already guards its bytes.)
    pub fn check_read_whole(&self, bytes: u64) -> Result<(), ImportError> {
        let InputLocation::File(path) = &self.location else {
            return Ok(());
        };
        let changed = |reason: String| ImportError::Io {
            path: path.display().to_string(),
            reason,
        };
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(changed(
                    "the file was deleted or moved while it was being read".into(),
                ))
            }
            Err(e) => return Err(ImportError::io(path, e)),
        };
        // Only a regular file has a size to compare (not a pipe or a device).
        if meta.is_file() && (meta.len() != bytes || self.size != bytes) {
            return Err(changed(format!(
                "the file changed while it was being read ({} bytes when the import started, {} read, {} now)",
                self.size,
                bytes,
                meta.len()
            )));
        }
        Ok(())
    }

    /// Run `read` over the file's bytes (decompressed for a zip entry).
    pub fn with_reader<T>(&self, read: impl FnOnce(&mut dyn Read) -> T) -> Result<T, ImportError> {
        match &self.location {
            InputLocation::File(path) => {
                let mut file = File::open(path).map_err(|e| ImportError::io(path, e))?;
                Ok(read(&mut file))
            }
            InputLocation::ZipEntry { archive, entry } => {
                let file = File::open(archive).map_err(|e| ImportError::io(archive, e))?;
                let mut zip = zip::ZipArchive::new(BufReader::new(file))
                    .map_err(|e| ImportError::zip(archive, e))?;
                let mut reader = zip
                    .by_name(entry)
                    .map_err(|e| ImportError::zip(archive, e))?;
                Ok(read(&mut reader))
            }
        }
    }
}
