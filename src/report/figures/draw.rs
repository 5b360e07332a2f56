//! The frame every figure shares, drawn the same on any backend: title and subtitle at
//! the top left, the vertical axis title on the left and the legend on the right of the
//! row above the plot, the x-axis title under the plot, then any footnotes (a map's
//! licence lines) and the source line at the bottom left. The chart itself is drawn by the module for its kind.

use super::canvas::{Align, Canvas, Rect};
use super::spec::{Figure, FigureBody};
use super::style::{self, ASCENT, LABEL, MARGIN, SOURCE, SUBTITLE, TITLE};
use super::{bars, control_chart, funnel, horizontal_bars, legend, lines, map, FigureError};
use plotters::prelude::DrawingBackend;

/// Space between the header rows and the plot, and above the source line, in points.
const SECTION_GAP: f64 = 6.0;
/// Space between the vertical axis title and the top tick label, in points.
const AXIS_TITLE_GAP: f64 = 3.0;
/// Least space between the axis title and a legend sharing its row.
const TITLE_LEGEND_GAP: f64 = 18.0;

/// Draw `figure` on `canvas` (already white).
pub fn draw_figure<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    figure: &Figure,
) -> Result<(), FigureError> {
    let (width, height) = canvas.size_pt();
    let (left, right) = (MARGIN, width - MARGIN);
    let mut y = MARGIN;

    canvas.text(
        &figure.title,
        left,
        y + TITLE.size_pt * ASCENT,
        TITLE,
        Align::Left,
    )?;
    y += style::line_height(TITLE);
    if let Some(subtitle) = &figure.subtitle {
        canvas.text(
            subtitle,
            left,
            y + SUBTITLE.size_pt * ASCENT,
            SUBTITLE,
            Align::Left,
        )?;
        y += style::line_height(SUBTITLE);
    }
    y += SECTION_GAP;

    // A map draws its own legend, beside it (see `map`).
    let is_map = matches!(figure.body, FigureBody::Map { .. });
    if !is_map {
        let entries = legend::entries(&figure.body);
        let rows = legend::rows(canvas, &entries, right - left)?;
        let axis_title_width = canvas.text_width(&figure.y_label, LABEL.size_pt)?;
        let legend_shares_row = match rows.as_slice() {
            [] => true,
            [(_, w)] => axis_title_width + TITLE_LEGEND_GAP + w <= right - left,
            _ => false,
        };
        if !legend_shares_row {
            for (row, row_width) in &rows {
                legend::draw_row(canvas, row, *row_width, right, y + LABEL.size_pt * ASCENT)?;
                y += style::line_height(LABEL);
            }
            y += AXIS_TITLE_GAP;
        }
        let baseline = y + LABEL.size_pt * ASCENT;
        canvas.text(&figure.y_label, left, baseline, LABEL, Align::Left)?;
        if legend_shares_row {
            if let Some((row, row_width)) = rows.first() {
                legend::draw_row(canvas, row, *row_width, right, baseline)?;
            }
        }
        y += style::line_height(LABEL) + AXIS_TITLE_GAP;
    }

    let source_baseline = height - MARGIN - SOURCE.size_pt * (style::LINE_SPACING - ASCENT);
    canvas.text(
        &figure.source_line,
        left,
        source_baseline,
        SOURCE,
        Align::Left,
    )?;
    let mut bottom = height - MARGIN - style::line_height(SOURCE);
    // Footnotes (a map's licence lines) stack upwards from the source line.
    for (i, line) in figure.body.footnotes().iter().rev().enumerate() {
        let baseline = source_baseline - (i + 1) as f64 * style::line_height(SOURCE);
        canvas.text(line, left, baseline, SOURCE, Align::Left)?;
        bottom -= style::line_height(SOURCE);
    }
    bottom -= SECTION_GAP;
    if let Some(x_label) = &figure.x_label {
        let x_label_baseline = bottom - LABEL.size_pt * (style::LINE_SPACING - ASCENT);
        bottom -= style::line_height(LABEL);
        canvas.text(
            x_label,
            (left + right) / 2.0,
            x_label_baseline,
            LABEL,
            Align::Centre,
        )?;
    }

    let area = Rect {
        left,
        top: y,
        right,
        bottom,
    };
    match &figure.body {
        FigureBody::Bars {
            categories,
            values,
            highlight_last,
            suppressed,
        } => bars::draw(
            canvas,
            area,
            categories,
            values,
            *highlight_last,
            suppressed,
        ),
        FigureBody::Lines { categories, series } => lines::draw(canvas, area, categories, series),
        FigureBody::ControlChart {
            categories,
            values,
            centre,
            upper,
            lower,
            flagged,
        } => control_chart::draw(
            canvas,
            area,
            categories,
            values,
            control_chart::Limits {
                centre: *centre,
                upper: *upper,
                lower: *lower,
            },
            flagged,
        ),
        FigureBody::HorizontalBars {
            categories,
            values,
            value_labels,
        } => horizontal_bars::draw(canvas, area, categories, values, value_labels),
        FigureBody::Funnel {
            categories,
            marks,
            target,
            limits,
        } => funnel::draw(canvas, area, categories, marks, *target, limits),
        FigureBody::Map { areas, .. } => map::draw(
            canvas,
            area,
            areas,
            &figure.y_label,
            &legend::entries(&figure.body),
        ),
    }
}
