//! Recognising an indicator table from its header, in either layout partners use:
//!
//! - **long**: one row per value — `Indicator, Period, Value` with optional `Area code`,
//!   `Numerator`, `Denominator`, `Unit`, `Source`;
//! - **wide**: one row per indicator, one column per period (`Q1 2023/24`, `Apr-24`,
//!   `2023/24`, `2024-Q2`, …), with optional `Unit`, `Source` and `Area code` columns.
//!
//! Names are matched as words, so case, punctuation and spacing do not matter.

use super::period::{as_month, dates_are_months, ReportingPeriod};
use crate::import::partner::indicators::FIELDS;
use crate::import::partner::layout::{normalise_header, FieldKey};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Indicator,
    Period,
    Value,
    AreaCode,
    Numerator,
    Denominator,
    Unit,
    Source,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Indicator => "Indicator",
            Role::Period => "Period",
            Role::Value => "Value",
            Role::AreaCode => "Area code",
            Role::Numerator => "Numerator",
            Role::Denominator => "Denominator",
            Role::Unit => "Unit",
            Role::Source => "Source",
        }
    }
}

/// The role a header names, if any: the indicator dataset's field whose name or synonym
/// it is (`import::partner::indicators::FIELDS`, so both readers know the same names).
pub fn role_of(header: &str) -> Option<Role> {
    let wanted = normalise_header(header);
    if wanted.is_empty() {
        return None;
    }
    let field = FIELDS.iter().find(|f| {
        std::iter::once(&f.name)
            .chain(f.synonyms)
            .any(|name| normalise_header(name) == wanted)
    })?;
    Some(match field.key {
        FieldKey::IndicatorName => Role::Indicator,
        FieldKey::IndicatorPeriod => Role::Period,
        FieldKey::IndicatorValue => Role::Value,
        FieldKey::IndicatorAreaCode => Role::AreaCode,
        FieldKey::IndicatorNumerator => Role::Numerator,
        FieldKey::IndicatorDenominator => Role::Denominator,
        FieldKey::IndicatorUnit => Role::Unit,
        _ => Role::Source,
    })
}

/// The columns of a recognised header.
#[derive(Debug, Clone, PartialEq)]
pub enum Columns {
    Long {
        indicator: usize,
        period: usize,
        value: usize,
        attributes: Attributes,
        /// Headers that are none of these, left unread.
        ignored: Vec<String>,
    },
    Wide {
        indicator: usize,
        /// (column, period) for every column whose header is a period, in column order.
        periods: Vec<(usize, ReportingPeriod)>,
        attributes: Attributes,
        ignored: Vec<String>,
        /// The header's dates were all 1st-of-month dates and are read as months.
        dates_read_as_months: bool,
    },
}

/// The optional columns either layout may have.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Attributes {
    pub area_code: Option<usize>,
    pub numerator: Option<usize>,
    pub denominator: Option<usize>,
    pub unit: Option<usize>,
    pub source: Option<usize>,
}

impl Columns {
    pub fn layout_name(&self) -> &'static str {
        match self {
            Columns::Long { .. } => "long (one row per value)",
            Columns::Wide { .. } => "wide (one column per period)",
        }
    }
}

/// Recognise a header row; `None` when it is neither layout.
pub fn recognise(header: &[String]) -> Option<Columns> {
    let roles: Vec<Option<Role>> = header.iter().map(|h| role_of(h)).collect();
    let find = |role: Role| roles.iter().position(|r| *r == Some(role));
    let attributes = Attributes {
        area_code: find(Role::AreaCode),
        numerator: find(Role::Numerator),
        denominator: find(Role::Denominator),
        unit: find(Role::Unit),
        source: find(Role::Source),
    };
    let ignored = |used: &dyn Fn(usize) -> bool| -> Vec<String> {
        header
            .iter()
            .enumerate()
            .filter(|(i, h)| !h.trim().is_empty() && !used(*i))
            .map(|(_, h)| h.trim().to_string())
            .collect()
    };
    if let (Some(indicator), Some(period), Some(value)) =
        (find(Role::Indicator), find(Role::Period), find(Role::Value))
    {
        let is_known = |i: usize| roles.get(i).is_some_and(Option::is_some);
        return Some(Columns::Long {
            indicator,
            period,
            value,
            attributes,
            ignored: ignored(&is_known),
        });
    }
    let mut periods: Vec<(usize, ReportingPeriod)> = header
        .iter()
        .enumerate()
        .filter(|(i, _)| roles.get(*i).is_some_and(Option::is_none))
        .filter_map(|(i, h)| ReportingPeriod::parse(h).ok().map(|p| (i, p)))
        .collect();
    if periods.is_empty() {
        return None;
    }
    // A partner's sheet often leaves the indicator column's header blank.
    let indicator = find(Role::Indicator).or_else(|| {
        header
            .iter()
            .position(|h| h.trim().is_empty())
            .filter(|i| periods.iter().all(|(p, _)| p > i))
    })?;
    let found: Vec<ReportingPeriod> = periods.iter().map(|(_, p)| *p).collect();
    let dates_read_as_months = dates_are_months(&found);
    if dates_read_as_months {
        for (_, p) in &mut periods {
            *p = as_month(*p);
        }
    }
    let is_used = |i: usize| {
        i == indicator
            || roles.get(i).is_some_and(Option::is_some)
            || periods.iter().any(|(c, _)| *c == i)
    };
    Some(Columns::Wide {
        indicator,
        ignored: ignored(&is_used),
        periods,
        attributes,
        dates_read_as_months,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn long_layout_with_optional_columns() {
        let columns = recognise(&header(&[
            "Indicator",
            "Period",
            "Value",
            "Area code",
            "Unit",
            "Notes",
        ]))
        .unwrap();
        let Columns::Long {
            indicator,
            period,
            value,
            attributes,
            ignored,
        } = columns
        else {
            panic!("long expected");
        };
        assert_eq!((indicator, period, value), (0, 1, 2));
        assert_eq!(attributes.area_code, Some(3));
        assert_eq!(attributes.unit, Some(4));
        assert_eq!(ignored, ["Notes"]);
    }

    #[test]
    fn wide_layout_with_mixed_period_forms_and_a_blank_first_header() {
        let columns = recognise(&header(&[
            "",
            "Unit",
            "Q1 2023/24",
            "2024-Q2",
            "Apr-24",
            "2023/24",
        ]))
        .unwrap();
        let Columns::Wide {
            indicator, periods, ..
        } = columns
        else {
            panic!("wide expected");
        };
        assert_eq!(indicator, 0);
        let labels: Vec<String> = periods.iter().map(|(_, p)| p.label()).collect();
        assert_eq!(labels, ["2023/24-Q1", "2024/25-Q1", "2024-04", "2023/24"]);
    }

    #[test]
    fn header_dates_on_the_first_of_the_month_are_months() {
        let columns = recognise(&header(&["Measure", "2024-04-01", "2024-05-01"])).unwrap();
        let Columns::Wide {
            periods,
            dates_read_as_months,
            ..
        } = columns
        else {
            panic!("wide expected");
        };
        assert!(dates_read_as_months);
        assert_eq!(periods[1].1.label(), "2024-05");
    }

    #[test]
    fn other_tables_are_not_indicators() {
        assert_eq!(
            recognise(&header(&["Crime ID", "Month", "LSOA code"])),
            None
        );
        assert_eq!(recognise(&header(&["Name", "Address"])), None);
    }
}
