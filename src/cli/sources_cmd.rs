//! `csp-assessment sources --db FILE [--json]`: what the assessment file holds.
//! The JSON fields `sources[].{file,kind,sha256,rows_accepted,rows_rejected,rows_replaced,
//! first_month,last_month}` and `totals.{crime,asb,rejected}` are a contract.

use super::args::{ParsedArgs, UsageError};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::import::month::month_range_text;
use crate::report::format::thousands;
use crate::store::queries::{SourceSummary, Totals};
use crate::store::Store;
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
struct SourcesJson<'a> {
    sources: &'a [SourceSummary],
    totals: Totals,
}

/// `sources`' words: the assessment file and nothing else.
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    if !args.positional.is_empty() {
        return Err(UsageError(
            "sources takes no file names besides --db".into(),
        ));
    }
    Ok(Command::Sources {
        db: args.need_db()?,
        json: args.json,
    })
}

pub fn run(db: &Path, json: bool) -> i32 {
    let store = match Store::open_existing(db) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_REJECTED;
        }
    };
    let (sources, totals) = match store.sources().and_then(|s| Ok((s, store.totals()?))) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_REJECTED;
        }
    };
    if json {
        let out = SourcesJson {
            sources: &sources,
            totals,
        };
        match serde_json::to_string_pretty(&out) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_REJECTED;
            }
        }
    } else {
        print_table(db, &sources, totals);
    }
    EXIT_OK
}

fn print_table(db: &Path, sources: &[SourceSummary], totals: Totals) {
    println!("{}: {} sources", db.display(), sources.len());
    for s in sources {
        let span = month_range_text(s.first_month.as_deref(), s.last_month.as_deref())
            .unwrap_or_else(|| "no months".into());
        println!(
            "  {}  {}  accepted {}, rejected {}, replaced {}, in file now {}  ({span})",
            s.file,
            s.kind,
            thousands(s.rows_accepted),
            thousands(s.rows_rejected),
            thousands(s.rows_replaced),
            thousands(s.rows_current)
        );
    }
    println!(
        "Totals: {} recorded crimes, {} ASB incidents ({} with no location), {} rejected rows",
        thousands(totals.crime),
        thousands(totals.asb),
        thousands(totals.unlocated),
        thousands(totals.rejected)
    );
}
