//! The app's state and what can be done with it: the persisted settings, the open
//! assessment file with its cached view, the import job, the windows on top. Opening,
//! creating, importing and cancelling are methods tests call directly (the dialogs only
//! choose paths). Reads the store only when a file is opened, an import finishes or
//! rejected rows are asked for, never per frame. Drawing lives in `shell`.

use super::area_chooser::WardChooser;
use super::crime_picture::CrimePicture;
use super::export_job::ExportJob;
use super::import_job::{ImportJob, JobOutcome};
use super::import_summary::ImportSummary;
use super::launch::sample_assessment_path;
use super::mapping_import::MappingImport;
use super::navigation::Page;
use super::notice::Notice;
use super::partner_view::PartnerView;
use super::rejected_rows::RejectedRowsView;
use super::report_app::{load_report, reload_report};
use super::report_state::ReportState;
use super::sample::bundled_sample_files;
use super::settings::Settings;
use super::theme;
use super::theme_group_editor::GroupEditor;
use super::top_bar::file_name;
use super::view::AssessmentView;
use crate::store::geography::AreaChoice;
use crate::store::Store;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The words an import's reason uses for a file the app does not recognise.
const UNKNOWN_FILE_HINT: &str = "Not a file this app knows";

/// How often the window redraws while an import runs, even without news from it.
const IMPORT_REPAINT: Duration = Duration::from_millis(250);

/// An open assessment file and what the pages show of it.
pub(super) struct Assessment {
    pub(super) store: Store,
    pub(super) view: AssessmentView,
    /// The Report page's plan, matrix and export choices; `None` if they could not be read.
    pub(super) report: Option<ReportState>,
    /// The Plan page's review and choices; `None` if the plan could not be read.
    pub(super) plan: Option<super::plan_state::PlanState>,
}

pub struct App {
    pub(super) settings: Settings,
    pub(super) page: Page,
    pub(super) assessment: Option<Assessment>,
    pub(super) job: Option<ImportJob>,
    pub(super) summary: Option<ImportSummary>,
    pub(super) rejected_rows: Option<RejectedRowsView>,
    pub(super) notice: Option<Notice>,
    pub(super) ward_chooser: Option<WardChooser>,
    pub(super) group_editor: Option<GroupEditor>,
    pub(super) export: Option<ExportJob>,
    pub(super) mapping_import: Option<MappingImport>,
    pub(super) hotspot_job: Option<super::hotspot_job::HotspotJob>,
    pub(super) peer_editor: Option<super::peer_editor::PeerEditor>,
    /// The open file is open for review only: every edit is refused.
    pub(super) read_only: bool,
    pub(super) plan_report: Option<super::plan_export::PlanReportJob>,
    pub(super) rollup: super::rollup_state::RollupState,
    /// The app's own file chooser, when open.
    pub(super) file_chooser: Option<super::file_chooser::FileChooser>,
    /// Why the system's file dialog cannot be used here, once known.
    pub(super) system_dialog_unavailable: Option<String>,
    /// Whether the notice has said why the app's own chooser is used.
    pub(super) told_why_app_chooser: bool,
    /// The folder the app's chooser was last in.
    pub(super) last_chooser_folder: Option<PathBuf>,
    pub(super) egui_ctx: egui::Context,
}

