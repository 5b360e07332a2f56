//! The headline figures of each partner theme for a year and area — what `stats --json`
//! prints under `themes.domestic_abuse`, `themes.marac`, `themes.asb_cases` and
//! `themes.treatment`, and what the report's partner sections quote. A theme is `None`
//! when the file holds none of its rows.

use super::asb_cases::{asb_case_figures, AsbCaseFigures};
use super::common::{Share, WardRate, YearChange};
use super::domestic_abuse::{domestic_abuse_figures, DomesticAbuseFigures};
use super::marac::{marac_figures, MaracFigures};
use super::place::PartnerArea;
use super::treatment::{treatment_figures, TreatmentFigures, TreatmentGroupYear};
use crate::analysis::financial_year::FinancialYear;
use crate::store::partner::PartnerRows;
use serde::Serialize;

/// Wards quoted in a headline.
const HEADLINE_WARDS: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomesticAbuseHeadline {
    pub financial_year: String,
    pub area: String,
    pub incidents: i64,
    pub crimes: i64,
    pub non_crimes: i64,
    pub change: YearChange,
    pub repeat_victim_pct: Option<f64>,
    pub high_risk_pct: Option<f64>,
    pub referred_to_marac: i64,
    pub female_victim_pct: Option<f64>,
    pub rate_per_1000: Option<f64>,
    pub top_wards: Vec<WardRate>,
}

