//! The domestic abuse theme: incidents and crimes by financial year and month, the change
//! on last year and whether it is real, repeat-victim and high-risk shares, MARAC
//! referrals, victim sex and age, and the wards with most incidents with rates.
//!
//! Shares (repeat, high risk, female) are of all incidents in the year: a blank flag
//! counts as "not recorded as repeat / high risk", as forces publish them.

use super::common::{
    is_complete, month_name, previous_when_complete, shares, shares_largest_first, top_wards,
    years_newest_first, Share, WardRate, YearChange,
};
use super::dataset::{DatasetAnalysis, PartnerFigures};
use super::headlines::headline_wards;
use super::place::{PartnerArea, WardTally};
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::rates::{percent_of, rate_per_1000};
use crate::import::month::month_of;
use crate::import::partner::values::{age_band_label, RiskLevel, Sex};
use crate::import::partner::{DaIncident, PartnerLayout};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Wards listed in the hotspot table.
const TOP_WARDS: usize = 10;

/// One financial year's totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DaYear {
    pub fy: String,
    pub incidents: i64,
    pub crimes: i64,
    pub non_crimes: i64,
    /// All 12 months are held.
    pub complete: bool,
}

/// One month of the chosen year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DaMonth {
    pub month: String,
    pub incidents: i64,
    pub crimes: i64,
    pub non_crimes: i64,
}

/// What the file's domestic abuse incidents give.
pub const ANALYSIS: DatasetAnalysis = DatasetAnalysis {
    layout: PartnerLayout::DomesticAbuse,
    years: |rows| da_years(&rows.domestic_abuse),
    months: |rows| {
        rows.domestic_abuse
            .iter()
            .map(|r| month_of(r.date))
            .collect()
    },
    figures: |inputs, year| {
        PartnerFigures::DomesticAbuse(domestic_abuse_figures(
            &inputs.rows.domestic_abuse,
            inputs.area,
            year,
        ))
    },
};

/// The domestic abuse page for one year and area. Serialised, it is the theme's headline
/// in `stats --json` (a contract): what only the page shows is skipped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomesticAbuseFigures {
    pub financial_year: String,
    pub area: String,
    /// Incidents and crimes together.
    pub incidents: i64,
    pub crimes: i64,
    pub non_crimes: i64,
    /// Change in incidents on last year.
    pub change: YearChange,
    /// Change in crimes on last year.
    #[serde(skip)]
    pub crimes_change: YearChange,
    pub repeat_victim_pct: Option<f64>,
    /// Incidents with a repeat victim (the count behind `repeat_victim_pct`).
    #[serde(skip)]
    pub repeat_victims: i64,
    pub high_risk_pct: Option<f64>,
    pub referred_to_marac: i64,
    pub female_victim_pct: Option<f64>,
    /// Incidents per 1,000 residents of the area.
    pub rate_per_1000: Option<f64>,
    #[serde(skip)]
    pub by_year: Vec<DaYear>,
    #[serde(skip)]
    pub months: Vec<DaMonth>,
    #[serde(skip)]
    pub by_sex: Vec<Share>,
    #[serde(skip)]
    pub by_age: Vec<Share>,
    #[serde(skip)]
    pub by_risk: Vec<Share>,
    #[serde(serialize_with = "headline_wards")]
    pub top_wards: Vec<WardRate>,
    /// Incidents counted whose area is not a ward of the lookup (postcodes, unknown LSOAs).
    #[serde(skip)]
    pub ward_unknown: i64,
}

/// Financial years the incidents touch, newest first.
pub fn da_years(rows: &[DaIncident]) -> Vec<FinancialYear> {
    years_newest_first(rows.iter().map(|r| month_of(r.date)))
}

