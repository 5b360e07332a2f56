//! The executive summary drafted from the data, in plain sentences the analyst can edit:
//! the level and change of all crime and ASB with whether each change is real, the area's
//! standing among its peers (a sentence the peer comparison supplies), the largest real
//! rises and falls across crime types, theme groups and partner measures, where crime
//! concentrates, the partner headlines, and the priorities. A sentence the data cannot
//! fill is left out, never replaced by a placeholder.

use super::measures::{largest_real_changes, Measure};
use super::partner::PlannedHeadline;
use super::wording::{
    change_clause, lists_busiest_few, neighbourhood_concentration, ward_concentration, Place,
};
use crate::analysis::change::{test_change, test_change_with_dispersion};
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::overview::ThemeOverview;
use crate::import::partner::PartnerLayout;
use crate::report::disclosure::Shown;
use crate::report::numbers::{
    count, decimal, how_many, list_in_words, percent, signed_count, signed_percent,
};

/// How many rises and falls the summary names.
const NAMED_CHANGES: usize = 3;

/// Everything the drafted summary is written from.
pub struct SummaryInputs<'a> {
    pub fy: FinancialYear,
    pub place: Place,
    pub all_crime: &'a ThemeOverview,
    pub asb: &'a ThemeOverview,
    /// The area's standing among similar areas, one sentence from the peer comparison;
    /// `None` leaves it out.
    pub peer_standing: Option<&'a str>,
    /// Every crime type, theme group and partner measure with its changes.
    pub measures: &'a [Measure],
    /// Each partner theme's headline count as its disclosure plan publishes it.
    pub partners: &'a [(PartnerLayout, PlannedHeadline)],
    /// The chosen priorities (or the highest-ranked issues), and whether they were chosen.
    pub priorities: (&'a [String], bool),
}

/// " (98.6 per 1,000 residents)" or nothing.
fn rate(f: &ThemeOverview) -> String {
    f.rate_per_1000.map_or_else(String::new, |r| {
        format!(" ({} per 1,000 residents)", decimal(r))
    })
}

fn headline(f: &ThemeOverview, what: &str, previous: &str) -> String {
    let mut sentence = format!("{}{}", what, rate(f));
    if let Some(p) = f.previous_total {
        sentence.push_str(&format!(
            ": {}",
            change_clause(
                &test_change_with_dispersion(f.total, p, f.dispersion),
                previous
            )
        ));
    }
    sentence.push('.');
    sentence
}

/// "(+312, +24.5%)" for a measure's change on last year.
fn change_in_brackets(m: &Measure) -> String {
    match &m.one_year {
        Some(t) => match t.change_pct {
            Some(p) => format!(
                "{} ({}, {})",
                m.phrase,
                signed_count(t.change),
                signed_percent(p)
            ),
            None => format!("{} ({})", m.phrase, signed_count(t.change)),
        },
        None => m.phrase.clone(),
    }
}

fn real_changes(measures: &[Measure]) -> Option<String> {
    let compared = measures.iter().any(|m| {
        m.one_year.is_some()
            && !matches!(
                m.kind,
                super::measures::MeasureKind::AllCrime | super::measures::MeasureKind::Asb
            )
    });
    if !compared {
        return None;
    }
    let (rises, falls) = largest_real_changes(measures, NAMED_CHANGES);
    let named = |v: &[&Measure]| {
        list_in_words(&v.iter().map(|m| change_in_brackets(m)).collect::<Vec<_>>())
    };
    Some(match (rises.is_empty(), falls.is_empty()) {
        (true, true) => {
            "No crime type or other measure changed by more than normal year-to-year variation."
                .into()
        }
        (false, true) => format!(
            "The largest real rises were in {}; no other measure fell by more than chance variation.",
            named(&rises)
        ),
        (true, false) => format!(
            "No other measure rose by more than chance variation; the largest real falls were in {}.",
            named(&falls)
        ),
        (false, false) => format!(
            "The largest real rises were in {}; the largest real falls were in {}.",
            named(&rises),
            named(&falls)
        ),
    })
}

/// "3,210 domestic abuse incidents, 120 more than in 2023/24 (+3.9%), …": the change only
/// when the theme's plan publishes both years' counts exactly.
fn partner_phrase(what: String, h: &PlannedHeadline, previous: &str) -> String {
    match (h.current, h.previous) {
        (Shown::Count(current), Some(Shown::Count(p))) => format!(
            "{what}, {}",
            change_clause(&test_change(current, p), previous)
        ),
        _ => what,
    }
}

