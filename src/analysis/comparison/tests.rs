//! The comparison on a small hand-made file: four districts from LSOA names (one without a
//! population, one only on the border), one from the lookup, with ties and a peer group.

use super::*;
use crate::analysis::district::DistrictIndex;
use crate::store::cube::{CountCube, LsoaEntry};
use crate::store::districts::DistrictPopulation;
use crate::store::geography::{AreaOfInterest, Ward};
use crate::store::month_counts::Cell;

const BURGLARY: u8 = 3;
const ASB: u8 = 1;

fn lsoa(id: u32, code: &str, name: &str, ward: Option<&str>) -> LsoaEntry {
    LsoaEntry {
        id,
        code: code.into(),
        name: name.into(),
        ward_code: ward.map(String::from),
    }
}

fn pop(name: &str, total: f64) -> DistrictPopulation {
    DistrictPopulation {
        name: name.into(),
        total,
    }
}

/// Leeds (lookup, 2 wards), Bradford, Calderdale, Wakefield (no population), Harrogate
/// (→ North Yorkshire, a border district with 1 incident), in 2024/25.
pub(crate) fn cube() -> CountCube {
    let wards = vec![
        Ward {
            code: "E05000001".into(),
            name: "Leeds North".into(),
            district_code: "E08000035".into(),
            district_name: "Leeds".into(),
        },
        Ward {
            code: "E05000002".into(),
            name: "Leeds South".into(),
            district_code: "E08000035".into(),
            district_name: "Leeds".into(),
        },
    ];
    let lsoas = vec![
        lsoa(1, "E01000001", "Leeds 001A", Some("E05000001")),
        lsoa(2, "E01000002", "Leeds 002A", Some("E05000002")),
        lsoa(3, "E01000003", "Bradford 001A", None),
        lsoa(4, "E01000004", "Calderdale 001A", None),
        lsoa(5, "E01000005", "Wakefield 001A", None),
        lsoa(6, "E01000006", "Harrogate 001A", None),
    ];
    let cell = |crime_type, lsoa, n| Cell {
        crime_type,
        lsoa,
        n,
    };
    // 2024-04 and 2025-01 are in 2024/25; 2023-04 is the year before.
    let months = vec![
        (202304, vec![cell(BURGLARY, 1, 500)]),
        (
            202404,
            vec![
                cell(ASB, 1, 50),
                cell(BURGLARY, 0, 7),
                cell(BURGLARY, 1, 600),
                cell(BURGLARY, 2, 400),
                cell(BURGLARY, 3, 300),
                cell(BURGLARY, 4, 200),
                cell(BURGLARY, 5, 90),
                cell(BURGLARY, 6, 1),
            ],
        ),
        (202501, vec![cell(BURGLARY, 3, 100)]),
    ];
    CountCube {
        months,
        lsoas,
        wards,
        populations: Default::default(),
        district_populations: [
            ("E08000035".to_string(), pop("Leeds", 100_000.0)),
            ("E08000032".to_string(), pop("Bradford", 40_000.0)),
            ("E08000033".to_string(), pop("Calderdale", 20_000.0)),
            ("E06000065".to_string(), pop("North Yorkshire", 600_000.0)),
        ]
        .into_iter()
        .collect(),
        area: AreaOfInterest::default(),
        groups: Vec::new(),
    }
}

pub(crate) fn burglary(
    index: &DistrictIndex,
    peers: &PeerChoice,
    subject: Option<usize>,
) -> Comparison {
    let theme = Theme::CrimeType(BURGLARY);
    let counts = index.year_counts(&cube().months, &theme, FinancialYear(2024));
    compare(index, &counts, &theme, FinancialYear(2024), subject, peers)
}

#[test]
fn districts_come_from_the_lookup_and_from_lsoa_names_with_their_codes() {
    let index = DistrictIndex::build(&cube());
    let names: Vec<(Option<&str>, &str, bool)> = index
        .districts
        .iter()
        .map(|d| (d.code.as_deref(), d.name.as_str(), d.covered))
        .collect();
    assert_eq!(
        names,
        vec![
            (Some("E06000065"), "North Yorkshire", false),
            (Some("E08000032"), "Bradford", true),
            (Some("E08000033"), "Calderdale", true),
            (Some("E08000035"), "Leeds", true),
            (Some("E08000036"), "Wakefield", true),
        ]
    );
    assert_eq!(index.district_of(2), Some(3));
    assert_eq!(index.district_of(0), None);
    // Only Leeds' wards are in the lookup: an area of those wards is inside Leeds.
    assert_eq!(index.subject(&["E05000002".into()]), Some(3));
    assert_eq!(index.subject(&[]), None);
}

