//! The programs the benchmark runs: our release CLI and the peers of
//! `../shared/bench/BASELINES.md` (sqlite3 CLI `.import`, DuckDB `read_csv_auto`), each
//! importing into a database file it is given. Every database is deleted before a run.

use super::measure::{measure, Sample};
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Ours,
    Sqlite3,
    DuckDb,
}

impl Who {
    pub fn name(self) -> &'static str {
        match self {
            Who::Ours => "csp-assessment import",
            Who::Sqlite3 => "sqlite3 CLI .import",
            Who::DuckDb => "DuckDB read_csv_auto",
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            Who::Ours => "ours",
            Who::Sqlite3 => "sqlite3",
            Who::DuckDb => "duckdb",
        }
    }

    pub fn from_peer_name(name: &str) -> Option<Who> {
        match name {
            "sqlite3" => Some(Who::Sqlite3),
            "duckdb" => Some(Who::DuckDb),
            _ => None,
        }
    }
}

/// The release binary next to this one, built if missing.
pub fn our_binary() -> Result<PathBuf, String> {
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

pub fn remove_db(db: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm", ".wal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap_or_default()
}

/// Our import of `input` (a file or a folder) into `db`, which is kept as it is (so a
/// second call measures a re-import).
pub fn run_ours(ours: &Path, input: &Path, db: &Path) -> Result<Sample, String> {
    measure(text(ours), &["import", "--db", text(db), text(input)])
}

/// One import by `who` of `input` into a fresh `db`. For DuckDB `input` may be a glob.
pub fn run_fresh(who: Who, ours: &Path, input: &str, db: &Path) -> Result<Sample, String> {
    remove_db(db);
    match who {
        Who::Ours => run_ours(ours, Path::new(input), db),
        Who::Sqlite3 => measure(
            "sqlite3",
            &["-csv", text(db), &format!(".import {input} crimes")],
        ),
        Who::DuckDb => {
            let script = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/bench/peers/import_duckdb.py");
            measure("python3", &[text(&script), input, text(db)])
        }
    }
}

/// Rows in a peer's table `crimes`, to check a run imported everything.
pub fn peer_rows(who: Who, db: &Path) -> Option<u64> {
    let output = match who {
        Who::Ours => Command::new("sqlite3")
            .arg(db)
            .arg("SELECT count(*) FROM incident")
            .output(),
        Who::Sqlite3 => Command::new("sqlite3")
            .arg(db)
            .arg("SELECT count(*) FROM crimes")
            .output(),
        Who::DuckDb => Command::new("python3")
            .args([
                "-c",
                "import duckdb,sys; print(duckdb.connect(sys.argv[1], read_only=True).execute('SELECT count(*) FROM crimes').fetchone()[0])",
            ])
            .arg(db)
            .output(),
    }
    .ok()?;
    String::from_utf8_lossy(&output.stdout).trim().parse().ok()
}
