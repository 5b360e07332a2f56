//! Opening and creating assessment files: the first file of a run, Open…, New…, the
//! bundled sample; never while an import runs, never overwriting a file.

use super::app::{App, Assessment};
use super::launch::sample_assessment_path;
use super::notice::Notice;
use super::report_app::load_report;
use super::sample::bundled_sample_files;
use super::view::AssessmentView;
use crate::store::Store;
use std::path::{Path, PathBuf};

impl App {
    /// The first file of a run: the one named on the command line (created if new), else
    /// the last one used, else the bundled Northvale sample.
    pub fn open_at_start(&mut self, given: Option<PathBuf>) {
        if let Some(path) = given {
            self.open_or_create(&path);
            return;
        }
        let sample = sample_assessment_path();
        match self.settings.last_file.clone() {
            Some(last) if last == sample => self.open_sample(),
            Some(last) if last.exists() => self.open_file(&last),
            Some(last) => {
                self.settings.forget(&last);
                self.open_sample();
                self.notice = Some(Notice::info(format!(
                    "The assessment file used last time, {}, is no longer there; the sample is open instead.",
                    last.display()
                )));
            }
            None => self.open_sample(),
        }
    }

    /// Open an existing assessment file.
    pub fn open_file(&mut self, path: &Path) {
        if self.refuse_switch_during_import() {
            return;
        }
        match Store::open_existing(path) {
            Ok(store) => self.show_store(store),
            Err(e) => {
                self.settings.forget(path);
                self.notice = Some(Notice::problem(e.to_string()));
            }
        }
    }

    /// Create a new, empty assessment file at `path` and open it. An existing file is
    /// never overwritten.
    pub fn new_file(&mut self, path: &Path) {
        if self.refuse_switch_during_import() {
            return;
        }
        let is_empty_or_absent = std::fs::metadata(path).map_or(true, |m| m.len() == 0);
        if !is_empty_or_absent {
            self.notice = Some(Notice::problem(format!(
                "{} already exists, so it was left untouched. Choose another name, or use Open… to open it.",
                path.display()
            )));
            return;
        }
        self.open_or_create(path);
    }

    /// Open the bundled Northvale sample, creating it (and starting its import) if needed.
    /// Without the sample data beside the app, says so and creates nothing.
    pub fn open_sample(&mut self) {
        let path = sample_assessment_path();
        let sample_files = bundled_sample_files();
        let made_before = std::fs::metadata(&path).is_ok_and(|m| m.len() > 0);
        if let (Err(why), false) = (&sample_files, made_before) {
            self.notice = Some(Notice::problem(why.clone()));
            return;
        }
        if let Some(folder) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(folder) {
                self.notice = Some(Notice::problem(format!(
                    "The folder for the sample, {}, could not be created: {e}.",
                    folder.display()
                )));
                return;
            }
        }
        self.open_or_create(&path);
        let holds_nothing = self.view().is_some_and(|v| v.sources.is_empty());
        if holds_nothing && self.file_path() == Some(path.as_path()) {
            match sample_files {
                Ok(files) => self.start_import(files),
                Err(why) => self.notice = Some(Notice::problem(why)),
            }
        }
    }

    fn open_or_create(&mut self, path: &Path) {
        if self.refuse_switch_during_import() {
            return;
        }
        match Store::open_or_create(path) {
            Ok(store) => self.show_store(store),
            Err(e) => self.notice = Some(Notice::problem(e.to_string())),
        }
    }

    pub(super) fn show_store(&mut self, store: Store) {
        match AssessmentView::load(&store) {
            Ok(view) => {
                self.settings.remember(store.path());
                let report = load_report(&store, &view);
                let plan = super::plan_app::load_plan(&store);
                self.read_only = store.is_read_only();
                self.assessment = Some(Assessment {
                    store,
                    view,
                    report,
                    plan: plan.as_ref().ok().cloned(),
                });
                self.summary = None;
                self.rejected_rows = None;
                self.notice = plan.err().map(Notice::problem);
            }
            Err(e) => {
                self.notice = Some(Notice::problem(format!(
                    "{} could not be read: {e}",
                    store.path().display()
                )))
            }
        }
    }

    fn refuse_switch_during_import(&mut self) -> bool {
        if self.job.is_some() {
            self.notice = Some(Notice::info(
                "An import is running. Wait for it to finish, or cancel it, before opening another assessment file.",
            ));
        }
        self.job.is_some()
    }
}
