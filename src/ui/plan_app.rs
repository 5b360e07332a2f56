//! The Plan page's operations on the app: opening a file read-only for review, the review
//! month, importing an action plan, adding and removing priorities and measurables. Every
//! edit is refused, with a sentence, when the file is open read-only (and SQLite would
//! refuse it anyway). The performance report and the county roll-up are `plan_export`.

use super::app::App;
use super::notice::Notice;
use super::plan_state::PlanState;
use crate::analysis::action_plan::{link_plan, AsAt, Measurable, PlanAction, PlanPriority};
use crate::import::action_plan::read_plan_file;
use crate::report::plan_data::PlanData;
use crate::store::action_plan::PlanSource;
use crate::store::Store;
use std::path::Path;

/// Shown at the top of the Plan page when the file is open for review.
pub const READ_ONLY_BANNER: &str = "Read-only: this file is open for review, so nothing in it can be changed. Charts, filters and the performance report still work.";

/// What the notice says when an edit is tried on a file open for review.
pub const READ_ONLY_REFUSAL: &str = "This file is open read-only for review, so nothing in it can be changed. Open it normally (File › Open…) to edit it.";

/// The Plan page's state for a file, or `None` if it could not be read.
pub(super) fn load_plan(store: &Store) -> Result<PlanState, String> {
    PlanState::load(store, None).map_err(|e| format!("The plan could not be read: {e}"))
}

impl App {
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Open an existing assessment file for review: nothing in it can be changed.
    pub fn open_read_only(&mut self, path: &Path) {
        if self.job.is_some() {
            self.notice = Some(Notice::info(
                "An import is running. Wait for it to finish, or cancel it, before opening another assessment file.",
            ));
            return;
        }
        match Store::open_read_only(path) {
            Ok(store) => {
                self.show_store(store);
                self.read_only = self.assessment.is_some();
            }
            Err(e) => self.notice = Some(Notice::problem(e.to_string())),
        }
    }

    /// True (with the notice shown) when the file is open read-only.
    pub(super) fn refuse_read_only(&mut self) -> bool {
        if self.read_only {
            self.notice = Some(Notice::info(READ_ONLY_REFUSAL));
        }
        self.read_only
    }

    pub fn plan(&mut self) -> Option<&mut PlanState> {
        self.assessment.as_mut().and_then(|a| a.plan.as_mut())
    }

    pub fn plan_state(&self) -> Option<&PlanState> {
        self.assessment.as_ref().and_then(|a| a.plan.as_ref())
    }

