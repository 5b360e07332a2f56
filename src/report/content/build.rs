//! Building the report from the assessment file: the year (the latest complete one unless
//! chosen), the area of interest, every theme's Overview figures, the partner figures, the
//! analyst's plan, words and priorities — assembled into sections in the order the analyst
//! chose, a section the file cannot fill left out (and said so in `left_out`), then the
//! glossary of the terms used, a disclosure-control note and the data-sources appendix.

use super::appendix::{disclosure_blocks, source_blocks};
use super::change_tables::{crime_type_table, partner_measure_table};
use super::comparison::{all_crime_comparison, comparison_blocks, standing_sentence};
use super::free_text::{free_section_blocks, DATA_CAVEATS, EXECUTIVE_SUMMARY, FREE_SECTIONS};
use super::glossary::{document_text, glossary_table};
use super::intro::{introduction_blocks, methodology_blocks, DataFacts};
use super::left_out::{left_out, Holdings};
use super::maps::{publication_year, ward_map};
use super::measures::{partner_measure_years, planned_partners, years_of, Measure, MeasureKind};
use super::partner::section_of;
use super::plan::{available_sections, effective_plan, partner_sources, PlanEntry};
use super::plan_review;
use super::police::{hotspot_blocks, theme_blocks};
use super::priorities::{priority_blocks, priority_names};
use super::summary::{draft_summary, SummaryInputs};
use super::wording::Place;
use super::writer::{narrative_blocks, ContentWriter};
use super::{ContentBlock, ReportContent, SectionContent};
use crate::analysis::area::AreaIndex;
use crate::analysis::area_figures::area_figures;
use crate::analysis::financial_year::{complete_years, FinancialYear};
use crate::analysis::overview::{default_year, theme_overview, ThemeOverview};
use crate::analysis::partner::headlines::{partner_headlines, PartnerHeadlines};
use crate::analysis::partner::{analysis_of, PartnerArea, PartnerInputs};
use crate::analysis::theme::Theme;
use crate::import::boundaries::BoundaryLevel;
use crate::import::partner::PartnerLayout;
use crate::report::disclosure::DEFAULT_THRESHOLD;
use crate::store::{Store, StoreError};

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOptions {
    /// `None`: the latest complete financial year.
    pub financial_year: Option<FinancialYear>,
    /// Counts from 1 to threshold − 1 are suppressed in sensitive tables.
    pub threshold: i64,
    /// The date on the title page, as the analyst wants it written ("23 November 2026");
    /// an option rather than the clock, so the same options give the same document.
    pub date: String,
    /// The executive summary's sentence on the area's standing among similar areas
    /// ("Northvale had the 19th highest crime rate of 50 similar areas."). `None` (or
    /// blank): the sentence of the file's own peer comparison of all recorded crime (the
    /// one the overall crime section shows), when it ranks the area; else the summary has
    /// no such sentence and the report says, before export, that it is left out.
    pub peer_standing: Option<String>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            financial_year: None,
            threshold: DEFAULT_THRESHOLD,
            date: String::new(),
            peer_standing: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the assessment file has no complete financial year (April to March) of police data yet, so there is nothing to report")]
    NoCompleteYear,
    #[error("the suppression threshold must be at least 2 (got {0})")]
    BadThreshold(i64),
}

/// Sections whose words are the whole of them: the analyst's commentary is not wrapped
/// around figures there (the introduction takes it as its closing paragraphs).
fn is_written_section(key: &str) -> bool {
    matches!(
        key,
        "executive_summary" | "introduction" | "methodology" | "glossary"
    ) || FREE_SECTIONS.iter().any(|(k, ..)| *k == key)
}

