//! The Plan page as a priority lead uses it (issue 15): one priority at a time, each
//! measurable's status and reason, the lead-agency filter, the review month, adding a
//! measurable, the performance report; the file opened read-only for review with every
//! edit disabled and nothing changed; and the county roll-up page.

use super::*;
use csp_assessment::import::action_plan::PlanPriority;
use csp_assessment::store::action_plan::PlanSource;
use csp_assessment::store::ingest::import_paths;
use egui_kittest::kittest::NodeT;
use std::sync::atomic::AtomicBool;

/// Police files April 2023 to September 2024 — ASB 100 a month then 70 (a real fall),
/// burglary 20 then 19 (noise) — and a plan to follow them.
fn plan_file(dir: &Path) -> (PathBuf, PathBuf) {
    let path = dir.join("plan.assessment");
    let mut files = Vec::new();
    let mut month = 202304u32;
    while month <= 202409 {
        let label = format!("{}-{:02}", month / 100, month % 100);
        let later = month >= 202404;
        let mut text = String::from(HEADER);
        let mut n = 0;
        for (crime_type, count) in [
            ("Anti-social behaviour", if later { 70 } else { 100 }),
            ("Burglary", if later { 19 } else { 20 }),
        ] {
            for _ in 0..count {
                text.push_str(&police_row(n + month as usize * 1000, &label, crime_type));
                n += 1;
            }
        }
        let file = dir.join(format!("{label}-testshire-street.csv"));
        std::fs::write(&file, text).unwrap();
        files.push(file);
        month = if month % 100 == 12 {
            month + 89
        } else {
            month + 1
        };
    }
    let mut store = Store::open_or_create(&path).unwrap();
    import_paths(&mut store, &files, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let plan = dir.join("plan.csv");
    std::fs::write(
        &plan,
        "Ref,Priority,Strand,Output,Outcome,Measurable,Lead,Series,Direction\n\
         ASB1,Anti-social behaviour,Pursue,Hotspot patrols,Less ASB,Police recorded ASB,Police,theme:asb,reduce\n\
         ASB2,,Prevent,Target hardening,Fewer burglaries,Burglary,Police,theme:burglary,reduce\n\
         ASB3,,Protect,Fire-setter visits,Fewer fires,Deliberate fires,KFRS,indicator:Deliberate fires,reduce\n\
         DA1,Domestic abuse,Protect,MARAC,Safer victims,MARAC cases,IDVA service,partner:marac.cases,maintain\n",
    )
    .unwrap();
    (path, plan)
}

fn app_on(path: &Path, read_only: bool) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 1000.0))
        .build_eframe(|cc| App::new(&cc.egui_ctx, Settings::default()));
    if read_only {
        harness.state_mut().open_read_only(path);
    } else {
        harness.state_mut().open_file(path);
    }
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Plan").click();
    harness.run();
    harness
}

/// Choose `option` in the combo box labelled `label` (the popup's entry: the last node of
/// that name, since a page button may share it).
fn choose(harness: &mut Harness<'_, App>, label: &str, option: &str) {
    harness.get_by_role_and_label(Role::ComboBox, label).click();
    harness.run();
    harness
        .query_all_by_label(option)
        .last()
        .unwrap_or_else(|| panic!("no option {option} in {label}"))
        .click();
    harness.run();
}

