//! Sections from police.uk data: one per theme (overall crime, ASB, a group or crime type)
//! laid out like the seed assessment's Overall Crime Picture — a summary paragraph, the
//! headline table, trend, seasonality and control-chart figures, the type breakdown and
//! the top wards — and the hotspots section (wards and LSOAs, concentration).

use super::figures_of;
use super::wording::{
    change_clause, lists_busiest_few, neighbourhood_concentration, ward_concentration, Place,
};
use super::writer::ContentWriter;
use super::ContentBlock;
use crate::analysis::change::test_change_with_dispersion;
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::hotspots::HotspotRow;
use crate::analysis::overview::last_three_years;
use crate::analysis::overview::ThemeOverview;
use crate::analysis::spc::{control_chart, ChartKind};
use crate::report::numbers::{count, decimal, how_many};
use crate::report::table::{ReportTable, TableCell};

/// What a theme's sentences call it: "all recorded crime", "anti-social behaviour".
pub fn theme_phrase(f: &ThemeOverview) -> String {
    match f.key.as_str() {
        "asb" => "anti-social behaviour".into(),
        _ => f.theme.to_lowercase(),
    }
}

/// The summary sentence(s) of a theme.
fn summary(f: &ThemeOverview, place: Place, fy: FinancialYear) -> String {
    let what = match f.key.as_str() {
        "all_crime" => format!("{} crimes", count(f.total)),
        "asb" => format!("{} incidents of anti-social behaviour", count(f.total)),
        _ => format!("{} crimes of {}", count(f.total), theme_phrase(f)),
    };
    let mut text = format!("In {}, {} recorded {what}", f.financial_year, f.area);
    match f.rate_per_1000 {
        Some(rate) => text.push_str(&format!(", {} per 1,000 residents. ", decimal(rate))),
        None => text.push_str(". "),
    }
    if f.previous_total.is_some() {
        text.push_str(&f.change_explained);
    }
    if let Some(earlier) = f.three_years_earlier_total {
        text.push_str(&format!(
            " That is {}.",
            change_clause(
                &test_change_with_dispersion(f.total, earlier, f.dispersion),
                &FinancialYear(fy.0.saturating_sub(3)).label()
            )
        ));
    }
    if let Some(sentence) = ward_concentration(f, place, "the total") {
        text.push(' ');
        text.push_str(&sentence);
    }
    text.trim().to_string()
}

