//! Sections from police.uk data: one per theme (overall crime, ASB, a group or crime type)
//! laid out like the seed assessment's Overall Crime Picture — a summary paragraph, the
//! headline table, trend, seasonality and control-chart figures, the type breakdown and
//! the top wards — and the hotspots section (wards and LSOAs, concentration).

use super::figures_of;
use super::writer::ContentWriter;
use super::ContentBlock;
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::hotspots::HotspotRow;
use crate::analysis::overview::last_three_years;
use crate::analysis::overview::ThemeOverview;
use crate::analysis::spc::{control_chart, ChartKind};
use crate::report::format::thousands;
use crate::report::table::{ReportTable, TableCell};

/// The summary sentence(s) of a theme.
fn summary(f: &ThemeOverview) -> String {
    let unit = if f.key == "asb" {
        "incidents"
    } else {
        "crimes"
    };
    let mut text = format!(
        "In {}, {} recorded {} {} of {}",
        f.financial_year,
        f.area,
        thousands(f.total),
        unit,
        f.theme.to_lowercase()
    );
    match f.rate_per_1000 {
        Some(rate) => text.push_str(&format!(", {rate:.1} per 1,000 residents. ")),
        None => text.push_str(". "),
    }
    text.push_str(&f.change_explained);
    if let (Some(change), Some(pct)) = (f.change_3y, f.change_3y_pct) {
        let direction = if change >= 0 { "higher" } else { "lower" };
        text.push_str(&format!(
            " Against three years earlier the level is {} {} ({pct:+.1}%){}.",
            thousands(change.abs()),
            direction,
            match f.change_3y_significant {
                Some(true) => ", a real change",
                Some(false) => ", within chance variation",
                None => "",
            }
        ));
    }
    if let Some(share) = f.top5_share_pct {
        text.push_str(&format!(
            " The five busiest wards hold {share:.1}% of the total."
        ));
    }
    text
}

fn headline_table(f: &ThemeOverview) -> ReportTable {
    let significance = |s: Option<bool>| {
        TableCell::Text(match s {
            Some(true) => "Yes (p < 0.05)".into(),
            Some(false) => "No".into(),
            None => "–".into(),
        })
    };
    let row = |label: &str, cell: TableCell| vec![TableCell::Text(label.into()), cell];
    ReportTable {
        slug: format!("{}_headline", f.key),
        title: format!("{}: headline figures, {}", f.theme, f.financial_year),
        columns: vec!["Measure".into(), "Value".into()],
        rows: vec![
            row(
                &format!("Total {}", f.financial_year),
                TableCell::Count(f.total),
            ),
            row("Rate per 1,000 residents", TableCell::Rate(f.rate_per_1000)),
            row("Previous year", TableCell::Whole(f.previous_total)),
            row("Change on previous year", TableCell::Change(f.change)),
            row(
                "Change on previous year (%)",
                TableCell::Decimal(f.change_pct),
            ),
            row(
                "Statistically significant change",
                significance(f.change_significant),
            ),
            row(
                "Three years earlier",
                TableCell::Whole(f.three_years_earlier_total),
            ),
            row(
                "Change on three years earlier (%)",
                TableCell::Decimal(f.change_3y_pct),
            ),
            row(
                "Top five wards' share (%)",
                TableCell::Decimal(f.top5_share_pct),
            ),
        ],
        total_row: false,
        sensitive: false,
        total_published_elsewhere: false,
    }
}

