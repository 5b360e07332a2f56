//! The priority matrix as stored in the assessment file: the issues with their scores,
//! confidence grade and notes, and the criterion weights. Scoring and ranking are in
//! `analysis::priority`; this module only keeps what the analyst entered.

use super::{Store, StoreError};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How good the evidence behind an issue's scores is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Confidence {
    /// Good data, recent and complete.
    A,
    /// Some gaps or partner data missing.
    #[default]
    B,
    /// Little data; scores rest on professional judgement.
    C,
}

impl Confidence {
    pub fn letter(self) -> &'static str {
        match self {
            Confidence::A => "A",
            Confidence::B => "B",
            Confidence::C => "C",
        }
    }

    pub fn from_letter(text: &str) -> Option<Confidence> {
        match text.trim() {
            "A" | "a" => Some(Confidence::A),
            "B" | "b" => Some(Confidence::B),
            "C" | "c" => Some(Confidence::C),
            _ => None,
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Confidence::A => "good data",
            Confidence::B => "some gaps in the data",
            Confidence::C => "mostly professional judgement",
        }
    }
}

/// An issue on the matrix.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PriorityIssue {
    pub id: i64,
    pub name: String,
    /// The theme it is about (`stats` key), when it is one.
    pub theme_key: Option<String>,
    /// Score by criterion key; a missing criterion counts 0.
    pub scores: BTreeMap<String, u8>,
    pub confidence: Confidence,
    pub notes: String,
    /// The partnership chose it as a priority for the coming year.
    pub chosen: bool,
    /// Who leads the work on it (an officer, a team or an agency).
    pub lead: String,
    /// Why it is a priority and what will be done, for the assessment document.
    pub narrative: String,
}

impl Store {
    /// The issues in the order the analyst listed them.
    pub fn priority_issues(&self) -> Result<Vec<PriorityIssue>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, theme_key, scores, confidence, notes, chosen, lead, narrative
             FROM priority_issue ORDER BY position, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, bool>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, String>(8)?,
            ))
        })?;
        let mut issues = Vec::new();
        for row in rows {
            let (id, name, theme_key, scores, confidence, notes, chosen, lead, narrative) = row?;
            let scores: BTreeMap<String, u8> = serde_json::from_str(&scores).map_err(|e| {
                StoreError::Corrupt(format!(
                    "the scores of priority \"{name}\" are unreadable: {e}"
                ))
            })?;
            issues.push(PriorityIssue {
                id,
                name,
                theme_key,
                scores,
                confidence: Confidence::from_letter(&confidence).unwrap_or_default(),
                notes,
                chosen,
                lead,
                narrative,
            });
        }
        Ok(issues)
    }

    /// Add an issue (id 0) or update one; returns its id.
    pub fn save_priority_issue(&mut self, issue: &PriorityIssue) -> Result<i64, StoreError> {
        let name = issue.name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("a priority issue needs a name".into()));
        }
        let scores = serde_json::to_string(&issue.scores)
            .map_err(|e| StoreError::Invalid(format!("scores could not be saved: {e}")))?;
        let fields = params![
            name,
            issue.theme_key,
            scores,
            issue.confidence.letter(),
            issue.notes,
            issue.chosen,
            issue.lead,
            issue.narrative
        ];
        if issue.id == 0 {
            self.conn.execute(
                "INSERT INTO priority_issue
                 (name, theme_key, scores, confidence, notes, chosen, lead, narrative, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,
                         (SELECT coalesce(max(position), 0) + 1 FROM priority_issue))",
                fields,
            )?;
            return Ok(self.conn.last_insert_rowid());
        }
        let changed = self.conn.execute(
            "UPDATE priority_issue SET name = ?1, theme_key = ?2, scores = ?3, confidence = ?4,
             notes = ?5, chosen = ?6, lead = ?7, narrative = ?8 WHERE id = ?9",
            [fields, params![issue.id]].concat().as_slice(),
        )?;
        if changed == 0 {
            return Err(StoreError::Invalid(format!(
                "priority issue {} no longer exists",
                issue.id
            )));
        }
        Ok(issue.id)
    }

    pub fn delete_priority_issue(&mut self, id: i64) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM priority_issue WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Weights the analyst changed, by criterion key (others take their default).
    pub fn priority_weights(&self) -> Result<BTreeMap<String, f64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT criterion, weight FROM priority_weight")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn save_priority_weight(&mut self, criterion: &str, weight: f64) -> Result<(), StoreError> {
        if !weight.is_finite() || weight < 0.0 {
            return Err(StoreError::Invalid(format!(
                "a weight must be zero or more (got {weight})"
            )));
        }
        self.conn.execute(
            "INSERT INTO priority_weight (criterion, weight) VALUES (?1, ?2)
             ON CONFLICT (criterion) DO UPDATE SET weight = excluded.weight",
            params![criterion, weight],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_and_weights_survive_reopening_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.assessment");
        let mut store = Store::open_or_create(&path).unwrap();
        let mut issue = PriorityIssue {
            name: "Domestic abuse".into(),
            theme_key: Some("domestic_abuse".into()),
            scores: BTreeMap::from([("physical_harm".to_string(), 4)]),
            confidence: Confidence::A,
            ..PriorityIssue::default()
        };
        issue.id = store.save_priority_issue(&issue).unwrap();
        let second = PriorityIssue {
            name: "County lines".into(),
            ..PriorityIssue::default()
        };
        store.save_priority_issue(&second).unwrap();
        issue.scores.insert("trend".into(), 3);
        issue.chosen = true;
        issue.lead = "Community Safety Manager".into();
        issue.narrative = "Repeat victims are rising.".into();
        store.save_priority_issue(&issue).unwrap();
        store.save_priority_weight("physical_harm", 2.0).unwrap();
        assert!(store.save_priority_weight("scope", -1.0).is_err());
        assert!(store
            .save_priority_issue(&PriorityIssue::default())
            .is_err());
        drop(store);
        let store = Store::open_existing(&path).unwrap();
        let issues = store.priority_issues().unwrap();
        assert_eq!(issues.len(), 2);
        assert_eq!(issues[0], issue);
        assert_eq!(issues[1].name, "County lines");
        assert_eq!(
            store.priority_weights().unwrap().get("physical_harm"),
            Some(&2.0)
        );
    }
}
