//! Privacy: the app can open no network connection (no HTTP, TLS or WebSocket client is
//! among its dependencies), and the command line writes nothing but the assessment file
//! (and its journal, while writing) and the export folder the user named.

use super::*;
use std::collections::BTreeSet;
use std::process::Command;

/// Crates that speak HTTP, TLS or WebSocket.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "isahc",
    "surf",
    "attohttpc",
    "native-tls",
    "rustls",
    "openssl",
    "h2",
    "tungstenite",
    "tokio-tungstenite",
];

#[test]
fn no_dependency_is_a_network_client() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "tree",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--offline",
            "--locked",
        ])
        .arg("--manifest-path")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .output();
    let out = match out {
        Ok(out) if out.status.success() => out,
        other => {
            eprintln!("SKIPPED: cargo tree could not run here ({other:?})");
            return;
        }
    };
    let crates: BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(String::from)
        .collect();
    assert!(crates.contains("rusqlite"), "cargo tree listed {crates:?}");
    let found: Vec<&&str> = NETWORK_CRATES
        .iter()
        .filter(|name| crates.contains(**name))
        .collect();
    assert!(
        found.is_empty(),
        "network crates in the dependency tree: {found:?}"
    );
}

/// Every path under `root`, files and folders.
fn snapshot(root: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path.clone());
            }
            out.insert(path);
        }
    }
    out
}

#[test]
fn import_and_export_write_only_the_assessment_file_and_the_chosen_folder() {
    let root = tempfile::tempdir().unwrap();
    let home = root.path().join("home");
    let work = root.path().join("work");
    let tmp = root.path().join("tmp");
    for dir in [&home, &work, &tmp] {
        std::fs::create_dir_all(dir).unwrap();
    }
    // A whole financial year of police data, so there is something to export.
    let input = root.path().join("input");
    std::fs::create_dir(&input).unwrap();
    let csv = input.join("2023-24-testshire-street.csv");
    let mut text = String::from("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
    for month in [
        "2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09", "2023-10", "2023-11",
        "2023-12", "2024-01", "2024-02", "2024-03",
    ] {
        for i in 0..6 {
            text.push_str(&format!(",{month},Testshire Police,Testshire Police,0.5,51.3,On or near Street {i},E0100000{i},Town {i},Anti-social behaviour,,\n"));
        }
    }
    std::fs::write(&csv, text).unwrap();
    let db = work.join("private.assessment");
    let out_folder = work.join("export");
    let run = |args: &[&std::ffi::OsStr]| {
        let out = Command::new(env!("CARGO_BIN_EXE_csp-assessment"))
            .args(args)
            .current_dir(&work)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("XDG_STATE_HOME", home.join(".local/state"))
            .env("TMPDIR", &tmp)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let before = snapshot(root.path());
    run(&[
        "import".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        csv.as_os_str(),
    ]);
    let after_import = snapshot(root.path());
    let new: Vec<_> = after_import.difference(&before).collect();
    assert_eq!(
        new,
        vec![&db],
        "the import wrote more than the assessment file"
    );

    run(&[
        "export".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        "--out".as_ref(),
        out_folder.as_os_str(),
        "--format".as_ref(),
        "docx,csv".as_ref(),
    ]);
    let after_export = snapshot(root.path());
    let outside: Vec<_> = after_export
        .difference(&after_import)
        .filter(|p| !p.starts_with(&out_folder))
        .collect();
    assert!(
        outside.is_empty(),
        "the export wrote outside its folder: {outside:?}"
    );
    assert!(after_export
        .iter()
        .any(|p| p.starts_with(&out_folder) && p.extension().is_some_and(|e| e == "docx")));
}
