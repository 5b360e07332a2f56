//! Sections from partners' data — domestic abuse, MARAC, council ASB cases, drug and
//! alcohol treatment, partner indicators — each with a summary paragraph, figures and tables
//! (one module per dataset, described by a [`PartnerSection`]), and the tables, charts and
//! phrases they share. Every partner theme is sensitive: each section first builds its theme's
//! [`DisclosureSystem`] (every count it will publish anywhere, and how they add up), plans
//! suppression once, and then words its text, tables and charts only from that plan.
//!
//! Council ASB cases are treated as sensitive too: a case is about a named complainant or
//! perpetrator, and a ward's or an action's small count (two injunctions, one CPN) can point
//! to them.

mod asb_cases;
mod domestic_abuse;
mod indicators;
mod marac;
mod treatment;

use super::writer::ContentWriter;
use super::ContentBlock;
use crate::analysis::partner::common::{Share, WardRate, YearChange};
use crate::analysis::partner::PartnerFigures;
use crate::import::partner::PartnerLayout;
use crate::report::disclosure::plan::{CellId, DisclosurePlan, DisclosureSystem};
use crate::report::disclosure::{Shown, WITHHELD};
use crate::report::figures::{Figure, FigureBody};
use crate::report::table::{ReportTable, TableCell};

/// One partner dataset's section of the report; its key is the dataset's key.
#[derive(Debug, Clone, Copy)]
pub struct PartnerSection {
    pub layout: PartnerLayout,
    pub title: &'static str,
    /// The section's blocks from the dataset's figures (nothing from another dataset's),
    /// planned with the years its measure is compared with elsewhere in the export.
    pub blocks: fn(&mut ContentWriter, &PartnerFigures, &MeasureYears) -> Vec<ContentBlock>,
    /// The dataset's headline measure as the section's own plan publishes it (threshold,
    /// figures, compared years), for the partner change table and the executive summary;
    /// `None` when the figures are another dataset's.
    pub headline: fn(i64, &PartnerFigures, &MeasureYears) -> Option<PlannedHeadline>,
}

/// A year a partner measure is compared with outside its section: its label, the measure's
/// count in it, and whether the partner suppressed part of that count in its file.
#[derive(Debug, Clone, PartialEq)]
pub struct EarlierYear {
    pub label: String,
    pub count: i64,
    pub at_least: bool,
}

/// The years a partner measure is compared with (last year, three years earlier), each
/// when it and the section's year are fully held.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MeasureYears {
    pub previous: Option<EarlierYear>,
    pub three_back: Option<EarlierYear>,
}

/// A partner dataset's headline measure as its section's disclosure plan publishes it:
/// the years compared are cells of the section's own system, so a count hidden there is
/// hidden in the change table and the executive summary too, and no change is given that
/// would let a reader work a hidden count out.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedHeadline {
    /// This year's count: exact, a lower bound, or hidden.
    pub current: Shown,
    /// This year's count in a sentence ("1,234", "fewer than 5"); `None` when withheld.
    pub current_words: Option<String>,
    pub previous: Option<Shown>,
    pub three_back: Option<Shown>,
    /// A share quoted with the count (treatment: successful completions of the people in
    /// treatment), when its count and base are published.
    pub rate_pct: Option<f64>,
}

impl PlannedHeadline {
    pub fn of(
        plan: &DisclosurePlan,
        current: CellId,
        previous: Option<CellId>,
        three_back: Option<CellId>,
    ) -> PlannedHeadline {
        PlannedHeadline {
            current: plan.shown(current),
            current_words: plan.words(current),
            previous: previous.map(|id| plan.shown(id)),
            three_back: three_back.map(|id| plan.shown(id)),
            rate_pct: None,
        }
    }
}

