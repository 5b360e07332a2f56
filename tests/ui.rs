//! The app window driven as an analyst would, with egui_kittest (no display, no GPU):
//! real assessment files in temporary folders, real police.uk CSV text, the import on its
//! background thread. Widgets are found by the text the analyst sees.

use csp_assessment::store::Store;
use csp_assessment::ui::{App, Page, Settings, Tone};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

#[path = "ui/comparison.rs"]
mod comparison;
#[path = "ui/files.rs"]
mod files;
#[path = "common/partnerships.rs"]
mod partnerships;
#[path = "ui/plan.rs"]
mod plan;

const HEADER: &str = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n";

/// One police.uk row; ASB rows have no Crime ID, like the real files.
fn police_row(n: usize, month: &str, crime_type: &str) -> String {
    let crime_id = if crime_type == "Anti-social behaviour" {
        String::new()
    } else {
        format!("{:064x}", n + 1)
    };
    let outcome = if crime_type == "Anti-social behaviour" {
        ""
    } else {
        "Under investigation"
    };
    format!(
        "{crime_id},{month},Testshire Police,Testshire Police,0.510000,51.380000,On or near High Street,E01000001,Testtown 001A,{crime_type},{outcome},\n"
    )
}

/// A street file: `crimes` burglaries and `asb` ASB incidents in each month given.
fn street_file(dir: &Path, name: &str, months: &[&str], crimes: usize, asb: usize) -> PathBuf {
    let mut text = String::from(HEADER);
    let mut n = 0;
    for month in months {
        for _ in 0..crimes {
            text.push_str(&police_row(n, month, "Burglary"));
            n += 1;
        }
        for _ in 0..asb {
            text.push_str(&police_row(n, month, "Anti-social behaviour"));
            n += 1;
        }
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The app at a fixed window size, on a new empty assessment file in `dir`.
fn app_on_new_file(dir: &Path) -> (Harness<'static, App>, PathBuf) {
    let path = dir.join("test.assessment");
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 800.0))
        .build_eframe(|cc| App::new(&cc.egui_ctx, Settings::default()));
    harness.state_mut().new_file(&path);
    harness.run();
    (harness, path)
}

/// Step the window (as the event loop would) until the background import has ended.
fn wait_for_import(harness: &mut Harness<'_, App>) {
    for _ in 0..3000 {
        harness.step();
        if !harness.state().is_importing() {
            harness.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the import did not finish within 30 s");
}

#[test]
fn an_import_fills_the_sources_table_and_the_totals() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = app_on_new_file(dir.path());
    assert!(harness
        .query_by_label("This assessment file holds no data yet")
        .is_some());
    let csv = street_file(
        dir.path(),
        "2021-04-testshire-street.csv",
        &["2021-04", "2021-05"],
        5,
        2,
    );

    harness.state_mut().start_import(vec![csv]);
    harness.step();
    assert!(harness.state().is_importing());
    wait_for_import(&mut harness);

    let summary = harness
        .state()
        .import_summary()
        .expect("the summary is shown");
    assert_eq!(
        summary.headline,
        "1 of 1 file imported: 14 rows accepted, 0 rejected, 0 replaced."
    );
    assert!(harness.query_by_label("Import summary").is_some());
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.state().import_summary().is_none());

    // The sources table: file, months, accepted rows.
    harness.get_by_label("2021-04-testshire-street.csv");
    harness.get_by_label("2021-04 to 2021-05");
    assert!(
        harness.query_all_by_label("14").count() >= 2,
        "accepted and in file now"
    );
    // The totals, on screen and in the file.
    harness.get_by_label("Recorded crime");
    assert!(harness.query_by_label("10").is_some(), "10 recorded crimes");
    let totals = Store::open_existing(&path).unwrap().totals().unwrap();
    assert_eq!((totals.crime, totals.asb, totals.rejected), (10, 4, 0));
    assert_eq!(harness.state().view().unwrap().totals, totals);
}

