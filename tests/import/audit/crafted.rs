//! Crafted inputs that reproduce every attack issue 12 lists, written as the partners'
//! CSV files would be, with the true counts the audit checks against:
//! - a Testshire borough of three wards; the export is filtered to Alpha and Bravo;
//! - domestic abuse: 182 incidents in the area in 2024/25, High risk 12 (6.6%) and Not
//!   assessed 4, under-16 1 and 16–17 3 (182 − 178 = 4), a month with 3 crimes;
//! - council ASB cases: months of 1, 2 and 4 cases, two cases open more than 90 days,
//!   two injunctions;
//! - MARAC and treatment: the Northvale sample's files (exported at threshold 40: "other
//!   agencies" 38 = 119 − 81, repeats 36 from 30.8% × 594, opiate completions 35 from a
//!   3.9% bar of 905, re-presentations suppressed at source).

use std::fmt::Write;
use std::path::{Path, PathBuf};

pub const AREA_WARDS: &str = "E05000001,E05000002";
pub const AREA_NAME: &str = "Alpha and Bravo";
pub const WARD_POPULATION: [(&str, i64); 3] =
    [("Alpha", 12_000), ("Bravo", 8_000), ("Charlie", 9_000)];

/// Months of financial year `start`/`start+1` as `YYYY-MM`.
pub fn months(start: i32) -> Vec<String> {
    (0..12)
        .map(|i| {
            let (y, m) = if i < 9 {
                (start, i + 4)
            } else {
                (start + 1, i - 8)
            };
            format!("{y}-{m:02}")
        })
        .collect()
}

/// "Apr 2024", as the report names a month.
pub fn month_label(month: &str) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (y, m) = month.split_once('-').unwrap();
    format!("{} {y}", NAMES[m.parse::<usize>().unwrap() - 1])
}

/// `counts` expanded into one label per row, then spread over the rows by a fixed
/// permutation so that the splits are not aligned with each other.
fn spread<'a>(counts: &[(&'a str, usize)], stride: usize) -> Vec<&'a str> {
    let flat: Vec<&str> = counts
        .iter()
        .flat_map(|(l, n)| std::iter::repeat_n(*l, *n))
        .collect();
    let n = flat.len();
    let gcd = (1..=stride)
        .rev()
        .find(|d| n.is_multiple_of(*d) && stride.is_multiple_of(*d));
    assert_eq!(gcd, Some(1), "stride {stride} does not permute {n} rows");
    (0..n).map(|i| flat[(i * stride) % n]).collect()
}

pub const DA_MONTH_INCIDENTS: [usize; 12] = [15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 16, 16];
pub const DA_MONTH_CRIMES: [usize; 12] = [3, 10, 10, 10, 10, 10, 10, 10, 10, 9, 9, 9];
pub const DA_SEX: [(&str, usize); 3] = [("Female", 140), ("Male", 40), ("Unknown", 2)];
pub const DA_AGE: [(&str, usize); 8] = [
    ("under 16", 1),
    ("16-17", 3),
    ("18-24", 40),
    ("25-34", 60),
    ("35-44", 45),
    ("45-54", 20),
    ("55-64", 8),
    ("65+", 5),
];
pub const DA_RISK: [(&str, usize); 4] = [
    ("Standard", 100),
    ("Medium", 66),
    ("High", 12),
    ("Not assessed", 4),
];
pub const DA_WARDS: [(&str, usize); 2] = [("Alpha", 120), ("Bravo", 62)];
pub const DA_REPEAT: usize = 50;
pub const DA_MARAC: usize = 10;
pub const DA_PREVIOUS: usize = 170;

