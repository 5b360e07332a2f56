//! Geography imports: ONS lookups whatever the year in their column names, populations in
//! simple and real (messy) Census layouts, the area of interest, theme groups.

use super::*;
use csp_assessment::store::StoreError;

#[test]
fn a_lookup_is_recognised_and_gives_wards_and_districts() {
    let (_dir, _path, mut store) = temp_store();
    let report = import(&mut store, &[fixture("geo/lookup_wd24.csv")]);
    assert!(report.is_clean(), "{report:?}");
    assert_eq!(counts(&report.files[0].outcome), (5, 0, 0));
    assert_eq!(store.sources().unwrap()[0].kind, "ward_lookup");
    let wards = store.wards().unwrap();
    assert_eq!(wards.len(), 3);
    let districts = store.districts().unwrap();
    assert_eq!(
        districts
            .iter()
            .map(|d| (d.name.as_str(), d.wards))
            .collect::<Vec<_>>(),
        vec![("Testshire North", 2), ("Testshire South", 1)]
    );
    assert_eq!(store.lsoa_wards().unwrap()["E01000003"], "E05000102");
}

#[test]
fn a_lookup_with_other_year_columns_reassigns_lsoas_and_rejects_bad_rows() {
    let (_dir, _path, mut store) = temp_store();
    import(&mut store, &[fixture("geo/lookup_wd24.csv")]);
    let report = import(&mut store, &[fixture("geo/lookup_wd19_lsoa11.csv")]);
    // E01000003 moves ward (replaced 1), E01000006 is new, the MSOA code is rejected.
    assert_eq!(counts(&report.files[0].outcome), (2, 1, 1));
    assert_eq!(report.files[0].rejected_examples[0].line, 4);
    assert!(report.files[0].rejected_examples[0]
        .reason
        .contains("\"E02000001\" is not an LSOA code"));
    let lookup = store.lsoa_wards().unwrap();
    assert_eq!(lookup["E01000003"], "E05000101");
    assert_eq!(lookup["E01000006"], "E05000102");
    assert_eq!(lookup.len(), 6);
}

/// Since issue 13 a district code (E07000901) is a district's population, kept apart from
/// ward and LSOA populations; a region (E12…) is still rejected with its reason.
#[test]
fn ward_populations_with_thousands_separators_district_and_region_codes() {
    let (_dir, _path, mut store) = temp_store();
    let report = import(&mut store, &[fixture("geo/ward_population.csv")]);
    assert_eq!(store.sources().unwrap()[0].kind, "population");
    assert_eq!(counts(&report.files[0].outcome), (4, 1, 0));
    assert!(report.files[0].rejected_examples[0].reason.contains(
        "\"E12000008\" is a region code: populations are read by LSOA, ward or local authority"
    ));
    let pops = store.populations().unwrap();
    assert_eq!(pops["E05000101"], 12_400.0);
    assert_eq!(pops.len(), 3);
    let districts = store.district_populations().unwrap();
    assert_eq!(districts.len(), 1);
    assert_eq!(districts["E07000901"].total, 22_200.0);
    assert_eq!(districts["E07000901"].name, "Testshire North");
}

#[test]
fn the_real_2011_census_table_imports_from_shared_geo() {
    let census = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/geo/census2011_lsoa_population_kent_medway.csv");
    if !census.exists() {
        eprintln!(
            "SKIPPED: {} is absent (no ../shared beside the project)",
            census.display()
        );
        return;
    }
    let (_dir, path, mut store) = temp_store();
    let report = import(&mut store, &[census]);
    assert!(report.is_clean(), "{report:?}");
    assert_eq!(counts(&report.files[0].outcome), (1_065, 0, 0));
    // Medway: 163 LSOAs, 263,925 usual residents (the first of the three Persons columns).
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (n, total): (i64, f64) = conn
        .query_row(
            "SELECT count(*), sum(total) FROM population WHERE name LIKE 'Medway %' AND area_kind = 'lsoa'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((n, total), (163, 263_925.0));
}

#[test]
fn the_area_of_interest_is_a_district_or_chosen_wards() {
    let (_dir, _path, mut store) = temp_store();
    assert_eq!(store.area_of_interest().unwrap().name, "All data");
    import(&mut store, &[fixture("geo/lookup_wd24.csv")]);
    let area = store.set_area_to_district("testshire north").unwrap();
    assert_eq!(area.name, "Testshire North");
    assert_eq!(area.ward_codes, vec!["E05000101", "E05000102"]);
    let area = store
        .set_area_to_wards("Millbrook only", &["E05000201".to_string()])
        .unwrap();
    assert_eq!(area.ward_codes, vec!["E05000201"]);
    let err = store.set_area_to_district("Atlantis").unwrap_err();
    assert!(matches!(err, StoreError::NoSuchArea(_)), "{err:?}");
    assert_eq!(store.area_of_interest().unwrap().name, "Millbrook only");
}

#[test]
fn theme_groups_are_stored_and_redefined_by_name() {
    let (_dir, _path, mut store) = temp_store();
    let group = store
        .save_theme_group("Acquisitive crime", &[2, 3, 7, 10, 11, 12, 13])
        .unwrap();
    assert_eq!(group.crime_types, vec![2, 3, 7, 10, 11, 12, 13]);
    let group = store
        .save_theme_group("Acquisitive crime", &[3, 13])
        .unwrap();
    assert_eq!(store.theme_groups().unwrap(), vec![group.clone()]);
    assert_eq!(group.crime_types, vec![3, 13]);
    assert!(store.save_theme_group("Empty", &[]).is_err());
    store.delete_theme_group(group.id).unwrap();
    assert!(store.theme_groups().unwrap().is_empty());
}
