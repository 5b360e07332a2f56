//! A choropleth map drawn to scale: every area's outline filled with its class colour and
//! edged in grey, fitted with north up and equal scales on both axes, so shapes are not
//! stretched. Around it, never over it: the named areas in a column on the left, each with
//! a leader line to a point inside its area (labels cannot collide or hide a small ward);
//! on the right the legend under its title, the north arrow and the scale bar.

use super::canvas::{Align, Canvas, Rect, TextLook};
use super::legend::{self, Entry};
use super::spec::MapArea;
use super::style::{self, class_colour, LABEL, MAP_OUTLINE, TICK};
use super::FigureError;
use plotters::prelude::{DrawingBackend, RGBColor, WHITE};

/// Width of area outlines, in points.
const OUTLINE: f64 = 0.35;
/// Gap between the map and the columns beside it, in points.
const GAP: f64 = 12.0;
/// The scale bar is about this share of the map's width, at most the column's width.
const SCALE_SHARE: f64 = 0.3;
const INK: RGBColor = RGBColor(40, 40, 40);
const NAME: TextLook = TextLook {
    size_pt: 7.5,
    colour: INK,
};

/// The projected box of all areas: (min x, min y, max x, max y).
fn extent(areas: &[MapArea]) -> Option<(f64, f64, f64, f64)> {
    let mut b = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    for &(x, y) in areas.iter().flat_map(|a| a.rings.iter().flatten()) {
        b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
    }
    (b.2 - b.0 > 0.0 && b.3 - b.1 > 0.0).then_some(b)
}

pub fn draw<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    area: Rect,
    areas: &[MapArea],
    legend_title: &str,
    entries: &[Entry],
) -> Result<(), FigureError> {
    let Some((min_x, min_y, max_x, max_y)) = extent(areas) else {
        return Ok(());
    };
    let mut side_width = canvas.text_width(legend_title, LABEL.size_pt)?;
    for entry in entries {
        side_width = side_width.max(legend::entry_width(canvas, entry)?);
    }
    let labels: Vec<&super::spec::MapLabel> =
        areas.iter().filter_map(|a| a.label.as_ref()).collect();
    let mut names_width: f64 = 0.0;
    for label in &labels {
        names_width = names_width.max(canvas.text_width(&label.text, NAME.size_pt)?);
    }
    let map_box = Rect {
        left: area.left
            + if labels.is_empty() {
                0.0
            } else {
                names_width + GAP * 2.0
            },
        right: area.right - side_width - GAP,
        ..area
    };
    let (width, height) = (max_x - min_x, max_y - min_y);
    let scale = (map_box.width() / width).min(map_box.height() / height);
    let left = map_box.left + (map_box.width() - width * scale) / 2.0;
    let bottom = map_box.bottom - (map_box.height() - height * scale) / 2.0;
    let to_canvas =
        |&(x, y): &(f64, f64)| (left + (x - min_x) * scale, bottom - (y - min_y) * scale);
    for map_area in areas {
        let colour = class_colour(map_area.class, entries.len());
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
    let points: Vec<(&str, (f64, f64))> = labels
        .iter()
        .map(|l| (l.text.as_str(), to_canvas(&l.at)))
        .collect();
    callouts(canvas, &points, area.left + names_width, area)?;
    let side_left = area.right - side_width;
    let mut y = area.top + LABEL.size_pt * style::ASCENT;
    canvas.text(legend_title, side_left, y, LABEL, Align::Left)?;
    for entry in entries {
        y += style::line_height(LABEL) + 1.0;
        let entry_width = legend::entry_width(canvas, entry)?;
        legend::draw_row(canvas, &[entry], entry_width, side_left + entry_width, y)?;
    }
    north_arrow(canvas, side_left + 6.0, y + 10.0)?;
    let bar_room = (side_width - 12.0).min(width * scale * SCALE_SHARE);
    scale_bar(canvas, side_left, area.bottom - 2.0, bar_room, scale)
}

/// Names right-aligned at `names_right`, each on its own line near the height of its
/// point (in the points' top-to-bottom order), with a leader line from the name to a dot
/// at the point.
fn callouts<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    points: &[(&str, (f64, f64))],
    names_right: f64,
    area: Rect,
) -> Result<(), FigureError> {
    let mut sorted: Vec<&(&str, (f64, f64))> = points.iter().collect();
    sorted.sort_by(|a, b| a.1 .1.total_cmp(&b.1 .1));
    let spacing = NAME.size_pt * style::LINE_SPACING + 1.0;
    let top = area.top + NAME.size_pt;
    let mut baselines: Vec<f64> = Vec::with_capacity(sorted.len());
    for (_, (_, y)) in &sorted {
        let wanted = (y + NAME.size_pt * 0.35).max(top);
        let placed = baselines
            .last()
            .map_or(wanted, |last| wanted.max(last + spacing));
        baselines.push(placed);
    }
    // Push the column back up if it ran past the bottom.
    let overflow = baselines
        .last()
        .map_or(0.0, |last| (last - area.bottom).max(0.0));
    for b in &mut baselines {
        *b -= overflow;
    }
    for ((text, point), baseline) in sorted.iter().map(|p| (p.0, p.1)).zip(baselines) {
        canvas.text(text, names_right, baseline, NAME, Align::Right)?;
        // Straight leaders from names in the points' own top-to-bottom order do not cross.
        let start = (names_right + 3.0, baseline - NAME.size_pt * 0.3);
        canvas.line(&[start, point], INK, 0.5)?;
        canvas.dot(point, 1.2, INK)?;
    }
    Ok(())
}

