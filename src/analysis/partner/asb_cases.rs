//! The council ASB cases theme: cases opened by month and category, repeat cases, cases
//! open more than 90 days at the end of the year (or of the data, for the latest year),
//! actions taken and the wards with most cases — shown beside police-recorded ASB for the
//! same year, never added to it (a case and an incident are different things).

use super::common::{
    month_name, previous_when_complete, shares_largest_first, top_wards, years_newest_first, Share,
    WardRate, YearChange,
};
use super::dataset::{DatasetAnalysis, PartnerFigures};
use super::headlines::headline_wards;
use super::place::{PartnerArea, WardTally};
use crate::analysis::area::AreaIndex;
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::rates::percent_of;
use crate::import::month::month_of;
use crate::import::partner::values::asb_action_label;
use crate::import::partner::{AsbCase, PartnerLayout};
use crate::store::cube::CountCube;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A case open longer than this many days is "long-running".
pub const LONG_RUNNING_DAYS: i64 = 90;
const TOP_WARDS: usize = 10;

/// One month of the chosen year: cases opened, by category in `categories` order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AsbMonth {
    pub month: String,
    pub opened: i64,
    pub by_category: Vec<i64>,
}

/// What the file's council ASB cases give, beside police-recorded ASB.
pub const ANALYSIS: DatasetAnalysis = DatasetAnalysis {
    layout: PartnerLayout::AsbCases,
    years: |rows| asb_years(&rows.asb_cases),
    months: |rows| rows.asb_cases.iter().map(|r| month_of(r.opened)).collect(),
    figures: |inputs, year| {
        PartnerFigures::AsbCases(asb_case_figures(
            &inputs.rows.asb_cases,
            inputs.area,
            year,
            police_asb_total(inputs.cube, inputs.index, year),
        ))
    },
};

/// The ASB cases page for one year and area. Serialised, it is the theme's headline in
/// `stats --json` (a contract): what only the page shows is skipped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AsbCaseFigures {
    pub financial_year: String,
    pub area: String,
    pub opened: i64,
    pub change: YearChange,
    pub repeat_cases: i64,
    pub repeat_pct: Option<f64>,
    /// The date "open more than 90 days" is measured at: the year's end, or the last
    /// date in the data when that is earlier.
    pub as_at: String,
    #[serde(skip)]
    pub open_at_end: i64,
    pub open_over_90_days: i64,
    pub by_category: Vec<Share>,
    pub by_action: Vec<Share>,
    /// Categories in the order of `months[].by_category`, largest first.
    #[serde(skip)]
    pub categories: Vec<String>,
    #[serde(skip)]
    pub months: Vec<AsbMonth>,
    #[serde(serialize_with = "headline_wards")]
    pub top_wards: Vec<WardRate>,
    #[serde(skip)]
    pub ward_unknown: i64,
    /// Police-recorded ASB incidents in the same year and area, for comparison only.
    pub police_asb_incidents: Option<i64>,
}

/// Financial years the cases were opened in, newest first.
pub fn asb_years(rows: &[AsbCase]) -> Vec<FinancialYear> {
    years_newest_first(rows.iter().map(|r| month_of(r.opened)))
}

/// Police-recorded ASB in `year` within the area, to show beside council cases; `None`
/// when the file holds no police month of that year.
pub fn police_asb_total(cube: &CountCube, area: &AreaIndex, year: FinancialYear) -> Option<i64> {
    let months = year.months();
    if !cube.months.iter().any(|(m, _)| months.contains(m)) {
        return None;
    }
    let theme = crate::analysis::theme::Theme::all(&cube.groups)
        .into_iter()
        .find(|t| t.key() == "asb")?;
    Some(crate::analysis::overview::theme_overview(&cube.months, &theme, area, year).total)
}

/// The last day of a financial year.
fn year_end(year: FinancialYear) -> NaiveDate {
    NaiveDate::from_ymd_opt(year.0.saturating_add(1).min(9999) as i32, 3, 31)
        .unwrap_or(NaiveDate::MAX)
}

