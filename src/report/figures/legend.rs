//! The legend: which entries a figure needs, how wide they are, and drawing them in rows
//! right-aligned above the plot, so a legend never covers data.

use super::axes::number;
use super::canvas::{Align, Canvas};
use super::spec::{FigureBody, LineStyle};
use super::style::LABEL;
use super::FigureError;
use plotters::prelude::{DrawingBackend, RGBColor};

/// What the sample in front of an entry's text looks like.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    Line {
        colour: RGBColor,
        width: f64,
        style: LineStyle,
    },
    /// A line with dots on it (series drawn with markers).
    DottedLine { colour: RGBColor, width: f64 },
    /// A flagged month's circle.
    Flag,
    /// A dot alone (a funnel plot's areas).
    Dot { colour: RGBColor, radius: f64 },
    /// A filled box (a map class).
    Box { colour: RGBColor },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub swatch: Swatch,
    pub text: String,
}

/// Length of a swatch and the gaps after it and after an entry, in points.
const SWATCH: f64 = 16.0;
const SWATCH_GAP: f64 = 4.0;
const ENTRY_GAP: f64 = 12.0;
/// Radius of the dots marking each value on a line.
pub const MARKER_RADIUS: f64 = 1.5;

/// The entries a figure's legend needs (none for bar charts: the title says it all).
pub fn entries(body: &FigureBody) -> Vec<Entry> {
    match body {
        FigureBody::Bars { .. } | FigureBody::HorizontalBars { .. } => Vec::new(),
        FigureBody::Map { classes, .. } => classes
            .iter()
            .enumerate()
            .map(|(i, text)| Entry {
                swatch: Swatch::Box {
                    colour: super::style::class_colour(i, classes.len()),
                },
                text: text.clone(),
            })
            .collect(),
        FigureBody::Lines {
            categories, series, ..
        } => series
            .iter()
            .enumerate()
            .map(|(i, s)| Entry {
                swatch: super::lines::swatch(i, s.style, categories.len()),
                text: s.name.clone(),
            })
            .collect(),
        FigureBody::Funnel { target, marks, .. } => super::funnel::legend(*target, marks),
        FigureBody::ControlChart {
            centre, flagged, ..
        } => {
            let mut entries = vec![
                Entry {
                    swatch: super::control_chart::COUNT_SWATCH,
                    text: "Monthly count".into(),
                },
                Entry {
                    swatch: super::control_chart::CENTRE_SWATCH,
                    text: format!("Mean ({})", number(*centre, 1)),
                },
                Entry {
                    swatch: super::control_chart::LIMIT_SWATCH,
                    text: "Control limits".into(),
                },
            ];
            if !flagged.is_empty() {
                entries.push(Entry {
                    swatch: Swatch::Flag,
                    text: "Flagged month".into(),
                });
            }
            entries
        }
    }
}

pub fn entry_width<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    entry: &Entry,
) -> Result<f64, FigureError> {
    Ok(SWATCH + SWATCH_GAP + canvas.text_width(&entry.text, LABEL.size_pt)?)
}

/// The entries grouped into rows no wider than `width`, each row with its width.
pub fn rows<'e, DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    entries: &'e [Entry],
    width: f64,
) -> Result<Vec<(Vec<&'e Entry>, f64)>, FigureError> {
    let mut rows: Vec<(Vec<&Entry>, f64)> = Vec::new();
    for entry in entries {
        let w = entry_width(canvas, entry)?;
        match rows.last_mut() {
            Some((row, row_width)) if *row_width + ENTRY_GAP + w <= width => {
                row.push(entry);
                *row_width += ENTRY_GAP + w;
            }
            _ => rows.push((vec![entry], w)),
        }
    }
    Ok(rows)
}

/// Draw one row of entries ending at `right`, its text on `baseline`.
pub fn draw_row<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    row: &[&Entry],
    row_width: f64,
    right: f64,
    baseline: f64,
) -> Result<(), FigureError> {
    let mut x = right - row_width;
    // The middle of lower-case letters, where a line sample should sit.
    let middle = baseline - LABEL.size_pt * 0.3;
    for entry in row {
        draw_swatch(canvas, entry.swatch, x, middle)?;
        x += SWATCH + SWATCH_GAP;
        canvas.text(&entry.text, x, baseline, LABEL, Align::Left)?;
        x += canvas.text_width(&entry.text, LABEL.size_pt)? + ENTRY_GAP;
    }
    Ok(())
}

fn draw_swatch<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    swatch: Swatch,
    x: f64,
    y: f64,
) -> Result<(), FigureError> {
    let ends = [(x, y), (x + SWATCH, y)];
    match swatch {
        Swatch::Line {
            colour,
            width,
            style: LineStyle::Solid,
        } => canvas.line(&ends, colour, width),
        Swatch::Line {
            colour,
            width,
            style: LineStyle::Dashed,
        } => canvas.dashed_line(&ends, colour, width),
        Swatch::DottedLine { colour, width } => {
            canvas.line(&ends, colour, width)?;
            canvas.dot((x + SWATCH / 2.0, y), MARKER_RADIUS, colour)
        }
        Swatch::Flag => super::control_chart::flag(canvas, (x + SWATCH / 2.0, y)),
        Swatch::Dot { colour, radius } => canvas.dot((x + SWATCH / 2.0, y), radius, colour),
        Swatch::Box { colour } => {
            let half = LABEL.size_pt * 0.4;
            let corners = [
                (x, y - half),
                (x + SWATCH, y - half),
                (x + SWATCH, y + half),
                (x, y + half),
                (x, y - half),
            ];
            canvas.rect((x, y - half), (x + SWATCH, y + half), colour)?;
            canvas.line(&corners, super::style::MAP_OUTLINE, 0.4)
        }
    }
}
