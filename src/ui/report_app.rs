//! The Report page's operations on the app: saving the plan, commentary, written sections,
//! scores and weights; adding and removing priority issues (scored from the data for
//! themes); starting this year's words from last year's file; the outline (drafted
//! summary, what will be left out) and the preview; and the export job (start, cancel,
//! poll).

use super::app::App;
use super::export_job::{ExportJob, ExportOutcome};
use super::notice::Notice;
use super::report_state::{ReportOutline, ReportState};
use super::view::AssessmentView;
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::priority::{scores_from_data, PriorityIssue};
use crate::analysis::theme::Theme;
use crate::report::content::free_text::carry_from;
use crate::report::content::{build_report, ReportOptions};
use crate::store::Store;
use std::path::{Path, PathBuf};

/// How often the window redraws while an export runs, even without news from it.
const EXPORT_REPAINT: std::time::Duration = std::time::Duration::from_millis(250);

impl App {
    pub fn report(&mut self) -> Option<&mut ReportState> {
        self.assessment.as_mut().and_then(|a| a.report.as_mut())
    }

    pub fn is_exporting(&self) -> bool {
        self.export.is_some()
    }

    /// Write the Report page's plan, commentary, written sections, scores and weights to
    /// the file, then refresh what the document will say and leave out.
    pub fn save_report(&mut self) {
        if self.read_only {
            return;
        }
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let Some(state) = assessment.report.as_mut() else {
            return;
        };
        let store = &mut assessment.store;
        let result = store
            .save_planned_sections(&state.stored_plan())
            .and_then(|()| store.save_report_texts(&state.texts))
            .and_then(|()| {
                state
                    .issues
                    .iter()
                    .try_for_each(|issue| store.save_priority_issue(issue).map(|_| ()))
            })
            .and_then(|()| {
                state
                    .weights
                    .iter()
                    .try_for_each(|(k, w)| store.save_priority_weight(k, *w))
            });
        if let Err(e) = result {
            self.notice = Some(Notice::problem(format!(
                "The report plan was not saved: {e}"
            )));
        }
        let year = assessment.view.picture.as_ref().map(|p| p.year);
        refresh_outline(state, store, year);
    }