#[test]
fn rejected_rows_are_listed_with_line_and_reason() {
    const REASON: &str =
        r#"column Month: "2021-13" is not a month (expected YYYY-MM, e.g. 2021-04)"#;
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _path) = app_on_new_file(dir.path());
    let mut text = String::from(HEADER);
    text.push_str(&police_row(0, "2021-06", "Burglary"));
    text.push_str(&police_row(1, "2021-13", "Burglary"));
    text.push_str(&police_row(2, "2021-06", "Anti-social behaviour"));
    let csv = dir.path().join("bad-month.csv");
    std::fs::write(&csv, text).unwrap();

    harness.state_mut().start_import(vec![csv]);
    wait_for_import(&mut harness);

    harness.get_by_label_contains("2 rows accepted, 1 rejected");
    harness.get_by_label("Show the 1 rejected row").click();
    harness.run();
    let window = harness
        .get_by_label("Rejected rows of bad-month.csv")
        .rect();
    harness.run_steps(5);
    assert_eq!(
        harness
            .get_by_label("Rejected rows of bad-month.csv")
            .rect(),
        window,
        "the window keeps its size"
    );
    harness.get_by_label(REASON);
    assert!(harness.query_by_label("3").is_some(), "line 3 of the file");
    harness.get_by_label("Month");

    // The same rows from the count in the sources table, once both windows are closed
    // (the rejected rows lie over the summary, so they are closed first).
    harness
        .get_by_role_and_label(Role::Window, "Rejected rows of bad-month.csv")
        .get_by_label("Close")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Window, "Import summary")
        .get_by_label("Close")
        .click();
    harness.run();
    assert!(harness.query_by_label("Import summary").is_none());
    assert!(harness
        .query_by_label("Rejected rows of bad-month.csv")
        .is_none());
    harness.get_by_role_and_label(Role::Link, "1").click();
    harness.run();
    harness.get_by_label(REASON);
}

#[test]
fn cancel_leaves_the_assessment_file_without_sources() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = app_on_new_file(dir.path());
    let mut text = String::with_capacity(300_000 * 110);
    text.push_str(HEADER);
    for i in 0..300_000 {
        text.push_str(&format!(
            ",2022-{:02},Testshire Police,Testshire Police,0.5,51.3,On or near Street {},E0100{:04},Town {},Anti-social behaviour,,\n",
            i % 12 + 1,
            i % 500,
            i % 300,
            i % 300
        ));
    }
    let big = dir.path().join("big.csv");
    std::fs::write(&big, text).unwrap();

    harness.state_mut().start_import(vec![big]);
    harness.run_steps(2);
    harness.get_by_label("Cancel").click();
    harness.step();
    wait_for_import(&mut harness);

    let notice = harness
        .state()
        .notice()
        .expect("a notice says what happened");
    assert_eq!(notice.tone, Tone::Info);
    assert_eq!(
        notice.text,
        "The import was cancelled; the assessment file is unchanged."
    );
    harness.get_by_label(&notice.text.clone());
    assert!(harness.state().import_summary().is_none());
    assert!(Store::open_existing(&path)
        .unwrap()
        .sources()
        .unwrap()
        .is_empty());
    assert!(harness
        .query_by_label("This assessment file holds no data yet")
        .is_some());
}

#[test]
fn the_overview_page_shows_the_monthly_chart() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _path) = app_on_new_file(dir.path());
    harness.get_by_label("Overview").click();
    harness.run();
    assert_eq!(harness.state().page(), Page::Overview);
    harness.get_by_label("No police data yet");

    let csv = street_file(
        dir.path(),
        "street.csv",
        &["2021-01", "2021-02", "2021-04"],
        3,
        1,
    );
    harness.state_mut().start_import(vec![csv]);
    wait_for_import(&mut harness);
    harness.state_mut().show_page(Page::Overview);
    harness.run();
    harness.get_by_label("Recorded crime and anti-social behaviour per month");
    harness.get_by_label("2021-01 to 2021-04");
    let monthly = &harness.state().view().unwrap().monthly;
    assert_eq!(monthly.month_count(), 4, "March is a gap, drawn as zero");
    assert_eq!(monthly.crime[2].y, 0.0);
}

/// A file dropped on the window, as the windowing system hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_folder_dropped_on_the_window_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _path) = app_on_new_file(dir.path());
    let folder = dir.path().join("download");
    std::fs::create_dir_all(folder.join("2021-04")).unwrap();
    std::fs::create_dir_all(folder.join("2021-05")).unwrap();
    street_file(
        &folder.join("2021-04"),
        "2021-04-testshire-street.csv",
        &["2021-04"],
        2,
        1,
    );
    street_file(
        &folder.join("2021-05"),
        "2021-05-testshire-street.csv",
        &["2021-05"],
        2,
        1,
    );

    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(folder)));
    harness.step();
    assert!(harness.state().is_importing());
    wait_for_import(&mut harness);
    let view = harness.state().view().unwrap();
    assert_eq!(view.sources.len(), 2);
    assert_eq!((view.totals.crime, view.totals.asb), (4, 2));
}

