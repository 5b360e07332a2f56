//! The axes of the vertical charts (bars, lines, control chart): a value axis from zero
//! with round steps and thousands separators, light horizontal gridlines, and category
//! labels centred under their bands, thinned out when they would collide.

use super::canvas::{Align, Canvas, Rect};
use super::style::{self, AXIS, AXIS_WIDTH, GRID, GRID_WIDTH, TICK, TICK_GAP};
use super::FigureError;
use crate::report::format::thousands;
use plotters::prelude::DrawingBackend;

/// A value axis from zero to a round number.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueAxis {
    /// The value at the top of the plot (the last tick).
    pub max: f64,
    /// From zero, evenly spaced.
    pub ticks: Vec<f64>,
    /// Decimal places the tick labels need (0 for steps of 1 or more).
    decimals: usize,
}

impl ValueAxis {
    /// About five steps of 1, 2 or 5 times a power of ten, covering `top` (a non-negative
    /// finite number; zero gets an axis to 1). `whole` keeps the step at 1 or more, for
    /// counts.
    pub fn from_zero(top: f64, whole: bool) -> ValueAxis {
        let top = if top.is_finite() && top > 0.0 {
            top
        } else {
            1.0
        };
        let rough = top / 5.0;
        let power = 10f64.powf(rough.log10().floor());
        let mut step = [1.0, 2.0, 5.0, 10.0]
            .into_iter()
            .map(|m| m * power)
            .find(|&s| s >= rough * (1.0 - 1e-9))
            .unwrap_or(10.0 * power);
        if whole {
            step = step.max(1.0);
        }
        let steps = (top / step - 1e-9).ceil().max(1.0) as usize;
        let decimals = if step >= 1.0 {
            0
        } else {
            (-step.log10()).ceil().max(0.0) as usize
        };
        ValueAxis {
            max: step * steps as f64,
            ticks: (0..=steps).map(|i| step * i as f64).collect(),
            decimals,
        }
    }

    /// A tick label: `12,500`, `0.5`.
    pub fn label(&self, value: f64) -> String {
        number(value, self.decimals)
    }
}

/// `value` with `decimals` places and thousands separators: `1234.5` → `1,234.5`.
pub fn number(value: f64, decimals: usize) -> String {
    let fixed = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut out = whole
        .parse::<i64>()
        .map(thousands)
        .unwrap_or_else(|_| whole.to_string());
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    if value < 0.0 && fixed.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.insert(0, '-');
    }
    out
}

/// Show every `step`th label, the smallest step from 1, 2, 3, 4, 6, 12, 24, … at which
/// labels `widest` points wide, centred in bands `band` points wide, keep a clear gap.
pub fn label_step(band: f64, widest: f64) -> usize {
    let needed = widest + 2.0 * TICK_GAP;
    [1, 2, 3, 4, 6]
        .into_iter()
        .chain((1..).map(|k| 12 * k))
        .find(|&s| band * s as f64 >= needed || s >= 1_000_000)
        .unwrap_or(1)
}

/// A plot of categories (bands across) against values (up from zero).
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryPlot {
    pub plot: Rect,
    pub axis: ValueAxis,
    count: usize,
}

impl CategoryPlot {
    /// Width of one category's band.
    pub fn band(&self) -> f64 {
        self.plot.width() / self.count.max(1) as f64
    }

    /// The centre of the `index`th band.
    pub fn x(&self, index: usize) -> f64 {
        self.plot.left + (index as f64 + 0.5) * self.band()
    }

    /// The height of `value` on the plot.
    pub fn y(&self, value: f64) -> f64 {
        self.plot.bottom - value / self.axis.max * self.plot.height()
    }
}

