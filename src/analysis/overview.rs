//! The Overview page of one theme — the seed assessment's "Overall Crime Picture" — from
//! the decoded counts: level and rate, change on last year and on three years earlier with
//! a test of whether it is real, the trend over complete financial years, seasonality,
//! the type breakdown, and ward and LSOA hotspots with concentration.
//!
//! Pure: counts and geography in, figures out. Fast enough to run on every selector change
//! (one pass over the cells of the months involved).

use super::area::AreaIndex;
use super::breakdown::{type_shares, TypeShare};
use super::change::{explain, test_change_with_dispersion, TestMethod};
use super::dispersion::dispersion_of_years;
use super::financial_year::FinancialYear;
use super::hotspots::{concentration_top_decile, top_areas, top_share_pct, AreaCount, HotspotRow};
use super::monthly::year_total;
use super::rates::rate_per_1000;
use super::seasonality::{seasonal_profile, SeasonalProfile};
use super::spc::{c_chart, control_chart, ChartKind, ControlChart};
use super::theme::Theme;
use crate::import::crime_types::crime_type_name;
use crate::import::month::month_label;
use crate::store::month_counts::Cell;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Number of hotspot rows on the page (the seed shows the top 5 wards).
pub const TOP_N: usize = 5;

/// A financial year's total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FyTotal {
    pub fy: String,
    pub total: i64,
    /// False when some of its 12 months are missing from the data.
    pub complete: bool,
}

/// One month's count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthCount {
    pub month: String,
    pub count: i64,
}

/// Every figure of a theme's Overview page for one year and area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeOverview {
    pub theme: String,
    pub key: String,
    pub financial_year: String,
    pub area: String,
    pub total: i64,
    pub previous_total: Option<i64>,
    pub change: Option<i64>,
    pub change_pct: Option<f64>,
    /// Whether the change on last year is real, allowing for over-dispersion.
    pub change_significant: Option<bool>,
    /// The headline p-value: quasi-Poisson when the months vary more than chance alone,
    /// else the exact Poisson test's; never below `change_p_value_poisson`.
    pub change_p_value: Option<f64>,
    /// The exact Poisson (conditional binomial) p-value of the two yearly counts.
    pub change_p_value_poisson: Option<f64>,
    /// Which test gave `change_p_value`.
    pub change_method: Option<TestMethod>,
    /// How much the months of this year and last vary beyond the seasonal pattern,
    /// against chance alone (1 = Poisson; from the quasi-Poisson model with year and
    /// month-of-year effects); `None` when not all 24 months are held or a year has
    /// fewer than 60 incidents.
    pub dispersion: Option<f64>,
    /// One plain sentence on whether the change is real.
    pub change_explained: String,
    pub three_years_earlier_total: Option<i64>,
    pub change_3y: Option<i64>,
    pub change_3y_pct: Option<f64>,
    pub change_3y_significant: Option<bool>,
    pub population: Option<f64>,
    pub rate_per_1000: Option<f64>,
    pub trend: Vec<FyTotal>,
    /// The 12 months of the year, April to March.
    pub months: Vec<MonthCount>,
    pub seasonality: SeasonalProfile,
    /// c-chart over the 36 months to the end of the year.
    pub spc: ControlChart,
    /// XmR chart over the same months (limits from the month-to-month variation).
    pub spc_xmr: ControlChart,
    /// Every month held, in order, counted in the area (the Trends page's series).
    #[serde(skip)]
    pub series: Vec<(u32, i64)>,
    pub by_type: Vec<TypeShare>,
    pub top_wards: Vec<HotspotRow>,
    pub top5_share_pct: Option<f64>,
    pub top_lsoas: Vec<HotspotRow>,
    pub lsoa_top_decile_share_pct: Option<f64>,
    /// Incidents with no location ("No Location"): in the total when no area is set;
    /// outside it (they cannot be placed) when one is.
    pub unlocated: i64,
    /// Incidents in LSOAs the ward lookup does not know ("ward unknown").
    pub ward_unknown: i64,
}

/// Months of the data, for year selectors: every complete financial year, newest first.
pub fn complete_years(months: &[(u32, Vec<Cell>)]) -> Vec<FinancialYear> {
    let held: Vec<u32> = months.iter().map(|(m, _)| *m).collect();
    let mut years = super::financial_year::complete_years(&held);
    years.reverse();
    years
}