/// The cell of a compared year in a theme's system: the section's own cell of that year
/// when it has one, else a new cell the export publishes (the change table prints it).
pub fn earlier_cell(
    system: &mut DisclosureSystem,
    what: &str,
    own: Option<CellId>,
    year: Option<&EarlierYear>,
) -> Option<CellId> {
    own.or_else(|| {
        year.map(|y| system.partly_known(format!("{what} {}", y.label), y.count, y.at_least))
    })
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

/// `12.3%`.
pub fn pct(p: f64) -> String {
    format!("{p:.1}%")
}

/// A breakdown's cells (sex, age, category, action): one per category, each a part of
/// `whole`.
pub fn breakdown_cells(
    system: &mut DisclosureSystem,
    prefix: &str,
    shares: &[Share],
    whole: CellId,
) -> Vec<(String, CellId)> {
    let cells: Vec<(String, CellId)> = shares
        .iter()
        .map(|s| {
            let key = format!("{prefix}: {}", s.label);
            (s.label.clone(), system.cell(key, s.count))
        })
        .collect();
    let parts: Vec<CellId> = cells.iter().map(|c| c.1).collect();
    system.line(whole, &parts);
    cells
}

/// The listed wards' cells and the rest of `whole` (wards not listed, rows not placed in a
/// ward), which is never printed but follows from the whole.
pub fn ward_cells(
    system: &mut DisclosureSystem,
    prefix: &str,
    wards: &[WardRate],
    whole: CellId,
) -> Vec<(WardRate, CellId)> {
    let cells: Vec<(WardRate, CellId)> = wards
        .iter()
        .map(|w| {
            (
                w.clone(),
                system.cell(format!("{prefix}: {}", w.name), w.count),
            )
        })
        .collect();
    let listed: i64 = wards.iter().map(|w| w.count).sum();
    let rest = system.unprinted(format!("{prefix}: rest"), system.value(whole) - listed);
    let mut parts: Vec<CellId> = cells.iter().map(|c| c.1).collect();
    parts.push(rest);
    system.line(whole, &parts);
    cells
}

/// A yes/no split of `whole` published only as the share of `yes` (repeat victims,
/// referrals to MARAC): the "no" side is never printed but follows from the whole.
pub fn flag_cell(system: &mut DisclosureSystem, key: &str, yes: i64, whole: CellId) -> CellId {
    let cell = system.cell(key, yes);
    let rest = system.unprinted(format!("{key}: not"), system.value(whole) - yes);
    system.line(whole, &[cell, rest]);
    cell
}

/// A count in a table as the plan allows.
pub fn count_cell(plan: &DisclosurePlan, id: CellId) -> TableCell {
    TableCell::Planned(plan.shown(id))
}

/// `part` as a share of `whole` in a table: the percentage, "*" when either is hidden,
/// "–" when either is only a lower bound.
pub fn share_cell(plan: &DisclosurePlan, part: CellId, whole: CellId) -> TableCell {
    match plan.share(part, whole) {
        Some(p) => TableCell::Percent(Some(p)),
        None if plan.shown(part).is_suppressed() || plan.shown(whole).is_suppressed() => {
            TableCell::Planned(Shown::Withheld)
        }
        None => TableCell::Percent(None),
    }
}

/// A clause about `part` of `whole`: "{12.3%} {what}" when its share may be published,
/// "fewer than 5 {what_count}" when it is small, and nothing when it is withheld.
pub fn share_clause(
    plan: &DisclosurePlan,
    part: CellId,
    whole: CellId,
    what: &str,
) -> Option<String> {
    match (plan.share(part, whole), plan.shown(part)) {
        (Some(p), _) => Some(format!("{} {what}", pct(p))),
        (None, Shown::Suppressed) => Some(format!("fewer than {} {what}", plan.threshold())),
        _ => None,
    }
}

/// The clause with its first letter in capitals, to open a sentence.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The sentence on the change since last year, when both years' counts may be published
/// (it states both), or when there is no change to test (it states neither); otherwise a
/// sentence saying why it is left out.
pub fn change_sentence(
    plan: &DisclosurePlan,
    change: &YearChange,
    previous: Option<CellId>,
    current: CellId,
) -> String {
    let both_years = previous.is_some_and(|p| plan.exact(p).is_some());
    if change.previous.is_none() || (both_years && plan.exact(current).is_some()) {
        change.change_explained.clone()
    } else {
        "The change on last year is not given: a year's count is too small to publish.".into()
    }
}

/// Clauses joined as English: "a, b and c".
pub fn join_clauses(clauses: &[String]) -> String {
    match clauses {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A breakdown table (sex, age, category, action) with its total row, from the plan.
pub fn breakdown_table(
    plan: &DisclosurePlan,
    slug: &str,
    title: String,
    label: &str,
    cells: &[(String, CellId)],
    whole: CellId,
) -> ReportTable {
    let mut rows: Vec<Vec<TableCell>> = cells
        .iter()
        .map(|(name, id)| {
            vec![
                TableCell::Text(name.clone()),
                count_cell(plan, *id),
                share_cell(plan, *id, whole),
            ]
        })
        .collect();
    rows.push(vec![
        TableCell::Text("Total".into()),
        count_cell(plan, whole),
        if plan.exact(whole).is_some_and(|n| n > 0) {
            TableCell::Percent(Some(100.0))
        } else {
            share_cell(plan, whole, whole)
        },
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

/// The top wards table from the plan, when any ward is listed.
pub fn ward_block(
    w: &mut ContentWriter,
    plan: &DisclosurePlan,
    slug: &str,
    title: String,
    wards: &[(WardRate, CellId)],
    whole: CellId,
) -> Option<ContentBlock> {
    if wards.is_empty() {
        return None;
    }
    let rate = |ward: &WardRate, id: CellId| match plan.exact(id) {
        Some(_) => TableCell::Rate(ward.rate_per_1000),
        None => TableCell::Planned(Shown::Withheld),
    };
    let with_rates = wards.iter().any(|(ward, _)| ward.rate_per_1000.is_some());
    let mut columns = vec!["Ward".into(), "Count".into(), "Share".into()];
    if with_rates {
        columns.push("Per 1,000 residents".into());
    }
    let rows = wards
        .iter()
        .map(|(ward, id)| {
            let mut row = vec![
                TableCell::Text(ward.name.clone()),
                count_cell(plan, *id),
                share_cell(plan, *id, whole),
            ];
            if with_rates {
                row.push(rate(ward, *id));
            }
            row
        })
        .collect();
    Some(w.table(&ReportTable {
        slug: slug.into(),
        title,
        columns,
        rows,
        total_row: false,
        sensitive: true,
        total_published_elsewhere: false,
    }))
}

/// A bar chart of cells from the plan: hidden cells are drawn as suppressed bars of no
/// height (their values never reach the chart, not even its axis), and the source line
/// says what "*" means. The last bar (this year) is highlighted.
pub struct PlannedBars<'a> {
    pub title: String,
    pub subtitle: String,
    pub y_label: &'a str,
    pub source: &'a str,
    pub categories: Vec<String>,
    /// Each bar's height, `None` when the plan hides it.
    pub values: Vec<Option<f64>>,
}

impl PlannedBars<'_> {
    pub fn figure(self) -> Figure {
        let suppressed: Vec<usize> = self
            .values
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_none())
            .map(|(i, _)| i)
            .collect();
        let source_line = if suppressed.is_empty() {
            self.source.to_string()
        } else {
            format!("{}. {WITHHELD} Not shown: disclosure control", self.source)
        };
        Figure {
            title: self.title,
            subtitle: Some(self.subtitle),
            y_label: self.y_label.into(),
            x_label: None,
            source_line,
            body: FigureBody::Bars {
                categories: self.categories,
                values: self.values.iter().map(|v| v.unwrap_or(0.0)).collect(),
                highlight_last: true,
                suppressed,
            },
        }
    }
}

/// The note under a section whose plan hid anything: what the marks mean.
pub fn disclosure_note(plan: &DisclosurePlan) -> Option<ContentBlock> {
    let t = plan.threshold();
    let hidden = plan.hidden_keys().len();
    (hidden > 0).then(|| {
        ContentBlock::Note(format!(
            "Disclosure control: counts from 1 to {} are shown as \"<{t}\" (\"fewer than {t}\" in the text); counts that would let a reader work one of them out, and counts the partner suppressed in its file, are shown as \"{WITHHELD}\", in every table, sentence and chart of this document, with their shares and rates. \"≥\" marks a total that includes counts the partner suppressed. {hidden} {} of this section {} hidden.",
            t - 1,
            if hidden == 1 { "count" } else { "counts" },
            if hidden == 1 { "is" } else { "are" },
        ))
    })
}
