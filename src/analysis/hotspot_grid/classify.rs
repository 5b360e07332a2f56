//! Persistent, emerging, former and intermittent hot- and cold-spots: each grid cell's Gi*
//! results over consecutive periods (oldest first, the period being assessed last), classed
//! as sfhotspot's `hotspot_classify()` documents (R/hotspot_classify.R, defaults from
//! R/hotspot_classify_params.R: `hotspot_prop` 0.1, `persistent_prop` 0.8, `recent_prop`
//! 0.2, `critical_p` 0.05, then Holm across each cell's periods):
//!
//! - a period counts for a cell when its p-value (after the Gi* adjustment, then adjusted
//!   again across that cell's periods) is below `critical_p`; hot if z > 0, cold if z < 0;
//! - the last ⌊`recent_prop` × periods⌋ periods are recent (at least 1; at least one
//!   period must be older);
//! - persistent: significant in ≥ `persistent_prop` of all periods;
//! - emerging: significant in < `hotspot_prop` of older periods and ≥ `hotspot_prop` of
//!   recent ones; former: the reverse;
//! - intermittent: significant in ≥ `hotspot_prop` of all periods, but none of the above;
//! - tested in that order; a cell with both a hot and a cold class is "mixed".
//!
//! Two deliberate differences from sfhotspot's code (as of its 2024 sources), both where the
//! code disagrees with its own documentation: the recent window there is
//! `(ncol − recent):ncol`, one period wider than `recent` and overlapping the older window;
//! and its emerging test compares the recent share with `recent_prop` rather than
//! `hotspot_prop`. This module follows the documentation. Cutting the data into periods is
//! the caller's job (an assessment uses financial years or quarters), unlike sfhotspot which
//! picks a period length itself.

use super::gistar::{adjust, CellTest, PAdjustMethod};
use super::HotspotError;
use serde::Serialize;

/// Thresholds for the classes (see the module comment for sfhotspot's defaults).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ClassifyParams {
    pub hotspot_prop: f64,
    pub persistent_prop: f64,
    pub recent_prop: f64,
    pub critical_p: f64,
    /// Adjustment of each cell's p-values across the periods.
    pub across_periods: PAdjustMethod,
}

impl Default for ClassifyParams {
    fn default() -> Self {
        ClassifyParams {
            hotspot_prop: 0.1,
            persistent_prop: 0.8,
            recent_prop: 0.2,
            critical_p: 0.05,
            across_periods: PAdjustMethod::Holm,
        }
    }
}

/// A cell's pattern over the periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HotspotClass {
    PersistentHotspot,
    EmergingHotspot,
    FormerHotspot,
    IntermittentHotspot,
    PersistentColdspot,
    EmergingColdspot,
    FormerColdspot,
    IntermittentColdspot,
    /// Both a hot and a cold pattern.
    Mixed,
    NoPattern,
}

impl HotspotClass {
    /// Every class, in legend order.
    pub const ALL: [HotspotClass; 10] = [
        HotspotClass::PersistentHotspot,
        HotspotClass::EmergingHotspot,
        HotspotClass::FormerHotspot,
        HotspotClass::IntermittentHotspot,
        HotspotClass::PersistentColdspot,
        HotspotClass::EmergingColdspot,
        HotspotClass::FormerColdspot,
        HotspotClass::IntermittentColdspot,
        HotspotClass::Mixed,
        HotspotClass::NoPattern,
    ];

