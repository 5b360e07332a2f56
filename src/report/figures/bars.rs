//! Vertical bars from zero, one per category, with each bar's value written above it
//! when there is room, and the latest bar in the strong colour when asked. A bar hidden by
//! disclosure control has no height: a dashed stub on the axis marked "*".

use super::axes::{self, ValueAxis};
use super::canvas::{Align, Canvas, Rect};
use super::style::{NEUTRAL, PRIMARY, PRIMARY_LIGHT, TICK};
use super::FigureError;
use crate::report::disclosure::WITHHELD;
use plotters::prelude::DrawingBackend;

/// Share of a band a bar fills.
const BAR_WIDTH: f64 = 0.62;
/// Above this many bars the numbers on top would crowd the chart.
const MOST_LABELLED_BARS: usize = 12;

pub fn draw<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    area: Rect,
    categories: &[String],
    values: &[f64],
    highlight_last: bool,
    suppressed: &[usize],
) -> Result<(), FigureError> {
    let whole = values.iter().all(|v| v.fract() == 0.0);
    let decimals = if whole { 0 } else { 1 };
    let top = values.iter().copied().fold(0.0, f64::max);
    // Headroom for the numbers written above the bars.
    let axis = ValueAxis::from_zero(top * 1.08, whole);
    let chart = axes::category_axes(canvas, area, categories, axis)?;
    let half = chart.band() * BAR_WIDTH / 2.0;

    let labels: Vec<String> = values.iter().map(|v| axes::number(*v, decimals)).collect();
    let mut widest: f64 = 0.0;
    for label in &labels {
        widest = widest.max(canvas.text_width(label, TICK.size_pt)?);
    }
    let labelled = values.len() <= MOST_LABELLED_BARS && widest <= chart.band() * 0.95;

    let last = values.len().saturating_sub(1);
    for (i, (value, label)) in values.iter().zip(&labels).enumerate() {
        let colour = if highlight_last && i != last {
            PRIMARY_LIGHT
        } else {
            PRIMARY
        };
        let x = chart.x(i);
        if suppressed.contains(&i) {
            let base = chart.plot.bottom;
            canvas.dashed_line(&[(x - half, base), (x + half, base)], NEUTRAL, 1.0)?;
            canvas.text(WITHHELD, x, base - TICK.size_pt * 0.45, TICK, Align::Centre)?;
            continue;
        }
        let y = chart.y(*value);
        canvas.rect((x - half, y), (x + half, chart.plot.bottom), colour)?;
        if labelled {
            canvas.text(label, x, y - TICK.size_pt * 0.45, TICK, Align::Centre)?;
        }
    }
    Ok(())
}
