//! Import benchmark harness (not a timed test): imports files made by
//! `../shared/bench/gen_policeuk.py` into a fresh assessment file with the release CLI and,
//! alternating in the same run, the peers of `../shared/bench/BASELINES.md` (sqlite3 CLI
//! `.import`, DuckDB `read_csv_auto`). Whole-process wall time and peak RSS come from
//! `/usr/bin/time`, as in the baselines. Prints a Markdown report with same-run ratios.
//!
//! Usage: cargo run --release --bin bench -- [--sizes 1m,5m] [--runs 3] [--peers sqlite3,duckdb]

use std::path::{Path, PathBuf};
use std::process::Command;

struct Args {
    sizes: Vec<(String, u64)>,
    runs: usize,
    peers: Vec<String>,
    data: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        sizes: vec![("1m".into(), 1_000_000), ("5m".into(), 5_000_000)],
        runs: 3,
        peers: vec!["sqlite3".into(), "duckdb".into()],
        data: PathBuf::from("/tmp/bench-data"),
    };
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let mut iter = raw.iter();
    while let Some(flag) = iter.next() {
        let value = iter.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--sizes" => {
                args.sizes = value
                    .split(',')
                    .map(|s| Ok((s.to_string(), rows_of(s)?)))
                    .collect::<Result<_, String>>()?
            }
            "--runs" => args.runs = value.parse().map_err(|_| "--runs takes a number")?,
            "--peers" => {
                args.peers = value
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            }
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

/// One measured process: wall seconds and peak RSS in MiB.
#[derive(Clone, Copy)]
struct Sample {
    wall: f64,
    rss_mib: f64,
}

fn measure(program: &str, args: &[&str]) -> Result<Sample, String> {
    let out_file = std::env::temp_dir().join(format!("bench-time-{}.txt", std::process::id()));
    let status = Command::new("/usr/bin/time")
        .args(["-f", "%e %M", "-o"])
        .arg(&out_file)
        .arg(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|e| format!("could not run /usr/bin/time: {e}"))?;
    let text = std::fs::read_to_string(&out_file).map_err(|e| e.to_string())?;
    let last = text.lines().last().unwrap_or_default();
    let mut parts = last.split_whitespace();
    let wall: f64 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or(format!("bad timing {text}"))?;
    let kib: f64 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or(format!("bad timing {text}"))?;
    // Exit code 1 (rows rejected) still measures a complete import.
    if !status.success() && status.code() != Some(1) {
        return Err(format!("{program} failed: {status}"));
    }
    Ok(Sample {
        wall,
        rss_mib: kib / 1024.0,
    })
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    let n = values.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn ensure_data(args: &Args, label: &str, rows: u64) -> Result<PathBuf, String> {
    std::fs::create_dir_all(&args.data).map_err(|e| e.to_string())?;
    let path = args.data.join(format!("policeuk_{label}.csv"));
    if !path.exists() {
        let generator =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_policeuk.py");
        eprintln!("generating {} ...", path.display());
        let ok = Command::new("python3")
            .arg(&generator)
            .arg(rows.to_string())
            .arg(&path)
            .args(["--seed", "1"])
            .status()
            .map_err(|e| e.to_string())?
            .success();
        if !ok {
            return Err(format!("{} failed", generator.display()));
        }
    }
    // Into the page cache, as for every peer in the baselines.
    std::fs::read(&path).map_err(|e| e.to_string())?;
    Ok(path)
}

fn our_binary() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let ours = exe.with_file_name(format!("csp-assessment{}", std::env::consts::EXE_SUFFIX));
    if !ours.exists() {
        let ok = Command::new("cargo")
            .args(["build", "--release", "--bin", "csp-assessment"])
            .status()
            .map_err(|e| e.to_string())?
            .success();
        if !ok {
            return Err("cargo build --release failed".into());
        }
    }
    Ok(ours)
}

/// Runs one import of (CSV, database) and measures it.
type Runner = Box<dyn Fn(&Path, &Path) -> Result<Sample, String>>;

