use super::*;

fn header(text: &str) -> Vec<String> {
    text.split(',').map(String::from).collect()
}

#[test]
fn known_names_are_mapped_and_the_reader_sees_its_own_header() {
    let h = header("Ref,Period,Force,Area force,Lon,Lat,Where,LSOA code,LSOA name,Offence,Notes");
    let mut m = FieldMapping::new("Odd force", MappedKind::PoliceStreet, &h);
    assert_eq!(m.column_of("lsoa_code"), Some(7));
    assert!(m.problems().iter().any(|p| p.contains("Month is required")));
    for (column, key) in [
        (0, "crime_id"),
        (1, "month"),
        (2, "reported_by"),
        (3, "falls_within"),
        (4, "longitude"),
        (5, "latitude"),
        (6, "location"),
        (9, "crime_type"),
    ] {
        m.set(column, Some(key));
    }
    assert!(m.problems().is_empty(), "{:?}", m.problems());
    let seen = m.reader_header(h.len());
    assert_eq!(seen[1], "Month");
    assert_eq!(seen[10], "");
    assert!(crate::import::police_uk::StreetColumns::from_header(&seen).is_ok());
    // A field moved to another column leaves the first.
    m.set(10, Some("month"));
    assert_eq!(m.column_of("month"), Some(10));
    assert_eq!(m.field_of(1), None);
}

#[test]
fn a_mapping_refits_moved_columns_and_names_missing_ones() {
    let h = header("area,people,label");
    let mut m = FieldMapping::new("Council pop", MappedKind::Population, &h);
    m.set(0, Some("code"));
    m.set(1, Some("total"));
    let moved = header("label,people,area");
    let fitted = m.fit_to_header(&moved).unwrap();
    assert_eq!(
        (fitted.column_of("code"), fitted.column_of("total")),
        (Some(2), Some(1))
    );
    let err = m.fit_to_header(&header("label,area")).unwrap_err();
    assert!(err.contains("no column \"people\""), "{err}");
    assert!(find_for_header(&[m.clone()], &header("AREA,People,Label")).is_some());
}

#[test]
fn boundary_mappings_name_attributes_and_level() {
    let h = header("objectid,ward_code,ward_name");
    let mut m = FieldMapping::new("Council wards", MappedKind::Boundaries, &h);
    assert_eq!(
        (m.column_of("code"), m.column_of("name")),
        (Some(1), Some(2))
    );
    m.level = Some("ward".into());
    let fields = m.boundary_fields().unwrap();
    assert_eq!(fields.code, "ward_code");
    assert_eq!(fields.name.as_deref(), Some("ward_name"));
    assert_eq!(fields.level.as_deref(), Some("ward"));
}
