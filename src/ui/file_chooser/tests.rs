//! Tests of the app's own file chooser: the listing order and filter, keyboard moves,
//! and typed paths taken or refused in words.

use super::*;

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["b.csv", "A.xlsx", "notes.pdf", "wards.shp", ".hidden.csv"] {
        std::fs::write(dir.path().join(name), b"x").unwrap();
    }
    std::fs::create_dir(dir.path().join("2024-04")).unwrap();
    dir
}

fn names(chooser: &FileChooser) -> Vec<String> {
    chooser.visible().iter().map(|e| e.name.clone()).collect()
}

#[test]
fn the_listing_puts_folders_first_and_filters_by_purpose() {
    let dir = folder();
    let mut c = FileChooser::new(ChooserPurpose::ImportFiles, dir.path(), "no portal");
    assert_eq!(names(&c), ["2024-04", "A.xlsx", "b.csv", "wards.shp"]);
    c.set_show_all(true);
    assert_eq!(
        names(&c),
        ["2024-04", "A.xlsx", "b.csv", "notes.pdf", "wards.shp"]
    );
    let c = FileChooser::new(ChooserPurpose::ImportFolder, dir.path(), "");
    assert_eq!(names(&c), ["2024-04"]);
}

#[test]
fn arrow_keys_enter_up_and_choose() {
    let dir = folder();
    let mut c = FileChooser::new(ChooserPurpose::ImportFiles, dir.path(), "");
    c.move_cursor(1);
    assert_eq!(c.cursor, Some(0));
    assert_eq!(c.activate(0), None, "a folder is entered");
    assert_eq!(c.folder, dir.path().join("2024-04"));
    c.up();
    assert_eq!(c.folder, dir.path());
    c.move_cursor(1);
    c.move_cursor(1);
    c.move_cursor(1);
    assert_eq!(c.confirm(), Some(vec![dir.path().join("b.csv")]));
    c.click(1, false);
    c.click(3, true);
    assert_eq!(
        c.confirm(),
        Some(vec![
            dir.path().join("A.xlsx"),
            dir.path().join("wards.shp")
        ])
    );
}

#[test]
fn typed_paths_are_taken_or_refused_in_words() {
    let dir = folder();
    let mut c = FileChooser::new(ChooserPurpose::OpenAssessment, dir.path(), "");
    assert_eq!(c.confirm(), None);
    assert!(c
        .problem
        .as_deref()
        .unwrap()
        .contains("type or paste its path"));
    c.typed = format!("\"{}\"", dir.path().join("b.csv").display());
    assert_eq!(c.confirm(), Some(vec![dir.path().join("b.csv")]));
    c.typed = "missing.assessment".into();
    assert_eq!(c.confirm(), None);
    assert!(c.problem.as_deref().unwrap().contains("There is no file"));
    c.typed = "2024-04".into();
    assert_eq!(c.confirm(), None);
    assert_eq!(c.folder, dir.path().join("2024-04"));
    let mut new = FileChooser::new(ChooserPurpose::NewAssessment, dir.path(), "");
    new.typed = "fresh.assessment".into();
    assert_eq!(
        new.confirm(),
        Some(vec![dir.path().join("fresh.assessment")])
    );
    let mut export = FileChooser::new(ChooserPurpose::ExportFolder, dir.path(), "");
    assert_eq!(export.confirm(), Some(vec![dir.path().to_path_buf()]));
    let mut bad = FileChooser::new(ChooserPurpose::ImportFiles, dir.path(), "");
    bad.open_folder(&dir.path().join("nowhere"));
    assert!(bad
        .problem
        .as_deref()
        .unwrap()
        .contains("could not be opened"));
    assert_eq!(bad.folder, dir.path());
}