fn by_type_table(f: &ThemeOverview) -> ReportTable {
    let mut rows: Vec<Vec<TableCell>> = f
        .by_type
        .iter()
        .map(|t| {
            vec![
                TableCell::Text(t.r#type.clone()),
                TableCell::Count(t.count),
                TableCell::Percent(Some(t.share_pct)),
            ]
        })
        .collect();
    rows.push(vec![
        TableCell::Text("Total".into()),
        TableCell::Count(f.by_type.iter().map(|t| t.count).sum()),
        TableCell::Percent(Some(100.0)),
    ]);
    ReportTable {
        slug: format!("{}_by_type", f.key),
        title: format!("{} by type, {}", f.theme, f.financial_year),
        columns: vec!["Type".into(), "Count".into(), "Share".into()],
        rows,
        total_row: true,
        sensitive: false,
        total_published_elsewhere: false,
    }
}

/// Ward- or LSOA-level hotspots: sensitive (small areas), so small counts are suppressed.
pub fn hotspot_table(
    slug: String,
    title: String,
    area_word: &str,
    rows: &[HotspotRow],
    f: &ThemeOverview,
) -> ReportTable {
    // When the listed areas hold everything but the published "no location" and "ward
    // unknown" counts, the theme's total lets a reader recompute a hidden row.
    let listed: i64 = rows.iter().map(|r| r.count).sum();
    let covers_total = f.total - listed <= f.unlocated + f.ward_unknown;
    ReportTable {
        slug,
        title,
        columns: vec![
            area_word.into(),
            "Count".into(),
            "Share of total".into(),
            "Per 1,000 residents".into(),
            "Rank last year".into(),
        ],
        rows: rows
            .iter()
            .map(|w| {
                vec![
                    TableCell::Text(w.name.clone()),
                    TableCell::Count(w.count),
                    TableCell::Percent(Some(w.share_pct)),
                    TableCell::Rate(w.rate_per_1000),
                    TableCell::Whole(w.rank_previous.map(|r| r as i64)),
                ]
            })
            .collect(),
        total_row: false,
        sensitive: true,
        total_published_elsewhere: covers_total,
    }
}

/// A theme's section blocks (before the analyst's narrative).
pub fn theme_blocks(
    w: &mut ContentWriter,
    f: &ThemeOverview,
    fy: FinancialYear,
    source: &str,
) -> Vec<ContentBlock> {
    let mut blocks = vec![ContentBlock::Paragraph(summary(f))];
    blocks.push(w.table(&headline_table(f)));
    if f.trend.len() > 1 {
        blocks.push(w.figure(figures_of::trend(f, source)));
    }
    blocks.push(w.figure(figures_of::seasonality(f, source)));
    let chart = control_chart(&last_three_years(&f.series, fy), ChartKind::Xmr);
    let signals = chart
        .points
        .iter()
        .filter(|p| p.above_upper || p.below_lower || p.in_run)
        .count();
    if !chart.points.is_empty() {
        blocks.push(w.figure(figures_of::control_chart(f, &chart, source)));
        blocks.push(ContentBlock::Note(format!(
            "Control chart: mean {:.1} a month, limits {:.1} to {:.1} (XmR, from the month-to-month variation); {} of {} months signal (beyond a limit, or in a run of 7 or more on one side of the mean).",
            chart.mean, chart.lower, chart.upper, signals, chart.points.len()
        )));
    }
    if !f.by_type.is_empty() {
        blocks.push(w.figure(figures_of::breakdown(f, source)));
        blocks.push(w.table(&by_type_table(f)));
    }
    if !f.top_wards.is_empty() {
        blocks.push(w.table(&hotspot_table(
            format!("{}_top_wards", f.key),
            format!(
                "{}: top {} wards, {}",
                f.theme,
                f.top_wards.len(),
                f.financial_year
            ),
            "Ward",
            &f.top_wards,
            f,
        )));
    }
    blocks
}

/// The hotspots section: top wards and LSOAs of all crime and ASB with concentration.
pub fn hotspot_blocks(w: &mut ContentWriter, themes: &[&ThemeOverview]) -> Vec<ContentBlock> {
    let mut blocks = Vec::new();
    for f in themes {
        blocks.push(ContentBlock::SubHeading(f.theme.clone()));
        let mut sentence = String::new();
        if let Some(share) = f.top5_share_pct {
            sentence.push_str(&format!(
                "The five busiest wards hold {share:.1}% of {}. ",
                f.theme.to_lowercase()
            ));
        }
        if let Some(decile) = f.lsoa_top_decile_share_pct {
            sentence.push_str(&format!(
                "The busiest 10% of neighbourhoods (LSOAs) hold {decile:.1}%: {}.",
                if decile >= 30.0 {
                    "a concentrated pattern that place-based work can target"
                } else {
                    "a spread-out pattern"
                }
            ));
        }
        if !sentence.is_empty() {
            blocks.push(ContentBlock::Paragraph(sentence.trim().to_string()));
        }
        if !f.top_lsoas.is_empty() {
            blocks.push(w.table(&hotspot_table(
                format!("{}_top_lsoas", f.key),
                format!(
                    "{}: busiest neighbourhoods (LSOAs), {}",
                    f.theme, f.financial_year
                ),
                "LSOA",
                &f.top_lsoas,
                f,
            )));
        }
        if f.ward_unknown > 0 || f.unlocated > 0 {
            blocks.push(ContentBlock::Note(format!(
                "{} incidents had no location and {} were in LSOAs the ward lookup does not cover; they are in the totals but in no ward.",
                thousands(f.unlocated),
                thousands(f.ward_unknown)
            )));
        }
    }
    blocks
}
