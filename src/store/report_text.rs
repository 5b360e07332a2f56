//! The analyst's own words for the assessment document, kept in the assessment file by key
//! (the edited executive summary, public consultation, each horizon-scanning heading, …),
//! and copied from another file (last year's) on request. Which keys exist and what they
//! mean is the report layer's business; this module only keeps text.

use super::{Store, StoreError};
use rusqlite::params;
use std::collections::BTreeMap;

impl Store {
    /// Every stored text by key (blank texts are not stored).
    pub fn report_texts(&self) -> Result<BTreeMap<String, String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT key, body FROM report_text ORDER BY key")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Store one text; a blank one removes the key.
    pub fn save_report_text(&mut self, key: &str, body: &str) -> Result<(), StoreError> {
        self.save_report_texts(&BTreeMap::from([(key.to_string(), body.to_string())]))
    }

    /// Store several texts in one transaction (blank ones remove their key).
    pub fn save_report_texts(
        &mut self,
        texts: &BTreeMap<String, String>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for (key, body) in texts {
            if body.trim().is_empty() {
                tx.execute("DELETE FROM report_text WHERE key = ?1", [key])?;
            } else {
                tx.execute(
                    "INSERT INTO report_text (key, body) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET body = excluded.body",
                    params![key, body],
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Copy the texts of `keys` from another assessment file into this one where this one
    /// has none yet (what the analyst already wrote here is never overwritten). Returns
    /// the keys copied.
    pub fn copy_report_texts_from(
        &mut self,
        other: &Store,
        keys: &[&str],
    ) -> Result<Vec<String>, StoreError> {
        let theirs = other.report_texts()?;
        let ours = self.report_texts()?;
        let copied: BTreeMap<String, String> = keys
            .iter()
            .filter(|k| !ours.contains_key(**k))
            .filter_map(|k| theirs.get(*k).map(|body| (k.to_string(), body.clone())))
            .collect();
        self.save_report_texts(&copied)?;
        Ok(copied.into_keys().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_kept_removed_when_blank_and_copied_only_where_empty() {
        let dir = tempfile::tempdir().unwrap();
        let mut last = Store::open_or_create(&dir.path().join("last.assessment")).unwrap();
        last.save_report_text("consultation", "Residents worry about speeding.")
            .unwrap();
        last.save_report_text("recommendations", "Keep the night-time economy plan.")
            .unwrap();
        last.save_report_text("executive_summary", "Last year's numbers.")
            .unwrap();
        let path = dir.path().join("this.assessment");
        let mut this = Store::open_or_create(&path).unwrap();
        this.save_report_text("recommendations", "New words.")
            .unwrap();
        this.save_report_text("horizon_political", "  ").unwrap();
        let copied = this
            .copy_report_texts_from(&last, &["consultation", "recommendations"])
            .unwrap();
        assert_eq!(copied, vec!["consultation".to_string()]);
        drop(this);
        let this = Store::open_existing(&path).unwrap();
        let texts = this.report_texts().unwrap();
        assert_eq!(
            texts,
            BTreeMap::from([
                (
                    "consultation".to_string(),
                    "Residents worry about speeding.".to_string()
                ),
                ("recommendations".to_string(), "New words.".to_string()),
            ])
        );
    }
}
