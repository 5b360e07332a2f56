//! Whether a measurable is on track, with the one sentence that says why. Counts are
//! judged with the app's own test of whether a change is real (`analysis::change`): a
//! real move the right way is on track, a real move the wrong way off track, anything
//! else no real change — a fall from 12 to 9 is not a success. Percentages and rates
//! cannot be tested that way, so they are judged against the target: met is on track,
//! short of it but better than the baseline is no real change yet, short and no better is
//! off track; without a target they cannot be judged, and the sentence says so.

use super::compare::Comparison;
use super::series_ref::ValueKind;
use crate::analysis::change::{test_change, ChangeTest, Direction as Moved};
use crate::format::thousands;
use crate::store::action_plan::Direction;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    OnTrack,
    NoChange,
    OffTrack,
    NoData,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::OnTrack,
        Status::NoChange,
        Status::OffTrack,
        Status::NoData,
    ];

    /// As `plan --json` writes it.
    pub fn key(self) -> &'static str {
        match self {
            Status::OnTrack => "on_track",
            Status::NoChange => "no_change",
            Status::OffTrack => "off_track",
            Status::NoData => "no_data",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::OnTrack => "On track",
            Status::NoChange => "No real change",
            Status::OffTrack => "Off track",
            Status::NoData => "No data",
        }
    }
}

/// A judgement and its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub status: Status,
    pub reason: String,
    /// The change test, for counts.
    pub p_value: Option<f64>,
}

/// Tolerance for "maintain" against a target: within this share of the target.
const MAINTAIN_TOLERANCE: f64 = 0.05;

/// Judge a comparison.
pub fn judge(
    kind: ValueKind,
    unit: &str,
    direction: Direction,
    target: Option<f64>,
    comparison: &Comparison,
) -> Judgement {
    let whole = |v: f64| v.fract() == 0.0 && (0.0..9.0e15).contains(&v);
    if kind == ValueKind::Count
        && whole(comparison.baseline.value)
        && whole(comparison.latest.value)
    {
        judge_count(direction, target, comparison)
    } else {
        judge_against_target(unit, direction, target, comparison)
    }
}

fn p_text(p: f64) -> String {
    match p {
        p if p < 0.001 => "p < 0.001".to_string(),
        p if p < 0.05 => format!("p = {:.3}", (p * 1000.0).floor() / 1000.0),
        p => format!("p = {:.2}", p),
    }
}

fn judge_count(direction: Direction, target: Option<f64>, c: &Comparison) -> Judgement {
    let test: ChangeTest = test_change(c.latest.value as i64, c.baseline.value as i64);
    let from_to = format!(
        "from {} ({}) to {} ({})",
        thousands(test.previous),
        c.baseline.label,
        thousands(test.current),
        c.latest.label
    );
    let by = test
        .change_pct
        .map(|p| format!(" {:.1}%", p.abs()))
        .unwrap_or_default();
    let p = p_text(test.p_value);
    let wanted = match direction {
        Direction::Reduce => Some(Moved::Down),
        Direction::Increase => Some(Moved::Up),
        Direction::Maintain => None,
    };
    let target_note = target
        .map(|t| {
            let met = match direction {
                Direction::Reduce => c.latest.value <= t,
                Direction::Increase => c.latest.value >= t,
                Direction::Maintain => (c.latest.value - t).abs() <= t.abs() * MAINTAIN_TOLERANCE,
            };
            format!(
                "; target {} {}",
                number(t),
                if met { "met" } else { "not met" }
            )
        })
        .unwrap_or_default();
    let steady = if wanted.is_none() {
        (Status::OnTrack, "maintained")
    } else {
        (Status::NoChange, "no real change yet")
    };
    let (status, reason) = match (test.direction, test.significant, wanted) {
        (Moved::Same, _, _) => (
            steady.0,
            format!(
                "Unchanged at {} ({} and {}): {}{target_note}.",
                thousands(test.current),
                c.baseline.label,
                c.latest.label,
                steady.1
            ),
        ),
        (moved, false, _) => (
            steady.0,
            format!(
                "{}{by} {from_to}, within normal variation ({p}): {}{target_note}.",
                if moved == Moved::Down { "Down" } else { "Up" },
                steady.1
            ),
        ),
        (moved, true, Some(w)) if moved == w => (
            Status::OnTrack,
            format!(
                "A real {}{} {from_to} ({p}): on track{target_note}.",
                if moved == Moved::Down { "fall" } else { "rise" },
                if by.is_empty() {
                    String::new()
                } else {
                    format!(" of{by}")
                }
            ),
        ),
        (moved, true, _) => (
            Status::OffTrack,
            format!(
                "A real {}{} {from_to} ({p}): off track, {}{target_note}.",
                if moved == Moved::Down { "fall" } else { "rise" },
                if by.is_empty() {
                    String::new()
                } else {
                    format!(" of{by}")
                },
                match wanted {
                    None => "where the aim is to maintain it",
                    Some(_) => "the wrong way",
                }
            ),
        ),
    };
    Judgement {
        status,
        reason,
        p_value: Some(test.p_value),
    }
}

