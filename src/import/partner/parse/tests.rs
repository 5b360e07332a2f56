//! Tests of applying a column mapping to partner rows: records, row problems, encodings,
//! the preview of a whole file and the sample reference files.

use super::super::layout::{FieldKey, PartnerLayout};
use super::super::mapping::ColumnTarget;
use super::super::values::{self, AsbAction, CountValue, RiskLevel, Sex, SubstanceGroup};
use super::super::{DaIncident, DateFormat, Period};
use super::*;
use chrono::NaiveDate;

fn records(csv_text: &str) -> (Vec<String>, Vec<ByteRecord>) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let h = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader.byte_records().map(Result::unwrap).collect();
    (h, rows)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const DA: &str = "\
Reference,Date,Crime or non-crime,Offence,LSOA code,Victim sex,Victim age band,Repeat victim,Risk level,Referred to MARAC
DA1,2023-04-17,Crime,Assault with injury,E01000001,F,25-34,Y,High,Y
DA2,2023-04-18,Non-crime,,e05000002,M,41,N,Standard,N
DA3,2023-02-31,Crime,Stalking,E01000001,F,18-24,N,Medium,N
DA4,2023-04-19,Crime,Stalking,,F,18-24,N,Medium,N
DA5,2023-04-20,Maybe,Stalking,E01000001,F,18-24,N,Medium,N
DA6,2023-04-21,Crime,Harassment,E01000003,Female,,,,
DA7,2023-02-30,Crime,Stalking,E01000001,F,18-24,N,Medium,N
";

fn da_mapping() -> (ColumnMapping, Vec<ByteRecord>) {
    let (h, rows) = records(DA);
    (
        ColumnMapping::from_reference(PartnerLayout::DomesticAbuse, &h).unwrap(),
        rows,
    )
}

#[test]
fn reads_a_domestic_abuse_row() {
    let (m, rows) = da_mapping();
    let mut log = NormalisationLog::new();
    let record = parse_row(&m, &rows[0], &mut log).unwrap();
    assert_eq!(
        record,
        PartnerRecord::DomesticAbuse(DaIncident {
            reference: "DA1".into(),
            date: date(2023, 4, 17),
            is_crime: true,
            offence: "Assault with injury".into(),
            area_code: "E01000001".into(),
            victim_sex: Sex::Female,
            victim_age_band: values::age_band("25-34").unwrap(),
            repeat_victim: Some(true),
            risk: Some(RiskLevel::High),
            referred_to_marac: Some(true),
        })
    );
    let PartnerRecord::DomesticAbuse(second) = parse_row(&m, &rows[1], &mut log).unwrap() else {
        panic!("not DA")
    };
    assert_eq!(second.area_code, "E05000002");
    assert_eq!(second.victim_age_band.unwrap().as_str(), "35-44");
    assert!(!second.is_crime);
    let PartnerRecord::DomesticAbuse(sixth) = parse_row(&m, &rows[5], &mut log).unwrap() else {
        panic!("not DA")
    };
    assert_eq!(
        (sixth.victim_age_band, sixth.repeat_victim, sixth.risk),
        (None, None, None)
    );
    assert_eq!(log.total_for(FieldKey::DaVictimSex, "Female"), 2);
    assert_eq!(log.total_for(FieldKey::DaRiskLevel, "Unknown"), 1);
}

#[test]
fn row_problems_name_column_value_and_reason() {
    let (m, rows) = da_mapping();
    let mut log = NormalisationLog::new();
    let problem = |i: usize| parse_row(&m, &rows[i], &mut NormalisationLog::new()).unwrap_err();
    assert_eq!(
        problem(2).to_string(),
        "Date \"2023-02-31\" is not a real date"
    );
    assert_eq!(problem(3).to_string(), "LSOA code is blank");
    assert_eq!(
        problem(4).to_string(),
        "Crime or non-crime \"Maybe\" is not Crime or Non-crime"
    );
    assert_eq!(problem(4).column, "Crime or non-crime");
    assert_eq!(problem(4).value, "Maybe");
    let short = ByteRecord::from(vec!["DA9", "2023-04-17"]);
    assert_eq!(
        parse_row(&m, &short, &mut log).unwrap_err().to_string(),
        "the row has 2 fields but the header has 10"
    );
    assert!(log.is_empty(), "rejected rows are not logged");
}

