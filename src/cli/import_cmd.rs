//! `csp-assessment import --db FILE [--kind KIND] [--mapping NAME] [--sheet NAME]
//! [--delimiter D] [--encoding E] [--json] PATH...`: import files, folders and zips as one
//! batch and print a per-file summary. Exit 0 if everything was imported, 1 if any
//! file or row was rejected (or the import failed; then nothing was written).

use super::args::{ParsedArgs, UsageError};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::import::month::{month_label, month_range_text};
use crate::report::format::{duration, thousands};
use crate::store::ingest::{
    import_paths_with, panic_message, FileOutcome, ImportOptions, ImportReport, Progress,
};
use crate::store::{Store, StoreError};
use serde::Serialize;
use std::io::IsTerminal;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

/// `import`'s words: the assessment file, at least one file, folder or zip, and how to
/// read them.
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    let db = args.need_db()?;
    if args.positional.is_empty() {
        return Err(UsageError(
            "import needs at least one file, folder or zip".into(),
        ));
    }
    let options = ImportOptions {
        kind: args.kind,
        mapping: args.take("--mapping"),
        table: args.table_options()?,
    };
    Ok(Command::Import {
        db,
        paths: args.positional,
        options,
        json: args.json,
    })
}

pub fn run(db: &Path, paths: &[PathBuf], options: &ImportOptions, json: bool) -> i32 {
    let mut store = match Store::open_or_create(db) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_REJECTED;
        }
    };
    // With no police data before this import, the district holding most incidents is
    // proposed as the area of interest afterwards.
    let had_police_data = store.holds_police_counts().unwrap_or(true);
    let cancel = AtomicBool::new(false);
    let show_progress = std::io::stderr().is_terminal() && !json;
    let mut last_shown = Instant::now();
    let mut on_progress = |p: &Progress| {
        if show_progress && last_shown.elapsed().as_millis() > 500 {
            last_shown = Instant::now();
            eprint!(
                "\r{} rows, {:.0} rows/s, {:.0}%   ",
                thousands(p.rows as i64),
                p.rows_per_second(),
                p.fraction() * 100.0
            );
        }
    };
    let started = Instant::now();
    // A panic unwinds through the batch's transaction, which rolls back: say so.
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
        import_paths_with(&mut store, paths, options, &cancel, &mut on_progress)
    }))
    .unwrap_or_else(|panic| Err(StoreError::Worker(panic_message(panic.as_ref()))));
    if show_progress {
        eprint!("\r{:60}\r", "");
    }
    let report = match result {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            if !matches!(e, StoreError::Cancelled | StoreError::Worker(_)) {
                eprintln!("Nothing was imported: the assessment file is unchanged.");
            }
            return EXIT_REJECTED;
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    let proposal = if had_police_data {
        None
    } else {
        super::area_proposal::propose(&store, db)
    };
    let code = if report.is_clean() && !report.files.is_empty() {
        EXIT_OK
    } else {
        EXIT_REJECTED
    };
    super::exit_code_if_output_closed(code);
    if json {
        let mut out = ImportJson::from(&report);
        out.proposed_area = proposal.map(|p| p.area);
        match serde_json::to_string_pretty(&out) {
            Ok(text) => println!("{text}"),
            Err(e) => eprintln!("error: {e}"),
        }
    } else {
        print_summary(db, &report, seconds);
        if let Some(p) = proposal {
            println!("{}", p.text);
        }
    }
    code
}

