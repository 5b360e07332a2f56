//! The report's map: a ward choropleth of a theme for the year — rate per 1,000 residents
//! where every ward has a population, otherwise the count — in five quantile classes,
//! drawn from the ward boundaries the file holds (none: no map).

use crate::analysis::area_figures::AreaFigure;
use crate::analysis::classes::{class_breaks, class_of, ClassMethod};
use crate::analysis::geo::shapes::project_ring;
use crate::import::boundaries::Boundary;
use crate::report::figures::{Figure, FigureBody, MapArea};
use crate::report::format::thousands;

const CLASSES: usize = 5;

pub fn ward_map(
    theme: &str,
    financial_year: &str,
    area_name: &str,
    wards: &[AreaFigure],
    boundaries: &[Boundary],
    source: &str,
) -> Option<Figure> {
    let by_rate = !wards.is_empty() && wards.iter().all(|w| w.rate_per_1000.is_some());
    let value = |w: &AreaFigure| {
        if by_rate {
            w.rate_per_1000.unwrap_or(0.0)
        } else {
            w.count as f64
        }
    };
    let shown: Vec<(&Boundary, f64)> = boundaries
        .iter()
        .filter_map(|b| {
            wards
                .iter()
                .find(|w| w.code == b.code)
                .map(|w| (b, value(w)))
        })
        .collect();
    if shown.is_empty() {
        return None;
    }
    let values: Vec<f64> = shown.iter().map(|(_, v)| *v).collect();
    let breaks = class_breaks(&values, CLASSES, ClassMethod::Quantile);
    if breaks.is_empty() {
        return None;
    }
    let format = |v: f64| {
        if by_rate {
            format!("{v:.1}")
        } else {
            thousands(v.round() as i64)
        }
    };
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let classes: Vec<String> = breaks
        .iter()
        .enumerate()
        .map(|(i, upper)| match i {
            0 => format!("{} – {}", format(low), format(*upper)),
            _ => format!("over {} – {}", format(breaks[i - 1]), format(*upper)),
        })
        .collect();
    let areas = shown
        .iter()
        .map(|(b, v)| MapArea {
            rings: b
                .polygons
                .iter()
                .map(|p| project_ring(&p.exterior))
                .collect(),
            class: class_of(&breaks, *v),
        })
        .collect();
    Some(Figure {
        title: format!(
            "{theme} by ward: {}",
            if by_rate {
                "rate per 1,000 residents"
            } else {
                "count"
            }
        ),
        subtitle: Some(format!(
            "{area_name}, {financial_year}; five classes with equal numbers of wards"
        )),
        y_label: if by_rate {
            "Per 1,000 residents".into()
        } else {
            "Count".into()
        },
        x_label: None,
        source_line: format!("{source}; ward boundaries as imported into the assessment file"),
        body: FigureBody::Map { areas, classes },
    })
}
