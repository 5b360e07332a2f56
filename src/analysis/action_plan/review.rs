//! The plan reviewed as at a month or quarter: every measurable's series, baseline,
//! latest value, status and reason, priority by priority — what `plan --json` prints,
//! what the Plan page draws and what the performance report lays out.

use super::compare::compare;
use super::series::{series_data, SeriesData, SeriesInputs, SeriesPoint};
use super::series_ref::{SeriesRef, ValueKind};
use super::status::{judge, Status};
use crate::analysis::financial_year::FinancialYear;
use crate::import::indicators::ReportingPeriod;
use crate::import::month::month_of;
use crate::store::action_plan::{ActionPlan, Direction, Measurable, PlanAction, Strand};
use serde::Serialize;
use std::collections::HashMap;

/// The month or quarter a review is as at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsAt {
    /// The last month it covers, `YYYYMM`.
    pub end_month: u32,
    pub is_quarter: bool,
}

impl AsAt {
    pub fn month(month: u32) -> AsAt {
        AsAt {
            end_month: month,
            is_quarter: false,
        }
    }

    /// `2024-09`, `2024/25-Q2`, `Q2 2024/25`, `Sep-24`; a financial year means its last
    /// quarter. `None` for anything else.
    pub fn parse(text: &str) -> Option<AsAt> {
        match ReportingPeriod::parse(text).ok()? {
            ReportingPeriod::Months(p) if p.months == 1 => Some(AsAt::month(p.start_month)),
            ReportingPeriod::Months(p)
                if p.is_quarter() || (p.months == 12 && p.start_month % 100 == 4) =>
            {
                Some(AsAt {
                    end_month: p.end_month(),
                    is_quarter: true,
                })
            }
            _ => None,
        }
    }

    /// The quarter when a month ends one (or was asked for as a quarter), else the month.
    pub fn label(&self) -> String {
        if self.is_quarter {
            let start = super::window::months_before(self.end_month, 2);
            ReportingPeriod::Months(crate::import::partner::Period {
                start_month: start,
                months: 3,
            })
            .label()
        } else {
            format!("{:04}-{:02}", self.end_month / 100, self.end_month % 100)
        }
    }

    /// The review a file opens on: the quarter ending at the latest month with data
    /// (or that month, when it does not end a quarter).
    pub fn latest(latest_month: u32) -> AsAt {
        AsAt {
            end_month: latest_month,
            is_quarter: matches!(latest_month % 100, 3 | 6 | 9 | 12),
        }
    }

    /// The financial year reviewed.
    pub fn year(&self) -> FinancialYear {
        FinancialYear::of_month(self.end_month)
    }
}

/// A period and its value, either of which may be unknown.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct PeriodValue {
    pub period: Option<String>,
    pub value: Option<f64>,
}

/// The action a measurable belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionSummary {
    pub reference: String,
    pub strand: Strand,
    pub output: String,
    pub outcome: String,
    pub lead: String,
}

impl From<&PlanAction> for ActionSummary {
    fn from(a: &PlanAction) -> Self {
        ActionSummary {
            reference: a.reference.clone(),
            strand: a.strand,
            output: a.output.clone(),
            outcome: a.outcome.clone(),
            lead: a.lead.clone(),
        }
    }
}

/// One measurable, reviewed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasurableReview {
    pub id: i64,
    pub name: String,
    pub series: Option<String>,
    pub series_label: Option<String>,
    pub baseline: PeriodValue,
    /// The baseline as set in the plan (`2023/24`), or the year before the one reviewed.
    pub baseline_period: String,
    /// The baseline as stored: `None` when the plan leaves it to the year before.
    #[serde(skip)]
    pub baseline_set: Option<String>,
    pub latest: PeriodValue,
    pub direction: Direction,
    pub target: Option<f64>,
    pub status: Status,
    pub reason: String,
    pub kind: Option<ValueKind>,
    pub unit: Option<String>,
    pub p_value: Option<f64>,
    /// How baseline and latest were matched ("the year so far against …").
    pub comparison: Option<String>,
    pub action: ActionSummary,
    /// The series up to the as-at month, for charts.
    #[serde(skip)]
    pub points: Vec<SeriesPoint>,
    #[serde(skip)]
    pub latest_period: Option<ReportingPeriod>,
    #[serde(skip)]
    pub baseline_stretch: Option<ReportingPeriod>,
}

/// How many measurables have each status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct StatusCounts {
    pub on_track: usize,
    pub no_change: usize,
    pub off_track: usize,
    pub no_data: usize,
}

impl StatusCounts {
    pub fn of<'a>(measurables: impl IntoIterator<Item = &'a MeasurableReview>) -> StatusCounts {
        let mut c = StatusCounts::default();
        for m in measurables {
            match m.status {
                Status::OnTrack => c.on_track += 1,
                Status::NoChange => c.no_change += 1,
                Status::OffTrack => c.off_track += 1,
                Status::NoData => c.no_data += 1,
            }
        }
        c
    }

    pub fn total(&self) -> usize {
        self.on_track + self.no_change + self.off_track + self.no_data
    }
}

/// One priority, reviewed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorityReview {
    pub id: i64,
    pub name: String,
    pub lead: String,
    pub theme_key: Option<String>,
    pub counts: StatusCounts,
    pub measurables: Vec<MeasurableReview>,
}

