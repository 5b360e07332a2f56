//! Linking an imported plan to what the file holds: each measurable's Series cell read as
//! a series (`theme:asb`, "Anti-social behaviour", "MARAC cases", an indicator's name), a
//! measurable with no Series cell linked when its own name names exactly one series, and
//! each priority tied to the priority matrix issue (or police theme) of the same name. A
//! Series cell that names nothing is a rejected row, not a guess.

use super::series_ref::{name_matches, SeriesRef};
use crate::analysis::theme::Theme;
use crate::import::action_plan::PlanTable;
use crate::import::indicators::RejectedCell;
use crate::import::partner::values::words;
use crate::store::priorities::PriorityIssue;

/// How the plan's measurables were linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct LinkCounts {
    /// By the Series column.
    pub by_series_column: usize,
    /// By the measurable's own name.
    pub by_name: usize,
    /// Not linked yet.
    pub unlinked: usize,
}

/// Link the plan's series and priorities; adds rejected rows and notes to `table`.
pub fn link_plan(
    table: &mut PlanTable,
    themes: &[Theme],
    indicators: &[String],
    issues: &[PriorityIssue],
) -> LinkCounts {
    let mut counts = LinkCounts::default();
    let mut refused: Vec<(usize, usize, usize)> = Vec::new();
    for pending in std::mem::take(&mut table.pending) {
        let (p, a, m) = pending.at;
        let Some(measurable) = table
            .plan
            .priorities
            .get_mut(p)
            .and_then(|x| x.actions.get_mut(a))
            .and_then(|x| x.measurables.get_mut(m))
        else {
            continue;
        };
        match pending.text.as_deref() {
            Some(text) => match SeriesRef::from_name(text, themes, indicators) {
                Ok(series) => {
                    measurable.series = Some(series.key());
                    counts.by_series_column += 1;
                }
                Err(e) => {
                    refused.push(pending.at);
                    table.rejected.push(RejectedCell {
                        place: pending.place.clone(),
                        column: Some("Series".into()),
                        reason: e.to_string(),
                        raw: measurable.name.clone(),
                    });
                }
            },
            None => match name_matches(&measurable.name, themes, indicators).as_slice() {
                [one] => {
                    measurable.series = Some(one.key());
                    counts.by_name += 1;
                }
                _ => counts.unlinked += 1,
            },
        }
    }
    // Remove refused measurables last-first, so earlier indices stay right.
    refused.sort_unstable();
    for (p, a, m) in refused.into_iter().rev() {
        if let Some(list) = table
            .plan
            .priorities
            .get_mut(p)
            .and_then(|x| x.actions.get_mut(a))
            .map(|x| &mut x.measurables)
        {
            if m < list.len() {
                list.remove(m);
            }
        }
    }
    for priority in &mut table.plan.priorities {
        let name = words(&priority.name);
        priority.theme_key = issues
            .iter()
            .find(|i| words(&i.name) == name)
            .and_then(|i| i.theme_key.clone())
            .or_else(|| {
                themes
                    .iter()
                    .find(|t| words(&t.label()) == name)
                    .map(Theme::key)
            });
    }
    if counts.by_name > 0 {
        table.notes.push(format!(
            "{} measurables were linked to a series because their name is the series' name; check them on the Plan page.",
            counts.by_name
        ));
    }
    if counts.unlinked > 0 {
        table.notes.push(format!(
            "{} measurables are not linked to a series yet (no Series column and no series of the same name); their status is \"no data\" until one is chosen on the Plan page.",
            counts.unlinked
        ));
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::grid::{Grid, RowPlace};

    #[test]
    fn series_cells_and_names_link_and_bad_cells_are_rejected() {
        let rows: Vec<Vec<&str>> = vec![
            vec!["Priority", "Output", "Measurable", "Series"],
            vec![
                "Anti-social behaviour",
                "Patrols",
                "Recorded ASB",
                "Anti-social behaviour",
            ],
            vec!["Anti-social behaviour", "Reviews", "MARAC cases", ""],
            vec![
                "Anti-social behaviour",
                "Fires",
                "Fires set",
                "indicator:Deliberate fires",
            ],
            vec![
                "Anti-social behaviour",
                "Other",
                "Youth work",
                "Fly-tipping",
            ],
            vec!["Anti-social behaviour", "Other", "Feeling safe", ""],
        ];
        let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        let grid = Grid::of_text("p.csv", &rows);
        let mut table = crate::import::action_plan::parse_plan_grid(&grid).unwrap();
        let counts = link_plan(&mut table, &Theme::all(&[]), &[], &[]);
        assert_eq!(
            counts,
            LinkCounts {
                by_series_column: 2,
                by_name: 1,
                unlinked: 1
            }
        );
        let series: Vec<Option<String>> = table.plan.priorities[0]
            .actions
            .iter()
            .flat_map(|a| a.measurables.iter().map(|m| m.series.clone()))
            .collect();
        assert_eq!(
            series,
            [
                Some("theme:asb".to_string()),
                Some("partner:marac.cases".to_string()),
                Some("indicator:Deliberate fires".to_string()),
                None
            ]
        );
        assert_eq!(table.rejected.len(), 1);
        assert_eq!(table.rejected[0].place, RowPlace::Line(5));
        assert_eq!(table.plan.priorities[0].theme_key.as_deref(), Some("asb"));
    }
}
