//! The app's own file chooser, for when the system's dialog cannot open (a Linux desktop
//! with no file-chooser portal, a remote session): a folder's listing — folders first,
//! files filtered to what the purpose takes — moved through with the mouse or the arrow
//! keys, "Up" to the parent folder, and a path that can be typed or pasted. Plain data:
//! the folder is listed when it changes, never per frame; drawing is `file_chooser_ui`.

use std::path::{Path, PathBuf};

/// What a file is being chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChooserPurpose {
    ImportFiles,
    ImportFolder,
    MapFile,
    OpenAssessment,
    NewAssessment,
    ExportFolder,
    CopyNarrative,
    /// A CSV of district codes for a peer group.
    PeerCodes,
    /// An assessment file to open read-only for review.
    OpenForReview,
    /// An action plan (CSV or workbook) for the Plan page.
    ImportPlan,
    PerformanceFolder,
    /// The partnerships' assessment files for the county roll-up.
    RollupFiles,
    RollupFolder,
}

/// Files the import reads.
const IMPORT_EXTENSIONS: [&str; 13] = [
    "csv", "tsv", "txt", "zip", "xlsx", "xlsm", "xls", "xlsb", "ods", "geojson", "json", "shp",
    "gpkg",
];
const ASSESSMENT_EXTENSIONS: [&str; 1] = ["assessment"];
const CODE_LIST_EXTENSIONS: [&str; 2] = ["csv", "txt"];
const PLAN_EXTENSIONS: [&str; 6] = ["csv", "xlsx", "xlsm", "xls", "xlsb", "ods"];

impl ChooserPurpose {
    pub fn title(self) -> &'static str {
        match self {
            ChooserPurpose::ImportFiles => "Import files",
            ChooserPurpose::ImportFolder => "Import a folder",
            ChooserPurpose::MapFile => "Import a file with a column mapping",
            ChooserPurpose::OpenAssessment => "Open an assessment file",
            ChooserPurpose::NewAssessment => "New assessment file",
            ChooserPurpose::ExportFolder => "Folder to export the assessment to",
            ChooserPurpose::CopyNarrative => "Copy commentary from an assessment file",
            ChooserPurpose::PeerCodes => "Read district codes for a peer group from a CSV",
            ChooserPurpose::OpenForReview => "Open an assessment file read-only, for review",
            ChooserPurpose::ImportPlan => "Import an action plan",
            ChooserPurpose::PerformanceFolder => "Folder to write the performance report to",
            ChooserPurpose::RollupFiles => "Choose the partnerships' assessment files",
            ChooserPurpose::RollupFolder => "Folder to write the county roll-up to",
        }
    }

    /// The button that takes the choice.
    pub fn confirm_label(self) -> &'static str {
        match self {
            ChooserPurpose::ImportFiles | ChooserPurpose::ImportFolder => "Import",
            ChooserPurpose::MapFile => "Map columns",
            ChooserPurpose::OpenAssessment | ChooserPurpose::CopyNarrative => "Open",
            ChooserPurpose::OpenForReview => "Open read-only",
            ChooserPurpose::ImportPlan => "Import plan",
            ChooserPurpose::RollupFiles => "Roll up",
            ChooserPurpose::NewAssessment => "Create",
            ChooserPurpose::PeerCodes => "Read codes",
            ChooserPurpose::ExportFolder
            | ChooserPurpose::PerformanceFolder
            | ChooserPurpose::RollupFolder => "Choose this folder",
        }
    }

    pub fn wants_folder(self) -> bool {
        matches!(
            self,
            ChooserPurpose::ImportFolder
                | ChooserPurpose::ExportFolder
                | ChooserPurpose::PerformanceFolder
                | ChooserPurpose::RollupFolder
        )
    }

    pub fn takes_several(self) -> bool {
        matches!(
            self,
            ChooserPurpose::ImportFiles | ChooserPurpose::RollupFiles
        )
    }

    /// A new file's name is typed (it need not exist yet).
    pub fn is_save(self) -> bool {
        self == ChooserPurpose::NewAssessment
    }

    /// The extensions listed when "all files" is off; empty for folders.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            ChooserPurpose::ImportFiles | ChooserPurpose::MapFile => &IMPORT_EXTENSIONS,
            ChooserPurpose::OpenAssessment
            | ChooserPurpose::NewAssessment
            | ChooserPurpose::CopyNarrative
            | ChooserPurpose::OpenForReview
            | ChooserPurpose::RollupFiles => &ASSESSMENT_EXTENSIONS,
            ChooserPurpose::PeerCodes => &CODE_LIST_EXTENSIONS,
            ChooserPurpose::ImportPlan => &PLAN_EXTENSIONS,
            ChooserPurpose::ImportFolder
            | ChooserPurpose::ExportFolder
            | ChooserPurpose::PerformanceFolder
            | ChooserPurpose::RollupFolder => &[],
        }
    }
}