/// `12`, `12.5`, `1,234`.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        thousands(v as i64)
    } else {
        format!("{v:.1}")
    }
}

fn with_unit(v: f64, unit: &str) -> String {
    if unit == "%" {
        format!("{v:.1}%")
    } else {
        number(v)
    }
}

fn judge_against_target(
    unit: &str,
    direction: Direction,
    target: Option<f64>,
    c: &Comparison,
) -> Judgement {
    let (base, latest) = (c.baseline.value, c.latest.value);
    let shown = |v: f64| with_unit(v, unit);
    let Some(t) = target else {
        return Judgement {
            status: Status::NoChange,
            reason: format!(
                "{} ({}) against {} ({}): with no target set, a change in a {} cannot be judged — set a target.",
                shown(latest),
                c.latest.label,
                shown(base),
                c.baseline.label,
                if unit == "%" { "percentage" } else { "rate" }
            ),
            p_value: None,
        };
    };
    let (met, better, aim) = match direction {
        Direction::Reduce => (latest <= t, latest < base, format!("at most {}", shown(t))),
        Direction::Increase => (latest >= t, latest > base, format!("at least {}", shown(t))),
        Direction::Maintain => (
            (latest - t).abs() <= t.abs() * MAINTAIN_TOLERANCE,
            false,
            format!("about {}", shown(t)),
        ),
    };
    let (status, reason) = if met {
        (
            Status::OnTrack,
            format!(
                "{} ({}) meets the target of {aim} (baseline {}, {}).",
                shown(latest),
                c.latest.label,
                shown(base),
                c.baseline.label
            ),
        )
    } else if better {
        (
            Status::NoChange,
            format!(
                "{} ({}) is short of the target of {aim}, though better than {} ({}).",
                shown(latest),
                c.latest.label,
                shown(base),
                c.baseline.label
            ),
        )
    } else {
        (
            Status::OffTrack,
            format!(
                "{} ({}) misses the target of {aim} and is no better than {} ({}).",
                shown(latest),
                c.latest.label,
                shown(base),
                c.baseline.label
            ),
        )
    };
    Judgement {
        status,
        reason,
        p_value: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::action_plan::window::Valued;
    use crate::import::indicators::ReportingPeriod;

    fn comparison(base: f64, latest: f64) -> Comparison {
        Comparison {
            baseline: Valued {
                label: "2023/24".into(),
                value: base,
            },
            baseline_period: ReportingPeriod::financial_year(2023),
            latest: Valued {
                label: "2024/25".into(),
                value: latest,
            },
            latest_period: ReportingPeriod::financial_year(2024),
            note: None,
        }
    }

    fn count(direction: Direction, base: f64, latest: f64) -> Judgement {
        judge(
            ValueKind::Count,
            "count",
            direction,
            None,
            &comparison(base, latest),
        )
    }

    #[test]
    fn counts_follow_the_change_test() {
        let fall = count(Direction::Reduce, 400.0, 320.0);
        assert_eq!(fall.status, Status::OnTrack, "{}", fall.reason);
        assert_eq!(
            fall.reason,
            "A real fall of 20.0% from 400 (2023/24) to 320 (2024/25) (p = 0.003): on track."
        );
        let noise = count(Direction::Reduce, 12.0, 9.0);
        assert_eq!(noise.status, Status::NoChange);
        assert!(
            noise.reason.contains("within normal variation (p = 0.66)"),
            "{}",
            noise.reason
        );
        let rise = count(Direction::Reduce, 100.0, 150.0);
        assert_eq!(rise.status, Status::OffTrack);
        assert!(rise.reason.contains("the wrong way"));
        assert_eq!(
            count(Direction::Increase, 100.0, 150.0).status,
            Status::OnTrack
        );
        assert_eq!(
            count(Direction::Maintain, 100.0, 104.0).status,
            Status::OnTrack
        );
        assert_eq!(
            count(Direction::Maintain, 100.0, 160.0).status,
            Status::OffTrack
        );
        assert_eq!(count(Direction::Reduce, 7.0, 7.0).status, Status::NoChange);
    }

    #[test]
    fn percentages_follow_the_target() {
        let pct = |direction, target, base, latest| {
            judge(
                ValueKind::Percent,
                "%",
                direction,
                target,
                &comparison(base, latest),
            )
        };
        let met = pct(Direction::Reduce, Some(30.0), 35.0, 28.0);
        assert_eq!(met.status, Status::OnTrack);
        assert_eq!(
            met.reason,
            "28.0% (2024/25) meets the target of at most 30.0% (baseline 35.0%, 2023/24)."
        );
        assert_eq!(
            pct(Direction::Reduce, Some(30.0), 35.0, 32.0).status,
            Status::NoChange
        );
        assert_eq!(
            pct(Direction::Reduce, Some(30.0), 35.0, 36.0).status,
            Status::OffTrack
        );
        assert_eq!(
            pct(Direction::Increase, Some(70.0), 64.0, 71.0).status,
            Status::OnTrack
        );
        let untargeted = pct(Direction::Reduce, None, 35.0, 28.0);
        assert_eq!(untargeted.status, Status::NoChange);
        assert!(untargeted.reason.contains("set a target"));
    }
}