#[test]
fn files_that_cannot_be_opened_are_explained_and_nothing_is_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = app_on_new_file(dir.path());
    let not_ours = dir.path().join("notes.assessment");
    std::fs::write(&not_ours, "meeting notes, not an assessment").unwrap();

    harness.state_mut().open_file(&not_ours);
    harness.run();
    let notice = harness.state().notice().unwrap().clone();
    assert_eq!(notice.tone, Tone::Problem);
    assert!(
        notice.text.contains("is not an assessment file"),
        "{}",
        notice.text
    );
    assert!(notice.text.contains("left untouched"), "{}", notice.text);
    harness.get_by_label(&notice.text);
    assert_eq!(
        harness.state().file_path(),
        Some(path.as_path()),
        "still open"
    );

    harness.state_mut().new_file(&not_ours);
    harness.run();
    assert!(harness
        .state()
        .notice()
        .unwrap()
        .text
        .contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(&not_ours).unwrap(),
        "meeting notes, not an assessment"
    );
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.state().notice().is_none());
}

#[test]
fn opened_files_are_remembered_most_recent_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, first) = app_on_new_file(dir.path());
    let second = dir.path().join("second.assessment");
    harness.state_mut().new_file(&second);
    harness.state_mut().open_file(&first);
    harness.run();
    let settings = harness.state().settings();
    assert_eq!(settings.last_file.as_deref(), Some(first.as_path()));
    assert_eq!(settings.recent_files, vec![first.clone(), second.clone()]);
    // The top bar names the open file.
    harness.get_by_label("test.assessment");
}

#[test]
fn the_first_file_is_the_one_given_else_the_last_one_used() {
    let dir = tempfile::tempdir().unwrap();
    let given = dir.path().join("given.assessment");
    let ctx = egui::Context::default();
    let mut app = App::new(&ctx, Settings::default());
    app.open_at_start(Some(given.clone()));
    assert_eq!(app.file_path(), Some(given.as_path()), "created when new");

    let settings = app.settings().clone();
    let mut next_run = App::new(&ctx, settings);
    next_run.open_at_start(None);
    assert_eq!(next_run.file_path(), Some(given.as_path()));
}

#[test]
fn without_a_file_the_window_says_so_and_import_waits_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let csv = street_file(dir.path(), "street.csv", &["2021-04"], 1, 1);
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 800.0))
        .build_eframe(|cc| App::new(&cc.egui_ctx, Settings::default()));
    harness.get_by_label("No assessment file is open");
    harness.get_by_label("New assessment…");
    harness.get_by_label("Open the Northvale sample");

    harness.state_mut().start_import(vec![csv]);
    harness.run();
    assert!(!harness.state().is_importing());
    harness.get_by_label("Open or create an assessment file first; the data is imported into it.");
}

#[test]
fn the_crime_picture_follows_the_theme_and_year_selectors() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _path) = app_on_new_file(dir.path());
    let months = |y: u32| -> Vec<String> {
        (4..=15)
            .map(|m| {
                if m <= 12 {
                    format!("{y}-{m:02}")
                } else {
                    format!("{}-{:02}", y + 1, m - 12)
                }
            })
            .collect()
    };
    let earlier: Vec<String> = months(2022);
    let later: Vec<String> = months(2023);
    let a = street_file(
        dir.path(),
        "a.csv",
        &earlier.iter().map(String::as_str).collect::<Vec<_>>(),
        2,
        1,
    );
    let b = street_file(
        dir.path(),
        "b.csv",
        &later.iter().map(String::as_str).collect::<Vec<_>>(),
        3,
        2,
    );
    harness.state_mut().start_import(vec![a, b]);
    wait_for_import(&mut harness);
    harness.get_by_label("Close").click();
    harness.run();
    harness.get_by_label("Overview").click();
    harness.run();
    // Latest complete year, all recorded crime: 3 burglaries a month.
    harness.get_by_label("All recorded crime 2023/24");
    assert!(harness.query_all_by_label("36").count() >= 1);
    harness.get_by_label("+12 (+50.0%)");
    // Switch theme to ASB: 2 a month.
    harness.get_by_label("Theme").click();
    harness.run();
    // The first match is the choice in the open list (the monthly chart below also names ASB).
    harness
        .query_all_by_label("Anti-social behaviour")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.get_by_label("Anti-social behaviour 2023/24");
    assert!(harness.query_all_by_label("24").count() >= 1);
    // Switch year to 2022/23: 1 ASB a month, no earlier year to compare with.
    harness.get_by_label("Financial year").click();
    harness.run();
    harness.get_by_label("2022/23").click();
    harness.run();
    harness.get_by_label("Anti-social behaviour 2022/23");
    harness.get_by_label("No earlier year");
}