/// The headline figures the data can fill (a row with no value is left out).
fn headline_table(f: &ThemeOverview, place: Place) -> ReportTable {
    let significance = |s: bool| TableCell::Text(if s { "Yes (p < 0.05)" } else { "No" }.into());
    let row = |label: &str, cell: TableCell| vec![TableCell::Text(label.into()), cell];
    let mut rows = vec![row(
        &format!("Total {}", f.financial_year),
        TableCell::Count(f.total),
    )];
    if let Some(rate) = f.rate_per_1000 {
        rows.push(row("Rate per 1,000 residents", TableCell::Rate(Some(rate))));
    }
    if let Some(previous) = f.previous_total {
        rows.push(row("Previous year", TableCell::Whole(Some(previous))));
        rows.push(row("Change on previous year", TableCell::Change(f.change)));
        if f.change_pct.is_some() {
            rows.push(row(
                "Change on previous year (%)",
                TableCell::ChangePercent(f.change_pct),
            ));
        }
        if let Some(s) = f.change_significant {
            rows.push(row("Statistically significant change", significance(s)));
        }
    }
    if let Some(earlier) = f.three_years_earlier_total {
        rows.push(row("Three years earlier", TableCell::Whole(Some(earlier))));
        if f.change_3y_pct.is_some() {
            rows.push(row(
                "Change on three years earlier (%)",
                TableCell::ChangePercent(f.change_3y_pct),
            ));
        }
    }
    if lists_busiest_few(f, place) {
        if let Some(share) = f.top5_share_pct {
            rows.push(row(
                &format!("Busiest {} wards' share", how_many(f.top_wards.len())),
                TableCell::Percent(Some(share)),
            ));
        }
    }
    ReportTable {
        slug: format!("{}_headline", f.key),
        title: format!("{}: headline figures, {}", f.theme, f.financial_year),
        columns: vec!["Measure".into(), "Value".into()],
        rows,
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
    // A column no row can fill (no populations, no earlier year) is left out.
    let has_rate = rows.iter().any(|r| r.rate_per_1000.is_some());
    let has_rank = rows.iter().any(|r| r.rank_previous.is_some());
    let mut columns = vec![
        area_word.to_string(),
        "Count".into(),
        "Share of total".into(),
    ];
    if has_rate {
        columns.push("Per 1,000 residents".into());
    }
    if has_rank {
        columns.push("Rank last year".into());
    }
    ReportTable {
        slug,
        title,
        columns,
        rows: rows
            .iter()
            .map(|w| {
                let mut row = vec![
                    TableCell::Text(w.name.clone()),
                    TableCell::Count(w.count),
                    TableCell::Percent(Some(w.share_pct)),
                ];
                if has_rate {
                    row.push(TableCell::Rate(w.rate_per_1000));
                }
                if has_rank {
                    row.push(TableCell::Whole(w.rank_previous.map(|r| r as i64)));
                }
                row
            })
            .collect(),
        total_row: false,
        sensitive: true,
        total_published_elsewhere: covers_total,
    }
}

/// "top 5 wards" when the area has more, "by ward" when every ward is listed.
fn ward_table_title(f: &ThemeOverview, place: Place) -> String {
    if lists_busiest_few(f, place) {
        format!(
            "{}: busiest {} wards, {}",
            f.theme,
            f.top_wards.len(),
            f.financial_year
        )
    } else {
        format!("{} by ward, {}", f.theme, f.financial_year)
    }
}

/// A theme's section blocks (before the analyst's narrative).
pub fn theme_blocks(
    w: &mut ContentWriter,
    f: &ThemeOverview,
    fy: FinancialYear,
    place: Place,
    source: &str,
) -> Vec<ContentBlock> {
    let mut blocks = vec![ContentBlock::Paragraph(summary(f, place, fy))];
    blocks.push(w.table(&headline_table(f, place)));
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
            "Control chart: mean {} a month, limits {} to {} (XmR, from the month-to-month variation); {} of {} months signal (beyond a limit, or in a run of 7 or more on one side of the mean).",
            decimal(chart.mean),
            decimal(chart.lower),
            decimal(chart.upper),
            count(signals as i64),
            count(chart.points.len() as i64)
        )));
    }
    if !f.by_type.is_empty() {
        blocks.push(w.figure(figures_of::breakdown(f, source)));
        blocks.push(w.table(&by_type_table(f)));
    }
    if !f.top_wards.is_empty() && place.wards > 1 {
        blocks.push(w.table(&hotspot_table(
            format!("{}_top_wards", f.key),
            ward_table_title(f, place),
            "Ward",
            &f.top_wards,
            f,
        )));
    }
    blocks
}

/// The hotspots section: top wards and LSOAs of all crime and ASB with concentration.
pub fn hotspot_blocks(
    w: &mut ContentWriter,
    themes: &[&ThemeOverview],
    place: Place,
) -> Vec<ContentBlock> {
    let mut blocks = Vec::new();
    for f in themes {
        blocks.push(ContentBlock::SubHeading(f.theme.clone()));
        let sentences: Vec<String> = [
            ward_concentration(f, place, &theme_phrase(f)),
            neighbourhood_concentration(f),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !sentences.is_empty() {
            blocks.push(ContentBlock::Paragraph(sentences.join(" ")));
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
        // With an area of interest, incidents with no location are outside the counts
        // altogether (the methodology says so); without one they are in the totals.
        let unlocated = if place.is_filtered { 0 } else { f.unlocated };
        let note = match (unlocated, f.ward_unknown) {
            (0, 0) => None,
            (n, 0) => Some(format!(
                "{} incidents had no location: they are in the totals but in no ward or neighbourhood.",
                count(n)
            )),
            (0, k) => Some(format!(
                "{} incidents were in neighbourhoods the ward lookup does not cover: they are in the totals but in no ward.",
                count(k)
            )),
            (n, k) => Some(format!(
                "{} incidents had no location and {} were in neighbourhoods the ward lookup does not cover; they are in the totals but in no ward.",
                count(n),
                count(k)
            )),
        };
        blocks.extend(note.map(ContentBlock::Note));
    }
    blocks
}
