//! What a measurable's small chart shows, the same on the Plan page and in the
//! performance report: the series' recent values, the baseline and the target as level
//! lines (a count's baseline and target spread over the chart's periods — a year of 1,200
//! is 100 a month), and which points make up the latest value.

use super::review::MeasurableReview;
use super::series_ref::ValueKind;
use crate::import::indicators::ReportingPeriod;

/// Points shown at most (two years of months).
pub const CHART_POINTS: usize = 24;

/// One measurable's chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLines {
    pub labels: Vec<String>,
    pub values: Vec<Option<f64>>,
    /// Points inside the latest period the status is judged on.
    pub is_latest: Vec<bool>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    /// "a month", "a quarter", "a year" when the levels were spread over periods.
    pub per: Option<&'static str>,
}

fn inside(p: &ReportingPeriod, window: &ReportingPeriod) -> bool {
    p == window
        || (p.start_month() >= window.start_month()
            && p.end_month() <= window.end_month()
            && !window.is_day())
}

/// The chart, or `None` when the series has no points.
pub fn chart_lines(m: &MeasurableReview) -> Option<ChartLines> {
    // The grain most points have (an indicator may mix quarters and years).
    let mut grains: Vec<(u32, usize)> = Vec::new();
    for p in &m.points {
        let g = p.period.months();
        match grains.iter_mut().find(|(k, _)| *k == g) {
            Some(entry) => entry.1 += 1,
            None => grains.push((g, 1)),
        }
    }
    let grain = grains.iter().max_by_key(|(_, n)| *n).map(|(g, _)| *g)?;
    let points: Vec<_> = m
        .points
        .iter()
        .filter(|p| p.period.months() == grain)
        .collect();
    let shown = &points[points.len().saturating_sub(CHART_POINTS)..];
    let spread = |level: f64| -> (f64, Option<&'static str>) {
        let stretch = m.baseline_stretch.map_or(0, |b| b.months());
        if m.kind == Some(ValueKind::Count) && grain > 0 && stretch > grain {
            let per = match grain {
                1 => "a month",
                3 => "a quarter",
                12 => "a year",
                _ => "a period",
            };
            (level * f64::from(grain) / f64::from(stretch), Some(per))
        } else {
            (level, None)
        }
    };
    let (baseline, per) = match m.baseline.value {
        Some(v) => {
            let (v, per) = spread(v);
            (Some(v), per)
        }
        None => (None, None),
    };
    let target = m.target.map(|t| {
        // A target is set for the baseline's length of time, like the baseline.
        let stretch = m
            .baseline_stretch
            .map_or(0, |b| b.months())
            .max(ReportingPeriod::parse(&m.baseline_period).map_or(0, |b| b.months()));
        if m.kind == Some(ValueKind::Count) && grain > 0 && stretch > grain {
            t * f64::from(grain) / f64::from(stretch)
        } else {
            t
        }
    });
    Some(ChartLines {
        labels: shown.iter().map(|p| p.label()).collect(),
        values: shown.iter().map(|p| p.value).collect(),
        is_latest: shown
            .iter()
            .map(|p| m.latest_period.is_some_and(|w| inside(&p.period, &w)) || p.to_month.is_some())
            .collect(),
        baseline,
        target,
        per,
    })
}