pub const ASB_MONTHS: [usize; 12] = [1, 2, 4, 6, 8, 7, 9, 6, 5, 7, 8, 7];
pub const ASB_CATEGORIES: [(&str, usize); 5] = [
    ("Noise", 30),
    ("Neighbour dispute", 20),
    ("Youth nuisance", 15),
    ("Drugs", 3),
    ("Vehicle nuisance", 2),
];
pub const ASB_ACTIONS: [(&str, usize); 5] = [
    ("None", 30),
    ("Warning", 25),
    ("CPW", 10),
    ("CPN", 3),
    ("Injunction", 2),
];
pub const ASB_WARDS: [(&str, usize); 2] = [("Alpha", 45), ("Bravo", 25)];
pub const ASB_REPEAT: usize = 12;
pub const ASB_OPEN_OVER_90: usize = 2;
pub const ASB_PREVIOUS: usize = 60;

fn lsoa_of(ward: &str, i: usize) -> &'static str {
    match ward {
        "Alpha" if i.is_multiple_of(2) => "E01000001",
        "Alpha" => "E01000002",
        "Bravo" => "E01000003",
        _ => "E01000004",
    }
}

fn ward_code(ward: &str) -> &'static str {
    match ward {
        "Alpha" => "E05000001",
        "Bravo" => "E05000002",
        _ => "E05000003",
    }
}

