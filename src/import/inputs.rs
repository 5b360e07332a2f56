//! What the user pointed at — a CSV file or workbook, a police.uk download folder, a
//! boundary file, or a `.zip` — expanded into the list of sources to read, and the files
//! passed over with the reason (outcomes and stop-and-search files, files of no kind the
//! app reads), so nothing is skipped silently. A shapefile's parts (`.shp`, `.shx`, `.dbf`,
//! `.prj`, `.cpg`, and the index and metadata files GIS tools write beside them) are one
//! source, whether they sit in a folder, in a zip or were chosen together.
//!
//! Zip entries are read in place, never extracted to disk, so a hostile entry name
//! (`../../x`) cannot write anywhere.

use super::gis::shp::{ShapefileParts, PART_EXTENSIONS, SIDECAR_EXTENSIONS};
use super::gis::{BoundarySource, GisFormat};
use super::table::sniff::is_spreadsheet_name;
use super::ImportError;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// Where one input file's bytes live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputLocation {
    File(PathBuf),
    ZipEntry {
        archive: PathBuf,
        entry: String,
    },
    /// An ESRI shapefile: each part read (`.shp` first) with its extension.
    Shapefile(Vec<(String, InputLocation)>),
}

/// A boundary file's content and its raw bytes in the order they are hashed.
pub type BoundaryBytes = (BoundarySource, Vec<Vec<u8>>);

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
    let importable = lower.ends_with(".csv")
        || lower.ends_with(".tsv")
        || is_spreadsheet_name(&lower)
        || GisFormat::of_name(&lower).is_some();
    if lower.ends_with("-outcomes.csv") {
        Some("police.uk outcomes file (outcomes are read from the street files): skipped".into())
    } else if lower.ends_with("-stop-and-search.csv") {
        Some("police.uk stop-and-search file (not crime or ASB): skipped".into())
    } else if lower.ends_with(".zip") {
        Some("a zip inside a zip or folder: unzip it and import the inner file: skipped".into())
    } else if shapefile_part(&lower).is_some() {
        Some("a part of a shapefile whose .shp is not beside it: skipped".into())
    } else if !importable {
        Some(
            "not a CSV, workbook or boundary file (GeoJSON, shapefile, GeoPackage): skipped".into(),
        )
    } else {
        None
    }
}

/// The stem and extension of a shapefile part or sidecar: `wards.dbf` → (`wards`, `dbf`);
/// ArcGIS's `wards.shp.xml` → (`wards`, `xml`).
fn shapefile_part(lower_name: &str) -> Option<(&str, &str)> {
    let (stem, ext) = lower_name.rsplit_once('.')?;
    let known = PART_EXTENSIONS.contains(&ext) || SIDECAR_EXTENSIONS.contains(&ext);
    if !known || ext == "shp" {
        return None;
    }
    Some((stem.strip_suffix(".shp").unwrap_or(stem), ext))
}

