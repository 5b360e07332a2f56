//! The headline figures of each partner theme for a year and area — what `stats --json`
//! prints under `themes.domestic_abuse`, `themes.marac`, `themes.asb_cases` and
//! `themes.treatment` (each dataset's key), and what the report's partner sections quote.
//! A theme is absent when the file holds none of its rows. A headline is its dataset's
//! figures serialised: each figures type skips what only its page shows.

use super::asb_cases::AsbCaseFigures;
use super::common::WardRate;
use super::dataset::{analysis_of, PartnerFigures, PartnerInputs};
use super::domestic_abuse::DomesticAbuseFigures;
use super::marac::MaracFigures;
use super::treatment::TreatmentFigures;
use crate::analysis::financial_year::FinancialYear;
use crate::import::partner::PartnerLayout;
use serde::{Serialize, Serializer};

/// Wards quoted in a headline.
const HEADLINE_WARDS: usize = 5;

/// Serialise only the wards a headline quotes (the first, busiest, five).
pub fn headline_wards<S: Serializer>(wards: &[WardRate], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(wards.iter().take(HEADLINE_WARDS))
}

/// Every partner theme's figures for one year and area, in dataset order; serialised as
/// a map from each dataset's key to its headline.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartnerHeadlines(pub Vec<(PartnerLayout, PartnerFigures)>);

impl Serialize for PartnerHeadlines {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(
            self.0
                .iter()
                .map(|(layout, figures)| (layout.key(), figures)),
        )
    }
}

/// The headlines of `year`: the figures of every dataset the file holds rows of.
pub fn partner_headlines(inputs: &PartnerInputs<'_>, year: FinancialYear) -> PartnerHeadlines {
    PartnerHeadlines(
        PartnerLayout::ALL
            .into_iter()
            .filter(|layout| inputs.rows.holds(*layout))
            .map(|layout| (layout, (analysis_of(layout).figures)(inputs, year)))
            .collect(),
    )
}

impl PartnerHeadlines {
    /// The figures of the dataset `layout` is the key of, when the file holds its rows.
    pub fn of(&self, layout: PartnerLayout) -> Option<&PartnerFigures> {
        self.0.iter().find(|(l, _)| *l == layout).map(|(_, f)| f)
    }

    pub fn domestic_abuse(&self) -> Option<&DomesticAbuseFigures> {
        match self.of(PartnerLayout::DomesticAbuse)? {
            PartnerFigures::DomesticAbuse(f) => Some(f),
            _ => None,
        }
    }

    pub fn marac(&self) -> Option<&MaracFigures> {
        match self.of(PartnerLayout::Marac)? {
            PartnerFigures::Marac(f) => Some(f),
            _ => None,
        }
    }

    pub fn asb_cases(&self) -> Option<&AsbCaseFigures> {
        match self.of(PartnerLayout::AsbCases)? {
            PartnerFigures::AsbCases(f) => Some(f),
            _ => None,
        }
    }

    pub fn treatment(&self) -> Option<&TreatmentFigures> {
        match self.of(PartnerLayout::Treatment)? {
            PartnerFigures::Treatment(f) => Some(f),
            _ => None,
        }
    }
}
