//! The county view (seed 003, Appendix A): how many district partnerships chose each
//! issue as a priority, from each partnership's own choices. Issues are the same issue
//! when they name the same police theme, else when their names match once case,
//! punctuation, "&"/"and" and anything in brackets are set aside ("Substance Misuse
//! (including drugs & alcohol)" is "Substance misuse"). Each partnership's ranked list is
//! kept beside the counts.
//!
//! Pure: the partnerships' lists in, the table out.

use crate::import::partner::values::words;
use serde::Serialize;
use std::collections::BTreeMap;

/// An issue a partnership chose.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChosenIssue {
    pub name: String,
    pub theme_key: Option<String>,
}

/// An entry of a partnership's ranked list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedEntry {
    pub rank: usize,
    pub issue: String,
    /// The weighted priority-matrix score, when ranked by the matrix.
    pub score: Option<f64>,
}

/// One partnership's choices, from its assessment file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnershipChoices {
    pub file: String,
    pub partnership: String,
    /// Where the choices came from: `plan` (its partnership plan's priorities) or
    /// `priority_matrix` (the issues it scored, when it has no plan).
    pub basis: &'static str,
    pub chosen: Vec<ChosenIssue>,
    pub ranked: Vec<RankedEntry>,
}

/// One row of the county table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollupIssue {
    pub issue: String,
    pub partnerships: usize,
    pub names: Vec<String>,
    /// The theme key or normalised name the issue was matched by.
    pub matched_by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rollup {
    pub files: Vec<PartnershipChoices>,
    /// Most partnerships first.
    pub issues: Vec<RollupIssue>,
}

/// An issue's name with bracketed asides, case and punctuation set aside.
pub fn normalised_issue(name: &str) -> String {
    let mut kept = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    words(&kept)
}

fn key_of(issue: &ChosenIssue) -> String {
    match &issue.theme_key {
        Some(k) if !k.is_empty() => format!("theme:{k}"),
        _ => format!("name:{}", normalised_issue(&issue.name)),
    }
}

/// Count, for every issue, the partnerships that chose it.
pub fn roll_up(files: Vec<PartnershipChoices>) -> Rollup {
    struct Tally {
        names: Vec<String>,
        spellings: BTreeMap<String, usize>,
        first_seen: usize,
    }
    let mut by_key: BTreeMap<String, Tally> = BTreeMap::new();
    let mut order = 0;
    for file in &files {
        for issue in &file.chosen {
            let key = key_of(issue);
            if key == "name:" {
                continue;
            }
            let tally = by_key.entry(key).or_insert_with(|| {
                order += 1;
                Tally {
                    names: Vec::new(),
                    spellings: BTreeMap::new(),
                    first_seen: order,
                }
            });
            if !tally.names.contains(&file.partnership) {
                tally.names.push(file.partnership.clone());
            }
            let spelling = issue.name.split_whitespace().collect::<Vec<_>>().join(" ");
            *tally.spellings.entry(spelling).or_default() += 1;
        }
    }
    let mut issues: Vec<(usize, RollupIssue)> = by_key
        .into_iter()
        .map(|(key, t)| {
            // The spelling most partnerships used; on a tie the shortest (no bracketed
            // aside), then the first alphabetically.
            let issue = t
                .spellings
                .iter()
                .max_by(|a, b| {
                    a.1.cmp(b.1)
                        .then(b.0.len().cmp(&a.0.len()))
                        .then(b.0.cmp(a.0))
                })
                .map(|(s, _)| s.clone())
                .unwrap_or_default();
            (
                t.first_seen,
                RollupIssue {
                    issue,
                    partnerships: t.names.len(),
                    names: t.names,
                    matched_by: key,
                },
            )
        })
        .collect();
    issues.sort_by(|a, b| {
        b.1.partnerships
            .cmp(&a.1.partnerships)
            .then(a.1.issue.to_lowercase().cmp(&b.1.issue.to_lowercase()))
            .then(a.0.cmp(&b.0))
    });
    Rollup {
        files,
        issues: issues.into_iter().map(|(_, i)| i).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partnership(name: &str, chosen: &[(&str, Option<&str>)]) -> PartnershipChoices {
        PartnershipChoices {
            file: format!("{name}.assessment"),
            partnership: name.into(),
            basis: "plan",
            chosen: chosen
                .iter()
                .map(|(n, k)| ChosenIssue {
                    name: n.to_string(),
                    theme_key: k.map(str::to_string),
                })
                .collect(),
            ranked: Vec::new(),
        }
    }

    #[test]
    fn issues_match_by_theme_then_by_name_and_count_each_partnership_once() {
        let rollup = roll_up(vec![
            partnership(
                "Ashford",
                &[
                    ("Domestic Abuse", None),
                    ("ASB", Some("asb")),
                    ("Substance Misuse (including drugs & alcohol)", None),
                ],
            ),
            partnership(
                "Dover",
                &[
                    ("domestic abuse", None),
                    ("Anti-social behaviour", Some("asb")),
                    ("Domestic abuse", None),
                ],
            ),
            partnership(
                "Thanet",
                &[("Domestic  abuse", None), ("Road safety", None)],
            ),
        ]);
        let table: Vec<(String, usize)> = rollup
            .issues
            .iter()
            .map(|i| (i.issue.clone(), i.partnerships))
            .collect();
        assert_eq!(
            table,
            [
                ("Domestic abuse".to_string(), 3),
                ("ASB".to_string(), 2),
                ("Road safety".to_string(), 1),
                (
                    "Substance Misuse (including drugs & alcohol)".to_string(),
                    1
                ),
            ]
        );
        assert_eq!(rollup.issues[0].names, ["Ashford", "Dover", "Thanet"]);
        assert_eq!(
            normalised_issue("Serious & Organised Crime (gangs)"),
            "serious and organised crime"
        );
    }
}
