//! The funnel plot: every area's rate (up, from zero) against its population (across,
//! from zero), the target rate as a grey line, the 95 % limits dashed and the 99.8 % limits
//! dotted-red around it, and the highlighted area as a red circle with its name.

use super::axes::{number, value_gridlines, value_plot_rect, ValueAxis};
use super::canvas::{Align, Canvas, Rect};
use super::control_chart::flag;
use super::legend::{Entry, Swatch, MARKER_RADIUS};
use super::spec::{FunnelLimits, FunnelMark, LineStyle};
use super::style::{
    self, AXIS, AXIS_WIDTH, CENTRE_LINE, NEUTRAL, PRIMARY, REFERENCE_WIDTH, SIGNAL, TICK, TICK_GAP,
};
use super::FigureError;
use plotters::prelude::DrawingBackend;

const LIMIT_95: Swatch = Swatch::Line {
    colour: NEUTRAL,
    width: REFERENCE_WIDTH,
    style: LineStyle::Dashed,
};
const LIMIT_998: Swatch = Swatch::Line {
    colour: SIGNAL,
    width: REFERENCE_WIDTH,
    style: LineStyle::Dashed,
};
/// Radius of an area's dot: a little larger than a line's markers.
const DOT_RADIUS: f64 = MARKER_RADIUS * 1.4;

pub fn legend(target: f64, marks: &[FunnelMark]) -> Vec<Entry> {
    let mut entries = vec![
        Entry {
            swatch: Swatch::Dot {
                colour: PRIMARY,
                radius: DOT_RADIUS,
            },
            text: "District".into(),
        },
        Entry {
            swatch: Swatch::Line {
                colour: CENTRE_LINE,
                width: REFERENCE_WIDTH,
                style: LineStyle::Solid,
            },
            text: format!("Peer rate ({})", number(target, 1)),
        },
        Entry {
            swatch: LIMIT_95,
            text: "95% limits".into(),
        },
        Entry {
            swatch: LIMIT_998,
            text: "99.8% limits".into(),
        },
    ];
    if marks.iter().any(|m| m.highlight) {
        entries.insert(
            1,
            Entry {
                swatch: Swatch::Flag,
                text: "Your district".into(),
            },
        );
    }
    entries
}

pub fn draw<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    area: Rect,
    names: &[String],
    marks: &[FunnelMark],
    target: f64,
    limits: &[FunnelLimits],
) -> Result<(), FigureError> {
    let widest_population = marks
        .iter()
        .map(|m| m.population)
        .chain(limits.iter().map(|l| l.population))
        .fold(0.0, f64::max);
    // The top: the highest rate, and the upper limits away from the narrowest
    // populations (where they run off towards infinity).
    let limit_top = limits.get(limits.len() / 8).map_or(target, |l| l.hi998);
    let top = marks.iter().map(|m| m.rate).fold(limit_top, f64::max);
    let y_axis = ValueAxis::from_zero(top * 1.05, false);
    let x_axis = ValueAxis::from_zero(widest_population, true);
    let plot = Rect {
        right: area.right - TICK_GAP * 4.0,
        ..value_plot_rect(canvas, area, &y_axis)?
    };
    let x = |population: f64| plot.left + population / x_axis.max * plot.width();
    let y = |rate: f64| plot.bottom - rate.min(y_axis.max) / y_axis.max * plot.height();
    value_gridlines(canvas, plot, &y_axis, y)?;
    let baseline = plot.bottom + TICK_GAP + TICK.size_pt * style::ASCENT;
    for &tick in &x_axis.ticks {
        canvas.line(
            &[
                (x(tick), plot.bottom),
                (x(tick), plot.bottom + TICK_GAP * 0.6),
            ],
            AXIS,
            AXIS_WIDTH,
        )?;
        canvas.text(&x_axis.label(tick), x(tick), baseline, TICK, Align::Centre)?;
    }
    let line_of = |value: &dyn Fn(&FunnelLimits) -> f64| -> Vec<(f64, f64)> {
        limits
            .iter()
            .map(|l| (x(l.population), y(value(l))))
            .collect()
    };
    canvas.line(
        &[(x(0.0), y(target)), (plot.right, y(target))],
        CENTRE_LINE,
        REFERENCE_WIDTH,
    )?;
    for (value, colour) in [
        (
            &(|l: &FunnelLimits| l.lo95) as &dyn Fn(&FunnelLimits) -> f64,
            NEUTRAL,
        ),
        (&|l: &FunnelLimits| l.hi95, NEUTRAL),
        (&|l: &FunnelLimits| l.lo998, SIGNAL),
        (&|l: &FunnelLimits| l.hi998, SIGNAL),
    ] {
        canvas.dashed_line(&line_of(value), colour, REFERENCE_WIDTH)?;
    }
    for mark in marks.iter().filter(|m| !m.highlight) {
        canvas.dot((x(mark.population), y(mark.rate)), DOT_RADIUS, PRIMARY)?;
    }
    for (mark, name) in marks.iter().zip(names).filter(|(m, _)| m.highlight) {
        let at = (x(mark.population), y(mark.rate));
        flag(canvas, at)?;
        let (align, dx) = if at.0 > (plot.left + plot.right) / 2.0 {
            (Align::Right, -5.0)
        } else {
            (Align::Left, 5.0)
        };
        canvas.text(name, at.0 + dx, at.1 - 4.0, TICK, align)?;
    }
    Ok(())
}