/// One financial year of street rows: `per_month` crimes of `crime_type` in `lsoa`, each
/// month from April `year` to March `year + 1`.
fn year_of_rows(text: &mut String, year: u32, lsoa: &str, crime_type: &str, per_month: usize) {
    for m in 0..12u32 {
        let (y, mo) = if m < 9 {
            (year, m + 4)
        } else {
            (year + 1, m - 8)
        };
        for i in 0..per_month {
            let id = format!("{:064x}", text.len() + i);
            text.push_str(&format!(
                "{id},{y}-{mo:02},Testshire Police,Testshire Police,0.510000,51.380000,On or near High Street,{lsoa},{lsoa} name,{crime_type},Under investigation,\n"
            ));
        }
    }
}

/// Two years of burglaries and robberies in two LSOAs of two wards, with their lookup.
fn two_ward_files(dir: &Path) -> Vec<PathBuf> {
    let mut text = String::from(HEADER);
    for year in [2022, 2023] {
        year_of_rows(&mut text, year, "E01000001", "Burglary", 3);
        year_of_rows(&mut text, year, "E01000002", "Burglary", 2);
        year_of_rows(&mut text, year, "E01000002", "Robbery", 1);
    }
    let street = dir.join("street.csv");
    std::fs::write(&street, text).unwrap();
    let lookup = dir.join("lookup.csv");
    std::fs::write(
        &lookup,
        "LSOA21CD,LSOA21NM,WD24CD,WD24NM,LAD24CD,LAD24NM\n\
         E01000001,Testtown 001A,E05000001,Castle,E06000001,Testshire\n\
         E01000002,Testtown 001B,E05000002,Harbour,E06000001,Testshire\n",
    )
    .unwrap();
    vec![street, lookup]
}

/// The app on the Overview of a new file holding [`two_ward_files`].
fn overview_of_two_wards(dir: &Path) -> (Harness<'static, App>, PathBuf) {
    let (mut harness, path) = app_on_new_file(dir);
    harness.state_mut().start_import(two_ward_files(dir));
    wait_for_import(&mut harness);
    harness.get_by_label("Close").click();
    harness.run();
    harness.get_by_label("Overview").click();
    harness.run();
    (harness, path)
}

#[test]
fn choosing_wards_filters_the_crime_picture_and_is_kept_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = overview_of_two_wards(dir.path());
    // Both wards: (3 + 2 + 1) a month = 72 a year.
    harness.get_by_label("All recorded crime 2023/24");
    assert!(harness.query_all_by_label("72").count() >= 1);
    harness.get_by_label("Area").click();
    harness.run();
    harness.get_by_label("Choose wards…").click();
    harness.run();
    harness.get_by_label("Castle (E05000001)").click();
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    // Castle alone: 3 a month.
    assert_eq!(harness.query_all_by_label("72").count(), 0);
    assert!(harness.query_all_by_label("36").count() >= 1);
    let area = harness
        .state()
        .view()
        .unwrap()
        .picture
        .as_ref()
        .unwrap()
        .area_name()
        .to_string();
    assert_eq!(area, "1 ward");
    drop(harness);
    let store = Store::open_existing(&path).unwrap();
    assert_eq!(
        store.area_of_interest().unwrap().ward_codes,
        vec!["E05000001".to_string()]
    );
}

