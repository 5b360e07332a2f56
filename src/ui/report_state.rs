//! The Report page's state as plain data: the section plan with the analyst's narrative,
//! the written sections (edited executive summary, consultation, horizon scanning, …),
//! the priority matrix (issues, weights, the ranking), what the document will leave out
//! and the drafted summary, the export choices and the last export's outcome. Loaded from the assessment file when it opens; edits change this
//! state and are written back by the app on a save action, never per frame.

use super::export_job::ExportOutcome;
use crate::analysis::priority::{rank_issues, PriorityIssue, RankedIssue};
use crate::analysis::theme::Theme;
use crate::report::content::plan_review::plan_review_choice;
use crate::report::content::{
    available_sections, effective_plan, partner_sources, Omission, PlanEntry, ReportContent,
};
use crate::report::disclosure::DEFAULT_THRESHOLD;
use crate::report::export::Formats;
use crate::store::report_plan::PlannedSection;
use crate::store::{Store, StoreError};
use std::collections::BTreeMap;
use std::path::Path;

/// What the report would be if exported now, in brief: refreshed when the page loads,
/// when the analyst saves and when the preview is built.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportOutline {
    /// The executive summary as drafted from the data.
    pub drafted_summary: String,
    /// What the document leaves out, and why.
    pub left_out: Vec<Omission>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportState {
    pub plan: Vec<PlanEntry>,
    /// The written sections by key (see `report::content::free_text`).
    pub texts: BTreeMap<String, String>,
    /// `None` until built, or when the file has no complete year to report.
    pub outline: Option<ReportOutline>,
    pub issues: Vec<PriorityIssue>,
    pub weights: BTreeMap<String, f64>,
    pub ranked: Vec<RankedIssue>,
    /// Index into `issues` of the issue being scored.
    pub editing: Option<usize>,
    pub new_issue: String,
    pub folder: String,
    pub formats: Formats,
    pub threshold: i64,
    pub outcome: Option<ExportOutcome>,
    /// The report as it would be exported now, built on request.
    pub preview: Option<ReportContent>,
}

impl ReportState {
    /// The plan and matrix of the file; exports go to a folder beside it by default.
    pub fn load(store: &Store, themes: &[Theme]) -> Result<ReportState, StoreError> {
        let issues = store.priority_issues()?;
        let weights = store.priority_weights()?;
        let folder = default_folder(store.path(), "export");
        let mut state = ReportState {
            plan: effective_plan(&store.planned_sections()?, &{
                let mut available =
                    available_sections(themes, &partner_sources(&store.partner_rows()?));
                available.extend(plan_review_choice(store)?);
                available
            }),
            texts: store.report_texts()?,
            outline: None,
            ranked: Vec::new(),
            issues,
            weights,
            editing: None,
            new_issue: String::new(),
            folder,
            formats: Formats::ALL,
            threshold: DEFAULT_THRESHOLD,
            outcome: None,
            preview: None,
        };
        state.rerank();
        Ok(state)
    }

    pub fn rerank(&mut self) {
        self.ranked = rank_issues(&self.issues, &self.weights);
    }

    /// The plan as stored (order = position).
    pub fn stored_plan(&self) -> Vec<PlannedSection> {
        self.plan.iter().map(PlanEntry::to_stored).collect()
    }

    /// Move section `index` past the next included section above or below it (sections
    /// left out keep their places).
    pub fn move_section(&mut self, index: usize, up: bool) {
        let shown = |e: &PlanEntry| e.included && e.available;
        let other = if up {
            (0..index)
                .rev()
                .find(|i| self.plan.get(*i).is_some_and(shown))
        } else {
            (index + 1..self.plan.len()).find(|i| self.plan.get(*i).is_some_and(shown))
        };
        if let Some(other) = other {
            if index < self.plan.len() {
                self.plan.swap(index, other);
            }
        }
    }
}

/// `<folder of the file>/<file name> <what>` (`export`, `performance`).
pub(super) fn default_folder(assessment: &Path, what: &str) -> String {
    let stem = assessment.file_stem().map_or_else(
        || "assessment".to_string(),
        |s| s.to_string_lossy().to_string(),
    );
    assessment
        .parent()
        .unwrap_or(Path::new("."))
        .join(format!("{stem} {what}"))
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_move_within_bounds() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_or_create(&dir.path().join("x.assessment")).unwrap();
        let mut state =
            ReportState::load(&store, &[Theme::AllCrime, Theme::AntiSocialBehaviour]).unwrap();
        let keys = |s: &ReportState| s.plan.iter().map(|p| p.key.clone()).collect::<Vec<_>>();
        let reading_order = [
            "executive_summary",
            "introduction",
            "methodology",
            "overall_crime",
            "asb",
            "crime_types",
            "hotspots",
            "consultation",
            "horizon_scanning",
            "partnership_activity",
            "priorities",
            "recommendations",
            "glossary",
        ];
        assert_eq!(keys(&state), reading_order);
        state.move_section(4, true);
        state.move_section(0, true);
        state.move_section(12, false);
        let mut moved = reading_order;
        moved.swap(3, 4);
        assert_eq!(keys(&state), moved);
        assert!(state.folder.ends_with("x export"));
    }
}
