//! The report's domestic abuse section: incidents, crimes and the change on last year,
//! repeat, risk and MARAC shares, the yearly and monthly figures, victims and top wards —
//! every count planned as one disclosure system first (the year's incidents are the whole
//! of the sex, age, risk, month and ward breakdowns; crimes and non-crimes split every
//! month), then worded from the plan.

use super::super::writer::ContentWriter;
use super::super::ContentBlock;
use super::{
    breakdown_cells, breakdown_table, capitalised, change_sentence, disclosure_note, earlier_cell,
    flag_cell, join_clauses, share_clause, ward_block, ward_cells, MeasureYears, PartnerSection,
    PlannedBars, PlannedHeadline,
};
use crate::analysis::partner::DomesticAbuseFigures;
use crate::analysis::partner::PartnerFigures;
use crate::import::partner::values::{RiskLevel, Sex};
use crate::import::partner::PartnerLayout;
use crate::report::disclosure::plan::{CellId, DisclosurePlan, DisclosureSystem};
use crate::report::figures::{Figure, FigureBody, LineStyle, Series};

pub const SECTION: PartnerSection = PartnerSection {
    layout: PartnerLayout::DomesticAbuse,
    title: "Domestic abuse",
    blocks: |w, figures, years| match figures {
        PartnerFigures::DomesticAbuse(f) => domestic_abuse_blocks(w, f, years),
        _ => Vec::new(),
    },
    headline: |threshold, figures, years| match figures {
        PartnerFigures::DomesticAbuse(f) => Some(da_plan(threshold, f, years).2),
        _ => None,
    },
};

const SOURCE: &str = "Source: police domestic abuse incidents and crimes (partner extract)";

/// Every count the section publishes, as cells of one system.
struct DaCells {
    incidents: CellId,
    crimes: CellId,
    repeat: CellId,
    marac: CellId,
    /// Complete years for the yearly chart (this year's is `incidents`).
    years: Vec<(String, CellId)>,
    /// Last year's incidents, when the change is tested.
    previous: Option<CellId>,
    /// (month, incidents, crimes).
    months: Vec<(String, CellId, CellId)>,
    sex: Vec<(String, CellId)>,
    age: Vec<(String, CellId)>,
    risk: Vec<(String, CellId)>,
    wards: Vec<(crate::analysis::partner::common::WardRate, CellId)>,
}

fn da_cells(s: &mut DisclosureSystem, f: &DomesticAbuseFigures) -> DaCells {
    let incidents = s.cell("incidents", f.incidents);
    let crimes = s.cell("crimes", f.crimes);
    let non_crimes = s.unprinted("non-crimes", f.non_crimes);
    s.line(incidents, &[crimes, non_crimes]);
    let repeat = flag_cell(s, "repeat victims", f.repeat_victims, incidents);
    let marac = flag_cell(s, "referred to MARAC", f.referred_to_marac, incidents);
    let previous_fy = f.change.previous.map(|_| previous_label(&f.financial_year));
    let mut previous = None;
    let mut years = Vec::new();
    let complete: Vec<_> = f.by_year.iter().filter(|y| y.complete).collect();
    for y in &f.by_year {
        let charted = complete.len() > 1 && y.complete;
        let id = if y.fy == f.financial_year {
            incidents
        } else if charted || previous_fy.as_deref() == Some(y.fy.as_str()) {
            s.cell(format!("incidents {}", y.fy), y.incidents)
        } else {
            continue;
        };
        if previous_fy.as_deref() == Some(y.fy.as_str()) {
            previous = Some(id);
        }
        if charted {
            years.push((y.fy.clone(), id));
        }
    }
    if let (None, Some(p)) = (previous, f.change.previous) {
        previous = Some(s.cell("incidents last year", p));
    }
    let mut months = Vec::new();
    for m in &f.months {
        let all = s.cell(format!("incidents {}", m.month), m.incidents);
        let crime = s.cell(format!("crimes {}", m.month), m.crimes);
        let other = s.unprinted(format!("non-crimes {}", m.month), m.non_crimes);
        s.line(all, &[crime, other]);
        months.push((m.month.clone(), all, crime, other));
    }
    if !months.is_empty() {
        let all: Vec<CellId> = months.iter().map(|m| m.1).collect();
        let crime: Vec<CellId> = months.iter().map(|m| m.2).collect();
        let other: Vec<CellId> = months.iter().map(|m| m.3).collect();
        s.line(incidents, &all);
        s.line(crimes, &crime);
        s.line(non_crimes, &other);
    }
    DaCells {
        incidents,
        crimes,
        repeat,
        marac,
        years,
        previous,
        months: months.into_iter().map(|m| (m.0, m.1, m.2)).collect(),
        sex: breakdown_cells(s, "victim sex", &f.by_sex, incidents),
        age: breakdown_cells(s, "victim age", &f.by_age, incidents),
        risk: breakdown_cells(s, "risk level", &f.by_risk, incidents),
        wards: ward_cells(s, "ward", &f.top_wards, incidents),
    }
}

/// "2024/25" → "2023/24".
fn previous_label(fy: &str) -> String {
    let start: u32 = fy.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    let before = start.saturating_sub(1);
    format!("{before}/{:02}", (before + 1) % 100)
}