#[test]
fn a_theme_group_defined_in_the_editor_becomes_a_theme() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = overview_of_two_wards(dir.path());
    harness.get_by_label("Theme groups…").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Group name")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Group name")
        .type_text("Robbery and burglary");
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Burglary")
        .click();
    harness
        .get_by_role_and_label(Role::CheckBox, "Robbery")
        .click();
    harness.run();
    let form = harness.state_mut().group_editor().cloned().unwrap();
    assert_eq!(form.name, "Robbery and burglary");
    assert_eq!(form.crime_types.len(), 2);
    harness.get_by_label("Save group").click();
    harness.run();
    assert_eq!(harness.state().notice().map(|n| n.text.clone()), None);
    harness.get_by_label("Edit Robbery and burglary");
    harness.get_by_label("Close").click();
    harness.run();
    harness.get_by_label("Theme").click();
    harness.run();
    harness.get_by_label("Robbery and burglary").click();
    harness.run();
    harness.get_by_label("Robbery and burglary 2023/24");
    assert!(harness.query_all_by_label("72").count() >= 1);
    drop(harness);
    let store = Store::open_existing(&path).unwrap();
    let groups = store.theme_groups().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].name, "Robbery and burglary");
}

#[test]
fn the_trends_page_switches_between_xmr_and_c_chart_and_the_months_shown() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _path) = app_on_new_file(dir.path());
    let mut text = String::from(HEADER);
    for (year, per_month) in [(2020, 2), (2021, 2), (2022, 2), (2023, 6)] {
        year_of_rows(&mut text, year, "E01000001", "Burglary", per_month);
    }
    let street = dir.path().join("street.csv");
    std::fs::write(&street, text).unwrap();
    harness.state_mut().start_import(vec![street]);
    wait_for_import(&mut harness);
    harness.get_by_label("Close").click();
    harness.run();
    harness.get_by_label("Trends").click();
    harness.run();
    // Three years to March 2024: 24 months of 2 then 12 of 6, mean 3.3. XmR limits from
    // the one jump in 35 moving ranges: 3.3 ± 0.3.
    harness.get_by_label_contains("mean 3.3 a month, limits 3.0 to 3.6; 36 of 36 months signal");
    harness
        .get_by_label_contains("c-chart (Poisson limits)")
        .click();
    harness.run();
    harness.get_by_label_contains("mean 3.3 a month, limits 0.0 to 8.8; 36 of 36 months signal");
    harness.get_by_label("Every month held").click();
    harness.run();
    // 48 months: mean 3.0, Poisson limits 0.0 to 8.2.
    harness.get_by_label_contains("mean 3.0 a month, limits 0.0 to 8.2;");
    harness.get_by_label_contains("of 48 months signal");
    harness.get_by_label("Months that signal");
}

