//! The Map page: the Overview's theme, year and area selectors; a banner offering a ward
//! lookup derived from the boundaries when none is loaded; the layer choices; the map (pan
//! and zoom from egui_plot, in British National Grid metres so it is not stretched) with
//! its legend; hovering an area, a cell or a hex bin shows its name and figures. The
//! Incidents layer (dots or hex bins) is drawn by `map_incidents`.
//!
//! Draws only from cached shapes and paint (see `map_view`): per frame it transforms the
//! prepared triangles to the screen and tests the hovered point, nothing more.

use super::map_incidents::{bin_tooltip_ui, hovered_bin, incidents_ui};
use super::picture::picture_selectors_ui;
use super::PageContext;
use crate::analysis::area_figures::AreaFigure;
use crate::analysis::classes::ClassMethod;
use crate::analysis::geo::polygon::BoundingBox;
use crate::analysis::geo::shapes::MapShape;
use crate::analysis::hotspot_grid::for_theme::{ExtentSource, ThemeHotspots};
use crate::report::format::thousands;
use crate::ui::actions::Action;
use crate::ui::map_layers::LayerPaint;
use crate::ui::map_view::{
    GridMeasure, HotspotState, IncidentStyle, MapLayer, MapOptions, MapView,
};
use crate::ui::theme::INFO_COLOUR;
use crate::ui::widgets::page_heading_ui;
use egui::{Color32, Mesh, Pos2, Rect, RichText, Shape, Stroke, Vec2};
use egui_plot::{Plot, PlotPoint, PlotTransform};

const LEGEND_WIDTH: f32 = 250.0;
const OUTLINE: Color32 = Color32::from_rgb(90, 90, 90);
const BACKDROP: Color32 = Color32::from_rgb(242, 242, 242);

pub fn map_page_ui(ui: &mut egui::Ui, context: &PageContext<'_>, actions: &mut Vec<Action>) {
    page_heading_ui(
        ui,
        "Map",
        "Where incidents happen: wards and LSOAs coloured by their figures, hotspot statistics on a regular grid, and the incidents themselves as points or hex bins.",
    );
    let Some(picture) = &context.view.picture else {
        ui.label(
            RichText::new(
                "The map appears once the file holds a complete financial year (April to March) of police data.",
            )
            .weak(),
        );
        return;
    };
    let map = &context.view.map;
    picture_selectors_ui(ui, picture, !context.read_only, actions);
    ui.add_space(6.0);
    if let Some(proposal) = &map.proposal {
        ui.add_enabled_ui(!context.read_only, |ui| {
            derive_banner_ui(ui, proposal, actions)
        });
    }
    options_ui(ui, map.options, actions);
    if !map.has_boundaries() && !map.options.layer.needs_points() {
        ui.add_space(20.0);
        ui.label(
            RichText::new(
                "No boundaries yet: import ward and LSOA boundaries (GeoJSON files) on the Data page to draw the wards and LSOAs. The hotspot grid and the incidents work without them.",
            )
            .weak(),
        );
        return;
    }
    let paint = map.paint.as_ref();
    ui.horizontal_top(|ui| {
        let size = Vec2::new(
            (ui.available_width() - LEGEND_WIDTH - 12.0).max(200.0),
            (ui.available_height() - 8.0).max(240.0),
        );
        ui.allocate_ui(size, |ui| map_canvas_ui(ui, map, paint, size));
        ui.vertical(|ui| {
            ui.set_width(LEGEND_WIDTH);
            legend_ui(ui, map, paint, context.is_computing_hotspots);
        });
    });
}

fn derive_banner_ui(
    ui: &mut egui::Ui,
    proposal: &crate::ui::map_view::LookupProposal,
    actions: &mut Vec<Action>,
) {
    let fit = &proposal.fit;
    egui::Frame::new()
        .fill(Color32::from_rgb(232, 241, 251))
        .stroke(Stroke::new(1.0, INFO_COLOUR))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("No ward lookup: derive one from the boundaries?").strong());
                ui.label(format!(
                    "{} of {} LSOAs placed in a ward: {} by containment, {} by nearest ward{}.",
                    fit.by_containment + fit.by_nearest,
                    fit.placements.len(),
                    fit.by_containment,
                    fit.by_nearest,
                    if fit.unplaced > 0 {
                        format!(", {} not placed", fit.unplaced)
                    } else {
                        String::new()
                    }
                ));
                if ui
                    .button("Accept")
                    .on_hover_text("Save this best-fit LSOA → ward lookup in the assessment file")
                    .clicked()
                {
                    actions.push(Action::AcceptDerivedLookup);
                }
            });
        });
    ui.add_space(6.0);
}

