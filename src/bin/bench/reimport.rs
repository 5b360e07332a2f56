//! Re-importing unchanged inputs: per round, the first import of an input into a fresh
//! database, then the same input again into that database (which must change nothing).
//! Inputs: a police.uk-style folder of 300 files (10 forces × 30 months) dealt from the
//! 1M-row file, and the 1M-row file itself. Goal (issue 17): the unchanged import ≥ 10×
//! faster than the first, and the unchanged 300-file folder well under a second.

use super::contenders::{remove_db, run_ours};
use super::data::{archive, generated_file};
use super::measure::{load_now, load_summary, median};
use super::Args;
use std::path::{Path, PathBuf};

const GOAL_RATIO: f64 = 10.0;

pub fn run(args: &Args, ours: &Path) -> Result<(), String> {
    let big = generated_file(&args.data, "1m", 1_000_000)?;
    let folder = args.data.join("folder_300");
    let files = archive(&folder, 1_000_000, 10, 30)?;
    let inputs: [(String, PathBuf); 2] = [
        (format!("folder of {files} files (1M rows)"), folder),
        ("one file (1M rows)".into(), big),
    ];
    println!(
        "\n## Re-import of unchanged inputs ({} rounds after a warm-up)\n",
        args.runs
    );
    println!("| input | first import median s | unchanged median s | min–max s | median ratio | peak RSS MiB (unchanged) | goal ≥ {GOAL_RATIO}× |");
    println!("|---|---:|---:|---:|---:|---:|---|");
    let db = args.data.join("reimport.db");
    let mut loads = Vec::new();
    for (name, input) in &inputs {
        let (mut first, mut again, mut ratios, mut rss) = (vec![], vec![], vec![], vec![]);
        for round in 0..=args.runs {
            loads.push(load_now().unwrap_or(f64::NAN));
            remove_db(&db);
            let a = run_ours(ours, input, &db)?;
            let b = run_ours(ours, input, &db)?;
            if round > 0 {
                // The harness's clock: an unchanged re-import takes about 0.05 s, where
                // /usr/bin/time's hundredths would make the ratio move in steps of 10 %.
                first.push(a.wall_fine);
                again.push(b.wall_fine);
                ratios.push(a.wall_fine / b.wall_fine.max(1e-6));
                rss.push(b.rss_mib);
            }
        }
        let ratio = median(&ratios);
        let min = again.iter().cloned().fold(f64::INFINITY, f64::min);
        let max = again.iter().cloned().fold(0.0, f64::max);
        println!(
            "| {name} | {:.3} | {:.3} | {min:.3}–{max:.3} | {ratio:.1}× | {:.1} | {} |",
            median(&first),
            median(&again),
            median(&rss),
            if ratio >= GOAL_RATIO {
                "MET"
            } else {
                "NOT MET"
            }
        );
    }
    remove_db(&db);
    println!(
        "\nload average (1 min) at the start of the rounds: {}\n\nTimes here are the harness's own clock around each process (to the microsecond; \
         `/usr/bin/time`'s hundredths are too coarse at 0.05 s).",
        load_summary(&loads)
    );
    Ok(())
}
