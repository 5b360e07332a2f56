//! An existing action plan from its table: one row per action (or per measurable), with
//! the columns partnerships use — `Ref, Priority, Strand, Output, Outcome, Measurable,
//! Lead`, and optionally `Series`, `Baseline`, `Direction`, `Target`, `Priority lead`.
//!
//! Tables copied from Word or a merged-cell sheet leave repeated cells blank: a blank
//! Priority or Strand continues the row above, and a row with no Ref and no Output adds
//! its measurables to the action above. A Measurable cell listing several bullets or
//! lines becomes several measurables. Every row that cannot be used is rejected with its
//! place, column and reason; nothing is guessed silently (a direction not stated is set to
//! "maintain" and listed in the notes).

use super::columns::{is_plan_header, measurable_items, stated_direction, Column, Columns};
use super::{ActionPlan, Direction, Measurable, PlanAction, PlanPriority, Strand};
use crate::import::grid::{find_header, Grid, GridCell, RowPlace};
use crate::import::indicators::value::plain_number;
use crate::import::indicators::{RejectedCell, ReportingPeriod};
use crate::import::partner::values::words;

/// A plan read from a table, before its series names are linked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanTable {
    pub plan: ActionPlan,
    pub rejected: Vec<RejectedCell>,
    pub notes: Vec<String>,
    /// What each measurable's Series cell said (or `None`), to be linked.
    pub pending: Vec<PendingSeries>,
}

/// A measurable's series as written, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingSeries {
    /// Indices into the plan: priority, action, measurable.
    pub at: (usize, usize, usize),
    pub text: Option<String>,
    pub place: RowPlace,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}: not an action plan — expected columns such as Ref, Priority, Strand, Output, Outcome, Measurable and Lead (Measurable, and Priority or Output, at least)")]
pub struct NotAPlan {
    pub name: String,
}

/// Read one grid as an action plan.
pub fn parse_plan_grid(grid: &Grid) -> Result<PlanTable, NotAPlan> {
    let header_row = find_header(grid, is_plan_header).ok_or_else(|| NotAPlan {
        name: grid.name.clone(),
    })?;
    let header: Vec<String> = grid
        .rows
        .get(header_row)
        .map(|(_, cells)| cells.iter().map(GridCell::text).collect())
        .unwrap_or_default();
    let columns = Columns::of(&header);
    let mut reader = PlanReader {
        table: PlanTable::default(),
        header,
        columns,
        undirected: Vec::new(),
    };
    for (place, cells) in grid.rows.get(header_row + 1..).unwrap_or_default() {
        if cells.iter().all(GridCell::is_empty) {
            continue;
        }
        if let Err((column, reason)) = reader.row(place, cells) {
            reader.table.rejected.push(RejectedCell {
                place: place.clone(),
                column,
                reason,
                raw: cells
                    .iter()
                    .map(GridCell::text)
                    .collect::<Vec<_>>()
                    .join(","),
            });
        }
    }
    let mut table = reader.table;
    if !reader.undirected.is_empty() {
        table.notes.push(format!(
            "{} measurables do not say whether they should go up or down, so they were set to \"maintain\" (change them on the Plan page): {}.",
            reader.undirected.len(),
            reader.undirected.join("; ")
        ));
    }
    Ok(table)
}

struct PlanReader {
    table: PlanTable,
    header: Vec<String>,
    columns: Columns,
    undirected: Vec<String>,
}

type RowError = (Option<String>, String);

impl PlanReader {
    fn text(&self, cells: &[GridCell], column: Column) -> String {
        self.columns
            .get(column)
            .and_then(|i| cells.get(i))
            .map(GridCell::text)
            .unwrap_or_default()
    }

    fn name(&self, column: Column) -> Option<String> {
        self.columns
            .get(column)
            .and_then(|i| self.header.get(i))
            .cloned()
    }

