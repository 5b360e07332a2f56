//! Which sections a report can have (from what the file holds) and the analyst's plan for
//! them: stored order, inclusion and narrative first, with any new section placed where it
//! belongs in that order with its default inclusion. A stored section that no longer exists (a deleted theme group)
//! is kept, excluded, so its words are not lost.

use super::free_text::FREE_SECTIONS;
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
/// keys; partner sections follow dataset order), in the order a strategic assessment is
/// read: summary, introduction and methodology; the crime picture; the partner themes;
/// what the analyst writes; the priorities, recommendations and glossary. Groups, partner
/// and written sections are included by default (a written section is published only when
/// it has words), single crime types available but left out until chosen.
pub fn available_sections(themes: &[Theme], partner_sources: &[&str]) -> Vec<SectionChoice> {
    let mut out = vec![
        choice("executive_summary", "Executive summary", true),
        choice("introduction", "Introduction", true),
        choice("methodology", "Methodology and data limitations", true),
        choice("overall_crime", "Overall crime picture", true),
        choice("asb", "Anti-social behaviour", true),
        choice("crime_types", "Crime types: level and change", true),
    ];
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
    if !partner_sources.is_empty() {
        out.push(choice(
            "partner_overview",
            "Partner themes: level and change",
            true,
        ));
    }
    for layout in PartnerLayout::ALL {
        if partner_sources.contains(&layout.key()) {
            out.push(choice(layout.key(), section_of(layout).title, true));
        }
    }
    let (written_before, written_after) = FREE_SECTIONS.split_at(3);
    out.extend(
        written_before
            .iter()
            .map(|(key, title, _)| choice(key, title, true)),
    );
    out.push(choice("priorities", "Priorities", true));
    out.extend(
        written_after
            .iter()
            .map(|(key, title, _)| choice(key, title, true)),
    );
    out.push(choice("glossary", "Glossary", true));
    out
}

/// The stored plan in its order, then each section new to it (a new kind of section, a
/// new theme) placed after the section that precedes it on offer, so a file planned
/// before the executive summary existed gets it first, not last. A stored section the
/// file can no longer fill stays, left out, with its words.
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
    for (i, a) in available.iter().enumerate() {
        if plan.iter().any(|p| p.key == a.key) {
            continue;
        }
        let after = available[..i]
            .iter()
            .rev()
            .find_map(|before| plan.iter().position(|p| p.key == before.key));
        let at = after.map_or(0, |position| position + 1);
        plan.insert(
            at,
            PlanEntry {
                key: a.key.clone(),
                title: a.title.clone(),
                included: a.included_by_default,
                narrative: String::new(),
                available: true,
            },
        );
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_sections_take_their_place_in_the_stored_order_and_lost_ones_keep_their_words() {
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
                ("executive_summary", true, true),
                ("introduction", true, true),
                ("methodology", true, true),
                ("asb", true, true),
                ("crime_types", true, true),
                ("theme:group_acquisitive_crime", true, true),
                ("theme:burglary", false, true),
                ("hotspots", true, true),
                ("consultation", true, true),
                ("horizon_scanning", true, true),
                ("partnership_activity", true, true),
                ("priorities", true, true),
                ("recommendations", true, true),
                ("glossary", true, true),
                ("theme:group_old", false, false),
                ("overall_crime", false, true),
            ]
        );
        assert_eq!(plan[14].narrative, "Old");
    }
}
