//! `csp-assessment area --db FILE (--district NAME | --wards CODE,… [--name N] | --all)`:
//! set the area of interest every page and export is filtered to.

use super::args::{comma_list, ParsedArgs, UsageError};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::store::geography::AreaChoice;
use crate::store::Store;
use std::path::Path;

/// `area`'s words: exactly one of `--district`, `--wards` (perhaps with `--name`), `--all`.
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    let choice = match (args.take("--district"), args.take("--wards"), args.all) {
        (Some(d), None, false) => AreaChoice::District(d),
        (None, Some(w), false) => {
            let codes = comma_list(&w);
            let name = args
                .take("--name")
                .unwrap_or_else(|| crate::store::geography::ward_count_name(codes.len()));
            AreaChoice::Wards { name, codes }
        }
        (None, None, true) => AreaChoice::Everything,
        _ => {
            return Err(UsageError(
                "area takes one of --district NAME, --wards CODE,CODE or --all".into(),
            ))
        }
    };
    Ok(Command::Area {
        db: args.need_db()?,
        choice,
    })
}

pub fn run(db: &Path, choice: &AreaChoice) -> i32 {
    let result = Store::open_existing(db).and_then(|mut store| store.set_area(choice));
    match result {
        Ok(area) => {
            if area.ward_codes.is_empty() {
                println!("Area of interest: all data in the file (no filter)");
            } else {
                println!(
                    "Area of interest: {} ({} wards)",
                    area.name,
                    area.ward_codes.len()
                );
            }
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_REJECTED
        }
    }
}
