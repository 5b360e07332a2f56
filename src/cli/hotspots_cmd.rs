//! `csp-assessment hotspots --db FILE [--fy 2024/25] [--theme KEY] [--cell-size M] [--json]`:
//! the hotspot grid of a theme and financial year in the area of interest — every cell's
//! centre, count, kernel density, Getis-Ord Gi* z and p (raw and adjusted), significance,
//! and its persistent/emerging/former class across up to five years. The JSON fields listed
//! in the README's "JSON contract" are a contract.

use super::args::{ParsedArgs, UsageError};
use super::{Command, EXIT_OK, EXIT_REJECTED};
use crate::analysis::area::AreaIndex;
use crate::analysis::hotspot_grid::classify::HotspotClass;
use crate::analysis::hotspot_grid::for_theme::{
    theme_hotspots, ExtentSource, HotspotRequest, ThemeHotspots,
};
use crate::analysis::hotspot_grid::gistar::Significance;
use crate::analysis::hotspot_grid::HotspotOptions;
use crate::analysis::overview::complete_years;
use crate::import::boundaries::BoundaryLevel;
use crate::report::format::thousands;
use crate::store::Store;
use serde::Serialize;
use std::path::Path;

/// The command line's choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HotspotArgs {
    pub fy: Option<String>,
    pub theme: Option<String>,
    /// Metres; `None` for the default.
    pub cell_size: Option<u32>,
}

#[derive(Serialize)]
struct GridJson {
    cell_size_m: f64,
    cols: usize,
    rows: usize,
    origin_easting: f64,
    origin_northing: f64,
    bandwidth_m: f64,
}

#[derive(Serialize, Default)]
struct SignificantCells {
    hot99: usize,
    hot95: usize,
    cold95: usize,
    cold99: usize,
}

#[derive(Serialize)]
struct CellJson {
    col: usize,
    row: usize,
    lon: f64,
    lat: f64,
    count: u32,
    kde: f64,
    gi_z: f64,
    gi_p: f64,
    gi_p_adjusted: f64,
    significance: Significance,
    class: Option<HotspotClass>,
    previous_count: Option<u32>,
    change: Option<i64>,
}

#[derive(Serialize)]
struct HotspotsJson {
    financial_year: String,
    theme: String,
    key: String,
    area: String,
    extent_from: ExtentSource,
    grid: GridJson,
    periods: Vec<String>,
    incidents: u64,
    outside: u64,
    significant_cells: SignificantCells,
    cells: Vec<CellJson>,
}

/// `hotspots`' words: the assessment file and perhaps the year, theme and cell size.
pub(super) fn parse(mut args: ParsedArgs) -> Result<Command, UsageError> {
    let cell_size = match args.take("--cell-size") {
        Some(text) => Some(text.parse::<u32>().ok().filter(|m| *m > 0).ok_or_else(|| {
            UsageError(format!(
                "--cell-size {text} is not a whole number of metres"
            ))
        })?),
        None => None,
    };
    Ok(Command::Hotspots {
        db: args.need_db()?,
        args: HotspotArgs {
            fy: args.take("--fy"),
            theme: args.take("--theme"),
            cell_size,
        },
        json: args.json,
    })
}

pub fn run(db: &Path, args: &HotspotArgs, json: bool) -> i32 {
    match build(db, args) {
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
                print_summary(&out);
            }
            EXIT_OK
        }
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_REJECTED
        }
    }
}

fn build(db: &Path, args: &HotspotArgs) -> Result<HotspotsJson, String> {
    let store = Store::open_existing(db).map_err(|e| e.to_string())?;
    let cube = store.count_cube().map_err(|e| e.to_string())?;
    let year = super::selection::year_of(&cube, args.fy.as_deref())?;
    let theme = &super::selection::theme_of(&cube, args.theme.as_deref())?;
    let area = AreaIndex::build(&cube);
    let options = HotspotOptions {
        cell_size: args.cell_size.map(f64::from),
        ..HotspotOptions::default()
    };
    let request = HotspotRequest::new(theme, year, &complete_years(&cube.months), &area, options);
    let points = store
        .incident_points(&request.query)
        .map_err(|e| e.to_string())?;
    let wards = store
        .boundaries(BoundaryLevel::Ward)
        .map_err(|e| e.to_string())?;
    let result = theme_hotspots(&request, &points, &wards).map_err(|e| e.to_string())?;
    Ok(to_json(result, area.name.clone()))
}

fn to_json(result: ThemeHotspots, area: String) -> HotspotsJson {
    let spec = result.grid.spec;
    let mut significant = SignificantCells::default();
    let cells = result
        .grid
        .cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            match c.significance {
                Significance::Hot99 => significant.hot99 += 1,
                Significance::Hot95 => significant.hot95 += 1,
                Significance::Cold95 => significant.cold95 += 1,
                Significance::Cold99 => significant.cold99 += 1,
                Significance::NotSignificant => {}
            }
            let change = result.change.as_ref().and_then(|ch| ch.get(i));
            CellJson {
                col: c.col,
                row: c.row,
                lon: (c.centre_lon * 1e6).round() / 1e6,
                lat: (c.centre_lat * 1e6).round() / 1e6,
                count: c.count,
                kde: c.kde,
                gi_z: c.gi_z,
                gi_p: c.gi_p,
                gi_p_adjusted: c.gi_p_adjusted,
                significance: c.significance,
                class: result
                    .classes
                    .as_ref()
                    .and_then(|classes| classes.get(i).copied()),
                previous_count: change.map(|ch| ch.before),
                change: change.map(|ch| ch.difference),
            }
        })
        .collect();
    HotspotsJson {
        financial_year: result.financial_year,
        theme: result.theme,
        key: result.key,
        area,
        extent_from: result.extent_from,
        grid: GridJson {
            cell_size_m: spec.cell_size,
            cols: spec.cols,
            rows: spec.rows,
            origin_easting: spec.origin_x,
            origin_northing: spec.origin_y,
            bandwidth_m: result.grid.bandwidth,
        },
        periods: result.periods,
        incidents: result.incidents,
        outside: result.grid.outside,
        significant_cells: significant,
        cells,
    }
}

fn print_summary(out: &HotspotsJson) {
    println!(
        "{} — {} — {}: {} located incidents",
        out.theme,
        out.financial_year,
        out.area,
        thousands(out.incidents as i64)
    );
    println!(
        "grid: {} × {} cells of {} m (bandwidth {:.0} m), extent from {}",
        out.grid.cols,
        out.grid.rows,
        out.grid.cell_size_m,
        out.grid.bandwidth_m,
        match out.extent_from {
            ExtentSource::WardBoundaries => "the ward boundaries",
            ExtentSource::IncidentPoints => "the incidents",
        }
    );
    let s = &out.significant_cells;
    println!(
        "hotspot cells: {} at 99%, {} at 95%; coldspot cells: {} at 95%, {} at 99%",
        s.hot99, s.hot95, s.cold95, s.cold99
    );
    let mut busiest: Vec<&CellJson> = out.cells.iter().filter(|c| c.count > 0).collect();
    busiest.sort_by_key(|c| std::cmp::Reverse(c.count));
    for c in busiest.iter().take(5) {
        println!(
            "  cell ({}, {}) at {:.5}, {:.5}: {} incidents, Gi* z {:.2}, {}",
            c.col,
            c.row,
            c.lat,
            c.lon,
            c.count,
            c.gi_z,
            c.significance.label()
        );
    }
}
