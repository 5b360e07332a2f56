//! The national archive: three years of all 43 forces as police.uk lays them out
//! (`YYYY-MM/YYYY-MM-<force>-street.csv`, 1,548 files), dealt from 18M generated rows
//! (`--national-rows` to scale it), imported by us from the folder and by DuckDB reading
//! it with a glob, in alternating rounds. Goal (issue 17): median ratio ≥ 2.

use super::contenders::{peer_rows, run_fresh, Who};
use super::data::{archive, folder_bytes, warm_folder, FORCES};
use super::measure::{load_now, load_summary, median, Sample};
use super::Args;
use std::path::Path;

const MONTHS: usize = 36;
const GOAL_RATIO: f64 = 2.0;

pub fn run(args: &Args, ours: &Path) -> Result<(), String> {
    let (label, rows) = &args.national;
    let (root, files) = match &args.national_dir {
        Some(dir) => {
            warm_folder(dir)?;
            (dir.clone(), street_files(dir))
        }
        None => {
            let root = args.data.join(format!("national_{label}"));
            let files = archive(&root, *rows, FORCES.len(), MONTHS)?;
            (root, files)
        }
    };
    let bytes = folder_bytes(&root) as f64;
    let glob = format!("{}/*/*.csv", root.display());
    let folder = root.to_str().unwrap_or_default().to_string();
    println!(
        "\n## National archive: {files} files ({} forces × {MONTHS} months), {rows} rows, {:.2} GB ({} rounds after a warm-up, alternating)\n",
        FORCES.len(),
        bytes / 1e9,
        args.runs
    );
    println!("| round | load | ours s | ours CPU s | DuckDB glob s | DuckDB CPU s | ratio |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    let (mut us, mut them, mut loads): (Vec<Sample>, Vec<Sample>, Vec<f64>) =
        (vec![], vec![], vec![]);
    let our_db = args.data.join("national_ours.db");
    let duck_db = args.data.join("national_duckdb.db");
    for round in 0..=args.runs {
        let load = load_now().unwrap_or(f64::NAN);
        let a = run_fresh(Who::Ours, ours, &folder, &our_db)?;
        let b = run_fresh(Who::DuckDb, ours, &glob, &duck_db)?;
        let name = if round == 0 {
            "warm-up".into()
        } else {
            round.to_string()
        };
        println!(
            "| {name} | {load:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2}× |",
            a.wall,
            a.cpu,
            b.wall,
            b.cpu,
            b.wall / a.wall.max(1e-6)
        );
        if round > 0 {
            us.push(a);
            them.push(b);
            loads.push(load);
        }
    }
    let ratio = median(
        &us.iter()
            .zip(&them)
            .map(|(a, b)| b.wall / a.wall.max(1e-6))
            .collect::<Vec<_>>(),
    );
    println!(
        "\nload average (1 min) at the start of the counted rounds: {}\n",
        load_summary(&loads)
    );
    println!(
        "| contender | wall median s | CPU median s | cores busy | peak RSS MiB | rows in DB |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for (who, samples, db) in [(Who::Ours, &us, &our_db), (Who::DuckDb, &them, &duck_db)] {
        let wall = median(&samples.iter().map(|s| s.wall).collect::<Vec<_>>());
        let cpu = median(&samples.iter().map(|s| s.cpu).collect::<Vec<_>>());
        let rss = samples.iter().map(|s| s.rss_mib).fold(0.0, f64::max);
        let in_db = peer_rows(who, db).map_or("?".into(), |n| n.to_string());
        println!(
            "| {} | {wall:.2} | {cpu:.2} | {:.2} | {rss:.1} | {in_db} |",
            who.name(),
            cpu / wall.max(1e-6)
        );
    }
    let rss = us.iter().map(|s| s.rss_mib).fold(0.0, f64::max);
    println!(
        "\n- goal ≥ {GOAL_RATIO}× DuckDB's glob: median ratio {ratio:.2}× → **{}**",
        if ratio >= GOAL_RATIO {
            "MET"
        } else {
            "NOT MET"
        }
    );
    println!(
        "- goal peak RSS ≤ 100 MiB: largest {rss:.1} MiB → **{}**",
        if rss <= 100.0 { "MET" } else { "NOT MET" }
    );
    Ok(())
}

/// The street files of a laid-out archive (`YYYY-MM/*.csv`, what DuckDB's glob reads).
fn street_files(root: &Path) -> usize {
    std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .flat_map(|e| std::fs::read_dir(e.path()).into_iter().flatten().flatten())
        .filter(|e| e.path().extension().is_some_and(|x| x == "csv"))
        .count()
}
