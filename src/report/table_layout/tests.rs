//! Column widths measured with the document font: the tables that broke words in the
//! sample's export (issue 12: "Completio/n rate", "31,14/8") keep every word and number
//! whole; a table too wide for the page shrinks its text before anything breaks.

use super::*;

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// Every header, body and total cell fits its column without breaking a word.
fn assert_no_word_breaks(header: &[String], rows: &[Vec<String>], total_row: bool) -> ColumnPlan {
    let plan = plan_columns(header, rows, total_row, PAGE_TEXT_WIDTH_PT);
    assert!(!plan.breaks_at_punctuation);
    let total: f64 = plan.widths_pt.iter().sum();
    assert!((total - PAGE_TEXT_WIDTH_PT).abs() < 0.01, "{total}");
    for (c, text, weight) in cells(header, rows, total_row) {
        assert!(
            fits_unbroken(text, plan.widths_pt[c], plan.text_pt, weight),
            "\"{text}\" breaks in a column {:.1} pt wide at {} pt",
            plan.widths_pt[c],
            plan.text_pt
        );
    }
    plan
}

#[test]
fn treatment_headers_and_numbers_stay_whole_issue_12() {
    let header = strings(&[
        "Substance group",
        "In treatment",
        "New presentations",
        "Successful completions",
        "Completion rate",
        "Change on last year (points)",
        "Re-presentations within 6 months",
    ]);
    let rows = vec![
        strings(&["Opiate", "905", "205", "35", "3.9%", "−0.6", "<5"]),
        strings(&[
            "Non-opiate and alcohol",
            "325",
            "190",
            "85",
            "26.2%",
            "−2.4",
            "5",
        ]),
        strings(&[
            "All substances",
            "2,545",
            "1,130",
            "595",
            "23.4%",
            "+2.6",
            "15",
        ]),
    ];
    let plan = assert_no_word_breaks(&header, &rows, true);
    assert_eq!(plan.text_pt, TABLE_TEXT_PT);
    // "Completion" in bold at 9.5 pt is wider than the 7-character guess gave it.
    assert!(plan.widths_pt[4] >= text_width_pt("Completion", 9.5, Weight::Bold) + CELL_PADDING_PT);
}

#[test]
fn file_names_periods_and_five_digit_counts_stay_whole_issue_12() {
    let header = strings(&[
        "File",
        "Kind",
        "Period",
        "Rows accepted",
        "Rows rejected",
        "Rows in use",
    ]);
    let rows = vec![
        strings(&[
            "2019-04/2019-04-northvale-street.csv",
            "Police street crime",
            "2019-04",
            "2,499",
            "0",
            "2,499",
        ]),
        strings(&[
            "domestic_abuse_incidents.csv",
            "Domestic abuse",
            "2019-04 to 2025-09",
            "31,148",
            "0",
            "31,148",
        ]),
    ];
    let plan = assert_no_word_breaks(&header, &rows, false);
    assert!(plan.text_pt <= TABLE_TEXT_PT);
}

#[test]
fn a_table_too_wide_for_the_page_shrinks_before_breaking_at_punctuation() {
    let header = strings(&["A", "B", "C"]);
    let long = "a-very-long-file-name-without-any-spaces-in-it-at-all.csv";
    let rows = vec![strings(&[long, long, long])];
    let plan = plan_columns(&header, &rows, false, PAGE_TEXT_WIDTH_PT);
    assert_eq!(plan.text_pt, SMALLEST_TEXT_PT);
    assert!(plan.breaks_at_punctuation);
    // Wider than its two-word header but narrower than the page: shrinks a little only.
    let wide = vec![strings(&[
        "Northvale Central and Castle Hill North",
        "12,345,678",
        "12,345,678",
    ])];
    let header = strings(&["Ward", "Incidents in the year", "Incidents the year before"]);
    let plan = assert_no_word_breaks(&header, &wide, false);
    assert_eq!(plan.text_pt, TABLE_TEXT_PT);
}

#[test]
fn short_tables_keep_whole_and_long_tables_keep_their_last_rows() {
    // Ten rows: every row but the last keeps with the next.
    assert!((0..9).all(|r| keep_with_next(r, 10)));
    assert!(!keep_with_next(9, 10));
    // Forty rows: only the last three stay together (a total row never stands alone).
    let kept: Vec<usize> = (0..40).filter(|r| keep_with_next(*r, 40)).collect();
    assert_eq!(kept, vec![37, 38]);
}
