//! Read-only questions pages and the CLI ask of the assessment file: what it holds
//! (sources, totals), monthly counts for charts, and the rows each source rejected.

use super::{month_counts, Store, StoreError};
use crate::import::crime_types::is_asb;
use crate::import::month::month_label;
use serde::Serialize;

/// One imported file, as `sources --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceSummary {
    pub id: i64,
    pub file: String,
    pub kind: String,
    pub sha256: String,
    pub imported_at: String,
    pub bytes: i64,
    pub rows_accepted: i64,
    pub rows_rejected: i64,
    pub rows_replaced: i64,
    /// Rows of this file still in the assessment (fewer once a later file replaced months).
    pub rows_current: i64,
    pub first_month: Option<String>,
    pub last_month: Option<String>,
    pub notes: Vec<String>,
}

/// Incidents in the file now, after replacements.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub crime: i64,
    pub asb: i64,
    pub rejected: i64,
    pub unlocated: i64,
}

/// One month of the two headline series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthCounts {
    pub month: u32,
    pub crime: i64,
    pub asb: i64,
}

/// A stored rejected row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RejectedRow {
    pub line: i64,
    pub column: Option<String>,
    pub reason: String,
    pub raw: String,
}

impl Store {
    pub fn sources(&self) -> Result<Vec<SourceSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, file_name, kind, sha256, imported_at, bytes, rows_accepted, rows_rejected,
                    rows_replaced, rows_current, first_month, last_month, notes
             FROM sources ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            let notes: String = r.get(12)?;
            Ok(SourceSummary {
                id: r.get(0)?,
                file: r.get(1)?,
                kind: r.get(2)?,
                sha256: r.get(3)?,
                imported_at: r.get(4)?,
                bytes: r.get(5)?,
                rows_accepted: r.get(6)?,
                rows_rejected: r.get(7)?,
                rows_replaced: r.get(8)?,
                rows_current: r.get(9)?,
                first_month: r.get::<_, Option<u32>>(10)?.map(month_label),
                last_month: r.get::<_, Option<u32>>(11)?.map(month_label),
                notes: notes
                    .lines()
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Totals from the maintained counts (no scan of the fact table).
    /// Whether any police.uk rows are counted (read without summing every month).
    pub fn holds_police_counts(&self) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM month_count)", [], |r| {
                r.get(0)
            })?)
    }

    pub fn totals(&self) -> Result<Totals, StoreError> {
        let mut totals = Totals::default();
        month_counts::for_each_month(&self.conn, |_, cells| {
            for cell in cells {
                if is_asb(cell.crime_type) {
                    totals.asb += cell.n;
                } else {
                    totals.crime += cell.n;
                }
                if cell.lsoa == 0 {
                    totals.unlocated += cell.n;
                }
            }
        })?;
        totals.rejected = self
            .conn
            .query_row("SELECT count(*) FROM rejected_row", [], |r| r.get(0))?;
        Ok(totals)
    }

    /// Recorded crime and ASB per month, every month from the first to the last held.
    pub fn monthly_counts(&self) -> Result<Vec<MonthCounts>, StoreError> {
        let mut held = Vec::new();
        month_counts::for_each_month(&self.conn, |month, cells| {
            let (asb, crime): (Vec<&month_counts::Cell>, Vec<_>) =
                cells.iter().partition(|c| is_asb(c.crime_type));
            held.push(MonthCounts {
                month,
                crime: crime.iter().map(|c| c.n).sum(),
                asb: asb.iter().map(|c| c.n).sum(),
            });
        })?;
        Ok(fill_missing_months(held))
    }

    /// Incidents per (month, crime type id), from the maintained counts.
    pub fn month_type_counts(&self) -> Result<Vec<(u32, u8, i64)>, StoreError> {
        let mut out = Vec::new();
        month_counts::for_each_month(&self.conn, |month, cells| {
            let mut by_type: std::collections::BTreeMap<u8, i64> = Default::default();
            for cell in cells {
                *by_type.entry(cell.crime_type).or_default() += cell.n;
            }
            out.extend(by_type.into_iter().map(|(t, n)| (month, t, n)));
        })?;
        Ok(out)
    }

    /// Every rejected row of one source, in line order.
    pub fn rejected_rows(&self, source_id: i64) -> Result<Vec<RejectedRow>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT line, column_name, reason, raw FROM rejected_row
             WHERE source_id = ?1 ORDER BY line",
        )?;
        let rows = stmt.query_map([source_id], |r| {
            Ok(RejectedRow {
                line: r.get(0)?,
                column: r.get(1)?,
                reason: r.get(2)?,
                raw: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Insert zero months between the first and last month held, so a gap shows as a gap.
fn fill_missing_months(held: Vec<MonthCounts>) -> Vec<MonthCounts> {
    let (Some(first), Some(last)) = (held.first(), held.last()) else {
        return held;
    };
    let mut out = Vec::new();
    let mut month = first.month;
    let mut iter = held.iter().peekable();
    while month <= last.month {
        match iter.peek() {
            Some(m) if m.month == month => {
                out.push(**m);
                iter.next();
            }
            _ => out.push(MonthCounts {
                month,
                crime: 0,
                asb: 0,
            }),
        }
        month = if month % 100 == 12 {
            (month / 100 + 1) * 100 + 1
        } else {
            month + 1
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_become_zero_months_across_a_year_end() {
        let held = vec![
            MonthCounts {
                month: 202111,
                crime: 5,
                asb: 1,
            },
            MonthCounts {
                month: 202202,
                crime: 7,
                asb: 2,
            },
        ];
        let filled = fill_missing_months(held);
        let months: Vec<u32> = filled.iter().map(|m| m.month).collect();
        assert_eq!(months, vec![202111, 202112, 202201, 202202]);
        assert_eq!(filled[1].crime, 0);
    }

    #[test]
    fn police_counts_are_held_once_rows_are_counted_and_not_after_they_go() {
        let store = crate::store::Store::in_memory().unwrap();
        assert!(!store.holds_police_counts().unwrap());
        month_counts::add(&store.conn, &[((202404, 3, 7), 2)]).unwrap();
        assert!(store.holds_police_counts().unwrap());
        assert_eq!(store.totals().unwrap().crime, 2);
        // Replaced away to nothing: the month is removed, so nothing is held.
        month_counts::add(&store.conn, &[((202404, 3, 7), -2)]).unwrap();
        assert!(!store.holds_police_counts().unwrap());
    }
}
