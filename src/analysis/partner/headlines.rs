//! The headline figures of each partner theme for a year and area — what `stats --json`
//! prints under `themes.domestic_abuse`, `themes.marac`, `themes.asb_cases` and
//! `themes.treatment` (each dataset's key), and what the report's partner sections quote.
//! A theme is absent when the file holds none of its rows. A headline is its dataset's
//! figures serialised: each figures type skips what only its page shows.

use super::common::WardRate;
use super::dataset::{analysis_of, PartnerFigures, PartnerInputs};
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
