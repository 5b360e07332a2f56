//! An indicator table (long or wide) to validated records, one per (indicator, period,
//! area) value, with every cell that cannot be used rejected with its row, column and
//! reason: finding the header, reading long rows, and the cell readers both layouts use.
//! A wide table is turned into the long form by `wide`, so everything after sees one
//! shape.

use super::columns::{recognise, Attributes, Columns, Role};
use super::period::{as_month, dates_are_months, ReportingPeriod};
use super::value::{read_value, IndicatorValue};
use super::{IndicatorRecord, IndicatorTable, RejectedCell};
use crate::import::grid::{find_header, Grid, GridCell, RowPlace};
use crate::import::partner::values::area_code;
use std::collections::HashMap;

/// Why a grid is not an indicator table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}: not an indicator table — expected the columns Indicator, Period and Value (one row per value), or an Indicator column and one column per period such as Q1 2023/24 or Apr-24")]
pub struct NotIndicators {
    pub name: String,
}

/// Read a grid as an indicator table.
pub fn parse_indicator_grid(grid: &Grid) -> Result<IndicatorTable, NotIndicators> {
    let not_ours = || NotIndicators {
        name: grid.name.clone(),
    };
    let header_row = find_header(grid, |cells| recognise(cells).is_some()).ok_or_else(not_ours)?;
    let header: Vec<String> = grid
        .rows
        .get(header_row)
        .map(|(_, cells)| cells.iter().map(GridCell::text).collect())
        .unwrap_or_default();
    let columns = recognise(&header).ok_or_else(not_ours)?;
    let body = grid.rows.get(header_row + 1..).unwrap_or_default();
    let mut table = IndicatorTable {
        layout: columns.layout_name(),
        ..IndicatorTable::default()
    };
    match &columns {
        Columns::Long {
            indicator,
            period,
            value,
            attributes,
            ignored,
        } => {
            note_ignored(&mut table, ignored);
            long_rows(
                &mut table,
                &header,
                body,
                (*indicator, *period, *value),
                attributes,
            );
        }
        Columns::Wide {
            indicator,
            periods,
            attributes,
            ignored,
            dates_read_as_months,
        } => {
            note_ignored(&mut table, ignored);
            if *dates_read_as_months {
                table.notes.push(
                    "The period headers are dates on the 1st of each month, so they were read as months."
                        .into(),
                );
            }
            super::wide::wide_rows(&mut table, &header, body, *indicator, periods, attributes);
        }
    }
    reject_repeats(&mut table);
    let suppressed = table
        .records
        .iter()
        .filter(|(_, r)| r.value.is_suppressed())
        .count();
    if suppressed > 0 {
        table.notes.push(format!(
            "{suppressed} values are suppressed or not published (*, <5, blank, n/a): they are kept as suppressed, never counted as 0."
        ));
    }
    Ok(table)
}

fn note_ignored(table: &mut IndicatorTable, ignored: &[String]) {
    if !ignored.is_empty() {
        table.notes.push(format!(
            "Columns not read (not an indicator column): {}.",
            ignored.join(", ")
        ));
    }
}

pub(super) fn cell(cells: &[GridCell], column: usize) -> &GridCell {
    cells.get(column).unwrap_or(&GridCell::Empty)
}

/// A cell of `column` on the row at `place` that cannot be used, and why.
pub(super) fn rejected_cell(
    place: &RowPlace,
    cells: &[GridCell],
    column: String,
    reason: String,
) -> RejectedCell {
    RejectedCell {
        place: place.clone(),
        column: Some(column),
        reason,
        raw: raw_row(cells),
    }
}

pub(super) fn raw_row(cells: &[GridCell]) -> String {
    cells
        .iter()
        .map(GridCell::text)
        .collect::<Vec<_>>()
        .join(",")
}

/// A cell read as a period: a date (a workbook's date cell reads `30/06/2024`) is a day, a
/// whole number a calendar year.
fn period_of(cell: &GridCell) -> Result<ReportingPeriod, String> {
    ReportingPeriod::parse(&cell.text()).map_err(|e| e.to_string())
}

