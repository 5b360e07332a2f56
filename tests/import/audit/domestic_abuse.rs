//! The domestic abuse theme of the crafted ward-filtered export, as a reader sees it: the
//! true counts, the structure every reader knows (each breakdown adds up to the
//! incidents, months to the year, crimes and non-crimes to incidents), then every number
//! of the section read from the Word text and tables, the CSVs and the SVG charts.

use super::crafted::*;
use super::outputs::Export;
use super::reading::{breakdown, count_bars, sentence_number, split_truth, summary, tables, wards};
use super::relations::{Knowledge, Mark};

const INCIDENTS: &str = "incidents";
const CRIMES: &str = "crimes";
const HEADING: &str = "Domestic abuse";
/// The monthly chart's series: (colour, variable prefix).
const SERIES: [(&str, &str); 2] = [("#1F5FA8", "all"), ("#DE7800", "crimes")];

fn truth(k: &mut Knowledge) {
    let incidents: usize = DA_MONTH_INCIDENTS.iter().sum();
    let crimes: usize = DA_MONTH_CRIMES.iter().sum();
    k.truth(INCIDENTS, incidents as i64);
    k.truth(CRIMES, crimes as i64);
    k.truth("non-crimes", (incidents - crimes) as i64);
    k.sum(INCIDENTS, &[CRIMES, "non-crimes"], "crimes and non-crimes");
    k.truth("previous", DA_PREVIOUS as i64);
    for (name, n) in [("repeat", DA_REPEAT), ("marac", DA_MARAC)] {
        split_truth(k, INCIDENTS, name, &[("yes", n), ("no", incidents - n)]);
    }
    let mut columns: [Vec<String>; 3] = Default::default();
    for (m, month) in months(2024).iter().enumerate() {
        let label = month_label(month);
        let names = ["all", "crimes", "other"].map(|p| format!("{p} {label}"));
        k.truth(&names[0], DA_MONTH_INCIDENTS[m] as i64);
        k.truth(&names[1], DA_MONTH_CRIMES[m] as i64);
        k.truth(
            &names[2],
            (DA_MONTH_INCIDENTS[m] - DA_MONTH_CRIMES[m]) as i64,
        );
        k.sum(
            &names[0],
            &[&names[1], &names[2]],
            "a month's crimes and non-crimes",
        );
        for (column, name) in columns.iter_mut().zip(names) {
            column.push(name);
        }
    }
    for (whole, column) in [INCIDENTS, CRIMES, "non-crimes"].iter().zip(&columns) {
        let parts: Vec<&str> = column.iter().map(String::as_str).collect();
        k.sum(whole, &parts, "months");
    }
    for (prefix, split) in [
        ("sex", &DA_SEX[..]),
        ("age", &DA_AGE[..]),
        ("risk", &DA_RISK[..]),
        ("ward", &DA_WARDS[..]),
    ] {
        split_truth(k, INCIDENTS, prefix, split);
    }
}

/// What the export tells a reader about domestic abuse.
pub fn read(export: &Export, threshold: i64) -> Knowledge {
    let mut k = Knowledge::new(threshold);
    truth(&mut k);
    let mut s = summary(export, HEADING, "police recorded");
    sentence_number(
        &mut k,
        INCIDENTS,
        INCIDENTS,
        s.before(" domestic abuse incidents"),
    );
    sentence_number(&mut k, CRIMES, INCIDENTS, s.before(" of them crimes"));
    if let Some((from, to)) = s.change() {
        k.exact("previous", from, "the change sentence");
        k.exact(INCIDENTS, to, "the change sentence");
    }
    for (var, phrase) in [
        ("repeat:yes", " of incidents involved a repeat victim"),
        ("risk:High", " were assessed high risk"),
        ("marac:yes", " were referred to MARAC"),
        ("sex:Female", " of victims were female"),
    ] {
        sentence_number(&mut k, var, INCIDENTS, s.before(phrase));
    }
    s.assert_all_read();

    let slugs = [
        ("domestic_abuse_victim_sex", "by sex"),
        ("domestic_abuse_victim_age", "by age band"),
        ("domestic_abuse_risk", "risk level"),
        ("domestic_abuse_top_wards", "top wards"),
    ];
    for (caption, rows, source) in tables(export, HEADING, &slugs) {
        let prefix = match caption {
            c if c.contains("by sex") => "sex",
            c if c.contains("by age band") => "age",
            c if c.contains("risk level") => "risk",
            c if c.contains("top wards") => {
                wards(&mut k, rows, "ward", INCIDENTS, &WARD_POPULATION, source);
                continue;
            }
            other => panic!("a domestic abuse table the audit cannot read: {other}"),
        };
        breakdown(&mut k, rows, prefix, INCIDENTS, source);
    }

    // Charts: the yearly bars and the monthly lines.
    let years = &export.svg["domestic-abuse-incidents-by-financial-year"];
    count_bars(&mut k, years, &["previous", INCIDENTS], "yearly chart");
    let months: Vec<String> = months(2024).iter().map(|m| month_label(m)).collect();
    let chart = &export.svg["domestic-abuse-by-month"];
    for (colour, prefix) in SERIES {
        for (label, drawn) in months.iter().zip(chart.drawn(&months, colour)) {
            let var = format!("{prefix} {label}");
            // A point on a line is read as if exactly (more than its pixels tell).
            if drawn {
                let n = k.value(&var);
                k.exact(&var, n, "monthly chart");
            } else {
                k.hidden(&var, Mark::Withheld);
            }
        }
    }
    k
}
