//! The MARAC theme of the Northvale sample exported at threshold 40, as a reader sees it:
//! the quarters' cases, repeats and referrals from the table and the chart, the year's
//! cases, repeat rate and police share of referrals from the text; a reader may assume
//! that police and other-agency referrals add up to the cases discussed, as they do here.

use super::outputs::Export;
use super::reading::{count, count_bars, share, summary, tables, Token};
use super::relations::Knowledge;
use std::path::Path;

const HEADING: &str = "MARAC (high-risk domestic abuse)";
const MEASURES: [&str; 4] = ["cases", "repeats", "police", "other"];

/// The true quarterly counts of `fy` ("2024/25") from the sample file.
fn truth(k: &mut Knowledge, file: &Path, fy: &str) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let mut quarters = Vec::new();
    let mut totals = [0i64; 4];
    for line in text.lines().skip(1).filter(|l| l.starts_with(fy)) {
        let cells: Vec<&str> = line.split(',').collect();
        let quarter = cells[0].to_string();
        let values = [cells[1], cells[2], cells[4], cells[5]].map(|v| v.parse::<i64>().unwrap());
        for (i, (m, v)) in MEASURES.iter().zip(values).enumerate() {
            k.truth(&format!("{m} {quarter}"), v);
            totals[i] += v;
        }
        k.truth(&format!("first-time {quarter}"), values[0] - values[1]);
        let q = |m: &str| format!("{m} {quarter}");
        k.sum(
            &q("cases"),
            &[&q("repeats"), &q("first-time")],
            "repeat or not",
        );
        k.sum(
            &q("cases"),
            &[&q("police"), &q("other")],
            "referrals add up to cases",
        );
        quarters.push(quarter);
    }
    for (m, total) in MEASURES.iter().zip(totals) {
        k.truth(m, total);
        let parts: Vec<String> = quarters.iter().map(|q| format!("{m} {q}")).collect();
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        k.sum(m, &refs, "quarters");
    }
    k.truth("first-time", totals[0] - totals[1]);
    k.sum("cases", &["repeats", "first-time"], "repeat or not");
    k.sum("cases", &["police", "other"], "referrals add up to cases");
    let previous: i64 = text
        .lines()
        .filter(|l| l.starts_with(&format!("{}/", fy[..4].parse::<i32>().unwrap() - 1)))
        .map(|l| l.split(',').nth(1).unwrap().parse::<i64>().unwrap())
        .sum();
    k.truth("previous", previous);
    quarters
}

pub fn read(export: &Export, threshold: i64, file: &Path) -> Knowledge {
    let mut k = Knowledge::new(threshold);
    let quarters = truth(&mut k, file, "2024/25");
    let mut s = summary(export, HEADING, "the MARAC");
    let source = "the summary paragraph";
    if let Some(Token::Exact(n)) = s.before(" cases over") {
        k.exact("cases", n, source);
    }
    let _quarters_held = s.before(" quarters");
    if let Some((from, to)) = s.change() {
        k.exact("previous", from, source);
        k.exact("cases", to, source);
    }
    if let Some(Token::Tenths(t)) = s.before(" were repeat cases") {
        k.percent(&["repeats"], &["cases"], t, source);
    }
    let _benchmark = s.after("benchmark of about ");
    if let Some(Token::Tenths(t)) = s.before(" of referrals came from the police") {
        k.percent(&["police"], &["police", "other"], t, source);
    }
    s.assert_all_read();

    let slugs = [("marac_by_quarter", "")];
    for (_, rows, source) in tables(export, HEADING, &slugs) {
        for row in rows.iter().skip(1) {
            let q = |m: &str| format!("{m} {}", row[0]);
            count(&mut k, &q("cases"), &row[1], source);
            count(&mut k, &q("repeats"), &row[2], source);
            share(&mut k, &q("repeats"), &q("cases"), &row[3], source);
            count(&mut k, &q("police"), &row[4], source);
            count(&mut k, &q("other"), &row[5], source);
        }
    }
    let vars: Vec<String> = quarters.iter().map(|q| format!("cases {q}")).collect();
    let refs: Vec<&str> = vars.iter().map(String::as_str).collect();
    count_bars(
        &mut k,
        &export.svg["marac-cases-by-quarter"],
        &refs,
        "quarterly chart",
    );
    k
}
