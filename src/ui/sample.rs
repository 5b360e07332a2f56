//! Finding the bundled Northvale sample data at run time: in the `sample-data` folder beside
//! the program (where the Windows download and a copied Linux build keep it), or — for a
//! build run from its own source checkout (`cargo run`) — in the checkout that holds the
//! program. Never at a path fixed when the program was built: a downloaded program would
//! look on the build machine's disk and find nothing.

use std::path::{Path, PathBuf};

/// The folder the sample data is shipped in, beside the program.
pub const SAMPLE_FOLDER: &str = "sample-data";

/// What the sample is imported from, relative to its folder: the police.uk folders, the ward
/// lookup and populations (rates and ward hotspots), the ward and LSOA boundaries (the map)
/// and the partner extracts.
const SAMPLE_PARTS: [&str; 9] = [
    "police-uk",
    "geography/lsoa_ward_lookup.csv",
    "geography/ward_population.csv",
    "geography/ward_boundaries.geojson",
    "geography/lsoa_boundaries.geojson",
    "partners/domestic_abuse_incidents.csv",
    "partners/marac_quarterly.csv",
    "partners/asb_cases.csv",
    "partners/treatment.csv",
];

/// How many folders above the program a source checkout is looked for:
/// `target/release/` and `target/x86_64-pc-windows-gnu/release/` are two and three.
const CHECKOUT_DEPTH: usize = 3;

/// The sample's files, found from where this program is; or why they cannot be used, in
/// words for the analyst.
pub fn bundled_sample_files() -> Result<Vec<PathBuf>, String> {
    let program = std::env::current_exe()
        .map_err(|e| format!("The sample data could not be found: the app could not tell which folder it was started from ({e})."))?;
    sample_files_for(&program)
}

/// The sample's files for the program at `program`.
pub fn sample_files_for(program: &Path) -> Result<Vec<PathBuf>, String> {
    let beside = program
        .parent()
        .map(|folder| folder.join(SAMPLE_FOLDER))
        .unwrap_or_else(|| PathBuf::from(SAMPLE_FOLDER));
    let root = sample_folder_for(program).ok_or_else(|| {
        format!(
            "The Northvale sample data was not found: it should be in the folder {} beside the app. \
             Unzip the whole download (not just the program) and start the app from the unzipped \
             folder; or open or create your own assessment file with the File menu.",
            beside.display()
        )
    })?;
    let files: Vec<PathBuf> = SAMPLE_PARTS.iter().map(|part| root.join(part)).collect();
    let missing: Vec<&str> = SAMPLE_PARTS
        .iter()
        .zip(&files)
        .filter(|(_, file)| !file.exists())
        .map(|(part, _)| *part)
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "The Northvale sample data in {} is incomplete ({} missing), so it was not imported. \
             Unzip the whole download again, keeping the sample-data folder as it is.",
            root.display(),
            missing.join(", ")
        ));
    }
    Ok(files)
}

/// The sample folder beside `program`, or in the source checkout it was built in.
fn sample_folder_for(program: &Path) -> Option<PathBuf> {
    let folder = program.parent()?;
    let beside = folder.join(SAMPLE_FOLDER);
    if beside.is_dir() {
        return Some(beside);
    }
    folder
        .ancestors()
        .skip(1)
        .take(CHECKOUT_DEPTH)
        .find(|dir| dir.join("Cargo.toml").is_file() && dir.join(SAMPLE_FOLDER).is_dir())
        .map(|dir| dir.join(SAMPLE_FOLDER))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn make_sample(root: &Path) {
        for part in SAMPLE_PARTS {
            let path = root.join(part);
            if part.contains('.') {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, "x").unwrap();
            } else {
                std::fs::create_dir_all(&path).unwrap();
            }
        }
    }

    #[test]
    fn the_sample_beside_the_program_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let app = dir.path().join("CSP Assessment");
        make_sample(&app.join(SAMPLE_FOLDER));
        let files = sample_files_for(&app.join("csp-assessment.exe")).unwrap();
        assert_eq!(files.len(), SAMPLE_PARTS.len());
        assert!(files.iter().all(|f| f.starts_with(app.join(SAMPLE_FOLDER))));
    }

    #[test]
    fn a_build_in_its_source_checkout_finds_the_checkouts_sample() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("Cargo.toml"), "").unwrap();
        make_sample(&dir.path().join(SAMPLE_FOLDER));
        let program = dir
            .path()
            .join("target/x86_64-pc-windows-gnu/release/app.exe");
        assert!(sample_files_for(&program).is_ok());
    }

    #[test]
    fn a_program_alone_says_where_the_sample_should_be() {
        let dir = tempfile::tempdir().unwrap();
        // A sample folder further up, not in a source checkout, is not taken.
        make_sample(&dir.path().join(SAMPLE_FOLDER));
        let program = dir.path().join("Downloads/csp-assessment.exe");
        let why = sample_files_for(&program).unwrap_err();
        assert!(why.contains("was not found"), "{why}");
        assert!(
            why.contains(
                &dir.path()
                    .join("Downloads")
                    .join(SAMPLE_FOLDER)
                    .display()
                    .to_string()
            ),
            "{why}"
        );
        assert!(why.contains("Unzip the whole download"), "{why}");
    }

    #[test]
    fn an_incomplete_sample_names_what_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join(SAMPLE_FOLDER);
        make_sample(&root);
        std::fs::remove_file(root.join("geography/ward_population.csv")).unwrap();
        let why = sample_files_for(&dir.path().join("app")).unwrap_err();
        assert!(why.contains("geography/ward_population.csv"), "{why}");
    }
}
