//! Import benchmark harness (not a timed test): runs the release CLI and, alternating in
//! the same run, the peers of `../shared/bench/BASELINES.md` (sqlite3 CLI `.import`, DuckDB
//! `read_csv_auto`) on files made by `../shared/bench/gen_policeuk.py`, and prints a
//! Markdown report of same-run ratios, the machine's load and the issue-17 goals.
//!
//! Usage: cargo run --release --bin bench -- [--sizes 1m,5m] [--runs 5]
//!            [--peers sqlite3,duckdb] [--modes single,reimport,national]
//!            [--national-rows 18m] [--national-dir DIR] [--data /tmp/bench-data]
//!
//! Modes: `single` one file into a fresh database (ours, sqlite3, DuckDB); `reimport` first
//! against unchanged import of a 300-file folder and of the 1M file; `national` the 43
//! forces × 36 months police.uk folder against DuckDB reading it with a glob
//! (`--national-dir` takes a folder already laid out, e.g. by
//! `scripts/make-national-archive.py`, as it is: never rewritten).

mod contenders;
mod data;
mod measure;
mod national;
mod reimport;
mod single;

use contenders::Who;
use std::path::PathBuf;

pub struct Args {
    sizes: Vec<(String, u64)>,
    runs: usize,
    peers: Vec<Who>,
    modes: Vec<String>,
    /// (label, rows) of the file the national archive is dealt from.
    national: (String, u64),
    /// A national archive already laid out, used as it is.
    national_dir: Option<PathBuf>,
    data: PathBuf,
}

fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        sizes: vec![("1m".into(), 1_000_000), ("5m".into(), 5_000_000)],
        runs: 3,
        peers: vec![Who::Sqlite3, Who::DuckDb],
        modes: vec!["single".into()],
        national: ("18m".into(), 18_000_000),
        national_dir: None,
        data: PathBuf::from("/tmp/bench-data"),
    };
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let mut iter = raw.iter();
    while let Some(flag) = iter.next() {
        let value = iter.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--sizes" => {
                args.sizes = list(value)
                    .map(|s| Ok((s.to_string(), rows_of(s)?)))
                    .collect::<Result<_, String>>()?
            }
            "--runs" => args.runs = value.parse().map_err(|_| "--runs takes a number")?,
            "--peers" => {
                args.peers = list(value)
                    .map(|p| Who::from_peer_name(p).ok_or(format!("unknown peer {p}")))
                    .collect::<Result<_, _>>()?
            }
            "--modes" => {
                args.modes = list(value).map(String::from).collect();
                if let Some(bad) = args
                    .modes
                    .iter()
                    .find(|m| !["single", "reimport", "national"].contains(&m.as_str()))
                {
                    return Err(format!("unknown mode {bad} (single, reimport, national)"));
                }
            }
            "--national-rows" => args.national = (value.to_string(), rows_of(value)?),
            "--national-dir" => args.national_dir = Some(PathBuf::from(value)),
            "--data" => args.data = PathBuf::from(value),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(args)
}

fn rows_of(size: &str) -> Result<u64, String> {
    let lower = size.to_ascii_lowercase();
    let (digits, scale) = match lower.strip_suffix('m') {
        Some(d) => (d, 1_000_000),
        None => match lower.strip_suffix('k') {
            Some(d) => (d, 1_000),
            None => (lower.as_str(), 1),
        },
    };
    digits
        .parse::<u64>()
        .map(|n| n * scale)
        .map_err(|_| format!("bad size {size}"))
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = run(&args) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run(args: &Args) -> Result<(), String> {
    let ours = contenders::our_binary()?;
    println!("# Import benchmark\n\n{}", measure::environment());
    for mode in &args.modes {
        match mode.as_str() {
            "single" => single::run(args, &ours)?,
            "reimport" => reimport::run(args, &ours)?,
            _ => national::run(args, &ours)?,
        }
    }
    println!("\nratio = peer wall ÷ our wall in the same round (> 1: we are faster); medians over the counted rounds. Whole process, wall from /usr/bin/time.");
    Ok(())
}
