//! Reading partner rows back as the import's validated records, for the analysis the
//! pages and `stats` run; which layouts the file holds; and the female 16+ population
//! MARAC rates are taken over (kept in `meta`).

use super::suppressed::count_of;
use crate::import::partner::values::{self, CountValue};
use crate::import::partner::{
    AsbCase, DaIncident, MaracQuarter, PartnerLayout, Period, TreatmentCount,
};
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::OptionalExtension;

/// The `meta` key of the female 16+ population entered by hand or imported.
pub const FEMALE_16_PLUS_KEY: &str = "female_16_plus_population";

/// Every partner row the file holds, read once for the pages and `stats`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartnerRows {
    pub domestic_abuse: Vec<DaIncident>,
    pub marac: Vec<MaracQuarter>,
    pub asb_cases: Vec<AsbCase>,
    pub treatment: Vec<TreatmentCount>,
    /// Women aged 16+ in the MARAC's area, when entered or imported.
    pub female_16_plus: Option<f64>,
}

impl PartnerRows {
    pub fn is_empty(&self) -> bool {
        self.domestic_abuse.is_empty()
            && self.marac.is_empty()
            && self.asb_cases.is_empty()
            && self.treatment.is_empty()
    }
}

/// How many rows of each layout the file holds now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PartnerHoldings {
    pub domestic_abuse: i64,
    pub marac: i64,
    pub asb_cases: i64,
    pub treatment: i64,
}

impl PartnerHoldings {
    pub fn rows(&self, layout: PartnerLayout) -> i64 {
        match layout {
            PartnerLayout::DomesticAbuse => self.domestic_abuse,
            PartnerLayout::Marac => self.marac,
            PartnerLayout::AsbCases => self.asb_cases,
            PartnerLayout::Treatment => self.treatment,
        }
    }
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("a stored {what} \"{value}\" is not valid"))
}

fn date(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| corrupt("date", text))
}

fn period(start: u32, end: u32) -> Period {
    let months = (end / 100 * 12 + end % 100).saturating_sub(start / 100 * 12 + start % 100) + 1;
    Period {
        start_month: start,
        months: u8::try_from(months.min(12)).unwrap_or(12),
    }
}

fn required(value: Option<CountValue>) -> CountValue {
    value.unwrap_or(CountValue::Count(0))
}

type DaRow = (
    String,
    String,
    bool,
    String,
    String,
    String,
    Option<String>,
    Option<bool>,
    Option<String>,
    Option<bool>,
);

impl Store {
    /// Every partner row and the female 16+ population.
    pub fn partner_rows(&self) -> Result<PartnerRows, StoreError> {
        Ok(PartnerRows {
            domestic_abuse: self.da_incidents()?,
            marac: self.marac_quarters()?,
            asb_cases: self.asb_cases()?,
            treatment: self.treatment_counts()?,
            female_16_plus: self.female_16_plus()?,
        })
    }

    pub fn partner_holdings(&self) -> Result<PartnerHoldings, StoreError> {
        let count = |table: &str| -> Result<i64, StoreError> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(PartnerHoldings {
            domestic_abuse: count("da_incident")?,
            marac: count("marac_quarter")?,
            asb_cases: count("asb_case")?,
            treatment: count("treatment_count")?,
        })
    }

    /// Every domestic abuse incident, by date.
    pub fn da_incidents(&self) -> Result<Vec<DaIncident>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT reference, date, is_crime, offence, area_code, victim_sex, victim_age_band,
                    repeat_victim, risk, referred_to_marac
             FROM da_incident ORDER BY date, id",
        )?;
        let rows: Vec<DaRow> = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(
                |(reference, d, is_crime, offence, area, sex, age, repeat, risk, marac)| {
                    Ok(DaIncident {
                        reference,
                        date: date(&d)?,
                        is_crime,
                        offence,
                        area_code: area,
                        victim_sex: values::sex(&sex).map_err(|_| corrupt("sex", &sex))?,
                        victim_age_band: match age {
                            Some(a) => values::age_band(&a).map_err(|_| corrupt("age band", &a))?,
                            None => None,
                        },
                        repeat_victim: repeat,
                        risk: match risk {
                            Some(r) => values::risk_level(&r).map_err(|_| corrupt("risk", &r))?,
                            None => None,
                        },
                        referred_to_marac: marac,
                    })
                },
            )
            .collect()
    }

    /// Every MARAC quarter, by quarter.
    pub fn marac_quarters(&self) -> Result<Vec<MaracQuarter>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT start_month, end_month, cases_discussed, repeat_cases, children_in_households,
                    referrals_from_police, referrals_from_other_agencies, male_victims,
                    bame_victims, lgbt_victims, victims_with_disability, victims_aged_16_17,
                    suppressed
             FROM marac_quarter ORDER BY start_month, id",
        )?;
        let rows = stmt.query_map([], |r| {
            let suppressed: String = r.get(12)?;
            let c = |i: usize, field: &str| -> rusqlite::Result<Option<CountValue>> {
                Ok(count_of(r.get(i)?, field, &suppressed))
            };
            Ok(MaracQuarter {
                quarter: period(r.get(0)?, r.get(1)?),
                cases_discussed: required(c(2, "cases_discussed")?),
                repeat_cases: required(c(3, "repeat_cases")?),
                children_in_households: c(4, "children_in_households")?,
                referrals_from_police: c(5, "referrals_from_police")?,
                referrals_from_other_agencies: c(6, "referrals_from_other_agencies")?,
                male_victims: c(7, "male_victims")?,
                bame_victims: c(8, "bame_victims")?,
                lgbt_victims: c(9, "lgbt_victims")?,
                victims_with_disability: c(10, "victims_with_disability")?,
                victims_aged_16_17: c(11, "victims_aged_16_17")?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every council ASB case, by date opened.
    pub fn asb_cases(&self) -> Result<Vec<AsbCase>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT reference, opened, closed, category, area, is_repeat, action
             FROM asb_case ORDER BY opened, id",
        )?;
        type Row = (
            String,
            String,
            Option<String>,
            String,
            String,
            Option<bool>,
            Option<String>,
        );
        let rows: Vec<Row> = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(
                |(reference, opened, closed, category, area, repeat, action)| {
                    Ok(AsbCase {
                        reference,
                        opened: date(&opened)?,
                        closed: closed.as_deref().map(date).transpose()?,
                        category,
                        area,
                        repeat,
                        action: match action {
                            Some(a) => values::asb_action(&a).map_err(|_| corrupt("action", &a))?,
                            None => None,
                        },
                    })
                },
            )
            .collect()
    }

    /// Every treatment count, by period.
    pub fn treatment_counts(&self) -> Result<Vec<TreatmentCount>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT start_month, end_month, substance_group, in_treatment, new_presentations,
                    successful_completions, re_presentations, suppressed
             FROM treatment_count ORDER BY start_month, id",
        )?;
        type Row = (u32, u32, String, [Option<u32>; 4], String);
        let rows: Vec<Row> = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    [r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?],
                    r.get(7)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(start, end, group, [a, b, c, d], suppressed)| {
                Ok(TreatmentCount {
                    period: period(start, end),
                    substance_group: values::substance_group(&group)
                        .map_err(|_| corrupt("substance group", &group))?,
                    in_treatment: required(count_of(a, "in_treatment", &suppressed)),
                    new_presentations: count_of(b, "new_presentations", &suppressed),
                    successful_completions: count_of(c, "successful_completions", &suppressed),
                    re_presentations: count_of(d, "re_presentations", &suppressed),
                })
            })
            .collect()
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
