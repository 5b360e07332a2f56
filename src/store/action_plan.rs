//! The partnership plan as kept in the assessment file: priorities → actions (4P strand,
//! output, outcome, lead agency) → measurables (series, baseline, direction, target).
//! Reading it whole, replacing it whole (an imported plan, in one transaction), and the
//! single edits the Plan page makes. What the series mean and how a measurable is judged
//! is `analysis::action_plan`; this module only keeps what the analyst entered.

use super::{Store, StoreError};
pub use crate::import::action_plan::{
    ActionPlan, Direction, Measurable, PlanAction, PlanPriority, Strand,
};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

fn optional_text(text: &str) -> Option<&str> {
    let text = text.trim();
    (!text.is_empty()).then_some(text)
}

impl Store {
    /// The plan, every priority with its actions and measurables in order.
    pub fn action_plan(&self) -> Result<ActionPlan, StoreError> {
        let mut priorities: Vec<PlanPriority> = self
            .conn
            .prepare("SELECT id, name, theme_key, lead FROM plan_priority ORDER BY position, id")?
            .query_map([], |r| {
                Ok(PlanPriority {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    theme_key: r.get(2)?,
                    lead: r.get(3)?,
                    actions: Vec::new(),
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut actions = self.conn.prepare(
            "SELECT id, reference, strand, output, outcome, lead FROM plan_action
             WHERE priority_id = ?1 ORDER BY position, id",
        )?;
        let mut measurables = self.conn.prepare(
            "SELECT id, name, series, baseline, direction, target FROM plan_measurable
             WHERE action_id = ?1 ORDER BY position, id",
        )?;
        for priority in &mut priorities {
            priority.actions = actions
                .query_map([priority.id], |r| {
                    Ok(PlanAction {
                        id: r.get(0)?,
                        reference: r.get(1)?,
                        strand: Strand::parse(&r.get::<_, String>(2)?).unwrap_or_default(),
                        output: r.get(3)?,
                        outcome: r.get(4)?,
                        lead: r.get(5)?,
                        measurables: Vec::new(),
                    })
                })?
                .collect::<Result<_, _>>()?;
            for action in &mut priority.actions {
                action.measurables = measurables
                    .query_map([action.id], |r| {
                        Ok(Measurable {
                            id: r.get(0)?,
                            name: r.get(1)?,
                            series: r.get(2)?,
                            baseline: r.get(3)?,
                            direction: Direction::parse(&r.get::<_, String>(4)?)
                                .unwrap_or_default(),
                            target: r.get(5)?,
                        })
                    })?
                    .collect::<Result<_, _>>()?;
            }
        }
        Ok(ActionPlan { priorities })
    }

    /// Replace the whole plan (an imported plan) in one transaction, noting where it came
    /// from; on any error the file keeps the plan it had.
    pub fn replace_action_plan(
        &mut self,
        plan: &ActionPlan,
        source: &PlanSource,
    ) -> Result<(), StoreError> {
        self.check_writable()?;
        let tx = self.conn.transaction()?;
        tx.execute_batch(
            "DELETE FROM plan_measurable; DELETE FROM plan_action; DELETE FROM plan_priority;",
        )?;
        for (p, priority) in plan.priorities.iter().enumerate() {
            tx.execute(
                "INSERT INTO plan_priority (name, theme_key, lead, position) VALUES (?1, ?2, ?3, ?4)",
                params![priority.name.trim(), priority.theme_key, priority.lead.trim(), p as i64],
            )?;
            let priority_id = tx.last_insert_rowid();
            for (a, action) in priority.actions.iter().enumerate() {
                insert_action(&tx, priority_id, action, a as i64)?;
                let action_id = tx.last_insert_rowid();
                for (m, measurable) in action.measurables.iter().enumerate() {
                    insert_measurable(&tx, action_id, measurable, m as i64)?;
                }
            }
        }
        for (key, value) in [
            ("action_plan_file", source.file.as_str()),
            ("action_plan_sha256", source.sha256.as_str()),
            ("action_plan_imported_at", source.imported_at.as_str()),
        ] {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Where the plan was last imported from, if it was.
    pub fn action_plan_source(&self) -> Result<Option<PlanSource>, StoreError> {
        let get = |key: &str| -> Result<Option<String>, StoreError> {
            Ok(self
                .conn
                .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                .optional()?)
        };
        Ok(match get("action_plan_file")? {
            Some(file) => Some(PlanSource {
                file,
                sha256: get("action_plan_sha256")?.unwrap_or_default(),
                imported_at: get("action_plan_imported_at")?.unwrap_or_default(),
            }),
            None => None,
        })
    }

    /// Add a priority at the end (id 0) or rename one; returns its id.
    pub fn save_plan_priority(&mut self, priority: &PlanPriority) -> Result<i64, StoreError> {
        let name = optional_text(&priority.name)
            .ok_or_else(|| StoreError::Invalid("a priority needs a name".into()))?;
        if priority.id == 0 {
            self.conn.execute(
                "INSERT INTO plan_priority (name, theme_key, lead, position)
                 VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM plan_priority))",
                params![name, priority.theme_key, priority.lead.trim()],
            )?;
            return Ok(self.conn.last_insert_rowid());
        }
        let changed = self.conn.execute(
            "UPDATE plan_priority SET name = ?2, theme_key = ?3, lead = ?4 WHERE id = ?1",
            params![priority.id, name, priority.theme_key, priority.lead.trim()],
        )?;
        if changed == 0 {
            return Err(StoreError::Invalid(format!(
                "priority {} is no longer in the plan",
                priority.id
            )));
        }
        Ok(priority.id)
    }

    /// Remove a priority with its actions and measurables.
    pub fn delete_plan_priority(&mut self, id: i64) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM plan_priority WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Add an action to a priority (id 0) or update one; measurables are saved on their
    /// own. Returns its id.
    pub fn save_plan_action(
        &mut self,
        priority_id: i64,
        action: &PlanAction,
    ) -> Result<i64, StoreError> {
        if action.id == 0 {
            let position: i64 = self.conn.query_row(
                "SELECT coalesce(max(position), 0) + 1 FROM plan_action WHERE priority_id = ?1",
                [priority_id],
                |r| r.get(0),
            )?;
            insert_action(&self.conn, priority_id, action, position).map_err(|e| match e {
                StoreError::Sqlite(_) => {
                    StoreError::Invalid(format!("priority {priority_id} is no longer in the plan"))
                }
                other => other,
            })?;
            return Ok(self.conn.last_insert_rowid());
        }
        let changed = self.conn.execute(
            "UPDATE plan_action SET reference = ?2, strand = ?3, output = ?4, outcome = ?5,
             lead = ?6 WHERE id = ?1",
            params![
                action.id,
                action.reference.trim(),
                action.strand.key(),
                action.output.trim(),
                action.outcome.trim(),
                action.lead.trim()
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::Invalid(format!(
                "action {} is no longer in the plan",
                action.id
            )));
        }
        Ok(action.id)
    }

    pub fn delete_plan_action(&mut self, id: i64) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM plan_action WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Add a measurable to an action (id 0) or update one; returns its id.
    pub fn save_measurable(
        &mut self,
        action_id: i64,
        measurable: &Measurable,
    ) -> Result<i64, StoreError> {
        if optional_text(&measurable.name).is_none() {
            return Err(StoreError::Invalid("a measurable needs a name".into()));
        }
        if measurable.target.is_some_and(|t| !t.is_finite()) {
            return Err(StoreError::Invalid("a target must be a number".into()));
        }
        if measurable.id == 0 {
            let position: i64 = self.conn.query_row(
                "SELECT coalesce(max(position), 0) + 1 FROM plan_measurable WHERE action_id = ?1",
                [action_id],
                |r| r.get(0),
            )?;
            insert_measurable(&self.conn, action_id, measurable, position)?;
            return Ok(self.conn.last_insert_rowid());
        }
        let changed = self.conn.execute(
            "UPDATE plan_measurable SET name = ?2, series = ?3, baseline = ?4, direction = ?5,
             target = ?6 WHERE id = ?1",
            params![
                measurable.id,
                measurable.name.trim(),
                measurable.series.as_deref().and_then(optional_text),
                measurable.baseline.as_deref().and_then(optional_text),
                measurable.direction.key(),
                measurable.target
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::Invalid(format!(
                "measurable {} is no longer in the plan",
                measurable.id
            )));
        }
        Ok(measurable.id)
    }

    pub fn delete_measurable(&mut self, id: i64) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM plan_measurable WHERE id = ?1", [id])?;
        Ok(())
    }
}

/// The file a plan was imported from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct PlanSource {
    pub file: String,
    pub sha256: String,
    /// UTC, RFC 3339.
    pub imported_at: String,
}

fn insert_action(
    conn: &rusqlite::Connection,
    priority_id: i64,
    action: &PlanAction,
    position: i64,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO plan_action (priority_id, reference, strand, output, outcome, lead, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            priority_id,
            action.reference.trim(),
            action.strand.key(),
            action.output.trim(),
            action.outcome.trim(),
            action.lead.trim(),
            position
        ],
    )?;
    Ok(())
}

fn insert_measurable(
    conn: &rusqlite::Connection,
    action_id: i64,
    measurable: &Measurable,
    position: i64,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO plan_measurable (action_id, name, series, baseline, direction, target, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            action_id,
            measurable.name.trim(),
            measurable.series.as_deref().and_then(optional_text),
            measurable.baseline.as_deref().and_then(optional_text),
            measurable.direction.key(),
            measurable.target,
            position
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;
