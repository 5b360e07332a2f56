//! Drawing the Map page's Incidents layer from the cached incidents map and paint: the
//! sampled dots as small see-through squares, or the coloured hex bins; and the hex under
//! the pointer with its count. Per frame it only transforms cached metres to the screen and
//! skips what is out of view; the sample and the bins are made once by the map job.

use super::map_canvas::screen;
use crate::analysis::hexbin::HexBin;
use crate::analysis::incident_map::IncidentMap;
use crate::report::format::thousands;
use crate::ui::map_layers::{LayerPaint, POINT_COLOUR};
use crate::ui::map_view::IncidentStyle;
use egui::{Color32, Mesh, Pos2, Rect, RichText, Shape, Stroke, Vec2};
use egui_plot::PlotTransform;

/// Side of a dot, points.
const DOT_SIZE: f32 = 3.0;

/// Whether a point of the map, grown by `margin` metres, is in view.
fn is_in_view(transform: &PlotTransform, (x, y): (f64, f64), margin: f64) -> bool {
    let bounds = transform.bounds();
    let (min, max) = (bounds.min(), bounds.max());
    x + margin >= min[0] && x - margin <= max[0] && y + margin >= min[1] && y - margin <= max[1]
}

pub fn incidents_ui(
    painter: &egui::Painter,
    transform: &PlotTransform,
    incidents: &IncidentMap,
    paint: &LayerPaint,
    style: IncidentStyle,
) {
    let mut mesh = Mesh::default();
    match style {
        IncidentStyle::Points => {
            let size = Vec2::splat(DOT_SIZE);
            for p in incidents
                .sample
                .iter()
                .filter(|p| is_in_view(transform, **p, 0.0))
            {
                mesh.add_colored_rect(
                    Rect::from_center_size(screen(transform, *p), size),
                    POINT_COLOUR,
                );
            }
        }
        IncidentStyle::HexBins => {
            let grid = incidents.hex_grid;
            for &(index, colour) in &paint.cells {
                let Some(bin) = incidents.bins.get(index) else {
                    continue;
                };
                if !is_in_view(transform, grid.centre(bin.hex), grid.radius) {
                    continue;
                }
                let base = mesh.vertices.len() as u32;
                mesh.colored_vertex(screen(transform, grid.centre(bin.hex)), colour);
                for corner in grid.corners(bin.hex) {
                    mesh.colored_vertex(screen(transform, corner), colour);
                }
                for i in 0..6 {
                    mesh.add_triangle(base, base + 1 + i, base + 1 + (i + 1) % 6);
                }
            }
        }
    }
    painter.add(Shape::mesh(mesh));
}

/// The bin under `point` (BNG metres), if it holds incidents; outlined on the map.
pub fn hovered_bin(
    painter: &egui::Painter,
    transform: &PlotTransform,
    incidents: &IncidentMap,
    point: (f64, f64),
) -> Option<HexBin> {
    let grid = incidents.hex_grid;
    let hex = grid.hex_of(point);
    // The bins are sorted by row then column.
    let index = incidents
        .bins
        .binary_search_by_key(&(hex.1, hex.0), |b| (b.hex.1, b.hex.0))
        .ok()?;
    let bin = incidents.bins.get(index).copied()?;
    let outline: Vec<Pos2> = grid
        .corners(hex)
        .iter()
        .map(|c| screen(transform, *c))
        .collect();
    painter.add(Shape::closed_line(
        outline,
        Stroke::new(2.0, Color32::from_rgb(40, 40, 40)),
    ));
    Some(bin)
}

pub fn bin_tooltip_ui(ui: &mut egui::Ui, incidents: &IncidentMap, bin: HexBin, ward: Option<&str>) {
    ui.label(RichText::new(format!("Hex of {:.0} m", incidents.hex_grid.width())).strong());
    if let Some(ward) = ward {
        ui.label(RichText::new(ward).weak());
    }
    ui.label(format!("Incidents: {}", thousands(i64::from(bin.count))));
}