/// One line of the listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub path: PathBuf,
    pub is_folder: bool,
}

/// The chooser's state.
#[derive(Debug, Clone, PartialEq)]
pub struct FileChooser {
    pub purpose: ChooserPurpose,
    pub folder: PathBuf,
    /// The folder's entries as listed (every file, filtered when shown).
    entries: Vec<Entry>,
    /// Indices into [`FileChooser::visible`] of the chosen files.
    pub selected: Vec<usize>,
    /// The line the arrow keys are on.
    pub cursor: Option<usize>,
    /// A path typed or pasted (a file, a folder to go to, or a new file's name).
    pub typed: String,
    /// List every file, not only those the purpose takes.
    pub show_all: bool,
    /// Why the last step did not happen, in the analyst's words.
    pub problem: Option<String>,
    /// Why this chooser is shown instead of the system's dialog.
    pub reason: String,
    /// Put the keyboard in the path field when drawn next (set when the chooser opens, so
    /// a path can be pasted at once).
    pub focus_path: bool,
}

impl FileChooser {
    /// A chooser for `purpose` in `folder` (listed at once).
    pub fn new(purpose: ChooserPurpose, folder: &Path, reason: impl Into<String>) -> FileChooser {
        let mut chooser = FileChooser {
            purpose,
            folder: PathBuf::new(),
            entries: Vec::new(),
            selected: Vec::new(),
            cursor: None,
            typed: String::new(),
            show_all: false,
            problem: None,
            reason: reason.into(),
            focus_path: true,
        };
        chooser.open_folder(folder);
        chooser
    }

    /// The lines shown: folders, then the files the purpose takes (or all files).
    pub fn visible(&self) -> Vec<&Entry> {
        let wanted = self.purpose.extensions();
        self.entries
            .iter()
            .filter(|e| {
                if e.is_folder {
                    return true;
                }
                if self.purpose.wants_folder() {
                    return false;
                }
                self.show_all || wanted.iter().any(|ext| has_extension(&e.name, ext))
            })
            .collect()
    }

    /// List `folder` (its entries sorted, folders first); a folder that cannot be read is
    /// a problem and the chooser stays where it was.
    pub fn open_folder(&mut self, folder: &Path) {
        match list_folder(folder) {
            Ok(entries) => {
                self.folder = folder.to_path_buf();
                self.entries = entries;
                self.selected.clear();
                self.cursor = None;
                self.problem = None;
            }
            Err(e) => {
                self.problem = Some(format!("{} could not be opened: {e}", folder.display()));
            }
        }
    }

    /// Go to the parent folder.
    pub fn up(&mut self) {
        if let Some(parent) = self.folder.parent().map(Path::to_path_buf) {
            self.open_folder(&parent);
        }
    }

    pub fn set_show_all(&mut self, show_all: bool) {
        self.show_all = show_all;
        self.selected.clear();
        self.cursor = None;
    }

    /// Move the keyboard line up (negative) or down, within the listing.
    pub fn move_cursor(&mut self, step: isize) {
        let count = self.visible().len();
        if count == 0 {
            return;
        }
        let next = match self.cursor {
            None if step < 0 => count - 1,
            None => 0,
            Some(at) => at.saturating_add_signed(step).min(count - 1),
        };
        self.cursor = Some(next);
        self.selected = vec![next];
    }