/// Scroll the widget labelled `label` into view and click it.
fn click(harness: &mut Harness<'_, App>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Whether the widget labelled `label` is greyed out (cannot be used).
fn is_disabled(harness: &Harness<'_, App>, label: &str) -> bool {
    harness.get_by_label(label).accesskit_node().is_disabled()
}

fn wait_for_report(harness: &mut Harness<'_, App>) {
    for _ in 0..3000 {
        harness.step();
        if !harness.state().is_writing_performance_report() {
            harness.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the performance report did not finish within 30 s");
}

#[test]
fn the_plan_page_shows_status_and_reason_and_takes_a_new_measurable_issue_15() {
    let dir = tempfile::tempdir().unwrap();
    let (path, plan) = plan_file(dir.path());
    let mut harness = app_on(&path, false);
    harness.get_by_label("The file holds no partnership plan yet.");
    harness.state_mut().import_plan(&plan);
    harness.run();
    harness.get_by_label_contains("plan.csv: 2 priorities and 4 measurables imported");

    // The first priority, as at the latest quarter: a real fall, noise and no data.
    harness.get_by_label_contains(
        "A real fall of 30.0% from 600 (Apr–Sep 2023) to 420 (Apr–Sep 2024) (p < 0.001): on track.",
    );
    harness.get_by_label_contains("Down 5.0% from 120 (Apr–Sep 2023) to 114 (Apr–Sep 2024)");
    harness.get_by_label("No indicator named \"Deliberate fires\" has been imported.");
    assert!(
        harness.query_by_label("MARAC cases").is_none(),
        "one priority at a time"
    );

    // The lead agency filter.
    choose(&mut harness, "Lead agency", "KFRS");
    assert!(harness.query_by_label("Police recorded ASB").is_none());
    harness.get_by_label("Deliberate fires");
    choose(&mut harness, "Lead agency", "All agencies");

    // Another review month.
    choose(&mut harness, "As at", "2024/25-Q1");
    harness.get_by_label_contains("from 300 (2023/24-Q1) to 210 (2024/25-Q1)");

    // Another priority.
    choose(&mut harness, "Priority", "Domestic abuse");
    harness.get_by_label("MARAC cases");
    harness.get_by_label("The file holds no MARAC data yet.");

    // Add a measurable through the form.
    choose(&mut harness, "Priority", "Anti-social behaviour");
    // The section opened by itself while the file had no plan; open it if it is shut.
    if harness
        .query_by_label("Add a measurable to Anti-social behaviour")
        .is_none()
    {
        click(&mut harness, "Edit the plan");
    }
    click(&mut harness, "Add a measurable to Anti-social behaviour");
    harness
        .get_by_role_and_label(Role::TextInput, "Measurable")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Measurable")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Measurable")
        .type_text("All recorded crime");
    harness.run();
    choose(&mut harness, "Series", "Police: All recorded crime");
    click(&mut harness, "Save measurable");
    let stored = Store::open_existing(&path).unwrap().action_plan().unwrap();
    let added = stored.priorities[0]
        .actions
        .iter()
        .flat_map(|a| &a.measurables)
        .find(|m| m.name == "All recorded crime")
        .expect("the new measurable is in the file");
    assert_eq!(added.series.as_deref(), Some("theme:all_crime"));

    // The performance report for this priority only.
    let out = dir.path().join("reports");
    harness.state_mut().set_performance_folder(&out);
    click(&mut harness, "This priority only");
    click(&mut harness, "Write the performance report");
    wait_for_report(&mut harness);
    harness.get_by_label_contains("Written:");
    assert!(out
        .join("performance-report-2024-25-q1-anti-social-behaviour.docx")
        .exists());
}

#[test]
fn a_file_opened_for_review_can_be_read_but_not_changed_issue_15() {
    let dir = tempfile::tempdir().unwrap();
    let (path, plan) = plan_file(dir.path());
    {
        let mut store = Store::open_existing(&path).unwrap();
        let mut read = csp_assessment::import::action_plan::read_plan_file(&plan).unwrap();
        csp_assessment::analysis::action_plan::link_plan(&mut read.table, &[], &[], &[]);
        store
            .replace_action_plan(&read.table.plan, &PlanSource::default())
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let mut harness = app_on(&path, true);
    assert!(harness.state().is_read_only());
    harness.get_by_label_contains("READ-ONLY");
    harness.get_by_label(csp_assessment::ui::READ_ONLY_BANNER);
    // Reading works: statuses, reasons, filters.
    harness.get_by_label_contains("A real fall of 30.0%");
    choose(&mut harness, "Lead agency", "KFRS");
    harness.get_by_label("Deliberate fires");
    choose(&mut harness, "Lead agency", "All agencies");
    // Every edit control is disabled.
    assert!(is_disabled(&harness, "Import a plan…"));
    assert!(is_disabled(&harness, "Edit Police recorded ASB"));
    assert!(is_disabled(&harness, "Edit the plan"));
    harness.get_by_role_and_label(Role::Button, "Data").click();
    harness.run();
    assert!(is_disabled(&harness, "Import files…"));
    harness
        .get_by_role_and_label(Role::Button, "Report")
        .click();
    harness.run();
    assert!(is_disabled(&harness, "Export the assessment"));
    // Edits asked for directly are refused with a sentence, and the file is untouched.
    harness.state_mut().import_plan(&plan);
    assert_eq!(
        harness.state().notice().map(|n| n.text.as_str()),
        Some(csp_assessment::ui::READ_ONLY_REFUSAL)
    );
    harness
        .state_mut()
        .add_plan_priority("Road safety", None, "");
    harness.state_mut().start_import(vec![plan.clone()]);
    assert!(!harness.state().is_importing());
    // The performance report is written elsewhere, so a reviewer can still make one.
    harness.get_by_role_and_label(Role::Button, "Plan").click();
    harness.run();
    let out = dir.path().join("review reports");
    harness.state_mut().set_performance_folder(&out);
    click(&mut harness, "Write the performance report");
    wait_for_report(&mut harness);
    assert!(out.join("performance-report-2024-25-q2.docx").exists());
    drop(harness);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is byte for byte as it was"
    );
    // And SQLite itself refuses a write on a read-only opening.
    let mut store = Store::open_read_only(&path).unwrap();
    assert!(store
        .save_plan_priority(&PlanPriority {
            name: "Road safety".into(),
            ..PlanPriority::default()
        })
        .is_err());
}

fn partnership(dir: &Path, name: &str, priorities: &[(&str, Option<&str>)]) -> PathBuf {
    super::partnerships::partnership_file(dir, name, priorities, &[])
}

#[test]
fn the_county_roll_up_page_counts_the_partnerships_issue_15() {
    let dir = tempfile::tempdir().unwrap();
    let files = vec![
        partnership(
            dir.path(),
            "Ashford",
            &[("Domestic abuse", None), ("ASB", Some("asb"))],
        ),
        partnership(
            dir.path(),
            "Dover",
            &[("Domestic Abuse", None), ("Road safety", None)],
        ),
        partnership(
            dir.path(),
            "Thanet",
            &[
                ("Domestic abuse", None),
                ("Anti-social behaviour", Some("asb")),
            ],
        ),
    ];
    let (mut harness, _) = app_on_new_file(dir.path());
    harness
        .get_by_role_and_label(Role::Button, "County roll-up")
        .click();
    harness.run();
    harness.get_by_label("Choose one assessment file per district partnership.");
    harness.state_mut().roll_up(files);
    harness.run();
    harness.get_by_label("Ashford, Dover, Thanet");
    harness.get_by_label("Ashford, Thanet");
    let rollup = harness.state().rollup().rollup.clone().unwrap();
    let counts: Vec<(String, usize)> = rollup
        .issues
        .iter()
        .map(|i| (i.issue.clone(), i.partnerships))
        .collect();
    assert_eq!(
        counts,
        [
            ("Domestic abuse".to_string(), 3),
            ("ASB".to_string(), 2),
            ("Road safety".to_string(), 1)
        ]
    );
    harness.get_by_label("Export CSV and Word").click();
    harness.run();
    harness.get_by_label_contains("Written:");
    assert!(dir
        .path()
        .join("county roll-up/county-rollup.docx")
        .exists());
}

#[test]
fn a_partnership_file_without_priorities_is_named_on_the_roll_up_page() {
    let dir = tempfile::tempdir().unwrap();
    let files = vec![
        partnership(dir.path(), "Ashford", &[("Domestic abuse", None)]),
        partnership(dir.path(), "Swale", &[]),
    ];
    let (mut harness, _) = app_on_new_file(dir.path());
    harness
        .get_by_role_and_label(Role::Button, "County roll-up")
        .click();
    harness.run();
    harness.state_mut().roll_up(files);
    harness.run();
    harness.get_by_label_contains("No priorities in Swale:");
    assert_eq!(
        harness
            .query_all_by_label_contains("No priorities in")
            .count(),
        1,
        "Ashford has priorities and is not named"
    );
}