    /// Re-read the plan and its data (after an edit, an import or a new area).
    pub(super) fn refresh_plan(&mut self) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let loaded = match &assessment.plan {
            Some(previous) => PlanState::reload(&assessment.store, previous),
            None => PlanState::load(&assessment.store, None),
        };
        match loaded {
            Ok(state) => assessment.plan = Some(state),
            Err(e) => {
                self.notice = Some(Notice::problem(format!("The plan could not be read: {e}")))
            }
        }
    }

    /// Review the plan as at another month or quarter.
    pub fn set_plan_as_at(&mut self, as_at: AsAt) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let mut previous = assessment.plan.clone();
        if let Some(p) = previous.as_mut() {
            p.as_at = Some(as_at);
        }
        let loaded = match &previous {
            Some(p) => PlanState::reload(&assessment.store, p),
            None => PlanState::load(&assessment.store, Some(as_at)),
        };
        match loaded {
            Ok(state) => assessment.plan = Some(state),
            Err(e) => {
                self.notice = Some(Notice::problem(format!(
                    "The plan could not be reviewed: {e}"
                )))
            }
        }
    }

    /// Read an action plan (CSV or workbook) into the file, replacing the plan it held.
    pub fn import_plan(&mut self, path: &Path) {
        if self.refuse_read_only() {
            return;
        }
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let result = (|| -> Result<Vec<String>, String> {
            let data = PlanData::load(&assessment.store).map_err(|e| e.to_string())?;
            let mut read = read_plan_file(path).map_err(|e| e.to_string())?;
            let issues = assessment
                .store
                .priority_issues()
                .map_err(|e| e.to_string())?;
            let linked = link_plan(
                &mut read.table,
                &data.themes,
                &data.indicator_names(),
                &issues,
            );
            let source = PlanSource {
                file: read.file_name.clone(),
                sha256: read.sha256.clone(),
                imported_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            };
            assessment
                .store
                .replace_action_plan(&read.table.plan, &source)
                .map_err(|e| e.to_string())?;
            let plan = &read.table.plan;
            let mut lines = vec![format!(
                "{}: {} priorities and {} measurables imported ({} linked by the Series column, {} by name, {} not linked yet); {} rows rejected.",
                read.file_name,
                plan.priorities.len(),
                plan.measurable_count(),
                linked.by_series_column,
                linked.by_name,
                linked.unlinked,
                read.table.rejected.len()
            )];
            lines.extend(read.table.rejected.iter().map(|r| {
                let column = r
                    .column
                    .as_deref()
                    .map(|c| format!(" column {c}:"))
                    .unwrap_or_default();
                format!("Rejected {}{column} {}", r.place, r.reason)
            }));
            lines.extend(read.table.notes.iter().cloned());
            Ok(lines)
        })();
        match result {
            Ok(lines) => {
                self.refresh_plan();
                if let Some(state) = self.plan() {
                    state.import_outcome = lines;
                }
            }
            Err(e) => {
                self.notice = Some(Notice::problem(format!("The plan was not imported: {e}")))
            }
        }
    }

    /// Add a priority to the plan (typed, or from the priority matrix).
    pub fn add_plan_priority(&mut self, name: &str, theme_key: Option<String>, lead: &str) {
        if self.refuse_read_only() {
            return;
        }
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let priority = PlanPriority {
            name: name.trim().to_string(),
            theme_key,
            lead: lead.trim().to_string(),
            ..PlanPriority::default()
        };
        match assessment.store.save_plan_priority(&priority) {
            Ok(_) => {
                self.refresh_plan();
                if let Some(state) = self.plan() {
                    state.new_priority.clear();
                    state.new_priority_lead.clear();
                    state.priority = state
                        .review
                        .as_ref()
                        .map_or(0, |r| r.priorities.len().saturating_sub(1));
                }
            }
            Err(e) => {
                self.notice = Some(Notice::problem(format!("The priority was not added: {e}")))
            }
        }
    }

    pub fn delete_plan_priority(&mut self, id: i64) {
        if self.refuse_read_only() {
            return;
        }
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match assessment.store.delete_plan_priority(id) {
            Ok(()) => self.refresh_plan(),
            Err(e) => self.notice = Some(Notice::problem(e.to_string())),
        }
    }

    /// Save the measurable form (a new measurable, possibly with a new action, or an edit).
    pub fn save_measurable_draft(&mut self) {
        if self.refuse_read_only() {
            return;
        }
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let Some(state) = assessment.plan.as_ref() else {
            return;
        };
        let Some(draft) = state.draft.clone() else {
            return;
        };
        let priority_id = state.selected().map_or(0, |p| p.id);
        let target = match draft.target.trim() {
            "" => None,
            text => {
                match crate::import::indicators::value::plain_number(text.trim_end_matches('%')) {
                    Some(v) => Some(v),
                    None => {
                        self.notice = Some(Notice::problem(format!(
                        "The target \"{text}\" is not a number (write 300, 12.5 or 30%); nothing was saved."
                    )));
                        return;
                    }
                }
            }
        };
        let baseline = match draft.baseline.trim() {
            "" => None,
            text => match crate::import::indicators::ReportingPeriod::parse(text) {
                Ok(p) => Some(p.label()),
                Err(e) => {
                    self.notice = Some(Notice::problem(format!(
                        "The baseline \"{text}\" {e}; nothing was saved."
                    )));
                    return;
                }
            },
        };
        let store = &mut assessment.store;
        let result = (|| {
            let action_id = if draft.id == 0 && draft.action_id == 0 {
                store.save_plan_action(
                    priority_id,
                    &PlanAction {
                        output: draft.new_output.clone(),
                        strand: draft.new_strand,
                        lead: draft.new_lead.clone(),
                        ..PlanAction::default()
                    },
                )?
            } else {
                draft.action_id
            };
            store.save_measurable(
                action_id,
                &Measurable {
                    id: draft.id,
                    name: draft.name.clone(),
                    series: draft.series.clone(),
                    baseline,
                    direction: draft.direction,
                    target,
                },
            )
        })();
        match result {
            Ok(_) => {
                self.refresh_plan();
            }
            Err(e) => {
                self.notice = Some(Notice::problem(format!(
                    "The measurable was not saved: {e}"
                )))
            }
        }
    }

    pub fn delete_measurable(&mut self, id: i64) {
        if self.refuse_read_only() {
            return;
        }
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match assessment.store.delete_measurable(id) {
            Ok(()) => self.refresh_plan(),
            Err(e) => self.notice = Some(Notice::problem(e.to_string())),
        }
    }
}
