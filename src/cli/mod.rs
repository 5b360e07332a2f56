//! The headless commands (`import`, `sources`, `export`, …): the module list, the
//! [`Command`] a command line is read into, running it and its exit codes. Never touches
//! the window system. Exit codes: 0 success, 1 something was rejected or failed, 2 a usage
//! error. The words are read in `parse` and `args`, and beside each command in `*_cmd.rs`.

mod area_cmd;
mod area_proposal;
mod args;
mod compare_cmd;
mod export_cmd;
mod groups_cmd;
mod hotspots_cmd;
mod import_cmd;
mod indicators_cmd;
mod lookup_cmd;
mod mappings_cmd;
mod parse;
mod peers_cmd;
mod plan_cmd;
mod rollup_cmd;
mod selection;
mod sources_cmd;
mod stats_cmd;
#[cfg(test)]
mod tests;
mod texts_cmd;
mod usage;

use crate::store::geography::AreaChoice;
use crate::store::ingest::ImportOptions;
pub use args::UsageError;
pub use compare_cmd::CompareArgs;
pub use export_cmd::ExportArgs;
pub use groups_cmd::GroupChange;
pub use hotspots_cmd::HotspotArgs;
pub use mappings_cmd::MappingSpec;
pub use parse::parse;
pub use peers_cmd::PeerChange;
pub use plan_cmd::PlanArgs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicI32, Ordering};
pub use texts_cmd::{TextBody, TextChange};
pub use usage::USAGE;

/// Exit codes.
pub const EXIT_OK: i32 = 0;
pub const EXIT_REJECTED: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

/// What `main` should do with the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Gui {
        file: Option<PathBuf>,
    },
    Import {
        db: PathBuf,
        paths: Vec<PathBuf>,
        /// The kind forced, the saved column mapping to read unknown files with, the sheet
        /// of a workbook and any CSV dialect chosen.
        options: ImportOptions,
        json: bool,
    },
    Mappings {
        db: PathBuf,
        save: Option<MappingSpec>,
        json: bool,
    },
    Sources {
        db: PathBuf,
        json: bool,
    },
    Stats {
        db: PathBuf,
        fy: Option<String>,
        json: bool,
    },
    Area {
        db: PathBuf,
        choice: AreaChoice,
    },
    Groups {
        db: PathBuf,
        change: GroupChange,
        json: bool,
    },
    Export {
        db: PathBuf,
        out: PathBuf,
        args: ExportArgs,
        json: bool,
    },
    Lookup {
        db: PathBuf,
        derive: bool,
        json: bool,
    },
    Hotspots {
        db: PathBuf,
        args: HotspotArgs,
        json: bool,
    },
    Compare {
        db: PathBuf,
        args: CompareArgs,
        json: bool,
    },
    Peers {
        db: PathBuf,
        change: PeerChange,
        json: bool,
    },
    Texts {
        db: PathBuf,
        change: TextChange,
        json: bool,
    },
    Indicators {
        db: PathBuf,
        json: bool,
    },
    Plan {
        db: PathBuf,
        args: PlanArgs,
        json: bool,
    },
    Rollup {
        files: Vec<PathBuf>,
        out: Option<PathBuf>,
        date: Option<String>,
        json: bool,
    },
    Help,
}

/// The exit code a command whose output is cut off (`sources | head`) ends with: what it
/// would have returned, set before it prints (0 unless said otherwise).
static EXIT_IF_OUTPUT_CLOSED: AtomicI32 = AtomicI32::new(EXIT_OK);

/// Note the exit code the command will return, before printing its results.
pub(crate) fn exit_code_if_output_closed(code: i32) {
    EXIT_IF_OUTPUT_CLOSED.store(code, Ordering::Relaxed);
}

/// Whether a panic is Rust's `println!` failing because the reader of the output went away.
fn is_closed_output(payload: &(dyn std::any::Any + Send)) -> bool {
    let message = crate::store::ingest::panic_message(payload);
    message.starts_with("failed printing to stdout")
        || message.starts_with("failed printing to stderr")
}

/// Run a headless command; returns the exit code. When the output is closed early
/// (`sources | head`), the command ends quietly with its normal exit code instead of a
/// panic message and exit 101.
pub fn run(command: Command) -> i32 {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !is_closed_output(info.payload()) {
            previous(info);
        }
    }));
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| dispatch(command))) {
        Ok(code) => code,
        Err(payload) if is_closed_output(payload.as_ref()) => {
            EXIT_IF_OUTPUT_CLOSED.load(Ordering::Relaxed)
        }
        Err(payload) => std::panic::resume_unwind(payload),
    }
}

fn dispatch(command: Command) -> i32 {
    match command {
        Command::Import {
            db,
            paths,
            options,
            json,
        } => import_cmd::run(&db, &paths, &options, json),
        Command::Mappings { db, save, json } => mappings_cmd::run(&db, save.as_ref(), json),
        Command::Sources { db, json } => sources_cmd::run(&db, json),
        Command::Stats { db, fy, json } => stats_cmd::run(&db, fy.as_deref(), json),
        Command::Area { db, choice } => area_cmd::run(&db, &choice),
        Command::Groups { db, change, json } => groups_cmd::run(&db, &change, json),
        Command::Export {
            db,
            out,
            args,
            json,
        } => export_cmd::run(&db, &out, &args, json),
        Command::Lookup { db, derive, json } => lookup_cmd::run(&db, derive, json),
        Command::Hotspots { db, args, json } => hotspots_cmd::run(&db, &args, json),
        Command::Compare { db, args, json } => compare_cmd::run(&db, &args, json),
        Command::Peers { db, change, json } => peers_cmd::run(&db, &change, json),
        Command::Texts { db, change, json } => texts_cmd::run(&db, &change, json),
        Command::Indicators { db, json } => indicators_cmd::run(&db, json),
        Command::Plan { db, args, json } => plan_cmd::run(&db, &args, json),
        Command::Rollup {
            files,
            out,
            date,
            json,
        } => rollup_cmd::run(&files, out.as_deref(), date.as_deref().unwrap_or(""), json),
        Command::Help => {
            print!("{USAGE}");
            EXIT_OK
        }
        Command::Gui { .. } => EXIT_USAGE,
    }
}
