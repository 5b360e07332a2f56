//! A district partnership's assessment file made for roll-up tests: its plan's priorities
//! and its priority matrix's issues (with a score, so they rank). Shared by the CLI and
//! the window tests.

use csp_assessment::import::action_plan::{ActionPlan, Measurable, PlanAction, PlanPriority};
use csp_assessment::store::action_plan::PlanSource;
use csp_assessment::store::priorities::PriorityIssue;
use csp_assessment::store::Store;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// `<dir>/<name>.assessment` with these plan priorities (name, theme key) and matrix
/// issues (name, theme key, physical-harm score).
pub fn partnership_file(
    dir: &Path,
    name: &str,
    plan: &[(&str, Option<&str>)],
    matrix: &[(&str, Option<&str>, u8)],
) -> PathBuf {
    let path = dir.join(format!("{name}.assessment"));
    let mut store = Store::open_or_create(&path).unwrap();
    if !plan.is_empty() {
        let plan = ActionPlan {
            priorities: plan
                .iter()
                .map(|(n, k)| PlanPriority {
                    name: n.to_string(),
                    theme_key: k.map(str::to_string),
                    actions: vec![PlanAction {
                        output: "Work".into(),
                        measurables: vec![Measurable {
                            name: "Something".into(),
                            ..Measurable::default()
                        }],
                        ..PlanAction::default()
                    }],
                    ..PlanPriority::default()
                })
                .collect(),
        };
        store
            .replace_action_plan(&plan, &PlanSource::default())
            .unwrap();
    }
    for (n, k, score) in matrix {
        store
            .save_priority_issue(&PriorityIssue {
                name: n.to_string(),
                theme_key: k.map(str::to_string),
                scores: BTreeMap::from([("physical_harm".to_string(), *score)]),
                ..PriorityIssue::default()
            })
            .unwrap();
    }
    path
}
