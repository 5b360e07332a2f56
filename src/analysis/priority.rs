//! Priority scoring in the MoRiLE style: each issue (a theme or a free-text issue) is
//! scored 0–4 on harm (physical, psychological, financial, community), scope, victim
//! vulnerability, volume, trend and organisational position; a weighted total ranks the
//! issues; a confidence grade (A–C) says how good the evidence is, and does not change the
//! score. Volume and trend can be scored from the data; the rest is the partnership's
//! judgement. Pure: no store, no drawing.

use super::overview::ThemeOverview;
pub use crate::store::priorities::{Confidence, PriorityIssue};
use serde::Serialize;
use std::collections::BTreeMap;

/// Highest score on any criterion.
pub const MAX_SCORE: u8 = 4;

/// One thing an issue is scored on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Criterion {
    /// Stored key, e.g. `physical_harm`.
    pub key: &'static str,
    pub label: &'static str,
    /// What a 4 means, shown beside the score.
    pub high_means: &'static str,
    pub default_weight: f64,
    /// Scored from the data (volume, trend) when the issue is a theme.
    pub from_data: bool,
}

/// The criteria, in the order the matrix shows them.
pub const CRITERIA: [Criterion; 9] = [
    Criterion {
        key: "physical_harm",
        label: "Physical harm",
        high_means: "death or serious injury is likely",
        default_weight: 1.0,
        from_data: false,
    },
    Criterion {
        key: "psychological_harm",
        label: "Psychological harm",
        high_means: "lasting trauma for victims",
        default_weight: 1.0,
        from_data: false,
    },
    Criterion {
        key: "financial_harm",
        label: "Financial harm",
        high_means: "severe loss to victims or services",
        default_weight: 1.0,
        from_data: false,
    },
    Criterion {
        key: "community_harm",
        label: "Community harm",
        high_means: "erodes confidence across the area",
        default_weight: 1.0,
        from_data: false,
    },
    Criterion {
        key: "scope",
        label: "Scope",
        high_means: "affects the whole area",
        default_weight: 1.0,
        from_data: false,
    },
    Criterion {
        key: "vulnerability",
        label: "Victim vulnerability",
        high_means: "victims are mostly vulnerable people",
        default_weight: 1.0,
        from_data: false,
    },
    Criterion {
        key: "volume",
        label: "Volume",
        high_means: "a fifth or more of recorded crime",
        default_weight: 1.0,
        from_data: true,
    },
    Criterion {
        key: "trend",
        label: "Trend",
        high_means: "a real rise of 10% or more",
        default_weight: 1.0,
        from_data: true,
    },
    Criterion {
        key: "organisational_position",
        label: "Organisational position",
        high_means: "partners have little capacity or capability to respond",
        default_weight: 1.0,
        from_data: false,
    },
];

/// An issue's place in the ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedIssue {
    pub rank: usize,
    pub id: i64,
    pub name: String,
    pub total: f64,
    /// Total as a share of the highest possible total.
    pub percent_of_max: f64,
    pub confidence: Confidence,
}

/// Weight by criterion key; criteria not listed take their default.
pub fn weight_of(weights: &BTreeMap<String, f64>, criterion: &Criterion) -> f64 {
    weights
        .get(criterion.key)
        .copied()
        .filter(|w| w.is_finite() && *w >= 0.0)
        .unwrap_or(criterion.default_weight)
}

/// Σ weight × score over the criteria.
pub fn weighted_total(issue: &PriorityIssue, weights: &BTreeMap<String, f64>) -> f64 {
    CRITERIA
        .iter()
        .map(|c| {
            let score = issue.scores.get(c.key).copied().unwrap_or(0).min(MAX_SCORE);
            weight_of(weights, c) * f64::from(score)
        })
        .sum()
}

/// The highest total any issue could reach with these weights.
pub fn max_total(weights: &BTreeMap<String, f64>) -> f64 {
    CRITERIA
        .iter()
        .map(|c| weight_of(weights, c) * f64::from(MAX_SCORE))
        .sum()
}

/// Issues from highest total to lowest; equal totals share a rank and are listed by name.
pub fn rank_issues(issues: &[PriorityIssue], weights: &BTreeMap<String, f64>) -> Vec<RankedIssue> {
    let max = max_total(weights);
    let mut scored: Vec<(f64, &PriorityIssue)> = issues
        .iter()
        .map(|i| (weighted_total(i, weights), i))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    let mut ranked: Vec<RankedIssue> = Vec::with_capacity(scored.len());
    for (i, (total, issue)) in scored.iter().enumerate() {
        let rank = match ranked.last() {
            Some(prev) if (prev.total - total).abs() < 1e-9 => prev.rank,
            _ => i + 1,
        };
        ranked.push(RankedIssue {
            rank,
            id: issue.id,
            name: issue.name.clone(),
            total: (total * 10.0).round() / 10.0,
            percent_of_max: if max > 0.0 {
                (total / max * 1000.0).round() / 10.0
            } else {
                0.0
            },
            confidence: issue.confidence,
        });
    }
    ranked
}

