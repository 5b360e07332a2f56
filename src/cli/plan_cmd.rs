//! `csp-assessment plan --db FILE [--as-at 2024-09 | 2024/25-Q2] [--json]`: the
//! partnership plan reviewed — every measurable's baseline, latest value, status and
//! reason; `--import PLAN.csv|PLAN.xlsx` reads an existing action plan into the file
//! (replacing the plan it held); `--report DIR [--priority NAME]` writes the quarterly
//! performance report (Word and CSV).
//!
//! The `plan --json` fields `as_at`, `priorities[].name`, `.lead`, `.measurables[]` with
//! `name`, `series`, `baseline {period, value}`, `latest {period, value}`, `direction`,
//! `target`, `status` and `reason` are a contract.

use super::args::{ParsedArgs, UsageError};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::analysis::action_plan::{link_plan, AsAt, LinkCounts, PlanReview};
use crate::import::action_plan::read_plan_file;
use crate::report::plan_data::PlanData;
use crate::report::plan_report::{
    performance_content, report_stem, write_performance_report, PerformanceOptions,
};
use crate::store::action_plan::PlanSource;
use crate::store::Store;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What `plan` was asked to do.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanArgs {
    pub as_at: Option<String>,
    pub import: Option<PathBuf>,
    pub report: Option<PathBuf>,
    pub priority: Option<String>,
    pub date: Option<String>,
    pub threshold: Option<i64>,
}

/// `plan`'s words: review (perhaps `--as-at`), `--import` a plan, or write `--report DIR`
/// (perhaps for one `--priority`).
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    let threshold = args.take_threshold()?;
    let plan_args = PlanArgs {
        as_at: args.take("--as-at"),
        import: args.take_path("--import"),
        report: args.take_path("--report"),
        priority: args.take("--priority"),
        date: args.take("--date"),
        threshold,
    };
    if plan_args.import.is_some() && (plan_args.report.is_some() || plan_args.as_at.is_some()) {
        return Err(UsageError(
            "plan --import reads a plan; review it or write the report with a second command"
                .into(),
        ));
    }
    if plan_args.priority.is_some() && plan_args.report.is_none() {
        return Err(UsageError(
            "--priority chooses the priority of --report DIR".into(),
        ));
    }
    Ok(Command::Plan {
        db: args.need_db()?,
        args: plan_args,
        json: args.json,
    })
}

pub fn run(db: &Path, args: &PlanArgs, json: bool) -> i32 {
    let result = match &args.import {
        Some(file) => import(db, file, json),
        None => review(db, args, json),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_REJECTED
        }
    }
}

/// Print a value as pretty JSON on stdout.
pub(super) fn print_json(value: &impl Serialize) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(())
}

/// The review month: as asked, or the latest month with data.
pub fn as_at_of(data: &PlanData, asked: Option<&str>) -> Result<AsAt, String> {
    match asked {
        Some(text) => AsAt::parse(text).ok_or_else(|| {
            format!("\"{text}\" is not a month or quarter to review at (write 2024-09 or 2024/25-Q2)")
        }),
        None => data.default_as_at().ok_or_else(|| {
            "the assessment file holds no data to review the plan against yet; import data, or give --as-at".to_string()
        }),
    }
}

fn review(db: &Path, args: &PlanArgs, json: bool) -> Result<i32, String> {
    let store = Store::open_existing(db).map_err(|e| e.to_string())?;
    let data = PlanData::load(&store).map_err(|e| e.to_string())?;
    let as_at = as_at_of(&data, args.as_at.as_deref())?;
    let review = data.review(as_at);
    if let Some(folder) = &args.report {
        return write_report(&data, &review, folder, args, json);
    }
    if json {
        print_json(&review)?;
    } else {
        print_review(&review);
    }
    Ok(EXIT_OK)
}

