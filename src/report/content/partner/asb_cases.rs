//! The report's council ASB cases section: cases opened, repeats, long-running cases,
//! categories, actions and top wards, beside (never added to) police-recorded ASB.

use super::super::writer::ContentWriter;
use super::super::ContentBlock;
use super::PartnerSection;
use super::{bars, pct, share_blocks, ward_block};
use crate::analysis::partner::AsbCaseFigures;
use crate::analysis::partner::PartnerFigures;
use crate::import::partner::PartnerLayout;
use crate::report::format::thousands;

pub const SECTION: PartnerSection = PartnerSection {
    layout: PartnerLayout::AsbCases,
    title: "Council ASB cases",
    blocks: |w, figures| match figures {
        PartnerFigures::AsbCases(f) => asb_case_blocks(w, f),
        _ => Vec::new(),
    },
};

fn asb_case_blocks(w: &mut ContentWriter, f: &AsbCaseFigures) -> Vec<ContentBlock> {
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
    blocks.extend(share_blocks(
        w,
        vec![
            (
                "asb_cases_by_category",
                format!("Council ASB cases by category, {}", f.financial_year),
                "Category",
                &f.by_category,
            ),
            (
                "asb_cases_by_action",
                format!("Actions taken on council ASB cases, {}", f.financial_year),
                "Action",
                &f.by_action,
            ),
        ],
    ));
    blocks.extend(ward_block(
        w,
        "asb_cases_top_wards",
        format!("Council ASB cases: top wards, {}", f.financial_year),
        &f.top_wards,
        f.opened,
        f.ward_unknown,
    ));
    blocks
}
