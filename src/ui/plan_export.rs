//! Writing from the plan: the performance report (on its own thread, polled each frame)
//! and the county roll-up of several partnerships' assessment files (each opened
//! read-only) with its export. Allowed on a file open for review: nothing here writes to
//! the open assessment file.

use super::app::App;
use super::rollup_state::RollupState;
use crate::report::plan_report::{
    performance_content, report_stem, write_performance_report, PerformanceOptions,
};
use crate::report::rollup_report::{rollup_files, rollup_tables, write_rollup};
use crossbeam_channel::Receiver;
use std::path::{Path, PathBuf};

/// The performance report being written on its own thread.
pub struct PlanReportJob {
    receiver: Receiver<Result<Vec<PathBuf>, String>>,
}

impl App {
    pub fn set_performance_folder(&mut self, folder: &Path) {
        if let Some(state) = self.plan() {
            state.report_folder = folder.display().to_string();
        }
    }

    pub fn is_writing_performance_report(&self) -> bool {
        self.plan_report.is_some()
    }

    /// Write the performance report (all priorities, or the one shown) on its own thread.
    /// Allowed read-only: it writes to the chosen folder, never to the assessment file.
    pub fn export_performance_report(&mut self) {
        if self.plan_report.is_some() {
            return;
        }
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let Some(state) = assessment.plan.as_mut() else {
            return;
        };
        let Some(review) = state.review.clone() else {
            state.report_outcome = Some(Err("there is nothing to review yet".into()));
            return;
        };
        let priority = state
            .this_priority_only
            .then(|| state.selected().map(|p| p.name.clone()))
            .flatten();
        let threshold = crate::report::disclosure::DEFAULT_THRESHOLD;
        let options = PerformanceOptions {
            priority: priority.clone(),
            partnership: state.partnership.clone(),
            date: chrono::Local::now().format("%-d %B %Y").to_string(),
            threshold,
        };
        let content = match performance_content(&review, &options) {
            Ok(c) => c,
            Err(e) => {
                state.report_outcome = Some(Err(e.to_string()));
                return;
            }
        };
        let folder = PathBuf::from(state.report_folder.trim());
        let stem = report_stem(&review, priority.as_deref());
        let (sender, receiver) = crossbeam_channel::bounded(1);
        let repaint = self.egui_ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("performance-report".into())
            .spawn(move || {
                let result = write_performance_report(&content, &review, &folder, &stem, threshold)
                    .map_err(|e| e.to_string());
                let _ = sender.send(result);
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => {
                state.report_outcome = None;
                self.plan_report = Some(PlanReportJob { receiver });
            }
            Err(e) => {
                state.report_outcome = Some(Err(format!("the report could not be started: {e}")))
            }
        }
    }

    pub(super) fn poll_plan_report(&mut self) {
        let Some(job) = &self.plan_report else {
            return;
        };
        let result = match job.receiver.try_recv() {
            Ok(result) => result,
            Err(crossbeam_channel::TryRecvError::Empty) => {
                self.egui_ctx
                    .request_repaint_after(std::time::Duration::from_millis(200));
                return;
            }
            Err(crossbeam_channel::TryRecvError::Disconnected) => {
                Err("the report stopped unexpectedly; nothing was written".into())
            }
        };
        self.plan_report = None;
        if let Some(state) = self.plan() {
            state.report_outcome =
                Some(result.map(|files| files.iter().map(|f| f.display().to_string()).collect()));
        }
    }

    pub fn rollup(&self) -> &RollupState {
        &self.rollup
    }

    /// Roll up several partnerships' assessment files (each opened read-only).
    pub fn roll_up(&mut self, paths: Vec<PathBuf>) {
        if paths.is_empty() {
            return;
        }
        self.rollup.written = None;
        if self.rollup.folder.trim().is_empty() {
            if let Some(folder) = paths.first().and_then(|p| p.parent()) {
                self.rollup.folder = folder.join("county roll-up").display().to_string();
            }
        }
        match rollup_files(&paths) {
            Ok(rollup) => {
                self.rollup.tables = rollup_tables(&rollup);
                self.rollup.rollup = Some(rollup);
                self.rollup.problem = None;
            }
            Err(e) => {
                self.rollup.rollup = None;
                self.rollup.tables.clear();
                self.rollup.problem = Some(e.to_string());
            }
        }
        self.rollup.files = paths;
    }

    pub fn set_rollup_folder(&mut self, folder: &Path) {
        self.rollup.folder = folder.display().to_string();
    }

    /// Write the roll-up as CSV and a Word table into its folder.
    pub fn export_rollup(&mut self) {
        let Some(rollup) = &self.rollup.rollup else {
            return;
        };
        let date = chrono::Local::now().format("%-d %B %Y").to_string();
        let folder = PathBuf::from(self.rollup.folder.trim());
        self.rollup.written = Some(
            write_rollup(rollup, &folder, &date)
                .map(|files| files.iter().map(|f| f.display().to_string()).collect())
                .map_err(|e| e.to_string()),
        );
    }
}
