//! The introduction (the statutory duty, the period, the area, the data partners) and the
//! methodology and data limitations (sources and their coverage, how years, rates and
//! real changes are counted, the caveats), drafted from what the assessment file holds.
//! Coverage gaps are stated from the data; recording-practice changes are the analyst's
//! words, added when written.

use super::wording::Place;
use super::writer::narrative_blocks;
use super::ContentBlock;
use crate::analysis::financial_year::FinancialYear;
use crate::import::partner::PartnerLayout;
use crate::report::numbers::{count, how_many, list_in_words, month_in_words};
use crate::store::force_coverage::ForceMonths;

/// Months named one by one up to this many; beyond, counted.
const NAMED_GAPS: usize = 6;

/// What the introduction and methodology are drafted from.
pub struct DataFacts<'a> {
    pub fy: FinancialYear,
    pub area: &'a str,
    pub place: Place,
    /// The wards of the area of interest (empty when no area is set).
    pub area_wards: Vec<String>,
    pub population: Option<f64>,
    /// Police forces with the months of their data held.
    pub forces: &'a [ForceMonths],
    /// Police financial years held completely, oldest first.
    pub complete_years: Vec<FinancialYear>,
    /// Crimes and ASB incidents of the year with no location.
    pub unlocated: i64,
    /// Crimes and ASB incidents of the year in LSOAs the ward lookup does not list.
    pub ward_unknown: i64,
    /// Partner sources held (dataset keys).
    pub partner_sources: &'a [&'a str],
    /// Partner coverage statements for the year ("MARAC: 3 of the 4 quarters are held").
    pub partner_gaps: Vec<String>,
    /// Counts partners suppressed at source, in the year's figures (MARAC, treatment).
    pub suppressed_at_source: i64,
    /// Rows rejected at import, across every file.
    pub rows_rejected: i64,
    /// The analyst's caveats (recording-practice changes and the like).
    pub caveats: Option<&'a str>,
    /// The priority matrix is scored (the priorities section exists).
    pub has_priorities: bool,
}

fn partner_description(key: &str) -> &'static str {
    match PartnerLayout::from_key(key) {
        Some(PartnerLayout::DomesticAbuse) => {
            "domestic abuse incidents and crimes recorded by the police"
        }
        Some(PartnerLayout::Marac) => "the MARAC's quarterly returns",
        Some(PartnerLayout::AsbCases) => "the council's anti-social behaviour case records",
        Some(PartnerLayout::Treatment) => "drug and alcohol treatment returns",
        Some(PartnerLayout::Indicators) => "partners' own indicators",
        None => "partner data",
    }
}

pub fn introduction_blocks(facts: &DataFacts, analyst_words: &str) -> Vec<ContentBlock> {
    let fy = facts.fy;
    let mut blocks = vec![ContentBlock::Paragraph(
        "Community Safety Partnerships bring together the responsible authorities of an area (the council, the police, the fire and rescue service, the probation service and health) to reduce crime and disorder, including anti-social behaviour, substance misuse and reoffending. Sections 5 to 7 of the Crime and Disorder Act 1998 place this duty on them, and the Crime and Disorder (Formulation and Implementation of Strategy) Regulations 2007 require each partnership to prepare a strategic assessment every year to inform its partnership plan.".into(),
    )];
    let area = if facts.area_wards.is_empty() {
        facts.area.to_string()
    } else if facts.area_wards.len() <= 10 {
        format!(
            "{}, the {} {} of {}",
            facts.area,
            how_many(facts.area_wards.len()),
            if facts.area_wards.len() == 1 {
                "ward"
            } else {
                "wards"
            },
            list_in_words(&facts.area_wards)
        )
    } else {
        format!(
            "{}, an area of {} wards",
            facts.area,
            count(facts.area_wards.len() as i64)
        )
    };
    let residents = facts.population.map_or_else(String::new, |p| {
        format!(", home to about {} residents", count(p.round() as i64))
    });
    let since = facts
        .complete_years
        .first()
        .filter(|first| **first < FinancialYear(fy.0.saturating_sub(1)))
        .map_or_else(String::new, |first| {
            format!(" and with the years since {}", first.label())
        });
    let mut looks_at = vec!["the level and pattern of crime and anti-social behaviour".to_string()];
    if !facts.partner_sources.is_empty() {
        looks_at.push("what partners' data add".into());
    }
    if facts.has_priorities {
        looks_at.push("the priorities for the coming year".into());
    }
    let covers = format!(
        "This assessment covers the financial year {} (April {} to March {}) in {area}{residents}. It compares the year with {}{since}, and looks at {}.",
        fy.label(),
        fy.0,
        fy.0 + 1,
        FinancialYear(fy.0.saturating_sub(1)).label(),
        list_in_words(&looks_at)
    );
    blocks.push(ContentBlock::Paragraph(covers));
    let forces: Vec<String> = facts.forces.iter().map(|f| f.force.clone()).collect();
    let mut sources = format!(
        "It draws on the crime and anti-social behaviour recorded by {} and published on police.uk",
        if forces.is_empty() {
            "the police".to_string()
        } else {
            list_in_words(&forces)
        }
    );
    if !facts.partner_sources.is_empty() {
        let partners: Vec<String> = facts
            .partner_sources
            .iter()
            .map(|k| partner_description(k).to_string())
            .collect();
        sources.push_str(&format!(", and on {}", list_in_words(&partners)));
    }
    sources.push('.');
    blocks.push(ContentBlock::Paragraph(sources));
    blocks.extend(narrative_blocks(analyst_words));
    blocks
}

