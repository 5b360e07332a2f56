//! The columns of an action plan's table as partnerships name them (Ref, Priority,
//! Strand, Output, Outcome, Measurable, Lead; Series, Baseline, Direction, Target), and
//! reading a Measurable cell: one measurable per line or bullet, and the direction its
//! own words state ("Reduction in…", "Increase in…").

use super::Direction;
use crate::import::indicators::columns::{role_of, Role};
use crate::import::partner::values::words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Reference,
    Priority,
    PriorityLead,
    Strand,
    Output,
    Outcome,
    Measurable,
    Lead,
    Series,
    Baseline,
    Direction,
    Target,
}

pub fn column_of(header: &str) -> Option<Column> {
    let column = match words(header).as_str() {
        "ref" | "reference" | "ref no" | "id" | "action ref" => Column::Reference,
        "priority" | "priority area" | "priority name" | "objective" => Column::Priority,
        "priority lead" | "priority owner" => Column::PriorityLead,
        "strand" | "4p" | "4 p" | "4ps" | "4 ps" | "pillar" | "4p strand" => Column::Strand,
        "output" | "outputs" | "action" | "actions" | "aim" | "activity" => Column::Output,
        "outcome" | "outcomes" | "desired outcome" => Column::Outcome,
        "measurable"
        | "measurables"
        | "measure"
        | "measures"
        | "key stats"
        | "performance measure"
        | "performance measures"
        | "how we will measure" => Column::Measurable,
        "lead" | "lead agency" | "lead partner" | "owner" | "responsible" | "agency" => {
            Column::Lead
        }
        "series" | "data series" | "linked series" | "data" | "indicator" => Column::Series,
        "baseline" | "baseline period" => Column::Baseline,
        "direction" => Column::Direction,
        "target" => Column::Target,
        _ => return None,
    };
    Some(column)
}

/// The columns found, by kind.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    found: Vec<(Column, usize)>,
}

impl Columns {
    pub fn of(header: &[String]) -> Columns {
        let mut found: Vec<(Column, usize)> = Vec::new();
        for (i, h) in header.iter().enumerate() {
            if let Some(c) = column_of(h) {
                if !found.iter().any(|(k, _)| *k == c) {
                    found.push((c, i));
                }
            }
        }
        Columns { found }
    }

    pub fn get(&self, column: Column) -> Option<usize> {
        self.found
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, i)| *i)
    }

    pub fn is_plan(&self) -> bool {
        self.get(Column::Measurable).is_some()
            && (self.get(Column::Priority).is_some() || self.get(Column::Output).is_some())
    }
}

/// Whether a header row is an action plan's (and not, say, an indicator table's).
pub fn is_plan_header(header: &[String]) -> bool {
    Columns::of(header).is_plan() && !header.iter().any(|h| role_of(h) == Some(Role::Value))
}

/// Split a Measurable cell into its items: one per line or bullet.
pub fn measurable_items(text: &str) -> Vec<String> {
    text.split(['\n', '•', '●', '▪'])
        .map(|item| {
            let item = item.trim();
            let item = item
                .strip_prefix("- ")
                .or_else(|| item.strip_prefix("* "))
                .unwrap_or(item);
            item.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .filter(|item| !item.is_empty())
        .collect()
}

/// The direction a measurable's own words state, if they do.
pub fn stated_direction(text: &str) -> Option<Direction> {
    let text = words(text);
    let has = |stems: &[&str]| {
        text.split(' ')
            .any(|w| stems.iter().any(|s| w.starts_with(s)))
    };
    if has(&["reduc", "decreas", "fewer", "lower", "cut"]) {
        Some(Direction::Reduce)
    } else if has(&["increas", "improv", "more", "higher", "raise", "grow"]) {
        Some(Direction::Increase)
    } else if has(&["maintain", "sustain"]) {
        Some(Direction::Maintain)
    } else {
        None
    }
}
