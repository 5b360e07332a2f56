//! Which sections a report can have (from what the file holds) and the analyst's plan for
//! them: stored order, inclusion and narrative first, then any new section at the end with
//! its default inclusion. A stored section that no longer exists (a deleted theme group)
//! is kept, excluded, so its words are not lost.

use super::partner::section_of;
use crate::analysis::theme::Theme;
use crate::import::partner::PartnerLayout;
use crate::store::partner::PartnerRows;
use crate::store::report_plan::PlannedSection;

/// A section the report can include.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionChoice {
    pub key: String,
    pub title: String,
    pub included_by_default: bool,
}

/// A section as the report builder shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanEntry {
    pub key: String,
    pub title: String,
    pub included: bool,
    pub narrative: String,
    /// False for a stored section the file can no longer fill.
    pub available: bool,
}

impl PlanEntry {
    pub fn to_stored(&self) -> PlannedSection {
        PlannedSection {
            key: self.key.clone(),
            position: 0,
            included: self.included,
            narrative: self.narrative.clone(),
        }
    }
}

/// The partner sections the file can fill: the keys of the datasets it holds rows of.
pub fn partner_sources(rows: &PartnerRows) -> Vec<&'static str> {
    PartnerLayout::ALL
        .into_iter()
        .filter(|layout| rows.holds(*layout))
        .map(PartnerLayout::key)
        .collect()
}

fn choice(key: &str, title: &str, included: bool) -> SectionChoice {
    SectionChoice {
        key: key.into(),
        title: title.into(),
        included_by_default: included,
    }
}

/// The sections on offer for these themes and the partner sources the file holds (dataset
/// keys; partner sections follow dataset order); groups and partner sections are included
/// by default, single crime types available but left out until chosen.
pub fn available_sections(themes: &[Theme], partner_sources: &[&str]) -> Vec<SectionChoice> {
    let mut out = vec![
        choice("overall_crime", "Overall crime picture", true),
        choice("asb", "Anti-social behaviour", true),
    ];
    for layout in PartnerLayout::ALL {
        if partner_sources.contains(&layout.key()) {
            out.push(choice(layout.key(), section_of(layout).title, true));
        }
    }
    for theme in themes {
        match theme {
            Theme::AllCrime | Theme::AntiSocialBehaviour => {}
            Theme::Group { .. } => out.push(choice(
                &format!("theme:{}", theme.key()),
                &theme.label(),
                true,
            )),
            Theme::CrimeType(_) => out.push(choice(
                &format!("theme:{}", theme.key()),
                &theme.label(),
                false,
            )),
        }
    }
    out.push(choice(
        "hotspots",
        "Where: hotspot wards and neighbourhoods",
        true,
    ));
    out.push(choice("priorities", "Priorities", true));
    out
}

pub fn effective_plan(stored: &[PlannedSection], available: &[SectionChoice]) -> Vec<PlanEntry> {
    let mut plan: Vec<PlanEntry> = stored
        .iter()
        .map(|s| {
            let found = available.iter().find(|a| a.key == s.key);
            PlanEntry {
                key: s.key.clone(),
                title: found.map_or_else(|| s.key.clone(), |a| a.title.clone()),
                included: s.included && found.is_some(),
                narrative: s.narrative.clone(),
                available: found.is_some(),
            }
        })
        .collect();
    for a in available {
        if !plan.iter().any(|p| p.key == a.key) {
            plan.push(PlanEntry {
                key: a.key.clone(),
                title: a.title.clone(),
                included: a.included_by_default,
                narrative: String::new(),
                available: true,
            });
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_order_comes_first_new_sections_follow_and_lost_ones_keep_their_words() {
        let themes = vec![
            Theme::AllCrime,
            Theme::AntiSocialBehaviour,
            Theme::Group {
                name: "Acquisitive crime".into(),
                crime_types: vec![3, 4],
            },
            Theme::CrimeType(3),
        ];
        let available = available_sections(&themes, &[]);
        let stored = vec![
            PlannedSection {
                key: "asb".into(),
                position: 0,
                included: true,
                narrative: "ASB words".into(),
            },
            PlannedSection {
                key: "theme:group_old".into(),
                position: 1,
                included: true,
                narrative: "Old".into(),
            },
            PlannedSection {
                key: "overall_crime".into(),
                position: 2,
                included: false,
                narrative: String::new(),
            },
        ];
        let plan = effective_plan(&stored, &available);
        let keys: Vec<(&str, bool, bool)> = plan
            .iter()
            .map(|p| (p.key.as_str(), p.included, p.available))
            .collect();
        assert_eq!(
            keys,
            vec![
                ("asb", true, true),
                ("theme:group_old", false, false),
                ("overall_crime", false, true),
                ("theme:group_acquisitive_crime", true, true),
                ("theme:burglary", false, true),
                ("hotspots", true, true),
                ("priorities", true, true),
            ]
        );
        assert_eq!(plan[1].narrative, "Old");
    }
}
