//! Line series over shared categories (e.g. this year's months against the average of
//! earlier years): solid or dashed, a gap where a value is missing, dots on the solid
//! lines when there are few enough points to tell apart.

use super::axes::{self, ValueAxis};
use super::canvas::{Canvas, Rect};
use super::legend::{Swatch, MARKER_RADIUS};
use super::spec::{LineStyle, Series};
use super::style::{series_colour, SERIES_WIDTH};
use super::FigureError;
use plotters::prelude::DrawingBackend;

/// Above this many points markers would merge into a thick line.
const MOST_MARKED_POINTS: usize = 24;

/// How the `index`th series is drawn, for the legend and the chart alike.
pub fn swatch(index: usize, style: LineStyle, points: usize) -> Swatch {
    let colour = series_colour(index);
    if style == LineStyle::Solid && points <= MOST_MARKED_POINTS {
        Swatch::DottedLine {
            colour,
            width: SERIES_WIDTH,
        }
    } else {
        Swatch::Line {
            colour,
            width: SERIES_WIDTH,
            style,
        }
    }
}

pub fn draw<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    area: Rect,
    categories: &[String],
    series: &[Series],
) -> Result<(), FigureError> {
    let known = || series.iter().flat_map(|s| s.values.iter().flatten());
    let whole = known().all(|v| v.fract() == 0.0);
    let top = known().copied().fold(0.0, f64::max);
    let chart = axes::category_axes(canvas, area, categories, ValueAxis::from_zero(top, whole))?;

    // Drawn last-first, so the first series (usually the one the figure is about) is on top.
    for (index, s) in series.iter().enumerate().rev() {
        let points: Vec<Option<(f64, f64)>> = s
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| v.map(|v| (chart.x(i), chart.y(v))))
            .collect();
        let (colour, dashed, marked) = match swatch(index, s.style, categories.len()) {
            Swatch::DottedLine { colour, .. } => (colour, false, true),
            Swatch::Line { colour, style, .. } => (colour, style == LineStyle::Dashed, false),
            Swatch::Flag | Swatch::Box { .. } | Swatch::Dot { .. } => continue,
        };
        for run in points.split(Option::is_none) {
            let run: Vec<(f64, f64)> = run.iter().flatten().copied().collect();
            if run.is_empty() {
                continue;
            }
            if dashed {
                canvas.dashed_line(&run, colour, SERIES_WIDTH)?;
            } else {
                canvas.line(&run, colour, SERIES_WIDTH)?;
            }
            // A point between two gaps would have no line at all: it gets a dot.
            if marked || run.len() == 1 {
                for point in &run {
                    canvas.dot(*point, MARKER_RADIUS, colour)?;
                }
            }
        }
    }
    Ok(())
}
