//! Choosing files and folders for every place that asks (Import files…, Import folder…,
//! Import with column mapping…, New…, Open…, Open for review…, the export folders,
//! commentary from another file, an action plan, the files to roll up): the system's dialog when it can open, else the app's own chooser — saying
//! why the first time — and what the choice leads to. Tests set the system dialog aside with
//! [`App::use_app_file_chooser`] and drive the chooser as an analyst would.

use super::actions::Action;
use super::app::App;
use super::dialogs::{self, with_assessment_extension, SystemPick};
use super::file_chooser::{ChooserPurpose, FileChooser};
use std::path::{Path, PathBuf};

impl App {
    /// Choose files or a folder for `purpose`.
    pub fn choose(&mut self, purpose: ChooserPurpose) {
        if self.system_dialog_unavailable.is_none() {
            self.system_dialog_unavailable = dialogs::known_unavailable();
        }
        if self.system_dialog_unavailable.is_none() {
            match dialogs::pick(purpose) {
                SystemPick::Chosen(paths) => return self.apply_chosen(purpose, paths),
                SystemPick::Cancelled => return,
                SystemPick::Unavailable(reason) => self.system_dialog_unavailable = Some(reason),
            }
        }
        self.open_app_file_chooser(purpose);
    }

    /// Use the app's own chooser from now on, for `reason` (tests; a desktop whose dialog
    /// is known not to work).
    pub fn use_app_file_chooser(&mut self, reason: &str) {
        self.system_dialog_unavailable = Some(reason.to_string());
    }

    pub fn file_chooser(&mut self) -> Option<&mut FileChooser> {
        self.file_chooser.as_mut()
    }

    /// Open the app's chooser; the first time, the chooser itself says why (once: not also
    /// in the notice banner).
    fn open_app_file_chooser(&mut self, purpose: ChooserPurpose) {
        let shown = if self.told_why_app_chooser {
            "Pick from the list, or type or paste a path.".to_string()
        } else {
            self.told_why_app_chooser = true;
            self.system_dialog_unavailable.clone().unwrap_or_default()
        };
        let folder = self.chooser_start_folder();
        self.file_chooser = Some(FileChooser::new(purpose, &folder, shown));
    }

    /// Where the chooser opens: where it was last, else beside the open assessment file,
    /// else the home folder.
    fn chooser_start_folder(&self) -> PathBuf {
        let home = std::env::var_os("HOME")
            .or_else(|| std::env::var_os("USERPROFILE"))
            .map(PathBuf::from);
        self.last_chooser_folder
            .clone()
            .filter(|f| f.is_dir())
            .or_else(|| {
                self.file_path()
                    .and_then(Path::parent)
                    .map(Path::to_path_buf)
                    .filter(|f| f.is_dir())
            })
            .or(home)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Carry out what the chosen paths were for.
    pub fn apply_chosen(&mut self, purpose: ChooserPurpose, paths: Vec<PathBuf>) {
        if let Some(chooser) = self.file_chooser.take() {
            self.last_chooser_folder = Some(chooser.folder);
        }
        let Some(first) = paths.first().cloned() else {
            return;
        };
        match purpose {
            ChooserPurpose::ImportFiles => self.start_import(paths),
            ChooserPurpose::ImportFolder => self.start_import(vec![first]),
            ChooserPurpose::MapFile => self.open_mapping_import(&first),
            ChooserPurpose::OpenAssessment => self.open_file(&first),
            ChooserPurpose::NewAssessment => self.new_file(&with_assessment_extension(first)),
            ChooserPurpose::ExportFolder => self.set_export_folder(&first),
            ChooserPurpose::CopyNarrative => self.copy_narrative_from(&first),
            ChooserPurpose::PeerCodes => self.read_peer_codes_from(&first),
            ChooserPurpose::OpenForReview => self.open_read_only(&first),
            ChooserPurpose::ImportPlan => self.import_plan(&first),
            ChooserPurpose::PerformanceFolder => self.set_performance_folder(&first),
            ChooserPurpose::RollupFiles => self.roll_up(paths),
            ChooserPurpose::RollupFolder => self.set_rollup_folder(&first),
        }
    }

    /// The chooser's actions.
    pub(super) fn apply_chooser_action(&mut self, action: Action) {
        match action {
            Action::FileChosen(purpose, paths) => self.apply_chosen(purpose, paths),
            Action::CloseFileChooser => {
                if let Some(chooser) = self.file_chooser.take() {
                    self.last_chooser_folder = Some(chooser.folder);
                }
            }
            _ => {}
        }
    }
}
