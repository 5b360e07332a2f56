//! The app's state: the persisted settings, the open assessment file with its cached view,
//! the import job, the windows on top; its construction and what tests read of it. What
//! can be done with it is in the `*_app.rs` files beside this one (opening files in
//! `file_app`, importing in `import_app`, the area and theme groups in `picture_app`,
//! partner data in `partner_app`, and so on): methods tests call directly (the dialogs
//! only choose paths). Reads the store only when a file is opened, an import finishes or
//! rejected rows are asked for, never per frame. Drawing lives in `shell`.

use super::area_chooser::WardChooser;
use super::export_job::ExportJob;
use super::import_job::ImportJob;
use super::import_summary::ImportSummary;
use super::mapping_import::MappingImport;
use super::navigation::Page;
use super::notice::Notice;
use super::rejected_rows::RejectedRowsView;
use super::report_state::ReportState;
use super::settings::Settings;
use super::theme;
use super::theme_group_editor::GroupEditor;
use super::top_bar::file_name;
use super::view::AssessmentView;
use crate::store::Store;
use std::path::{Path, PathBuf};

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

    pub fn show_page(&mut self, page: Page) {
        self.page = page;
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
