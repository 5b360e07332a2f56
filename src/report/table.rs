//! A table of the report as data (counts, shares, rates, text) and its published form
//! after disclosure control: the same cells as document text ("1,234", "27.3%") and as CSV
//! values (1234, 27.3) — so the CSV matches `stats --json` — with small counts of
//! sensitive tables shown as "<5" and the shares and rates of their rows withheld.

use super::disclosure::{suppress, CountMatrix, Shown};
use super::format::thousands;
use super::numbers;

/// One cell before publication.
#[derive(Debug, Clone, PartialEq)]
pub enum TableCell {
    Text(String),
    /// A count: subject to disclosure control in sensitive tables.
    Count(i64),
    /// A share in percent (1 decimal), derived from the row's count.
    Percent(Option<f64>),
    /// A rate per 1,000 (1 decimal), derived from the row's count.
    Rate(Option<f64>),
    /// A whole number never suppressed: a rank, a score, a year's total already published
    /// elsewhere, a file's row count.
    Whole(Option<i64>),
    /// A signed change (count) — shown with its sign.
    Change(Option<i64>),
    /// Any other number with one decimal (scores, averages).
    Decimal(Option<f64>),
    /// A count (or a share or rate of one) of a sensitive theme as its disclosure plan
    /// decided it: published, a lower bound, or hidden. Table-by-table suppression leaves
    /// it alone: the plan has already taken every output of the export into account.
    Planned(Shown),
    /// A change in percent (or percentage points), one decimal, shown with its sign.
    ChangePercent(Option<f64>),
}

/// A table of the report.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportTable {
    /// File name stem of its CSV: `overall_crime_by_type`.
    pub slug: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<TableCell>>,
    /// The last row is the total of the rows above it.
    pub total_row: bool,
    /// Domestic abuse, MARAC, treatment, or ward/LSOA-level: small counts are suppressed.
    pub sensitive: bool,
    /// The rows' counts add up to a total published elsewhere (e.g. every ward of the
    /// area is listed and the theme's total is in the headline table), so disclosure
    /// control treats that total as if it were the table's own total row.
    pub total_published_elsewhere: bool,
}

/// A table as an export may show it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PublishedTable {
    pub slug: String,
    pub title: String,
    pub columns: Vec<String>,
    /// Document text: "1,234", "27.3%", "<5".
    pub display: Vec<Vec<String>>,
    /// CSV values: "1234", "27.3", "<5", "" for unknown.
    pub values: Vec<Vec<String>>,
    /// Right-aligned (numeric) columns.
    pub numeric: Vec<bool>,
    pub total_row: bool,
    /// Entries hidden: small counts, their protecting partners, and the shares and rates
    /// of rows with a hidden count.
    pub suppressed: usize,
}

pub use super::disclosure::WITHHELD;

