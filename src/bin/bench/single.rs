//! One large file into a fresh database: ours against the peers in alternating rounds (one
//! uncounted warm-up round first). Each round gives a ratio per peer (peer wall ÷ our wall
//! in that round), so drift on a shared machine cancels; the report gives every round, the
//! medians, and whether the issue-17 goals (≥ 5× the sqlite3 CLI, ≥ 3× DuckDB at 1M rows)
//! are met.

use super::contenders::{peer_rows, run_fresh, Who};
use super::measure::{load_now, load_summary, median, Sample};
use super::Args;
use std::path::Path;

/// Goals at 1M rows: (peer, least median ratio).
const GOALS: [(Who, f64); 2] = [(Who::Sqlite3, 5.0), (Who::DuckDb, 3.0)];

pub fn run(args: &Args, ours: &Path) -> Result<(), String> {
    let mut who = vec![Who::Ours];
    who.extend(args.peers.iter().copied());
    println!(
        "\n## One file into a fresh database ({} rounds after a warm-up, alternating)\n",
        args.runs
    );
    for (label, rows) in &args.sizes {
        let csv = super::data::generated_file(&args.data, label, *rows)?;
        let input = csv.to_str().unwrap_or_default().to_string();
        let bytes = std::fs::metadata(&csv).map_err(|e| e.to_string())?.len() as f64;
        let mut samples: Vec<Vec<Sample>> = vec![Vec::new(); who.len()];
        let mut loads = Vec::new();
        println!("### {label} ({rows} rows, {:.1} MB)\n", bytes / 1e6);
        print!("| round | load | ours s");
        for w in &who[1..] {
            print!(" | {} s | ratio", w.short());
        }
        println!(" |");
        println!("|---:|---:|---:{}|", "|---:|---:".repeat(who.len() - 1));
        for round in 0..=args.runs {
            let load = load_now().unwrap_or(f64::NAN);
            let mut walls = Vec::new();
            for (i, w) in who.iter().enumerate() {
                let db = args.data.join(format!("{}.db", w.short()));
                let sample = run_fresh(*w, ours, &input, &db)?;
                walls.push(sample.wall);
                if round > 0 {
                    samples[i].push(sample);
                }
            }
            let name = if round == 0 {
                "warm-up".to_string()
            } else {
                round.to_string()
            };
            print!("| {name} | {load:.2} | {:.2}", walls[0]);
            for wall in &walls[1..] {
                print!(" | {wall:.2} | {:.2}×", wall / walls[0].max(1e-6));
            }
            println!(" |");
            if round > 0 {
                loads.push(load);
            }
        }
        println!(
            "\nload average (1 min) at the start of the counted rounds: {}\n",
            load_summary(&loads)
        );
        summary_table(args, &who, &samples, label, *rows, bytes)?;
        if *rows == 1_000_000 {
            goal_lines(&who, &samples);
        }
    }
    Ok(())
}

fn ratios(samples: &[Vec<Sample>], i: usize) -> Vec<f64> {
    samples[i]
        .iter()
        .zip(&samples[0])
        .map(|(peer, us)| peer.wall / us.wall.max(1e-6))
        .collect()
}

fn summary_table(
    args: &Args,
    who: &[Who],
    samples: &[Vec<Sample>],
    label: &str,
    rows: u64,
    bytes: f64,
) -> Result<(), String> {
    println!("| contender | file | rows/s | MB/s | wall median s | min–max s | CPU s | peak RSS MiB | DB MB | rows in DB | median ratio to ours |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (i, w) in who.iter().enumerate() {
        let walls: Vec<f64> = samples[i].iter().map(|s| s.wall).collect();
        let cpu: Vec<f64> = samples[i].iter().map(|s| s.cpu).collect();
        let rss: Vec<f64> = samples[i].iter().map(|s| s.rss_mib).collect();
        let min = walls.iter().cloned().fold(f64::INFINITY, f64::min);
        let max = walls.iter().cloned().fold(0.0, f64::max);
        let wall = median(&walls);
        let db = args.data.join(format!("{}.db", w.short()));
        let db_mb = std::fs::metadata(&db).map_or(f64::NAN, |m| m.len() as f64 / 1e6);
        let in_db = peer_rows(*w, &db).map_or("?".into(), |n| n.to_string());
        println!(
            "| {} | {label} | {:.0} | {:.1} | {wall:.2} | {min:.2}–{max:.2} | {:.2} | {:.1} | {db_mb:.1} | {in_db} | {:.2}× |",
            w.name(),
            rows as f64 / wall,
            bytes / 1e6 / wall,
            median(&cpu),
            median(&rss),
            median(&ratios(samples, i)),
        );
    }
    println!();
    Ok(())
}

fn goal_lines(who: &[Who], samples: &[Vec<Sample>]) {
    for (peer, goal) in GOALS {
        let Some(i) = who.iter().position(|w| *w == peer) else {
            continue;
        };
        let ratio = median(&ratios(samples, i));
        let verdict = if ratio >= goal { "MET" } else { "NOT MET" };
        println!(
            "- goal ≥ {goal}× {} at 1M rows: median ratio {ratio:.2}× → **{verdict}**",
            peer.name()
        );
    }
    let rss = samples[0].iter().map(|s| s.rss_mib).fold(0.0, f64::max);
    let verdict = if rss <= 100.0 { "MET" } else { "NOT MET" };
    println!("- goal peak RSS ≤ 100 MiB: largest {rss:.1} MiB → **{verdict}**\n");
}
