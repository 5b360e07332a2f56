//! Building the report from the assessment file: the year (the latest complete one unless
//! chosen), the area of interest, every theme's Overview figures, the analyst's plan and
//! narrative, the priority matrix and the sources — assembled into sections in the order
//! the analyst chose, with a disclosure-control note and the data-sources appendix last.

use super::appendix::{disclosure_blocks, source_blocks};
use super::maps::{publication_year, ward_map};
use super::partner::section_of;
use super::plan::{available_sections, effective_plan, partner_sources};
use super::police::{hotspot_blocks, theme_blocks};
use super::priorities::priority_blocks;
use super::writer::{narrative_blocks, ContentWriter};
use super::{ContentBlock, ReportContent, SectionContent};
use crate::analysis::area::AreaIndex;
use crate::analysis::area_figures::area_figures;
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::overview::{default_year, theme_overview, ThemeOverview};
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
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            financial_year: None,
            threshold: DEFAULT_THRESHOLD,
            date: String::new(),
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
    let themes = Theme::all(&cube.groups);
    let overview = |theme: &Theme| theme_overview(&cube.months, theme, &area, fy);
    let all_crime = overview(&Theme::AllCrime);
    let asb = overview(&Theme::AntiSocialBehaviour);
    let partner_rows = store.partner_rows()?;
    let partner_area = PartnerArea::new(&area, store.lsoa_wards()?);
    let partner = PartnerInputs {
        rows: &partner_rows,
        area: &partner_area,
        cube: &cube,
        index: &area,
    };
    let plan = effective_plan(
        &store.planned_sections()?,
        &available_sections(&themes, &partner_sources(&partner_rows)),
    );
    let source = format!(
        "Source: police.uk street-level crime data; {}",
        all_crime.area
    );
    let mut w = ContentWriter::new(options.threshold);
    let mut sections = Vec::new();
    for entry in plan.iter().filter(|p| p.included && p.available) {
        let mut blocks = match entry.key.as_str() {
            "overall_crime" => {
                let mut blocks = theme_blocks(&mut w, &all_crime, fy, &source);
                let comparison = super::comparison::all_crime_comparison(store, &cube, fy)?;
                blocks.extend(super::comparison::comparison_blocks(
                    &mut w,
                    &comparison,
                    &source,
                ));
                blocks
            }
            "asb" => theme_blocks(&mut w, &asb, fy, &source),
            "hotspots" => {
                let boundaries = store.boundaries(BoundaryLevel::Ward)?;
                let mut blocks = Vec::new();
                for (theme, f) in [
                    (Theme::AllCrime, &all_crime),
                    (Theme::AntiSocialBehaviour, &asb),
                ] {
                    let wards = area_figures(&cube.months, &theme, &area, fy).wards;
                    let map = ward_map(
                        &f.theme,
                        &f.financial_year,
                        &f.area,
                        &wards,
                        &boundaries,
                        &source,
                        publication_year(&options.date, fy.0),
                    );
                    if let Some(map) = map {
                        blocks.push(w.figure(map));
                    }
                }
                blocks.extend(hotspot_blocks(&mut w, &[&all_crime, &asb]));
                blocks
            }
            "priorities" => priority_blocks(
                &mut w,
                &store.priority_issues()?,
                &store.priority_weights()?,
            ),
            key => {
                if let Some(layout) = PartnerLayout::from_key(key) {
                    let figures = (analysis_of(layout).figures)(&partner, fy);
                    (section_of(layout).blocks)(&mut w, &figures)
                } else {
                    match key
                        .strip_prefix("theme:")
                        .and_then(|k| themes.iter().find(|t| t.key() == k))
                    {
                        Some(theme) => {
                            let figures: ThemeOverview = overview(theme);
                            theme_blocks(&mut w, &figures, fy, &source)
                        }
                        None => continue,
                    }
                }
            }
        };
        let narrative = narrative_blocks(&entry.narrative);
        if !narrative.is_empty() {
            // The analyst's words lead the section, before the figures.
            let mut with_words = vec![ContentBlock::SubHeading("Commentary".into())];
            with_words.extend(narrative);
            with_words.push(ContentBlock::SubHeading("The figures".into()));
            with_words.append(&mut blocks);
            blocks = with_words;
        }
        sections.push(SectionContent {
            key: entry.key.clone(),
            heading: entry.title.clone(),
            blocks,
            // The body is one chapter: its sections run on, each under its heading.
            starts_chapter: sections.is_empty(),
        });
    }
    let sources = store.sources()?;
    let source_section = SectionContent {
        key: "data_sources".into(),
        heading: "Appendix: data sources".into(),
        blocks: source_blocks(&mut w, &sources),
        starts_chapter: false,
    };
    let suppressed = w.suppressed();
    sections.push(SectionContent {
        key: "disclosure".into(),
        heading: "Appendix: disclosure control".into(),
        blocks: disclosure_blocks(suppressed, options.threshold),
        // The appendices start a new chapter.
        starts_chapter: true,
    });
    sections.push(source_section);
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
        tables: w.tables,
        suppressed,
        financial_year: fy.label(),
    })
}
