//! What a figure shows, as plain data: title, labels, source line and the numbers of one
//! of the chart kinds. Callers build these from analysis results; this module knows
//! nothing of the analysis types, of plotters or of how a figure is drawn.

/// One chart for the report, drawn the same way as SVG or PNG.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// "Recorded crime by financial year".
    pub title: String,
    /// A second line under the title, e.g. the area and period.
    pub subtitle: Option<String>,
    /// The quantity on the vertical axis, shown above it ("Recorded crimes"). For
    /// [`FigureBody::HorizontalBars`] the vertical axis holds the categories, so this
    /// names them ("Crime type").
    pub y_label: String,
    /// Shown centred under the chart; usually not needed for years or months.
    pub x_label: Option<String>,
    /// "Source: police.uk street-level crime, Northvale CSP assessment file".
    pub source_line: String,
    pub body: FigureBody,
}

/// The numbers of a figure. Values are counts, averages or shares: finite and zero or
/// more (a figure with a negative or NaN value is refused, see `FigureError::BadValue`).
#[derive(Debug, Clone, PartialEq)]
pub enum FigureBody {
    /// Vertical bars from zero, one per category (e.g. financial years, oldest first).
    Bars {
        categories: Vec<String>,
        values: Vec<f64>,
        /// Draw the last bar in the strong colour and the others lighter.
        highlight_last: bool,
        /// Bars hidden by disclosure control (indices): drawn with no height, as a
        /// dashed stub marked "*", whatever their value (callers pass 0).
        suppressed: Vec<usize>,
    },
    /// Lines over shared categories (e.g. months of the financial year).
    Lines {
        categories: Vec<String>,
        series: Vec<Series>,
    },
    /// A c-chart: monthly counts with the centre line, dashed control limits, and the
    /// flagged months (indices into `values`) as red circles. A lower limit of zero or
    /// less is not drawn: no count can fall below it.
    ControlChart {
        /// Month labels, one per value.
        categories: Vec<String>,
        values: Vec<f64>,
        centre: f64,
        upper: f64,
        lower: f64,
        flagged: Vec<usize>,
    },
    /// Horizontal bars from zero, top to bottom in the order given, each with its value
    /// written at its end (e.g. crime types with their share).
    HorizontalBars {
        categories: Vec<String>,
        values: Vec<f64>,
        /// Text at the end of each bar, e.g. "27.3 %".
        value_labels: Vec<String>,
    },
    /// A choropleth map: areas coloured by class on a light-to-dark scale, with one
    /// legend entry per class (e.g. "308 – 546 crimes"), drawn to scale (north up) with
    /// a scale bar, a north arrow and the names of the areas that carry a label.
    Map {
        areas: Vec<MapArea>,
        classes: Vec<String>,
        /// Lines printed under the map: the licence statements the boundaries require
        /// (Ordnance Survey, ONS). Never empty when boundaries are drawn.
        attribution: Vec<String>,
    },
    /// A funnel plot: each area's rate against its population, the target rate, and the
    /// 95 % and 99.8 % limits around it (Spiegelhalter 2005). Highlighted areas are drawn
    /// in the signal colour and named.
    Funnel {
        /// The areas' names, one per mark.
        categories: Vec<String>,
        marks: Vec<FunnelMark>,
        target: f64,
        /// Limits at increasing populations.
        limits: Vec<FunnelLimits>,
    },
}

/// One area of a [`FigureBody::Funnel`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FunnelMark {
    pub population: f64,
    pub rate: f64,
    pub highlight: bool,
}

/// The funnel's limits at one population (rates).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FunnelLimits {
    pub population: f64,
    pub lo95: f64,
    pub hi95: f64,
    pub lo998: f64,
    pub hi998: f64,
}

/// One area of a [`FigureBody::Map`]: its outlines in projected metres (x east, y north)
/// and its class (0 = lowest).
#[derive(Debug, Clone, PartialEq)]
pub struct MapArea {
    pub rings: Vec<Vec<(f64, f64)>>,
    pub class: usize,
    /// A name written on the map (the top wards), at a point inside the area.
    pub label: Option<MapLabel>,
}

/// A name on a map and where it goes (projected metres, inside its area).
#[derive(Debug, Clone, PartialEq)]
pub struct MapLabel {
    pub text: String,
    pub at: (f64, f64),
}

/// One line of a [`FigureBody::Lines`] chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Shown in the legend: "2024/25", "Average of earlier years".
    pub name: String,
    /// One per category; `None` leaves a gap in the line.
    pub values: Vec<Option<f64>>,
    pub style: LineStyle,
}

/// How a series' line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStyle {
    Solid,
    Dashed,
}

impl FigureBody {
    /// Lines printed under the chart, above the source line.
    pub fn footnotes(&self) -> &[String] {
        match self {
            FigureBody::Map { attribution, .. } => attribution,
            _ => &[],
        }
    }

    /// The labels along the category axis.
    pub fn categories(&self) -> &[String] {
        match self {
            FigureBody::Bars { categories, .. }
            | FigureBody::Lines { categories, .. }
            | FigureBody::ControlChart { categories, .. }
            | FigureBody::HorizontalBars { categories, .. }
            | FigureBody::Funnel { categories, .. } => categories,
            FigureBody::Map { classes, .. } => classes,
        }
    }
}

impl Figure {
    /// The title as a file name stem: lower case ASCII letters and digits joined by single
    /// hyphens, at most 60 characters; "figure" when nothing is left.
    /// "Recorded crime: 2024/25 vs 3-year average" → `recorded-crime-2024-25-vs-3-year-average`.
    pub fn slug(&self) -> String {
        let mut slug = String::new();
        for word in self
            .title
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let extra = usize::from(!slug.is_empty()) + word.len();
            if slug.len() + extra > 60 {
                break;
            }
            if !slug.is_empty() {
                slug.push('-');
            }
            slug.push_str(&word.to_ascii_lowercase());
        }
        if slug.is_empty() {
            "figure".into()
        } else {
            slug
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(title: &str) -> Figure {
        Figure {
            title: title.into(),
            subtitle: None,
            y_label: String::new(),
            x_label: None,
            source_line: String::new(),
            body: FigureBody::Bars {
                categories: vec![],
                values: vec![],
                highlight_last: false,
                suppressed: Vec::new(),
            },
        }
    }

    #[test]
    fn slug_is_a_safe_file_stem() {
        assert_eq!(
            titled("Recorded crime: 2024/25 vs 3-year average").slug(),
            "recorded-crime-2024-25-vs-3-year-average"
        );
        assert_eq!(titled("  «Über» ").slug(), "ber");
        assert_eq!(titled("—").slug(), "figure");
        let long = titled(&"word ".repeat(30)).slug();
        assert!(long.len() <= 60 && !long.ends_with('-'), "{long}");
    }
}