/// The year a page opens on: the latest with all 12 months present.
pub fn default_year(months: &[(u32, Vec<Cell>)]) -> Option<FinancialYear> {
    let held: Vec<u32> = months.iter().map(|(m, _)| *m).collect();
    FinancialYear::latest_complete(&held)
}

/// Counts of a theme in the area, gathered in one pass.
struct Gathered {
    by_month: BTreeMap<u32, i64>,
    by_type: BTreeMap<u8, i64>,
    by_lsoa: HashMap<u32, i64>,
    by_lsoa_previous: HashMap<u32, i64>,
    unlocated: i64,
    ward_unknown: i64,
}

fn gather(
    months: &[(u32, Vec<Cell>)],
    theme: &Theme,
    area: &AreaIndex,
    fy: FinancialYear,
) -> Gathered {
    let previous = FinancialYear(fy.0.saturating_sub(1));
    let mut g = Gathered {
        by_month: BTreeMap::new(),
        by_type: BTreeMap::new(),
        by_lsoa: HashMap::new(),
        by_lsoa_previous: HashMap::new(),
        unlocated: 0,
        ward_unknown: 0,
    };
    for (month, cells) in months {
        let month_fy = FinancialYear::of_month(*month);
        let mut month_total = 0;
        for cell in cells.iter().filter(|c| theme.includes(c.crime_type)) {
            let this_year = month_fy == fy;
            if cell.lsoa == 0 && this_year {
                g.unlocated += cell.n;
            }
            if !area.counts(cell.lsoa) {
                continue;
            }
            month_total += cell.n;
            if this_year {
                *g.by_type.entry(cell.crime_type).or_default() += cell.n;
                if cell.lsoa > 0 {
                    *g.by_lsoa.entry(cell.lsoa).or_default() += cell.n;
                    if area.ward_of(cell.lsoa).is_none() {
                        g.ward_unknown += cell.n;
                    }
                }
            } else if month_fy == previous && cell.lsoa > 0 {
                *g.by_lsoa_previous.entry(cell.lsoa).or_default() += cell.n;
            }
        }
        g.by_month.insert(*month, month_total);
    }
    g
}

/// The months of a series in the three financial years ending with `fy`.
pub fn last_three_years(series: &[(u32, i64)], fy: FinancialYear) -> Vec<(u32, i64)> {
    let start = FinancialYear(fy.0.saturating_sub(2)).months()[0];
    let end = fy.months()[11];
    series
        .iter()
        .filter(|(m, _)| (start..=end).contains(m))
        .copied()
        .collect()
}

