//! Overview benchmark (not a timed test): how long the Overview's figures take after a
//! selector change on a big assessment file, against a plain `GROUP BY` over the fact
//! table — what a page would cost if it queried SQLite on every change instead of reading
//! the counts maintained at import — and how long the Comparison page's districts take
//! to recompute after a selector change (issue 13: ≤ 50 ms on the national archive).
//!
//! Usage: cargo run --release --bin bench_overview -- [--db FILE] [--runs 5]
//! (default file: /tmp/bench-data/ours.assessment, left by `bench` after its 5M import).

use csp_assessment::analysis::area::AreaIndex;
use csp_assessment::analysis::comparison::{compare_theme, PeerChoice};
use csp_assessment::analysis::district::DistrictIndex;
use csp_assessment::analysis::overview::{complete_years, theme_overview};
use csp_assessment::analysis::theme::Theme;
use csp_assessment::store::Store;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let mut db = PathBuf::from("/tmp/bench-data/ours.assessment");
    let mut runs = 5usize;
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        match (pair.first().map(String::as_str), pair.get(1)) {
            (Some("--db"), Some(v)) => db = PathBuf::from(v),
            (Some("--runs"), Some(v)) => runs = v.parse().unwrap_or(runs),
            _ => {
                eprintln!("usage: bench_overview [--db FILE] [--runs N]");
                std::process::exit(2);
            }
        }
    }
    if let Err(e) = run(&db, runs.max(1)) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn run(db: &std::path::Path, runs: usize) -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let store = Store::open_existing(db)?;
    let cube = store.count_cube()?;
    let load = started.elapsed();
    let area = AreaIndex::build(&cube);
    let themes = Theme::all(&cube.groups);
    let years = complete_years(&cube.months);
    let year = *years
        .first()
        .ok_or("the file holds no complete financial year")?;

    let mut per_change = Vec::new();
    let mut all_themes = Vec::new();
    for _ in 0..runs {
        let all = Instant::now();
        for theme in &themes {
            let one = Instant::now();
            let figures = theme_overview(&cube.months, theme, &area, year);
            per_change.push(millis(one.elapsed()));
            std::hint::black_box(figures);
        }
        all_themes.push(millis(all.elapsed()));
    }

    let sql =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let rows: i64 = sql.query_row("SELECT count(*) FROM incident", [], |r| r.get(0))?;
    let mut group_by = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let mut stmt = sql.prepare(
            "SELECT month, crime_type_id, lsoa_id, count(*) FROM incident GROUP BY 1, 2, 3",
        )?;
        let cells = stmt
            .query_map([], |r| r.get::<_, i64>(3))?
            .collect::<Result<Vec<i64>, _>>()?;
        std::hint::black_box(cells);
        group_by.push(millis(t.elapsed()));
    }

    let comparison = comparison_timings(&cube, &themes, year, runs);

    let change = median(per_change.clone());
    let worst = per_change.iter().copied().fold(0.0, f64::max);
    let plain = median(group_by);
    println!(
        "# Overview benchmark: {} ({rows} incidents, {} months)\n",
        db.display(),
        cube.months.len()
    );
    println!("| step | median ms | note |\n|---|---:|---|");
    println!(
        "| open + load maintained counts (once per file/import) | {:.1} | |",
        millis(load)
    );
    println!("| one selector change (one theme, {}) | {change:.2} | worst {worst:.2} ms over {} changes |", year.label(), per_change.len());
    println!(
        "| all {} themes | {:.1} | |",
        themes.len(),
        median(all_themes)
    );
    println!("| plain GROUP BY month, type, LSOA over the fact table | {plain:.1} | |");
    println!(
        "| districts of the file (once per file/import) | {:.1} | {} districts, {} covered |",
        comparison.index_ms, comparison.districts, comparison.covered
    );
    println!(
        "| comparison after a selector change (one theme, all districts) | {:.2} | worst {:.2} ms over {} changes |",
        median(comparison.all.clone()),
        comparison.all.iter().copied().fold(0.0, f64::max),
        comparison.all.len()
    );
    println!(
        "| comparison after a selector change (one theme, same type) | {:.2} | worst {:.2} ms |",
        median(comparison.same_type.clone()),
        comparison.same_type.iter().copied().fold(0.0, f64::max)
    );
    println!(
        "\nRatio: a selector change is {:.0}× faster than the plain GROUP BY.",
        plain / change
    );
    Ok(())
}

/// Times of the Comparison page's work, in milliseconds.
struct ComparisonTimings {
    index_ms: f64,
    districts: usize,
    covered: usize,
    all: Vec<f64>,
    same_type: Vec<f64>,
}

/// Build the districts once, then compare every theme against all districts and against
/// the subject's type (the busiest district stands in for the area of interest).
fn comparison_timings(
    cube: &csp_assessment::store::cube::CountCube,
    themes: &[Theme],
    year: csp_assessment::analysis::financial_year::FinancialYear,
    runs: usize,
) -> ComparisonTimings {
    let started = Instant::now();
    let index = DistrictIndex::build(cube);
    let index_ms = millis(started.elapsed());
    let subject = index
        .districts
        .iter()
        .enumerate()
        .max_by_key(|(_, d)| d.incidents_held)
        .map(|(i, _)| i);
    let mut all = Vec::new();
    let mut same_type = Vec::new();
    for _ in 0..runs {
        for theme in themes {
            for (peers, times) in [
                (PeerChoice::AllDistricts, &mut all),
                (PeerChoice::SameType, &mut same_type),
            ] {
                let t = Instant::now();
                let result = compare_theme(&cube.months, &index, theme, year, subject, &peers);
                times.push(millis(t.elapsed()));
                std::hint::black_box(result);
            }
        }
    }
    ComparisonTimings {
        index_ms,
        districts: index.districts.len(),
        covered: index.districts.iter().filter(|d| d.covered).count(),
        all,
        same_type,
    }
}
