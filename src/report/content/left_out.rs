//! What the document will leave out, and why, said before export: the report never prints
//! a placeholder, so a section, row or column the file cannot fill is simply absent, and
//! this list (shown on the Report page and printed by `export`) tells the analyst what is
//! missing and what would bring it in. A pure function of what the file holds.

use super::free_text::{has_content, DATA_CAVEATS, FREE_SECTIONS};
use super::partner::section_of;
use super::plan::PlanEntry;
use crate::analysis::financial_year::FinancialYear;
use crate::import::partner::PartnerLayout;
use std::collections::BTreeMap;

/// What the file holds that decides what the document can show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Holdings {
    pub financial_year: Option<FinancialYear>,
    pub has_previous_year: bool,
    pub has_year_three_back: bool,
    pub has_population: bool,
    /// Wards in the area (0 without a ward lookup).
    pub wards: usize,
    pub has_ward_boundaries: bool,
    /// Partner sources held (dataset keys).
    pub partner_sources: Vec<&'static str>,
    pub has_female_16_plus: bool,
    pub issues_scored: usize,
    pub issues_chosen: usize,
    /// Chosen priorities with no narrative written.
    pub chosen_without_narrative: Vec<String>,
    pub texts: BTreeMap<String, String>,
    pub has_peer_standing: bool,
    pub plan: Vec<PlanEntry>,
}

/// One thing left out of the document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Omission {
    /// What is left out: "Rates per 1,000 residents".
    pub part: String,
    /// Why, and what would bring it in.
    pub reason: String,
}

impl std::fmt::Display for Omission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.part, self.reason)
    }
}

fn omission(part: impl Into<String>, reason: impl Into<String>) -> Omission {
    Omission {
        part: part.into(),
        reason: reason.into(),
    }
}

/// Everything the document will leave out, in reading order.
pub fn left_out(h: &Holdings) -> Vec<Omission> {
    let planned = |key: &str| {
        h.plan
            .iter()
            .any(|p| p.key == key && p.included && p.available)
    };
    let year = |back: u32| {
        h.financial_year.map_or_else(String::new, |fy| {
            FinancialYear(fy.0.saturating_sub(back)).label()
        })
    };
    let mut out = Vec::new();
    if planned("executive_summary") && !h.has_peer_standing {
        out.push(omission(
            "The area's standing among similar areas (executive summary)",
            "no peer comparison is available for the area",
        ));
    }
    if planned("methodology") && !has_content(&h.texts, DATA_CAVEATS) {
        out.push(omission(
            "Recording-practice caveats (methodology)",
            "none written — add them if the way crimes were recorded changed during the period",
        ));
    }
    if !h.has_previous_year {
        out.push(omission(
            "Change on last year",
            format!(
                "the file holds no complete {} police data — import it to include",
                year(1)
            ),
        ));
    }
    if !h.has_year_three_back {
        out.push(omission(
            "Change on three years earlier",
            format!(
                "the file holds no complete {} police data — import it to include",
                year(3)
            ),
        ));
    }
    if !h.has_population {
        out.push(omission(
            "Rates per 1,000 residents",
            "no population figures cover the area — import ward or LSOA populations to include them",
        ));
    }
    if h.wards == 0 {
        out.push(omission(
            "Wards (busiest wards, ward tables and maps)",
            "no ward lookup — import an LSOA-to-ward lookup, or derive one from ward and LSOA boundaries, to include them",
        ));
    } else if !h.has_ward_boundaries && planned("hotspots") {
        out.push(omission(
            "Ward maps",
            "no ward boundaries — import the ONS ward boundaries (GeoJSON) to include them",
        ));
    }
    for layout in PartnerLayout::ALL {
        if !h.partner_sources.contains(&layout.key()) {
            out.push(omission(
                section_of(layout).title,
                "no data of this kind in the file — import the partner's extract to include it",
            ));
        }
    }
    if h.partner_sources.contains(&"marac") && !h.has_female_16_plus {
        out.push(omission(
            "MARAC rate per 10,000 women",
            "no female 16+ population entered — enter it to include",
        ));
    }
    for (key, title, _) in FREE_SECTIONS {
        if planned(key) && !has_content(&h.texts, key) {
            let reason = if key == "horizon_scanning" {
                "nothing written under any PESTELO heading — write it, or copy last year's, to include it"
            } else {
                "not written — write it, or copy last year's, to include it"
            };
            out.push(omission(title, reason));
        }
    }
    if planned("priorities") {
        if h.issues_scored == 0 {
            out.push(omission(
                "Priorities",
                "no issue is scored on the priority matrix — score issues to include the section",
            ));
        } else if h.issues_chosen == 0 {
            out.push(omission(
                "The chosen priorities, with their leads and narratives",
                "no scored issue is marked as chosen — the summary names the highest-scoring issues instead",
            ));
        }
        for name in &h.chosen_without_narrative {
            out.push(omission(
                format!("Narrative of the priority \"{name}\""),
                "not written — the priority is listed without it",
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::theme::Theme;
    use crate::report::content::plan::{available_sections, effective_plan};

    #[test]
    fn what_the_file_lacks_is_listed_with_what_brings_it_in() {
        let plan = effective_plan(
            &[],
            &available_sections(&[Theme::AllCrime, Theme::AntiSocialBehaviour], &["marac"]),
        );
        let holdings = Holdings {
            financial_year: Some(FinancialYear(2024)),
            has_previous_year: true,
            wards: 12,
            partner_sources: vec!["marac"],
            texts: BTreeMap::from([
                ("consultation".to_string(), "Residents said…".to_string()),
                ("horizon_legal".to_string(), "New Act".to_string()),
            ]),
            plan,
            ..Holdings::default()
        };
        let list: Vec<String> = left_out(&holdings)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(list.contains(&"MARAC rate per 10,000 women: no female 16+ population entered — enter it to include".to_string()), "{list:#?}");
        assert!(list
            .iter()
            .any(|l| l
                .starts_with("Change on three years earlier: the file holds no complete 2021/22")));
        assert!(list
            .iter()
            .any(|l| l.starts_with("Rates per 1,000 residents")));
        assert!(list.iter().any(|l| l.starts_with("Ward maps")));
        assert!(list
            .iter()
            .any(|l| l.starts_with("Domestic abuse: no data")));
        assert!(list
            .iter()
            .any(|l| l.starts_with("Recommendations: not written")));
        assert!(list
            .iter()
            .any(|l| l.starts_with("Priorities: no issue is scored")));
        assert!(!list.iter().any(|l| l.starts_with("Public consultation")));
        assert!(!list.iter().any(|l| l.starts_with("Horizon scanning")));
        assert!(!list.iter().any(|l| l.starts_with("Change on last year")));
    }
}