/// The geography, a small police file for two complete years, and the crafted DA and
/// ASB case files.
pub fn write_borough(dir: &Path) -> Vec<PathBuf> {
    let lookup = dir.join("lookup.csv");
    std::fs::write(
        &lookup,
        "LSOA21CD,LSOA21NM,WD24CD,WD24NM,LAD24CD,LAD24NM\n\
         E01000001,Testshire 001A,E05000001,Alpha,E06000001,Testshire\n\
         E01000002,Testshire 001B,E05000001,Alpha,E06000001,Testshire\n\
         E01000003,Testshire 002A,E05000002,Bravo,E06000001,Testshire\n\
         E01000004,Testshire 003A,E05000003,Charlie,E06000001,Testshire\n",
    )
    .unwrap();
    let population = dir.join("population.csv");
    let mut text = String::from("code,name,total\n");
    for (ward, n) in WARD_POPULATION {
        writeln!(text, "{},{ward},{n}", ward_code(ward)).unwrap();
    }
    std::fs::write(&population, text).unwrap();

    let street = dir.join("2023-2025-testshire-street.csv");
    let mut text = String::from("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
    let mut id = 0;
    for month in months(2023).iter().chain(&months(2024)) {
        for lsoa in ["E01000001", "E01000002", "E01000003", "E01000004"] {
            for _ in 0..20 {
                id += 1;
                writeln!(text, "{id:064x},{month},Testshire Police,Testshire Police,0.5,51.3,On or near X,{lsoa},{lsoa},Burglary,Under investigation,").unwrap();
            }
        }
    }
    std::fs::write(&street, text).unwrap();
    vec![lookup, population, street, write_da(dir), write_asb(dir)]
}

fn write_da(dir: &Path) -> PathBuf {
    let path = dir.join("domestic_abuse_incidents.csv");
    let mut text = String::from("Reference,Date,Crime or non-crime,Offence,LSOA code,Victim sex,Victim age band,Repeat victim,Risk level,Referred to MARAC\n");
    let mut n = 0;
    let mut row = |text: &mut String,
                   date: &str,
                   crime: bool,
                   lsoa: &str,
                   sex: &str,
                   age: &str,
                   repeat: bool,
                   risk: &str,
                   marac: bool| {
        n += 1;
        let yn = |b: bool| if b { "Y" } else { "N" };
        let sex = match sex {
            "Female" => "F",
            "Male" => "M",
            _ => "",
        };
        let risk = if risk == "Not assessed" { "" } else { risk };
        writeln!(
            text,
            "DA-{n:05},{date},{},{},{lsoa},{sex},{age},{},{risk},{}",
            if crime { "Crime" } else { "Non-crime" },
            if crime { "Assault" } else { "" },
            yn(repeat),
            yn(marac)
        )
        .unwrap();
    };
    // 2024/25 in the area: every split as the constants say.
    let total: usize = DA_MONTH_INCIDENTS.iter().sum();
    let sex = spread(&DA_SEX, 3);
    let age = spread(&DA_AGE, 11);
    let risk = spread(&DA_RISK, 5);
    let wards = spread(&DA_WARDS, 17);
    let repeat = spread(&[("Y", DA_REPEAT), ("N", total - DA_REPEAT)], 19);
    let marac = spread(&[("Y", DA_MARAC), ("N", total - DA_MARAC)], 23);
    let mut i = 0;
    for (m, month) in months(2024).iter().enumerate() {
        for k in 0..DA_MONTH_INCIDENTS[m] {
            let crime = k < DA_MONTH_CRIMES[m];
            let date = format!("{month}-{:02}", 1 + k % 28);
            row(
                &mut text,
                &date,
                crime,
                lsoa_of(wards[i], i),
                sex[i],
                age[i],
                repeat[i] == "Y",
                risk[i],
                marac[i] == "Y",
            );
            i += 1;
        }
    }
    // 2023/24 in the area, and both years in Charlie (outside the area).
    for (year, in_area) in [(2023, DA_PREVIOUS), (2023, 0), (2024, 0)] {
        let count = if in_area > 0 { in_area } else { 40 };
        for k in 0..count {
            let month = &months(year)[k % 12];
            let ward = if in_area > 0 { "Alpha" } else { "Charlie" };
            row(
                &mut text,
                &format!("{month}-10"),
                k % 2 == 0,
                lsoa_of(ward, k),
                "Female",
                "25-34",
                false,
                "Standard",
                false,
            );
        }
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn write_asb(dir: &Path) -> PathBuf {
    let path = dir.join("asb_cases.csv");
    let mut text = String::from(
        "Case reference,Date opened,Date closed,Category,Ward code,Repeat,Action taken\n",
    );
    let mut n = 0;
    let mut row = |text: &mut String,
                   opened: &str,
                   closed: Option<&str>,
                   category: &str,
                   ward: &str,
                   repeat: bool,
                   action: &str| {
        n += 1;
        writeln!(
            text,
            "ASB/{n:05},{opened},{},{category},{},{},{action}",
            closed.unwrap_or(""),
            ward_code(ward),
            if repeat { "Y" } else { "N" }
        )
        .unwrap();
    };
    let total: usize = ASB_MONTHS.iter().sum();
    let categories = spread(&ASB_CATEGORIES, 3);
    let actions = spread(&ASB_ACTIONS, 9);
    let wards = spread(&ASB_WARDS, 11);
    let repeat = spread(&[("Y", ASB_REPEAT), ("N", total - ASB_REPEAT)], 13);
    let mut i = 0;
    for (m, month) in months(2024).iter().enumerate() {
        for k in 0..ASB_MONTHS[m] {
            let opened = format!("{month}-{:02}", 1 + k);
            // Two cases opened in June are still open at the year's end.
            let still_open = m == 2 && k < ASB_OPEN_OVER_90;
            let closed = format!("{month}-{:02}", 12 + k);
            row(
                &mut text,
                &opened,
                (!still_open).then_some(closed.as_str()),
                categories[i],
                wards[i],
                repeat[i] == "Y",
                actions[i],
            );
            i += 1;
        }
    }
    for k in 0..ASB_PREVIOUS {
        let month = &months(2023)[k % 12];
        row(
            &mut text,
            &format!("{month}-05"),
            Some(&format!("{month}-15")),
            "Noise",
            "Alpha",
            false,
            "None",
        );
    }
    for k in 0..20 {
        let month = &months(2024)[k % 12];
        row(
            &mut text,
            &format!("{month}-05"),
            Some(&format!("{month}-15")),
            "Noise",
            "Charlie",
            false,
            "None",
        );
    }
    row(
        &mut text,
        "2025-04-02",
        Some("2025-04-10"),
        "Noise",
        "Charlie",
        false,
        "None",
    );
    std::fs::write(&path, text).unwrap();
    path
}
