//! police.uk street-level crime rows: which header columns hold what, and turning one CSV
//! record into a validated [`StreetRow`] or a [`RowProblem`] that says what is wrong.
//!
//! Works on borrowed bytes so the hot loop allocates nothing; it knows nothing of SQL.

use super::crime_types::{is_asb, match_crime_type_bytes, CrimeTypeMatch};
use super::fast_csv::Cells;
use super::month::{parse_month, MonthForm};
use super::numbers::{parse_crime_id, parse_micro_degrees};
use super::text::{excerpt, trim_bytes};

/// Columns a street file must have (police.uk names, matched case-insensitively).
pub const REQUIRED_COLUMNS: [&str; 10] = [
    "Crime ID",
    "Month",
    "Reported by",
    "Falls within",
    "Longitude",
    "Latitude",
    "Location",
    "LSOA code",
    "LSOA name",
    "Crime type",
];

/// The value police.uk writes in `Location` for a row with no location.
pub const NO_LOCATION: &str = "No Location";

/// Where each police.uk column sits in a file's header.
#[derive(Debug, Clone)]
pub struct StreetColumns {
    crime_id: usize,
    month: usize,
    reported_by: usize,
    falls_within: usize,
    longitude: usize,
    latitude: usize,
    location: usize,
    lsoa_code: usize,
    lsoa_name: usize,
    crime_type: usize,
    outcome: Option<usize>,
    /// The header's column names, to name the column of a problem in any of them.
    names: Vec<String>,
}

/// Why a header cannot be read as a police.uk street file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderProblem {
    Missing(Vec<&'static str>),
    /// The column name and the 1-based positions it appears at.
    Duplicated(String, Vec<usize>),
}

impl StreetColumns {
    /// Map a header. Every required column must appear exactly once.
    pub fn from_header(names: &[String]) -> Result<Self, HeaderProblem> {
        let find = |wanted: &str| -> Result<Option<usize>, HeaderProblem> {
            let mut hits = names
                .iter()
                .enumerate()
                .filter(|(_, n)| n.eq_ignore_ascii_case(wanted));
            let first = hits.next().map(|(i, _)| i);
            if let (Some(first), Some((second, _))) = (first, hits.next()) {
                let mut at = vec![first + 1, second + 1];
                at.extend(hits.map(|(i, _)| i + 1));
                return Err(HeaderProblem::Duplicated(wanted.to_string(), at));
            }
            Ok(first)
        };
        let mut found = Vec::with_capacity(REQUIRED_COLUMNS.len());
        let mut missing = Vec::new();
        for name in REQUIRED_COLUMNS {
            match find(name)? {
                Some(i) => found.push(i),
                None => {
                    missing.push(name);
                    found.push(0);
                }
            }
        }
        if !missing.is_empty() {
            return Err(HeaderProblem::Missing(missing));
        }
        Ok(StreetColumns {
            crime_id: found[0],
            month: found[1],
            reported_by: found[2],
            falls_within: found[3],
            longitude: found[4],
            latitude: found[5],
            location: found[6],
            lsoa_code: found[7],
            lsoa_name: found[8],
            crime_type: found[9],
            outcome: find("Last outcome category")?,
            names: names.to_vec(),
        })
    }
}

/// One accepted street-level row, borrowing its text cells from the CSV record.
#[derive(Debug, Clone, PartialEq)]
pub struct StreetRow<'a> {
    pub crime_id: Option<[u8; 32]>,
    pub month: u32,
    pub month_form: MonthForm,
    pub crime_type: CrimeTypeMatch,
    pub reported_by: &'a [u8],
    pub falls_within: &'a [u8],
    /// (longitude, latitude) in micro-degrees; `None` for "No Location" rows.
    pub coordinates: Option<(i32, i32)>,
    /// Empty for "No Location" rows.
    pub location: &'a [u8],
    pub lsoa_code: &'a [u8],
    pub lsoa_name: &'a [u8],
    pub outcome: &'a [u8],
}

/// Why one row was rejected. `Display` is the sentence shown to the analyst.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowProblem {
    #[error("the row has {found} fields but the header has {expected}")]
    WrongFieldCount { found: usize, expected: usize },
    #[error("the row has {found} fields but the header has {expected}: a quote (\") opened in it is never closed, so the lines after it were read as one cell")]
    UnclosedQuote { found: usize, expected: usize },
    #[error("column {column}: contains a NUL byte (the file is damaged or not text)")]
    NulByte { column: String },
    #[error("column Month: \"{0}\" is not a month (expected YYYY-MM, e.g. 2021-04)")]
    BadMonth(String),
    #[error("column Crime type: \"{0}\" is not a police.uk crime type")]
    UnknownCrimeType(String),
    #[error("column Crime ID: expected 64 hexadecimal characters, found {0} characters")]
    BadCrimeId(usize),
    #[error("column Crime ID: \"{0}\" is not a Crime ID (64 characters 0-9 and a-f)")]
    CrimeIdNotHex(String),
    #[error("column {column}: \"{value}\" is not a valid coordinate")]
    BadCoordinate { column: &'static str, value: String },
    #[error("column {blank}: blank while {other} is not (a row has both coordinates or neither)")]
    HalfCoordinate {
        blank: &'static str,
        other: &'static str,
    },
    #[error("column Reported by: blank (every police.uk row names the force that reported it)")]
    BlankForce,
    #[error("column {column}: {lon}, {lat} (longitude, latitude) is outside the United Kingdom")]
    OutsideUk {
        column: &'static str,
        lon: String,
        lat: String,
    },
}