#[test]
fn the_report_page_takes_commentary_and_a_scored_priority_into_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _path) = overview_of_two_wards(dir.path());
    // Tall enough that the whole page is on screen (clicks land where a user would).
    harness.set_size(egui::Vec2::new(1280.0, 4000.0));
    harness.get_by_label("Report").click();
    harness.run();
    harness
        .get_by_label("Commentary: Overall crime picture")
        .click();
    harness.run();
    harness
        .get_by_label("Commentary: Overall crime picture")
        .type_text("Burglary rose in Castle ward.");
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "New issue")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "New issue")
        .type_text("County lines");
    harness.run();
    harness.get_by_label("Add issue").click();
    harness.run();
    // The new issue opens for scoring; a click on the middle of a slider scores it.
    harness
        .get_by_role_and_label(Role::Slider, "Physical harm")
        .click();
    harness.run();
    let score = harness.state_mut().report().unwrap().issues[0].scores["physical_harm"];
    assert!(score > 0, "the slider did not score the issue");
    harness.get_by_label("Remove County lines");
    // The preview shows the report as it will be exported.
    harness.get_by_label("Preview the report").click();
    harness.run();
    assert!(
        harness
            .query_all_by_label("Burglary rose in Castle ward.")
            .count()
            >= 1
    );
    harness.get_by_label_contains("Table 1: All recorded crime: headline figures");
    harness.get_by_label("PDF for the board pack");
    let out = dir.path().join("export");
    harness.state_mut().set_export_folder(&out);
    harness.get_by_label("Export the assessment").click();
    harness.run();
    for _ in 0..6000 {
        harness.step();
        if !harness.state().is_exporting() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run();
    assert!(
        !harness.state().is_exporting(),
        "the export did not finish within 60 s"
    );
    let outcome = format!("{:?}", harness.state_mut().report().unwrap().outcome);
    assert!(outcome.contains("Finished"), "{outcome}");
    harness.get_by_label_contains("Exported");
    let docx = std::fs::read(out.join("strategic-assessment-2023-24.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut body = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut body)
        .unwrap();
    assert!(body.contains("Burglary rose in Castle ward."));
    assert!(body.contains("County lines"));
    assert!(out.join("figures").read_dir().unwrap().count() > 0);
    assert!(out.join("tables").read_dir().unwrap().count() > 0);
    // The board pack's PDF comes with it (issue 12).
    let pdf = std::fs::read(out.join("strategic-assessment-2023-24.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

const DA_HEADER: &str = "Reference,Date,Crime or non-crime,Offence,LSOA code,Victim sex,Victim age band,Repeat victim,Risk level,Referred to MARAC\n";

fn other_force_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data/partners/da_extract_other_force_layout.csv")
}

/// Choose `option` in the column chooser named by the column header `column`.
fn map_column(harness: &mut Harness<'_, App>, column: &str, option: &str) {
    harness
        .get_by_role_and_label(Role::ComboBox, column)
        .click();
    harness.run();
    harness.get_by_label(option).click();
    harness.run();
}

#[test]
fn an_unrecognised_csv_is_mapped_previewed_saved_and_imported_and_the_page_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = app_on_new_file(dir.path());
    // Three incidents of 2024/25 in the reference layout first.
    let mut text = String::from(DA_HEADER);
    for day in 1..=3 {
        text.push_str(&format!(
            "REF-{day},2024-06-0{day},Crime,Assault,E01990083,F,25-34,N,High,Y\n"
        ));
    }
    let reference = dir.path().join("da.csv");
    std::fs::write(&reference, text).unwrap();
    harness.state_mut().start_import(vec![reference]);
    wait_for_import(&mut harness);
    harness.get_by_label("Close").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Domestic abuse")
        .click();
    harness.run();
    harness.get_by_label("DA incidents 2024/25");
    assert!(harness.query_all_by_label("3").count() >= 1);

    // The other force's file is not recognised, so the mapping window opens on it.
    harness.state_mut().start_import(vec![other_force_file()]);
    wait_for_import(&mut harness);
    assert!(
        harness.state_mut().mapping_import().is_some(),
        "the mapping window opened"
    );
    harness.get_by_label("Close").click();
    harness.run();
    harness.get_by_role_and_label(Role::Window, "Import with column mapping");
    harness.get_by_label_contains("The mapping cannot be used yet");

    map_column(&mut harness, "Geog", "LSOA code (required)");
    map_column(&mut harness, "Recorded On", "Date (required)");
    map_column(&mut harness, "Occurrence_ID", "Reference (required)");
    map_column(
        &mut harness,
        "Classification",
        "Crime or non-crime (required)",
    );
    map_column(&mut harness, "DASH Grade", "Risk level");
    map_column(&mut harness, "Home Office Class", "Offence");
    map_column(&mut harness, "Repeat (12m)", "Repeat victim");

    // Dates detected as day first; the preview counts what would be rejected and why.
    let window = harness.state_mut().mapping_import().cloned().unwrap();
    assert_eq!(
        window.mapping.date_format,
        csp_assessment::import::partner::DateFormat::DayMonthYear
    );
    harness.get_by_label("358 rows would be imported");
    harness.get_by_label("2 rows would be rejected");
    harness.get_by_label_contains("Recorded On is not a real date: 1 row (first at line 122");
    harness.get_by_label_contains("Geog is blank: 1 row (first at line 242");
    // The normalisation table: what each coded value will be read as.
    harness.get_by_label("\"Non Crime\"");
    harness.get_by_label("\"Not Stated\"");
    let window = harness.state_mut().mapping_import().cloned().unwrap();
    let log = window.preview.unwrap().normalisation;
    // Every "H" in the file's DASH Grade column, counted independently.
    let text = std::fs::read_to_string(other_force_file()).unwrap();
    let high = text
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(4) == Some("H"))
        .count();
    assert_eq!(
        log.total_for(
            csp_assessment::import::partner::FieldKey::DaRiskLevel,
            "High"
        ),
        high
    );

    harness
        .get_by_role_and_label(Role::TextInput, "Mapping name")
        .click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Mapping name")
        .type_text("Other force");
    harness.run();
    harness.get_by_label("Save mapping and import").click();
    harness.step();
    wait_for_import(&mut harness);
    assert!(harness.state_mut().mapping_import().is_none());
    let summary = harness
        .state()
        .import_summary()
        .expect("the summary is shown");
    assert!(
        summary
            .headline
            .contains("358 rows accepted, 2 rejected, 3 replaced"),
        "{}",
        summary.headline
    );
    harness.get_by_label("Close").click();
    harness.run();

    // The Domestic abuse page now shows the mapped file's incidents.
    harness
        .get_by_role_and_label(Role::Button, "Domestic abuse")
        .click();
    harness.run();
    harness.get_by_label("DA incidents 2024/25");
    assert!(harness.query_all_by_label("358").count() >= 1);
    assert_eq!(
        harness.query_all_by_label("3").count(),
        0,
        "the 3 were replaced"
    );
    drop(harness);
    let store = Store::open_existing(&path).unwrap();
    let saved = store.mappings().unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].name, "Other force");
}