    fn row(&mut self, place: &RowPlace, cells: &[GridCell]) -> Result<(), RowError> {
        let priority_text = self.text(cells, Column::Priority);
        let reference = self.text(cells, Column::Reference);
        let output = self.text(cells, Column::Output);
        let strand_text = self.text(cells, Column::Strand);
        let strand = Strand::parse(&strand_text).ok_or_else(|| {
            (
                self.name(Column::Strand),
                format!(
                    "\"{strand_text}\" is not a 4P strand (Pursue, Prevent, Protect or Prepare)"
                ),
            )
        })?;
        let baseline = self.baseline(cells)?;
        let direction_text = self.text(cells, Column::Direction);
        let direction = match direction_text.as_str() {
            "" => None,
            text => Some(Direction::parse(text).ok_or_else(|| {
                (
                    self.name(Column::Direction),
                    format!("\"{text}\" is not a direction (reduce, increase or maintain)"),
                )
            })?),
        };
        let target = self.target(cells)?;
        let items = measurable_items(&self.text(cells, Column::Measurable));
        let series_lines: Vec<String> = self
            .text(cells, Column::Series)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        if !series_lines.is_empty() && series_lines.len() != items.len() && items.len() != 1 {
            return Err((
                self.name(Column::Series),
                format!(
                    "names {} series for {} measurables; put each measurable on its own row, or one series per line",
                    series_lines.len(),
                    items.len()
                ),
            ));
        }
        // Which priority: this row's, or the one above.
        let priority_index = if priority_text.is_empty() {
            self.table
                .plan
                .priorities
                .len()
                .checked_sub(1)
                .ok_or_else(|| {
                    (
                        self.name(Column::Priority),
                        "is blank and no row above names a priority".to_string(),
                    )
                })?
        } else {
            let lead = self.text(cells, Column::PriorityLead);
            self.priority(&priority_text, &lead)
        };
        let outcome = self.text(cells, Column::Outcome);
        let lead = self.text(cells, Column::Lead);
        let priority = &mut self.table.plan.priorities[priority_index];
        let continues = reference.is_empty() && output.is_empty() && !priority.actions.is_empty();
        if !continues {
            let strand = if strand_text.is_empty() {
                priority
                    .actions
                    .last()
                    .map_or(Strand::Unspecified, |a| a.strand)
            } else {
                strand
            };
            priority.actions.push(PlanAction {
                reference,
                strand,
                output,
                outcome,
                lead,
                ..PlanAction::default()
            });
        }
        let priority = &mut self.table.plan.priorities[priority_index];
        let action_index = priority.actions.len() - 1;
        let action = &mut priority.actions[action_index];
        for (i, item) in items.iter().enumerate() {
            let stated = direction.or_else(|| stated_direction(item));
            if stated.is_none() {
                self.undirected.push(item.clone());
            }
            action.measurables.push(Measurable {
                name: item.clone(),
                baseline: baseline.clone(),
                direction: stated.unwrap_or(Direction::Maintain),
                target,
                ..Measurable::default()
            });
            self.table.pending.push(PendingSeries {
                at: (priority_index, action_index, action.measurables.len() - 1),
                text: series_lines
                    .get(i)
                    .or(if items.len() == 1 {
                        series_lines.first()
                    } else {
                        None
                    })
                    .cloned(),
                place: place.clone(),
            });
        }
        Ok(())
    }

    /// The index of the priority named `name`, added if new.
    fn priority(&mut self, name: &str, lead: &str) -> usize {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let priorities = &mut self.table.plan.priorities;
        match priorities
            .iter()
            .position(|p| words(&p.name) == words(&name))
        {
            Some(i) => {
                if priorities[i].lead.is_empty() {
                    priorities[i].lead = lead.to_string();
                }
                i
            }
            None => {
                priorities.push(PlanPriority {
                    name,
                    lead: lead.to_string(),
                    ..PlanPriority::default()
                });
                priorities.len() - 1
            }
        }
    }

    fn baseline(&self, cells: &[GridCell]) -> Result<Option<String>, RowError> {
        let cell = self
            .columns
            .get(Column::Baseline)
            .and_then(|i| cells.get(i))
            .cloned()
            .unwrap_or(GridCell::Empty);
        if cell.is_empty() {
            return Ok(None);
        }
        ReportingPeriod::parse(&cell.text())
            .map(|p| Some(p.label()))
            .map_err(|e| {
                (
                    self.name(Column::Baseline),
                    format!("\"{}\" {e}", cell.text()),
                )
            })
    }

    fn target(&self, cells: &[GridCell]) -> Result<Option<f64>, RowError> {
        let cell = self
            .columns
            .get(Column::Target)
            .and_then(|i| cells.get(i))
            .cloned()
            .unwrap_or(GridCell::Empty);
        if cell.is_empty() {
            return Ok(None);
        }
        let text = cell.text();
        let number = text.strip_suffix('%').unwrap_or(&text).trim_end();
        plain_number(number).map(Some).ok_or_else(|| {
            (
                self.name(Column::Target),
                format!("\"{text}\" is not a number (write 300, 12.5 or 30%)"),
            )
        })
    }
}

#[cfg(test)]
mod tests;
