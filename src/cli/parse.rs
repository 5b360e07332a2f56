//! The command line read into a [`Command`]: the words after the command scanned once
//! ([`ParsedArgs::scan`]), then handed to the command named first. `open` and `help` are
//! read here; every other command reads its words beside its own code (`*_cmd.rs`).

use super::args::{ParsedArgs, UsageError};
use super::{
    area_cmd, compare_cmd, export_cmd, groups_cmd, hotspots_cmd, import_cmd, indicators_cmd,
    lookup_cmd, mappings_cmd, peers_cmd, plan_cmd, rollup_cmd, sources_cmd, stats_cmd, texts_cmd,
    Command,
};

/// Parse arguments (without the program name).
pub fn parse(args: &[String]) -> Result<Command, UsageError> {
    let Some((command, rest)) = args.split_first() else {
        return Ok(Command::Gui { file: None });
    };
    let args = ParsedArgs::scan(rest)?;
    match command.as_str() {
        "open" => open(&args),
        "import" => import_cmd::parse(args),
        "mappings" => mappings_cmd::parse(args),
        "sources" => sources_cmd::parse(args),
        "stats" => stats_cmd::parse(args),
        "area" => area_cmd::parse(args),
        "groups" => groups_cmd::parse(args),
        "export" => export_cmd::parse(args),
        "lookup" => lookup_cmd::parse(args),
        "hotspots" => hotspots_cmd::parse(args),
        "compare" => compare_cmd::parse(args),
        "peers" => peers_cmd::parse(args),
        "texts" => texts_cmd::parse(args),
        "indicators" => indicators_cmd::parse(args),
        "plan" => plan_cmd::parse(args),
        "rollup" => rollup_cmd::parse(args),
        "help" | "--help" | "-h" => Ok(Command::Help),
        other => Err(UsageError(format!("unknown command {other}"))),
    }
}

/// `open FILE`: the app on one assessment file.
fn open(args: &ParsedArgs) -> Result<Command, UsageError> {
    match args.positional.as_slice() {
        [file] => Ok(Command::Gui {
            file: Some(file.clone()),
        }),
        _ => Err(UsageError("open takes one assessment file".into())),
    }
}
