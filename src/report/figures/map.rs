//! A choropleth map drawn to scale: every area's outline filled with its class colour and
//! edged in grey, fitted into the plot area with north up and equal scales on both axes,
//! so shapes are not stretched.

use super::canvas::{Canvas, Rect};
use super::spec::MapArea;
use super::style::{class_colour, MAP_OUTLINE};
use super::FigureError;
use plotters::prelude::DrawingBackend;

/// Width of area outlines, in points.
const OUTLINE: f64 = 0.35;

pub fn draw<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    area: Rect,
    areas: &[MapArea],
    classes: usize,
) -> Result<(), FigureError> {
    let points = areas.iter().flat_map(|a| a.rings.iter().flatten());
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    for &(x, y) in points {
        min_x = min_x.min(x);
        min_y = min_y.min(y);
        max_x = max_x.max(x);
        max_y = max_y.max(y);
    }
    let (width, height) = (max_x - min_x, max_y - min_y);
    if !(width > 0.0 && height > 0.0) {
        return Ok(());
    }
    let scale = (area.width() / width).min(area.height() / height);
    let left = area.left + (area.width() - width * scale) / 2.0;
    let bottom = area.bottom - (area.height() - height * scale) / 2.0;
    let to_canvas =
        |&(x, y): &(f64, f64)| (left + (x - min_x) * scale, bottom - (y - min_y) * scale);
    for map_area in areas {
        let colour = class_colour(map_area.class, classes);
        for ring in &map_area.rings {
            let outline: Vec<(f64, f64)> = ring.iter().map(to_canvas).collect();
            canvas.polygon(&outline, colour)?;
        }
    }
    // Outlines after all fills, so no fill covers a neighbour's edge.
    for map_area in areas {
        for ring in &map_area.rings {
            let mut outline: Vec<(f64, f64)> = ring.iter().map(to_canvas).collect();
            if let Some(first) = outline.first().copied() {
                outline.push(first);
            }
            canvas.line(&outline, MAP_OUTLINE, OUTLINE)?;
        }
    }
    Ok(())
}
