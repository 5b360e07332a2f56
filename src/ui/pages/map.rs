//! The Map page: the Overview's theme, year and area selectors; a banner offering a ward
//! lookup derived from the boundaries when none is loaded; the layer choices; the map (pan
//! and zoom from egui_plot, in British National Grid metres so it is not stretched) with
//! its legend; hovering an area, a cell or a hex bin shows its name and figures. The
//! map itself is drawn by `map_canvas`, its Incidents layer (dots or hex bins) by
//! `map_incidents`.
//!
//! Draws only from cached shapes and paint (see `map_view`): per frame it transforms the
//! prepared triangles to the screen and tests the hovered point, nothing more.

use super::map_canvas::{map_canvas_ui, OUTLINE};
use super::picture::picture_selectors_ui;
use super::PageContext;
use crate::analysis::classes::ClassMethod;
use crate::analysis::hotspot_grid::for_theme::ExtentSource;
use crate::report::format::thousands;
use crate::ui::actions::Action;
use crate::ui::map_layers::LayerPaint;
use crate::ui::map_view::{
    GridMeasure, HotspotState, IncidentStyle, MapLayer, MapOptions, MapView,
};
use crate::ui::theme::INFO_COLOUR;
use crate::ui::widgets::page_heading_ui;
use egui::{Color32, RichText, Stroke, Vec2};

const LEGEND_WIDTH: f32 = 250.0;

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
