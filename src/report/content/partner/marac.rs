//! The report's MARAC section: cases by quarter, the repeat rate and cases per 10,000 women
//! against the SafeLives benchmarks, and where referrals came from.

use super::super::writer::ContentWriter;
use super::super::ContentBlock;
use super::PartnerSection;
use super::{bars, pct};
use crate::analysis::partner::MaracFigures;
use crate::analysis::partner::PartnerFigures;
use crate::import::partner::PartnerLayout;
use crate::report::format::thousands;
use crate::report::table::{ReportTable, TableCell};

pub const SECTION: PartnerSection = PartnerSection {
    layout: PartnerLayout::Marac,
    title: "MARAC (high-risk domestic abuse)",
    blocks: |w, figures| match figures {
        PartnerFigures::Marac(f) => marac_blocks(w, f),
        _ => Vec::new(),
    },
};

fn marac_blocks(w: &mut ContentWriter, f: &MaracFigures) -> Vec<ContentBlock> {
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