/// The plot inside `area` once the value axis' tick labels (left) and a row of labels
/// (bottom) have their room.
pub fn value_plot_rect<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    area: Rect,
    axis: &ValueAxis,
) -> Result<Rect, FigureError> {
    let mut widest_tick: f64 = 0.0;
    for &tick in &axis.ticks {
        widest_tick = widest_tick.max(canvas.text_width(&axis.label(tick), TICK.size_pt)?);
    }
    Ok(Rect {
        left: area.left + widest_tick + TICK_GAP,
        // Half a line above the top gridline, for its label.
        top: area.top + TICK.size_pt * 0.5,
        right: area.right,
        bottom: area.bottom - style::line_height(TICK) - TICK_GAP * 0.5,
    })
}

/// Gridlines at every tick of the value axis (a darker zero line), labelled on the left;
/// `y` places a value on the plot.
pub fn value_gridlines<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    plot: Rect,
    axis: &ValueAxis,
    y: impl Fn(f64) -> f64,
) -> Result<(), FigureError> {
    for &tick in &axis.ticks {
        let at = y(tick);
        let (colour, width) = if tick == 0.0 {
            (AXIS, AXIS_WIDTH)
        } else {
            (GRID, GRID_WIDTH)
        };
        canvas.line(&[(plot.left, at), (plot.right, at)], colour, width)?;
        // Digits are about 0.7 em tall: this centres them on the gridline.
        canvas.text(
            &axis.label(tick),
            plot.left - TICK_GAP,
            at + TICK.size_pt * 0.35,
            TICK,
            Align::Right,
        )?;
    }
    Ok(())
}

/// Lay out and draw the axes in `area`: tick labels on the left, category labels at
/// the bottom, gridlines at every tick and a darker zero line. The data goes on top.
pub fn category_axes<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    area: Rect,
    categories: &[String],
    axis: ValueAxis,
) -> Result<CategoryPlot, FigureError> {
    let plot = value_plot_rect(canvas, area, &axis)?;
    let chart = CategoryPlot {
        plot,
        axis,
        count: categories.len(),
    };
    value_gridlines(canvas, plot, &chart.axis, |v| chart.y(v))?;
    let mut widest_label: f64 = 0.0;
    for label in categories {
        widest_label = widest_label.max(canvas.text_width(label, TICK.size_pt)?);
    }
    let step = label_step(chart.band(), widest_label);
    let baseline = plot.bottom + TICK_GAP + TICK.size_pt * style::ASCENT;
    for (i, label) in categories.iter().enumerate().step_by(step) {
        let x = chart.x(i);
        if step > 1 {
            // A short tick marks which band a thinned-out label belongs to.
            canvas.line(
                &[(x, plot.bottom), (x, plot.bottom + TICK_GAP * 0.6)],
                AXIS,
                AXIS_WIDTH,
            )?;
        }
        canvas.text(label, x, baseline, TICK, Align::Centre)?;
    }
    Ok(chart)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round_and_cover_the_data() {
        let axis = ValueAxis::from_zero(18_754.0, true);
        assert_eq!(axis.ticks, vec![0.0, 5000.0, 10000.0, 15000.0, 20000.0]);
        assert_eq!(axis.label(15000.0), "15,000");
        let exact = ValueAxis::from_zero(100.0, true);
        assert_eq!(exact.max, 100.0, "a round maximum needs no extra step");
        let small = ValueAxis::from_zero(3.0, true);
        assert!(small.ticks.iter().all(|t| t.fract() == 0.0), "{small:?}");
        let shares = ValueAxis::from_zero(0.8, false);
        assert_eq!(shares.label(0.2), "0.2");
        assert_eq!(ValueAxis::from_zero(0.0, true).max, 1.0);
    }

    #[test]
    fn numbers_have_separators_and_decimals() {
        assert_eq!(number(1234.5, 1), "1,234.5");
        assert_eq!(number(1234.5, 0), "1,234");
        assert_eq!(number(-0.04, 1), "0.0");
        assert_eq!(number(-1500.0, 0), "-1,500");
    }

    #[test]
    fn labels_thin_out_only_when_they_collide() {
        assert_eq!(label_step(40.0, 25.0), 1);
        assert_eq!(label_step(10.0, 25.0), 4);
        assert_eq!(label_step(2.0, 25.0), 24);
    }
}