/// One sentence per partner theme, every count as its plan publishes it ("fewer than 5",
/// "at least 40"); a theme whose count is withheld is left out.
fn partner_sentences(counts: &[(PartnerLayout, PlannedHeadline)], previous: &str) -> Vec<String> {
    counts
        .iter()
        .filter_map(|(layout, h)| {
            let n = h.current_words.as_deref()?;
            Some(match layout {
                // Many measures, no headline: their section shows each as sent.
                PartnerLayout::Indicators => return None,
                PartnerLayout::DomesticAbuse => format!(
                    "Police recorded {}.",
                    partner_phrase(format!("{n} domestic abuse incidents"), h, previous)
                ),
                PartnerLayout::Marac => format!(
                    "The MARAC discussed {}.",
                    partner_phrase(format!("{n} high-risk domestic abuse cases"), h, previous)
                ),
                PartnerLayout::AsbCases => format!(
                    "The council opened {}.",
                    partner_phrase(format!("{n} ASB cases"), h, previous)
                ),
                PartnerLayout::Treatment => {
                    let mut sentence =
                        capitalise_first(&format!("{n} people were in drug or alcohol treatment"));
                    if let Some(rate) = h.rate_pct {
                        sentence.push_str(&format!(
                            ", and {} of them completed it successfully",
                            percent(rate)
                        ));
                    }
                    sentence.push('.');
                    sentence
                }
            })
        })
        .collect()
}

/// "fewer than 5 people" → "Fewer than 5 people".
fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The drafted summary, one string per paragraph.
pub fn draft_summary(inputs: &SummaryInputs) -> Vec<String> {
    let previous = FinancialYear(inputs.fy.0.saturating_sub(1)).label();
    let (crime, asb) = (inputs.all_crime, inputs.asb);
    let mut paragraphs = Vec::new();

    let mut level = vec![
        format!(
            "In {}, {} recorded {}",
            inputs.fy.label(),
            crime.area,
            headline(crime, &format!("{} crimes", count(crime.total)), &previous)
        ),
        format!(
            "Police also recorded {}",
            headline(
                asb,
                &format!("{} incidents of anti-social behaviour", count(asb.total)),
                &previous
            )
        ),
    ];
    if let Some(peers) = inputs
        .peer_standing
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        level.insert(1, peers.to_string());
    }
    paragraphs.push(level.join(" "));

    paragraphs.extend(real_changes(inputs.measures));

    // ASB's busiest wards are often crime's: then say so rather than name them twice.
    fn names(f: &ThemeOverview) -> Vec<&str> {
        let mut n: Vec<&str> = f.top_wards.iter().map(|w| w.name.as_str()).collect();
        n.sort_unstable();
        n
    }
    let asb_wards = match asb.top5_share_pct {
        Some(share)
            if lists_busiest_few(asb, inputs.place)
                && lists_busiest_few(crime, inputs.place)
                && names(asb) == names(crime) =>
        {
            Some(format!(
                "The same {} wards hold {} of anti-social behaviour.",
                how_many(asb.top_wards.len()),
                percent(share)
            ))
        }
        _ => ward_concentration(asb, inputs.place, "anti-social behaviour"),
    };
    let place: Vec<String> = [
        ward_concentration(crime, inputs.place, "all recorded crime"),
        neighbourhood_concentration(crime),
        asb_wards,
    ]
    .into_iter()
    .flatten()
    .collect();
    if !place.is_empty() {
        paragraphs.push(place.join(" "));
    }

    let partners = partner_sentences(inputs.partners, &previous);
    if !partners.is_empty() {
        paragraphs.push(partners.join(" "));
    }

    let (names, chosen) = inputs.priorities;
    if !names.is_empty() {
        paragraphs.push(if chosen {
            format!(
                "The partnership's {} for the coming year {}: {}.",
                if names.len() == 1 {
                    "priority"
                } else {
                    "priorities"
                },
                if names.len() == 1 { "is" } else { "are" },
                list_in_words(names)
            )
        } else {
            format!(
                "On the priority matrix, {} {} highest.",
                list_in_words(names),
                if names.len() == 1 { "scores" } else { "score" }
            )
        });
    }
    paragraphs
}
