//! Tests of value normalisation: yes/no flags, crime flags, risk levels, sex, age bands,
//! ASB actions, substance groups, counts, area codes and the normalisation log.

use super::super::layout::FieldKey;
use super::*;

#[test]
fn yes_no_values() {
    for yes in ["Y", "y", "Yes", "YES", "1", "TRUE", "true", " yes "] {
        assert_eq!(yes_no(yes, false), Ok(Some(true)), "{yes}");
    }
    for no in ["N", "No", "0", "FALSE", "false"] {
        assert_eq!(yes_no(no, false), Ok(Some(false)), "{no}");
    }
    assert_eq!(yes_no("", false), Ok(None));
    assert_eq!(yes_no("Unknown", false), Ok(None));
    assert_eq!(yes_no("", true), Err(ValueProblem::Blank));
    assert_eq!(yes_no("Maybe", false), Err(ValueProblem::NotYesNo));
    assert_eq!(yes_no("2", false), Err(ValueProblem::NotYesNo));
    assert_eq!(yes_no_label(None), "Unknown");
}

#[test]
fn crime_flags() {
    for crime in ["Crime", "CRIME", "Y", "Yes", "1", "true"] {
        assert_eq!(crime_flag(crime), Ok(true), "{crime}");
    }
    for non in [
        "Non-crime",
        "Non crime",
        "non_crime",
        "NONCRIME",
        "Incident",
        "N",
        "0",
    ] {
        assert_eq!(crime_flag(non), Ok(false), "{non}");
    }
    assert_eq!(crime_flag(""), Err(ValueProblem::Blank));
    assert_eq!(crime_flag("Possibly"), Err(ValueProblem::NotCrimeFlag));
    assert_eq!(crime_flag_label(false), "Non-crime");
}

#[test]
fn risk_levels() {
    for (text, want) in [
        ("Standard", RiskLevel::Standard),
        ("S", RiskLevel::Standard),
        ("low", RiskLevel::Standard),
        ("Medium", RiskLevel::Medium),
        ("M", RiskLevel::Medium),
        ("High", RiskLevel::High),
        ("h", RiskLevel::High),
        ("HIGH RISK", RiskLevel::High),
    ] {
        assert_eq!(risk_level(text), Ok(Some(want)), "{text}");
    }
    assert_eq!(risk_level(""), Ok(None));
    assert_eq!(risk_level("Not assessed"), Ok(None));
    assert_eq!(risk_level("Very high"), Err(ValueProblem::NotRiskLevel));
    assert_eq!(risk_label(Some(RiskLevel::Medium)), "Medium");
}

#[test]
fn sexes() {
    for (text, want) in [
        ("F", Sex::Female),
        ("Female", Sex::Female),
        ("woman", Sex::Female),
        ("M", Sex::Male),
        ("MALE", Sex::Male),
        ("Man", Sex::Male),
        ("Other", Sex::Unknown),
        ("Not stated", Sex::Unknown),
        ("", Sex::Unknown),
        ("Unknown", Sex::Unknown),
    ] {
        assert_eq!(sex(text), Ok(want), "{text}");
    }
    assert_eq!(sex("Dog"), Err(ValueProblem::NotSex));
    assert_eq!(Sex::Female.label(), "Female");
}

#[test]
fn ages_are_banded_and_bands_normalised() {
    let band = |t: &str| age_band(t).map(|b| b.map(|b| b.as_str().to_string()));
    for (text, want) in [
        ("0", "under 16"),
        ("15", "under 16"),
        ("16", "16-17"),
        ("17", "16-17"),
        ("18", "18-24"),
        ("24", "18-24"),
        ("25", "25-34"),
        ("34", "25-34"),
        ("35", "35-44"),
        ("45", "45-54"),
        ("55", "55-64"),
        ("64", "55-64"),
        ("65", "65+"),
        ("97", "65+"),
        ("25-34", "25-34"),
        ("25 - 34", "25-34"),
        ("25 to 34", "25-34"),
        ("25–34", "25-34"),
        ("Aged 25-34", "25-34"),
        ("65+", "65+"),
        ("65 +", "65+"),
        ("65 and over", "65+"),
        ("65 plus", "65+"),
        ("Under 16", "under 16"),
        ("<16", "under 16"),
        ("0-15", "under 16"),
        ("18-25", "18-25"),
    ] {
        assert_eq!(band(text), Ok(Some(want.to_string())), "{text}");
    }
    assert_eq!(band(""), Ok(None));
    assert_eq!(band("Unknown"), Ok(None));
    for bad in ["34-25", "old", "130", "-3", "25-", "2.5"] {
        assert_eq!(band(bad), Err(ValueProblem::NotAgeBand), "{bad}");
    }
    assert_eq!(age_band_label(None), "Unknown");
}

