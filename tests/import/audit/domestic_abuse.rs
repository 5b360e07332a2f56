//! The domestic abuse theme of the crafted ward-filtered export, as a reader sees it: the
//! true counts, the structure every reader knows (each breakdown adds up to the
//! incidents, months to the year, crimes and non-crimes to incidents), then every number
//! of the section read from the Word text and tables, the CSVs and the SVG charts.

use super::crafted::*;
use super::outputs::Export;
use super::reading::{breakdown, count_bars, wards, Sentence, Token};
use super::relations::{Knowledge, Mark};

const INCIDENTS: &str = "incidents";
const CRIMES: &str = "crimes";

fn truth(k: &mut Knowledge) {
    let incidents: usize = DA_MONTH_INCIDENTS.iter().sum();
    let crimes: usize = DA_MONTH_CRIMES.iter().sum();
    k.truth(INCIDENTS, incidents as i64);
    k.truth(CRIMES, crimes as i64);
    k.truth("non-crimes", (incidents - crimes) as i64);
    k.sum(INCIDENTS, &[CRIMES, "non-crimes"], "crimes and non-crimes");
    k.truth("previous", DA_PREVIOUS as i64);
    for (name, n) in [("repeat", DA_REPEAT), ("marac", DA_MARAC)] {
        k.truth(name, n as i64);
        k.truth(&format!("not {name}"), (incidents - n) as i64);
        k.sum(INCIDENTS, &[name, &format!("not {name}")], "yes and no");
    }
    let mut all = Vec::new();
    let mut crime = Vec::new();
    let mut other = Vec::new();
    for (m, month) in months(2024).iter().enumerate() {
        let label = month_label(month);
        let (a, c, o) = (
            format!("all {label}"),
            format!("crimes {label}"),
            format!("other {label}"),
        );
        k.truth(&a, DA_MONTH_INCIDENTS[m] as i64);
        k.truth(&c, DA_MONTH_CRIMES[m] as i64);
        k.truth(&o, (DA_MONTH_INCIDENTS[m] - DA_MONTH_CRIMES[m]) as i64);
        k.sum(&a, &[&c, &o], "a month's crimes and non-crimes");
        all.push(a);
        crime.push(c);
        other.push(o);
    }
    k.sum(INCIDENTS, &refs(&all), "months");
    k.sum(CRIMES, &refs(&crime), "months");
    k.sum("non-crimes", &refs(&other), "months");
    for (prefix, split) in [
        ("sex", &DA_SEX[..]),
        ("age", &DA_AGE[..]),
        ("risk", &DA_RISK[..]),
        ("ward", &DA_WARDS[..]),
    ] {
        let names: Vec<String> = split.iter().map(|(l, _)| format!("{prefix}:{l}")).collect();
        for (name, (_, n)) in names.iter().zip(split) {
            k.truth(name, *n as i64);
        }
        k.sum(INCIDENTS, &refs(&names), prefix);
    }
}

/// What the export tells a reader about domestic abuse.
pub fn read(export: &Export, threshold: i64) -> Knowledge {
    let mut k = Knowledge::new(threshold);
    truth(&mut k);
    let section = export.section("Domestic abuse");
    let summary = section
        .paragraphs
        .iter()
        .find(|p| p.contains("police recorded"))
        .expect("a summary paragraph");
    let mut s = Sentence::new(summary);
    let source = "the summary paragraph";
    let read = |k: &mut Knowledge, var: &str, t: Option<Token>| match t {
        Some(Token::Exact(n)) => k.exact(var, n, source),
        Some(Token::Small) => k.hidden(var, Mark::Small),
        Some(other) => panic!("{var}: {other:?}"),
        None => {}
    };
    read(&mut k, INCIDENTS, s.before(" domestic abuse incidents"));
    read(&mut k, CRIMES, s.before(" of them crimes"));
    if let Some((from, to)) = s.change() {
        k.exact("previous", from, source);
        k.exact(INCIDENTS, to, source);
    }
    for (var, phrase) in [
        ("repeat", " of incidents involved a repeat victim"),
        ("risk:High", " were assessed high risk"),
        ("sex:Female", " of victims were female"),
    ] {
        match s.before(phrase) {
            Some(Token::Tenths(t)) => k.percent(&[var], &[INCIDENTS], t, source),
            other => read(&mut k, var, other),
        }
    }
    read(&mut k, "marac", s.before(" were referred to MARAC"));
    s.assert_all_read();

    // Tables: the Word document's and the CSVs.
    for (caption, rows) in &section.tables {
        read_table(&mut k, caption, rows, "the Word table");
    }
    for (slug, caption) in [
        ("domestic_abuse_victim_sex", "by sex"),
        ("domestic_abuse_victim_age", "by age band"),
        ("domestic_abuse_risk", "risk level"),
        ("domestic_abuse_top_wards", "top wards"),
    ] {
        read_table(&mut k, caption, &export.csv[slug], slug);
    }

    // Charts: the yearly bars and the monthly lines.
    let years = &export.svg["domestic-abuse-incidents-by-financial-year"];
    count_bars(&mut k, years, &["previous", INCIDENTS], "yearly chart");
    let months: Vec<String> = months(2024).iter().map(|m| month_label(m)).collect();
    let chart = &export.svg["domestic-abuse-by-month"];
    for (colour, prefix) in [("#1F5FA8", "all"), ("#DE7800", "crimes")] {
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

fn read_table(k: &mut Knowledge, caption: &str, rows: &[Vec<String>], source: &str) {
    let population: Vec<(&str, i64)> = WARD_POPULATION.to_vec();
    if caption.contains("by sex") {
        breakdown(k, rows, "sex", INCIDENTS, source);
    } else if caption.contains("by age band") {
        breakdown(k, rows, "age", INCIDENTS, source);
    } else if caption.contains("risk level") {
        breakdown(k, rows, "risk", INCIDENTS, source);
    } else if caption.contains("top wards") {
        wards(k, rows, "ward", INCIDENTS, &population, source);
    } else {
        panic!("a domestic abuse table the audit cannot read: {caption}");
    }
}

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}
