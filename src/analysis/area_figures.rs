//! Every ward's and every LSOA's figures for a theme and financial year, for choropleth
//! maps: the count, the previous year's count and the change, and the rate per 1,000
//! residents where a population is known. From the decoded monthly counts, in one pass over
//! the months of the two years; the area index decides which LSOAs count and their wards.

use super::area::AreaIndex;
use super::financial_year::FinancialYear;
use super::rates::{percent_change, rate_per_1000};
use super::theme::Theme;
use crate::store::month_counts::Cell;
use serde::Serialize;
use std::collections::HashMap;

/// One area's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaFigure {
    pub code: String,
    pub name: String,
    pub count: i64,
    /// `None` when the file holds no month of the previous year.
    pub previous: Option<i64>,
    pub change: Option<i64>,
    pub change_pct: Option<f64>,
    pub rate_per_1000: Option<f64>,
}

/// Figures of every ward and LSOA of the area.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AreaFigures {
    pub wards: Vec<AreaFigure>,
    pub lsoas: Vec<AreaFigure>,
}

pub fn area_figures(
    months: &[(u32, Vec<Cell>)],
    theme: &Theme,
    area: &AreaIndex,
    fy: FinancialYear,
) -> AreaFigures {
    let previous_fy = FinancialYear(fy.0.saturating_sub(1));
    let mut this_year: HashMap<u32, i64> = HashMap::new();
    let mut last_year: HashMap<u32, i64> = HashMap::new();
    let mut has_previous = false;
    for (month, cells) in months {
        let month_fy = FinancialYear::of_month(*month);
        let target = if month_fy == fy {
            &mut this_year
        } else if month_fy == previous_fy {
            has_previous = true;
            &mut last_year
        } else {
            continue;
        };
        for cell in cells
            .iter()
            .filter(|c| c.lsoa > 0 && theme.includes(c.crime_type) && area.counts(c.lsoa))
        {
            *target.entry(cell.lsoa).or_default() += cell.n;
        }
    }
    let figure = |code: &str, name: &str, count: i64, previous: i64, pop: Option<f64>| {
        let previous = has_previous.then_some(previous);
        AreaFigure {
            code: code.to_string(),
            name: name.to_string(),
            count,
            previous,
            change: previous.map(|p| count - p),
            change_pct: previous.and_then(|p| percent_change(p, count)),
            rate_per_1000: pop.and_then(|p| rate_per_1000(count, p)),
        }
    };
    let mut ward_now = vec![0i64; area.wards.len()];
    let mut ward_before = vec![0i64; area.wards.len()];
    for (counts, per_ward) in [(&this_year, &mut ward_now), (&last_year, &mut ward_before)] {
        for (lsoa, n) in counts {
            if let Some(slot) = area.ward_of(*lsoa).and_then(|w| per_ward.get_mut(w)) {
                *slot += n;
            }
        }
    }
    let wards = area
        .wards
        .iter()
        .zip(ward_now.iter().zip(&ward_before))
        .map(|((code, name, pop), (now, before))| figure(code, name, *now, *before, *pop))
        .collect();
    let lsoas = area
        .lsoas
        .iter()
        .map(|(id, code, name, pop)| {
            let get = |m: &HashMap<u32, i64>| {
                if *id > 0 {
                    m.get(id).copied().unwrap_or(0)
                } else {
                    0
                }
            };
            figure(code, name, get(&this_year), get(&last_year), *pop)
        })
        .collect();
    AreaFigures { wards, lsoas }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::cube::{CountCube, LsoaEntry};
    use crate::store::geography::Ward;

    #[test]
    fn wards_and_lsoas_get_counts_change_and_rates() {
        let cell = |lsoa, n| Cell {
            crime_type: 3,
            lsoa,
            n,
        };
        let cube = CountCube {
            months: vec![
                (202304, vec![cell(1, 4), cell(2, 1)]),
                (202404, vec![cell(1, 6), cell(2, 2), cell(0, 9)]),
                (202405, vec![cell(2, 1)]),
            ],
            lsoas: vec![
                LsoaEntry {
                    id: 1,
                    code: "E01000001".into(),
                    name: "A".into(),
                    ward_code: Some("E05000001".into()),
                },
                LsoaEntry {
                    id: 2,
                    code: "E01000002".into(),
                    name: "B".into(),
                    ward_code: Some("E05000001".into()),
                },
            ],
            wards: vec![Ward {
                code: "E05000001".into(),
                name: "W".into(),
                district_code: String::new(),
                district_name: String::new(),
            }],
            populations: [("E05000001".to_string(), 2_000.0)].into(),
            ..CountCube::default()
        };
        let area = AreaIndex::build(&cube);
        let f = area_figures(&cube.months, &Theme::AllCrime, &area, FinancialYear(2024));
        let ward = &f.wards[0];
        assert_eq!(
            (ward.count, ward.previous, ward.change),
            (9, Some(5), Some(4))
        );
        assert_eq!(ward.rate_per_1000, Some(4.5));
        let b = f.lsoas.iter().find(|l| l.code == "E01000002").unwrap();
        assert_eq!((b.count, b.previous), (3, Some(1)));
        let none = area_figures(&cube.months, &Theme::AllCrime, &area, FinancialYear(2023));
        assert_eq!(none.wards[0].previous, None);
    }
}
