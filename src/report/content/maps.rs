//! The report's map: a ward choropleth of a theme for the year — rate per 1,000 residents
//! where every ward has a population, otherwise the count — in five quantile classes,
//! drawn from the ward boundaries the file holds (none: no map). Its alternative text
//! names the wards of the highest class and the range of each class.

use crate::analysis::area_figures::AreaFigure;
use crate::analysis::classes::{class_breaks, class_of, ClassMethod};
use crate::analysis::geo::shapes::project_ring;
use crate::import::boundaries::Boundary;
use crate::report::figures::{Figure, FigureBody, MapArea};
use crate::report::numbers::{count, decimal, how_many, list_in_words};

const CLASSES: usize = 5;

pub fn ward_map(
    theme: &str,
    financial_year: &str,
    area_name: &str,
    wards: &[AreaFigure],
    boundaries: &[Boundary],
    source: &str,
) -> Option<(Figure, String)> {
    let by_rate = !wards.is_empty() && wards.iter().all(|w| w.rate_per_1000.is_some());
    let value = |w: &AreaFigure| {
        if by_rate {
            w.rate_per_1000.unwrap_or(0.0)
        } else {
            w.count as f64
        }
    };
    let shown: Vec<(&Boundary, &AreaFigure, f64)> = boundaries
        .iter()
        .filter_map(|b| {
            wards
                .iter()
                .find(|w| w.code == b.code)
                .map(|w| (b, w, value(w)))
        })
        .collect();
    if shown.is_empty() {
        return None;
    }
    let values: Vec<f64> = shown.iter().map(|(_, _, v)| *v).collect();
    let breaks = class_breaks(&values, CLASSES, ClassMethod::Quantile);
    if breaks.is_empty() {
        return None;
    }
    let format = |v: f64| {
        if by_rate {
            decimal(v)
        } else {
            count(v.round() as i64)
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
    let areas: Vec<MapArea> = shown
        .iter()
        .map(|(b, _, v)| MapArea {
            rings: b
                .polygons
                .iter()
                .map(|p| project_ring(&p.exterior))
                .collect(),
            class: class_of(&breaks, *v),
        })
        .collect();
    let measure = if by_rate {
        "rate per 1,000 residents"
    } else {
        "count"
    };
    let top_class = breaks.len() - 1;
    let class_count = how_many(classes.len());
    let mut highest: Vec<(&str, f64)> = shown
        .iter()
        .filter(|(_, _, v)| class_of(&breaks, *v) == top_class)
        .map(|(_, w, v)| (w.name.as_str(), *v))
        .collect();
    highest.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let named: Vec<String> = highest
        .iter()
        .map(|(name, v)| format!("{name} ({})", format(*v)))
        .collect();
    let alt_text = format!(
        "Map of {theme} by ward, {area_name}, {financial_year}: the {} wards shaded from light to dark by {measure} in {} classes with equal numbers of wards, from {} to {}. The darkest class ({}) holds {}: {}.",
        how_many(shown.len()),
        class_count,
        format(low),
        format(breaks[top_class]),
        classes[top_class],
        if named.len() == 1 { "one ward" } else { "these wards" },
        list_in_words(&named),
    );
    let figure = Figure {
        title: format!("{theme} by ward: {measure}"),
        subtitle: Some(format!(
            "{area_name}, {financial_year}; {class_count} classes with equal numbers of wards"
        )),
        y_label: if by_rate {
            "Per 1,000 residents".into()
        } else {
            "Count".into()
        },
        x_label: None,
        source_line: format!("{source}; ward boundaries as imported into the assessment file"),
        body: FigureBody::Map { areas, classes },
    };
    Some((figure, alt_text))
}
