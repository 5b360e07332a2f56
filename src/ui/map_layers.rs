//! What a map layer paints: a colour for each ward or LSOA (choropleth classes of count,
//! rate or change, by quantiles or natural breaks) or for each hotspot-grid cell (Gi*
//! significance, density, count, hotspot class or change) or for the incidents (one colour
//! for the dots, count classes for the hex bins), with the legend that explains the
//! colours. Built when the selection or the choices change; drawing only reads it.

use super::map_view::{AreaMeasure, GridMeasure, IncidentStyle, MapOptions};
use crate::analysis::area_figures::{AreaFigure, AreaFigures};
use crate::analysis::classes::{class_breaks, class_of, ClassMethod};
use crate::analysis::geo::shapes::MapShape;
use crate::analysis::hotspot_grid::classify::HotspotClass;
use crate::analysis::hotspot_grid::for_theme::ThemeHotspots;
use crate::analysis::hotspot_grid::gistar::Significance;
use crate::analysis::incident_map::IncidentMap;
use crate::report::format::thousands;
use egui::Color32;
use std::collections::HashMap;

/// Five classes, light to dark (ColorBrewer YlOrRd).
pub const SEQUENTIAL: [Color32; 5] = [
    Color32::from_rgb(255, 255, 178),
    Color32::from_rgb(254, 204, 92),
    Color32::from_rgb(253, 141, 60),
    Color32::from_rgb(240, 59, 32),
    Color32::from_rgb(189, 0, 38),
];
/// Fell a lot, fell, no change, rose, rose a lot (ColorBrewer RdBu, reversed).
pub const DIVERGING: [Color32; 5] = [
    Color32::from_rgb(33, 102, 172),
    Color32::from_rgb(146, 197, 222),
    Color32::from_rgb(240, 240, 240),
    Color32::from_rgb(244, 165, 130),
    Color32::from_rgb(178, 24, 43),
];
/// The incident dots: dark red, see-through so that piles of dots read darker.
pub const POINT_COLOUR: Color32 = Color32::from_rgba_premultiplied(120, 0, 20, 120);
/// Areas with no figure.
pub const NO_DATA: Color32 = Color32::from_rgb(225, 225, 225);
const CLASSES: usize = 5;

/// What a layer paints.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LayerPaint {
    pub title: String,
    /// Colour of each shape of the layer (same order as the shapes).
    pub fills: Vec<Color32>,
    /// Index of each shape's figure in the layer's figures, when it has one.
    pub figure_of_shape: Vec<Option<usize>>,
    /// Grid cells (or hex bins) to fill: index into the grid's cells (or the incidents'
    /// bins) and colour (empty cells are left clear so the map beneath shows).
    pub cells: Vec<(usize, Color32)>,
    pub legend: Vec<(Color32, String)>,
    /// A sentence under the legend (why something is missing).
    pub note: Option<String>,
}

/// A ward or LSOA choropleth.
pub fn area_layer(
    shapes: &[MapShape],
    figures: Option<&AreaFigures>,
    options: MapOptions,
    theme: &str,
) -> LayerPaint {
    let is_wards = options.layer == super::map_view::MapLayer::Wards;
    let list: &[AreaFigure] = match (figures, is_wards) {
        (Some(f), true) => &f.wards,
        (Some(f), false) => &f.lsoas,
        (None, _) => &[],
    };
    let index: HashMap<&str, usize> = list
        .iter()
        .enumerate()
        .map(|(i, f)| (f.code.as_str(), i))
        .collect();
    let figure_of_shape: Vec<Option<usize>> = shapes
        .iter()
        .map(|s| index.get(s.code.as_str()).copied())
        .collect();
    let value = |f: &AreaFigure| -> Option<f64> {
        match options.measure {
            AreaMeasure::Count => Some(f.count as f64),
            AreaMeasure::Rate => f.rate_per_1000,
            AreaMeasure::Change => f.change.map(|c| c as f64),
        }
    };
    let values: Vec<Option<f64>> = figure_of_shape
        .iter()
        .map(|i| i.and_then(|i| list.get(i)).and_then(value))
        .collect();
    let level = if is_wards { "ward" } else { "LSOA" };
    let title = format!("{theme} — {} per {level}", options.measure.label());
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    let note = if list.is_empty() && is_wards {
        Some(
            "No ward lookup: import one, or derive one from the boundaries, to count by ward."
                .into(),
        )
    } else if present.is_empty() {
        Some(match options.measure {
            AreaMeasure::Rate => {
                "No populations for these areas: import a population file to see rates.".into()
            }
            AreaMeasure::Change => "The file holds no previous year to compare with.".into(),
            AreaMeasure::Count => "No incidents in these areas.".into(),
        })
    } else {
        None
    };
    let decimals = usize::from(options.measure == AreaMeasure::Rate);
    let (colour_of, legend): (Box<dyn Fn(f64) -> Color32>, _) =
        if options.measure == AreaMeasure::Change {
            diverging(&present, options.method)
        } else {
            sequential(&present, options.method, decimals)
        };
    let fills = values
        .iter()
        .map(|v| v.map_or(NO_DATA, &colour_of))
        .collect();
    LayerPaint {
        title,
        fills,
        figure_of_shape,
        cells: Vec::new(),
        legend,
        note,
    }
}

