//! The report as the analyst planned it, kept in the assessment file: which sections are
//! in, in what order, and the narrative written for each — so next year's file can start
//! from this year's words. What a section *contains* is the report layer's business.

use super::{Store, StoreError};
use rusqlite::params;

/// One section as stored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlannedSection {
    pub key: String,
    pub position: i64,
    pub included: bool,
    pub narrative: String,
}

impl Store {
    /// The stored sections in report order (empty until the analyst changes anything).
    pub fn planned_sections(&self) -> Result<Vec<PlannedSection>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT key, position, included, narrative FROM report_section ORDER BY position, key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PlannedSection {
                key: r.get(0)?,
                position: r.get(1)?,
                included: r.get(2)?,
                narrative: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Store the whole plan at once (order, inclusion and narrative of every section), in
    /// one transaction.
    pub fn save_planned_sections(&mut self, sections: &[PlannedSection]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM report_section", [])?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO report_section (key, position, included, narrative) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (position, s) in sections.iter().enumerate() {
                insert.execute(params![s.key, position as i64, s.included, s.narrative])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Copy the narrative of every section from another assessment file (e.g. last year's),
    /// for sections that have none yet here. Returns how many sections were filled.
    pub fn copy_narrative_from(&mut self, other: &Store) -> Result<usize, StoreError> {
        let theirs = other.planned_sections()?;
        let mut ours = self.planned_sections()?;
        let mut filled = 0;
        for section in theirs.iter().filter(|s| !s.narrative.trim().is_empty()) {
            match ours.iter_mut().find(|o| o.key == section.key) {
                Some(o) if o.narrative.trim().is_empty() => {
                    o.narrative = section.narrative.clone();
                    filled += 1;
                }
                Some(_) => {}
                None => {
                    ours.push(PlannedSection {
                        position: ours.len() as i64,
                        ..section.clone()
                    });
                    filled += 1;
                }
            }
        }
        self.save_planned_sections(&ours)?;
        Ok(filled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(key: &str, included: bool, narrative: &str) -> PlannedSection {
        PlannedSection {
            key: key.into(),
            included,
            narrative: narrative.into(),
            ..PlannedSection::default()
        }
    }

    #[test]
    fn the_plan_keeps_order_inclusion_and_words() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_or_create(&dir.path().join("r.assessment")).unwrap();
        store
            .save_planned_sections(&[
                section("asb", true, "ASB fell in the town centre."),
                section("overall_crime", false, ""),
            ])
            .unwrap();
        let plan = store.planned_sections().unwrap();
        let keys: Vec<(&str, i64, bool)> = plan
            .iter()
            .map(|s| (s.key.as_str(), s.position, s.included))
            .collect();
        assert_eq!(keys, vec![("asb", 0, true), ("overall_crime", 1, false)]);
        assert_eq!(plan[0].narrative, "ASB fell in the town centre.");
    }

    #[test]
    fn last_years_words_fill_only_empty_sections() {
        let dir = tempfile::tempdir().unwrap();
        let mut last = Store::open_or_create(&dir.path().join("last.assessment")).unwrap();
        last.save_planned_sections(&[
            section("overall_crime", true, "Crime rose by 6%."),
            section("asb", true, "Old ASB words."),
            section("priorities", true, "Three priorities."),
        ])
        .unwrap();
        let mut this = Store::open_or_create(&dir.path().join("this.assessment")).unwrap();
        this.save_planned_sections(&[
            section("asb", true, "New ASB words."),
            section("overall_crime", true, ""),
        ])
        .unwrap();
        assert_eq!(this.copy_narrative_from(&last).unwrap(), 2);
        let plan = this.planned_sections().unwrap();
        let words: Vec<(&str, &str)> = plan
            .iter()
            .map(|s| (s.key.as_str(), s.narrative.as_str()))
            .collect();
        assert_eq!(
            words,
            vec![
                ("asb", "New ASB words."),
                ("overall_crime", "Crime rose by 6%."),
                ("priorities", "Three priorities.")
            ]
        );
    }
}
