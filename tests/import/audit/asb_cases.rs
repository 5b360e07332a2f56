//! The council ASB cases theme of the crafted ward-filtered export, as a reader sees it:
//! cases opened split by month, category, action and ward, repeats, and the cases open
//! more than 90 days, read from the text, the tables and the monthly chart.

use super::crafted::*;
use super::outputs::Export;
use super::reading::{breakdown, count_bars, sentence_number, split_truth, summary, tables, wards};
use super::relations::Knowledge;

const OPENED: &str = "opened";
const HEADING: &str = "Council ASB cases";

fn month_vars() -> Vec<String> {
    months(2024)
        .iter()
        .map(|m| format!("month:{}", month_label(m)))
        .collect()
}

fn truth(k: &mut Knowledge) {
    let opened: usize = ASB_MONTHS.iter().sum();
    k.truth(OPENED, opened as i64);
    k.truth("previous", ASB_PREVIOUS as i64);
    k.truth("open over 90 days", ASB_OPEN_OVER_90 as i64);
    split_truth(
        k,
        OPENED,
        "repeat",
        &[("yes", ASB_REPEAT), ("no", opened - ASB_REPEAT)],
    );
    let labels: Vec<String> = months(2024).iter().map(|m| month_label(m)).collect();
    let months: Vec<(&str, usize)> = labels.iter().map(String::as_str).zip(ASB_MONTHS).collect();
    split_truth(k, OPENED, "month", &months);
    split_truth(k, OPENED, "category", &ASB_CATEGORIES);
    split_truth(k, OPENED, "action", &ASB_ACTIONS);
    split_truth(k, OPENED, "ward", &ASB_WARDS);
}

pub fn read(export: &Export, threshold: i64) -> Knowledge {
    let mut k = Knowledge::new(threshold);
    truth(&mut k);
    let mut s = summary(export, HEADING, "the council opened");
    sentence_number(&mut k, OPENED, OPENED, s.before(" ASB cases in"));
    if let Some((from, to)) = s.change() {
        k.exact("previous", from, "the change sentence");
        k.exact(OPENED, to, "the change sentence");
    }
    sentence_number(&mut k, "repeat:yes", OPENED, s.before(" were repeat cases"));
    sentence_number(
        &mut k,
        "open over 90 days",
        OPENED,
        s.before(" cases had been open for"),
    );
    // Police-recorded ASB is public police.uk data, not this theme.
    let _police = s.after("Police recorded ");
    s.assert_all_read();

    let slugs = [
        ("asb_cases_by_category", "by category"),
        ("asb_cases_by_action", "Actions taken"),
        ("asb_cases_top_wards", "top wards"),
    ];
    for (caption, rows, source) in tables(export, HEADING, &slugs) {
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
    let months = month_vars();
    let vars: Vec<&str> = months.iter().map(String::as_str).collect();
    count_bars(
        &mut k,
        &export.svg["council-asb-cases-opened-by-month"],
        &vars,
        "monthly chart",
    );
    k
}