type Classifier = Box<dyn Fn(f64) -> Color32>;

/// Light-to-dark classes of the values by the method, with "a – b" legend entries.
fn sequential(
    values: &[f64],
    method: ClassMethod,
    decimals: usize,
) -> (Classifier, Vec<(Color32, String)>) {
    let breaks = class_breaks(values, CLASSES, method);
    let minimum = values.iter().copied().fold(f64::INFINITY, f64::min);
    let format = move |v: f64| {
        if decimals == 0 {
            thousands(v.round() as i64)
        } else {
            format!("{v:.decimals$}")
        }
    };
    let colours = palette_for(breaks.len());
    let legend = breaks
        .iter()
        .enumerate()
        .map(|(i, upper)| {
            let lower = if i == 0 {
                minimum
            } else {
                breaks.get(i - 1).copied().unwrap_or(minimum)
            };
            let text = if i == 0 {
                format!("{} – {}", format(lower), format(*upper))
            } else {
                format!("over {} – {}", format(lower), format(*upper))
            };
            (colours.get(i).copied().unwrap_or(NO_DATA), text)
        })
        .collect();
    let classify = move |v: f64| {
        colours
            .get(class_of(&breaks, v))
            .copied()
            .unwrap_or(NO_DATA)
    };
    (Box::new(classify), legend)
}

/// The sequential colours spread over `n` classes (so 3 classes are light, middle, dark).
fn palette_for(n: usize) -> Vec<Color32> {
    match n {
        0 => Vec::new(),
        1 => vec![SEQUENTIAL[2]],
        n => (0..n)
            .map(|i| SEQUENTIAL[i * (SEQUENTIAL.len() - 1) / (n - 1)])
            .collect(),
    }
}

/// Falls in blue, rises in red, split at a threshold from the sizes of the changes.
fn diverging(values: &[f64], method: ClassMethod) -> (Classifier, Vec<(Color32, String)>) {
    let sizes: Vec<f64> = values
        .iter()
        .map(|v| v.abs())
        .filter(|v| *v > 0.0)
        .collect();
    let threshold = class_breaks(&sizes, 2, method)
        .first()
        .copied()
        .unwrap_or(1.0)
        .max(1.0)
        .round();
    let t = thousands(threshold as i64);
    let legend = vec![
        (DIVERGING[4], format!("Up by more than {t}")),
        (DIVERGING[3], format!("Up by 1 – {t}")),
        (DIVERGING[2], "No change".to_string()),
        (DIVERGING[1], format!("Down by 1 – {t}")),
        (DIVERGING[0], format!("Down by more than {t}")),
    ];
    let classify = move |v: f64| {
        if v > threshold {
            DIVERGING[4]
        } else if v > 0.0 {
            DIVERGING[3]
        } else if v == 0.0 {
            DIVERGING[2]
        } else if v >= -threshold {
            DIVERGING[1]
        } else {
            DIVERGING[0]
        }
    };
    (Box::new(classify), legend)
}

pub fn significance_colour(s: Significance) -> Option<Color32> {
    match s {
        Significance::Hot99 => Some(DIVERGING[4]),
        Significance::Hot95 => Some(DIVERGING[3]),
        Significance::NotSignificant => None,
        Significance::Cold95 => Some(DIVERGING[1]),
        Significance::Cold99 => Some(DIVERGING[0]),
    }
}

pub fn class_colour(c: HotspotClass) -> Option<Color32> {
    Some(match c {
        HotspotClass::PersistentHotspot => Color32::from_rgb(165, 0, 38),
        HotspotClass::EmergingHotspot => Color32::from_rgb(244, 109, 67),
        HotspotClass::FormerHotspot => Color32::from_rgb(253, 219, 199),
        HotspotClass::IntermittentHotspot => Color32::from_rgb(254, 224, 139),
        HotspotClass::PersistentColdspot => Color32::from_rgb(49, 54, 149),
        HotspotClass::EmergingColdspot => Color32::from_rgb(116, 173, 209),
        HotspotClass::FormerColdspot => Color32::from_rgb(209, 229, 240),
        HotspotClass::IntermittentColdspot => Color32::from_rgb(199, 234, 229),
        HotspotClass::Mixed => Color32::from_rgb(152, 78, 163),
        HotspotClass::NoPattern => return None,
    })
}