/// The longest round length (1, 2 or 5 × a power of ten metres) not over `metres`.
pub fn round_length(metres: f64) -> f64 {
    if !(metres.is_finite() && metres > 0.0) {
        return 0.0;
    }
    let power = 10f64.powf(metres.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * power)
        .find(|l| *l <= metres)
        .unwrap_or(power)
}

/// "500 m", "2 km".
pub fn length_text(metres: f64) -> String {
    if metres >= 1000.0 {
        format!(
            "{} km",
            super::axes::number(metres / 1000.0, usize::from(metres % 1000.0 != 0.0))
        )
    } else {
        format!("{} m", metres.round())
    }
}

/// A two-part black and white bar at most `room` points long with its length under it,
/// its labels' baseline on `baseline`.
fn scale_bar<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    left: f64,
    baseline: f64,
    room: f64,
    pt_per_metre: f64,
) -> Result<(), FigureError> {
    let metres = round_length(room / pt_per_metre);
    if metres <= 0.0 {
        return Ok(());
    }
    let length = metres * pt_per_metre;
    let (top, bar_bottom) = (baseline - 14.0, baseline - 11.0);
    let middle = left + length / 2.0;
    canvas.rect((left, top), (middle, bar_bottom), INK)?;
    canvas.rect((middle, top), (left + length, bar_bottom), WHITE)?;
    let frame = [
        (left, top),
        (left + length, top),
        (left + length, bar_bottom),
        (left, bar_bottom),
        (left, top),
    ];
    canvas.line(&frame, INK, 0.5)?;
    canvas.text("0", left, baseline, TICK, Align::Centre)?;
    canvas.text(
        &length_text(metres),
        left + length,
        baseline,
        TICK,
        Align::Centre,
    )
}

/// An arrow pointing up with "N" over it, its top at `top`.
fn north_arrow<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    x: f64,
    top: f64,
) -> Result<(), FigureError> {
    canvas.text("N", x, top + 8.0, LABEL, Align::Centre)?;
    let (tip, base) = (top + 11.0, top + 29.0);
    // Left half filled, right half white with an outline: reads as an arrow in greyscale.
    canvas.polygon(&[(x, tip), (x - 5.0, base), (x, base - 4.0)], INK)?;
    canvas.polygon(&[(x, tip), (x + 5.0, base), (x, base - 4.0)], WHITE)?;
    canvas.line(
        &[
            (x, tip),
            (x - 5.0, base),
            (x, base - 4.0),
            (x + 5.0, base),
            (x, tip),
        ],
        INK,
        0.6,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_lengths_are_round() {
        assert_eq!(round_length(3_700.0), 2_000.0);
        assert_eq!(round_length(740.0), 500.0);
        assert_eq!(round_length(1_000.0), 1_000.0);
        assert_eq!(round_length(0.0), 0.0);
        assert_eq!(length_text(2_000.0), "2 km");
        assert_eq!(length_text(500.0), "500 m");
        assert_eq!(length_text(2_500.0), "2.5 km");
    }
}
