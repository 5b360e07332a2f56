//! The Plan page's state as plain data: the plan reviewed as at the chosen month or
//! quarter (with each measurable's chart already worked out), the priority shown, the
//! lead-agency filter, what the edit forms hold, and the performance report's choices.
//! Built when the file opens, the plan changes or the review month changes — never per
//! frame.

use crate::analysis::action_plan::chart::{chart_lines, ChartLines};
use crate::analysis::action_plan::{
    AsAt, Direction, MeasurableReview, PlanReview, PriorityReview, Strand, PARTNER_FIGURES,
};
use crate::import::partner::values::words;
use crate::report::plan_data::PlanData;
use crate::store::action_plan::PlanSource;
use crate::store::{Store, StoreError};

/// A measurable being added or edited.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MeasurableDraft {
    /// 0 for a new measurable.
    pub id: i64,
    /// The action it belongs to; 0 = a new action described below.
    pub action_id: i64,
    pub name: String,
    pub series: Option<String>,
    pub baseline: String,
    pub direction: Direction,
    pub target: String,
    pub new_output: String,
    pub new_strand: Strand,
    pub new_lead: String,
}

/// One series the editor offers: stored key and label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesChoice {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanState {
    /// `None` when nothing in the file can be reviewed yet (no data and no plan).
    pub review: Option<PlanReview>,
    pub as_at: Option<AsAt>,
    /// Review months offered, newest first.
    pub as_at_choices: Vec<AsAt>,
    /// Index into the review's priorities.
    pub priority: usize,
    /// Show only measurables whose action (or priority) this agency leads.
    pub lead: Option<String>,
    pub leads: Vec<String>,
    /// Charts by priority, then measurable (as in the review).
    pub charts: Vec<Vec<Option<ChartLines>>>,
    /// Actions of each priority: (id, label) for the editor.
    pub actions: Vec<Vec<(i64, String)>>,
    pub series_choices: Vec<SeriesChoice>,
    /// Issues of the priority matrix not yet in the plan: (name, theme key).
    pub matrix_issues: Vec<(String, Option<String>)>,
    pub source: Option<PlanSource>,
    /// The partnership's name, for the report's title page.
    pub partnership: String,
    pub new_priority: String,
    pub new_priority_lead: String,
    /// The measurable form: adding (id 0) or editing one.
    pub draft: Option<MeasurableDraft>,
    pub report_folder: String,
    pub this_priority_only: bool,
    /// The last performance report written (files) or why it failed.
    pub report_outcome: Option<Result<Vec<String>, String>>,
    /// What the last plan import said.
    pub import_outcome: Vec<String>,
}

impl PlanState {
    /// The state for a file, reviewed as at `as_at` (or the latest month with data).
    pub fn load(store: &Store, as_at: Option<AsAt>) -> Result<PlanState, StoreError> {
        let data = PlanData::load(store)?;
        let latest = data.default_as_at();
        let as_at = as_at.or(latest);
        let review = as_at.map(|a| data.review(a));
        let charts = review
            .as_ref()
            .map(|r| {
                r.priorities
                    .iter()
                    .map(|p| p.measurables.iter().map(chart_lines).collect())
                    .collect()
            })
            .unwrap_or_default();
        let mut leads: Vec<String> = data
            .plan
            .priorities
            .iter()
            .flat_map(|p| {
                std::iter::once(p.lead.clone()).chain(p.actions.iter().map(|a| a.lead.clone()))
            })
            .filter(|l| !l.trim().is_empty())
            .collect();
        leads.sort_by_key(|l| l.to_lowercase());
        leads.dedup_by(|a, b| words(a) == words(b));
        let in_plan: Vec<String> = data
            .plan
            .priorities
            .iter()
            .map(|p| words(&p.name))
            .collect();
        let matrix_issues = store
            .priority_issues()?
            .into_iter()
            .filter(|i| !in_plan.contains(&words(&i.name)))
            .map(|i| (i.name, i.theme_key))
            .collect();
        let mut series_choices: Vec<SeriesChoice> = data
            .themes
            .iter()
            .map(|t| SeriesChoice {
                key: format!("theme:{}", t.key()),
                label: format!("Police: {}", t.label()),
            })
            .collect();
        series_choices.extend(PARTNER_FIGURES.iter().map(|f| SeriesChoice {
            key: format!("partner:{}", f.key),
            label: format!("Partner: {}", f.label),
        }));
        series_choices.extend(data.indicator_names().into_iter().map(|name| SeriesChoice {
            key: format!("indicator:{name}"),
            label: format!("Indicator: {name}"),
        }));
        Ok(PlanState {
            as_at_choices: latest.map(choices_from).unwrap_or_default(),
            charts,
            actions: data
                .plan
                .priorities
                .iter()
                .map(|p| {
                    p.actions
                        .iter()
                        .map(|a| (a.id, action_label(&a.reference, &a.output, a.strand)))
                        .collect()
                })
                .collect(),
            leads,
            review,
            as_at,
            priority: 0,
            lead: None,
            series_choices,
            matrix_issues,
            source: store.action_plan_source()?,
            partnership: data.partnership.clone(),
            new_priority: String::new(),
            new_priority_lead: String::new(),
            draft: None,
            report_folder: super::report_state::default_folder(store.path(), "performance"),
            this_priority_only: false,
            report_outcome: None,
            import_outcome: Vec::new(),
        })
    }