pub fn publish(table: &ReportTable, threshold: i64) -> PublishedTable {
    let count_columns: Vec<usize> = (0..table.columns.len())
        .filter(|c| {
            table
                .rows
                .iter()
                .any(|r| matches!(r.get(*c), Some(TableCell::Count(_))))
        })
        .collect();
    let body_rows = if table.total_row {
        table.rows.len().saturating_sub(1)
    } else {
        table.rows.len()
    };
    // Disclosure control over the count columns of the body (the total row is the
    // column totals).
    let hidden: Vec<Vec<Shown>> = if table.sensitive && !count_columns.is_empty() {
        let matrix = CountMatrix {
            cells: table
                .rows
                .iter()
                .take(body_rows)
                .map(|r| {
                    count_columns
                        .iter()
                        .map(|c| match r.get(*c) {
                            Some(TableCell::Count(n)) => *n,
                            _ => 0,
                        })
                        .collect()
                })
                .collect(),
            row_totals: false,
            column_totals: table.total_row || table.total_published_elsewhere,
        };
        let result = suppress(&matrix, threshold);
        let mut hidden: Vec<Vec<Shown>> = result.cells.clone();
        if table.total_row {
            hidden.push(result.column_totals.clone());
        }
        // A total published elsewhere cannot be hidden here: if disclosure control needed
        // it hidden, hide every count of the table instead.
        if table.total_published_elsewhere
            && !table.total_row
            && result.column_totals.iter().any(|s| s.is_suppressed())
        {
            hidden.iter_mut().for_each(|row| {
                row.iter_mut()
                    .filter(|h| !h.is_suppressed())
                    .for_each(|h| *h = Shown::Withheld)
            });
        }
        hidden
    } else {
        Vec::new()
    };
    let shown_as = |r: usize, c: usize| -> Option<Shown> {
        count_columns
            .iter()
            .position(|cc| *cc == c)
            .and_then(|i| hidden.get(r).and_then(|row| row.get(i)))
            .copied()
    };
    let is_hidden = |r: usize, c: usize| shown_as(r, c).is_some_and(Shown::is_suppressed);
    let row_has_hidden = |r: usize| count_columns.iter().any(|c| is_hidden(r, *c));
    let mut suppressed = 0;
    let mut display = Vec::with_capacity(table.rows.len());
    let mut values = Vec::with_capacity(table.rows.len());
    for (r, row) in table.rows.iter().enumerate() {
        let mut shown_row = Vec::with_capacity(row.len());
        let mut value_row = Vec::with_capacity(row.len());
        for (c, cell) in row.iter().enumerate() {
            let (shown, value) = match cell {
                TableCell::Planned(planned) if planned.is_suppressed() => {
                    suppressed += 1;
                    render(cell, threshold)
                }
                TableCell::Count(_) if is_hidden(r, c) => {
                    suppressed += 1;
                    let text = shown_as(r, c)
                        .unwrap_or(Shown::Withheld)
                        .text(threshold, thousands);
                    (text.clone(), text)
                }
                // Shares, rates and changes of a row with a hidden count would give it away.
                TableCell::Percent(Some(_))
                | TableCell::Rate(Some(_))
                | TableCell::Change(Some(_))
                | TableCell::ChangePercent(Some(_))
                    if table.sensitive && row_has_hidden(r) =>
                {
                    suppressed += 1;
                    (WITHHELD.to_string(), WITHHELD.to_string())
                }
                other => render(other, threshold),
            };
            shown_row.push(shown);
            value_row.push(value);
        }
        display.push(shown_row);
        values.push(value_row);
    }
    let numeric = (0..table.columns.len())
        .map(|c| {
            table.rows.iter().any(|r| {
                r.get(c)
                    .is_some_and(|cell| !matches!(cell, TableCell::Text(_)))
            })
        })
        .collect();
    PublishedTable {
        slug: table.slug.clone(),
        title: table.title.clone(),
        columns: table.columns.clone(),
        display,
        values,
        numeric,
        total_row: table.total_row,
        suppressed,
    }
}

/// (document text, CSV value) of an unsuppressed cell: the document in the report's
/// number style (separators, true minus, signed changes), the CSV in plain numbers.
fn render(cell: &TableCell, threshold: i64) -> (String, String) {
    let one = |v: f64| format!("{v:.1}");
    match cell {
        TableCell::Text(t) => (t.clone(), t.clone()),
        TableCell::Count(n) | TableCell::Whole(Some(n)) => (numbers::count(*n), n.to_string()),
        TableCell::Percent(Some(p)) => (numbers::percent(*p), one(*p)),
        TableCell::Rate(Some(r)) | TableCell::Decimal(Some(r)) => (numbers::decimal(*r), one(*r)),
        TableCell::Change(Some(n)) => (numbers::signed_count(*n), n.to_string()),
        TableCell::ChangePercent(Some(p)) => (numbers::signed_percent(*p), one(*p)),
        TableCell::Percent(None)
        | TableCell::Rate(None)
        | TableCell::Whole(None)
        | TableCell::Change(None)
        | TableCell::Decimal(None)
        | TableCell::ChangePercent(None) => ("–".into(), String::new()),
        TableCell::Planned(Shown::Count(n)) => (numbers::count(*n), n.to_string()),
        TableCell::Planned(planned) => {
            let text = planned.text(threshold, numbers::count);
            (text.clone(), text)
        }
    }
}

