//! Tests of partner layout keys and header recognition: one spec per key, serialised ids,
//! and each reference header detected despite case, spacing and synonyms.

use super::*;

fn header(text: &str) -> Vec<String> {
    text.split(',').map(String::from).collect()
}

fn reference(layout: PartnerLayout) -> Vec<String> {
    layout
        .reference_header()
        .into_iter()
        .map(String::from)
        .collect()
}

#[test]
fn every_key_has_one_spec() {
    let mut ids = std::collections::HashSet::new();
    for layout in PartnerLayout::ALL {
        for spec in layout.fields() {
            assert_eq!(spec.key.layout(), layout, "{}", spec.id);
            assert_eq!(spec.key.spec(), spec);
            assert!(ids.insert(spec.id), "duplicate id {}", spec.id);
            assert_eq!(FieldKey::from_id(spec.id), Some(spec.key));
            assert!(spec.id.starts_with(match layout {
                PartnerLayout::DomesticAbuse => "da_",
                PartnerLayout::Marac => "marac_",
                PartnerLayout::AsbCases => "asb_",
                PartnerLayout::Treatment => "treatment_",
                PartnerLayout::Indicators => "indicator_",
            }));
        }
    }
    assert_eq!(ids.len(), 42);
}

#[test]
fn field_keys_serialise_as_their_ids() {
    let json = serde_json::to_string(&FieldKey::DaVictimAgeBand).unwrap();
    assert_eq!(json, "\"da_victim_age_band\"");
    let back: FieldKey = serde_json::from_str(&json).unwrap();
    assert_eq!(back, FieldKey::DaVictimAgeBand);
    assert!(serde_json::from_str::<FieldKey>("\"nonsense\"").is_err());
    let layout = serde_json::to_string(&PartnerLayout::AsbCases).unwrap();
    assert_eq!(layout, format!("\"{}\"", PartnerLayout::AsbCases.key()));
}

#[test]
fn each_reference_header_is_detected() {
    for layout in PartnerLayout::ALL {
        let m = detect_layout(&reference(layout)).unwrap();
        assert_eq!(m.layout, layout);
        assert_eq!(m.found.len(), layout.fields().len());
        assert!(m.unused.is_empty());
        for (i, (key, column)) in m.found.iter().enumerate() {
            assert_eq!(*column, i, "{key:?}");
        }
    }
}

#[test]
fn domestic_abuse_header_with_other_case_spacing_and_synonyms() {
    let h = header(
        " incident_date ,REF,crime / non-crime,Ward Code,victim  SEX,Age,DASH risk,MARAC referral,Officer",
    );
    let m = detect_layout(&h).unwrap();
    assert_eq!(m.layout, PartnerLayout::DomesticAbuse);
    assert_eq!(m.column_of(FieldKey::DaDate), Some(0));
    assert_eq!(m.column_of(FieldKey::DaReference), Some(1));
    assert_eq!(m.column_of(FieldKey::DaCrimeFlag), Some(2));
    assert_eq!(m.column_of(FieldKey::DaAreaCode), Some(3));
    assert_eq!(m.column_of(FieldKey::DaVictimSex), Some(4));
    assert_eq!(m.column_of(FieldKey::DaVictimAgeBand), Some(5));
    assert_eq!(m.column_of(FieldKey::DaRiskLevel), Some(6));
    assert_eq!(m.column_of(FieldKey::DaReferredToMarac), Some(7));
    assert_eq!(m.column_of(FieldKey::DaRepeatVictim), None);
    assert_eq!(m.unused, vec![8]);
}

#[test]
fn marac_header_with_other_case_and_spacing() {
    let h = header("QUARTER,cases discussed,Repeat  Cases,Police referrals,lgbt_victims");
    let m = detect_layout(&h).unwrap();
    assert_eq!(m.layout, PartnerLayout::Marac);
    assert_eq!(m.column_of(FieldKey::MaracReferralsFromPolice), Some(3));
    assert_eq!(m.column_of(FieldKey::MaracLgbtVictims), Some(4));
}

#[test]
fn asb_header_with_synonyms() {
    let h = header("Case No,Date received,Closed,ASB type,Postcode,Repeat case,Action");
    let m = detect_layout(&h).unwrap();
    assert_eq!(m.layout, PartnerLayout::AsbCases);
    assert_eq!(m.found.len(), 7);
    assert_eq!(m.column_of(FieldKey::AsbArea), Some(4));
}

#[test]
fn treatment_header_with_synonyms() {
    let h = header("reporting_period,Substance,Number in treatment,New starts,Completions");
    let m = detect_layout(&h).unwrap();
    assert_eq!(m.layout, PartnerLayout::Treatment);
    assert_eq!(m.column_of(FieldKey::TreatmentRePresentations), None);
    assert_eq!(
        m.column_of(FieldKey::TreatmentSuccessfulCompletions),
        Some(4)
    );
}

#[test]
fn ons_coded_area_columns_are_area_codes() {
    assert_eq!(normalise_header("LSOA21CD"), "lsoacode");
    assert_eq!(normalise_header("WD24CD"), "wardcode");
    assert_eq!(normalise_header("\u{feff}Victim Age-Band"), "victimageband");
    let h = header("Reference,Date,Crime or non-crime,LSOA21CD");
    assert_eq!(
        detect_layout(&h).unwrap().column_of(FieldKey::DaAreaCode),
        Some(3)
    );
}

#[test]
fn other_headers_are_not_a_layout() {
    let police = header("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context");
    assert_eq!(detect_layout(&police), None);
    let other_force = header("Occurrence No,Date Reported,Victim Gender,Risk,Beat");
    assert_eq!(detect_layout(&other_force), None);
    let m = match_header(PartnerLayout::DomesticAbuse, &other_force);
    assert_eq!(m.missing, vec![FieldKey::DaCrimeFlag, FieldKey::DaAreaCode]);
    assert_eq!(m.unused, vec![4]);
    assert_eq!(detect_layout(&[]), None);
}
