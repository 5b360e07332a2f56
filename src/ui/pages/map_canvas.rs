//! The map canvas of the Map page: the plot in British National Grid metres, the areas
//! filled and outlined from cached shapes, the hotspot grid's cells, the incident layer
//! (drawn by `map_incidents`), the highlighted area, and the tooltips for the area, cell
//! or hex bin under the pointer.

use super::map_incidents::{bin_tooltip_ui, hovered_bin, incidents_ui};
use crate::analysis::area_figures::AreaFigure;
use crate::analysis::geo::polygon::BoundingBox;
use crate::analysis::geo::shapes::MapShape;
use crate::analysis::hotspot_grid::for_theme::ThemeHotspots;
use crate::report::format::thousands;
use crate::ui::map_layers::LayerPaint;
use crate::ui::map_view::{HotspotState, IncidentStyle, MapLayer, MapView};
use egui::{Color32, Mesh, Pos2, Rect, RichText, Shape, Stroke, Vec2};
use egui_plot::{Plot, PlotPoint, PlotTransform};

pub(super) const OUTLINE: Color32 = Color32::from_rgb(90, 90, 90);
const BACKDROP: Color32 = Color32::from_rgb(242, 242, 242);

/// The grid's extent in BNG metres.
fn grid_extent(grid: &ThemeHotspots) -> BoundingBox {
    let spec = grid.grid.spec;
    BoundingBox {
        min_x: spec.origin_x,
        min_y: spec.origin_y,
        max_x: spec.origin_x + spec.cols as f64 * spec.cell_size,
        max_y: spec.origin_y + spec.rows as f64 * spec.cell_size,
    }
}

pub(super) fn map_canvas_ui(
    ui: &mut egui::Ui,
    map: &MapView,
    paint: Option<&LayerPaint>,
    size: Vec2,
) {
    let grid = match (&map.hotspots, map.options.layer) {
        (HotspotState::Ready { grid, .. }, MapLayer::HotspotGrid) => Some(grid.as_ref()),
        _ => None,
    };
    let incidents = match (&map.hotspots, map.options.layer) {
        (HotspotState::Ready { incidents, .. }, MapLayer::Incidents) => Some(incidents.as_ref()),
        _ => None,
    };
    let extent = map
        .extent
        .or_else(|| grid.map(grid_extent))
        .or_else(|| incidents.and_then(|i| i.extent));
    let mut plot = Plot::new("map_plot")
        .data_aspect(1.0)
        .show_axes(false)
        .show_grid(false)
        .show_x(false)
        .show_y(false)
        .width(size.x)
        .height(size.y);
    if let Some(e) = extent {
        plot = plot
            .include_x(e.min_x)
            .include_x(e.max_x)
            .include_y(e.min_y)
            .include_y(e.max_y);
    }
    let response = plot.show(ui, |_| {});
    let transform = response.transform;
    let painter = ui.painter_at(response.response.rect);
    let shapes = map.shapes(map.options.layer);
    let hovered_point = response
        .response
        .hover_pos()
        .map(|pos| transform.value_from_position(pos));
    match (map.options.layer, grid, paint) {
        (MapLayer::HotspotGrid, Some(grid), Some(paint)) => {
            fill_shapes(&painter, &transform, shapes, |_| Some(BACKDROP));
            fill_cells(&painter, &transform, grid, paint);
            outline_shapes(&painter, &transform, shapes, 0.8);
        }
        (MapLayer::HotspotGrid, _, _) => {
            fill_shapes(&painter, &transform, shapes, |_| Some(BACKDROP));
            outline_shapes(&painter, &transform, shapes, 0.8);
        }
        (MapLayer::Incidents, _, paint) => {
            fill_shapes(&painter, &transform, shapes, |_| Some(BACKDROP));
            if let (Some(incidents), Some(paint)) = (incidents, paint) {
                incidents_ui(
                    &painter,
                    &transform,
                    incidents,
                    paint,
                    map.options.incidents,
                );
            }
            outline_shapes(&painter, &transform, shapes, 0.8);
        }
        (_, _, Some(paint)) => {
            fill_shapes(&painter, &transform, shapes, |i| {
                paint.fills.get(i).copied()
            });
            outline_shapes(&painter, &transform, shapes, 0.6);
        }
        (_, _, None) => outline_shapes(&painter, &transform, shapes, 0.6),
    }
    let Some(point) = hovered_point else {
        return;
    };
    let p = (point.x, point.y);
    if let (MapLayer::HotspotGrid, Some(grid)) = (map.options.layer, grid) {
        if let Some((col, row)) = grid.grid.spec.cell_of(p) {
            let index = grid.grid.spec.index(col, row);
            response
                .response
                .on_hover_ui_at_pointer(|ui| cell_tooltip_ui(ui, grid, index));
        }
        return;
    }
    let ward = shapes.iter().rposition(|s| s.contains(p));
    if let (Some(incidents), IncidentStyle::HexBins) = (incidents, map.options.incidents) {
        if let Some(bin) = hovered_bin(&painter, &transform, incidents, p) {
            let name = ward.and_then(|i| shapes.get(i)).map(|s| s.name.as_str());
            response
                .response
                .on_hover_ui_at_pointer(|ui| bin_tooltip_ui(ui, incidents, bin, name));
        }
        return;
    }
    let Some(index) = ward else {
        return;
    };
    let Some(shape) = shapes.get(index) else {
        return;
    };
    outline_shapes(&painter, &transform, std::slice::from_ref(shape), 2.5);
    let figure = paint
        .and_then(|paint| paint.figure_of_shape.get(index).copied().flatten())
        .and_then(|i| {
            let figures = map.figures()?;
            match map.options.layer {
                MapLayer::Wards => figures.wards.get(i),
                _ => figures.lsoas.get(i),
            }
        })
        .or_else(|| {
            // The Incidents layer paints no areas; its hover names the ward beneath.
            let figures = map.figures()?;
            (map.options.layer == MapLayer::Incidents)
                .then(|| figures.wards.iter().find(|f| f.code == shape.code))
                .flatten()
        });
    response
        .response
        .on_hover_ui_at_pointer(|ui| area_tooltip_ui(ui, shape, figure));
}

