//! `csp-assessment rollup [--json] [--out DIR] FILE.assessment FILE.assessment …`: the
//! county view — how many district partnerships chose each issue as a priority, with each
//! partnership's ranked list beside it; `--out` also writes it as CSV and a Word table.
//! Every file is opened read-only.
//!
//! `rollup --json`: `files` (one per partnership) and `issues` with `issue`,
//! `partnerships` and `names`, most partnerships first — a contract.

use super::args::{ParsedArgs, UsageError};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::report::rollup_report::{rollup_files, write_rollup};
use std::path::{Path, PathBuf};

/// `rollup`'s words: the assessment files, and perhaps `--out DIR` and `--date`.
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    if args.positional.is_empty() {
        return Err(UsageError(
            "rollup needs the assessment files of the partnerships to roll up".into(),
        ));
    }
    Ok(Command::Rollup {
        out: args.take_path("--out"),
        date: args.take("--date"),
        files: args.positional,
        json: args.json,
    })
}

pub fn run(files: &[PathBuf], out: Option<&Path>, date: &str, json: bool) -> i32 {
    let rollup = match rollup_files(files) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_REJECTED;
        }
    };
    let written = match out {
        Some(folder) => match write_rollup(&rollup, folder, date) {
            Ok(w) => w,
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_REJECTED;
            }
        },
        None => Vec::new(),
    };
    if json {
        if let Err(e) = super::plan_cmd::print_json(&rollup) {
            eprintln!("error: {e}");
            return EXIT_REJECTED;
        }
    } else {
        println!(
            "Priority issues across {} partnerships:",
            rollup.files.len()
        );
        for issue in &rollup.issues {
            println!(
                "  {:>3}  {}  ({})",
                issue.partnerships,
                issue.issue,
                issue.names.join(", ")
            );
        }
        for file in &rollup.files {
            let ranked: Vec<String> = file
                .ranked
                .iter()
                .map(|r| format!("{}. {}", r.rank, r.issue))
                .collect();
            println!(
                "\n{} ({}): {}",
                file.partnership,
                file.file,
                ranked.join("; ")
            );
        }
        for path in &written {
            println!("wrote {}", path.display());
        }
    }
    EXIT_OK
}