fn print_summary(db: &Path, report: &ImportReport, seconds: f64) {
    println!("Import into {}", db.display());
    for file in &report.files {
        match &file.outcome {
            FileOutcome::Imported {
                accepted,
                rejected,
                replaced,
                first_month,
                last_month,
                ..
            } => {
                let span = month_range_text(
                    first_month.map(month_label).as_deref(),
                    last_month.map(month_label).as_deref(),
                )
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
                println!(
                    "  {}: {} accepted, {} rejected, {} replaced{span}",
                    file.name,
                    thousands(*accepted as i64),
                    thousands(*rejected as i64),
                    thousands(*replaced as i64)
                );
            }
            FileOutcome::AlreadyImported {
                earlier_name,
                imported_at,
            } => println!(
                "  {}: already imported (as {earlier_name}, {imported_at}): nothing changed",
                file.name
            ),
            FileOutcome::Rejected { reason } => {
                println!("  {}: REJECTED: {reason}", file.name);
            }
        }
        for note in &file.notes {
            println!("      note: {note}");
        }
        for row in &file.rejected_examples {
            println!(
                "      rejected: {}, {} {}: {}",
                file.name,
                crate::import::table::position_word(&file.name),
                row.line,
                row.reason
            );
        }
    }
    for skipped in &report.skipped {
        println!("  {}: {}", skipped.name, skipped.reason);
    }
    if report.files.is_empty() {
        println!("Nothing was imported: no file given is one the app reads (see above).");
    }
    println!(
        "Total: {} rows accepted, {} rejected, {} replaced, in {}",
        thousands(report.rows_accepted() as i64),
        thousands(report.rows_rejected() as i64),
        thousands(report.rows_replaced() as i64),
        duration(seconds)
    );
}

#[derive(Serialize)]
struct ImportJson {
    files: Vec<FileJson>,
    skipped: Vec<SkippedJson>,
    rows_accepted: u64,
    rows_rejected: u64,
    rows_replaced: u64,
    /// After the first import of police data spanning several districts: the district
    /// holding most incidents, proposed as the area of interest.
    #[serde(skip_serializing_if = "Option::is_none")]
    proposed_area: Option<crate::analysis::area_proposal::AreaProposal>,
}

#[derive(Serialize)]
struct FileJson {
    file: String,
    status: &'static str,
    rows_accepted: u64,
    rows_rejected: u64,
    rows_replaced: u64,
    first_month: Option<String>,
    last_month: Option<String>,
    reason: Option<String>,
    notes: Vec<String>,
    rejected_examples: Vec<RejectedJson>,
}

#[derive(Serialize)]
struct RejectedJson {
    line: u64,
    column: Option<String>,
    reason: String,
}

#[derive(Serialize)]
struct SkippedJson {
    file: String,
    reason: String,
}

impl From<&ImportReport> for ImportJson {
    fn from(report: &ImportReport) -> Self {
        let files = report
            .files
            .iter()
            .map(|f| {
                let (status, accepted, rejected, replaced, first, last, reason) = match &f.outcome {
                    FileOutcome::Imported {
                        accepted,
                        rejected,
                        replaced,
                        first_month,
                        last_month,
                        ..
                    } => (
                        "imported",
                        *accepted,
                        *rejected,
                        *replaced,
                        first_month.map(month_label),
                        last_month.map(month_label),
                        None,
                    ),
                    FileOutcome::AlreadyImported { .. } => {
                        ("already_imported", 0, 0, 0, None, None, None)
                    }
                    FileOutcome::Rejected { reason } => {
                        ("rejected", 0, 0, 0, None, None, Some(reason.clone()))
                    }
                };
                FileJson {
                    file: f.name.clone(),
                    status,
                    rows_accepted: accepted,
                    rows_rejected: rejected,
                    rows_replaced: replaced,
                    first_month: first,
                    last_month: last,
                    reason,
                    notes: f.notes.clone(),
                    rejected_examples: f
                        .rejected_examples
                        .iter()
                        .map(|r| RejectedJson {
                            line: r.line,
                            column: r.column.clone(),
                            reason: r.reason.clone(),
                        })
                        .collect(),
                }
            })
            .collect();
        ImportJson {
            files,
            skipped: report
                .skipped
                .iter()
                .map(|s| SkippedJson {
                    file: s.name.clone(),
                    reason: s.reason.clone(),
                })
                .collect(),
            rows_accepted: report.rows_accepted(),
            rows_rejected: report.rows_rejected(),
            rows_replaced: report.rows_replaced(),
            proposed_area: None,
        }
    }
}