    /// Click on a line: select it (added to the others with `add` when several are taken).
    pub fn click(&mut self, index: usize, add: bool) {
        self.cursor = Some(index);
        if add && self.purpose.takes_several() {
            match self.selected.iter().position(|&i| i == index) {
                Some(at) => {
                    self.selected.remove(at);
                }
                None => self.selected.push(index),
            }
        } else {
            self.selected = vec![index];
        }
    }

    /// Open a line (double click, Enter): a folder is entered; a file is chosen.
    pub fn activate(&mut self, index: usize) -> Option<Vec<PathBuf>> {
        let entry = self.visible().get(index).map(|e| (*e).clone())?;
        if entry.is_folder {
            self.open_folder(&entry.path);
            None
        } else {
            Some(vec![entry.path])
        }
    }

    /// Take the choice: the typed path if there is one, else the selected lines, else
    /// (for a folder) the folder shown. `None` with [`FileChooser::problem`] set when there
    /// is nothing to take yet, or `None` after moving into a typed folder.
    pub fn confirm(&mut self) -> Option<Vec<PathBuf>> {
        let typed = self.typed.trim().trim_matches('"').to_string();
        if !typed.is_empty() {
            return self.confirm_typed(&typed);
        }
        let visible: Vec<Entry> = self.visible().into_iter().cloned().collect();
        let chosen: Vec<&Entry> = self
            .selected
            .iter()
            .filter_map(|&i| visible.get(i))
            .collect();
        if self.purpose.wants_folder() {
            return Some(vec![match chosen.first() {
                Some(entry) if entry.is_folder => entry.path.clone(),
                _ => self.folder.clone(),
            }]);
        }
        if let [only] = chosen.as_slice() {
            if only.is_folder {
                let path = only.path.clone();
                self.open_folder(&path);
                return None;
            }
        }
        let files: Vec<PathBuf> = chosen
            .iter()
            .filter(|e| !e.is_folder)
            .map(|e| e.path.clone())
            .collect();
        if files.is_empty() {
            self.problem = Some(if self.purpose.is_save() {
                "Type a name for the new file.".into()
            } else {
                "Choose a file in the list, or type or paste its path.".into()
            });
            return None;
        }
        Some(files)
    }

    fn confirm_typed(&mut self, typed: &str) -> Option<Vec<PathBuf>> {
        let path = resolve(&self.folder, typed);
        if path.is_dir() {
            if self.purpose.wants_folder() {
                return Some(vec![path]);
            }
            self.typed.clear();
            self.open_folder(&path);
            return None;
        }
        if self.purpose.wants_folder() {
            self.problem = Some(format!("There is no folder {}.", path.display()));
            return None;
        }
        if path.is_file() || (self.purpose.is_save() && path.parent().is_some_and(Path::is_dir)) {
            return Some(vec![path]);
        }
        self.problem = Some(if self.purpose.is_save() {
            format!(
                "The folder for {} does not exist: choose or type an existing folder.",
                path.display()
            )
        } else {
            format!("There is no file {}.", path.display())
        });
        None
    }
}

/// A typed path: `~` is the home folder, a relative path is in `folder`.
pub fn resolve(folder: &Path, typed: &str) -> PathBuf {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    if let (Some(rest), Some(home)) = (typed.strip_prefix('~'), home) {
        return PathBuf::from(home).join(rest.trim_start_matches(['/', '\\']));
    }
    let path = PathBuf::from(typed);
    if path.is_absolute() {
        path
    } else {
        folder.join(path)
    }
}

fn has_extension(name: &str, ext: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, e)| e.eq_ignore_ascii_case(ext))
}

/// A folder's entries: folders first, then files, each by name (any case); hidden ones
/// (starting with ".") left out.
fn list_folder(folder: &Path) -> std::io::Result<Vec<Entry>> {
    let mut entries: Vec<Entry> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            let path = entry.path();
            Some(Entry {
                is_folder: path.is_dir(),
                name,
                path,
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.is_folder
            .cmp(&a.is_folder)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(entries)
}

#[cfg(test)]
mod tests;
