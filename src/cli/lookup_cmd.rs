//! `csp-assessment lookup --db FILE [--derive] [--json]`: a best-fit LSOA → ward lookup
//! derived from the imported ward and LSOA boundaries (each LSOA's centroid in a ward
//! polygon, else the nearest ward): how many LSOAs it places and by which method. With
//! `--derive` the lookup is saved as a source of kind `derived_lookup`; without, it is
//! only shown.

use super::args::{ParsedArgs, UsageError};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::analysis::geo::best_fit::{best_fit_lookup, district_names, Placement};
use crate::import::boundaries::BoundaryLevel;
use crate::store::Store;
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
struct LookupJson {
    saved: bool,
    source_id: Option<i64>,
    lsoas: usize,
    by_containment: usize,
    by_nearest: usize,
    unplaced: usize,
    wards_without_lsoas: Vec<String>,
    placements: Vec<Placement>,
    /// How the saved lookup covers the LSOAs of the police data.
    coverage: Vec<String>,
}

/// Why there is nothing to derive from, saying what the file does hold.
fn missing_boundaries(store: &Store, lsoas: usize, wards: usize) -> String {
    let sources = store
        .conn
        .query_row(
            "SELECT count(*), coalesce(sum(rows_rejected), 0) FROM sources WHERE kind = 'boundaries'",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
        )
        .unwrap_or((0, 0));
    let held = format!("the assessment file holds {wards} ward and {lsoas} LSOA boundaries");
    let advice = match sources {
        (0, _) => "import ward and LSOA boundary files first (GeoJSON, a shapefile — zipped or its folder — or a GeoPackage)".to_string(),
        (n, rejected) if rejected > 0 => format!(
            "{n} boundary files were imported, but {rejected} of their features could not be used: see their rejected rows (`sources`), and import the missing level"
        ),
        (n, _) => format!("{n} boundary files were imported: import the missing level"),
    };
    format!("deriving a lookup needs both ward and LSOA boundaries, but {held}: {advice}")
}

/// `lookup`'s words: the assessment file and perhaps `--derive`.
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    Ok(Command::Lookup {
        db: args.need_db()?,
        derive: args.derive,
        json: args.json,
    })
}

pub fn run(db: &Path, derive: bool, json: bool) -> i32 {
    match build(db, derive) {
        Ok(out) => {
            if json {
                match serde_json::to_string_pretty(&out) {
                    Ok(text) => println!("{text}"),
                    Err(e) => {
                        eprintln!("error: {e}");
                        return EXIT_REJECTED;
                    }
                }
            } else {
                println!(
                    "{} LSOAs placed in wards: {} by containment, {} by nearest ward, {} not placed",
                    out.lsoas - out.unplaced,
                    out.by_containment,
                    out.by_nearest,
                    out.unplaced
                );
                if !out.wards_without_lsoas.is_empty() {
                    println!("wards with no LSOA: {}", out.wards_without_lsoas.join(", "));
                }
                if out.saved {
                    println!("saved as the ward lookup of the assessment file");
                    for note in &out.coverage {
                        println!("note: {note}");
                    }
                } else {
                    println!("not saved: run again with --derive to use it");
                }
            }
            EXIT_OK
        }
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_REJECTED
        }
    }
}

fn build(db: &Path, derive: bool) -> Result<LookupJson, String> {
    let mut store = Store::open_existing(db).map_err(|e| e.to_string())?;
    let read = |level| store.boundaries(level).map_err(|e| e.to_string());
    let lsoas = read(BoundaryLevel::Lsoa)?;
    let wards = read(BoundaryLevel::Ward)?;
    let districts = read(BoundaryLevel::District)?;
    if lsoas.is_empty() || wards.is_empty() {
        return Err(missing_boundaries(&store, lsoas.len(), wards.len()));
    }
    let fit = best_fit_lookup(&lsoas, &wards);
    let source_id = if derive {
        let rows = fit.lookup_rows(&wards, &district_names(&districts));
        Some(
            store
                .save_derived_lookup(&rows, &fit.summary())
                .map_err(|e| e.to_string())?,
        )
    } else {
        None
    };
    let coverage = if derive {
        crate::store::coverage::lookup_coverage(&store.conn).map_err(|e| e.to_string())?
    } else {
        Vec::new()
    };
    Ok(LookupJson {
        coverage,
        saved: derive,
        source_id,
        lsoas: fit.placements.len(),
        by_containment: fit.by_containment,
        by_nearest: fit.by_nearest,
        unplaced: fit.unplaced,
        wards_without_lsoas: fit.wards_without_lsoas,
        placements: fit.placements,
    })
}