pub(super) fn screen(transform: &PlotTransform, (x, y): (f64, f64)) -> Pos2 {
    transform.position_from_point(&PlotPoint::new(x, y))
}

fn is_visible(transform: &PlotTransform, bbox: Option<BoundingBox>) -> bool {
    let bounds = transform.bounds();
    let (min, max) = (bounds.min(), bounds.max());
    bbox.is_some_and(|b| {
        b.max_x >= min[0] && b.min_x <= max[0] && b.max_y >= min[1] && b.min_y <= max[1]
    })
}

fn fill_shapes(
    painter: &egui::Painter,
    transform: &PlotTransform,
    shapes: &[MapShape],
    fill: impl Fn(usize) -> Option<Color32>,
) {
    let mut mesh = Mesh::default();
    for (i, shape) in shapes.iter().enumerate() {
        let Some(colour) = fill(i) else {
            continue;
        };
        if !is_visible(transform, shape.bbox) {
            continue;
        }
        let base = mesh.vertices.len() as u32;
        for v in &shape.vertices {
            mesh.colored_vertex(screen(transform, *v), colour);
        }
        for t in &shape.triangles {
            mesh.add_triangle(base + t[0], base + t[1], base + t[2]);
        }
    }
    painter.add(Shape::mesh(mesh));
}

fn outline_shapes(
    painter: &egui::Painter,
    transform: &PlotTransform,
    shapes: &[MapShape],
    width: f32,
) {
    let stroke = Stroke::new(width, OUTLINE);
    for shape in shapes.iter().filter(|s| is_visible(transform, s.bbox)) {
        for polygon in &shape.polygons {
            for ring in std::iter::once(&polygon.exterior).chain(&polygon.holes) {
                let points: Vec<Pos2> = ring.iter().map(|p| screen(transform, *p)).collect();
                painter.add(Shape::closed_line(points, stroke));
            }
        }
    }
}

fn fill_cells(
    painter: &egui::Painter,
    transform: &PlotTransform,
    grid: &ThemeHotspots,
    paint: &LayerPaint,
) {
    let spec = grid.grid.spec;
    let mut mesh = Mesh::default();
    for &(index, colour) in &paint.cells {
        let Some(cell) = grid.grid.cells.get(index) else {
            continue;
        };
        let x = spec.origin_x + cell.col as f64 * spec.cell_size;
        let y = spec.origin_y + cell.row as f64 * spec.cell_size;
        let rect = Rect::from_two_pos(
            screen(transform, (x, y)),
            screen(transform, (x + spec.cell_size, y + spec.cell_size)),
        );
        mesh.add_colored_rect(rect, colour);
    }
    painter.add(Shape::mesh(mesh));
}

fn area_tooltip_ui(ui: &mut egui::Ui, shape: &MapShape, figure: Option<&AreaFigure>) {
    ui.label(RichText::new(&shape.name).strong());
    ui.label(RichText::new(&shape.code).weak());
    let Some(f) = figure else {
        ui.label("No figures for this area");
        return;
    };
    ui.label(format!("Count: {}", thousands(f.count)));
    if let (Some(previous), Some(change)) = (f.previous, f.change) {
        let pct = f
            .change_pct
            .map(|p| format!(", {p:+.1}%"))
            .unwrap_or_default();
        ui.label(format!(
            "Last year: {} ({:+}{pct})",
            thousands(previous),
            change
        ));
    }
    if let Some(rate) = f.rate_per_1000 {
        ui.label(format!("Rate per 1,000 residents: {rate:.1}"));
    }
}

fn cell_tooltip_ui(ui: &mut egui::Ui, grid: &ThemeHotspots, index: usize) {
    let Some(cell) = grid.grid.cells.get(index) else {
        return;
    };
    ui.label(RichText::new(format!("Cell {}, {}", cell.col, cell.row)).strong());
    ui.label(format!("Incidents: {}", thousands(i64::from(cell.count))));
    ui.label(format!("Density: {:.1} per km²", cell.kde));
    ui.label(format!(
        "Gi* z {:.2}, p {:.4} (adjusted {:.4})",
        cell.gi_z, cell.gi_p, cell.gi_p_adjusted
    ));
    ui.label(cell.significance.label());
    if let Some(class) = grid.classes.as_ref().and_then(|c| c.get(index)) {
        ui.label(class.label());
    }
    if let Some(change) = grid.change.as_ref().and_then(|c| c.get(index)) {
        ui.label(format!(
            "Last year: {} ({:+})",
            change.before, change.difference
        ));
    }
}
