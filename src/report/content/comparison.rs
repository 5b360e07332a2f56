//! "How we compare" in the exported assessment: the sentence the summary and the executive
//! summary use ("… the 14th highest rate of 50 unitary authorities …"), the districts'
//! table (the highest, and the area with its neighbours in the ranking; every district in
//! the CSV), the funnel plot, and a note on the method.

use super::writer::ContentWriter;
use super::ContentBlock;
use crate::analysis::comparison::{
    compare_theme, ordinal, AreaComparison, Comparison, PeerChoice, ALL_DISTRICTS,
};
use crate::analysis::district::DistrictIndex;
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::theme::Theme;
use crate::report::figures::{Figure, FigureBody, FunnelLimits, FunnelMark};
use crate::report::format::thousands;
use crate::report::table::{ReportTable, TableCell};
use crate::store::cube::CountCube;
use crate::store::{Store, StoreError};

/// Rows of the document's table: the highest rates, then the area and its neighbours.
const TOP_ROWS: usize = 10;
const NEIGHBOURS: usize = 2;

/// The one sentence on where the area stands, e.g. "In 2024/25 Northvale's rate of all
/// recorded crime, 98.6 per 1,000 residents, was the 3rd highest of 12 unitary
/// authorities in the file, and significantly above the rate of all districts in the file
/// (75.2 per 1,000)." `None` when the area is not one district of the file.
pub fn comparison_sentence(c: &Comparison) -> Option<String> {
    let subject = c.subject_row()?;
    let theme = c.theme_label.to_lowercase();
    let Some(rate) = subject.rate_per_1000 else {
        return Some(format!(
            "{} cannot be ranked on {theme} in {}: no population figure covers it (import a district population file, or ward or LSOA populations).",
            subject.name, c.financial_year
        ));
    };
    let mut text = format!(
        "In {} {}'s rate of {theme}, {rate:.1} per 1,000 residents, was ",
        c.financial_year, subject.name
    );
    match c.type_rank_phrase() {
        Some(rank) if subject.of_type > 1 => text.push_str(&format!("the {rank} in the file")),
        Some(_) => text.push_str(&format!(
            "that of the only {} in the file",
            subject.la_type.singular()
        )),
        None => text.push_str("not ranked (the police data barely covers it)"),
    }
    if c.peer_group.name != ALL_DISTRICTS {
        if let Some(rank) = subject.rank_in_peers {
            text.push_str(&format!(
                " ({} of {} in the peer group \"{}\")",
                ordinal(rank),
                subject.of_peers,
                c.peer_group.name
            ));
        }
    }
    if let (Some(position), Some(mean)) = (subject.vs_peer_mean, c.peer_group.mean_rate_per_1000) {
        let peers = if c.peer_group.name == ALL_DISTRICTS {
            "the rate of all districts in the file".to_string()
        } else {
            "the peer group's rate".to_string()
        };
        text.push_str(&format!(
            ", and {} {peers} ({mean:.1} per 1,000)",
            position.words()
        ));
    }
    text.push('.');
    Some(text)
}

/// The executive summary's sentence on the area's standing: the comparison sentence when
/// the comparison section ranks the area (two or more districts with rates, the area one
/// of them with a rate of its own); `None` otherwise, so the summary leaves it out.
pub fn standing_sentence(c: &Comparison) -> Option<String> {
    let ranked = c.areas.iter().filter(|a| a.rank.is_some()).count();
    let subject = c.subject_row()?;
    if ranked < 2 || subject.rate_per_1000.is_none() || subject.rank_in_type.is_none() {
        return None;
    }
    comparison_sentence(c)
}

/// All recorded crime compared across the districts of the file, against the peer set last
/// chosen on the Comparison page (all districts unless one was chosen).
pub fn all_crime_comparison(
    store: &Store,
    cube: &CountCube,
    fy: FinancialYear,
) -> Result<Comparison, StoreError> {
    let groups = store.peer_groups()?;
    let peers = PeerChoice::from_stored(
        store.comparison_peers()?.as_deref(),
        groups.iter().map(|g| (g.name.as_str(), g.codes.as_slice())),
    );
    let index = DistrictIndex::build(cube);
    let subject = index.subject(&cube.area.ward_codes);
    Ok(compare_theme(
        &cube.months,
        &index,
        &Theme::AllCrime,
        fy,
        subject,
        &peers,
    ))
}

/// The section's blocks; empty when the file holds fewer than two districts with rates.
pub fn comparison_blocks(w: &mut ContentWriter, c: &Comparison, source: &str) -> Vec<ContentBlock> {
    let ranked = c.areas.iter().filter(|a| a.rank.is_some()).count();
    if ranked < 2 {
        return Vec::new();
    }
    let mut blocks = vec![ContentBlock::SubHeading("How we compare".into())];
    if let Some(sentence) = comparison_sentence(c) {
        blocks.push(ContentBlock::Paragraph(sentence));
    }
    let shown = document_rows(c);
    blocks.push(w.table(&table(c, &shown, "comparison")));
    if shown.len() < c.areas.len() {
        w.csv_only_table(&table(
            c,
            &(0..c.areas.len()).collect::<Vec<_>>(),
            "comparison_all_districts",
        ));
        blocks.push(ContentBlock::Note(format!(
            "The table shows {} of the {} districts; every district is in the CSV table comparison_all_districts.",
            shown.len(),
            c.areas.len()
        )));
    }
    if let Some(figure) = funnel_figure(c, source) {
        blocks.push(w.figure(figure));
    }
    blocks.push(ContentBlock::Note(method_note(c)));
    blocks
}

