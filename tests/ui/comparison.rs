//! The Comparison page and the Overview's peer card, driven as an analyst would: police
//! rows in LSOAs of three real districts (named as police.uk names them), a district
//! population file in the ONS mid-year layout and a ward lookup for one district; the
//! area proposed after the first import is accepted, the table is sorted, a peer group
//! is saved.

use super::{app_on_new_file, wait_for_import, year_of_rows, HEADER};
use csp_assessment::analysis::comparison::PeerChoice;
use csp_assessment::store::Store;
use csp_assessment::ui::{App, SortColumn};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use std::path::{Path, PathBuf};

/// `per_month` burglaries in one LSOA each month of financial years 2022/23 and 2023/24,
/// the LSOA named as police.uk names it.
fn rows(text: &mut String, lsoa: &str, lsoa_name: &str, per_month: usize) {
    for year in [2022u32, 2023] {
        year_of_rows(text, year, lsoa, "Burglary", per_month);
    }
    *text = text.replace(&format!(",{lsoa} name,"), &format!(",{lsoa_name},"));
}

/// Leeds 5 a month (60 a year) over 6,000 residents = 10 per 1,000; Bradford 4 a month
/// over 4,000 = 12; Wakefield 1 a month over 3,000 = 4.
fn three_district_files(dir: &Path) -> Vec<PathBuf> {
    let mut text = String::from(HEADER);
    rows(&mut text, "E01000001", "Leeds 001A", 3);
    rows(&mut text, "E01000002", "Leeds 002A", 2);
    rows(&mut text, "E01000003", "Bradford 001A", 4);
    rows(&mut text, "E01000004", "Wakefield 001A", 1);
    let street = dir.join("2023-04-west-yorkshire-street.csv");
    std::fs::write(&street, text).unwrap();
    let lookup = dir.join("lookup.csv");
    std::fs::write(
        &lookup,
        "LSOA21CD,LSOA21NM,WD24CD,WD24NM,LAD24CD,LAD24NM\n\
         E01000001,Leeds 001A,E05000001,Headingley,E08000035,Leeds\n\
         E01000002,Leeds 002A,E05000002,Hyde Park,E08000035,Leeds\n",
    )
    .unwrap();
    let population = dir.join("mid-year-estimates.csv");
    std::fs::write(
        &population,
        "Code,Name,Geography,All ages\n\
         E08000035,Leeds,Metropolitan District,\"6,000\"\n\
         E08000032,Bradford,Metropolitan District,4000\n\
         E08000036,Wakefield,Metropolitan District,3000\n",
    )
    .unwrap();
    vec![street, lookup, population]
}

fn names_in_table_order(harness: &Harness<'_, App>) -> Vec<String> {
    let comparison = &harness.state().view().unwrap().comparison;
    let result = comparison.result.as_ref().unwrap();
    comparison
        .order
        .iter()
        .map(|&i| result.areas[i].name.clone())
        .collect()
}

#[test]
fn the_first_import_proposes_a_district_and_the_comparison_ranks_sorts_and_takes_peers() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = app_on_new_file(dir.path());
    harness
        .state_mut()
        .start_import(three_district_files(dir.path()));
    wait_for_import(&mut harness);
    harness.get_by_label("Close").click();
    harness.run();

    // The first police data: the district holding most incidents is offered as the area.
    let proposal = harness.state().proposed_area().expect("a proposal").clone();
    assert_eq!(
        (proposal.name.as_str(), proposal.share_pct),
        ("Leeds", 50.0)
    );
    harness.get_by_label_contains("most incidents (50.0%) are in Leeds");
    harness.get_by_label("Use Leeds").click();
    harness.run();
    assert!(harness.state().proposed_area().is_none());
    assert_eq!(
        Store::open_existing(&path)
            .unwrap()
            .area_of_interest()
            .unwrap()
            .name,
        "Leeds"
    );

    // The Overview's card: Leeds 10 per 1,000 is 2nd of the 3 metropolitan districts.
    harness.get_by_label("Overview").click();
    harness.run();
    harness.get_by_label("2nd highest of 3 metropolitan districts");
    harness.get_by_label("How do we compare?").click();
    harness.run();
    assert_eq!(harness.state().page(), csp_assessment::ui::Page::Comparison);

    // The page: the sentence, the table by rate, then sorted by count.
    harness.get_by_label_contains(
        "In 2023/24 Leeds's rate of all recorded crime, 10.0 per 1,000 residents, was the 2nd highest of 3 metropolitan districts in the file",
    );
    harness.get_by_label("Leeds (E08000035)");
    assert_eq!(
        names_in_table_order(&harness),
        ["Bradford", "Leeds", "Wakefield"]
    );
    harness.get_by_label("Count").click();
    harness.run();
    assert_eq!(
        names_in_table_order(&harness),
        ["Leeds", "Bradford", "Wakefield"]
    );
    harness.get_by_label("Count (highest first)").click();
    harness.run();
    assert_eq!(
        harness.state().view().unwrap().comparison.sort.column,
        SortColumn::Count
    );
    assert_eq!(
        names_in_table_order(&harness),
        ["Wakefield", "Bradford", "Leeds"]
    );

    // A peer group typed in the editor: Leeds and Wakefield only.
    harness.get_by_label("Peer groups…").click();
    harness.run();
    for (role, field, text) in [
        (Role::TextInput, "Peer group name", "Most similar"),
        (
            Role::MultilineTextInput,
            "District codes (separated by commas or new lines)",
            "E08000035, E08000036",
        ),
    ] {
        harness.get_by_role_and_label(role, field).click();
        harness.run();
        harness.get_by_role_and_label(role, field).type_text(text);
        harness.run();
    }
    let form = harness.state_mut().peer_editor().cloned().unwrap();
    assert_eq!(form.code_list(), ["E08000035", "E08000036"]);
    harness.get_by_label("Save group").click();
    harness.run();
    let comparison = &harness.state().view().unwrap().comparison;
    assert!(matches!(&comparison.peers, PeerChoice::Saved { name, .. } if name == "Most similar"));
    let result = comparison.result.as_ref().unwrap();
    // (60 + 12) / (6,000 + 3,000) = 8.0 per 1,000.
    assert_eq!(result.peer_group.mean_rate_per_1000, Some(8.0));
    let leeds = result.subject_row().unwrap();
    assert_eq!((leeds.rank_in_peers, leeds.of_peers), (Some(1), 2));
    harness.get_by_label_contains("(1st of 2 in the peer group \"Most similar\")");
    // Remembered in the file for the export.
    drop(harness);
    let store = Store::open_existing(&path).unwrap();
    assert_eq!(
        store.comparison_peers().unwrap().as_deref(),
        Some("group:Most similar")
    );
    assert_eq!(store.peer_groups().unwrap().len(), 1);
}
