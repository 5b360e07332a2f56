//! Crash safety: `csp-assessment import` and `export` killed with SIGKILL at random
//! moments (a seeded generator, so a failure can be replayed). After every kill the
//! assessment file opens, passes `PRAGMA integrity_check`, and holds either the whole
//! batch or none of it; the export folder never holds a file that differs from what a
//! complete export writes.
//!
//! 20 trials each in the normal run; `CRASH_TRIALS=200` (and `CRASH_EXPORT_TRIALS`, which
//! defaults to it) for more — see `scripts/crash-trials.sh`.

#![cfg(unix)]

use super::*;
use std::collections::BTreeMap;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// A small linear congruential generator (Knuth's MMIX constants): enough to spread kill
/// times, and reproducible from the seed printed on failure.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

fn trials() -> usize {
    count_from("CRASH_TRIALS").unwrap_or(20)
}

/// An export takes ten times as long as the import: its trials can be set apart.
fn export_trials() -> usize {
    count_from("CRASH_EXPORT_TRIALS").unwrap_or_else(trials)
}

fn count_from(variable: &str) -> Option<usize> {
    std::env::var(variable).ok().and_then(|v| v.parse().ok())
}

fn app() -> Command {
    Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
}

/// Wait for a child, but give up (and kill it) after a minute.
fn finish(mut child: Child) -> Option<i32> {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("the child did not finish in two minutes");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// What an assessment file holds: (sources, incidents). Opening it with the app also
/// rolls back the journal a killed import left behind; then SQLite must find it intact,
/// and the maintained counts must agree with the fact table.
fn state_after_crash(path: &Path) -> (i64, i64) {
    let store =
        Store::open_existing(path).unwrap_or_else(|e| panic!("the file does not open: {e}"));
    let totals = store.totals().unwrap();
    let sources = store.sources().unwrap().len() as i64;
    drop(store);
    let conn = rusqlite::Connection::open(path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let incidents: i64 = conn
        .query_row("SELECT count(*) FROM incident", [], |r| r.get(0))
        .unwrap();
    assert_eq!(totals.crime + totals.asb, incidents, "maintained counts");
    (sources, incidents)
}

/// A batch of street files large enough that importing it takes about a second.
fn write_batch(dir: &Path) -> Vec<PathBuf> {
    let header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";
    let mut files = Vec::new();
    for (f, month) in ["2022-01", "2022-02", "2022-03"].iter().enumerate() {
        let mut text = String::from(header);
        text.push('\n');
        for i in 0..15_000u64 {
            let crime = i % 3 != 0;
            let id = if crime {
                format!("{:064x}", ((f as u64) << 40) | i)
            } else {
                String::new()
            };
            text.push_str(&format!(
                "{id},{month},Testshire Police,Testshire Police,0.{:06},51.{:06},On or near Street {},E0100{:04},Town {},{},{},\n",
                (i * 7919) % 1_000_000,
                (i * 104_729) % 1_000_000,
                i % 700,
                i % 400,
                i % 400,
                if crime { "Burglary" } else { "Anti-social behaviour" },
                if crime { "Under investigation" } else { "" },
            ));
        }
        let path = dir.join(format!("{month}-testshire-street.csv"));
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    files
}

#[test]
fn an_import_killed_at_any_moment_leaves_all_of_the_batch_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let batch = write_batch(dir.path());
    let base = dir.path().join("base.assessment");
    {
        let mut store = Store::open_or_create(&base).unwrap();
        import(&mut store, &[fixture("street_bom_crlf.csv")]);
    }
    let before = state_after_crash(&base);
    // The state a completed import gives, and how long it takes.
    let complete = dir.path().join("complete.assessment");
    std::fs::copy(&base, &complete).unwrap();
    let started = Instant::now();
    let child = app()
        .args(["import", "--db"])
        .arg(&complete)
        .args(&batch)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    assert_eq!(finish(child), Some(0));
    let full_run = started.elapsed();
    let after = state_after_crash(&complete);
    assert_eq!(after, (before.0 + 3, before.1 + 45_000));

    let seed = 0x5eed_0001;
    let mut rng = Lcg(seed);
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let trial_db = dir.path().join("trial.assessment");
    for trial in 0..trials() {
        std::fs::copy(&base, &trial_db).unwrap();
        let _ = std::fs::remove_file(dir.path().join("trial.assessment-journal"));
        let delay = Duration::from_micros(rng.below(full_run.as_micros() as u64 * 9 / 10));
        let mut child = app()
            .args(["import", "--db"])
            .arg(&trial_db)
            .args(&batch)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let killed = child.try_wait().unwrap().is_none();
        let _ = child.kill();
        let _ = child.wait();
        let state = state_after_crash(&trial_db);
        let which = if state == before {
            "none of the batch"
        } else if state == after {
            "all of the batch"
        } else {
            panic!(
                "trial {trial} (seed {seed:#x}, kill after {delay:?}): {state:?} is neither {before:?} nor {after:?}"
            )
        };
        *seen.entry(which).or_default() += 1;
        if !killed {
            *seen.entry("(finished before the kill)").or_default() += 1;
        }
    }
    eprintln!(
        "import crash trials: {} (full import {full_run:?}): {seen:?}",
        trials()
    );
}

/// Every file under `folder` but the hidden working folder, with its bytes.
fn final_files(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path
                .file_name()
                .is_some_and(|n| n == ".csp-export-in-progress")
            {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(folder).unwrap().display().to_string();
                out.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn export_command(db: &Path, out: &Path) -> Command {
    let mut command = app();
    command
        .args(["export", "--date", "23 November 2026", "--db"])
        .arg(db)
        .arg("--out")
        .arg(out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    command
}

#[test]
fn an_export_killed_at_any_moment_never_leaves_a_partial_file_in_place() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("northvale.assessment");
    {
        let mut store = Store::open_or_create(&db).unwrap();
        import(
            &mut store,
            &[
                root.join("police-uk"),
                root.join("geography/lsoa_ward_lookup.csv"),
                root.join("geography/ward_population.csv"),
            ],
        );
    }
    let reference = dir.path().join("reference");
    let started = Instant::now();
    assert_eq!(
        finish(export_command(&db, &reference).spawn().unwrap()),
        Some(0)
    );
    let full_run = started.elapsed();
    let complete = final_files(&reference);
    let docx = complete
        .keys()
        .find(|k| k.ends_with(".docx"))
        .expect("the export writes a Word document")
        .clone();

    let seed = 0x5eed_0002;
    let mut rng = Lcg(seed);
    let mut partial_sets = 0;
    for trial in 0..export_trials() {
        let out = dir.path().join(format!("out-{trial}"));
        let delay = Duration::from_micros(rng.below(full_run.as_micros() as u64 * 11 / 10));
        let mut child = export_command(&db, &out).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let found = final_files(&out);
        for (name, bytes) in &found {
            assert_eq!(
                Some(bytes),
                complete.get(name),
                "trial {trial} (seed {seed:#x}, kill after {delay:?}): {name} differs from a complete export"
            );
        }
        if let Some(bytes) = found.get(&docx) {
            zip::ZipArchive::new(std::io::Cursor::new(bytes))
                .expect("a .docx in place opens as a zip");
        }
        if !found.is_empty() && found.len() != complete.len() {
            partial_sets += 1;
        }
        // The next export over a killed one completes and clears the working folder.
        if trial == 0 {
            assert_eq!(finish(export_command(&db, &out).spawn().unwrap()), Some(0));
            assert_eq!(final_files(&out), complete);
            assert!(!out.join(".csp-export-in-progress").exists());
        }
    }
    eprintln!(
        "export crash trials: {} (full export {full_run:?}); kills during the final moves: {partial_sets}",
        export_trials()
    );
}
