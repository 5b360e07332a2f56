//! The report's domestic abuse section: incidents, crimes and the change on last year,
//! repeat, risk and MARAC shares, the yearly and monthly figures, victims and top wards.

use super::super::writer::ContentWriter;
use super::super::ContentBlock;
use super::PartnerSection;
use super::{bars, pct, share_blocks, ward_block};
use crate::analysis::partner::DomesticAbuseFigures;
use crate::analysis::partner::PartnerFigures;
use crate::import::partner::PartnerLayout;
use crate::report::figures::{Figure, FigureBody, LineStyle, Series};
use crate::report::format::thousands;

pub const SECTION: PartnerSection = PartnerSection {
    layout: PartnerLayout::DomesticAbuse,
    title: "Domestic abuse",
    blocks: |w, figures| match figures {
        PartnerFigures::DomesticAbuse(f) => domestic_abuse_blocks(w, f),
        _ => Vec::new(),
    },
};

fn domestic_abuse_blocks(w: &mut ContentWriter, f: &DomesticAbuseFigures) -> Vec<ContentBlock> {
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
    blocks.extend(share_blocks(
        w,
        vec![
            (
                "domestic_abuse_victim_sex",
                format!("Domestic abuse victims by sex, {}", f.financial_year),
                "Victim sex",
                &f.by_sex,
            ),
            (
                "domestic_abuse_victim_age",
                format!("Domestic abuse victims by age band, {}", f.financial_year),
                "Age band",
                &f.by_age,
            ),
            (
                "domestic_abuse_risk",
                format!(
                    "Domestic abuse incidents by DASH risk level, {}",
                    f.financial_year
                ),
                "Risk level",
                &f.by_risk,
            ),
        ],
    ));
    blocks.extend(ward_block(
        w,
        "domestic_abuse_top_wards",
        format!("Domestic abuse: top wards, {}", f.financial_year),
        &f.top_wards,
        f.incidents,
        f.ward_unknown,
    ));
    blocks
}