#[test]
fn uk_dates_in_a_mapped_file() {
    let text = "Occurrence No,Date Reported,Crime?,LSOA,Notes\nX1,31/02/2023,Y,E01000001,\nX2,17/04/2023,N,E01000001,late\n";
    let (h, rows) = records(text);
    let mut m = ColumnMapping::new("Other", PartnerLayout::DomesticAbuse, &h);
    m.set(0, ColumnTarget::Field(FieldKey::DaReference));
    m.set(1, ColumnTarget::Field(FieldKey::DaDate));
    m.set(2, ColumnTarget::Field(FieldKey::DaCrimeFlag));
    m.set(3, ColumnTarget::Field(FieldKey::DaAreaCode));
    m.detect_date_format(&rows).unwrap();
    assert_eq!(m.date_format, DateFormat::DayMonthYear);
    let mut log = NormalisationLog::new();
    assert_eq!(
        parse_row(&m, &rows[0], &mut log).unwrap_err().to_string(),
        "Date Reported \"31/02/2023\" is not a real date"
    );
    let PartnerRecord::DomesticAbuse(da) = parse_row(&m, &rows[1], &mut log).unwrap() else {
        panic!("not DA")
    };
    assert_eq!(da.date, date(2023, 4, 17));
    assert_eq!(da.victim_sex, Sex::Unknown);
    assert_eq!(da.offence, "");
}

#[test]
fn blank_yes_no_can_be_an_error() {
    let (mut m, rows) = da_mapping();
    let mut log = NormalisationLog::new();
    assert!(parse_row(&m, &rows[5], &mut log).is_ok());
    m.blank_yes_no_is_error = true;
    assert_eq!(
        parse_row(&m, &rows[5], &mut log).unwrap_err().to_string(),
        "Repeat victim is blank"
    );
}

#[test]
fn windows_1252_cells_are_decoded() {
    let (m, _) = da_mapping();
    let record = ByteRecord::from(vec![
        &b"DA1"[..],
        b"2023-04-17",
        b"Crime",
        b"Caf\xe9 assault",
        b"E01000001",
        b"F",
        b"",
        b"",
        b"",
        b"",
    ]);
    let Ok(PartnerRecord::DomesticAbuse(da)) = parse_row(&m, &record, &mut NormalisationLog::new())
    else {
        panic!("not read")
    };
    assert_eq!(da.offence, "Café assault");
}

#[test]
fn reads_marac_asb_and_treatment_rows() {
    let (h, rows) = records(
        "Quarter,Cases discussed,Repeat cases,Children in households,Male victims\n2023/24 Q1,112,34,150,<5\n",
    );
    let m = ColumnMapping::from_reference(PartnerLayout::Marac, &h).unwrap();
    let mut log = NormalisationLog::new();
    let Ok(PartnerRecord::Marac(q)) = parse_row(&m, &rows[0], &mut log) else {
        panic!("not MARAC")
    };
    assert_eq!(q.quarter, Period::financial_quarter(2023, 1));
    assert_eq!(q.cases_discussed, CountValue::Count(112));
    assert_eq!(q.male_victims, Some(CountValue::Suppressed("<5".into())));
    assert_eq!(q.lgbt_victims, None);
    assert_eq!(log.total_for(FieldKey::MaracMaleVictims, "Suppressed"), 1);

    let (h, rows) = records(
        "Case reference,Date opened,Date closed,Category,Ward code,Repeat,Action taken\nC1,2023-04-01,,Noise,E05000001,N,Community Protection Warning\nC2,2023-04-01,2023-03-01,Noise,E05000001,N,\n",
    );
    let m = ColumnMapping::from_reference(PartnerLayout::AsbCases, &h).unwrap();
    let Ok(PartnerRecord::AsbCase(case)) = parse_row(&m, &rows[0], &mut log) else {
        panic!("not ASB")
    };
    assert_eq!(case.closed, None);
    assert_eq!(case.action, Some(AsbAction::CommunityProtectionWarning));
    assert_eq!(case.area, "E05000001");
    assert_eq!(
        parse_row(&m, &rows[1], &mut log).unwrap_err().to_string(),
        "Date closed \"2023-03-01\" is before the date the case was opened (2023-04-01)"
    );

    let (h, rows) = records(
        "Period,Substance group,In treatment,New presentations,Successful completions,Re-presentations within 6 months\n2023/24 Q2,Non-opiate & alcohol,\"1,205\",80,*,3\n2023/24,Cannabis,5,1,1,0\n",
    );
    let m = ColumnMapping::from_reference(PartnerLayout::Treatment, &h).unwrap();
    let Ok(PartnerRecord::Treatment(t)) = parse_row(&m, &rows[0], &mut log) else {
        panic!("not treatment")
    };
    assert_eq!(t.period, Period::financial_quarter(2023, 2));
    assert_eq!(t.substance_group, SubstanceGroup::NonOpiateAndAlcohol);
    assert_eq!(t.in_treatment, CountValue::Count(1205));
    assert_eq!(
        t.successful_completions,
        Some(CountValue::Suppressed("*".into()))
    );
    assert_eq!(
        parse_row(&m, &rows[1], &mut log).unwrap_err().to_string(),
        "Substance group \"Cannabis\" is not a substance group (Opiate, Non-opiate only, Non-opiate and alcohol or Alcohol only)"
    );
}