/// The whole plan, reviewed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanReview {
    pub as_at: String,
    pub counts: StatusCounts,
    pub priorities: Vec<PriorityReview>,
}

/// Review every measurable of the plan as at `as_at`.
pub fn review_plan(plan: &ActionPlan, inputs: &SeriesInputs<'_>, as_at: AsAt) -> PlanReview {
    let mut cache: HashMap<String, Result<SeriesData, String>> = HashMap::new();
    let priorities: Vec<PriorityReview> = plan
        .priorities
        .iter()
        .map(|p| {
            let measurables: Vec<MeasurableReview> = p
                .actions
                .iter()
                .flat_map(|a| a.measurables.iter().map(move |m| (a, m)))
                .map(|(a, m)| review_measurable(a, m, inputs, as_at, &mut cache))
                .collect();
            PriorityReview {
                id: p.id,
                name: p.name.clone(),
                lead: p.lead.clone(),
                theme_key: p.theme_key.clone(),
                counts: StatusCounts::of(&measurables),
                measurables,
            }
        })
        .collect();
    PlanReview {
        as_at: as_at.label(),
        counts: StatusCounts::of(priorities.iter().flat_map(|p| &p.measurables)),
        priorities,
    }
}

/// The baseline a measurable names, or the year before the one reviewed.
pub fn baseline_of(m: &Measurable, as_at: AsAt) -> Result<ReportingPeriod, String> {
    match m.baseline.as_deref() {
        Some(text) => {
            ReportingPeriod::parse(text).map_err(|e| format!("the baseline \"{text}\" {e}"))
        }
        None => Ok(ReportingPeriod::financial_year(
            as_at.year().0.saturating_sub(1),
        )),
    }
}

/// A reason for "no data" as a sentence: capitalised, with a full stop.
fn sentence(reason: &str) -> String {
    let mut chars = reason.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{}.", chars.as_str().trim_end_matches('.'))
}

fn review_measurable(
    action: &PlanAction,
    m: &Measurable,
    inputs: &SeriesInputs<'_>,
    as_at: AsAt,
    cache: &mut HashMap<String, Result<SeriesData, String>>,
) -> MeasurableReview {
    let baseline = baseline_of(m, as_at);
    let mut review = MeasurableReview {
        id: m.id,
        name: m.name.clone(),
        series: m.series.clone(),
        series_label: None,
        baseline: PeriodValue {
            period: baseline.as_ref().ok().map(ReportingPeriod::label),
            value: None,
        },
        baseline_period: baseline.as_ref().map_or_else(
            |_| m.baseline.clone().unwrap_or_default(),
            ReportingPeriod::label,
        ),
        baseline_set: m.baseline.clone(),
        latest: PeriodValue::default(),
        direction: m.direction,
        target: m.target,
        status: Status::NoData,
        reason: String::new(),
        kind: None,
        unit: None,
        p_value: None,
        comparison: None,
        action: action.into(),
        points: Vec::new(),
        latest_period: None,
        baseline_stretch: None,
    };
    let Some(key) = m.series.as_deref() else {
        review.reason = "Not linked to a series yet: choose a police theme, partner figure or indicator for it on the Plan page.".into();
        return review;
    };
    let data = cache
        .entry(key.to_string())
        .or_insert_with(|| {
            SeriesRef::parse_key(key)
                .map_err(|e| e.to_string())
                .and_then(|series| series_data(&series, inputs, as_at.end_month))
        })
        .clone();
    let data = match data {
        Ok(d) => d,
        Err(reason) => {
            review.reason = sentence(&reason);
            return review;
        }
    };
    review.series_label = Some(data.label.clone());
    review.kind = Some(data.kind);
    review.unit = Some(data.unit.clone());
    review.points = data.points.clone();
    let baseline = match baseline {
        Ok(b) => b,
        Err(reason) => {
            review.reason = sentence(&reason);
            return review;
        }
    };
    match compare(&data, baseline, as_at.end_month) {
        Ok(c) => {
            let judgement = judge(data.kind, &data.unit, m.direction, m.target, &c);
            review.baseline = PeriodValue {
                period: Some(c.baseline.label.clone()),
                value: Some(c.baseline.value),
            };
            review.latest = PeriodValue {
                period: Some(c.latest.label.clone()),
                value: Some(c.latest.value),
            };
            review.latest_period = Some(c.latest_period);
            review.baseline_stretch = Some(c.baseline_period);
            review.comparison = c.note.clone();
            review.status = judgement.status;
            review.p_value = judgement.p_value;
            review.reason = judgement.reason;
        }
        Err(reason) => review.reason = sentence(&reason),
    }
    review
}

/// The latest month anything in the file covers (police, partner or indicator data).
pub fn latest_data_month(inputs: &SeriesInputs<'_>) -> Option<u32> {
    let p = inputs.partner;
    [
        inputs.months.last().map(|(m, _)| *m),
        p.domestic_abuse.iter().map(|r| month_of(r.date)).max(),
        p.asb_cases.iter().map(|r| month_of(r.opened)).max(),
        p.marac.iter().map(|q| q.quarter.end_month()).max(),
        p.treatment.iter().map(|t| t.period.end_month()).max(),
        inputs.indicators.iter().map(|r| r.period.end_month()).max(),
    ]
    .into_iter()
    .flatten()
    .max()
}