    /// Reload after a change, keeping the priority, filter, review month and choices.
    pub fn reload(store: &Store, previous: &PlanState) -> Result<PlanState, StoreError> {
        let mut state = PlanState::load(store, previous.as_at)?;
        let count = state.review.as_ref().map_or(0, |r| r.priorities.len());
        state.priority = previous.priority.min(count.saturating_sub(1));
        state.lead = previous.lead.clone();
        state.report_folder = previous.report_folder.clone();
        state.this_priority_only = previous.this_priority_only;
        state.report_outcome = previous.report_outcome.clone();
        Ok(state)
    }

    pub fn selected(&self) -> Option<&PriorityReview> {
        self.review.as_ref()?.priorities.get(self.priority)
    }

    /// The shown priority's measurables that pass the lead filter, with their charts.
    pub fn shown(&self) -> Vec<(&MeasurableReview, Option<&ChartLines>)> {
        let Some(priority) = self.selected() else {
            return Vec::new();
        };
        let charts = self.charts.get(self.priority);
        priority
            .measurables
            .iter()
            .enumerate()
            .filter(|(_, m)| match &self.lead {
                Some(lead) => {
                    words(&m.action.lead) == words(lead) || words(&priority.lead) == words(lead)
                }
                None => true,
            })
            .map(|(i, m)| (m, charts.and_then(|c| c.get(i)).and_then(Option::as_ref)))
            .collect()
    }

    /// The label of a series key, as the editor lists it.
    pub fn series_label(&self, key: Option<&str>) -> String {
        match key {
            Some(key) => self
                .series_choices
                .iter()
                .find(|c| c.key == key)
                .map_or_else(|| key.to_string(), |c| c.label.clone()),
            None => "Not linked".into(),
        }
    }
}

/// `SG5 — Awareness in the CCPT (Prevent)`.
pub fn action_label(reference: &str, output: &str, strand: Strand) -> String {
    let mut label = String::new();
    if !reference.is_empty() {
        label.push_str(reference);
        label.push_str(" — ");
    }
    label.push_str(if output.is_empty() {
        "(no output)"
    } else {
        output
    });
    if strand != Strand::Unspecified {
        label.push_str(&format!(" ({})", strand.label()));
    }
    label
}

/// The last eight quarters to the latest data, and the latest month when it ends none.
fn choices_from(latest: AsAt) -> Vec<AsAt> {
    let mut out = Vec::new();
    if !latest.is_quarter {
        out.push(latest);
    }
    let mut end = latest.end_month;
    while !matches!(end % 100, 3 | 6 | 9 | 12) {
        end = crate::analysis::action_plan::window::months_before(end, 1);
    }
    for _ in 0..8 {
        out.push(AsAt {
            end_month: end,
            is_quarter: true,
        });
        end = crate::analysis::action_plan::window::months_before(end, 3);
    }
    out
}