/// The table as CSV text (header, then the CSV values), with Windows line ends so it
/// opens cleanly in Excel, and a UTF-8 byte-order mark so Excel reads "–" and "£" right.
pub fn to_csv(table: &PublishedTable) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut ok = writer.write_record(&table.columns).is_ok();
    for row in &table.values {
        ok &= writer.write_record(row).is_ok();
    }
    let bytes = writer.into_inner().unwrap_or_default();
    debug_assert!(ok, "writing CSV to memory cannot fail");
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wards(counts: &[i64], sensitive: bool) -> ReportTable {
        let total: i64 = counts.iter().sum();
        let mut rows: Vec<Vec<TableCell>> = counts
            .iter()
            .enumerate()
            .map(|(i, n)| {
                vec![
                    TableCell::Text(format!("Ward {i}")),
                    TableCell::Count(*n),
                    TableCell::Percent(Some(*n as f64 / total as f64 * 100.0)),
                ]
            })
            .collect();
        rows.push(vec![
            TableCell::Text("Total".into()),
            TableCell::Count(total),
            TableCell::Percent(Some(100.0)),
        ]);
        ReportTable {
            slug: "da_wards".into(),
            title: "Domestic abuse by ward".into(),
            columns: vec!["Ward".into(), "Incidents".into(), "Share".into()],
            rows,
            total_row: true,
            sensitive,
            total_published_elsewhere: false,
        }
    }

    #[test]
    fn a_sensitive_table_hides_small_counts_their_partner_and_their_shares() {
        let p = publish(&wards(&[1200, 40, 3], true), 5);
        let counts: Vec<&str> = p.display.iter().map(|r| r[1].as_str()).collect();
        assert_eq!(counts, vec!["1,200", "*", "<5", "1,243"]);
        let shares: Vec<&str> = p.display.iter().map(|r| r[2].as_str()).collect();
        assert_eq!(shares, vec!["96.5%", "*", "*", "100.0%"]);
        assert_eq!(p.values[0], vec!["Ward 0", "1200", "96.5"]);
        assert_eq!(p.suppressed, 4);
        assert_eq!(p.numeric, vec![false, true, true]);
    }

    #[test]
    fn police_tables_are_not_suppressed() {
        let p = publish(&wards(&[1200, 40, 3], false), 5);
        assert_eq!(p.display[2][1], "3");
        assert_eq!(p.suppressed, 0);
    }

    #[test]
    fn csv_has_a_bom_crlf_and_plain_numbers() {
        let p = publish(&wards(&[1200, 3], true), 5);
        let text = to_csv(&p);
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("Ward,Incidents,Share\r\n"));
        // 3 and its only partner: the total goes with it.
        assert!(text.contains("Ward 1,<5,*\r\n"), "{text}");
        let rows: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(rows.len(), 4);
    }

    #[test]
    fn unknown_values_are_a_dash_in_the_document_and_empty_in_the_csv() {
        let t = ReportTable {
            columns: vec!["Ward".into(), "Rate".into(), "Rank".into(), "Change".into()],
            rows: vec![vec![
                TableCell::Text("A".into()),
                TableCell::Rate(None),
                TableCell::Whole(None),
                TableCell::Change(Some(-12)),
            ]],
            ..ReportTable::default()
        };
        let p = publish(&t, 5);
        assert_eq!(p.display[0], vec!["A", "–", "–", "\u{2212}12"]);
        assert_eq!(p.values[0], vec!["A", "", "", "-12"]);
    }
}
