//! "How do we compare?": a theme's rate per 1,000 residents in every district of the file
//! for one financial year, with an exact Poisson 95 % interval, the rank among all
//! districts, among districts of the same type and among a peer group, whether each rate
//! is above, similar to or below the peer group's, and the funnel plot's limits.
//!
//! Ranks: 1 = the highest rate; equal rates share a rank and are listed by code; only
//! districts with a population that the data covers are ranked (see `district.rs`). The
//! peer rate is the peer group's overall rate — all its incidents over all its residents —
//! the funnel plot's target.
//!
//! Pure: district counts and the district index in, the comparison out (the `compare
//! --json` contract and the Comparison page).

use super::distributions::exact_interval;
use super::district::{DistrictCounts, DistrictIndex, PopulationSource};
use super::financial_year::FinancialYear;
use super::funnel::{
    area_dispersion, funnel_points, position, AreaDispersion, FunnelPoint, Position,
};
use super::la_names::LaType;
use super::rates::{round1, round2};
use super::theme::Theme;
use serde::Serialize;

pub use super::peers::{PeerChoice, ALL_DISTRICTS};

/// One district's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaComparison {
    pub code: Option<String>,
    pub name: String,
    #[serde(rename = "type")]
    pub la_type: LaType,
    pub count: i64,
    pub population: Option<f64>,
    pub population_source: Option<PopulationSource>,
    pub rate_per_1000: Option<f64>,
    pub ci95_low: Option<f64>,
    pub ci95_high: Option<f64>,
    pub rank: Option<usize>,
    pub of: usize,
    pub rank_in_type: Option<usize>,
    pub of_type: usize,
    pub rank_in_peers: Option<usize>,
    pub of_peers: usize,
    pub in_peer_group: bool,
    pub vs_peer_mean: Option<Position>,
    /// Whether the police data covers the district (ranked only if so).
    pub covered: bool,
    /// Exact rate per person, for ordering and drawing (not rounded).
    #[serde(skip)]
    pub exact_rate: Option<f64>,
}

/// The district the comparison is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subject {
    pub code: Option<String>,
    pub name: String,
}

/// The peer group used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeerGroupSummary {
    pub name: String,
    pub codes: Vec<String>,
    pub mean_rate_per_1000: Option<f64>,
    /// Codes of the group that are not districts of the file.
    pub codes_not_in_file: Vec<String>,
}

/// The funnel plot's target and limits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Funnel {
    pub mean_rate_per_1000: f64,
    /// The same, not rounded (the line the figures draw).
    #[serde(skip)]
    pub target_per_1000: f64,
    /// Over-dispersion of the peer districts around the peer rate (1 = Poisson).
    pub dispersion: f64,
    /// `poisson`, or `over_dispersed` when the limits were widened by √dispersion.
    pub limits: &'static str,
    pub points: Vec<FunnelPoint>,
}

/// The whole comparison of one theme and year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub financial_year: String,
    pub theme: String,
    pub theme_label: String,
    pub level: &'static str,
    pub subject: Option<Subject>,
    pub areas: Vec<AreaComparison>,
    pub peer_group: PeerGroupSummary,
    pub funnel: Option<Funnel>,
    /// Incidents of the theme and year placed in no district (no location, or an LSOA of
    /// no known district).
    pub unplaced: i64,
}

/// Rank (1 = highest) among the members with a rate, equal rates sharing a rank.
fn ranks(rates: &[Option<f64>], member: impl Fn(usize) -> bool) -> (Vec<Option<usize>>, usize) {
    let ranked: Vec<f64> = rates
        .iter()
        .enumerate()
        .filter(|(i, _)| member(*i))
        .filter_map(|(_, r)| *r)
        .collect();
    let out = rates
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let r = (*r).filter(|_| member(i))?;
            Some(1 + ranked.iter().filter(|other| **other > r).count())
        })
        .collect();
    (out, ranked.len())
}