#[test]
fn the_partner_pages_show_each_source_and_an_empty_state() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _path) = app_on_new_file(dir.path());
    harness.get_by_role_and_label(Role::Button, "MARAC").click();
    harness.run();
    harness.get_by_label("This assessment file holds no marac quarterly summary data yet");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/partners");
    harness.state_mut().start_import(vec![
        samples.join("marac_quarterly.csv"),
        samples.join("treatment.csv"),
    ]);
    wait_for_import(&mut harness);
    harness.get_by_label("Close").click();
    harness.run();
    harness.get_by_label("MARAC cases 2025/26");
    harness.get_by_label("Financial year").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "2024/25")
        .click();
    harness.run();
    harness.get_by_label("MARAC cases 2024/25");
    assert!(harness.query_all_by_label("594").count() >= 1, "594");
    assert!(harness.query_all_by_label("30.8%").count() >= 1, "30.8%");
    harness
        .get_by_role_and_label(Role::TextInput, "Women aged 16+ in the area")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Women aged 16+ in the area")
        .type_text("148500");
    harness.run();
    harness.get_by_label("Use this population").click();
    harness.run();
    // 594 cases per 148,500 women = 40.0 per 10,000.
    assert!(harness.query_all_by_label("40.0").count() >= 1, "40.0");
    harness
        .get_by_role_and_label(Role::Button, "Treatment")
        .click();
    harness.run();
    harness.get_by_label_contains("How a year is counted");
    harness.get_by_label("By substance group");
}

/// The sample borough's boundaries and a year (2023/24) of burglaries in four of its
/// LSOAs, most of them piled on one spot of the town centre.
fn map_files(dir: &Path) -> Vec<PathBuf> {
    let mut text = String::from(HEADER);
    let mut n = 0;
    for month in 4..16 {
        let month = if month <= 12 {
            format!("2023-{month:02}")
        } else {
            format!("2024-{:02}", month - 12)
        };
        for i in 0..40 {
            let (lsoa, lon, lat) = if i < 25 {
                ("E01990080", -0.8485, 52.2978)
            } else {
                (
                    "E01990001",
                    -0.84 + (i as f64) * 0.004,
                    52.30 + (i as f64) * 0.002,
                )
            };
            text.push_str(&format!(
                "{:064x},{month},Testshire Police,Testshire Police,{lon:.6},{lat:.6},On or near High Street,{lsoa},Northvale,Burglary,Under investigation,\n",
                n + 1
            ));
            n += 1;
        }
    }
    let csv = dir.join("2023-24-northvale-street.csv");
    std::fs::write(&csv, text).unwrap();
    let geography = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/geography");
    vec![
        csv,
        geography.join("ward_boundaries.geojson"),
        geography.join("lsoa_boundaries.geojson"),
    ]
}

/// The app on a new file holding [`map_files`], showing the Map page.
fn map_page(dir: &Path) -> (Harness<'static, App>, PathBuf) {
    let (mut harness, path) = app_on_new_file(dir);
    harness.state_mut().start_import(map_files(dir));
    wait_for_import(&mut harness);
    harness
        .get_by_role_and_label(Role::Window, "Import summary")
        .get_by_label("Close")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Map").click();
    harness.run();
    assert_eq!(harness.state().page(), Page::Map);
    (harness, path)
}

