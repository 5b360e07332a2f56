//! The window around the pages: top bar, navigation, the page itself, the import strip
//! and the windows on top, drawn from the app's state each frame; and the one place where
//! what the analyst asked for while drawing is carried out.

use super::actions::Action;
use super::app::App;
use super::area_chooser::ward_chooser_ui;
use super::drop_overlay::drop_overlay_ui;
use super::file_chooser::ChooserPurpose;
use super::file_chooser_ui::file_chooser_ui;
use super::import_progress::import_progress_ui;
use super::import_summary::import_summary_ui;
use super::mapping_import_ui::mapping_import_ui;
use super::navigation::navigation_ui;
use super::notice::notice_ui;
use super::pages::{no_file_ui, page_ui, proposal_banner_ui, PageContext};
use super::peer_editor::peer_editor_ui;
use super::rejected_rows::rejected_rows_ui;
use super::theme_group_editor::theme_group_editor_ui;
use super::top_bar::{top_bar_ui, TopBarState};
use std::path::PathBuf;

impl eframe::App for App {
    fn logic(&mut self, _ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_import();
        self.poll_export();
        self.poll_plan_report();
        self.refresh_map();
        self.refresh_comparison();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.take_dropped_files(&ctx);
        let mut actions = Vec::new();
        let can_import = self.assessment.is_some() && self.job.is_none() && !self.read_only;
        egui::Panel::top("top_bar")
            .frame(
                egui::Frame::side_top_panel(ui.style())
                    .inner_margin(egui::Margin::symmetric(10, 6)),
            )
            .show(ui, |ui| {
                let state = TopBarState {
                    file: self.file_path(),
                    recent_files: &self.settings.recent_files,
                    can_switch_file: self.job.is_none(),
                    can_import,
                    read_only: self.read_only,
                };
                top_bar_ui(ui, &state, &mut actions);
            });
        if let Some(job) = &self.job {
            egui::Panel::bottom("import_progress")
                .frame(
                    egui::Frame::side_top_panel(ui.style())
                        .inner_margin(egui::Margin::symmetric(16, 4)),
                )
                .show(ui, |ui| {
                    import_progress_ui(ui, job.progress(), job.is_cancelling(), &mut actions);
                });
        }
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(180.0)
            .show(ui, |ui| navigation_ui(ui, self.page, &mut actions));
        egui::CentralPanel::default()
            .frame(
                egui::Frame::central_panel(ui.style())
                    .inner_margin(egui::Margin::symmetric(24, 16)),
            )
            .show(ui, |ui| {
                if let Some(notice) = &self.notice {
                    notice_ui(ui, notice, &mut actions);
                }
                if let Some(proposal) = self
                    .assessment
                    .as_ref()
                    .and_then(|a| a.view.comparison.proposal.as_ref())
                {
                    proposal_banner_ui(ui, proposal, &mut actions);
                }
                match &mut self.assessment {
                    Some(assessment) => {
                        let mut context = PageContext {
                            view: &assessment.view,
                            is_importing: self.job.is_some(),
                            report: assessment.report.as_mut(),
                            exporting: self.export.as_ref().map(|job| job.progress()),
                            is_computing_hotspots: self.hotspot_job.is_some(),
                            read_only: self.read_only,
                            plan: assessment.plan.as_mut(),
                            writing_performance_report: self.plan_report.is_some(),
                            rollup: &mut self.rollup,
                        };
                        page_ui(ui, self.page, &mut context, &mut actions);
                    }
                    None => no_file_ui(ui, &mut actions),
                }
            });
        if let Some(summary) = &self.summary {
            import_summary_ui(&ctx, summary, &mut actions);
        }
        if let Some(rejected_rows) = &self.rejected_rows {
            rejected_rows_ui(&ctx, rejected_rows, &mut actions);
        }
        if let Some(assessment) = &self.assessment {
            if let Some(picture) = &assessment.view.picture {
                if let Some(chooser) = self.ward_chooser.as_mut() {
                    ward_chooser_ui(&ctx, chooser, picture.all_wards(), &mut actions);
                }
                if let Some(editor) = self.group_editor.as_mut() {
                    theme_group_editor_ui(&ctx, editor, picture.groups(), &mut actions);
                }
            }
        }
        if let (Some(editor), Some(assessment)) = (self.peer_editor.as_mut(), &self.assessment) {
            peer_editor_ui(
                &ctx,
                editor,
                &assessment.view.comparison.peer_groups,
                &mut actions,
            );
        }
        if let Some(window) = self.mapping_import.as_mut() {
            mapping_import_ui(&ctx, window, &mut actions);
        }
        if let Some(chooser) = self.file_chooser.as_mut() {
            file_chooser_ui(&ctx, chooser, &mut actions);
        }
        drop_overlay_ui(&ctx, can_import);
        for action in actions {
            self.apply(action, &ctx);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

impl App {
    /// Files dropped on the window: one assessment file is opened, anything else imported.
    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        match dropped.as_slice() {
            [] => {}
            [one] if one.extension().is_some_and(|e| e == "assessment") => self.open_file(one),
            _ => self.start_import(dropped),
        }
    }

    fn apply(&mut self, action: Action, ctx: &egui::Context) {
        if action.is_edit() && self.refuse_read_only() {
            return;
        }
        match action {
            Action::NewFile => self.choose(ChooserPurpose::NewAssessment),
            Action::OpenFile => self.choose(ChooserPurpose::OpenAssessment),
            Action::OpenRecent(path) => self.open_file(&path),
            Action::OpenSample => self.open_sample(),
            Action::ImportFiles => self.choose(ChooserPurpose::ImportFiles),
            Action::ImportFolder => self.choose(ChooserPurpose::ImportFolder),
            Action::CancelImport => self.cancel_import(),
            Action::ShowPage(page) => self.show_page(page),
            Action::ShowRejectedRows(source_id) => self.show_rejected_rows(source_id),
            Action::SelectPicture(theme, year) => self.select_picture(theme, year),
            Action::SetArea(choice) => self.set_area(choice),
            Action::ChooseWards => self.choose_wards(),
            Action::CloseWardChooser => self.ward_chooser = None,
            Action::EditThemeGroups => self.edit_theme_groups(),
            Action::SaveThemeGroup { name, crime_types } => {
                self.save_theme_group(&name, &crime_types)
            }
            Action::DeleteThemeGroup(id) => self.delete_theme_group(id),
            Action::CloseThemeGroups => self.group_editor = None,
            Action::SetTrendOptions(options) => self.set_trend_options(options),
            Action::SaveReport => self.save_report(),
            Action::CopyNarrativeFromFile => self.choose(ChooserPurpose::CopyNarrative),
            Action::AddPriority { name, theme } => self.add_priority(&name, theme),
            Action::DeletePriority(id) => self.delete_priority(id),
            Action::ChooseExportFolder => self.choose(ChooserPurpose::ExportFolder),
            Action::StartExport => self.start_export(),
            Action::PreviewReport => self.preview_report(),
            Action::CancelExport => self.cancel_export(),
            Action::SetMapOptions(options) => self.set_map_options(options),
            Action::AcceptDerivedLookup => self.accept_derived_lookup(),
            Action::CloseRejectedRows => self.rejected_rows = None,
            Action::ImportWithMapping => self.choose(ChooserPurpose::MapFile),
            Action::SaveMappingAndImport => self.save_mapping_and_import(),
            Action::CloseMappingImport => self.mapping_import = None,
            Action::SelectPartnerYear(layout, year) => self.select_partner_year(layout, year),
            Action::SetFemalePopulation(value) => self.set_female_population(value),
            Action::SetPeers(peers) => self.set_peers(peers),
            Action::SortComparison(column) => self.sort_comparison(column),
            Action::EditPeerGroups => self.edit_peer_groups(),
            Action::SavePeerGroup { name, codes } => self.save_peer_group(&name, &codes),
            Action::DeletePeerGroup(name) => self.delete_peer_group(&name),
            Action::ClosePeerGroups => self.peer_editor = None,
            Action::ReadPeerCodesFromFile => self.choose(ChooserPurpose::PeerCodes),
            Action::AcceptProposedArea => self.accept_proposed_area(),
            Action::DismissProposedArea => self.dismiss_proposed_area(),
            Action::CloseImportSummary => self.summary = None,
            chooser @ (Action::FileChosen(..) | Action::CloseFileChooser) => {
                self.apply_chooser_action(chooser)
            }
            Action::DismissNotice => self.notice = None,
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Action::OpenForReview => self.choose(ChooserPurpose::OpenForReview),
            Action::SetPlanAsAt(as_at) => self.set_plan_as_at(as_at),
            Action::ImportPlan => self.choose(ChooserPurpose::ImportPlan),
            Action::AddPlanPriority {
                name,
                theme_key,
                lead,
            } => self.add_plan_priority(&name, theme_key, &lead),
            Action::DeletePlanPriority(id) => self.delete_plan_priority(id),
            Action::SaveMeasurable => self.save_measurable_draft(),
            Action::DeleteMeasurable(id) => self.delete_measurable(id),
            Action::ChoosePerformanceFolder => self.choose(ChooserPurpose::PerformanceFolder),
            Action::ExportPerformanceReport => self.export_performance_report(),
            Action::ChooseRollupFiles => self.choose(ChooserPurpose::RollupFiles),
            Action::ChooseRollupFolder => self.choose(ChooserPurpose::RollupFolder),
            Action::ExportRollup => self.export_rollup(),
        }
    }
}
