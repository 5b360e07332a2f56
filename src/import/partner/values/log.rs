//! The normalisation log: how many cells of each coded field were read as which
//! value, for the "what was mapped to what" table the analyst checks before importing.

use super::super::layout::FieldKey;
use std::collections::BTreeMap;

/// One line of the "what was mapped to what" table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub field: FieldKey,
    /// The cell as written (trimmed); empty for a blank cell.
    pub raw: String,
    pub normalised: String,
    pub count: usize,
}

/// Counts of each (field, raw value → normalised value) pair seen, for the table the
/// analyst checks before importing. Only coded fields are logged, not free text or dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NormalisationLog {
    counts: BTreeMap<(FieldKey, String, String), usize>,
}

impl NormalisationLog {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn record(&mut self, field: FieldKey, raw: &str, normalised: &str) {
        let key = (field, raw.trim().to_string(), normalised.to_string());
        *self.counts.entry(key).or_insert(0) += 1;
    }

    /// Every pair seen, by field (layout order), then raw value.
    pub fn entries(&self) -> Vec<LogEntry> {
        self.counts
            .iter()
            .map(|((field, raw, normalised), count)| LogEntry {
                field: *field,
                raw: raw.clone(),
                normalised: normalised.clone(),
                count: *count,
            })
            .collect()
    }

    /// How many cells of a field were read as `normalised`.
    pub fn total_for(&self, field: FieldKey, normalised: &str) -> usize {
        self.counts
            .iter()
            .filter(|((f, _, n), _)| *f == field && n == normalised)
            .map(|(_, c)| c)
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    pub fn merge(&mut self, other: &NormalisationLog) {
        for (key, count) in &other.counts {
            *self.counts.entry(key.clone()).or_insert(0) += count;
        }
    }
}
