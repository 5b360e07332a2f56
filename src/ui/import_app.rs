//! Importing into the open file: starting and cancelling the background job, taking its
//! news each frame (the view reloaded and the summary shown once it ends), the rejected
//! rows of a source, and the column-mapping window for a file the import did not know.

use super::app::App;
use super::import_job::{ImportJob, JobOutcome};
use super::import_summary::ImportSummary;
use super::mapping_import::MappingImport;
use super::notice::Notice;
use super::rejected_rows::RejectedRowsView;
use super::report_app::reload_report;
use super::view::AssessmentView;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The words an import's reason uses for a file the app does not recognise.
const UNKNOWN_FILE_HINT: &str = "Not a file this app knows";

/// How often the window redraws while an import runs, even without news from it.
const IMPORT_REPAINT: Duration = Duration::from_millis(250);
impl App {
    /// Import files, folders and zips into the open assessment file on a background
    /// thread. The view is reloaded, and the summary shown, when it finishes.
    pub fn start_import(&mut self, paths: Vec<PathBuf>) {
        self.start_import_with(paths, crate::store::ingest::ImportOptions::default());
    }

    /// Like [`App::start_import`], reading the files with `options` (a mapping, a sheet).
    pub fn start_import_with(
        &mut self,
        paths: Vec<PathBuf>,
        options: crate::store::ingest::ImportOptions,
    ) {
        if paths.is_empty() || self.refuse_read_only() {
            return;
        }
        if self.job.is_some() {
            self.notice = Some(Notice::info(
                "An import is already running. Wait for it to finish, or cancel it, before importing more.",
            ));
            return;
        }
        let Some(assessment) = self.file_path().map(Path::to_path_buf) else {
            self.notice = Some(Notice::info(
                "Open or create an assessment file first; the data is imported into it.",
            ));
            return;
        };
        match ImportJob::start_with(&assessment, paths, options, self.egui_ctx.clone()) {
            Ok(job) => {
                self.job = Some(job);
                self.summary = None;
                self.notice = None;
            }
            Err(message) => self.notice = Some(Notice::problem(message)),
        }
    }

    /// Stop the running import; the assessment file is left as it was.
    pub fn cancel_import(&mut self) {
        if let Some(job) = &self.job {
            job.cancel();
        }
    }

    /// Open the rejected-rows window for one source.
    pub fn show_rejected_rows(&mut self, source_id: i64) {
        let Some(assessment) = &self.assessment else {
            return;
        };
        let file = assessment
            .view
            .source(source_id)
            .map_or_else(|| format!("source {source_id}"), |s| s.file.clone());
        match assessment.store.rejected_rows(source_id) {
            Ok(rows) => self.rejected_rows = Some(RejectedRowsView::new(&file, &rows)),
            Err(e) => self.notice = Some(Notice::problem(e.to_string())),
        }
    }

    /// Take the import's news; when it has ended, reload the view once and say how it went.
    pub(super) fn poll_import(&mut self) {
        let Some(job) = &mut self.job else {
            return;
        };
        let Some(outcome) = job.poll() else {
            self.egui_ctx.request_repaint_after(IMPORT_REPAINT);
            return;
        };
        let imported_into = job.assessment().to_path_buf();
        let inputs = job.inputs().to_vec();
        self.job = None;
        match outcome {
            JobOutcome::Finished(report) => {
                self.summary = Some(ImportSummary::from_report(&report));
                let had_police_data = self
                    .view()
                    .is_none_or(|v| v.totals.crime + v.totals.asb > 0);
                self.reload_view(&imported_into);
                if !had_police_data {
                    self.propose_area();
                }
                self.offer_mapping_for_unknown(&report, &inputs);
            }
            JobOutcome::Cancelled => {
                self.notice = Some(Notice::info(
                    "The import was cancelled; the assessment file is unchanged.",
                ));
            }
            JobOutcome::Failed(message) => {
                self.notice = Some(Notice::problem(format!("The import failed: {message}")));
            }
        }
    }

    /// A CSV the import did not recognise, named directly, opens the mapping window.
    fn offer_mapping_for_unknown(
        &mut self,
        report: &crate::store::ingest::ImportReport,
        inputs: &[PathBuf],
    ) {
        use crate::store::ingest::FileOutcome;
        let unknown = report.files.iter().find(|f| {
            matches!(&f.outcome, FileOutcome::Rejected { reason } if reason.contains(UNKNOWN_FILE_HINT))
        });
        let Some(file) = unknown else {
            return;
        };
        let path = inputs.iter().find(|p| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                // A workbook's sheet is listed as "book.xlsx, sheet Data".
                file.name == n || file.name.starts_with(&format!("{n}, sheet "))
            })
        });
        if let Some(path) = path.cloned() {
            self.open_mapping_import(&path);
        }
    }

    /// Open the column-mapping window on a CSV (the Data page's button and a file the
    /// import did not recognise lead here; tests call it with a path).
    pub fn open_mapping_import(&mut self, path: &Path) {
        match MappingImport::open(path) {
            Ok(window) => self.mapping_import = Some(window),
            Err(e) => self.notice = Some(Notice::problem(e)),
        }
    }

    pub fn mapping_import(&mut self) -> Option<&mut MappingImport> {
        self.mapping_import.as_mut()
    }

    /// Save the window's mapping in the assessment file and import its file with it (and
    /// with the sheet or dialect chosen) on the background job; the window closes.
    pub fn save_mapping_and_import(&mut self) {
        let Some(window) = &self.mapping_import else {
            return;
        };
        let (partner, fields) = (window.ready_mapping(), window.ready_fields());
        let path = window.path.clone();
        let table = window.options.clone();
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let saved = match (&partner, &fields) {
            (Some(mapping), _) => assessment
                .store
                .save_mapping(mapping)
                .map(|_| &mapping.name),
            (None, Some(mapping)) => assessment
                .store
                .save_field_mapping(mapping)
                .map(|_| &mapping.name),
            (None, None) => return,
        };
        let name = match saved {
            Ok(name) => name.clone(),
            Err(e) => {
                self.notice = Some(Notice::problem(format!("The mapping was not saved: {e}")));
                return;
            }
        };
        self.mapping_import = None;
        let options = crate::store::ingest::ImportOptions {
            kind: None,
            mapping: Some(name),
            table,
        };
        self.start_import_with(vec![path], options);
    }

    fn reload_view(&mut self, imported_into: &Path) {
        let Some(assessment) = &mut self.assessment else {
            return;
        };
        if assessment.store.path() != imported_into {
            return;
        }
        match AssessmentView::load(&assessment.store) {
            Ok(mut view) => {
                view.map.set_options(assessment.view.map.options);
                view.comparison
                    .keep_choices_from(&assessment.view.comparison);
                assessment.report =
                    reload_report(&assessment.store, &view, assessment.report.take());
                assessment.view = view;
                self.refresh_plan();
            }
            Err(e) => self.notice = Some(Notice::problem(e.to_string())),
        }
    }
}
