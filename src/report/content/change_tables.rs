//! The tables of change: every crime type's level, change on last year and on three years
//! earlier with whether each change is real; and the partner measures' levels and changes.
//! A column the data cannot fill (no previous year, no year three back) is left out.

use super::measures::Measure;
use crate::analysis::financial_year::FinancialYear;
use crate::report::table::{ReportTable, TableCell};

fn real(test: Option<&crate::analysis::change::ChangeTest>) -> TableCell {
    TableCell::Text(match test {
        Some(t) if t.significant => "Yes".into(),
        Some(_) => "No".into(),
        None => "–".into(),
    })
}

/// Rows of measures with the columns their data can fill: level, (share), change on last
/// year (number, percent, real?), change on three years earlier (percent, real?).
fn change_table(
    slug: &str,
    title: String,
    label: &str,
    measures: &[&Measure],
    fy: FinancialYear,
    shares_of: Option<i64>,
    sensitive: bool,
) -> ReportTable {
    let has_one = measures.iter().any(|m| m.one_year.is_some());
    let has_three = measures.iter().any(|m| m.three_years.is_some());
    let previous = FinancialYear(fy.0.saturating_sub(1)).label();
    let earlier = FinancialYear(fy.0.saturating_sub(3)).label();
    let mut columns = vec![label.to_string(), fy.label()];
    if shares_of.is_some() {
        columns.push("Share".into());
    }
    if has_one {
        columns.extend([
            format!("Change on {previous}"),
            "Change (%)".into(),
            "Real change?".into(),
        ]);
    }
    if has_three {
        columns.extend([
            format!("Change on {earlier} (%)"),
            "Real change since then?".into(),
        ]);
    }
    let rows = measures
        .iter()
        .map(|m| {
            let mut row = vec![
                TableCell::Text(m.label.clone()),
                match m.planned {
                    Some(shown) => TableCell::Planned(shown),
                    None => TableCell::Count(m.current),
                },
            ];
            if let Some(total) = shares_of {
                row.push(TableCell::Percent(
                    (total > 0).then(|| m.current as f64 * 100.0 / total as f64),
                ));
            }
            if has_one {
                let t = m.one_year.as_ref();
                row.push(TableCell::Change(t.map(|t| t.change)));
                row.push(TableCell::ChangePercent(t.and_then(|t| t.change_pct)));
                row.push(real(t));
            }
            if has_three {
                let t = m.three_years.as_ref();
                row.push(TableCell::ChangePercent(t.and_then(|t| t.change_pct)));
                row.push(real(t));
            }
            row
        })
        .collect();
    ReportTable {
        slug: slug.into(),
        title,
        columns,
        rows,
        total_row: false,
        sensitive,
        total_published_elsewhere: false,
    }
}

/// Every crime type, largest first, with its share of all recorded crime.
pub fn crime_type_table(
    types: &[&Measure],
    all_crime_total: i64,
    fy: FinancialYear,
    area: &str,
) -> ReportTable {
    change_table(
        "crime_types_change",
        format!("Crime types: level and change, {area}, {}", fy.label()),
        "Crime type",
        types,
        fy,
        Some(all_crime_total),
        false,
    )
}

/// The partner measures: each count as its theme's disclosure plan publishes it, and a
/// change only where the plan publishes both years' counts exactly (see
/// [`Measure::of_partner`]), so the table gives away nothing the sections hide.
pub fn partner_measure_table(measures: &[&Measure], fy: FinancialYear) -> ReportTable {
    change_table(
        "partner_measures_change",
        format!("Partner measures: level and change, {}", fy.label()),
        "Measure",
        measures,
        fy,
        None,
        true,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::change::test_change;
    use crate::report::content::measures::MeasureKind;
    use crate::report::table::publish;

    #[test]
    fn columns_without_data_are_left_out_and_changes_are_signed() {
        let burglary = Measure {
            label: "Burglary".into(),
            phrase: "burglary".into(),
            kind: MeasureKind::CrimeType,
            current: 180,
            one_year: Some(test_change(180, 240)),
            three_years: None,
            planned: None,
        };
        let table = crime_type_table(&[&burglary], 1000, FinancialYear(2024), "Testshire");
        assert_eq!(
            table.columns,
            vec![
                "Crime type",
                "2024/25",
                "Share",
                "Change on 2023/24",
                "Change (%)",
                "Real change?"
            ]
        );
        let shown = publish(&table, 5);
        assert_eq!(
            shown.display[0],
            vec![
                "Burglary",
                "180",
                "18.0%",
                "\u{2212}60",
                "\u{2212}25.0%",
                "Yes"
            ]
        );
        assert_eq!(shown.values[0][3], "-60");
    }
}