/// The figures of `year` for the cases in `area`; `police_asb` is the police ASB total
/// for the same year and area, when police data are held.
pub fn asb_case_figures(
    rows: &[AsbCase],
    area: &PartnerArea,
    year: FinancialYear,
    police_asb: Option<i64>,
) -> AsbCaseFigures {
    let held: BTreeSet<u32> = rows.iter().map(|r| month_of(r.opened)).collect();
    let last_date = rows
        .iter()
        .flat_map(|r| std::iter::once(r.opened).chain(r.closed))
        .max();
    let as_at = match last_date {
        Some(d) => d.min(year_end(year)),
        None => year_end(year),
    };
    let mut per_year: BTreeMap<FinancialYear, i64> = BTreeMap::new();
    let mut category: BTreeMap<String, i64> = BTreeMap::new();
    let mut action: BTreeMap<String, i64> = BTreeMap::new();
    let mut month_category: BTreeMap<(u32, String), i64> = BTreeMap::new();
    let mut wards = WardTally::new(area);
    let (mut repeat, mut open_at_end, mut long_running) = (0, 0, 0);
    for r in rows {
        let Some(placement) = area.counted(&r.area) else {
            continue;
        };
        if r.opened <= as_at && r.closed.is_none_or(|c| c > as_at) {
            open_at_end += 1;
            if (as_at - r.opened).num_days() > LONG_RUNNING_DAYS {
                long_running += 1;
            }
        }
        let month = month_of(r.opened);
        let fy = FinancialYear::of_month(month);
        *per_year.entry(fy).or_default() += 1;
        if fy != year {
            continue;
        }
        repeat += i64::from(r.repeat == Some(true));
        *category.entry(r.category.clone()).or_default() += 1;
        *action
            .entry(asb_action_label(r.action).to_string())
            .or_default() += 1;
        *month_category
            .entry((month, r.category.clone()))
            .or_default() += 1;
        wards.add(placement);
    }
    let opened = per_year.get(&year).copied().unwrap_or(0);
    let previous = previous_when_complete(&per_year, year, &held);
    let by_category = shares_largest_first(category.into_iter().collect());
    let categories: Vec<String> = by_category.iter().map(|s| s.label.clone()).collect();
    let months = year
        .months()
        .iter()
        .map(|&m| {
            let by_category: Vec<i64> = categories
                .iter()
                .map(|c| month_category.get(&(m, c.clone())).copied().unwrap_or(0))
                .collect();
            AsbMonth {
                month: month_name(m),
                opened: by_category.iter().sum(),
                by_category,
            }
        })
        .collect();
    AsbCaseFigures {
        financial_year: year.label(),
        area: area.name.clone(),
        opened,
        change: YearChange::of(opened, previous, "Council ASB cases opened", year),
        repeat_cases: repeat,
        repeat_pct: percent_of(repeat, opened),
        as_at: as_at.format("%Y-%m-%d").to_string(),
        open_at_end,
        open_over_90_days: long_running,
        by_category,
        by_action: shares_largest_first(action.into_iter().collect()),
        categories,
        months,
        top_wards: top_wards(&wards.counts, &area.wards, opened, TOP_WARDS),
        ward_unknown: wards.unknown,
        police_asb_incidents: police_asb,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::partner::values::AsbAction;

    fn case(opened: &str, closed: Option<&str>, category: &str) -> AsbCase {
        let d = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap();
        AsbCase {
            reference: "C".into(),
            opened: d(opened),
            closed: closed.map(d),
            category: category.into(),
            area: "E05000001".into(),
            repeat: Some(category == "Noise"),
            action: Some(AsbAction::Warning),
        }
    }

    #[test]
    fn opened_repeat_and_long_running_cases() {
        let rows = vec![
            case("2024-04-10", Some("2024-05-01"), "Noise"),
            case("2024-06-01", None, "Noise"),
            case("2025-03-01", None, "Drugs"),
            case("2025-05-01", Some("2025-06-01"), "Drugs"),
        ];
        let f = asb_case_figures(
            &rows,
            &PartnerArea::everything("All"),
            FinancialYear(2024),
            Some(50),
        );
        assert_eq!(f.opened, 3);
        assert_eq!(f.repeat_cases, 2);
        assert_eq!(f.as_at, "2025-03-31");
        assert_eq!((f.open_at_end, f.open_over_90_days), (2, 1));
        assert_eq!(f.categories, ["Noise", "Drugs"]);
        assert_eq!(f.months[0].by_category, vec![1, 0]);
        let monthly: i64 = f.months.iter().map(|m| m.opened).sum();
        assert_eq!(monthly, f.opened);
        assert_eq!(f.police_asb_incidents, Some(50));
        let latest = asb_case_figures(
            &rows,
            &PartnerArea::everything("All"),
            FinancialYear(2025),
            None,
        );
        assert_eq!(latest.as_at, "2025-06-01");
    }
}