    /// Add an issue to the priority matrix, scored from the data when it is a theme.
    pub fn add_priority(&mut self, name: &str, theme: Option<usize>) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let picture = assessment.view.picture.as_ref();
        let chosen: Option<&Theme> = theme.and_then(|i| picture.and_then(|p| p.themes.get(i)));
        let mut issue = PriorityIssue {
            name: name.trim().to_string(),
            ..PriorityIssue::default()
        };
        if let (Some(theme), Some(p)) = (chosen, picture) {
            let all_crime = p.figures_for(&Theme::AllCrime).total;
            issue.theme_key = Some(theme.key());
            issue.scores = scores_from_data(&p.figures_for(theme), all_crime);
        }
        match assessment.store.save_priority_issue(&issue) {
            Ok(id) => {
                issue.id = id;
                if let Some(state) = assessment.report.as_mut() {
                    state.issues.push(issue);
                    state.editing = Some(state.issues.len() - 1);
                    state.new_issue.clear();
                    state.rerank();
                }
            }
            Err(e) => self.notice = Some(Notice::problem(format!("The issue was not added: {e}"))),
        }
    }

    pub fn delete_priority(&mut self, id: i64) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match assessment.store.delete_priority_issue(id) {
            Ok(()) => {
                if let Some(state) = assessment.report.as_mut() {
                    state.issues.retain(|i| i.id != id);
                    state.editing = None;
                    state.rerank();
                }
            }
            Err(e) => self.notice = Some(Notice::problem(e.to_string())),
        }
    }

    /// Start this year's words from another assessment file (e.g. last year's): each
    /// section's commentary and the written sections, where this file has none yet.
    pub fn copy_narrative_from(&mut self, other: &Path) {
        self.save_report();
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let result = Store::open_existing(other)
            .and_then(|theirs| carry_from(&mut assessment.store, &theirs));
        match result {
            Ok(carried) => {
                assessment.report = reload_report(
                    &assessment.store,
                    &assessment.view,
                    assessment.report.take(),
                );
                let texts = if carried.texts.is_empty() {
                    "no written section (this file has them already, or that file has none)"
                        .to_string()
                } else {
                    carried.texts.join(", ")
                };
                self.notice = Some(Notice::info(format!(
                    "From {}: commentary for {} sections, and {texts}.",
                    other.display(),
                    carried.commentary
                )));
            }
            Err(e) => self.notice = Some(Notice::problem(format!("Nothing was copied: {e}"))),
        }
    }

    pub fn set_export_folder(&mut self, folder: &Path) {
        if let Some(state) = self.report() {
            state.folder = folder.display().to_string();
        }
    }

    /// Export the assessment on a background thread, with the Report page's choices.
    pub fn start_export(&mut self) {
        if self.export.is_some() {
            return;
        }
        self.save_report();
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let Some(state) = assessment.report.as_mut() else {
            return;
        };
        let options = ReportOptions {
            financial_year: assessment.view.picture.as_ref().map(|p| p.year),
            threshold: state.threshold,
            date: chrono::Local::now().format("%-d %B %Y").to_string(),
            ..ReportOptions::default()
        };
        state.outcome = None;
        match ExportJob::start(
            assessment.store.path(),
            PathBuf::from(state.folder.trim()),
            options,
            state.formats,
            self.egui_ctx.clone(),
        ) {
            Ok(job) => self.export = Some(job),
            Err(message) => state.outcome = Some(ExportOutcome::Failed(message)),
        }
    }

    /// Build the report from the file as the export would (no figures drawn) and show it.
    pub fn preview_report(&mut self) {
        self.save_report();
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let Some(state) = assessment.report.as_mut() else {
            return;
        };
        let options = ReportOptions {
            financial_year: assessment.view.picture.as_ref().map(|p| p.year),
            threshold: state.threshold,
            ..ReportOptions::default()
        };
        match build_report(&assessment.store, &options) {
            Ok(content) => {
                state.outline = Some(outline_of(&content));
                state.preview = Some(content);
            }
            Err(e) => self.notice = Some(Notice::problem(format!("No preview: {e}"))),
        }
    }

    pub fn cancel_export(&mut self) {
        if let Some(job) = &self.export {
            job.cancel();
        }
    }

    pub(super) fn poll_export(&mut self) {
        let Some(job) = &mut self.export else {
            return;
        };
        let Some(outcome) = job.poll() else {
            self.egui_ctx.request_repaint_after(EXPORT_REPAINT);
            return;
        };
        self.export = None;
        if let Some(state) = self.report() {
            state.outcome = Some(outcome);
        }
    }
}

fn outline_of(content: &crate::report::content::ReportContent) -> ReportOutline {
    ReportOutline {
        drafted_summary: content.drafted_summary.clone(),
        left_out: content.left_out.clone(),
    }
}

/// Build the report as the export would (no figure drawn) for its drafted summary and
/// what it leaves out; no outline when the file has nothing to report yet.
fn refresh_outline(state: &mut ReportState, store: &Store, year: Option<FinancialYear>) {
    let options = ReportOptions {
        financial_year: year,
        threshold: state.threshold,
        ..ReportOptions::default()
    };
    state.outline = build_report(store, &options)
        .ok()
        .map(|content| outline_of(&content));
}

/// The Report page's state for a file, or `None` (with the page saying so) if unreadable.
pub(super) fn load_report(store: &Store, view: &AssessmentView) -> Option<ReportState> {
    let themes = view.picture.as_ref().map_or_else(
        || vec![Theme::AllCrime, Theme::AntiSocialBehaviour],
        |p| p.themes.clone(),
    );
    let mut state = ReportState::load(store, &themes).ok()?;
    refresh_outline(&mut state, store, view.picture.as_ref().map(|p| p.year));
    Some(state)
}

/// Reload after the data changed, keeping the export choices the analyst made.
pub(super) fn reload_report(
    store: &Store,
    view: &AssessmentView,
    previous: Option<ReportState>,
) -> Option<ReportState> {
    let mut state = load_report(store, view)?;
    if let Some(before) = previous {
        state.folder = before.folder;
        state.formats = before.formats;
        state.threshold = before.threshold;
        state.outcome = before.outcome;
    }
    Some(state)
}
