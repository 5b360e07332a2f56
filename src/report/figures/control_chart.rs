//! The c-chart: monthly counts as a line with dots, the mean as a solid grey line, the
//! control limits dashed in the signal red, and the flagged months as red circles with a
//! white ring so they stand out from the line they sit on.

use super::axes::{self, ValueAxis};
use super::canvas::{Canvas, Rect};
use super::legend::{Swatch, MARKER_RADIUS};
use super::spec::LineStyle;
use super::style::{CENTRE_LINE, PRIMARY, REFERENCE_WIDTH, SIGNAL};
use super::FigureError;
use plotters::prelude::{DrawingBackend, WHITE};

const COUNT_WIDTH: f64 = 1.2;
/// Radius of a flagged month's circle and of its white ring.
const FLAG_RADIUS: f64 = 2.6;
const FLAG_RING: f64 = 0.8;
/// Above this many months the dots on the line would merge.
const MOST_MARKED_POINTS: usize = 60;

pub const COUNT_SWATCH: Swatch = Swatch::DottedLine {
    colour: PRIMARY,
    width: COUNT_WIDTH,
};
pub const CENTRE_SWATCH: Swatch = Swatch::Line {
    colour: CENTRE_LINE,
    width: REFERENCE_WIDTH,
    style: LineStyle::Solid,
};
pub const LIMIT_SWATCH: Swatch = Swatch::Line {
    colour: SIGNAL,
    width: REFERENCE_WIDTH,
    style: LineStyle::Dashed,
};

/// The centre line and control limits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    pub centre: f64,
    pub upper: f64,
    pub lower: f64,
}

/// A flagged month's mark.
pub fn flag<DB: DrawingBackend>(canvas: &Canvas<DB>, at: (f64, f64)) -> Result<(), FigureError> {
    canvas.dot(at, FLAG_RADIUS + FLAG_RING, WHITE)?;
    canvas.dot(at, FLAG_RADIUS, SIGNAL)
}

pub fn draw<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    area: Rect,
    categories: &[String],
    values: &[f64],
    limits: Limits,
    flagged: &[usize],
) -> Result<(), FigureError> {
    let whole = values.iter().all(|v| v.fract() == 0.0);
    let top = values.iter().copied().fold(limits.upper, f64::max);
    let chart = axes::category_axes(canvas, area, categories, ValueAxis::from_zero(top, whole))?;
    let across = |y: f64| [(chart.plot.left, y), (chart.plot.right, y)];

    canvas.line(
        &across(chart.y(limits.centre)),
        CENTRE_LINE,
        REFERENCE_WIDTH,
    )?;
    canvas.dashed_line(&across(chart.y(limits.upper)), SIGNAL, REFERENCE_WIDTH)?;
    // A c-chart's lower limit is clamped at zero, where it would only hide the axis.
    if limits.lower > 0.0 {
        canvas.dashed_line(&across(chart.y(limits.lower)), SIGNAL, REFERENCE_WIDTH)?;
    }

    let points: Vec<(f64, f64)> = values
        .iter()
        .enumerate()
        .map(|(i, v)| (chart.x(i), chart.y(*v)))
        .collect();
    canvas.line(&points, PRIMARY, COUNT_WIDTH)?;
    if points.len() <= MOST_MARKED_POINTS {
        for point in &points {
            canvas.dot(*point, MARKER_RADIUS, PRIMARY)?;
        }
    }
    for point in flagged.iter().filter_map(|&i| points.get(i)) {
        flag(canvas, *point)?;
    }
    Ok(())
}