pub(super) fn value_of(cell: &GridCell) -> Result<(IndicatorValue, bool), String> {
    read_value(&cell.text())
        .map(|r| (r.value, r.is_percent))
        .map_err(|e| e.to_string())
}

fn optional_number(cell: &GridCell) -> Result<Option<f64>, String> {
    crate::import::partner::indicators::optional_number(&cell.text())
}

fn text_of(cells: &[GridCell], column: Option<usize>) -> Option<String> {
    column
        .map(|c| cell(cells, c).text())
        .filter(|t| !t.is_empty())
}

/// The row's area code, unit, source and numerator/denominator.
pub(super) struct RowAttributes {
    pub(super) area_code: Option<String>,
    pub(super) numerator: Option<f64>,
    pub(super) denominator: Option<f64>,
    pub(super) unit: Option<String>,
    pub(super) source: Option<String>,
}

pub(super) fn row_attributes(
    cells: &[GridCell],
    header: &[String],
    attributes: &Attributes,
) -> Result<RowAttributes, (String, String)> {
    let column_name = |c: usize, role: Role| {
        header
            .get(c)
            .filter(|h| !h.is_empty())
            .cloned()
            .unwrap_or_else(|| role.label().to_string())
    };
    let area = match text_of(cells, attributes.area_code) {
        Some(text) => Some(area_code(&text).map_err(|e| {
            let c = attributes.area_code.unwrap_or_default();
            (column_name(c, Role::AreaCode), format!("\"{text}\" {e}"))
        })?),
        None => None,
    };
    let number = |column: Option<usize>, role: Role| -> Result<Option<f64>, (String, String)> {
        match column {
            Some(c) => optional_number(cell(cells, c)).map_err(|e| {
                (
                    column_name(c, role),
                    format!("\"{}\" {e}", cell(cells, c).text()),
                )
            }),
            None => Ok(None),
        }
    };
    Ok(RowAttributes {
        area_code: area,
        numerator: number(attributes.numerator, Role::Numerator)?,
        denominator: number(attributes.denominator, Role::Denominator)?,
        unit: text_of(cells, attributes.unit),
        source: text_of(cells, attributes.source),
    })
}

