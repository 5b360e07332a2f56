//! A wide indicator table — one row per indicator, one column per period, as partners
//! keep them in Excel — read into the long form: one record per non-blank row and period
//! column. A blank cell beside published ones is a value not published (kept withheld);
//! a row with no value in any period column is a heading or a spacer and is skipped.

use super::columns::Attributes;
use super::parse::{
    cell, indicator_name, record, rejected_cell, row_attributes, value_of, RowAttributes,
};
use super::period::ReportingPeriod;
use super::IndicatorTable;
use crate::import::grid::{GridCell, RowPlace};

pub(super) fn wide_rows(
    table: &mut IndicatorTable,
    header: &[String],
    body: &[(RowPlace, Vec<GridCell>)],
    indicator: usize,
    periods: &[(usize, ReportingPeriod)],
    attributes: &Attributes,
) {
    let mut headings = 0;
    for (place, cells) in body {
        let all_blank = periods.iter().all(|(c, _)| cell(cells, *c).is_empty());
        let name = indicator_name(cell(cells, indicator));
        if all_blank {
            // A heading row ("Fire service") or a spacer: nothing to read.
            headings += usize::from(!name.is_empty());
            continue;
        }
        let mut reject = |column: String, reason: String| {
            table
                .rejected
                .push(rejected_cell(place, cells, column, reason));
        };
        let indicator_column = header
            .get(indicator)
            .filter(|h| !h.is_empty())
            .cloned()
            .unwrap_or_else(|| "Indicator".into());
        if name.is_empty() {
            reject(
                indicator_column,
                "is blank, but the row has values: every row needs its indicator's name".into(),
            );
            continue;
        }
        let extra = match row_attributes(cells, header, attributes) {
            Ok(a) => a,
            Err((column, reason)) => {
                reject(column, reason);
                continue;
            }
        };
        for (column, period) in periods {
            let column_name = header.get(*column).cloned().unwrap_or_default();
            match value_of(cell(cells, *column)) {
                Ok((value, is_percent)) => table.records.push(record(
                    place,
                    name.clone(),
                    *period,
                    value,
                    is_percent,
                    RowAttributes {
                        area_code: extra.area_code.clone(),
                        numerator: None,
                        denominator: None,
                        unit: extra.unit.clone(),
                        source: extra.source.clone(),
                    },
                )),
                Err(e) => reject(
                    column_name,
                    format!("\"{}\" {e}", cell(cells, *column).text()),
                ),
            }
        }
    }
    if headings > 0 {
        table.notes.push(format!(
            "{headings} rows had a name but no values in any period column (headings) and were skipped."
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse_indicator_grid;
    use super::super::parse::tests::{grid, summary};

    #[test]
    fn wide_file_becomes_long_with_blanks_suppressed_and_headings_skipped() {
        let table = parse_indicator_grid(&grid(&[
            &["Partner figures 2024"],
            &["Measure", "Source", "Q1 2024/25", "2024-Q3", "Oct-24"],
            &["Fire service", "", "", "", ""],
            &["Deliberate fires", "KFRS", "12", "", "7"],
            &["Prevent referrals", "Prevent", "3", "twelve", "<5"],
            &["", "", "1", "", ""],
        ]))
        .unwrap();
        assert_eq!(table.layout, "wide (one column per period)");
        assert_eq!(
            summary(&table),
            [
                "Deliberate fires|2024/25-Q1|12|",
                "Deliberate fires|2024/25-Q2|suppressed:|",
                "Deliberate fires|2024-10|7|",
                "Prevent referrals|2024/25-Q1|3|",
                "Prevent referrals|2024-10|suppressed:<5|",
            ]
        );
        assert_eq!(table.records[0].1.source.as_deref(), Some("KFRS"));
        assert_eq!(table.rejected.len(), 2);
        assert_eq!(table.rejected[0].column.as_deref(), Some("2024-Q3"));
        assert!(table
            .notes
            .iter()
            .any(|n| n.contains("1 rows had a name but no values")));
    }
}