fn method_note(c: &Comparison) -> String {
    let mut note = format!(
        "Rates per 1,000 residents with exact Poisson 95% intervals; rank 1 is the highest rate and equal rates share a rank. Peer group: {} (its overall rate, all its incidents over all its residents, is the funnel's centre). Above or below means outside the 95% funnel limits at the district's population (Spiegelhalter 2005).",
        c.peer_group.name
    );
    if let Some(f) = &c.funnel {
        if f.limits == "over_dispersed" {
            note.push_str(&format!(
                " The districts vary {:.1} times as much as chance alone would make them, so the limits are widened by the square root of that factor.",
                f.dispersion
            ));
        }
    }
    let unranked = c.areas.iter().filter(|a| !a.covered).count();
    if unranked > 0 {
        note.push_str(&format!(
            " {unranked} district(s) where the file holds only a few incidents, over the border, are not ranked."
        ));
    }
    note
}

/// Indices of the rows the document shows: the top ones, the area's neighbours.
fn document_rows(c: &Comparison) -> Vec<usize> {
    if c.areas.len() <= TOP_ROWS + 2 * NEIGHBOURS + 1 {
        return (0..c.areas.len()).collect();
    }
    let mut rows: Vec<usize> = (0..TOP_ROWS).collect();
    if let Some(at) = c.subject.as_ref().and_then(|s| {
        c.areas
            .iter()
            .position(|a| a.code == s.code && a.name == s.name)
    }) {
        rows.extend(at.saturating_sub(NEIGHBOURS)..=(at + NEIGHBOURS).min(c.areas.len() - 1));
    }
    rows.sort_unstable();
    rows.dedup();
    rows
}

fn table(c: &Comparison, rows: &[usize], slug: &str) -> ReportTable {
    let row = |a: &AreaComparison| {
        vec![
            TableCell::Text(match &a.code {
                Some(code) => format!("{} ({code})", a.name),
                None => a.name.clone(),
            }),
            TableCell::Whole(Some(a.count)),
            TableCell::Whole(a.population.map(|p| p.round() as i64)),
            TableCell::Rate(a.rate_per_1000),
            TableCell::Text(match (a.ci95_low, a.ci95_high) {
                (Some(lo), Some(hi)) => format!("{lo:.1} to {hi:.1}"),
                _ => "–".into(),
            }),
            TableCell::Whole(a.rank.map(|r| r as i64)),
            TableCell::Text(a.vs_peer_mean.map_or("–", |p| p.words()).into()),
        ]
    };
    ReportTable {
        slug: format!("{}_{slug}", c.theme),
        title: format!(
            "{}: districts by rate per 1,000 residents, {}",
            c.theme_label, c.financial_year
        ),
        columns: vec![
            "District".into(),
            "Count".into(),
            "Population".into(),
            "Per 1,000".into(),
            "95% interval".into(),
            "Rank".into(),
            "Against the peer rate".into(),
        ],
        rows: rows
            .iter()
            .filter_map(|&i| c.areas.get(i))
            .map(row)
            .collect(),
        total_row: false,
        // Police.uk counts of whole districts are published data, not small areas.
        sensitive: false,
        total_published_elsewhere: false,
    }
}

/// The funnel plot of the ranked districts around the peer rate.
pub fn funnel_figure(c: &Comparison, source: &str) -> Option<Figure> {
    let funnel = c.funnel.as_ref()?;
    let shown: Vec<&AreaComparison> = c
        .areas
        .iter()
        .filter(|a| a.covered && a.in_peer_group)
        .filter(|a| a.population.is_some_and(|p| p > 0.0) && a.rate_per_1000.is_some())
        .collect();
    if shown.is_empty() || funnel.points.len() < 2 {
        return None;
    }
    let subject = c.subject.as_ref();
    let marks = shown
        .iter()
        .map(|a| FunnelMark {
            population: a.population.unwrap_or(0.0),
            rate: a.exact_rate.map_or(0.0, |r| r * 1000.0),
            highlight: subject.is_some_and(|s| s.code == a.code && s.name == a.name),
        })
        .collect();
    Some(Figure {
        title: format!("{}: rate against population", c.theme_label),
        subtitle: Some(format!(
            "{}, {}: {} districts against {} ({})",
            c.financial_year,
            c.peer_group.name,
            thousands(shown.len() as i64),
            if c.peer_group.name == ALL_DISTRICTS {
                "their overall rate"
            } else {
                "the peer group's rate"
            },
            if funnel.limits == "over_dispersed" {
                "limits widened for over-dispersion"
            } else {
                "Poisson limits"
            }
        )),
        y_label: "Per 1,000 residents".into(),
        x_label: Some("Residents".into()),
        source_line: source.into(),
        body: FigureBody::Funnel {
            categories: shown.iter().map(|a| a.name.clone()).collect(),
            marks,
            target: funnel.target_per_1000,
            limits: funnel
                .points
                .iter()
                .map(|p| FunnelLimits {
                    population: p.population,
                    lo95: p.lo95,
                    hi95: p.hi95,
                    lo998: p.lo998,
                    hi998: p.hi998,
                })
                .collect(),
        },
    })
}

#[cfg(test)]
mod tests;