/// An indicator name with its spaces tidied.
pub(super) fn indicator_name(cell: &GridCell) -> String {
    cell.text().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn long_rows(
    table: &mut IndicatorTable,
    header: &[String],
    body: &[(RowPlace, Vec<GridCell>)],
    (indicator, period, value): (usize, usize, usize),
    attributes: &Attributes,
) {
    let name_of = |c: usize| header.get(c).cloned().unwrap_or_default();
    let periods: Vec<Result<ReportingPeriod, String>> = body
        .iter()
        .map(|(_, cells)| period_of(cell(cells, period)))
        .collect();
    let read: Vec<ReportingPeriod> = periods.iter().flatten().copied().collect();
    let months_as_dates = dates_are_months(&read);
    if months_as_dates {
        table.notes.push(
            "Every period is a date on the 1st of a month, so the periods were read as months."
                .into(),
        );
    }
    for ((place, cells), period_read) in body.iter().zip(periods) {
        if cells.iter().all(GridCell::is_empty) {
            continue;
        }
        let mut reject = |column: String, reason: String| {
            table
                .rejected
                .push(rejected_cell(place, cells, column, reason));
        };
        let name = indicator_name(cell(cells, indicator));
        if name.is_empty() {
            reject(
                name_of(indicator),
                "is blank: every value needs its indicator's name".into(),
            );
            continue;
        }
        let period = match period_read {
            Ok(p) if months_as_dates => as_month(p),
            Ok(p) => p,
            Err(e) => {
                reject(
                    name_of(period),
                    format!("\"{}\" {e}", cell(cells, period).text()),
                );
                continue;
            }
        };
        let (value, is_percent) = match value_of(cell(cells, value)) {
            Ok(v) => v,
            Err(e) => {
                reject(
                    name_of(value),
                    format!("\"{}\" {e}", cell(cells, value).text()),
                );
                continue;
            }
        };
        let extra = match row_attributes(cells, header, attributes) {
            Ok(a) => a,
            Err((column, reason)) => {
                reject(column, reason);
                continue;
            }
        };
        table
            .records
            .push(record(place, name, period, value, is_percent, extra));
    }
}

pub(super) fn record(
    place: &RowPlace,
    indicator: String,
    period: ReportingPeriod,
    value: IndicatorValue,
    is_percent: bool,
    extra: RowAttributes,
) -> (RowPlace, IndicatorRecord) {
    let record = IndicatorRecord {
        indicator,
        period,
        value,
        area_code: extra.area_code,
        numerator: extra.numerator,
        denominator: extra.denominator,
        unit: extra.unit.or_else(|| is_percent.then(|| "%".to_string())),
        source: extra.source,
    };
    (place.clone(), record)
}

/// The same indicator, period and area given twice in one file: the first stands.
fn reject_repeats(table: &mut IndicatorTable) {
    let mut first: HashMap<(String, ReportingPeriod, Option<String>), RowPlace> = HashMap::new();
    let mut kept = Vec::with_capacity(table.records.len());
    for (place, record) in std::mem::take(&mut table.records) {
        let key = (
            record.indicator.to_lowercase(),
            record.period,
            record.area_code.clone(),
        );
        match first.get(&key) {
            Some(earlier) => table.rejected.push(RejectedCell {
                place: place.clone(),
                column: None,
                reason: format!(
                    "{} for {} repeats the value at {earlier}; the first is kept",
                    record.indicator,
                    record.period.label()
                ),
                raw: String::new(),
            }),
            None => {
                first.insert(key, place.clone());
                kept.push((place, record));
            }
        }
    }
    table.records = kept;
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub fn grid(rows: &[&[&str]]) -> Grid {
        Grid::of_text("t.csv", rows)
    }

    pub fn summary(table: &IndicatorTable) -> Vec<String> {
        table
            .records
            .iter()
            .map(|(_, r)| {
                format!(
                    "{}|{}|{}|{}",
                    r.indicator,
                    r.period.label(),
                    r.value.number().map_or_else(
                        || format!("suppressed:{}", r.value.marker().unwrap_or_default()),
                        |v| v.to_string()
                    ),
                    r.area_code.clone().unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn long_file_with_suppression_areas_and_bad_rows() {
        let table = parse_indicator_grid(&grid(&[
            &["Indicator", "Period", "Value", "Area code", "Unit"],
            &["Deliberate fires", "Q1 2024/25", "12", "", "count"],
            &["Deliberate fires", "2024-Q3", "*", "", "count"],
            &["Safe and well visits", "Apr-24", "<5", "E05000001", ""],
            &["Repeat referrals", "2023/24", "31.5%", "", ""],
            &["", "2023/24", "4", "", ""],
            &["Deliberate fires", "someday", "4", "", ""],
            &["Deliberate fires", "2024/25-Q1", "13", "", ""],
        ]))
        .unwrap();
        assert_eq!(
            summary(&table),
            [
                "Deliberate fires|2024/25-Q1|12|",
                "Deliberate fires|2024/25-Q2|suppressed:*|",
                "Safe and well visits|2024-04|suppressed:<5|E05000001",
                "Repeat referrals|2023/24|31.5|",
            ]
        );
        assert_eq!(table.records[3].1.unit.as_deref(), Some("%"));
        let reasons: Vec<String> = table
            .rejected
            .iter()
            .map(|r| format!("{} {}", r.place, r.reason))
            .collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert!(reasons[0].starts_with("line 6 is blank"), "{reasons:?}");
        assert!(reasons[1].starts_with("line 7 \"someday\" is not a period"));
        assert!(
            reasons[2].contains("line 8") && reasons[2].contains("repeats the value at line 2")
        );
    }

    #[test]
    fn other_tables_are_refused_with_what_was_expected() {
        let error = parse_indicator_grid(&grid(&[&["Name", "Address"], &["a", "b"]])).unwrap_err();
        assert!(error.to_string().contains("Indicator, Period and Value"));
    }
}