pub fn build_report(store: &Store, options: &ReportOptions) -> Result<ReportContent, ReportError> {
    if options.threshold < 2 {
        return Err(ReportError::BadThreshold(options.threshold));
    }
    let cube = store.count_cube()?;
    let fy = match options.financial_year {
        Some(fy) => fy,
        None => default_year(&cube.months).ok_or(ReportError::NoCompleteYear)?,
    };
    let mut area = AreaIndex::build(&cube);
    if !area.is_filtered {
        // "All data" reads badly on a title page; a lookup with one district names it.
        if let [only] = store.districts()?.as_slice() {
            area.name = only.name.clone();
        }
    }
    let place = Place {
        is_filtered: area.is_filtered,
        wards: area.wards.len(),
    };
    let themes = Theme::all(&cube.groups);
    let overview = |theme: &Theme| theme_overview(&cube.months, theme, &area, fy);
    let all_crime = overview(&Theme::AllCrime);
    let asb = overview(&Theme::AntiSocialBehaviour);
    let partner_rows = store.partner_rows()?;
    let partner_area = PartnerArea::new(&area, store.lsoa_wards()?);
    let held_partners = partner_sources(&partner_rows);
    let partner = PartnerInputs {
        rows: &partner_rows,
        area: &partner_area,
        cube: &cube,
        index: &area,
    };
    let mut available = available_sections(&themes, &held_partners);
    available.extend(plan_review::plan_review_choice(store)?);
    let plan = effective_plan(&store.planned_sections()?, &available);
    let texts = store.report_texts()?;
    let issues = store.priority_issues()?;
    let weights = store.priority_weights()?;
    let ward_boundaries = store.boundaries(BoundaryLevel::Ward)?;
    let partners = partner_headlines(&partner, fy);

    let overviews: Vec<(Theme, ThemeOverview)> = themes
        .iter()
        .filter(|t| !matches!(t, Theme::AllCrime | Theme::AntiSocialBehaviour))
        .map(|t| (t.clone(), overview(t)))
        .collect();
    let mut measures = vec![
        Measure::of_theme(&all_crime, MeasureKind::AllCrime),
        Measure::of_theme(&asb, MeasureKind::Asb),
    ];
    measures.extend(overviews.iter().map(|(theme, f)| {
        let kind = match theme {
            Theme::Group { .. } => MeasureKind::Group,
            _ => MeasureKind::CrimeType,
        };
        Measure::of_theme(f, kind)
    }));
    let compared = partner_measure_years(&partner, fy);
    let (partner_counts, partner_measures) =
        planned_partners(&partners, &compared, options.threshold);
    measures.extend(partner_measures);

    let years = complete_years(&cube.months.iter().map(|(m, _)| *m).collect::<Vec<_>>());
    let sources = store.sources()?;
    let forces = store.police_coverage()?;
    let treatment = partners.treatment();
    let partner_gaps = partner_gaps(&partners, treatment.is_some_and(|t| !t.is_complete));
    let facts = DataFacts {
        fy,
        area: &all_crime.area,
        place,
        area_wards: if area.is_filtered {
            area.wards.iter().map(|w| w.1.clone()).collect()
        } else {
            Vec::new()
        },
        population: area.population,
        forces: &forces,
        complete_years: years.clone(),
        unlocated: all_crime.unlocated + asb.unlocated,
        ward_unknown: all_crime.ward_unknown + asb.ward_unknown,
        partner_sources: &held_partners,
        partner_gaps,
        suppressed_at_source: partners.marac().map_or(0, |m| m.suppressed_cells as i64)
            + treatment.map_or(0, |t| t.total.suppressed_cells as i64),
        rows_rejected: sources.iter().map(|s| s.rows_rejected).sum(),
        caveats: texts.get(DATA_CAVEATS).map(String::as_str),
        has_priorities: !issues.is_empty(),
    };
    let (priority_list, chosen) = priority_names(&issues, &weights, 3);
    let comparison = all_crime_comparison(store, &cube, fy)?;
    let peer_standing = options
        .peer_standing
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| standing_sentence(&comparison));
    let drafted = draft_summary(&SummaryInputs {
        fy,
        place,
        all_crime: &all_crime,
        asb: &asb,
        peer_standing: peer_standing.as_deref(),
        measures: &measures,
        partners: &partner_counts,
        priorities: (&priority_list, chosen),
    });
    let drafted_summary = drafted.join("\n\n");

    let source = format!(
        "Source: police.uk street-level crime data; {}",
        all_crime.area
    );
    let mut w = ContentWriter::new(options.threshold);
    let mut sections = Vec::new();
    let mut glossary_at: Option<(usize, String)> = None;
    for entry in plan.iter().filter(|p| p.included && p.available) {
        let mut blocks = match entry.key.as_str() {
            "executive_summary" => match texts.get(EXECUTIVE_SUMMARY) {
                Some(edited) if !edited.trim().is_empty() => narrative_blocks(edited),
                _ => drafted
                    .iter()
                    .cloned()
                    .map(ContentBlock::Paragraph)
                    .collect(),
            },
            "introduction" => introduction_blocks(&facts, &entry.narrative),
            "methodology" => methodology_blocks(&facts),
            "overall_crime" => {
                let mut blocks = theme_blocks(&mut w, &all_crime, fy, place, &source);
                blocks.extend(comparison_blocks(&mut w, &comparison, &source));
                blocks
            }
            "asb" => theme_blocks(&mut w, &asb, fy, place, &source),
            "crime_types" => {
                let types: Vec<&Measure> = measures
                    .iter()
                    .filter(|m| m.kind == MeasureKind::CrimeType)
                    .collect();
                let mut types = types;
                types.sort_by(|a, b| b.current.cmp(&a.current).then(a.label.cmp(&b.label)));
                if types.is_empty() {
                    Vec::new()
                } else {
                    vec![
                        ContentBlock::Paragraph(format!(
                            "Each crime type's level in {}, its share of all recorded crime and its change, with whether the change is real:",
                            fy.label()
                        )),
                        w.table(&crime_type_table(&types, all_crime.total, fy, &all_crime.area)),
                    ]
                }
            }
            "hotspots" => {
                let mut blocks = Vec::new();
                for (theme, f) in [
                    (Theme::AllCrime, &all_crime),
                    (Theme::AntiSocialBehaviour, &asb),
                ] {
                    let wards = area_figures(&cube.months, &theme, &area, fy).wards;
                    if let Some((map, alt)) = ward_map(
                        &f.theme,
                        &f.financial_year,
                        &f.area,
                        &wards,
                        &ward_boundaries,
                        &source,
                        publication_year(&options.date, fy.0),
                    ) {
                        blocks.push(w.figure_described(map, alt));
                    }
                }
                blocks.extend(hotspot_blocks(&mut w, &[&all_crime, &asb], place));
                blocks
            }
            plan_review::KEY => plan_review::plan_review_blocks(&mut w, store, fy)?,
            "partner_overview" => {
                let partner: Vec<&Measure> = measures
                    .iter()
                    .filter(|m| m.kind == MeasureKind::Partner)
                    .collect();
                if partner.is_empty() {
                    Vec::new()
                } else {
                    vec![
                        ContentBlock::Paragraph(format!(
                            "The partners' main measures in {}, with their change on one and on three years earlier where both years are fully held and their counts can be published:",
                            fy.label()
                        )),
                        w.table(&partner_measure_table(&partner, fy)),
                    ]
                }
            }
            "priorities" => priority_blocks(&mut w, &issues, &weights),
            "glossary" => {
                // Written last, from the terms every other section uses.
                glossary_at = Some((sections.len(), entry.title.clone()));
                continue;
            }
            key if FREE_SECTIONS.iter().any(|(k, ..)| *k == key) => {
                free_section_blocks(&mut w, &texts, key)
            }
            key => {
                if let Some(layout) = PartnerLayout::from_key(key) {
                    let figures = partners
                        .of(layout)
                        .cloned()
                        .unwrap_or_else(|| (analysis_of(layout).figures)(&partner, fy));
                    (section_of(layout).blocks)(&mut w, &figures, &years_of(&compared, layout))
                } else {
                    match key
                        .strip_prefix("theme:")
                        .and_then(|k| overviews.iter().find(|(t, _)| t.key() == k))
                    {
                        Some((_, figures)) => theme_blocks(&mut w, figures, fy, place, &source),
                        None => continue,
                    }
                }
            }
        };
        if blocks.is_empty() {
            continue;
        }
        if !is_written_section(&entry.key) {
            blocks = with_commentary(entry, blocks);
        }
        sections.push(SectionContent {
            key: entry.key.clone(),
            heading: entry.title.clone(),
            blocks,
            // The body is one chapter: its sections run on, each under its heading.
            starts_chapter: sections.is_empty(),
        });
    }
    // The glossary comes before the appendices in every output (its table numbers so), but
    // lists the terms they use too: read them from a draft of the appendices first.
    let appendix_heads = ["Appendix: disclosure control", "Appendix: data sources"];
    let appendices = |w: &mut ContentWriter| {
        let sources_blocks = source_blocks(w, &sources);
        vec![
            SectionContent {
                key: "disclosure".into(),
                heading: appendix_heads[0].into(),
                blocks: disclosure_blocks(w.suppressed(), options.threshold),
                // The appendices start a new chapter.
                starts_chapter: true,
            },
            SectionContent {
                key: "data_sources".into(),
                heading: appendix_heads[1].into(),
                blocks: sources_blocks,
                starts_chapter: false,
            },
        ]
    };
    if let Some((at, heading)) = glossary_at {
        let mut draft = ContentWriter::new(options.threshold);
        let text = document_text(&sections, &w.tables, &w.figures)
            + &document_text(&appendices(&mut draft), &draft.tables, &[]);
        if let Some(table) = glossary_table(&text) {
            let block = w.table(&table);
            if let Some(first) = sections.get_mut(at).filter(|_| at == 0) {
                first.starts_chapter = false;
            }
            sections.insert(
                at,
                SectionContent {
                    key: "glossary".into(),
                    heading,
                    blocks: vec![block],
                    starts_chapter: at == 0,
                },
            );
        }
    }
    let suppressed = w.suppressed();
    sections.extend(appendices(&mut w));

    let holdings = Holdings {
        financial_year: Some(fy),
        has_previous_year: years.contains(&FinancialYear(fy.0.saturating_sub(1))),
        has_year_three_back: years.contains(&FinancialYear(fy.0.saturating_sub(3))),
        has_population: area.population.is_some(),
        wards: place.wards,
        has_ward_boundaries: !ward_boundaries.is_empty(),
        partner_sources: held_partners.clone(),
        has_female_16_plus: partner_rows.female_16_plus.is_some(),
        issues_scored: issues.len(),
        issues_chosen: issues.iter().filter(|i| i.chosen).count(),
        chosen_without_narrative: issues
            .iter()
            .filter(|i| i.chosen && i.narrative.trim().is_empty())
            .map(|i| i.name.clone())
            .collect(),
        texts,
        has_peer_standing: peer_standing.is_some(),
        plan: plan.clone(),
    };
    let mut title_lines = vec![
        all_crime.area.clone(),
        format!("Financial year {}", fy.label()),
    ];
    if !options.date.trim().is_empty() {
        title_lines.push(options.date.trim().to_string());
    }
    Ok(ReportContent {
        title: "Community Safety Partnership Strategic Assessment".into(),
        title_lines,
        footer: format!("Strategic assessment {} — {}", fy.label(), all_crime.area),
        sections,
        figures: w.figures,
        alt_texts: w.alt_texts,
        tables: w.tables,
        suppressed,
        financial_year: fy.label(),
        drafted_summary,
        left_out: left_out(&holdings),
    })
}

/// The analyst's words lead a data section, before its figures.
fn with_commentary(entry: &PlanEntry, mut blocks: Vec<ContentBlock>) -> Vec<ContentBlock> {
    let narrative = narrative_blocks(&entry.narrative);
    if narrative.is_empty() {
        return blocks;
    }
    let mut with_words = vec![ContentBlock::SubHeading("Commentary".into())];
    with_words.extend(narrative);
    with_words.push(ContentBlock::SubHeading("The figures".into()));
    with_words.append(&mut blocks);
    with_words
}

/// The partner years not fully held, as sentences for the methodology.
fn partner_gaps(partners: &PartnerHeadlines, treatment_incomplete: bool) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(m) = partners.marac() {
        if m.quarters_held < 4 {
            out.push(format!(
                "MARAC: {} of the 4 quarters of {} are held, so its yearly figures are for part of the year.",
                m.quarters_held, m.financial_year
            ));
        }
    }
    if treatment_incomplete {
        if let Some(t) = partners.treatment() {
            out.push(format!(
                "Treatment: the returns held do not cover the whole of {}, so its yearly figures are for part of the year.",
                t.financial_year
            ));
        }
    }
    out
}