    /// As a map legend names it.
    pub fn label(self) -> &'static str {
        match self {
            HotspotClass::PersistentHotspot => "Persistent hotspot",
            HotspotClass::EmergingHotspot => "Emerging hotspot",
            HotspotClass::FormerHotspot => "Former hotspot",
            HotspotClass::IntermittentHotspot => "Intermittent hotspot",
            HotspotClass::PersistentColdspot => "Persistent coldspot",
            HotspotClass::EmergingColdspot => "Emerging coldspot",
            HotspotClass::FormerColdspot => "Former coldspot",
            HotspotClass::IntermittentColdspot => "Intermittent coldspot",
            HotspotClass::Mixed => "Mixed hot and cold",
            HotspotClass::NoPattern => "No pattern",
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Pattern {
    Persistent,
    Emerging,
    Former,
    Intermittent,
}

/// Number of recent periods out of `periods`, as sfhotspot sets it.
pub fn recent_periods(periods: usize, recent_prop: f64) -> Result<usize, HotspotError> {
    let recent = ((recent_prop * periods as f64).floor() as usize).max(1);
    if periods <= recent {
        return Err(HotspotError::TooFewPeriods { periods });
    }
    Ok(recent)
}

/// Classes one cell from its tests, oldest period first.
pub fn classify_cell(
    history: &[CellTest],
    params: &ClassifyParams,
) -> Result<HotspotClass, HotspotError> {
    let recent = recent_periods(history.len(), params.recent_prop)?;
    let p: Vec<f64> = history.iter().map(|t| t.p_adjusted).collect();
    let p = adjust(&p, params.across_periods);
    let significant = |hot: bool| -> Vec<bool> {
        history
            .iter()
            .zip(&p)
            .map(|(t, &p)| p < params.critical_p && if hot { t.z > 0.0 } else { t.z < 0.0 })
            .collect()
    };
    let hot = pattern(&significant(true), recent, params);
    let cold = pattern(&significant(false), recent, params);
    Ok(match (hot, cold) {
        (Some(_), Some(_)) => HotspotClass::Mixed,
        (Some(Pattern::Persistent), None) => HotspotClass::PersistentHotspot,
        (Some(Pattern::Emerging), None) => HotspotClass::EmergingHotspot,
        (Some(Pattern::Former), None) => HotspotClass::FormerHotspot,
        (Some(Pattern::Intermittent), None) => HotspotClass::IntermittentHotspot,
        (None, Some(Pattern::Persistent)) => HotspotClass::PersistentColdspot,
        (None, Some(Pattern::Emerging)) => HotspotClass::EmergingColdspot,
        (None, Some(Pattern::Former)) => HotspotClass::FormerColdspot,
        (None, Some(Pattern::Intermittent)) => HotspotClass::IntermittentColdspot,
        (None, None) => HotspotClass::NoPattern,
    })
}

fn pattern(significant: &[bool], recent: usize, params: &ClassifyParams) -> Option<Pattern> {
    let share = |s: &[bool]| s.iter().filter(|&&b| b).count() as f64 / s.len().max(1) as f64;
    let (older, latest) = significant.split_at(significant.len().saturating_sub(recent));
    let (all, older, latest) = (share(significant), share(older), share(latest));
    if all >= params.persistent_prop {
        Some(Pattern::Persistent)
    } else if older < params.hotspot_prop && latest >= params.hotspot_prop {
        Some(Pattern::Emerging)
    } else if older >= params.hotspot_prop && latest < params.hotspot_prop {
        Some(Pattern::Former)
    } else if all >= params.hotspot_prop {
        Some(Pattern::Intermittent)
    } else {
        None
    }
}

/// Classes every cell; `periods` holds one Gi* result per cell for each period, oldest
/// first, all on the same grid.
pub fn classify_cells(
    periods: &[Vec<CellTest>],
    params: &ClassifyParams,
) -> Result<Vec<HotspotClass>, HotspotError> {
    recent_periods(periods.len(), params.recent_prop)?;
    let cells = periods.first().map_or(0, Vec::len);
    if let Some(other) = periods.iter().find(|p| p.len() != cells) {
        return Err(HotspotError::GridMismatch {
            expected: cells,
            found: other.len(),
        });
    }
    (0..cells)
        .map(|cell| {
            let history: Vec<CellTest> = periods
                .iter()
                .filter_map(|p| p.get(cell).copied())
                .collect();
            classify_cell(&history, params)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::hotspot_grid::gistar::Significance;

    /// 'H' significant hot, 'C' significant cold, '.' nothing (p already final).
    fn history(pattern: &str) -> Vec<CellTest> {
        pattern
            .chars()
            .map(|c| {
                let (z, p) = match c {
                    'H' => (4.0, 0.0001),
                    'C' => (-4.0, 0.0001),
                    _ => (0.3, 0.7),
                };
                CellTest {
                    z,
                    p,
                    p_adjusted: p,
                    significance: Significance::of(z, p),
                }
            })
            .collect()
    }

    fn class(pattern: &str) -> HotspotClass {
        let params = ClassifyParams {
            across_periods: PAdjustMethod::None,
            ..ClassifyParams::default()
        };
        classify_cell(&history(pattern), &params).unwrap()
    }

    #[test]
    fn hand_built_sequences_get_the_expected_class() {
        // 10 periods: the last 2 are recent.
        assert_eq!(class("HHHHHHHH.."), HotspotClass::PersistentHotspot);
        assert_eq!(class("HHHHHHH..."), HotspotClass::FormerHotspot);
        assert_eq!(class("........HH"), HotspotClass::EmergingHotspot);
        assert_eq!(class(".........H"), HotspotClass::EmergingHotspot);
        assert_eq!(class("H.....H..H"), HotspotClass::IntermittentHotspot);
        assert_eq!(class(".........."), HotspotClass::NoPattern);
        assert_eq!(class("CCCCCCCCCC"), HotspotClass::PersistentColdspot);
        assert_eq!(class("CC........"), HotspotClass::FormerColdspot);
        assert_eq!(class("H........C"), HotspotClass::Mixed);
        // 4 periods: ⌊0.8⌋ = 0 recent → 1.
        assert_eq!(class("...H"), HotspotClass::EmergingHotspot);
        assert_eq!(class("HHH."), HotspotClass::FormerHotspot);
    }

    #[test]
    fn holm_across_periods_can_remove_a_marginal_period() {
        let mut h = history(".........H");
        h[9].p_adjusted = 0.02;
        let params = ClassifyParams::default();
        // Holm over 10 periods: 0.02 × 10 = 0.2, not significant.
        assert_eq!(classify_cell(&h, &params).unwrap(), HotspotClass::NoPattern);
        let none = ClassifyParams {
            across_periods: PAdjustMethod::None,
            ..params
        };
        assert_eq!(
            classify_cell(&h, &none).unwrap(),
            HotspotClass::EmergingHotspot
        );
    }

    #[test]
    fn one_period_cannot_be_classified_and_grids_must_match() {
        assert!(matches!(
            classify_cell(&history("H"), &ClassifyParams::default()),
            Err(HotspotError::TooFewPeriods { periods: 1 })
        ));
        let periods = vec![history("HH"), history("H")];
        assert!(matches!(
            classify_cells(&periods, &ClassifyParams::default()),
            Err(HotspotError::GridMismatch {
                expected: 2,
                found: 1
            })
        ));
        let periods = vec![history("H."), history(".."), history("H.")];
        let classes = classify_cells(
            &periods,
            &ClassifyParams {
                across_periods: PAdjustMethod::None,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(
            classes,
            vec![HotspotClass::IntermittentHotspot, HotspotClass::NoPattern]
        );
    }
}
