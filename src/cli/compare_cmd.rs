//! `csp-assessment compare --db FILE [--fy 2023/24] [--theme KEY] [--peers NAME] [--json]`:
//! how each district of the file compares on a theme in a financial year — count,
//! population, rate per 1,000 with its exact 95 % interval, ranks among all districts,
//! districts of the same type and the peer group, above / similar / below the peer rate,
//! and the funnel plot's limits. The JSON fields listed in the README are a contract.

use super::args::{ParsedArgs, UsageError};
use super::selection::{theme_of, year_of};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::analysis::comparison::{compare_theme, Comparison, PeerChoice};
use crate::analysis::district::DistrictIndex;
use crate::report::format::thousands;
use crate::store::Store;
use std::path::Path;

/// The command line's choices.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompareArgs {
    pub fy: Option<String>,
    pub theme: Option<String>,
    /// A saved peer group's name; all districts in the file when `None`.
    pub peers: Option<String>,
}

/// `compare`'s words: the assessment file and perhaps the year, theme and peer group.
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    Ok(Command::Compare {
        db: args.need_db()?,
        args: CompareArgs {
            fy: args.take("--fy"),
            theme: args.take("--theme"),
            peers: args.take("--peers"),
        },
        json: args.json,
    })
}

pub fn run(db: &Path, args: &CompareArgs, json: bool) -> i32 {
    let outcome = build(db, args).and_then(|comparison| {
        if json {
            serde_json::to_string_pretty(&comparison)
                .map(|text| println!("{text}"))
                .map_err(|e| e.to_string())
        } else {
            print_table(&comparison);
            Ok(())
        }
    });
    match outcome {
        Ok(()) => EXIT_OK,
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_REJECTED
        }
    }
}

fn build(db: &Path, args: &CompareArgs) -> Result<Comparison, String> {
    let store = Store::open_existing(db).map_err(|e| e.to_string())?;
    let cube = store.count_cube().map_err(|e| e.to_string())?;
    let year = year_of(&cube, args.fy.as_deref())?;
    let theme = theme_of(&cube, args.theme.as_deref())?;
    let peers = match &args.peers {
        None => PeerChoice::AllDistricts,
        Some(name) => {
            let groups = store.peer_groups().map_err(|e| e.to_string())?;
            let group = groups
                .into_iter()
                .find(|g| g.name.eq_ignore_ascii_case(name.trim()))
                .ok_or_else(|| {
                    format!("there is no peer group called \"{name}\" (save one with peers --save NAME --codes CODE,CODE…)")
                })?;
            PeerChoice::Saved {
                name: group.name,
                codes: group.codes,
            }
        }
    };
    let index = DistrictIndex::build(&cube);
    if index.districts.is_empty() {
        return Err("no district is known for any incident of the file: import police.uk files (their LSOA names carry the district) or a ward lookup with district (LADnnCD) columns".into());
    }
    let subject = index.subject(&cube.area.ward_codes);
    Ok(compare_theme(
        &cube.months,
        &index,
        &theme,
        year,
        subject,
        &peers,
    ))
}

fn print_table(c: &Comparison) {
    println!(
        "{} — {} — districts, against {}{}",
        c.theme_label,
        c.financial_year,
        c.peer_group.name,
        c.peer_group
            .mean_rate_per_1000
            .map(|r| format!(" ({r:.1} per 1,000)"))
            .unwrap_or_default()
    );
    if let Some(subject) = &c.subject {
        let rank = c
            .type_rank_phrase()
            .map(|p| format!(": {p}"))
            .unwrap_or_default();
        println!("Your area is in {}{rank}", subject.name);
    }
    println!(
        "{:>4}  {:<32} {:>9} {:>11} {:>9} {:>15}  vs peers",
        "rank", "district", "count", "population", "per 1,000", "95% interval"
    );
    for a in &c.areas {
        let or_dash = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{v:.1}"));
        println!(
            "{:>4}  {:<32} {:>9} {:>11} {:>9} {:>15}  {}",
            a.rank.map_or("–".into(), |r| r.to_string()),
            format!(
                "{} {}",
                a.name,
                a.code
                    .as_deref()
                    .map(|c| format!("({c})"))
                    .unwrap_or_default()
            ),
            thousands(a.count),
            a.population
                .map_or("–".into(), |p| thousands(p.round() as i64)),
            or_dash(a.rate_per_1000),
            match (a.ci95_low, a.ci95_high) {
                (Some(lo), Some(hi)) => format!("{lo:.1} to {hi:.1}"),
                _ => "–".into(),
            },
            match (a.vs_peer_mean, a.covered) {
                (Some(p), _) => p.words(),
                (None, false) => "not ranked: few incidents, over the border",
                (None, true) => "no population",
            }
        );
    }
    if c.unplaced > 0 {
        println!(
            "{} incidents have no location or are in an LSOA of no known district.",
            thousands(c.unplaced)
        );
    }
}