#[test]
fn without_a_lookup_the_map_offers_one_derived_from_the_boundaries() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = map_page(dir.path());
    harness.get_by_label("No ward lookup: derive one from the boundaries?");
    harness.get_by_label_contains("165 of 165 LSOAs placed in a ward: 165 by containment");
    harness.get_by_label_contains("No ward lookup: import one, or derive one");
    assert!(!Store::open_existing(&path)
        .unwrap()
        .has_ward_lookup()
        .unwrap());

    harness.get_by_label("Accept").click();
    harness.run();
    assert!(harness
        .query_by_label("No ward lookup: derive one from the boundaries?")
        .is_none());
    assert!(harness
        .query_by_label_contains("No ward lookup: import one")
        .is_none());
    harness.get_by_label("All recorded crime — Count per ward");
    // Two wards have burglaries (one class per distinct count), the rest none.
    assert!(
        harness.query_all_by_label_contains(" – ").count() >= 1,
        "a legend class"
    );
    let store = Store::open_existing(&path).unwrap();
    assert_eq!(store.lsoa_wards().unwrap().len(), 165);
    assert_eq!(
        store.sources().unwrap().last().unwrap().kind,
        "derived_lookup"
    );
}

#[test]
fn switching_the_map_layer_changes_the_legend() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _path) = map_page(dir.path());
    harness.get_by_label("All recorded crime — Count per ward");
    harness.get_by_label("LSOAs").click();
    harness.run();
    harness.get_by_label("All recorded crime — Count per LSOA");
    harness.get_by_label("Natural breaks (Jenks)").click();
    harness.run();
    harness.get_by_label("All recorded crime — Count per LSOA");

    harness.get_by_label("Hotspot grid").click();
    // The spinner repaints while the grid is computed: step, never run, until it is done.
    let mut shown = false;
    for _ in 0..3000 {
        harness.step();
        if harness.query_by_label("Hotspot (99% confidence)").is_some() {
            shown = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(shown, "the hotspot legend did not appear within 30 s");
    assert!(!harness.state().is_computing_hotspots());
    harness.get_by_label_contains("All recorded crime — Hot and cold spots (Gi*)");
    harness.get_by_label_contains("480 incidents located in 2023/24");
    harness.get_by_label("Density (KDE)").click();
    harness.run();
    harness.get_by_label_contains("Incidents per km²");
}

#[test]
fn the_incidents_layer_shows_points_then_hex_bins() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _path) = map_page(dir.path());
    harness.get_by_label("Incidents").click();
    // The job repaints while it loads the points: step, never run, until it is done.
    let mut shown = false;
    for _ in 0..3000 {
        harness.step();
        if harness.query_by_label("480 incidents").is_some() {
            shown = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(shown, "the points legend did not appear within 30 s");
    assert!(!harness.state().is_computing_hotspots());
    harness.get_by_label("All recorded crime — incidents as points");
    harness.get_by_label("Hex bins").click();
    harness.run();
    harness.get_by_label_contains("All recorded crime — incidents per hex bin (");
    harness.get_by_label_contains("480 incidents in ");
}

#[test]
fn the_report_page_drafts_the_summary_lists_what_is_left_out_and_keeps_written_sections() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = overview_of_two_wards(dir.path());
    harness.set_size(egui::Vec2::new(1280.0, 2400.0));
    harness.get_by_label("Report").click();
    harness.run();
    // Before export, the page says what the document will leave out and why.
    harness.get_by_label("The document will leave out:");
    harness.get_by_label_contains("Priorities: no issue is scored on the priority matrix");
    harness.get_by_label_contains("Public consultation: not written");
    // The summary drafted from the data, and a copy to edit.
    let draft = harness
        .state_mut()
        .report()
        .unwrap()
        .outline
        .as_ref()
        .unwrap()
        .drafted_summary
        .clone();
    assert!(draft.starts_with("In 2023/24,"), "{draft}");
    harness.get_by_label("Edit a copy of the draft").click();
    harness.run();
    assert_eq!(
        harness.state_mut().report().unwrap().texts["executive_summary"],
        draft
    );
    // A written section, typed in its own box and saved with the preview.
    harness
        .get_by_label("Words for: Public consultation")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Public consultation")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Public consultation")
        .type_text("Residents asked for more patrols.");
    harness.run();
    harness.get_by_label("Preview the report").click();
    harness.run();
    assert!(
        harness
            .query_all_by_label("Residents asked for more patrols.")
            .count()
            >= 1
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("Public consultation: not written")
            .count(),
        0
    );
    drop(harness);
    let store = Store::open_existing(&path).unwrap();
    let texts = store.report_texts().unwrap();
    assert_eq!(texts["consultation"], "Residents asked for more patrols.");
    assert_eq!(texts["executive_summary"], draft);
}
