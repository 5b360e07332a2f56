//! Reading partner rows back as the import's validated records, for the analysis the
//! pages and `stats` run (each dataset's select is in its own module); the female 16+
//! population MARAC rates are taken over (kept in `meta`); and the pieces every dataset's
//! select shares.

use super::dataset::table_of;
use crate::import::partner::{
    AsbCase, CountValue, DaIncident, MaracQuarter, PartnerLayout, Period, TreatmentCount,
};
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};

/// The `meta` key of the female 16+ population entered by hand or imported.
const FEMALE_16_PLUS_KEY: &str = "female_16_plus_population";

/// Every partner row the file holds, read once for the pages and `stats`: one list per
/// dataset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartnerRows {
    pub domestic_abuse: Vec<DaIncident>,
    pub marac: Vec<MaracQuarter>,
    pub asb_cases: Vec<AsbCase>,
    pub treatment: Vec<TreatmentCount>,
    /// Partner indicators, by indicator, period and area.
    pub indicators: Vec<crate::import::indicators::IndicatorRecord>,
    /// Women aged 16+ in the MARAC's area, when entered or imported.
    pub female_16_plus: Option<f64>,
}

/// Every row `sql` selects, each made by `row` (which may refuse a stored value).
pub fn select_all<T>(
    conn: &Connection,
    sql: &str,
    mut row: impl FnMut(&Row<'_>) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(row(r)?);
    }
    Ok(out)
}

/// A stored value that no longer reads.
pub fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("a stored {what} \"{value}\" is not valid"))
}

/// A stored `YYYY-MM-DD` date.
pub fn date(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| corrupt("date", text))
}

/// A stored coded value, read back by the parser that wrote it (`None` stays `None`).
pub fn coded<T, E>(
    text: Option<String>,
    what: &str,
    parse: impl Fn(&str) -> Result<Option<T>, E>,
) -> Result<Option<T>, StoreError> {
    match text {
        Some(t) => parse(&t).map_err(|_| corrupt(what, &t)),
        None => Ok(None),
    }
}

/// The period stored as first and last month.
pub fn period(start: u32, end: u32) -> Period {
    let months = (end / 100 * 12 + end % 100).saturating_sub(start / 100 * 12 + start % 100) + 1;
    Period {
        start_month: start,
        months: u8::try_from(months.min(12)).unwrap_or(12),
    }
}

/// A required count read back (a required count is never absent when written).
pub fn required(value: Option<CountValue>) -> CountValue {
    value.unwrap_or(CountValue::Count(0))
}

impl Store {
    /// Every partner row and the female 16+ population.
    pub fn partner_rows(&self) -> Result<PartnerRows, StoreError> {
        let mut rows = PartnerRows {
            female_16_plus: self.female_16_plus()?,
            ..PartnerRows::default()
        };
        for layout in PartnerLayout::ALL {
            (table_of(layout).read)(&self.conn, &mut rows)?;
        }
        Ok(rows)
    }

    /// The female 16+ population of the area, when entered or imported.
    pub fn female_16_plus(&self) -> Result<Option<f64>, StoreError> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = ?1",
                [FEMALE_16_PLUS_KEY],
                |r| r.get(0),
            )
            .optional()?;
        Ok(text
            .and_then(|t| t.trim().parse::<f64>().ok())
            .filter(|v| *v > 0.0))
    }

    /// Set (or, with `None`, forget) the female 16+ population.
    pub fn set_female_16_plus(&mut self, value: Option<f64>) -> Result<(), StoreError> {
        match value {
            Some(v) if v > 0.0 && v.is_finite() => {
                self.conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?1, ?2)
                     ON CONFLICT(key) DO UPDATE SET value = ?2",
                    rusqlite::params![FEMALE_16_PLUS_KEY, v.to_string()],
                )?;
            }
            Some(v) => {
                return Err(StoreError::Invalid(format!(
                    "{v} is not a population (it must be a positive number)"
                )))
            }
            None => {
                self.conn
                    .execute("DELETE FROM meta WHERE key = ?1", [FEMALE_16_PLUS_KEY])?;
            }
        }
        Ok(())
    }
}
