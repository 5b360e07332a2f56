//! `csp-assessment export --db FILE --out DIR [--fy 2024/25] [--format docx,pdf,png,svg,csv]
//! [--threshold 5] [--date "23 November 2026"] [--json]`: write the assessment summary
//! (Word document, PDF, figures, tables) headlessly, and say what the document leaves out
//! for want of data or words. The same file and options give byte-identical output; the
//! title-page date defaults to today.

use super::args::{ParsedArgs, UsageError};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::analysis::financial_year::FinancialYear;
use crate::report::content::{build_report, ReportOptions};
use crate::report::export::{export, ExportProgress, Formats};
use crate::store::Store;
use std::path::Path;
use std::sync::atomic::AtomicBool;

/// The options of one export run, as parsed from the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportArgs {
    pub fy: Option<String>,
    pub formats: Formats,
    pub threshold: i64,
    pub date: Option<String>,
}

/// `export`'s words: the assessment file, `--out DIR`, and perhaps the year, formats,
/// threshold and date.
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    let out = args
        .take_path("--out")
        .ok_or_else(|| UsageError("export needs --out DIR (the folder to write to)".into()))?;
    let formats = match args.take("--format") {
        Some(text) => Formats::parse(&text).map_err(UsageError)?,
        None => Formats::ALL,
    };
    let threshold = args
        .take_threshold()?
        .unwrap_or(crate::report::disclosure::DEFAULT_THRESHOLD);
    Ok(Command::Export {
        db: args.need_db()?,
        out,
        args: ExportArgs {
            fy: args.take("--fy"),
            formats,
            threshold,
            date: args.take("--date"),
        },
        json: args.json,
    })
}

pub fn run(db: &Path, out: &Path, args: &ExportArgs, json: bool) -> i32 {
    match run_export(db, out, args, json) {
        Ok(()) => EXIT_OK,
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_REJECTED
        }
    }
}

fn run_export(db: &Path, out: &Path, args: &ExportArgs, json: bool) -> Result<(), String> {
    let store = Store::open_existing(db).map_err(|e| e.to_string())?;
    let financial_year = match &args.fy {
        Some(text) => Some(FinancialYear::parse(text).ok_or_else(|| {
            format!("\"{text}\" is not a financial year (write it like 2023/24)")
        })?),
        None => None,
    };
    let options = ReportOptions {
        financial_year,
        threshold: args.threshold,
        date: args
            .date
            .clone()
            .unwrap_or_else(|| chrono::Local::now().format("%-d %B %Y").to_string()),
        ..ReportOptions::default()
    };
    let content = build_report(&store, &options).map_err(|e| e.to_string())?;
    let quiet = |_: ExportProgress| {};
    let report = |p: ExportProgress| {
        if !p.current.is_empty() {
            eprintln!("[{}/{}] {}", p.done + 1, p.total, p.current);
        }
    };
    let progress: &dyn Fn(ExportProgress) = if json { &quiet } else { &report };
    let summary = export(
        &content,
        out,
        args.formats,
        progress,
        &AtomicBool::new(false),
    )
    .map_err(|e| e.to_string())?;
    if json {
        let text = serde_json::to_string_pretty(&serde_json::json!({
            "financial_year": content.financial_year,
            "folder": summary.folder,
            "files": summary.files,
            "figures": summary.figures,
            "tables": summary.tables,
            "suppressed": summary.suppressed,
            "left_out": content.left_out,
        }))
        .map_err(|e| e.to_string())?;
        println!("{text}");
    } else {
        println!(
            "Exported the {} assessment to {}: {} files ({} figures, {} tables; {} small counts hidden by disclosure control).",
            content.financial_year,
            summary.folder,
            summary.files.len(),
            summary.figures,
            summary.tables,
            summary.suppressed
        );
        if !content.left_out.is_empty() {
            println!("Left out of the document:");
            for omission in &content.left_out {
                println!("  - {omission}");
            }
        }
    }
    Ok(())
}