/// Months missing between a force's first and last month held.
fn gaps(months: &[u32]) -> Vec<u32> {
    let mut missing = Vec::new();
    for pair in months.windows(2) {
        let mut m = next_month(pair[0]);
        while m < pair[1] {
            missing.push(m);
            m = next_month(m);
        }
    }
    missing
}

fn next_month(m: u32) -> u32 {
    if m % 100 >= 12 {
        (m / 100 + 1) * 100 + 1
    } else {
        m + 1
    }
}

fn coverage_sentences(facts: &DataFacts) -> Vec<String> {
    let mut out = Vec::new();
    for f in facts.forces {
        let (Some(first), Some(last)) = (f.months.first(), f.months.last()) else {
            continue;
        };
        let missing = gaps(&f.months);
        let mut sentence = format!(
            "{}: {} months from {} to {}",
            f.force,
            count(f.months.len() as i64),
            month_in_words(*first),
            month_in_words(*last)
        );
        match missing.len() {
            0 => sentence.push_str(", with no month missing."),
            n if n <= NAMED_GAPS => {
                let names: Vec<String> = missing.iter().map(|m| month_in_words(*m)).collect();
                sentence.push_str(&format!(
                    "; {} missing: {}.",
                    if n == 1 {
                        "one month is"
                    } else {
                        "these months are"
                    },
                    list_in_words(&names)
                ));
            }
            n => sentence.push_str(&format!(
                "; {} months are missing, from {} to {}.",
                count(n as i64),
                month_in_words(missing[0]),
                month_in_words(missing[n - 1])
            )),
        }
        out.push(sentence);
    }
    out
}

pub fn methodology_blocks(facts: &DataFacts) -> Vec<ContentBlock> {
    let fy = facts.fy;
    let mut blocks = vec![ContentBlock::SubHeading("Sources and coverage".into())];
    blocks.push(ContentBlock::Paragraph(
        "Police data are the street-level crime and anti-social behaviour records that forces publish each month on police.uk. The months held for each force:".into(),
    ));
    blocks.extend(
        coverage_sentences(facts)
            .into_iter()
            .map(ContentBlock::Bullet),
    );
    if facts.unlocated > 0 {
        blocks.push(ContentBlock::Paragraph(if facts.place.is_filtered {
            format!(
                "{} crimes and incidents in {} had no location, so they cannot be placed in the area and are not counted in its figures.",
                count(facts.unlocated),
                fy.label()
            )
        } else {
            format!(
                "{} crimes and incidents in {} had no location: they are counted in the area's totals but cannot be placed in a ward or neighbourhood.",
                count(facts.unlocated),
                fy.label()
            )
        }));
    }
    if facts.ward_unknown > 0 {
        blocks.push(ContentBlock::Paragraph(format!(
            "{} were in neighbourhoods (LSOAs) that the ward lookup does not list: they are in the totals but in no ward.",
            count(facts.ward_unknown)
        )));
    }
    let mut partner = Vec::new();
    partner.extend(facts.partner_gaps.iter().cloned());
    if facts.suppressed_at_source > 0 {
        partner.push(format!(
            "{} counts in the partners' {} returns were suppressed at source (small numbers withheld by the partner): they are left out of every total and rate, so those totals are lower than the true figures.",
            count(facts.suppressed_at_source),
            fy.label()
        ));
    }
    if !partner.is_empty() {
        blocks.push(ContentBlock::Paragraph(partner.join(" ")));
    }
    if facts.rows_rejected > 0 {
        blocks.push(ContentBlock::Paragraph(format!(
            "{} rows of the imported files could not be read (for example a missing month or an unknown crime type) and are not counted; each is recorded with its file, line and reason.",
            count(facts.rows_rejected)
        )));
    }

    blocks.push(ContentBlock::SubHeading(
        "How the figures are counted".into(),
    ));
    let mut counted = vec![
        "Years are financial years, April to March. A crime is counted in the month the police recorded it, at the approximate location police.uk gives it (a point near the actual location, to protect privacy), in the neighbourhood (LSOA) of that point.".to_string(),
    ];
    if facts.place.is_filtered {
        counted.push(format!(
            "The figures are for {}: an incident counts when its neighbourhood lies in one of the area's wards, using the best-fit lookup of neighbourhoods to wards.",
            facts.area
        ));
    }
    if let Some(p) = facts.population {
        counted.push(format!(
            "Rates are per 1,000 residents, over the {} residents of the imported population figures for the area.",
            count(p.round() as i64)
        ));
    }
    blocks.push(ContentBlock::Paragraph(counted.join(" ")));
    blocks.push(ContentBlock::Paragraph(
        "A change on an earlier year is called real (statistically significant) when an exact test of the two yearly counts (the conditional binomial test) gives p < 0.05: a change that large would happen by chance less than one time in twenty. A smaller change is described as within normal year-to-year variation and should not be read as a real rise or fall. Control charts (XmR) show the months of the last three years against limits worked out from the month-to-month variation; a month signals when it lies beyond a limit or in a run of seven or more on one side of the mean.".into(),
    ));

    blocks.push(ContentBlock::SubHeading("Caveats".into()));
    blocks.push(ContentBlock::Paragraph(
        "Recorded crime counts what is reported to and recorded by the police, not all crime: a change can reflect reporting and recording as well as offending, and some crimes (domestic abuse, sexual offences, hate crime) are known to be under-reported.".into(),
    ));
    if let Some(words) = facts.caveats.map(str::trim).filter(|w| !w.is_empty()) {
        blocks.extend(narrative_blocks(words));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_months_are_found_across_a_year_end() {
        assert_eq!(gaps(&[202311, 202402, 202403]), vec![202312, 202401]);
        assert!(gaps(&[202404]).is_empty());
    }
}