impl RowProblem {
    /// The header column the problem is in, where there is one.
    pub fn column(&self) -> Option<&str> {
        match self {
            RowProblem::WrongFieldCount { .. } | RowProblem::UnclosedQuote { .. } => None,
            RowProblem::NulByte { column } => Some(column),
            RowProblem::BadMonth(_) => Some("Month"),
            RowProblem::UnknownCrimeType(_) => Some("Crime type"),
            RowProblem::BadCrimeId(_) | RowProblem::CrimeIdNotHex(_) => Some("Crime ID"),
            RowProblem::BadCoordinate { column, .. } => Some(column),
            RowProblem::BlankForce => Some("Reported by"),
            RowProblem::HalfCoordinate { blank: column, .. }
            | RowProblem::OutsideUk { column, .. } => Some(column),
        }
    }
}

// Generous bounds around the UK and Northern Ireland, in micro-degrees.
const LON_RANGE: std::ops::RangeInclusive<i32> = -9_000_000..=3_000_000;
const LAT_RANGE: std::ops::RangeInclusive<i32> = 49_000_000..=61_000_000;

fn cell<'a>(record: impl Cells<'a>, index: usize) -> &'a [u8] {
    trim_bytes(record.cell(index).unwrap_or_default())
}

impl StreetColumns {
    /// The record's Location cell as [`StreetColumns::parse`] reads it (before it knows
    /// whether the row is valid).
    pub fn location_cell<'a>(&self, record: impl Cells<'a>) -> &'a [u8] {
        cell(record, self.location)
    }

    /// Validate one record.
    pub fn parse<'a>(&self, record: impl Cells<'a>) -> Result<StreetRow<'a>, RowProblem> {
        let (found, expected) = (record.count(), self.names.len());
        if found != expected {
            let unclosed_quote = found < expected
                && found
                    .checked_sub(1)
                    .and_then(|last| record.cell(last))
                    .is_some_and(|c| c.contains(&b'\n'));
            return Err(if unclosed_quote {
                RowProblem::UnclosedQuote { found, expected }
            } else {
                RowProblem::WrongFieldCount { found, expected }
            });
        }
        if memchr::memchr(0, record.all_bytes()).is_some() {
            let index = (0..found)
                .position(|i| record.cell(i).is_some_and(|c| c.contains(&0)))
                .unwrap_or(0);
            let column = self
                .names
                .get(index)
                .filter(|n| !n.is_empty())
                .cloned()
                .unwrap_or_else(|| (index + 1).to_string());
            return Err(RowProblem::NulByte { column });
        }
        let month_cell = cell(record, self.month);
        let (month, month_form) =
            parse_month(month_cell).ok_or_else(|| RowProblem::BadMonth(excerpt(month_cell)))?;
        let type_cell = cell(record, self.crime_type);
        let crime_type = match_crime_type_bytes(type_cell)
            .ok_or_else(|| RowProblem::UnknownCrimeType(excerpt(type_cell)))?;
        let id_cell = cell(record, self.crime_id);
        let crime_id = if id_cell.is_empty() {
            None
        } else {
            Some(parse_crime_id(id_cell).map_err(|len| {
                if len == 64 {
                    RowProblem::CrimeIdNotHex(excerpt(id_cell))
                } else {
                    RowProblem::BadCrimeId(len)
                }
            })?)
        };
        let coordinates = self.coordinates(record)?;
        let reported_by = cell(record, self.reported_by);
        if reported_by.is_empty() {
            return Err(RowProblem::BlankForce);
        }
        let falls_within = match cell(record, self.falls_within) {
            b"" => reported_by,
            other => other,
        };
        let location = cell(record, self.location);
        let is_no_location = coordinates.is_none() && location.eq_ignore_ascii_case(b"No Location");
        Ok(StreetRow {
            crime_id,
            month,
            month_form,
            crime_type,
            reported_by,
            falls_within,
            coordinates,
            location: if is_no_location { b"" } else { location },
            lsoa_code: cell(record, self.lsoa_code),
            lsoa_name: cell(record, self.lsoa_name),
            outcome: if is_asb(crime_type.id()) {
                b""
            } else {
                self.outcome.map_or(&b""[..], |i| cell(record, i))
            },
        })
    }

    fn coordinates<'a>(&self, record: impl Cells<'a>) -> Result<Option<(i32, i32)>, RowProblem> {
        let lon_cell = cell(record, self.longitude);
        let lat_cell = cell(record, self.latitude);
        match (lon_cell.is_empty(), lat_cell.is_empty()) {
            (true, true) => return Ok(None),
            (false, false) => {}
            (true, false) => {
                return Err(RowProblem::HalfCoordinate {
                    blank: "Longitude",
                    other: "Latitude",
                })
            }
            (false, true) => {
                return Err(RowProblem::HalfCoordinate {
                    blank: "Latitude",
                    other: "Longitude",
                })
            }
        }
        let lon = parse_micro_degrees(lon_cell).ok_or_else(|| RowProblem::BadCoordinate {
            column: "Longitude",
            value: excerpt(lon_cell),
        })?;
        let lat = parse_micro_degrees(lat_cell).ok_or_else(|| RowProblem::BadCoordinate {
            column: "Latitude",
            value: excerpt(lat_cell),
        })?;
        if !LON_RANGE.contains(&lon) || !LAT_RANGE.contains(&lat) {
            return Err(RowProblem::OutsideUk {
                column: if LON_RANGE.contains(&lon) {
                    "Latitude"
                } else {
                    "Longitude"
                },
                lon: excerpt(lon_cell),
                lat: excerpt(lat_cell),
            });
        }
        Ok(Some((lon, lat)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csv::ByteRecord;

    const HEADER: &str = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    fn columns() -> StreetColumns {
        let names: Vec<String> = HEADER.split(',').map(String::from).collect();
        StreetColumns::from_header(&names).unwrap()
    }

    fn record(line: &str) -> ByteRecord {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(line.as_bytes());
        let mut record = ByteRecord::new();
        reader.read_byte_record(&mut record).unwrap();
        record
    }

    #[test]
    fn parses_a_real_crime_row() {
        let id = "f".repeat(64);
        let line = format!("{id},2021-04,Kent Police,Kent Police,0.520000,51.380000,On or near High Street,E01016000,Medway 001A,Burglary,Under investigation,");
        let rec = record(&line);
        let row = columns().parse(&rec).unwrap();
        assert_eq!(row.month, 202104);
        assert_eq!(row.coordinates, Some((520_000, 51_380_000)));
        assert_eq!(row.crime_type.id(), 3);
        assert_eq!(row.outcome, b"Under investigation");
        assert_eq!(row.crime_id, Some([0xff; 32]));
    }

    #[test]
    fn keeps_no_location_asb_rows() {
        let rec =
            record(",2021-04,Kent Police,Kent Police,,,No Location,,,Anti-social behaviour,,");
        let row = columns().parse(&rec).unwrap();
        assert_eq!(row.coordinates, None);
        assert_eq!(row.location, b"");
        assert_eq!(row.crime_id, None);
    }

    #[test]
    fn names_the_problem() {
        let c = columns();
        let bad = |line: &str| c.parse(&record(line)).unwrap_err();
        assert_eq!(
            bad(",2021-13,K,K,,,No Location,,,Burglary,,"),
            RowProblem::BadMonth("2021-13".into())
        );
        assert_eq!(
            bad(",2021-04,K,K,,,No Location,,,Fraud,,"),
            RowProblem::UnknownCrimeType("Fraud".into())
        );
        assert_eq!(
            bad("abc,2021-04,K,K,,,No Location,,,Burglary,,"),
            RowProblem::BadCrimeId(3)
        );
        assert_eq!(
            bad(",2021-04,K,K,0.5,,x,,,Burglary,,"),
            RowProblem::HalfCoordinate {
                blank: "Latitude",
                other: "Longitude"
            }
        );
        assert!(matches!(
            bad(",2021-04,K,K,0.5,95,x,,,Burglary,,"),
            RowProblem::OutsideUk { .. }
        ));
        assert_eq!(
            bad(",2021-04,K"),
            RowProblem::WrongFieldCount {
                found: 3,
                expected: 12
            }
        );
    }

    #[test]
    fn header_problems_name_the_columns() {
        let names: Vec<String> = ["Month", "Crime type"].map(String::from).to_vec();
        match StreetColumns::from_header(&names) {
            Err(HeaderProblem::Missing(m)) => assert!(m.contains(&"Crime ID")),
            other => panic!("{other:?}"),
        }
        let mut names: Vec<String> = HEADER.split(',').map(String::from).collect();
        names.push("Month".into());
        assert_eq!(
            StreetColumns::from_header(&names).unwrap_err(),
            HeaderProblem::Duplicated("Month".into(), vec![2, 13])
        );
    }
}
