//! The report's partner indicators section: every indicator a partner sent for the year,
//! with its values by period (and area), unit and source. Values a partner withheld are
//! shown as withheld, as the partner published them.

use super::super::writer::ContentWriter;
use super::super::ContentBlock;
use super::PartnerSection;
use crate::analysis::partner::{IndicatorFigures, PartnerFigures};
use crate::import::partner::PartnerLayout;
use crate::report::table::{ReportTable, TableCell};

pub const SECTION: PartnerSection = PartnerSection {
    layout: PartnerLayout::Indicators,
    title: "Partner indicators",
    blocks: |w, figures, _years| match figures {
        PartnerFigures::Indicators(f) => indicator_blocks(w, f),
        _ => Vec::new(),
    },
    // Many measures, no one headline: each is shown as the partner sent it.
    headline: |_, _, _| None,
};

/// `1,234`, `12.5`, or how it was withheld.
fn shown(value: Option<f64>, unit: Option<&str>) -> String {
    match value {
        Some(v) if unit == Some("%") => format!("{v:.1}%"),
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => crate::format::thousands(v as i64),
        Some(v) => format!("{v:.1}"),
        None => "withheld".into(),
    }
}

fn indicator_blocks(w: &mut ContentWriter, f: &IndicatorFigures) -> Vec<ContentBlock> {
    let mut blocks = vec![ContentBlock::Paragraph(format!(
        "Partners sent {} indicators with values for {}.",
        f.indicators.len(),
        f.financial_year
    ))];
    let rows = f
        .indicators
        .iter()
        .flat_map(|i| {
            i.periods.iter().map(move |p| {
                vec![
                    TableCell::Text(i.name.clone()),
                    TableCell::Text(p.period.clone()),
                    TableCell::Text(p.area_code.clone().unwrap_or_else(|| "Whole area".into())),
                    TableCell::Text(shown(p.value, i.unit.as_deref())),
                    TableCell::Text(i.unit.clone().unwrap_or_default()),
                    TableCell::Text(i.source.clone().unwrap_or_default()),
                ]
            })
        })
        .collect();
    blocks.push(
        w.table(&ReportTable {
            slug: "partner_indicators".into(),
            title: format!("Partner indicators, {}", f.financial_year),
            columns: ["Indicator", "Period", "Area", "Value", "Unit", "Source"]
                .map(String::from)
                .to_vec(),
            rows,
            ..ReportTable::default()
        }),
    );
    if f.suppressed > 0 {
        blocks.push(ContentBlock::Note(format!(
            "{} values were withheld by the partner that sent them (for disclosure control or not available); they are shown as withheld, not as zero.",
            f.suppressed
        )));
    }
    blocks
}