#[test]
fn preview_counts_and_groups_rejections() {
    let (m, rows) = da_mapping();
    let p = preview(&m, rows, 3).unwrap();
    assert_eq!((p.accepted, p.rejected), (3, 4));
    assert_eq!(p.first_rows.len(), 3);
    assert_eq!(p.first_rows[0].line, 2);
    assert_eq!(p.first_rows[0].cells[0], "DA1");
    assert!(p.first_rows[2].outcome.is_err());
    let first = &p.rejected_by_reason[0];
    assert_eq!(first.reason, "Date is not a real date");
    assert_eq!(first.count, 2);
    assert_eq!(first.first_line, 4);
    assert_eq!(first.example, "Date \"2023-02-31\" is not a real date");
    let reasons: Vec<(&str, usize, u64)> = p
        .rejected_by_reason
        .iter()
        .map(|g| (g.reason.as_str(), g.count, g.first_line))
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("Date is not a real date", 2, 4),
            ("LSOA code is blank", 1, 5),
            ("Crime or non-crime is not Crime or Non-crime", 1, 6),
        ]
    );
    assert_eq!(p.normalisation.total_for(FieldKey::DaCrimeFlag, "Crime"), 2);
    assert_eq!(
        p.normalisation
            .total_for(FieldKey::DaCrimeFlag, "Non-crime"),
        1
    );
}

fn sample_file(name: &str) -> (Vec<String>, Vec<ByteRecord>) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data/partners")
        .join(name);
    records(&std::fs::read_to_string(path).unwrap())
}

#[test]
fn sample_reference_files_are_recognised_and_read_cleanly() {
    for (name, layout) in [
        ("domestic_abuse_incidents.csv", PartnerLayout::DomesticAbuse),
        ("marac_quarterly.csv", PartnerLayout::Marac),
        ("asb_cases.csv", PartnerLayout::AsbCases),
        ("treatment.csv", PartnerLayout::Treatment),
    ] {
        let (h, rows) = sample_file(name);
        let found = super::super::detect_layout(&h).unwrap();
        assert_eq!(found.layout, layout, "{name}");
        assert!(found.unused.is_empty(), "{name}");
        let mut m = ColumnMapping::from_reference(layout, &h).unwrap();
        let sample = rows.get(..50).unwrap_or(&rows);
        if let Some(detection) = m.detect_date_format(sample) {
            assert_eq!(detection.format, DateFormat::Iso, "{name}");
        }
        let total = rows.len();
        let p = preview(&m, rows, 5).unwrap();
        assert_eq!(p.rejected_by_reason, vec![], "{name}");
        assert_eq!(p.accepted, total, "{name}");
    }
}

#[test]
fn sample_other_force_extract_needs_a_mapping_and_has_two_bad_rows() {
    let (h, rows) = sample_file("da_extract_other_force_layout.csv");
    assert_eq!(super::super::detect_layout(&h), None);
    let mut m = ColumnMapping::new("Other force DA", PartnerLayout::DomesticAbuse, &h);
    for (name, field) in [
        ("Geog", FieldKey::DaAreaCode),
        ("Recorded On", FieldKey::DaDate),
        ("Occurrence_ID", FieldKey::DaReference),
        ("MARAC", FieldKey::DaReferredToMarac),
        ("DASH Grade", FieldKey::DaRiskLevel),
        ("Victim Gender", FieldKey::DaVictimSex),
        ("Victim Age", FieldKey::DaVictimAgeBand),
        ("Classification", FieldKey::DaCrimeFlag),
        ("Home Office Class", FieldKey::DaOffence),
        ("Repeat (12m)", FieldKey::DaRepeatVictim),
    ] {
        let column = h.iter().position(|c| c == name).unwrap();
        m.set(column, ColumnTarget::Field(field));
    }
    let detection = m.detect_date_format(&rows[..50]).unwrap();
    assert_eq!(detection.format, DateFormat::DayMonthYear);
    assert!(!detection.ambiguous);
    let total = rows.len();
    let p = preview(&m, rows, 10).unwrap();
    assert_eq!((p.accepted, p.rejected), (total - 2, 2));
    let reasons: Vec<&str> = p
        .rejected_by_reason
        .iter()
        .map(|g| g.example.as_str())
        .collect();
    assert_eq!(
        reasons,
        vec![
            "Recorded On \"31/02/2025\" is not a real date",
            "Geog is blank"
        ]
    );
    assert!(p.normalisation.total_for(FieldKey::DaRiskLevel, "High") > 0);
    assert!(p
        .normalisation
        .entries()
        .iter()
        .any(|e| e.raw == "H" && e.normalised == "High"));
}

#[test]
fn preview_refuses_an_invalid_mapping() {
    let (h, rows) = records("A,B\n1,2\n");
    let m = ColumnMapping::new("empty", PartnerLayout::Treatment, &h);
    let problems = preview(&m, rows, 10).unwrap_err();
    assert_eq!(problems.len(), 3);
}