/// Build a theme's Overview for a financial year.
pub fn theme_overview(
    months: &[(u32, Vec<Cell>)],
    theme: &Theme,
    area: &AreaIndex,
    fy: FinancialYear,
) -> ThemeOverview {
    let g = gather(months, theme, area, fy);
    let held: Vec<u32> = g.by_month.keys().copied().collect();
    let fy_total = |year: FinancialYear| -> Option<(i64, bool)> {
        year_total(&g.by_month, year).map(|t| (t.total, t.is_complete()))
    };
    let total = fy_total(fy).map_or(0, |t| t.0);
    let previous_total = fy_total(FinancialYear(fy.0.saturating_sub(1))).map(|t| t.0);
    let three_years = fy_total(FinancialYear(fy.0.saturating_sub(3))).map(|t| t.0);
    let label = theme.label();
    let dispersion = dispersion_of_years(&g.by_month, fy);
    let test = previous_total.map(|p| test_change_with_dispersion(total, p, dispersion));
    let test_3y = three_years.map(|p| test_change_with_dispersion(total, p, dispersion));
    let change_explained = match &test {
        Some(t) => explain(t, &label),
        None => format!("{label}: no data for the previous year to compare with."),
    };
    let first_fy = held.first().map(|m| FinancialYear::of_month(*m));
    let trend = first_fy
        .map(|first| {
            (first.0..=fy.0)
                .filter_map(|y| {
                    let year = FinancialYear(y);
                    fy_total(year).map(|(total, complete)| FyTotal {
                        fy: year.label(),
                        total,
                        complete,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let series: Vec<(u32, i64)> = g.by_month.iter().map(|(m, n)| (*m, *n)).collect();
    let year_months: Vec<MonthCount> = fy
        .months()
        .iter()
        .map(|m| MonthCount {
            month: month_label(*m),
            count: g.by_month.get(m).copied().unwrap_or(0),
        })
        .collect();
    let spc_series = last_three_years(&series, fy);
    let type_counts: Vec<(String, i64)> = g
        .by_type
        .iter()
        .map(|(t, n)| (crime_type_name(*t).unwrap_or("Unknown").to_string(), *n))
        .collect();
    let (top_wards, top5_share_pct) = ward_hotspots(&g, area, total);
    let (top_lsoas, decile) = lsoa_hotspots(&g, area, total);
    ThemeOverview {
        theme: label,
        key: theme.key(),
        financial_year: fy.label(),
        area: area.name.clone(),
        total,
        previous_total,
        change: test.as_ref().map(|t| t.change),
        change_pct: test.as_ref().and_then(|t| t.change_pct),
        change_significant: test.as_ref().map(|t| t.significant),
        change_p_value: test.as_ref().map(|t| t.p_value),
        change_p_value_poisson: test.as_ref().map(|t| t.p_value_poisson),
        change_method: test.as_ref().map(|t| t.method),
        dispersion,
        change_explained,
        three_years_earlier_total: three_years,
        change_3y: test_3y.as_ref().map(|t| t.change),
        change_3y_pct: test_3y.as_ref().and_then(|t| t.change_pct),
        change_3y_significant: test_3y.as_ref().map(|t| t.significant),
        population: area.population,
        rate_per_1000: area.population.and_then(|p| rate_per_1000(total, p)),
        trend,
        months: year_months,
        seasonality: seasonal_profile(&series, fy),
        spc: c_chart(&spc_series),
        spc_xmr: control_chart(&spc_series, ChartKind::Xmr),
        series,
        by_type: if theme.has_breakdown() {
            type_shares(&type_counts)
        } else {
            Vec::new()
        },
        top_wards,
        top5_share_pct,
        top_lsoas,
        lsoa_top_decile_share_pct: decile,
        unlocated: g.unlocated,
        ward_unknown: g.ward_unknown,
    }
}

fn ward_hotspots(g: &Gathered, area: &AreaIndex, total: i64) -> (Vec<HotspotRow>, Option<f64>) {
    if area.wards.is_empty() {
        return (Vec::new(), None);
    }
    let per_ward = |counts: &HashMap<u32, i64>| -> Vec<AreaCount> {
        let mut by_ward = vec![0i64; area.wards.len()];
        for (lsoa, n) in counts {
            if let Some(w) = area.ward_of(*lsoa) {
                by_ward[w] += n;
            }
        }
        area.wards
            .iter()
            .zip(by_ward)
            .map(|((code, name, _), count)| AreaCount {
                code: code.clone(),
                name: name.clone(),
                count,
            })
            .collect()
    };
    let populations: HashMap<String, f64> = area
        .wards
        .iter()
        .filter_map(|(code, _, pop)| pop.map(|p| (code.clone(), p)))
        .collect();
    let rows = top_areas(
        &per_ward(&g.by_lsoa),
        &per_ward(&g.by_lsoa_previous),
        &populations,
        TOP_N,
        total,
    );
    let share = top_share_pct(&rows, total);
    (rows, share)
}

fn lsoa_hotspots(g: &Gathered, area: &AreaIndex, total: i64) -> (Vec<HotspotRow>, Option<f64>) {
    let per_lsoa = |counts: &HashMap<u32, i64>| -> Vec<AreaCount> {
        area.lsoas
            .iter()
            .filter(|l| l.0 > 0)
            .map(|(id, code, name, _)| AreaCount {
                code: code.clone(),
                name: name.clone(),
                count: counts.get(id).copied().unwrap_or(0),
            })
            .collect()
    };
    let populations: HashMap<String, f64> = area
        .lsoas
        .iter()
        .filter_map(|(_, code, _, pop)| pop.map(|p| (code.clone(), p)))
        .collect();
    let rows = top_areas(
        &per_lsoa(&g.by_lsoa),
        &per_lsoa(&g.by_lsoa_previous),
        &populations,
        TOP_N,
        total,
    );
    let all: Vec<i64> = area
        .lsoas
        .iter()
        .map(|(id, ..)| {
            if *id > 0 {
                g.by_lsoa.get(id).copied().unwrap_or(0)
            } else {
                0
            }
        })
        .collect();
    (rows, concentration_top_decile(&all))
}