/// A hotspot-grid layer.
pub fn grid_layer(grid: &ThemeHotspots, options: MapOptions, theme: &str) -> LayerPaint {
    let cells = &grid.grid.cells;
    let mut paint = LayerPaint {
        title: format!(
            "{theme} — {} ({} m cells)",
            options.grid.label(),
            grid.grid.spec.cell_size
        ),
        ..LayerPaint::default()
    };
    match options.grid {
        GridMeasure::GiStar => {
            paint.cells = cells
                .iter()
                .enumerate()
                .filter_map(|(i, c)| Some((i, significance_colour(c.significance)?)))
                .collect();
            paint.legend = [
                Significance::Hot99,
                Significance::Hot95,
                Significance::Cold95,
                Significance::Cold99,
            ]
            .iter()
            .filter_map(|s| Some((significance_colour(*s)?, s.label().to_string())))
            .collect();
            paint.legend.push((
                Color32::TRANSPARENT,
                Significance::NotSignificant.label().to_string(),
            ));
        }
        GridMeasure::Density | GridMeasure::Count => {
            let (values, decimals): (Vec<f64>, usize) = if options.grid == GridMeasure::Count {
                (cells.iter().map(|c| f64::from(c.count)).collect(), 0)
            } else {
                (cells.iter().map(|c| c.kde).collect(), 1)
            };
            let present: Vec<f64> = values.iter().copied().filter(|v| *v > 0.0).collect();
            let (colour_of, legend) = sequential(&present, options.method, decimals);
            paint.cells = values
                .iter()
                .enumerate()
                .filter(|(_, v)| **v > 0.0)
                .map(|(i, v)| (i, colour_of(*v)))
                .collect();
            paint.legend = legend;
            if options.grid == GridMeasure::Density {
                paint.note = Some(format!(
                    "Incidents per km², quartic kernel, bandwidth {:.0} m.",
                    grid.grid.bandwidth
                ));
            }
        }
        GridMeasure::Classes => match &grid.classes {
            Some(classes) => {
                paint.cells = classes
                    .iter()
                    .enumerate()
                    .filter_map(|(i, c)| Some((i, class_colour(*c)?)))
                    .collect();
                paint.legend = HotspotClass::ALL
                    .iter()
                    .filter(|c| classes.contains(c))
                    .map(|c| {
                        (
                            class_colour(*c).unwrap_or(Color32::TRANSPARENT),
                            c.label().to_string(),
                        )
                    })
                    .collect();
                paint.note = Some(format!("Comparing {}.", grid.periods.join(", ")));
            }
            None => {
                paint.note = Some("Hotspot classes need at least one earlier complete year.".into())
            }
        },
        GridMeasure::Change => match &grid.change {
            Some(changes) => {
                let differences: Vec<f64> = changes.iter().map(|c| c.difference as f64).collect();
                let (colour_of, legend) = diverging(&differences, options.method);
                paint.cells = changes
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.before > 0 || c.after > 0)
                    .map(|(i, c)| (i, colour_of(c.difference as f64)))
                    .collect();
                paint.legend = legend;
            }
            None => paint.note = Some("The file holds no previous year to compare with.".into()),
        },
    }
    paint
}

/// The incidents layer: dots (thinned beyond a limit, as the legend says) or hex bins
/// coloured by count on the choropleth's sequential scale.
pub fn incident_layer(incidents: &IncidentMap, options: MapOptions, theme: &str) -> LayerPaint {
    let total = thousands(incidents.total as i64);
    match options.incidents {
        IncidentStyle::Points => LayerPaint {
            title: format!("{theme} — incidents as points"),
            legend: vec![(POINT_COLOUR, format!("{total} incidents"))],
            note: Some(if incidents.sample.len() < incidents.total {
                format!(
                    "Showing {} of {total}: an even sample, so the map stays quick. Hex bins count them all.",
                    thousands(incidents.sample.len() as i64)
                )
            } else if incidents.total == 0 {
                "No located incidents in this selection.".into()
            } else {
                "Each dot is one incident at police.uk's anonymised map point; darker where dots pile up.".into()
            }),
            ..LayerPaint::default()
        },
        IncidentStyle::HexBins => {
            let counts: Vec<f64> = incidents.bins.iter().map(|b| f64::from(b.count)).collect();
            let (colour_of, legend) = sequential(&counts, options.method, 0);
            LayerPaint {
                title: format!(
                    "{theme} — incidents per hex bin ({:.0} m across)",
                    incidents.hex_grid.width()
                ),
                cells: counts
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (i, colour_of(*c)))
                    .collect(),
                legend,
                note: Some(if incidents.total == 0 {
                    "No located incidents in this selection.".into()
                } else {
                    format!(
                        "{total} incidents in {} hexes; empty hexes are left clear.",
                        thousands(incidents.bins.len() as i64)
                    )
                }),
                ..LayerPaint::default()
            }
        }
    }
}

#[cfg(test)]
mod tests;
