//! The state behind the Comparison page and the Overview's peer card: the districts of the
//! file (built once per load from the Overview's counts), the saved peer groups, the peer
//! set and sort the analyst chose, and the comparison for the Overview's theme and year —
//! recomputed only when the theme, year, area or peer set changes (a cheap comparison of
//! keys once per frame), then read by drawing. Also the area of interest proposed after
//! the first import of police data.

use super::crime_picture::CrimePicture;
use crate::analysis::area_proposal::AreaProposal;
use crate::analysis::comparison::{compare_theme, Comparison, PeerChoice};
use crate::analysis::district::DistrictIndex;
use crate::analysis::financial_year::FinancialYear;
use crate::store::districts::PeerGroup;
use crate::store::{Store, StoreError};
use std::time::{Duration, Instant};

/// A column the table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    Name,
    Count,
    Population,
    #[default]
    Rate,
}

impl SortColumn {
    pub const ALL: [SortColumn; 4] = [
        SortColumn::Name,
        SortColumn::Count,
        SortColumn::Population,
        SortColumn::Rate,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortColumn::Name => "District",
            SortColumn::Count => "Count",
            SortColumn::Population => "Population",
            SortColumn::Rate => "Per 1,000",
        }
    }
}

/// The table's order: a column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSort {
    pub column: SortColumn,
    pub descending: bool,
}

impl Default for TableSort {
    fn default() -> Self {
        TableSort {
            column: SortColumn::Rate,
            descending: true,
        }
    }
}

/// What a comparison was computed for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ComputedFor {
    theme: String,
    year: FinancialYear,
    area: Vec<String>,
    peers: PeerChoice,
}

#[derive(Debug, Clone, Default)]
pub struct ComparisonView {
    index: DistrictIndex,
    pub peer_groups: Vec<PeerGroup>,
    pub peers: PeerChoice,
    pub sort: TableSort,
    /// The comparison for the Overview's theme and year; `None` before the first refresh
    /// or without a complete year.
    pub result: Option<Comparison>,
    /// Indices into `result.areas` in the table's order.
    pub order: Vec<usize>,
    /// "14th highest of 50 unitary authorities" for the Overview's card.
    pub card: Option<String>,
    /// The sentence on where the area stands (the card's hover text).
    pub sentence: Option<String>,
    /// How long the last recompute took.
    pub took: Duration,
    /// The district proposed as area of interest after the first import of police data.
    pub proposal: Option<AreaProposal>,
    computed_for: Option<ComputedFor>,
}

impl PartialEq for ComparisonView {
    /// Views are equal when they show the same thing (the timing aside).
    fn eq(&self, other: &Self) -> bool {
        self.peers == other.peers
            && self.sort == other.sort
            && self.result == other.result
            && self.peer_groups == other.peer_groups
            && self.proposal == other.proposal
    }
}

impl ComparisonView {
    pub fn load(
        store: &Store,
        picture: Option<&CrimePicture>,
    ) -> Result<ComparisonView, StoreError> {
        let peer_groups = store.peer_groups()?;
        let peers = PeerChoice::from_stored(
            store.comparison_peers()?.as_deref(),
            peer_groups
                .iter()
                .map(|g| (g.name.as_str(), g.codes.as_slice())),
        );
        Ok(ComparisonView {
            index: picture
                .map(|p| DistrictIndex::build(p.cube()))
                .unwrap_or_default(),
            peer_groups,
            peers,
            ..ComparisonView::default()
        })
    }

    /// Keep the analyst's peer set and sort across a reload (if the group still exists).
    pub fn keep_choices_from(&mut self, before: &ComparisonView) {
        self.sort = before.sort;
        self.peers = match &before.peers {
            PeerChoice::Saved { name, .. } => {
                self.saved_choice(name).unwrap_or(PeerChoice::AllDistricts)
            }
            other => other.clone(),
        };
    }

    /// The saved group of that name as a peer choice.
    pub fn saved_choice(&self, name: &str) -> Option<PeerChoice> {
        self.peer_groups
            .iter()
            .find(|g| g.name == name)
            .map(|g| PeerChoice::Saved {
                name: g.name.clone(),
                codes: g.codes.clone(),
            })
    }

    pub fn has_districts(&self) -> bool {
        !self.index.districts.is_empty()
    }

    /// The district to propose as area of interest (after the first police import).
    pub fn proposed_area(&self) -> Option<AreaProposal> {
        self.index.proposed_area().map(|(p, _)| p)
    }

    /// Recompute when the Overview's theme, year or area, or the peer set, changed.
    /// Returns true when it did.
    pub fn refresh(&mut self, picture: &CrimePicture) -> bool {
        let wanted = ComputedFor {
            theme: picture.figures.key.clone(),
            year: picture.year,
            area: picture.area_ward_codes().to_vec(),
            peers: self.peers.clone(),
        };
        if self.computed_for.as_ref() == Some(&wanted) || self.index.districts.is_empty() {
            return false;
        }
        let started = Instant::now();
        let subject = self.index.subject(picture.area_ward_codes());
        let result = compare_theme(
            picture.months(),
            &self.index,
            picture.chosen_theme(),
            picture.year,
            subject,
            &self.peers,
        );
        self.card = result.type_rank_phrase();
        self.sentence = crate::report::content::comparison_sentence(&result);
        self.result = Some(result);
        self.took = started.elapsed();
        self.computed_for = Some(wanted);
        self.sort_rows();
        true
    }

    pub fn set_peers(&mut self, peers: PeerChoice) {
        self.peers = peers;
    }

    /// Sort by a column; the same column again reverses the direction.
    pub fn sort_by(&mut self, column: SortColumn) {
        self.sort = if self.sort.column == column {
            TableSort {
                column,
                descending: !self.sort.descending,
            }
        } else {
            TableSort {
                column,
                descending: column != SortColumn::Name,
            }
        };
        self.sort_rows();
    }

    fn sort_rows(&mut self) {
        let Some(result) = &self.result else {
            self.order.clear();
            return;
        };
        // The comparison lists by rate (highest first, ties by code): a stable sort keeps
        // that order within equal values.
        let mut order: Vec<usize> = (0..result.areas.len()).collect();
        let areas = &result.areas;
        let key = |i: usize| -> f64 {
            match self.sort.column {
                SortColumn::Name | SortColumn::Rate => 0.0,
                SortColumn::Count => areas[i].count as f64,
                SortColumn::Population => areas[i].population.unwrap_or(-1.0),
            }
        };
        match self.sort.column {
            SortColumn::Rate => {
                if !self.sort.descending {
                    order.reverse();
                }
            }
            SortColumn::Name => {
                order.sort_by(|&a, &b| areas[a].name.cmp(&areas[b].name));
                if self.sort.descending {
                    order.reverse();
                }
            }
            _ => {
                order.sort_by(|&a, &b| key(a).total_cmp(&key(b)));
                if self.sort.descending {
                    order.reverse();
                }
            }
        }
        self.order = order;
    }

    /// Force the next refresh to recompute (after the peer groups changed).
    pub fn invalidate(&mut self) {
        self.computed_for = None;
    }
}
