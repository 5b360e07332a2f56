//! The report's map: a ward choropleth of a theme for the year — rate per 1,000 residents
//! where every ward has a population, otherwise the count — in five quantile classes,
//! drawn from the ward boundaries the file holds (none: no map), with the busiest wards
//! named and the licence lines Ordnance Survey and ONS boundaries require. Its alternative
//! text names the wards of the highest class and the range of each class.

use crate::analysis::area_figures::AreaFigure;
use crate::analysis::classes::{class_breaks, class_of, ClassMethod};
use crate::analysis::geo::polygon::interior_point;
use crate::analysis::geo::shapes::{project_polygons, project_ring};
use crate::import::boundaries::Boundary;
use crate::report::figures::{Figure, FigureBody, MapArea, MapLabel};
use crate::report::numbers::{count, decimal, how_many, list_in_words};

const CLASSES: usize = 5;
/// How many of the highest wards are named on the map.
const NAMED_WARDS: usize = 5;

/// The statements that must accompany published ONS boundaries (which contain Ordnance
/// Survey data), with the year of publication.
pub fn boundary_attribution(year: i32) -> Vec<String> {
    vec![
        format!("Contains OS data © Crown copyright and database right {year}."),
        format!("Contains National Statistics data © Crown copyright and database right {year}."),
        "Source: Office for National Statistics licensed under the Open Government Licence v.3.0."
            .into(),
    ]
}

/// The year a document is published: the last four-digit year in the date on its title
/// page ("23 November 2026"), else the calendar year the financial year ends in.
pub fn publication_year(date: &str, financial_year_start: u32) -> i32 {
    date.split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse::<i32>().ok())
        .rfind(|y| (1900..=2999).contains(y))
        .unwrap_or(financial_year_start as i32 + 1)
}

pub fn ward_map(
    theme: &str,
    financial_year: &str,
    area_name: &str,
    wards: &[AreaFigure],
    boundaries: &[Boundary],
    source: &str,
    licence_year: i32,
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
    // The highest values first; ties by name so the same data names the same wards.
    let mut ranked: Vec<&(&Boundary, &AreaFigure, f64)> = shown.iter().collect();
    ranked.sort_by(|a, b| b.2.total_cmp(&a.2).then_with(|| a.0.name.cmp(&b.0.name)));
    let labelled: Vec<&str> = ranked
        .iter()
        .take(NAMED_WARDS)
        .map(|(b, _, _)| b.code.as_str())
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
            label: labelled
                .contains(&b.code.as_str())
                .then(|| interior_point(&project_polygons(&b.polygons)))
                .flatten()
                .map(|at| MapLabel {
                    text: b.name.clone(),
                    at,
                }),
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
            "{area_name}, {financial_year}; {class_count} classes with equal numbers of wards; the {} highest named",
            labelled.len()
        )),
        y_label: if by_rate {
            "Per 1,000 residents".into()
        } else {
            "Count".into()
        },
        x_label: None,
        source_line: format!("{source}; ward boundaries as imported into the assessment file"),
        body: FigureBody::Map {
            areas,
            classes,
            attribution: boundary_attribution(licence_year),
        },
    };
    Some((figure, alt_text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_licence_year_is_the_publication_year() {
        assert_eq!(publication_year("23 November 2026", 2024), 2026);
        assert_eq!(publication_year("", 2024), 2025);
        assert_eq!(publication_year("March 2025 (draft 2)", 2023), 2025);
        let lines = boundary_attribution(2026);
        assert_eq!(
            lines[0],
            "Contains OS data © Crown copyright and database right 2026."
        );
        assert!(lines[2].contains("Open Government Licence v.3.0"));
    }
}
