//! The partnership plan's measurables, judged: each follows a series (a police theme, a
//! partner figure or an imported indicator), is compared from its baseline to its latest
//! value as at a month or quarter, and gets a status — on track, no real change, off
//! track or no data — with a one-sentence reason, using the same test of a real change as
//! the rest of the app for counts and the target for percentages and rates.
//!
//! Pure: the plan and the file's rows in, the review out; nothing here opens SQLite or
//! draws.

pub mod chart;
pub mod compare;
pub mod link;
pub mod partner_series;
pub mod review;
pub mod series;
pub mod series_ref;
pub mod status;
pub mod window;

pub use crate::store::action_plan::{
    ActionPlan, Direction, Measurable, PlanAction, PlanPriority, Strand,
};
pub use link::{link_plan, LinkCounts};
pub use review::{
    latest_data_month, review_plan, AsAt, MeasurableReview, PeriodValue, PlanReview,
    PriorityReview, StatusCounts,
};
pub use series::{SeriesData, SeriesInputs, SeriesPoint};
pub use series_ref::{SeriesRef, ValueKind, PARTNER_FIGURES};
pub use status::Status;
