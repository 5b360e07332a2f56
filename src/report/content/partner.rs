//! Sections from partners' data — domestic abuse, MARAC, council ASB cases, drug and
//! alcohol treatment — each with a summary paragraph, a figure and its tables. All their
//! tables are sensitive: small counts are suppressed in every export.

use super::writer::ContentWriter;
use super::ContentBlock;
use crate::analysis::partner::common::{Share, WardRate};
use crate::analysis::partner::{
    AsbCaseFigures, DomesticAbuseFigures, MaracFigures, TreatmentFigures,
};
use crate::report::figures::{Figure, FigureBody, LineStyle, Series};
use crate::report::format::thousands;
use crate::report::table::{ReportTable, TableCell};

fn pct(v: Option<f64>) -> String {
    v.map_or("–".into(), |p| format!("{p:.1}%"))
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

fn bars(
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

pub fn domestic_abuse_blocks(w: &mut ContentWriter, f: &DomesticAbuseFigures) -> Vec<ContentBlock> {
    let source = "Source: police domestic abuse incidents and crimes (partner extract)";
    let mut blocks = vec![ContentBlock::Paragraph(format!(
        "In {}, police recorded {} domestic abuse incidents in {}, {} of them crimes. {} {} of incidents involved a repeat victim (a previous incident within 12 months), {} were assessed high risk on the DASH checklist, and {} were referred to MARAC. {} of victims were female.",
        f.financial_year,
        thousands(f.incidents),
        f.area,
        thousands(f.crimes),
        f.change.change_explained,
        pct(f.repeat_victim_pct),
        pct(f.high_risk_pct),
        thousands(f.referred_to_marac),
        pct(f.female_victim_pct),
    ))];
    let years: Vec<_> = f.by_year.iter().filter(|y| y.complete).collect();
    if years.len() > 1 {
        blocks.push(w.figure(bars(
            "Domestic abuse incidents by financial year".into(),
            f.area.clone(),
            "Incidents",
            source,
            years.iter().map(|y| y.fy.clone()).collect(),
            years.iter().map(|y| y.incidents as f64).collect(),
        )));
    }
    if !f.months.is_empty() {
        blocks.push(w.figure(Figure {
            title: "Domestic abuse by month".into(),
            subtitle: Some(format!("{}, {}", f.area, f.financial_year)),
            y_label: "Incidents per month".into(),
            x_label: None,
            source_line: source.into(),
            body: FigureBody::Lines {
                categories: f.months.iter().map(|m| m.month.clone()).collect(),
                series: vec![
                    Series {
                        name: "Incidents".into(),
                        values: f.months.iter().map(|m| Some(m.incidents as f64)).collect(),
                        style: LineStyle::Solid,
                    },
                    Series {
                        name: "Crimes".into(),
                        values: f.months.iter().map(|m| Some(m.crimes as f64)).collect(),
                        style: LineStyle::Dashed,
                    },
                ],
            },
        }));
    }
    blocks.push(w.table(&share_table(
        "domestic_abuse_victim_sex",
        format!("Domestic abuse victims by sex, {}", f.financial_year),
        "Victim sex",
        &f.by_sex,
    )));
    blocks.push(w.table(&share_table(
        "domestic_abuse_victim_age",
        format!("Domestic abuse victims by age band, {}", f.financial_year),
        "Age band",
        &f.by_age,
    )));
    blocks.push(w.table(&share_table(
        "domestic_abuse_risk",
        format!(
            "Domestic abuse incidents by DASH risk level, {}",
            f.financial_year
        ),
        "Risk level",
        &f.by_risk,
    )));
    if !f.top_wards.is_empty() {
        blocks.push(w.table(&ward_table(
            "domestic_abuse_top_wards",
            format!("Domestic abuse: top wards, {}", f.financial_year),
            &f.top_wards,
            f.incidents,
            f.ward_unknown,
        )));
    }
    blocks
}

pub fn marac_blocks(w: &mut ContentWriter, f: &MaracFigures) -> Vec<ContentBlock> {
    let per_women = f.cases_per_10000_women.map_or_else(
        || "The rate per 10,000 adult women needs a female 16+ population (enter it on the MARAC page).".to_string(),
        |r| format!("That is {r:.1} cases per 10,000 women aged 16 and over, against the SafeLives benchmark of about {:.0}.", f.cases_per_10000_benchmark),
    );
    let mut blocks = vec![ContentBlock::Paragraph(format!(
        "In {} the MARAC discussed {} cases over {} quarters. {} {} were repeat cases, against the SafeLives benchmark of about {:.0}%. {per_women} {} of referrals came from the police.",
        f.financial_year,
        thousands(f.cases),
        f.quarters_held,
        f.change.change_explained,
        pct(f.repeat_pct),
        f.repeat_benchmark_pct,
        pct(f.police_referral_pct),
    ))];
    let quarters: Vec<_> = f.by_quarter.iter().filter(|q| q.cases.is_some()).collect();
    if !quarters.is_empty() {
        blocks.push(
            w.figure(bars(
                "MARAC cases by quarter".into(),
                format!("Financial years to {}", f.financial_year),
                "Cases discussed",
                "Source: MARAC quarterly returns (partner extract)",
                quarters.iter().map(|q| q.quarter.clone()).collect(),
                quarters
                    .iter()
                    .map(|q| q.cases.unwrap_or(0) as f64)
                    .collect(),
            )),
        );
    }
    let table = ReportTable {
        slug: "marac_by_quarter".into(),
        title: "MARAC cases by quarter".into(),
        columns: vec![
            "Quarter".into(),
            "Cases".into(),
            "Repeat cases".into(),
            "Repeat rate".into(),
            "Referrals from police".into(),
            "From other agencies".into(),
        ],
        rows: f
            .by_quarter
            .iter()
            .map(|q| {
                let count = |v: Option<i64>| v.map_or(TableCell::Whole(None), TableCell::Count);
                vec![
                    TableCell::Text(q.quarter.clone()),
                    count(q.cases),
                    count(q.repeat_cases),
                    TableCell::Percent(q.repeat_pct),
                    count(q.referrals_from_police),
                    count(q.referrals_from_other_agencies),
                ]
            })
            .collect(),
        total_row: false,
        sensitive: true,
        total_published_elsewhere: false,
    };
    blocks.push(w.table(&table));
    blocks
}

pub fn asb_case_blocks(w: &mut ContentWriter, f: &AsbCaseFigures) -> Vec<ContentBlock> {
    let police = f.police_asb_incidents.map_or(String::new(), |n| {
        format!(" Police recorded {} ASB incidents in the same year and area; the two are different measures and are not added together.", thousands(n))
    });
    let mut blocks = vec![ContentBlock::Paragraph(format!(
        "In {} the council opened {} ASB cases in {}. {} {} were repeat cases. At {}, {} cases had been open for more than 90 days.{police}",
        f.financial_year,
        thousands(f.opened),
        f.area,
        f.change.change_explained,
        pct(f.repeat_pct),
        f.as_at,
        thousands(f.open_over_90_days),
    ))];
    if !f.months.is_empty() {
        blocks.push(w.figure(bars(
            "Council ASB cases opened by month".into(),
            format!("{}, {}", f.area, f.financial_year),
            "Cases opened",
            "Source: council ASB case-management system (partner extract)",
            f.months.iter().map(|m| m.month.clone()).collect(),
            f.months.iter().map(|m| m.opened as f64).collect(),
        )));
    }
    blocks.push(w.table(&share_table(
        "asb_cases_by_category",
        format!("Council ASB cases by category, {}", f.financial_year),
        "Category",
        &f.by_category,
    )));
    blocks.push(w.table(&share_table(
        "asb_cases_by_action",
        format!("Actions taken on council ASB cases, {}", f.financial_year),
        "Action",
        &f.by_action,
    )));
    if !f.top_wards.is_empty() {
        blocks.push(w.table(&ward_table(
            "asb_cases_top_wards",
            format!("Council ASB cases: top wards, {}", f.financial_year),
            &f.top_wards,
            f.opened,
            f.ward_unknown,
        )));
    }
    blocks
}

pub fn treatment_blocks(w: &mut ContentWriter, f: &TreatmentFigures) -> Vec<ContentBlock> {
    let t = &f.total;
    let mut blocks = vec![ContentBlock::Paragraph(format!(
        "In {}, {} people were in drug or alcohol treatment, with {} new presentations and {} successful completions ({} of those in treatment). Rates differ most by substance: opiate clients complete least often.",
        f.financial_year,
        thousands(t.in_treatment),
        thousands(t.new_presentations),
        thousands(t.successful_completions),
        pct(t.completion_rate_pct),
    ))];
    blocks.push(ContentBlock::Note(format!(
        "How the year is counted: {}",
        f.method
    )));
    let rated: Vec<_> = f
        .groups
        .iter()
        .filter(|g| g.completion_rate_pct.is_some())
        .collect();
    if !rated.is_empty() {
        blocks.push(
            w.figure(bars(
                "Successful completions by substance group".into(),
                format!("Share of people in treatment, {}", f.financial_year),
                "Successful completions (%)",
                "Source: drug and alcohol treatment returns (NDTMS-style partner extract)",
                rated.iter().map(|g| g.substance_group.clone()).collect(),
                rated
                    .iter()
                    .map(|g| g.completion_rate_pct.unwrap_or(0.0))
                    .collect(),
            )),
        );
    }
    let row = |g: &crate::analysis::partner::treatment::TreatmentGroupYear| {
        vec![
            TableCell::Text(g.substance_group.clone()),
            TableCell::Count(g.in_treatment),
            TableCell::Count(g.new_presentations),
            TableCell::Count(g.successful_completions),
            TableCell::Percent(g.completion_rate_pct),
            TableCell::Decimal(g.completion_rate_change_points),
            TableCell::Count(g.re_presentations),
        ]
    };
    let mut rows: Vec<Vec<TableCell>> = f.groups.iter().map(row).collect();
    rows.push(row(t));
    blocks.push(w.table(&ReportTable {
        slug: "treatment_by_substance".into(),
        title: format!(
            "Drug and alcohol treatment by substance group, {}",
            f.financial_year
        ),
        columns: vec![
            "Substance group".into(),
            "In treatment".into(),
            "New presentations".into(),
            "Successful completions".into(),
            "Completion rate".into(),
            "Change on last year (points)".into(),
            "Re-presentations within 6 months".into(),
        ],
        rows,
        total_row: true,
        sensitive: true,
        total_published_elsewhere: false,
    }));
    blocks
}