#[test]
fn rates_ranks_ties_and_a_district_without_population() {
    let index = DistrictIndex::build(&cube());
    let c = burglary(&index, &PeerChoice::AllDistricts, Some(3));
    let rows: Vec<(&str, i64, Option<f64>, Option<usize>)> = c
        .areas
        .iter()
        .map(|a| (a.name.as_str(), a.count, a.rate_per_1000, a.rank))
        .collect();
    // Bradford 400 / 40,000 and Leeds 1,000 / 100,000 tie at 10 per 1,000: equal rank,
    // listed by code. Calderdale 200 / 20,000 ties too. Wakefield has no population:
    // listed last, unranked. North Yorkshire (1 incident on the border) is not ranked.
    assert_eq!(
        rows,
        vec![
            ("Bradford", 400, Some(10.0), Some(1)),
            ("Calderdale", 200, Some(10.0), Some(1)),
            ("Leeds", 1000, Some(10.0), Some(1)),
            ("North Yorkshire", 1, Some(0.0), None),
            ("Wakefield", 90, None, None),
        ]
    );
    assert_eq!(c.areas[0].of, 3);
    assert_eq!(c.unplaced, 7);
    assert_eq!(c.peer_group.mean_rate_per_1000, Some(10.0));
    assert!(c.areas[..3]
        .iter()
        .all(|a| a.vs_peer_mean == Some(Position::Similar)));
    assert_eq!(c.areas[4].vs_peer_mean, None);
    // Exact Poisson 95 % interval of 1,000 over 100,000 (scipy chi2): 9.39 to 10.63.
    let leeds = c.subject_row().unwrap();
    assert_eq!((leeds.ci95_low, leeds.ci95_high), (Some(9.4), Some(10.6)));
    assert_eq!(
        c.type_rank_phrase().as_deref(),
        Some("1st highest of 3 metropolitan districts")
    );
}

#[test]
fn a_saved_peer_group_sets_the_mean_and_the_peer_ranks() {
    let index = DistrictIndex::build(&cube());
    let peers = PeerChoice::Saved {
        name: "Most similar".into(),
        codes: vec!["E08000035".into(), "E08000032".into(), "E09000001".into()],
    };
    let theme = Theme::AllCrime;
    let counts = index.year_counts(&cube().months, &theme, FinancialYear(2024));
    let c = compare(
        &index,
        &counts,
        &theme,
        FinancialYear(2024),
        Some(3),
        &peers,
    );
    // All crime: Leeds 1,000 + ASB excluded = 1,000 (ASB is not crime), Bradford 400.
    assert_eq!(c.peer_group.mean_rate_per_1000, Some(10.0));
    assert_eq!(c.peer_group.codes_not_in_file, vec!["E09000001"]);
    let calderdale = c.areas.iter().find(|a| a.name == "Calderdale").unwrap();
    assert!(!calderdale.in_peer_group);
    assert_eq!(calderdale.rank_in_peers, None);
    assert_eq!(calderdale.of_peers, 2);
    let leeds = c.subject_row().unwrap();
    assert_eq!((leeds.rank_in_peers, leeds.in_peer_group), (Some(1), true));
    let funnel = c.funnel.as_ref().unwrap();
    assert_eq!(funnel.mean_rate_per_1000, 10.0);
    assert!(funnel.points.iter().all(|p| p.lo95 < 10.0 && p.hi95 > 10.0));
}

#[test]
fn the_same_type_peer_group_and_asb() {
    let index = DistrictIndex::build(&cube());
    let c = burglary(&index, &PeerChoice::SameType, Some(3));
    assert_eq!(c.peer_group.name, "All metropolitan districts in the file");
    assert_eq!(
        c.peer_group.codes,
        vec!["E08000032", "E08000033", "E08000035", "E08000036"]
    );
    let asb = Theme::AntiSocialBehaviour;
    let counts = index.year_counts(&cube().months, &asb, FinancialYear(2024));
    assert_eq!(counts.counts[3], 50);
}

#[test]
fn ordinals() {
    let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111]
        .into_iter()
        .map(ordinal)
        .collect();
    assert_eq!(
        got,
        ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]
    );
}
