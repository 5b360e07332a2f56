//! The council ASB cases theme of the crafted ward-filtered export, as a reader sees it:
//! cases opened split by month, category, action and ward, repeats, and the cases open
//! more than 90 days, read from the text, the tables and the monthly chart.

use super::crafted::*;
use super::outputs::Export;
use super::reading::{breakdown, count_bars, wards, Sentence, Token};
use super::relations::{Knowledge, Mark};

const OPENED: &str = "opened";

fn truth(k: &mut Knowledge) {
    let opened: usize = ASB_MONTHS.iter().sum();
    k.truth(OPENED, opened as i64);
    k.truth("previous", ASB_PREVIOUS as i64);
    k.truth("repeat", ASB_REPEAT as i64);
    k.truth("not repeat", (opened - ASB_REPEAT) as i64);
    k.sum(OPENED, &["repeat", "not repeat"], "repeat or not");
    k.truth("open over 90 days", ASB_OPEN_OVER_90 as i64);
    let months: Vec<String> = months(2024)
        .iter()
        .map(|m| format!("month:{}", month_label(m)))
        .collect();
    for (name, n) in months.iter().zip(ASB_MONTHS) {
        k.truth(name, n as i64);
    }
    k.sum(OPENED, &refs(&months), "months");
    for (prefix, split) in [
        ("category", &ASB_CATEGORIES[..]),
        ("action", &ASB_ACTIONS[..]),
        ("ward", &ASB_WARDS[..]),
    ] {
        let names: Vec<String> = split.iter().map(|(l, _)| format!("{prefix}:{l}")).collect();
        for (name, (_, n)) in names.iter().zip(split) {
            k.truth(name, *n as i64);
        }
        k.sum(OPENED, &refs(&names), prefix);
    }
}

pub fn read(export: &Export, threshold: i64) -> Knowledge {
    let mut k = Knowledge::new(threshold);
    truth(&mut k);
    let section = export.section("Council ASB cases");
    let summary = section
        .paragraphs
        .iter()
        .find(|p| p.contains("the council opened"))
        .expect("a summary paragraph");
    let mut s = Sentence::new(summary);
    let source = "the summary paragraph";
    let read = |k: &mut Knowledge, var: &str, t: Option<Token>| match t {
        Some(Token::Exact(n)) => k.exact(var, n, source),
        Some(Token::Small) => k.hidden(var, Mark::Small),
        Some(Token::Tenths(t)) => k.percent(&[var], &[OPENED], t, source),
        Some(other) => panic!("{var}: {other:?}"),
        None => {}
    };
    read(&mut k, OPENED, s.before(" ASB cases in"));
    if let Some((from, to)) = s.change() {
        k.exact("previous", from, source);
        k.exact(OPENED, to, source);
    }
    read(&mut k, "repeat", s.before(" were repeat cases"));
    read(
        &mut k,
        "open over 90 days",
        s.before(" cases had been open for"),
    );
    // Police-recorded ASB is public police.uk data, not this theme.
    let _police = s.after("Police recorded ");
    s.assert_all_read();

    let mut tables: Vec<(&str, &[Vec<String>], &str)> = section
        .tables
        .iter()
        .map(|(c, rows)| (c.as_str(), rows.as_slice(), "the Word table"))
        .collect();
    for (slug, caption) in [
        ("asb_cases_by_category", "by category"),
        ("asb_cases_by_action", "Actions taken"),
        ("asb_cases_top_wards", "top wards"),
    ] {
        tables.push((caption, export.csv[slug].as_slice(), slug));
    }
    for (caption, rows, source) in tables {
        if caption.contains("by category") {
            breakdown(&mut k, rows, "category", OPENED, source);
        } else if caption.contains("Actions taken") {
            breakdown(&mut k, rows, "action", OPENED, source);
        } else if caption.contains("top wards") {
            wards(&mut k, rows, "ward", OPENED, &WARD_POPULATION, source);
        } else {
            panic!("an ASB case table the audit cannot read: {caption}");
        }
    }
    let months: Vec<String> = months(2024)
        .iter()
        .map(|m| format!("month:{}", month_label(m)))
        .collect();
    let vars: Vec<&str> = months.iter().map(String::as_str).collect();
    count_bars(
        &mut k,
        &export.svg["council-asb-cases-opened-by-month"],
        &vars,
        "monthly chart",
    );
    k
}

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}