/// The section's system planned, with the years the incidents are compared with elsewhere
/// in the export (last year's is the section's own; three years back its chart's bar).
fn da_plan(
    threshold: i64,
    f: &DomesticAbuseFigures,
    years: &MeasureYears,
) -> (DaCells, DisclosurePlan, PlannedHeadline) {
    let mut system = DisclosureSystem::new(threshold);
    let c = da_cells(&mut system, f);
    let previous = earlier_cell(
        &mut system,
        "incidents",
        c.previous,
        years.previous.as_ref(),
    );
    let charted = years
        .three_back
        .as_ref()
        .and_then(|e| c.years.iter().find(|y| y.0 == e.label).map(|y| y.1));
    let three_back = earlier_cell(&mut system, "incidents", charted, years.three_back.as_ref());
    let plan = system.plan();
    let headline = PlannedHeadline::of(&plan, c.incidents, previous, three_back);
    (c, plan, headline)
}

fn domestic_abuse_blocks(
    w: &mut ContentWriter,
    f: &DomesticAbuseFigures,
    years: &MeasureYears,
) -> Vec<ContentBlock> {
    let (c, plan, _) = da_plan(w.threshold, f, years);
    let mut blocks = vec![ContentBlock::Paragraph(summary(f, &c, &plan))];
    if c.years.len() > 1 {
        blocks.push(
            w.figure(
                PlannedBars {
                    title: "Domestic abuse incidents by financial year".into(),
                    subtitle: f.area.clone(),
                    y_label: "Incidents",
                    source: SOURCE,
                    categories: c.years.iter().map(|y| y.0.clone()).collect(),
                    values: c.years.iter().map(|y| plan.bar(y.1)).collect(),
                }
                .figure(),
            ),
        );
    }
    if !c.months.is_empty() {
        blocks.push(w.figure(month_figure(f, &c, &plan)));
    }
    let fy = &f.financial_year;
    for (slug, title, label, cells) in [
        (
            "domestic_abuse_victim_sex",
            format!("Domestic abuse victims by sex, {fy}"),
            "Victim sex",
            &c.sex,
        ),
        (
            "domestic_abuse_victim_age",
            format!("Domestic abuse victims by age band, {fy}"),
            "Age band",
            &c.age,
        ),
        (
            "domestic_abuse_risk",
            format!("Domestic abuse incidents by DASH risk level, {fy}"),
            "Risk level",
            &c.risk,
        ),
    ] {
        let table = breakdown_table(&plan, slug, title, label, cells, c.incidents);
        blocks.push(w.table(&table));
    }
    blocks.extend(ward_block(
        w,
        &plan,
        "domestic_abuse_top_wards",
        format!("Domestic abuse: top wards, {fy}"),
        &c.wards,
        c.incidents,
    ));
    blocks.extend(disclosure_note(&plan));
    blocks
}

/// The opening paragraph, every number from the plan: a withheld count is left out, a
/// small one is "fewer than 5", a share only where its count may be published.
fn summary(f: &DomesticAbuseFigures, c: &DaCells, plan: &DisclosurePlan) -> String {
    let mut text = match plan.words(c.incidents) {
        Some(n) => format!(
            "In {}, police recorded {n} domestic abuse incidents in {}",
            f.financial_year, f.area
        ),
        None => format!(
            "In {}, police recorded domestic abuse incidents in {}",
            f.financial_year, f.area
        ),
    };
    if let Some(n) = plan.words(c.crimes) {
        text.push_str(&format!(", {n} of them crimes"));
    }
    text.push_str(". ");
    text.push_str(&change_sentence(plan, &f.change, c.previous, c.incidents));
    let female = find(&c.sex, Sex::Female.label());
    let high = find(&c.risk, RiskLevel::High.label());
    let mut clauses: Vec<String> = Vec::new();
    clauses.extend(share_clause(
        plan,
        c.repeat,
        c.incidents,
        "of incidents involved a repeat victim (a previous incident within 12 months)",
    ));
    clauses.extend(high.and_then(|h| {
        share_clause(
            plan,
            h,
            c.incidents,
            "were assessed high risk on the DASH checklist",
        )
    }));
    clauses.extend(
        plan.words(c.marac)
            .map(|n| format!("{n} were referred to MARAC")),
    );
    if !clauses.is_empty() {
        text.push(' ');
        text.push_str(&capitalised(&join_clauses(&clauses)));
        text.push('.');
    }
    if let Some(clause) =
        female.and_then(|id| share_clause(plan, id, c.incidents, "of victims were female"))
    {
        text.push(' ');
        text.push_str(&capitalised(&clause));
        text.push('.');
    }
    text
}

fn find(cells: &[(String, CellId)], label: &str) -> Option<CellId> {
    cells.iter().find(|c| c.0 == label).map(|c| c.1)
}

/// Incidents and crimes by month; a hidden month is a gap in its line.
fn month_figure(f: &DomesticAbuseFigures, c: &DaCells, plan: &DisclosurePlan) -> Figure {
    let gaps = c
        .months
        .iter()
        .any(|m| plan.bar(m.1).is_none() || plan.bar(m.2).is_none());
    let source = if gaps {
        format!("{SOURCE}. Gaps: months not shown (disclosure control)")
    } else {
        SOURCE.to_string()
    };
    Figure {
        title: "Domestic abuse by month".into(),
        subtitle: Some(format!("{}, {}", f.area, f.financial_year)),
        y_label: "Incidents per month".into(),
        x_label: None,
        source_line: source,
        body: FigureBody::Lines {
            categories: c.months.iter().map(|m| m.0.clone()).collect(),
            series: vec![
                Series {
                    name: "Incidents".into(),
                    values: c.months.iter().map(|m| plan.bar(m.1)).collect(),
                    style: LineStyle::Solid,
                },
                Series {
                    name: "Crimes".into(),
                    values: c.months.iter().map(|m| plan.bar(m.2)).collect(),
                    style: LineStyle::Dashed,
                },
            ],
        },
    }
}