/// Compare every district for one theme and year.
pub fn compare(
    index: &DistrictIndex,
    counts: &DistrictCounts,
    theme: &Theme,
    fy: FinancialYear,
    subject: Option<usize>,
    peers: &PeerChoice,
) -> Comparison {
    let districts = &index.districts;
    let count_of = |d: usize| counts.counts.get(d).copied().unwrap_or(0);
    let listed: Vec<usize> = (0..districts.len())
        .filter(|&d| {
            count_of(d) > 0 || districts[d].incidents_held > 0 || districts[d].population.is_some()
        })
        .collect();
    let rate = |d: usize| -> Option<f64> {
        let pop = districts[d].population.filter(|p| *p > 0.0)?;
        Some(count_of(d) as f64 / pop)
    };
    // Rates of ranked districts (covered, with a population), by district index.
    let rankable: Vec<Option<f64>> = (0..districts.len())
        .map(|d| rate(d).filter(|_| districts[d].covered))
        .collect();
    let subject_type = subject.map(|s| districts[s].la_type);
    let listed_mask: Vec<bool> = (0..districts.len()).map(|d| listed.contains(&d)).collect();
    let peer_set = peers.resolve(districts, subject_type, &listed_mask);
    let is_peer = |d: usize| peer_set.members[d];
    let peer_codes = peer_set.codes.clone();
    let codes_not_in_file: Vec<String> = peer_codes
        .iter()
        .filter(|c| !districts.iter().any(|d| d.code.as_ref() == Some(*c)))
        .cloned()
        .collect();
    let (rank_all, of_all) = ranks(&rankable, |_| true);
    let (rank_peer, of_peers) = ranks(&rankable, is_peer);
    let peer_areas: Vec<(i64, f64)> = (0..districts.len())
        .filter(|&d| is_peer(d) && rankable[d].is_some())
        .filter_map(|d| Some((count_of(d), districts[d].population?)))
        .collect();
    let peer_population: f64 = peer_areas.iter().map(|a| a.1).sum();
    let peer_rate = (peer_population > 0.0)
        .then(|| peer_areas.iter().map(|a| a.0).sum::<i64>() as f64 / peer_population);
    let dispersion = peer_rate.map(|r| area_dispersion(&peer_areas, r));
    let by_type: std::collections::HashMap<LaType, (Vec<Option<usize>>, usize)> = listed
        .iter()
        .map(|&d| districts[d].la_type)
        .collect::<std::collections::HashSet<_>>()
        .into_iter()
        .map(|t| (t, ranks(&rankable, |i| districts[i].la_type == t)))
        .collect();
    let mut areas: Vec<AreaComparison> = listed
        .iter()
        .map(|&d| {
            let district = &districts[d];
            let la_type = district.la_type;
            let (type_ranks, of_type) = &by_type[&la_type];
            let rank_in_type = type_ranks[d];
            let exact = rate(d);
            let interval = district.population.filter(|p| *p > 0.0).map(|p| {
                let (lo, hi) = exact_interval(count_of(d), 0.95);
                (round1(lo / p * 1000.0), round1(hi / p * 1000.0))
            });
            let vs_peer_mean = match (peer_rate, &dispersion, district.population) {
                (Some(r), Some(disp), Some(pop)) if district.covered && pop > 0.0 => {
                    Some(position(count_of(d), pop, r, disp))
                }
                _ => None,
            };
            AreaComparison {
                code: district.code.clone(),
                name: district.name.clone(),
                la_type,
                count: count_of(d),
                population: district.population,
                population_source: district.population_source,
                rate_per_1000: exact.map(|r| round1(r * 1000.0)),
                ci95_low: interval.map(|i| i.0),
                ci95_high: interval.map(|i| i.1),
                rank: rank_all[d],
                of: of_all,
                rank_in_type,
                of_type: *of_type,
                rank_in_peers: rank_peer[d],
                of_peers,
                in_peer_group: is_peer(d),
                vs_peer_mean,
                covered: district.covered,
                exact_rate: exact,
            }
        })
        .collect();
    areas.sort_by(|a, b| {
        let by_rate = match (a.exact_rate, b.exact_rate) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        by_rate.then_with(|| match (&a.code, &b.code) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.name.cmp(&b.name),
        })
    });
    let funnel = peer_rate
        .zip(dispersion)
        .and_then(|(r, disp)| funnel_of(&peer_areas, r, &disp));
    Comparison {
        financial_year: fy.label(),
        theme: theme.key(),
        theme_label: theme.label(),
        level: "district",
        subject: subject.map(|s| Subject {
            code: districts[s].code.clone(),
            name: districts[s].name.clone(),
        }),
        areas,
        peer_group: PeerGroupSummary {
            name: peer_set.name.clone(),
            codes: peer_codes,
            mean_rate_per_1000: peer_rate.map(|r| round1(r * 1000.0)),
            codes_not_in_file,
        },
        funnel,
        unplaced: counts.unplaced,
    }
}

/// Count a theme's financial year by district, then compare.
pub fn compare_theme(
    months: &[(u32, Vec<crate::store::month_counts::Cell>)],
    index: &DistrictIndex,
    theme: &Theme,
    fy: FinancialYear,
    subject: Option<usize>,
    peers: &PeerChoice,
) -> Comparison {
    let counts = index.year_counts(months, theme, fy);
    compare(index, &counts, theme, fy, subject, peers)
}

/// The funnel around the peer rate, over the peers' populations (a little beyond them).
fn funnel_of(peers: &[(i64, f64)], rate: f64, dispersion: &AreaDispersion) -> Option<Funnel> {
    let smallest = peers.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let largest = peers.iter().map(|p| p.1).fold(0.0, f64::max);
    if rate <= 0.0 || !smallest.is_finite() {
        return None;
    }
    let points = funnel_points(smallest * 0.8, largest * 1.2, rate, dispersion)
        .into_iter()
        .map(|p| FunnelPoint {
            population: p.population.round(),
            ..p
        })
        .collect();
    Some(Funnel {
        mean_rate_per_1000: round1(rate * 1000.0),
        target_per_1000: rate * 1000.0,
        dispersion: round2(dispersion.phi),
        limits: if dispersion.is_over_dispersed {
            "over_dispersed"
        } else {
            "poisson"
        },
        points,
    })
}

/// "1st", "2nd", "3rd", "4th", "11th", "21st".
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl Comparison {
    /// The subject's row.
    pub fn subject_row(&self) -> Option<&AreaComparison> {
        let subject = self.subject.as_ref()?;
        self.areas
            .iter()
            .find(|a| a.code == subject.code && a.name == subject.name)
    }

    /// "14th highest of 50 unitary authorities", for the subject among its type; `None`
    /// without a ranked subject.
    pub fn type_rank_phrase(&self) -> Option<String> {
        let row = self.subject_row()?;
        let rank = row.rank_in_type?;
        let kind = if row.of_type == 1 {
            row.la_type.singular()
        } else {
            row.la_type.plural()
        };
        Some(format!(
            "{} highest of {} {kind}",
            ordinal(rank),
            row.of_type
        ))
    }
}

#[cfg(test)]
pub(crate) mod tests;
