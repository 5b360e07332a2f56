//! Horizontal bars from zero, top to bottom in the order given, for breakdowns such as
//! crime types: category names on the left, each bar's value written at its end, and no
//! value axis (the written values make it redundant).

use super::canvas::{Align, Canvas, Rect};
use super::style::{AXIS, AXIS_WIDTH, PRIMARY, TICK, TICK_GAP};
use super::FigureError;
use plotters::prelude::DrawingBackend;

/// Share of a row a bar fills.
const BAR_HEIGHT: f64 = 0.66;
/// The category names take at most this share of the width; longer ones are shortened.
const MOST_LABEL_SHARE: f64 = 0.4;

pub fn draw<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    area: Rect,
    categories: &[String],
    values: &[f64],
    value_labels: &[String],
) -> Result<(), FigureError> {
    let row = area.height() / categories.len().max(1) as f64;
    // Many categories in a short figure: smaller type rather than overlapping rows.
    let look = super::canvas::TextLook {
        size_pt: TICK.size_pt.min(row * 0.8),
        ..TICK
    };
    let most_label_width = area.width() * MOST_LABEL_SHARE;
    let mut names = Vec::with_capacity(categories.len());
    let mut label_width: f64 = 0.0;
    for category in categories {
        let name = fit(canvas, category, look.size_pt, most_label_width)?;
        label_width = label_width.max(canvas.text_width(&name, look.size_pt)?);
        names.push(name);
    }
    let mut value_width: f64 = 0.0;
    for label in value_labels {
        value_width = value_width.max(canvas.text_width(label, look.size_pt)?);
    }
    let zero = area.left + label_width + TICK_GAP * 2.0;
    let full = (area.right - value_width - TICK_GAP) - zero;
    let top_value = values.iter().copied().fold(0.0, f64::max);
    let scale = if top_value > 0.0 {
        full / top_value
    } else {
        0.0
    };

    for (i, ((name, value), label)) in names.iter().zip(values).zip(value_labels).enumerate() {
        let middle = area.top + (i as f64 + 0.5) * row;
        // Capitals and digits are about 0.7 em tall: this centres them on the bar.
        let baseline = middle + look.size_pt * 0.35;
        canvas.text(name, zero - TICK_GAP, baseline, look, Align::Right)?;
        let end = zero + value * scale;
        let half = row * BAR_HEIGHT / 2.0;
        canvas.rect((zero, middle - half), (end, middle + half), PRIMARY)?;
        canvas.text(label, end + TICK_GAP, baseline, look, Align::Left)?;
    }
    canvas.line(&[(zero, area.top), (zero, area.bottom)], AXIS, AXIS_WIDTH)
}

/// `text`, shortened with an ellipsis if it is wider than `width` points.
fn fit<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    text: &str,
    size_pt: f64,
    width: f64,
) -> Result<String, FigureError> {
    if canvas.text_width(text, size_pt)? <= width {
        return Ok(text.to_string());
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let shortened = format!("{}…", chars.iter().collect::<String>().trim_end());
        if canvas.text_width(&shortened, size_pt)? <= width {
            return Ok(shortened);
        }
    }
    Ok("…".into())
}
