//! Sections from partners' data — domestic abuse, MARAC, council ASB cases, drug and
//! alcohol treatment, partner indicators — each with a summary paragraph, a figure and its tables (one module
//! per dataset, described by a [`PartnerSection`]), and the tables and charts they share.
//! All their tables are sensitive: small counts are suppressed in every export.

mod asb_cases;
mod domestic_abuse;
mod indicators;
mod marac;
mod treatment;

use super::writer::ContentWriter;
use super::ContentBlock;
use crate::analysis::partner::common::{Share, WardRate};
use crate::analysis::partner::PartnerFigures;
use crate::import::partner::PartnerLayout;
use crate::report::figures::{Figure, FigureBody};
use crate::report::table::{ReportTable, TableCell};

/// One partner dataset's section of the report; its key is the dataset's key.
#[derive(Debug, Clone, Copy)]
pub struct PartnerSection {
    pub layout: PartnerLayout,
    pub title: &'static str,
    /// The section's blocks from the dataset's figures (nothing from another dataset's).
    pub blocks: fn(&mut ContentWriter, &PartnerFigures) -> Vec<ContentBlock>,
}

/// The report section of the dataset `layout` is the key of.
pub fn section_of(layout: PartnerLayout) -> &'static PartnerSection {
    match layout {
        PartnerLayout::DomesticAbuse => &domestic_abuse::SECTION,
        PartnerLayout::Marac => &marac::SECTION,
        PartnerLayout::AsbCases => &asb_cases::SECTION,
        PartnerLayout::Treatment => &treatment::SECTION,
        PartnerLayout::Indicators => &indicators::SECTION,
    }
}

/// `12.3%`, or `–` when not known.
pub fn pct(v: Option<f64>) -> String {
    v.map_or("–".into(), |p| format!("{p:.1}%"))
}

/// Breakdown tables, each `(slug, title, first column, shares)`, in the order given.
pub fn share_blocks(
    w: &mut ContentWriter,
    tables: Vec<(&str, String, &str, &[Share])>,
) -> Vec<ContentBlock> {
    tables
        .into_iter()
        .map(|(slug, title, label, shares)| w.table(&share_table(slug, title, label, shares)))
        .collect()
}

/// A breakdown (sex, age, category, action) with its total: every row is listed, so the
/// total row protects small counts by secondary suppression.
fn share_table(slug: &str, title: String, label: &str, shares: &[Share]) -> ReportTable {
    let mut rows: Vec<Vec<TableCell>> = shares
        .iter()
        .map(|s| {
            vec![
                TableCell::Text(s.label.clone()),
                TableCell::Count(s.count),
                TableCell::Percent(Some(s.pct)),
            ]
        })
        .collect();
    rows.push(vec![
        TableCell::Text("Total".into()),
        TableCell::Count(shares.iter().map(|s| s.count).sum()),
        TableCell::Percent(Some(100.0)),
    ]);
    ReportTable {
        slug: slug.into(),
        title,
        columns: vec![label.into(), "Count".into(), "Share".into()],
        rows,
        total_row: true,
        sensitive: true,
        total_published_elsewhere: false,
    }
}

/// The top wards table (`total` rows in the year, `unplaced` not in a ward), when any
/// ward is listed.
pub fn ward_block(
    w: &mut ContentWriter,
    slug: &str,
    title: String,
    wards: &[WardRate],
    total: i64,
    unplaced: i64,
) -> Option<ContentBlock> {
    (!wards.is_empty()).then(|| w.table(&ward_table(slug, title, wards, total, unplaced)))
}

fn ward_table(
    slug: &str,
    title: String,
    wards: &[WardRate],
    total: i64,
    unplaced: i64,
) -> ReportTable {
    let listed: i64 = wards.iter().map(|w| w.count).sum();
    ReportTable {
        slug: slug.into(),
        title,
        columns: vec![
            "Ward".into(),
            "Count".into(),
            "Share".into(),
            "Per 1,000 residents".into(),
        ],
        rows: wards
            .iter()
            .map(|w| {
                vec![
                    TableCell::Text(w.name.clone()),
                    TableCell::Count(w.count),
                    TableCell::Percent(Some(w.share_pct)),
                    TableCell::Rate(w.rate_per_1000),
                ]
            })
            .collect(),
        total_row: false,
        sensitive: true,
        total_published_elsewhere: total - listed <= unplaced,
    }
}

/// A bar chart whose last bar (this year) is highlighted.
pub fn bars(
    title: String,
    subtitle: String,
    y_label: &str,
    source: &str,
    categories: Vec<String>,
    values: Vec<f64>,
) -> Figure {
    Figure {
        title,
        subtitle: Some(subtitle),
        y_label: y_label.into(),
        x_label: None,
        source_line: source.into(),
        body: FigureBody::Bars {
            categories,
            values,
            highlight_last: true,
        },
    }
}
