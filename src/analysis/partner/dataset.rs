//! A partner dataset as the analysis knows it: the financial years and months its rows
//! cover, and its figures for a year. Each dataset declares one [`DatasetAnalysis`] beside
//! its figures (`domestic_abuse`, `marac`, `asb_cases`, `treatment`); [`analysis_of`] is
//! the one place that finds it from the key, and [`PartnerFigures`] carries any dataset's
//! figures to the report and the pages.

use super::asb_cases::AsbCaseFigures;
use super::domestic_abuse::DomesticAbuseFigures;
use super::indicators::IndicatorFigures;
use super::marac::MaracFigures;
use super::place::PartnerArea;
use super::treatment::TreatmentFigures;
use super::{asb_cases, domestic_abuse, indicators, marac, treatment};
use crate::analysis::area::AreaIndex;
use crate::analysis::financial_year::FinancialYear;
use crate::import::partner::PartnerLayout;
use crate::store::cube::CountCube;
use crate::store::partner::PartnerRows;
use serde::Serialize;

/// Everything a dataset's figures may be computed from.
#[derive(Debug, Clone, Copy)]
pub struct PartnerInputs<'a> {
    pub rows: &'a PartnerRows,
    /// The area of interest, with the ward lookup to place rows in it.
    pub area: &'a PartnerArea,
    /// Police-recorded counts and their area, for figures shown beside a partner's.
    pub cube: &'a CountCube,
    pub index: &'a AreaIndex,
}

/// One dataset's figures for a year. Serialised, each is the theme's headline in
/// `stats --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum PartnerFigures {
    DomesticAbuse(DomesticAbuseFigures),
    Marac(MaracFigures),
    AsbCases(AsbCaseFigures),
    Treatment(TreatmentFigures),
    Indicators(IndicatorFigures),
}

/// One partner dataset's analysis.
#[derive(Debug, Clone, Copy)]
pub struct DatasetAnalysis {
    pub layout: PartnerLayout,
    /// Financial years the rows touch, newest first; empty when the file holds none.
    pub years: fn(&PartnerRows) -> Vec<FinancialYear>,
    /// Every month (`YYYYMM`) the rows cover, in any order.
    pub months: fn(&PartnerRows) -> Vec<u32>,
    /// The figures of a year.
    pub figures: fn(&PartnerInputs<'_>, FinancialYear) -> PartnerFigures,
}

/// The analysis of the dataset `layout` is the key of.
pub fn analysis_of(layout: PartnerLayout) -> &'static DatasetAnalysis {
    match layout {
        PartnerLayout::DomesticAbuse => &domestic_abuse::ANALYSIS,
        PartnerLayout::Marac => &marac::ANALYSIS,
        PartnerLayout::AsbCases => &asb_cases::ANALYSIS,
        PartnerLayout::Treatment => &treatment::ANALYSIS,
        PartnerLayout::Indicators => &indicators::ANALYSIS,
    }
}

/// The newest financial year some partner dataset holds completely (12 months of
/// incidents or cases, 4 MARAC quarters, or a whole year of treatment periods).
pub fn latest_complete_partner_year(rows: &PartnerRows) -> Option<FinancialYear> {
    let mut months: Vec<u32> = PartnerLayout::ALL
        .iter()
        .flat_map(|l| (analysis_of(*l).months)(rows))
        .collect();
    months.sort_unstable();
    months.dedup();
    FinancialYear::latest_complete(&months)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_layout_finds_its_own_analysis() {
        for layout in PartnerLayout::ALL {
            assert_eq!(analysis_of(layout).layout, layout);
        }
    }
}