fn options_ui(ui: &mut egui::Ui, options: MapOptions, actions: &mut Vec<Action>) {
    let mut chosen = options;
    ui.horizontal(|ui| {
        ui.label("Layer:");
        for layer in MapLayer::ALL {
            ui.radio_value(&mut chosen.layer, layer, layer.label());
        }
    });
    ui.horizontal(|ui| {
        ui.label("Show:");
        if chosen.layer == MapLayer::HotspotGrid {
            for measure in GridMeasure::ALL {
                ui.radio_value(&mut chosen.grid, measure, measure.label());
            }
        } else if chosen.layer == MapLayer::Incidents {
            for style in IncidentStyle::ALL {
                ui.radio_value(&mut chosen.incidents, style, style.label());
            }
        } else {
            for measure in crate::ui::map_view::AreaMeasure::ALL {
                ui.radio_value(&mut chosen.measure, measure, measure.label());
            }
        }
    });
    let uses_breaks = match chosen.layer {
        MapLayer::HotspotGrid => matches!(chosen.grid, GridMeasure::Density | GridMeasure::Count),
        MapLayer::Incidents => chosen.incidents == IncidentStyle::HexBins,
        MapLayer::Wards | MapLayer::Lsoas => true,
    };
    if uses_breaks {
        ui.horizontal(|ui| {
            ui.label("Classes:");
            for method in [ClassMethod::Quantile, ClassMethod::NaturalBreaks] {
                ui.radio_value(&mut chosen.method, method, method.label());
            }
        });
    }
    if chosen != options {
        actions.push(Action::SetMapOptions(chosen));
    }
}

fn legend_ui(ui: &mut egui::Ui, map: &MapView, paint: Option<&LayerPaint>, computing: bool) {
    if map.options.layer.needs_points() {
        let (working, missing) = if map.options.layer == MapLayer::Incidents {
            ("Loading incidents…", "No incidents map")
        } else {
            ("Computing hotspots…", "No hotspot grid")
        };
        match &map.hotspots {
            HotspotState::Computing(_) | HotspotState::NotAsked => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(working);
                });
                return;
            }
            HotspotState::Failed { message, .. } => {
                ui.label(RichText::new(format!("{missing}: {message}")).weak());
                return;
            }
            HotspotState::Ready { .. } if computing => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(working);
                });
            }
            HotspotState::Ready { .. } => {}
        }
    }
    let Some(paint) = paint else {
        return;
    };
    ui.label(RichText::new(&paint.title).strong());
    ui.add_space(4.0);
    for (colour, text) in &paint.legend {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(18.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, *colour);
            ui.painter().rect_stroke(
                rect,
                2.0,
                Stroke::new(0.5, OUTLINE),
                egui::StrokeKind::Inside,
            );
            ui.label(text);
        });
    }
    if let Some(note) = &paint.note {
        ui.add_space(4.0);
        ui.label(RichText::new(note).weak());
    }
    if let HotspotState::Ready { grid, took, .. } = &map.hotspots {
        if map.options.layer == MapLayer::HotspotGrid {
            ui.add_space(8.0);
            let spec = grid.grid.spec;
            ui.label(
                RichText::new(format!(
                    "{} incidents located in {}; {} × {} cells of {} m over the {}; computed in {:.1} s.",
                    thousands(grid.incidents as i64),
                    grid.financial_year,
                    spec.cols,
                    spec.rows,
                    spec.cell_size,
                    match grid.extent_from {
                        ExtentSource::WardBoundaries => "area's ward boundaries",
                        ExtentSource::IncidentPoints => "incidents' extent",
                    },
                    took.as_secs_f64()
                ))
                .weak(),
            );
        }
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Drag to pan, scroll to zoom, double-click to reset.").weak());
}

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

fn map_canvas_ui(ui: &mut egui::Ui, map: &MapView, paint: Option<&LayerPaint>, size: Vec2) {
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