/// The figures of `year` for the incidents that count in `area`.
pub fn domestic_abuse_figures(
    rows: &[DaIncident],
    area: &PartnerArea,
    year: FinancialYear,
) -> DomesticAbuseFigures {
    let held: BTreeSet<u32> = rows.iter().map(|r| month_of(r.date)).collect();
    let mut per_year: BTreeMap<FinancialYear, (i64, i64)> = BTreeMap::new();
    let mut months: BTreeMap<u32, (i64, i64)> =
        year.months().iter().map(|m| (*m, (0, 0))).collect();
    let mut wards = WardTally::new(area);
    let (mut repeat, mut high, mut marac, mut female) = (0, 0, 0, 0);
    let mut sex: BTreeMap<Sex, i64> = BTreeMap::new();
    let mut age: BTreeMap<String, i64> = BTreeMap::new();
    let mut risk: BTreeMap<Option<RiskLevel>, i64> = BTreeMap::new();
    for r in rows {
        let Some(placement) = area.counted(&r.area_code) else {
            continue;
        };
        let month = month_of(r.date);
        let fy = FinancialYear::of_month(month);
        let entry = per_year.entry(fy).or_default();
        entry.0 += 1;
        entry.1 += i64::from(r.is_crime);
        if fy != year {
            continue;
        }
        if let Some(m) = months.get_mut(&month) {
            m.0 += 1;
            m.1 += i64::from(r.is_crime);
        }
        wards.add(placement);
        repeat += i64::from(r.repeat_victim == Some(true));
        high += i64::from(r.risk == Some(RiskLevel::High));
        marac += i64::from(r.referred_to_marac == Some(true));
        female += i64::from(r.victim_sex == Sex::Female);
        *sex.entry(r.victim_sex).or_default() += 1;
        *age.entry(age_band_label(r.victim_age_band.as_ref()).to_string())
            .or_default() += 1;
        *risk.entry(r.risk).or_default() += 1;
    }
    let (incidents, crimes) = per_year.get(&year).copied().unwrap_or_default();
    let previous = previous_when_complete(&per_year, year, &held);
    DomesticAbuseFigures {
        financial_year: year.label(),
        area: area.name.clone(),
        incidents,
        crimes,
        non_crimes: incidents - crimes,
        change: YearChange::of(
            incidents,
            previous.map(|p| p.0),
            "Domestic abuse incidents",
            year,
        ),
        crimes_change: YearChange::of(crimes, previous.map(|p| p.1), "Domestic abuse crimes", year),
        repeat_victim_pct: percent_of(repeat, incidents),
        repeat_victims: repeat,
        high_risk_pct: percent_of(high, incidents),
        referred_to_marac: marac,
        female_victim_pct: percent_of(female, incidents),
        rate_per_1000: area.population.and_then(|p| rate_per_1000(incidents, p)),
        by_year: per_year
            .iter()
            .map(|(fy, (n, c))| DaYear {
                fy: fy.label(),
                incidents: *n,
                crimes: *c,
                non_crimes: n - c,
                complete: is_complete(*fy, &held),
            })
            .collect(),
        months: months
            .iter()
            .map(|(m, (n, c))| DaMonth {
                month: month_name(*m),
                incidents: *n,
                crimes: *c,
                non_crimes: n - c,
            })
            .collect(),
        by_sex: shares(
            sex.into_iter()
                .map(|(s, n)| (s.label().to_string(), n))
                .collect(),
        ),
        by_age: shares(age_order(age)),
        by_risk: shares_largest_first(
            risk.into_iter()
                .map(|(r, n)| (r.map_or("Not assessed", RiskLevel::label).to_string(), n))
                .collect(),
        ),
        top_wards: top_wards(&wards.counts, &area.wards, incidents, TOP_WARDS),
        ward_unknown: wards.unknown,
    }
}

/// Age bands youngest first, "Unknown" last.
fn age_order(age: BTreeMap<String, i64>) -> Vec<(String, i64)> {
    let key = |band: &str| -> u32 {
        if band.starts_with("under") {
            return 0;
        }
        band.split(['-', '+'])
            .next()
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(u32::MAX)
    };
    let mut rows: Vec<(String, i64)> = age.into_iter().collect();
    rows.sort_by_key(|(band, _)| key(band));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn incident(date: &str, crime: bool, area: &str, high: bool) -> DaIncident {
        DaIncident {
            reference: "R".into(),
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
            is_crime: crime,
            offence: String::new(),
            area_code: area.into(),
            victim_sex: Sex::Female,
            victim_age_band: None,
            repeat_victim: Some(high),
            risk: high.then_some(RiskLevel::High),
            referred_to_marac: Some(high),
        }
    }

    #[test]
    fn counts_a_year_its_months_and_shares() {
        let mut rows = Vec::new();
        for m in 4..=12 {
            rows.push(incident(&format!("2023-{m:02}-01"), true, "E01", false));
        }
        for m in 1..=3 {
            rows.push(incident(&format!("2024-{m:02}-01"), false, "E01", false));
        }
        rows.push(incident("2024-04-02", true, "E01", true));
        rows.push(incident("2024-05-02", false, "E01", false));
        let f = domestic_abuse_figures(&rows, &PartnerArea::everything("All"), FinancialYear(2024));
        assert_eq!((f.incidents, f.crimes, f.non_crimes), (2, 1, 1));
        assert_eq!(f.change.previous, None, "2024/25 is not complete");
        let last =
            domestic_abuse_figures(&rows, &PartnerArea::everything("All"), FinancialYear(2023));
        assert_eq!(last.incidents, 12);
        assert_eq!(f.high_risk_pct, Some(50.0));
        assert_eq!(f.referred_to_marac, 1);
        assert_eq!(f.months.len(), 12);
        assert_eq!(f.months[0].incidents, 1);
        assert_eq!(f.by_year.len(), 2);
        assert!(f.by_year[0].complete);
        assert_eq!(f.ward_unknown, 2);
        let monthly: i64 = f.months.iter().map(|m| m.incidents).sum();
        assert_eq!(monthly, f.incidents);
        assert_eq!(
            da_years(&rows),
            vec![FinancialYear(2024), FinancialYear(2023)]
        );
    }

    #[test]
    fn age_bands_youngest_first() {
        let age: BTreeMap<String, i64> =
            [("25-34", 1), ("under 16", 1), ("Unknown", 1), ("65+", 1)]
                .into_iter()
                .map(|(a, n)| (a.to_string(), n))
                .collect();
        let order: Vec<String> = age_order(age).into_iter().map(|a| a.0).collect();
        assert_eq!(order, ["under 16", "25-34", "65+", "Unknown"]);
    }
}