fn write_report(
    data: &PlanData,
    review: &PlanReview,
    folder: &Path,
    args: &PlanArgs,
    json: bool,
) -> Result<i32, String> {
    let threshold = args
        .threshold
        .unwrap_or(crate::report::disclosure::DEFAULT_THRESHOLD);
    let options = PerformanceOptions {
        priority: args.priority.clone(),
        partnership: data.partnership.clone(),
        date: args.date.clone().unwrap_or_default(),
        threshold,
    };
    let content = performance_content(review, &options).map_err(|e| e.to_string())?;
    let stem = report_stem(review, args.priority.as_deref());
    let files = write_performance_report(&content, review, folder, &stem, threshold)
        .map_err(|e| e.to_string())?;
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    if json {
        #[derive(Serialize)]
        struct Written<'a> {
            as_at: &'a str,
            files: &'a [String],
            figures: usize,
        }
        print_json(&Written {
            as_at: &review.as_at,
            files: &names,
            figures: content.figures.len(),
        })?;
    } else {
        println!(
            "Performance report as at {} ({} charts):",
            review.as_at,
            content.figures.len()
        );
        for name in &names {
            println!("  {name}");
        }
    }
    Ok(EXIT_OK)
}

fn print_review(review: &PlanReview) {
    if review.priorities.is_empty() {
        println!("The assessment file holds no partnership plan yet: import one with plan --import PLAN.csv.");
        return;
    }
    println!("Partnership plan as at {}", review.as_at);
    for p in &review.priorities {
        let lead = if p.lead.is_empty() {
            String::new()
        } else {
            format!(" — lead: {}", p.lead)
        };
        println!("\n{}{lead}", p.name);
        for m in &p.measurables {
            println!("  [{}] {}", m.status.label(), m.name);
            println!("      {}", m.reason);
        }
    }
}

/// What an import reports.
#[derive(Debug, Serialize)]
struct ImportJson {
    file: String,
    sha256: String,
    priorities: usize,
    actions: usize,
    measurables: usize,
    linked: LinkCounts,
    replaced_priorities: usize,
    rejected: Vec<RejectedJson>,
    notes: Vec<String>,
}

#[derive(Debug, Serialize)]
struct RejectedJson {
    place: String,
    column: Option<String>,
    reason: String,
}

fn import(db: &Path, file: &Path, json: bool) -> Result<i32, String> {
    let mut store = Store::open_or_create(db).map_err(|e| e.to_string())?;
    let data = PlanData::load(&store).map_err(|e| e.to_string())?;
    let mut read = read_plan_file(file).map_err(|e| e.to_string())?;
    let linked = link_plan(
        &mut read.table,
        &data.themes,
        &data.indicator_names(),
        &store.priority_issues().map_err(|e| e.to_string())?,
    );
    let plan = &read.table.plan;
    let source = PlanSource {
        file: read.file_name.clone(),
        sha256: read.sha256.clone(),
        imported_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    };
    store
        .replace_action_plan(plan, &source)
        .map_err(|e| format!("the plan was not saved: {e}"))?;
    let summary = ImportJson {
        file: read.file_name.clone(),
        sha256: read.sha256.clone(),
        priorities: plan.priorities.len(),
        actions: plan.priorities.iter().map(|p| p.actions.len()).sum(),
        measurables: plan.measurable_count(),
        linked,
        replaced_priorities: data.plan.priorities.len(),
        rejected: read
            .table
            .rejected
            .iter()
            .map(|r| RejectedJson {
                place: r.place.to_string(),
                column: r.column.clone(),
                reason: r.reason.clone(),
            })
            .collect(),
        notes: read.table.notes.clone(),
    };
    if json {
        print_json(&summary)?;
    } else {
        println!(
            "{}: {} priorities, {} actions, {} measurables imported ({} linked by the Series column, {} by name, {} not linked yet); {} rows rejected.",
            summary.file,
            summary.priorities,
            summary.actions,
            summary.measurables,
            linked.by_series_column,
            linked.by_name,
            linked.unlinked,
            summary.rejected.len()
        );
        if summary.replaced_priorities > 0 {
            println!(
                "  It replaced the plan the file held ({} priorities).",
                summary.replaced_priorities
            );
        }
        for r in &summary.rejected {
            let column = r
                .column
                .as_deref()
                .map(|c| format!(" column {c}:"))
                .unwrap_or_default();
            println!("  rejected {}{column} {}", r.place, r.reason);
        }
        for note in &summary.notes {
            println!("  note: {note}");
        }
    }
    Ok(if summary.rejected.is_empty() {
        EXIT_OK
    } else {
        EXIT_REJECTED
    })
}