/// Files of one folder or zip, with the shapefile parts gathered under their `.shp`:
/// (name, location, size) of each source, and the names of parts left without a `.shp`.
fn group_shapefiles(files: Vec<(String, InputLocation, u64)>) -> Vec<(String, InputLocation, u64)> {
    let lower = |n: &str| n.to_ascii_lowercase();
    let stems: Vec<String> = files
        .iter()
        .filter_map(|(n, _, _)| lower(n).strip_suffix(".shp").map(String::from))
        .collect();
    let mut parts: Vec<(String, String, InputLocation, u64)> = Vec::new();
    let mut out = Vec::new();
    for (name, location, size) in files {
        let lowered = lower(&name);
        match shapefile_part(&lowered) {
            Some((stem, ext)) if stems.iter().any(|s| s == stem) => {
                if PART_EXTENSIONS.contains(&ext) {
                    parts.push((stem.to_string(), ext.to_string(), location, size));
                }
            }
            _ => out.push((name, location, size)),
        }
    }
    for (name, location, size) in &mut out {
        let Some(stem) = lower(name).strip_suffix(".shp").map(String::from) else {
            continue;
        };
        let mut all = vec![("shp".to_string(), location.clone())];
        for (_, ext, part, part_size) in parts.iter().filter(|p| p.0 == stem) {
            all.push((ext.clone(), part.clone()));
            *size += part_size;
        }
        *location = InputLocation::Shapefile(all);
    }
    out
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
        } else if let Some(shapefile) = named_shapefile(path)? {
            let already = found.files.iter().any(|f| f.location == shapefile.location);
            if !already {
                found.files.push(shapefile);
            }
        } else if shapefile_part(&file_name(path).to_ascii_lowercase()).is_some() {
            found.skipped.push(SkippedFile {
                name: file_name(path),
                reason: "a part of a shapefile, but there is no .shp of the same name beside it: import the .shp with its .dbf, .shx and .prj, or the folder or zip that holds them".into(),
            });
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

/// A `.shp`, or a part of one, named directly: the whole shapefile from its folder.
fn named_shapefile(path: &Path) -> Result<Option<InputFile>, ImportError> {
    let name = file_name(path).to_ascii_lowercase();
    let stem = match (name.strip_suffix(".shp"), shapefile_part(&name)) {
        (Some(stem), _) | (None, Some((stem, _))) => stem.to_string(),
        _ => return Ok(None),
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut same_stem = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| ImportError::io(dir, e))? {
        let entry = entry.map_err(|e| ImportError::io(dir, e))?.path();
        let entry_name = file_name(&entry);
        let lower = entry_name.to_ascii_lowercase();
        let matches = lower.strip_suffix(".shp") == Some(stem.as_str())
            || shapefile_part(&lower).is_some_and(|(s, _)| s == stem);
        if matches && entry.is_file() {
            let size = std::fs::metadata(&entry).map_or(0, |m| m.len());
            same_stem.push((entry_name, InputLocation::File(entry), size));
        }
    }
    same_stem.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(group_shapefiles(same_stem)
        .into_iter()
        .find(|(_, location, _)| matches!(location, InputLocation::Shapefile(_)))
        .map(|(display_name, location, size)| InputFile {
            display_name,
            location,
            size,
            zip_crc32: None,
        }))
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

/// Sources found in one folder or zip, each imported or passed over with its reason.
fn add_found(found: &mut Discovery, files: Vec<(String, InputLocation, u64)>) {
    for (display_name, location, size) in group_shapefiles(files) {
        match skip_reason(&display_name) {
            Some(reason) => found.skipped.push(SkippedFile {
                name: display_name,
                reason,
            }),
            None => found.files.push(InputFile {
                display_name,
                location,
                size,
                zip_crc32: None,
            }),
        }
    }
}

fn discover_folder(root: &Path, dir: &Path, found: &mut Discovery) -> Result<(), ImportError> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| ImportError::io(dir, e))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(|e| ImportError::io(dir, e))?;
    entries.sort();
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for path in entries {
        let relative = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let meta = std::fs::metadata(&path).map_err(|e| ImportError::io(&path, e))?;
        if meta.is_dir() {
            folders.push(path);
        } else {
            files.push((relative, InputLocation::File(path), meta.len()));
        }
    }
    add_found(found, files);
    for folder in folders {
        discover_folder(root, &folder, found)?;
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
    // In name order, as `entries` is.
    let crcs: Vec<(String, u32)> = entries
        .iter()
        .map(|(entry, _, crc)| (entry.clone(), *crc))
        .collect();
    let files = entries
        .into_iter()
        .map(|(entry, size, _)| {
            let location = InputLocation::ZipEntry {
                archive: archive_path.to_path_buf(),
                entry: entry.clone(),
            };
            (format!("{archive_name}/{entry}"), location, size)
        })
        .collect();
    let first_new = found.files.len();
    add_found(found, files);
    // A single entry's CRC-32 from the directory lets a re-import pass over it unread.
    for file in &mut found.files[first_new..] {
        if let InputLocation::ZipEntry { entry, .. } = &file.location {
            file.zip_crc32 = crcs
                .binary_search_by(|(name, _)| name.as_str().cmp(entry))
                .ok()
                .map(|at| crcs[at].1);
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

    /// Run `read` over the file's bytes (decompressed for a zip entry; the `.shp` of a
    /// shapefile).
    pub fn with_reader<T>(&self, read: impl FnOnce(&mut dyn Read) -> T) -> Result<T, ImportError> {
        with_location(&self.location, read)
    }

    /// The file as a boundary source, when its name says it is one, with its raw bytes in
    /// the order they are hashed (a shapefile's parts: `.shp`, `.shx`, `.dbf`, `.prj`,
    /// `.cpg`).
    pub fn boundary_source(&self) -> Result<Option<BoundaryBytes>, ImportError> {
        if let InputLocation::Shapefile(locations) = &self.location {
            let mut parts = ShapefileParts::default();
            let mut raw = Vec::new();
            for wanted in PART_EXTENSIONS {
                for (ext, location) in locations.iter().filter(|(e, _)| e == wanted) {
                    let bytes = read_all(location)?;
                    raw.push(bytes.clone());
                    parts.set(ext, bytes);
                }
            }
            return Ok(Some((BoundarySource::Shapefile(parts), raw)));
        }
        let source = match GisFormat::of_name(&self.display_name) {
            Some(GisFormat::GeoJson) => BoundarySource::GeoJson,
            Some(GisFormat::GeoPackage) => BoundarySource::GeoPackage,
            // A .shp that is not grouped with its parts was named inside a zip alone.
            Some(GisFormat::Shapefile) => {
                let shp = read_all(&self.location)?;
                let parts = ShapefileParts {
                    shp: shp.clone(),
                    ..ShapefileParts::default()
                };
                return Ok(Some((BoundarySource::Shapefile(parts), vec![shp])));
            }
            None => return Ok(None),
        };
        let bytes = read_all(&self.location)?;
        Ok(Some((source(bytes.clone()), vec![bytes])))
    }
}

/// Run `read` over the bytes at `location`.
fn with_location<T>(
    location: &InputLocation,
    read: impl FnOnce(&mut dyn Read) -> T,
) -> Result<T, ImportError> {
    match location {
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
        InputLocation::Shapefile(parts) => match parts.first() {
            Some((_, shp)) => with_location(shp, read),
            None => Err(ImportError::BadFile {
                file: "shapefile".into(),
                reason: "the shapefile has no .shp".into(),
            }),
        },
    }
}

/// Every byte at `location`.
fn read_all(location: &InputLocation) -> Result<Vec<u8>, ImportError> {
    let name = match location {
        InputLocation::File(path) => path.display().to_string(),
        InputLocation::ZipEntry { entry, .. } => entry.clone(),
        InputLocation::Shapefile(_) => "shapefile".into(),
    };
    with_location(location, |input| {
        let mut bytes = Vec::new();
        input.read_to_end(&mut bytes).map(|_| bytes)
    })?
    .map_err(|e| ImportError::Io {
        path: name,
        reason: format!("the file could not be read to the end ({e})"),
    })
}
