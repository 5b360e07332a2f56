//! The partnership plan as data — priorities → actions by 4P strand (Pursue, Prevent,
//! Protect, Prepare) with output, outcome and lead agency → measurables — and reading an
//! existing plan from the table partnerships keep it in (CSV or a workbook sheet with
//! columns like Ref, Priority, Strand, Output, Outcome, Measurable, Lead).
//!
//! Pure: no files opened, nothing stored; what a series name means is decided in
//! `analysis::action_plan`.

pub mod columns;
pub mod table;

pub use table::{parse_plan_grid, PendingSeries, PlanTable};

use crate::import::grid::read_grid_file;
use crate::import::ImportError;
use serde::Serialize;
use std::path::Path;

/// A plan file read: its fingerprint and every sheet that holds a plan, merged in order.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanFile {
    pub file_name: String,
    pub sha256: String,
    pub table: PlanTable,
}

/// Read an action plan from a CSV file or a workbook (every sheet whose header is a
/// plan's; a priority on several sheets is one priority).
pub fn read_plan_file(path: &Path) -> Result<PlanFile, ImportError> {
    let file = read_grid_file(path)?;
    let mut merged = PlanTable::default();
    let mut refused = Vec::new();
    for grid in &file.grids {
        match parse_plan_grid(grid) {
            Ok(table) => merge(&mut merged, table),
            Err(e) => refused.push(e.to_string()),
        }
    }
    if merged.plan.is_empty() && merged.rejected.is_empty() {
        return Err(ImportError::BadFile {
            file: file.file_name,
            reason: refused.first().cloned().unwrap_or_else(|| {
                "no action plan was found in it (columns such as Priority, Output and Measurable)".into()
            }),
        });
    }
    // How the file was read (a CSV's dialect, title rows passed over) comes first.
    merged.notes.splice(0..0, file.notes);
    Ok(PlanFile {
        file_name: file.file_name,
        sha256: file.sha256,
        table: merged,
    })
}

/// Add a sheet's plan to the plan so far; a priority already there gains its actions.
fn merge(into: &mut PlanTable, table: PlanTable) {
    use crate::import::partner::values::words;
    for (p, priority) in table.plan.priorities.into_iter().enumerate() {
        let target = match into
            .plan
            .priorities
            .iter()
            .position(|q| words(&q.name) == words(&priority.name))
        {
            Some(i) => i,
            None => {
                into.plan.priorities.push(PlanPriority {
                    actions: Vec::new(),
                    ..priority.clone()
                });
                into.plan.priorities.len() - 1
            }
        };
        let offset = into.plan.priorities[target].actions.len();
        for pending in table.pending.iter().filter(|s| s.at.0 == p) {
            let mut moved = pending.clone();
            moved.at = (target, pending.at.1 + offset, pending.at.2);
            into.pending.push(moved);
        }
        into.plan.priorities[target]
            .actions
            .extend(priority.actions);
    }
    into.rejected.extend(table.rejected);
    into.notes.extend(table.notes);
}

/// The "4P" strand an action belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strand {
    Pursue,
    Prevent,
    Protect,
    Prepare,
    /// Not given.
    #[default]
    Unspecified,
}

impl Strand {
    pub const ALL: [Strand; 5] = [
        Strand::Pursue,
        Strand::Prevent,
        Strand::Protect,
        Strand::Prepare,
        Strand::Unspecified,
    ];

    /// Stored key: `pursue`, …, `''`.
    pub fn key(self) -> &'static str {
        match self {
            Strand::Pursue => "pursue",
            Strand::Prevent => "prevent",
            Strand::Protect => "protect",
            Strand::Prepare => "prepare",
            Strand::Unspecified => "",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Strand::Pursue => "Pursue",
            Strand::Prevent => "Prevent",
            Strand::Protect => "Protect",
            Strand::Prepare => "Prepare",
            Strand::Unspecified => "No strand",
        }
    }

    /// `Pursue`, `PREVENT`, `protect ` … ; blank is unspecified; anything else `None`.
    pub fn parse(text: &str) -> Option<Strand> {
        match text.trim().to_ascii_lowercase().as_str() {
            "" => Some(Strand::Unspecified),
            "pursue" => Some(Strand::Pursue),
            "prevent" => Some(Strand::Prevent),
            "protect" => Some(Strand::Protect),
            "prepare" => Some(Strand::Prepare),
            _ => None,
        }
    }
}

/// Which way the partnership wants a measurable to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    Reduce,
    Increase,
    Maintain,
}

impl Direction {
    pub const ALL: [Direction; 3] = [Direction::Reduce, Direction::Increase, Direction::Maintain];

    pub fn key(self) -> &'static str {
        match self {
            Direction::Reduce => "reduce",
            Direction::Increase => "increase",
            Direction::Maintain => "maintain",
        }
    }

    /// `reduce`/`decrease`/`down`, `increase`/`up`, `maintain`/`keep`/`sustain`.
    pub fn parse(text: &str) -> Option<Direction> {
        match text.trim().to_ascii_lowercase().as_str() {
            "reduce" | "reduction" | "decrease" | "down" | "lower" | "fewer" => {
                Some(Direction::Reduce)
            }
            "increase" | "up" | "raise" | "higher" | "more" | "improve" => {
                Some(Direction::Increase)
            }
            "maintain" | "keep" | "sustain" | "hold" | "same" => Some(Direction::Maintain),
            _ => None,
        }
    }
}

/// One measurable of an action.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Measurable {
    pub id: i64,
    pub name: String,
    /// `theme:asb`, `partner:domestic_abuse.repeat_victim_pct`, `indicator:Deliberate fires`;
    /// `None` until linked to a series.
    pub series: Option<String>,
    /// The baseline period's label (`2023/24`, `2023/24-Q4`, `2024-03`); `None` = the
    /// financial year before the one being reviewed.
    pub baseline: Option<String>,
    pub direction: Direction,
    pub target: Option<f64>,
}

/// One action of a priority.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PlanAction {
    pub id: i64,
    /// The plan's own reference (`SG5`), if it has one.
    pub reference: String,
    pub strand: Strand,
    pub output: String,
    pub outcome: String,
    /// The lead agency (`Kent Police`, `KFRS`, `Medway Council`).
    pub lead: String,
    pub measurables: Vec<Measurable>,
}

/// One priority of the plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PlanPriority {
    pub id: i64,
    pub name: String,
    /// The theme it is about (`stats` key), when it is one.
    pub theme_key: Option<String>,
    /// The priority lead.
    pub lead: String,
    pub actions: Vec<PlanAction>,
}

/// The whole plan, in the order it was written.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ActionPlan {
    pub priorities: Vec<PlanPriority>,
}

impl ActionPlan {
    pub fn is_empty(&self) -> bool {
        self.priorities.is_empty()
    }

    pub fn measurable_count(&self) -> usize {
        self.priorities
            .iter()
            .flat_map(|p| &p.actions)
            .map(|a| a.measurables.len())
            .sum()
    }
}