/// Volume from the theme's share of all recorded crime in the year: 4 at 20 % or more,
/// 3 at 10 %, 2 at 5 %, 1 at 1 %, else 0.
pub fn volume_score(theme_total: i64, all_crime_total: i64) -> u8 {
    if all_crime_total <= 0 || theme_total <= 0 {
        return 0;
    }
    let share = theme_total as f64 / all_crime_total as f64 * 100.0;
    match share {
        s if s >= 20.0 => 4,
        s if s >= 10.0 => 3,
        s if s >= 5.0 => 2,
        s if s >= 1.0 => 1,
        _ => 0,
    }
}

/// Trend from the change on last year and whether it is real: a real rise of 10 % or more
/// 4, a smaller real rise 3, no real change 2, a real fall 1, a real fall of 10 % or more
/// 0. Without an earlier year, 2 (nothing known). "Real" is the Overview's verdict, which
/// allows for over-dispersion (quasi-Poisson when the months vary more than chance), so an
/// erratic series does not score a trend on Poisson arithmetic alone.
pub fn trend_score(change_pct: Option<f64>, significant: Option<bool>) -> u8 {
    match (change_pct, significant) {
        (Some(p), Some(true)) if p >= 10.0 => 4,
        (Some(p), Some(true)) if p > 0.0 => 3,
        (Some(p), Some(true)) if p <= -10.0 => 0,
        (Some(p), Some(true)) if p < 0.0 => 1,
        _ => 2,
    }
}

/// The scores the data can give a theme's issue: volume and trend.
pub fn scores_from_data(theme: &ThemeOverview, all_crime_total: i64) -> BTreeMap<String, u8> {
    BTreeMap::from([
        (
            "volume".to_string(),
            volume_score(theme.total, all_crime_total),
        ),
        (
            "trend".to_string(),
            trend_score(theme.change_pct, theme.change_significant),
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(id: i64, name: &str, scores: &[(&str, u8)]) -> PriorityIssue {
        PriorityIssue {
            id,
            name: name.into(),
            scores: scores.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            ..PriorityIssue::default()
        }
    }

    #[test]
    fn totals_are_weighted_sums_and_rank_with_ties_by_name() {
        let issues = vec![
            issue(1, "Shoplifting", &[("volume", 3), ("trend", 4)]),
            issue(
                2,
                "Domestic abuse",
                &[("physical_harm", 4), ("vulnerability", 4), ("volume", 2)],
            ),
            issue(3, "Burglary", &[("volume", 3), ("trend", 4)]),
        ];
        let mut weights = BTreeMap::new();
        weights.insert("physical_harm".to_string(), 2.0);
        // Domestic abuse 2×4 + 4 + 2 = 14; the other two 7 each.
        let ranked = rank_issues(&issues, &weights);
        let order: Vec<(&str, usize, f64)> = ranked
            .iter()
            .map(|r| (r.name.as_str(), r.rank, r.total))
            .collect();
        assert_eq!(
            order,
            vec![
                ("Domestic abuse", 1, 14.0),
                ("Burglary", 2, 7.0),
                ("Shoplifting", 2, 7.0)
            ]
        );
        // Max: (2 + 8×1) × 4 = 40.
        assert_eq!(max_total(&weights), 40.0);
        assert_eq!(ranked[0].percent_of_max, 35.0);
    }

    #[test]
    fn scores_above_four_and_bad_weights_cannot_inflate_a_total() {
        let i = issue(1, "x", &[("scope", 9)]);
        let mut weights = BTreeMap::new();
        weights.insert("scope".to_string(), f64::NAN);
        assert_eq!(weighted_total(&i, &weights), 4.0);
        weights.insert("scope".to_string(), -3.0);
        assert_eq!(weighted_total(&i, &weights), 4.0);
    }

    #[test]
    fn volume_and_trend_follow_the_documented_bands() {
        assert_eq!(volume_score(2_000, 10_000), 4);
        assert_eq!(volume_score(1_999, 10_000), 3);
        assert_eq!(volume_score(500, 10_000), 2);
        assert_eq!(volume_score(100, 10_000), 1);
        assert_eq!(volume_score(99, 10_000), 0);
        assert_eq!(volume_score(5, 0), 0);
        assert_eq!(trend_score(Some(12.0), Some(true)), 4);
        assert_eq!(trend_score(Some(6.3), Some(true)), 3);
        assert_eq!(trend_score(Some(50.0), Some(false)), 2);
        assert_eq!(trend_score(Some(-4.0), Some(true)), 1);
        assert_eq!(trend_score(Some(-10.0), Some(true)), 0);
        assert_eq!(trend_score(None, None), 2);
    }

    #[test]
    fn the_trend_score_follows_the_over_dispersion_aware_verdict() {
        use crate::analysis::change::{test_change, test_change_with_dispersion};
        // ASB on the sample, −4.2 %: real on Poisson arithmetic (a real fall, 1); with the
        // months three times as variable as chance it is not (2).
        let poisson = test_change(6_189, 6_462);
        let erratic = test_change_with_dispersion(6_189, 6_462, Some(3.0));
        assert_eq!(
            trend_score(poisson.change_pct, Some(poisson.significant)),
            1
        );
        assert_eq!(
            trend_score(erratic.change_pct, Some(erratic.significant)),
            2
        );
    }

    #[test]
    fn confidence_letters_round_trip() {
        for c in [Confidence::A, Confidence::B, Confidence::C] {
            assert_eq!(Confidence::from_letter(c.letter()), Some(c));
        }
        assert_eq!(Confidence::from_letter("D"), None);
    }
}