impl App {
    /// An app with no file open yet; `settings` are those remembered from the last run.
    pub fn new(egui_ctx: &egui::Context, settings: Settings) -> App {
        theme::apply(egui_ctx);
        App {
            settings,
            page: Page::default(),
            assessment: None,
            job: None,
            summary: None,
            rejected_rows: None,
            notice: None,
            ward_chooser: None,
            group_editor: None,
            export: None,
            mapping_import: None,
            hotspot_job: None,
            peer_editor: None,
            read_only: false,
            plan_report: None,
            rollup: Default::default(),
            file_chooser: None,
            system_dialog_unavailable: None,
            told_why_app_chooser: false,
            last_chooser_folder: None,
            egui_ctx: egui_ctx.clone(),
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn page(&self) -> Page {
        self.page
    }

    pub fn file_path(&self) -> Option<&Path> {
        self.assessment.as_ref().map(|a| a.store.path())
    }

    pub fn view(&self) -> Option<&AssessmentView> {
        self.assessment.as_ref().map(|a| &a.view)
    }

    pub fn is_importing(&self) -> bool {
        self.job.is_some()
    }

    pub fn import_summary(&self) -> Option<&ImportSummary> {
        self.summary.as_ref()
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

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

    /// Choose the theme (index into the picture's themes) and year the Overview shows.
    pub fn select_picture(
        &mut self,
        theme: usize,
        year: crate::analysis::financial_year::FinancialYear,
    ) {
        if let Some(picture) = self
            .assessment
            .as_mut()
            .and_then(|a| a.view.picture.as_mut())
        {
            picture.select(theme, year);
        }
    }

    /// Filter every page to an area; stored in the assessment file, so it is still chosen
    /// next time the file is opened.
    pub fn set_area(&mut self, choice: AreaChoice) {
        if self.refuse_read_only() {
            return;
        }
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match assessment.store.set_area(&choice) {
            Ok(_) => {
                self.ward_chooser = None;
                self.dismiss_proposed_area();
                self.refresh_picture();
                self.refresh_partner();
                self.refresh_plan();
            }
            Err(e) => {
                self.notice = Some(Notice::problem(format!("The area could not be set: {e}")))
            }
        }
    }

    /// Open the ward picker, starting from the current area.
    pub fn choose_wards(&mut self) {
        if let Some(picture) = self.view().and_then(|v| v.picture.as_ref()) {
            self.ward_chooser = Some(WardChooser::starting_from(
                picture.area_ward_codes(),
                picture.area_name(),
            ));
        }
    }

    pub fn ward_chooser(&mut self) -> Option<&mut WardChooser> {
        self.ward_chooser.as_mut()
    }

    pub fn edit_theme_groups(&mut self) {
        self.group_editor = Some(GroupEditor::default());
    }

    pub fn group_editor(&mut self) -> Option<&mut GroupEditor> {
        self.group_editor.as_mut()
    }

    /// Create or redefine a theme group; it becomes a theme on every page at once.
    pub fn save_theme_group(&mut self, name: &str, crime_types: &[u8]) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match assessment.store.save_theme_group(name, crime_types) {
            Ok(_) => {
                self.group_editor = Some(GroupEditor::default());
                self.refresh_picture();
            }
            Err(e) => self.notice = Some(Notice::problem(format!("The group was not saved: {e}"))),
        }
    }

    pub fn delete_theme_group(&mut self, id: i64) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match assessment.store.delete_theme_group(id) {
            Ok(()) => self.refresh_picture(),
            Err(e) => {
                self.notice = Some(Notice::problem(format!("The group was not deleted: {e}")))
            }
        }
    }

    /// Re-read the counts after the area or the groups changed, keeping the theme and year.
    fn refresh_picture(&mut self) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match CrimePicture::reload(&assessment.store, assessment.view.picture.as_ref()) {
            Ok(picture) => {
                assessment.view.picture = picture;
                assessment.report = reload_report(
                    &assessment.store,
                    &assessment.view,
                    assessment.report.take(),
                );
            }
            Err(e) => self.notice = Some(Notice::problem(e.to_string())),
        }
    }

    /// Choose the Trends page's chart kind and months.
    pub fn set_trend_options(&mut self, options: super::crime_picture::TrendOptions) {
        if let Some(picture) = self
            .assessment
            .as_mut()
            .and_then(|a| a.view.picture.as_mut())
        {
            picture.set_trend_options(options);
        }
    }

    pub fn show_page(&mut self, page: Page) {
        self.page = page;
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

    /// Show a partner theme for another financial year.
    pub fn select_partner_year(
        &mut self,
        layout: crate::import::partner::PartnerLayout,
        year: crate::analysis::financial_year::FinancialYear,
    ) {
        if let Some(assessment) = self.assessment.as_mut() {
            assessment.view.partner.select(layout, year);
        }
    }

    /// Set the female 16+ population MARAC rates are taken over (stored in the file).
    pub fn set_female_population(&mut self, value: Option<f64>) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match assessment.store.set_female_16_plus(value) {
            Ok(()) => self.refresh_partner(),
            Err(e) => self.notice = Some(Notice::problem(e.to_string())),
        }
    }

    fn refresh_partner(&mut self) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match PartnerView::reload(&assessment.store, &assessment.view.partner) {
            Ok(partner) => assessment.view.partner = partner,
            Err(e) => self.notice = Some(Notice::problem(e.to_string())),
        }
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

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("file", &self.file_path().map(file_name))
            .field("page", &self.page)
            .field("is_importing", &self.is_importing())
            .finish_non_exhaustive()
    }
}