#[test]
fn asb_actions_by_short_and_long_names() {
    for (text, want) in [
        ("warning", AsbAction::Warning),
        ("Warning letter", AsbAction::Warning),
        ("CPW", AsbAction::CommunityProtectionWarning),
        (
            "Community Protection Warning",
            AsbAction::CommunityProtectionWarning,
        ),
        ("cpn", AsbAction::CommunityProtectionNotice),
        (
            "Community protection notice",
            AsbAction::CommunityProtectionNotice,
        ),
        ("ABC", AsbAction::AcceptableBehaviourContract),
        (
            "Acceptable Behaviour Contract",
            AsbAction::AcceptableBehaviourContract,
        ),
        ("Injunction", AsbAction::Injunction),
        ("Civil injunction", AsbAction::Injunction),
        ("PSPO FPN", AsbAction::PspoFixedPenalty),
        ("pspo-fpn", AsbAction::PspoFixedPenalty),
        ("Fixed Penalty Notice", AsbAction::PspoFixedPenalty),
        ("None", AsbAction::NoAction),
        ("No further action", AsbAction::NoAction),
    ] {
        assert_eq!(asb_action(text), Ok(Some(want)), "{text}");
    }
    assert_eq!(asb_action(""), Ok(None));
    assert_eq!(asb_action("Eviction"), Err(ValueProblem::NotAsbAction));
    assert_eq!(
        asb_action_label(Some(AsbAction::PspoFixedPenalty)),
        "PSPO FPN"
    );
}

#[test]
fn substance_groups_in_ndtms_order() {
    for (text, want) in [
        ("Opiate", SubstanceGroup::Opiate),
        ("Opiates", SubstanceGroup::Opiate),
        ("opiate users", SubstanceGroup::Opiate),
        ("Non-opiate only", SubstanceGroup::NonOpiateOnly),
        ("Non-opiates only", SubstanceGroup::NonOpiateOnly),
        ("non opiate", SubstanceGroup::NonOpiateOnly),
        (
            "Non-opiate and alcohol",
            SubstanceGroup::NonOpiateAndAlcohol,
        ),
        ("Non-opiate & alcohol", SubstanceGroup::NonOpiateAndAlcohol),
        (
            "Alcohol and non-opiates",
            SubstanceGroup::NonOpiateAndAlcohol,
        ),
        ("Alcohol only", SubstanceGroup::AlcoholOnly),
        ("ALCOHOL", SubstanceGroup::AlcoholOnly),
    ] {
        assert_eq!(substance_group(text), Ok(want), "{text}");
    }
    assert_eq!(substance_group(""), Err(ValueProblem::Blank));
    assert_eq!(
        substance_group("Cannabis"),
        Err(ValueProblem::NotSubstanceGroup)
    );
    let mut sorted = SubstanceGroup::ALL;
    sorted.sort();
    assert_eq!(sorted, SubstanceGroup::ALL);
    assert_eq!(
        SubstanceGroup::NonOpiateAndAlcohol.label(),
        "Non-opiate and alcohol"
    );
}

#[test]
fn counts_and_suppressed_values() {
    assert_eq!(count("0"), Ok(CountValue::Count(0)));
    assert_eq!(count(" 42 "), Ok(CountValue::Count(42)));
    assert_eq!(count("1,234"), Ok(CountValue::Count(1234)));
    assert_eq!(count("12,345,678"), Ok(CountValue::Count(12_345_678)));
    assert_eq!(count("12.0"), Ok(CountValue::Count(12)));
    for marker in ["*", "<5", "< 5", "[c]", "x", ".."] {
        let value = count(marker).unwrap();
        assert_eq!(value, CountValue::Suppressed(marker.trim().to_string()));
        assert!(value.is_suppressed());
        assert_eq!(value.value(), None);
    }
    assert_eq!(count(""), Err(ValueProblem::Blank));
    assert_eq!(count("-3"), Err(ValueProblem::NegativeCount));
    assert_eq!(count("12.5"), Err(ValueProblem::NotCount));
    assert_eq!(count("12,34"), Err(ValueProblem::NotCount));
    assert_eq!(count("1,2345"), Err(ValueProblem::NotCount));
    assert_eq!(count("ten"), Err(ValueProblem::NotCount));
    assert_eq!(count("<"), Err(ValueProblem::NotCount));
    assert_eq!(count("99999999999"), Err(ValueProblem::NotCount));
}

#[test]
fn area_codes() {
    assert_eq!(area_code("E01012345"), Ok("E01012345".to_string()));
    assert_eq!(area_code(" e05012345 "), Ok("E05012345".to_string()));
    assert_eq!(area_code(""), Err(ValueProblem::Blank));
    assert_eq!(area_code("ME1 1AA"), Err(ValueProblem::NotAreaCode));
    assert_eq!(area_code("E0101234"), Err(ValueProblem::NotAreaCode));
}

#[test]
fn the_log_counts_each_mapping() {
    let mut log = NormalisationLog::new();
    log.record(FieldKey::DaRiskLevel, "H", "High");
    log.record(FieldKey::DaRiskLevel, " H ", "High");
    log.record(FieldKey::DaRiskLevel, "High", "High");
    log.record(FieldKey::DaVictimSex, "F", "Female");
    let entries = log.entries();
    assert_eq!(
        entries.first(),
        Some(&LogEntry {
            field: FieldKey::DaVictimSex,
            raw: "F".into(),
            normalised: "Female".into(),
            count: 1
        })
    );
    assert_eq!(entries.len(), 3);
    assert_eq!(
        entries.iter().find(|e| e.raw == "H").map(|e| e.count),
        Some(2)
    );
    assert_eq!(log.total_for(FieldKey::DaRiskLevel, "High"), 3);
    let mut other = NormalisationLog::new();
    other.merge(&log);
    other.merge(&log);
    assert_eq!(other.total_for(FieldKey::DaRiskLevel, "High"), 6);
    assert!(NormalisationLog::new().is_empty());
}