impl From<&DomesticAbuseFigures> for DomesticAbuseHeadline {
    fn from(f: &DomesticAbuseFigures) -> Self {
        DomesticAbuseHeadline {
            financial_year: f.financial_year.clone(),
            area: f.area.clone(),
            incidents: f.incidents,
            crimes: f.crimes,
            non_crimes: f.non_crimes,
            change: f.change.clone(),
            repeat_victim_pct: f.repeat_victim_pct,
            high_risk_pct: f.high_risk_pct,
            referred_to_marac: f.referred_to_marac,
            female_victim_pct: f.female_victim_pct,
            rate_per_1000: f.rate_per_1000,
            top_wards: f.top_wards.iter().take(HEADLINE_WARDS).cloned().collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MaracHeadline {
    pub financial_year: String,
    pub quarters_held: usize,
    pub cases: i64,
    pub change: YearChange,
    pub repeat_cases: i64,
    pub repeat_pct: Option<f64>,
    pub repeat_benchmark_pct: f64,
    pub female_16_plus: Option<f64>,
    pub cases_per_10000_women: Option<f64>,
    pub cases_per_10000_benchmark: f64,
    pub referrals_from_police: i64,
    pub referrals_from_other_agencies: i64,
    pub police_referral_pct: Option<f64>,
}

impl From<&MaracFigures> for MaracHeadline {
    fn from(f: &MaracFigures) -> Self {
        MaracHeadline {
            financial_year: f.financial_year.clone(),
            quarters_held: f.quarters_held,
            cases: f.cases,
            change: f.change.clone(),
            repeat_cases: f.repeat_cases,
            repeat_pct: f.repeat_pct,
            repeat_benchmark_pct: f.repeat_benchmark_pct,
            female_16_plus: f.female_16_plus,
            cases_per_10000_women: f.cases_per_10000_women,
            cases_per_10000_benchmark: f.cases_per_10000_benchmark,
            referrals_from_police: f.referrals_from_police,
            referrals_from_other_agencies: f.referrals_from_other_agencies,
            police_referral_pct: f.police_referral_pct,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AsbCasesHeadline {
    pub financial_year: String,
    pub area: String,
    pub opened: i64,
    pub change: YearChange,
    pub repeat_cases: i64,
    pub repeat_pct: Option<f64>,
    pub as_at: String,
    pub open_over_90_days: i64,
    pub by_category: Vec<Share>,
    pub by_action: Vec<Share>,
    pub top_wards: Vec<WardRate>,
    pub police_asb_incidents: Option<i64>,
}

impl From<&AsbCaseFigures> for AsbCasesHeadline {
    fn from(f: &AsbCaseFigures) -> Self {
        AsbCasesHeadline {
            financial_year: f.financial_year.clone(),
            area: f.area.clone(),
            opened: f.opened,
            change: f.change.clone(),
            repeat_cases: f.repeat_cases,
            repeat_pct: f.repeat_pct,
            as_at: f.as_at.clone(),
            open_over_90_days: f.open_over_90_days,
            by_category: f.by_category.clone(),
            by_action: f.by_action.clone(),
            top_wards: f.top_wards.iter().take(HEADLINE_WARDS).cloned().collect(),
            police_asb_incidents: f.police_asb_incidents,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TreatmentHeadline {
    pub financial_year: String,
    pub is_complete: bool,
    pub method: &'static str,
    pub groups: Vec<TreatmentGroupYear>,
    pub total: TreatmentGroupYear,
}

impl From<&TreatmentFigures> for TreatmentHeadline {
    fn from(f: &TreatmentFigures) -> Self {
        TreatmentHeadline {
            financial_year: f.financial_year.clone(),
            is_complete: f.is_complete,
            method: f.method,
            groups: f.groups.clone(),
            total: f.total.clone(),
        }
    }
}

/// Every partner theme's headline for one year and area.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PartnerHeadlines {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domestic_abuse: Option<DomesticAbuseHeadline>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marac: Option<MaracHeadline>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asb_cases: Option<AsbCasesHeadline>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub treatment: Option<TreatmentHeadline>,
}

/// The headlines of `year` in `area`. `police_asb` is the police-recorded ASB total for
/// the same year and area (shown beside council cases), when police data are held.
pub fn partner_headlines(
    rows: &PartnerRows,
    area: &PartnerArea,
    year: FinancialYear,
    police_asb: Option<i64>,
) -> PartnerHeadlines {
    PartnerHeadlines {
        domestic_abuse: (!rows.domestic_abuse.is_empty())
            .then(|| (&domestic_abuse_figures(&rows.domestic_abuse, area, year)).into()),
        marac: (!rows.marac.is_empty())
            .then(|| (&marac_figures(&rows.marac, year, rows.female_16_plus)).into()),
        asb_cases: (!rows.asb_cases.is_empty())
            .then(|| (&asb_case_figures(&rows.asb_cases, area, year, police_asb)).into()),
        treatment: (!rows.treatment.is_empty())
            .then(|| (&treatment_figures(&rows.treatment, year)).into()),
    }
}

/// Police-recorded ASB in `year` within the area, to show beside council cases; `None`
/// when the file holds no police month of that year.
pub fn police_asb_total(
    cube: &crate::store::cube::CountCube,
    area: &crate::analysis::area::AreaIndex,
    year: FinancialYear,
) -> Option<i64> {
    let months = year.months();
    if !cube.months.iter().any(|(m, _)| months.contains(m)) {
        return None;
    }
    let theme = crate::analysis::theme::Theme::all(&cube.groups)
        .into_iter()
        .find(|t| t.key() == "asb")?;
    Some(crate::analysis::overview::theme_overview(&cube.months, &theme, area, year).total)
}

/// The newest financial year some partner source holds completely (12 months of
/// incidents or cases, 4 MARAC quarters, or a whole year of treatment periods).
pub fn latest_complete_partner_year(rows: &PartnerRows) -> Option<FinancialYear> {
    use crate::store::partner::month_of;
    let mut months: std::collections::BTreeSet<u32> = rows
        .domestic_abuse
        .iter()
        .map(|r| month_of(r.date))
        .collect();
    months.extend(rows.asb_cases.iter().map(|r| month_of(r.opened)));
    for q in &rows.marac {
        let mut m = q.quarter.start_month;
        for _ in 0..q.quarter.months {
            months.insert(m);
            m = if m % 100 == 12 { m + 89 } else { m + 1 };
        }
    }
    for t in &rows.treatment {
        let mut m = t.period.start_month;
        for _ in 0..t.period.months {
            months.insert(m);
            m = if m % 100 == 12 { m + 89 } else { m + 1 };
        }
    }
    let list: Vec<u32> = months.into_iter().collect();
    FinancialYear::latest_complete(&list)
}
