//! Choosing files where the system's dialog cannot open, and the mapping window on the
//! app's own kinds of file with headers of their own (issue 14).

use super::*;

#[test]
fn the_app_file_chooser_opens_when_the_system_dialog_cannot_and_imports_what_is_chosen_issue_14() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = app_on_new_file(dir.path());
    let downloads = dir.path().join("downloads");
    std::fs::create_dir(&downloads).unwrap();
    street_file(&downloads, "2024-04-test-street.csv", &["2024-04"], 3, 1);
    std::fs::write(downloads.join("readme.pdf"), b"%PDF").unwrap();
    harness.state_mut().use_app_file_chooser(
        "The system's file dialog cannot open here (no portal in this test).",
    );
    harness.state_mut().show_page(Page::Data);
    harness.run();

    harness.get_by_label("Import files…").click();
    harness.run();
    assert!(
        harness.state_mut().file_chooser().is_some(),
        "the app's chooser opened"
    );
    harness.get_by_role_and_label(Role::Window, "Import files");
    // Said once, at the top of the chooser (not again in the notice banner).
    assert_eq!(
        harness
            .query_all_by_label_contains("no portal in this test")
            .count(),
        1
    );

    // A pasted folder path is entered; only files the import reads are listed.
    harness
        .get_by_role_and_label(Role::TextInput, "Path")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Path")
        .type_text(&downloads.display().to_string());
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let chooser = harness.state_mut().file_chooser().cloned().unwrap();
    assert_eq!(
        chooser.folder, downloads,
        "typed {:?}, problem {:?}",
        chooser.typed, chooser.problem
    );
    assert!(harness.query_by_label("readme.pdf").is_none());
    harness.get_by_label("2024-04-test-street.csv").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    harness.step();
    wait_for_import(&mut harness);
    assert!(harness.state_mut().file_chooser().is_none());
    assert_eq!(
        Store::open_existing(&path)
            .unwrap()
            .sources()
            .unwrap()
            .len(),
        1
    );

    // The next time the chooser opens where it was, without the notice again.
    harness.get_by_label("Close").click();
    harness.run();
    harness.get_by_label("Import folder…").click();
    harness.run();
    let chooser = harness.state_mut().file_chooser().cloned().unwrap();
    assert_eq!(chooser.folder, downloads);
    assert!(
        harness.state().notice().is_none(),
        "the reason is said once"
    );
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert!(harness.state_mut().file_chooser().is_none());
}

#[test]
fn a_population_with_its_own_column_names_is_mapped_in_the_window_issue_14() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = app_on_new_file(dir.path());
    let file = dir.path().join("council populations.csv");
    std::fs::write(
        &file,
        "Area;Area label;People\nE05990001;Abbey Fields;13834\nE05990002;Ashby Green;n/a\nE05990003;Bell End;9000\n",
    )
    .unwrap();
    harness.state_mut().open_mapping_import(&file);
    harness.run();
    harness.get_by_label_contains("Read as semicolon-separated, UTF-8 text");

    harness
        .get_by_role_and_label(Role::ComboBox, "Layout")
        .click();
    harness.run();
    harness.get_by_label("Population by LSOA or ward").click();
    harness.run();
    map_column(&mut harness, "Area", "Area code (LSOA or ward) (required)");
    map_column(
        &mut harness,
        "People",
        "Population (all residents) (required)",
    );
    map_column(&mut harness, "Area label", "Area name");
    harness.get_by_label("2 rows would be imported");
    harness.get_by_label("1 row would be rejected");
    harness.get_by_label_contains("column People: 1 row (first at line 3");

    harness.get_by_label("Save mapping and import").click();
    harness.step();
    wait_for_import(&mut harness);
    assert!(harness.state_mut().mapping_import().is_none());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let total: f64 = conn
        .query_row("SELECT sum(total) FROM population", [], |r| r.get(0))
        .unwrap();
    assert_eq!(total, 22_834.0);
    let rejected: String = conn
        .query_row("SELECT column_name FROM rejected_row", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rejected, "People", "the file's own column is named");
}
