//! The treatment theme of the Northvale sample exported at threshold 40, as a reader sees
//! it. The counts a reader can know are the parts the partner's file gives (a cell it
//! suppressed is unknown to everyone), so the audit's variables are those known parts: a
//! "≥n" reads the known part as n. Each measure's groups add up to "All substances";
//! completions never exceed people in treatment.

use super::outputs::Export;
use super::reading::{count, percent_bars, share, summary, tables, Token};
use super::relations::Knowledge;
use std::path::Path;

pub const GROUPS: [&str; 4] = [
    "Opiate",
    "Non-opiate only",
    "Non-opiate and alcohol",
    "Alcohol only",
];
const MEASURES: [&str; 4] = ["in treatment", "new", "completions", "re-presentations"];
const HEADING: &str = "Drug and alcohol treatment";
const TOTAL: &str = "All substances";

/// Known parts of 2024/25 by group: in treatment = first quarter's + later new
/// presentations; the others summed; a suppressed cell adds nothing.
fn truth(k: &mut Knowledge, file: &Path) {
    let text = std::fs::read_to_string(file).unwrap();
    let mut totals = [0i64; 4];
    for group in GROUPS {
        let rows: Vec<Vec<i64>> = text
            .lines()
            .filter(|l| l.starts_with("2024/25") && l.split(',').nth(1) == Some(group))
            .map(|l| {
                l.split(',')
                    .skip(2)
                    .map(|v| v.parse().unwrap_or(0))
                    .collect()
            })
            .collect();
        let in_treatment = rows[0][0] + rows.iter().skip(1).map(|r| r[1]).sum::<i64>();
        let sum = |i: usize| rows.iter().map(|r| r[i]).sum::<i64>();
        let values = [in_treatment, sum(1), sum(2), sum(3)];
        for (i, (m, v)) in MEASURES.iter().zip(values).enumerate() {
            k.truth(&format!("{group}: {m}"), v);
            totals[i] += v;
        }
        k.at_most(
            &format!("{group}: completions"),
            &format!("{group}: in treatment"),
        );
    }
    for (m, total) in MEASURES.iter().zip(totals) {
        let whole = format!("{TOTAL}: {m}");
        k.truth(&whole, total);
        let parts: Vec<String> = GROUPS.iter().map(|g| format!("{g}: {m}")).collect();
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        k.sum(&whole, &refs, "substance groups");
    }
}

pub fn read(export: &Export, threshold: i64, file: &Path) -> Knowledge {
    let mut k = Knowledge::new(threshold);
    truth(&mut k, file);
    let mut s = summary(export, HEADING, "were in drug or alcohol treatment");
    let source = "the summary paragraph";
    let v = |m: &str| format!("{TOTAL}: {m}");
    for (m, phrase) in [
        ("in treatment", " people were in drug or alcohol treatment"),
        ("new", " new presentations"),
        ("completions", " successful completions"),
    ] {
        match s.before(phrase) {
            Some(Token::Exact(n) | Token::AtLeast(n)) => k.exact(&v(m), n, source),
            Some(other) => panic!("{m}: {other:?}"),
            None => {}
        }
    }
    if let Some(Token::Tenths(t)) = s.before(" of those in treatment completed") {
        k.percent(&[&v("completions")], &[&v("in treatment")], t, source);
    }
    for phrase in [" clients completed least often (", " clients most often ("] {
        if let Some(at) = s.text.find(phrase) {
            let group = GROUPS
                .iter()
                .find(|g| s.text[..at].ends_with(*g))
                .expect("a substance group");
            let g = |m: &str| format!("{group}: {m}");
            if let Some(Token::Tenths(t)) = s.after(phrase) {
                k.percent(&[&g("completions")], &[&g("in treatment")], t, source);
            }
        }
    }
    s.assert_all_read();

    let slugs = [("treatment_by_substance", "")];
    for (_, rows, source) in tables(export, HEADING, &slugs) {
        for row in rows.iter().skip(1) {
            let g = |m: &str| format!("{}: {m}", row[0]);
            count(&mut k, &g("in treatment"), &row[1], source);
            count(&mut k, &g("new"), &row[2], source);
            count(&mut k, &g("completions"), &row[3], source);
            share(
                &mut k,
                &g("completions"),
                &g("in treatment"),
                &row[4],
                source,
            );
            // Column 5, the change in points, rests on last year's counts, which the
            // export publishes nowhere else: it tells nothing about this year's.
            count(&mut k, &g("re-presentations"), &row[6], source);
        }
    }
    let parts: Vec<(String, String)> = GROUPS
        .iter()
        .map(|g| (format!("{g}: completions"), format!("{g}: in treatment")))
        .collect();
    let pairs: Vec<(&str, &str)> = parts
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    percent_bars(
        &mut k,
        &export.svg["successful-completions-by-substance-group"],
        &pairs,
        "completion chart",
    );
    k
}