struct Contender {
    name: &'static str,
    db: PathBuf,
    run: Runner,
}

fn contenders(args: &Args, ours: PathBuf) -> Vec<Contender> {
    let peers_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/peers");
    let mut list = vec![Contender {
        name: "csp-assessment import",
        db: args.data.join("ours.assessment"),
        run: Box::new(move |csv, db| {
            measure(
                ours.to_str().unwrap_or_default(),
                &[
                    "import",
                    "--db",
                    db.to_str().unwrap_or_default(),
                    csv.to_str().unwrap_or_default(),
                ],
            )
        }),
    }];
    for peer in &args.peers {
        match peer.as_str() {
            "sqlite3" => list.push(Contender {
                name: "sqlite3 CLI .import",
                db: args.data.join("peer.sqlite"),
                run: Box::new(|csv, db| {
                    measure(
                        "sqlite3",
                        &[
                            "-csv",
                            db.to_str().unwrap_or_default(),
                            &format!(".import {} crimes", csv.display()),
                        ],
                    )
                }),
            }),
            "duckdb" => {
                let script = peers_dir.join("import_duckdb.py");
                list.push(Contender {
                    name: "DuckDB read_csv_auto",
                    db: args.data.join("peer.duckdb"),
                    run: Box::new(move |csv, db| {
                        measure(
                            "python3",
                            &[
                                script.to_str().unwrap_or_default(),
                                csv.to_str().unwrap_or_default(),
                                db.to_str().unwrap_or_default(),
                            ],
                        )
                    }),
                })
            }
            other => eprintln!("unknown peer {other}: ignored"),
        }
    }
    list
}

fn remove_db(db: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm", ".wal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
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
    let ours = our_binary()?;
    let list = contenders(args, ours);
    println!(
        "# Import benchmark ({} runs after one warm-up, alternating)\n",
        args.runs
    );
    println!("| contender | file | rows/s | MB/s | wall median s | min–max s | peak RSS MiB | DB MB | ratio to ours |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (label, rows) in &args.sizes {
        let csv = ensure_data(args, label, *rows)?;
        let bytes = std::fs::metadata(&csv).map_err(|e| e.to_string())?.len() as f64;
        let mut samples: Vec<Vec<Sample>> = vec![Vec::new(); list.len()];
        for round in 0..=args.runs {
            for (i, c) in list.iter().enumerate() {
                remove_db(&c.db);
                let sample = (c.run)(&csv, &c.db)?;
                if round > 0 {
                    samples[i].push(sample);
                }
            }
        }
        // Pairwise ratios (peer wall / our wall in the same round), then the median.
        for (i, c) in list.iter().enumerate() {
            let mut walls: Vec<f64> = samples[i].iter().map(|s| s.wall).collect();
            let mut rss: Vec<f64> = samples[i].iter().map(|s| s.rss_mib).collect();
            let mut ratios: Vec<f64> = samples[i]
                .iter()
                .zip(&samples[0])
                .map(|(peer, us)| peer.wall / us.wall.max(1e-6))
                .collect();
            let (min, max) = (
                walls.iter().cloned().fold(f64::INFINITY, f64::min),
                walls.iter().cloned().fold(0.0, f64::max),
            );
            let wall = median(&mut walls);
            let db_mb = std::fs::metadata(&c.db)
                .map(|m| m.len() as f64 / 1e6)
                .unwrap_or(f64::NAN);
            println!(
                "| {} | {label} | {:.0} | {:.1} | {wall:.2} | {min:.2}–{max:.2} | {:.1} | {db_mb:.1} | {:.2}× |",
                c.name,
                *rows as f64 / wall,
                bytes / 1e6 / wall,
                median(&mut rss),
                median(&mut ratios)
            );
        }
    }
    println!("\nratio to ours = median over rounds of (contender wall ÷ our wall in the same round); > 1 means we are faster.");
    Ok(())
}
