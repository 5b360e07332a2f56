//! The state behind the Map page: the boundaries of the file projected, simplified and cut
//! into triangles once when the file is opened; the best-fit ward lookup on offer when the
//! file has boundaries but no lookup; the analyst's layer choices; and what the chosen layer
//! paints (colours per area or grid cell, and the legend), rebuilt only when the Overview's
//! selection, the choices or the hotspot grid change. Drawing reads this and nothing else.

use super::crime_picture::CrimePicture;
use super::map_layers::{area_layer, grid_layer, incident_layer, LayerPaint};
use crate::analysis::area_figures::{area_figures, AreaFigures};
use crate::analysis::classes::ClassMethod;
use crate::analysis::financial_year::FinancialYear;
use crate::analysis::geo::best_fit::{best_fit_lookup, district_names, BestFit};
use crate::analysis::geo::polygon::BoundingBox;
use crate::analysis::geo::shapes::{map_shape, MapShape};
use crate::analysis::hotspot_grid::for_theme::{HotspotRequest, ThemeHotspots};
use crate::analysis::hotspot_grid::HotspotOptions;
use crate::analysis::incident_map::IncidentMap;
use crate::import::boundaries::BoundaryLevel;
use crate::import::geography::LookupRow;
use crate::store::{Store, StoreError};
use std::sync::Arc;
use std::time::Duration;

/// Outlines are simplified to this many metres: finer than a screen pixel at borough scale.
const SIMPLIFY_M: f64 = 10.0;

/// What the map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapLayer {
    #[default]
    Wards,
    Lsoas,
    HotspotGrid,
    Incidents,
}

impl MapLayer {
    pub const ALL: [MapLayer; 4] = [
        MapLayer::Wards,
        MapLayer::Lsoas,
        MapLayer::HotspotGrid,
        MapLayer::Incidents,
    ];

    /// Whether the layer needs the background job (the incidents' points).
    pub fn needs_points(self) -> bool {
        matches!(self, MapLayer::HotspotGrid | MapLayer::Incidents)
    }

    pub fn label(self) -> &'static str {
        match self {
            MapLayer::Wards => "Wards",
            MapLayer::Lsoas => "LSOAs",
            MapLayer::HotspotGrid => "Hotspot grid",
            MapLayer::Incidents => "Incidents",
        }
    }
}

/// How the Incidents layer shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IncidentStyle {
    #[default]
    Points,
    HexBins,
}

impl IncidentStyle {
    pub const ALL: [IncidentStyle; 2] = [IncidentStyle::Points, IncidentStyle::HexBins];

    pub fn label(self) -> &'static str {
        match self {
            IncidentStyle::Points => "Points",
            IncidentStyle::HexBins => "Hex bins",
        }
    }
}

/// The figure a ward or LSOA choropleth shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AreaMeasure {
    #[default]
    Count,
    Rate,
    Change,
}

impl AreaMeasure {
    pub const ALL: [AreaMeasure; 3] = [AreaMeasure::Count, AreaMeasure::Rate, AreaMeasure::Change];

    pub fn label(self) -> &'static str {
        match self {
            AreaMeasure::Count => "Count",
            AreaMeasure::Rate => "Rate per 1,000",
            AreaMeasure::Change => "Change on last year",
        }
    }
}

/// What the hotspot grid colours cells by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GridMeasure {
    #[default]
    GiStar,
    Density,
    Count,
    Classes,
    Change,
}

impl GridMeasure {
    pub const ALL: [GridMeasure; 5] = [
        GridMeasure::GiStar,
        GridMeasure::Density,
        GridMeasure::Count,
        GridMeasure::Classes,
        GridMeasure::Change,
    ];

    pub fn label(self) -> &'static str {
        match self {
            GridMeasure::GiStar => "Hot and cold spots (Gi*)",
            GridMeasure::Density => "Density (KDE)",
            GridMeasure::Count => "Count per cell",
            GridMeasure::Classes => "Emerging / persistent / former",
            GridMeasure::Change => "Change on last year",
        }
    }
}

/// The analyst's choices on the Map page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MapOptions {
    pub layer: MapLayer,
    pub measure: AreaMeasure,
    pub method: ClassMethod,
    pub grid: GridMeasure,
    pub incidents: IncidentStyle,
}

/// The Overview selection a layer was computed for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionKey {
    pub theme: String,
    pub year: FinancialYear,
    pub area: Vec<String>,
}

impl SelectionKey {
    fn is_of(&self, picture: &CrimePicture) -> bool {
        self.theme == picture.figures.key
            && self.year == picture.year
            && self.area == picture.area_ward_codes()
    }

    pub fn of(picture: &CrimePicture) -> SelectionKey {
        SelectionKey {
            theme: picture.figures.key.clone(),
            year: picture.year,
            area: picture.area_ward_codes().to_vec(),
        }
    }
}

/// A derived ward lookup waiting for the analyst's yes.
#[derive(Debug, Clone, PartialEq)]
pub struct LookupProposal {
    pub fit: BestFit,
    pub rows: Vec<LookupRow>,
}

/// Where the hotspot grid and the incidents map (one job makes both) have got to.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum HotspotState {
    #[default]
    NotAsked,
    Computing(SelectionKey),
    Ready {
        key: SelectionKey,
        grid: Arc<ThemeHotspots>,
        incidents: Arc<IncidentMap>,
        took: Duration,
    },
    Failed {
        key: SelectionKey,
        message: String,
    },
}

impl HotspotState {
    fn key(&self) -> Option<&SelectionKey> {
        match self {
            HotspotState::NotAsked => None,
            HotspotState::Computing(key)
            | HotspotState::Ready { key, .. }
            | HotspotState::Failed { key, .. } => Some(key),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapView {
    /// Largest first, so an enclave is drawn over the area around it.
    pub wards: Vec<MapShape>,
    pub lsoas: Vec<MapShape>,
    /// BNG box of every boundary.
    pub extent: Option<BoundingBox>,
    pub proposal: Option<LookupProposal>,
    pub options: MapOptions,
    pub hotspots: HotspotState,
    figures: Option<(SelectionKey, AreaFigures)>,
    /// What the current layer paints, and for which selection and options.
    pub paint: Option<LayerPaint>,
    painted_for: Option<(SelectionKey, MapOptions, bool)>,
}

impl MapView {
    /// Read and prepare the file's boundaries; offer a derived lookup when there are ward
    /// and LSOA boundaries but no ward lookup.
    pub fn load(store: &Store) -> Result<MapView, StoreError> {
        let wards = store.boundaries(BoundaryLevel::Ward)?;
        let lsoas = store.boundaries(BoundaryLevel::Lsoa)?;
        let proposal = if !wards.is_empty() && !lsoas.is_empty() && !store.has_ward_lookup()? {
            let districts = store.boundaries(BoundaryLevel::District)?;
            let fit = best_fit_lookup(&lsoas, &wards);
            let rows = fit.lookup_rows(&wards, &district_names(&districts));
            Some(LookupProposal { fit, rows })
        } else {
            None
        };
        let prepare = |boundaries: &[crate::import::boundaries::Boundary]| {
            let mut shapes: Vec<MapShape> = boundaries
                .iter()
                .map(|b| map_shape(b, SIMPLIFY_M))
                .collect();
            shapes.sort_by(|a, b| b.area.total_cmp(&a.area));
            shapes
        };
        let wards = prepare(&wards);
        let lsoas = prepare(&lsoas);
        let extent = BoundingBox::of_points(wards.iter().chain(&lsoas).flat_map(|s| {
            s.bbox
                .map(|b| [(b.min_x, b.min_y), (b.max_x, b.max_y)])
                .into_iter()
                .flatten()
        }));
        Ok(MapView {
            wards,
            lsoas,
            extent,
            proposal,
            ..MapView::default()
        })
    }

    pub fn has_boundaries(&self) -> bool {
        !self.wards.is_empty() || !self.lsoas.is_empty()
    }

    /// The shapes of an area layer.
    pub fn shapes(&self, layer: MapLayer) -> &[MapShape] {
        match layer {
            MapLayer::Lsoas => &self.lsoas,
            MapLayer::Wards | MapLayer::HotspotGrid | MapLayer::Incidents => &self.wards,
        }
    }

    pub fn figures(&self) -> Option<&AreaFigures> {
        self.figures.as_ref().map(|(_, f)| f)
    }

    /// Bring the figures and the paint up to date with the selection; cheap when nothing
    /// changed (a comparison of a few strings). Returns the hotspot grid to compute, when
    /// the grid or incidents layer is shown and has none for this selection yet.
    pub fn refresh(&mut self, picture: &CrimePicture) -> Option<(SelectionKey, HotspotRequest)> {
        if !self.figures.as_ref().is_some_and(|(k, _)| k.is_of(picture)) {
            let figures = area_figures(
                picture.months(),
                picture.chosen_theme(),
                picture.area_index(),
                picture.year,
            );
            self.figures = Some((SelectionKey::of(picture), figures));
        }
        let mut request = None;
        let grid_wanted = self.options.layer.needs_points();
        if grid_wanted && !self.hotspots.key().is_some_and(|k| k.is_of(picture)) {
            let key = SelectionKey::of(picture);
            self.hotspots = HotspotState::Computing(key.clone());
            request = Some((
                key,
                HotspotRequest::new(
                    picture.chosen_theme(),
                    picture.year,
                    &picture.years,
                    picture.area_index(),
                    HotspotOptions::default(),
                ),
            ));
        }
        let grid_ready = matches!(self.hotspots, HotspotState::Ready { .. });
        let up_to_date = self
            .painted_for
            .as_ref()
            .is_some_and(|(k, o, g)| k.is_of(picture) && *o == self.options && *g == grid_ready);
        if !up_to_date {
            self.paint = Some(self.build_paint(picture));
            self.painted_for = Some((SelectionKey::of(picture), self.options, grid_ready));
        }
        request
    }

    /// Take a finished hotspot grid (ignored if the selection moved on meanwhile; the next
    /// refresh asks again).
    pub fn hotspots_done(
        &mut self,
        key: SelectionKey,
        result: Result<(ThemeHotspots, IncidentMap, Duration), String>,
    ) {
        if self.hotspots.key() != Some(&key) {
            return;
        }
        self.hotspots = match result {
            Ok((grid, incidents, took)) => HotspotState::Ready {
                key,
                grid: Arc::new(grid),
                incidents: Arc::new(incidents),
                took,
            },
            Err(message) => HotspotState::Failed { key, message },
        };
        self.painted_for = None;
    }

    /// Forget a grid being computed (the job was dropped), so the next refresh asks again.
    pub fn hotspots_abandoned(&mut self) {
        if matches!(self.hotspots, HotspotState::Computing(_)) {
            self.hotspots = HotspotState::NotAsked;
        }
    }

    pub fn set_options(&mut self, options: MapOptions) {
        self.options = options;
    }

    fn build_paint(&self, picture: &CrimePicture) -> LayerPaint {
        let theme = picture.figures.theme.as_str();
        match self.options.layer {
            MapLayer::Wards | MapLayer::Lsoas => area_layer(
                self.shapes(self.options.layer),
                self.figures(),
                self.options,
                theme,
            ),
            MapLayer::HotspotGrid => match &self.hotspots {
                HotspotState::Ready { grid, .. } => grid_layer(grid, self.options, theme),
                _ => LayerPaint::default(),
            },
            MapLayer::Incidents => match &self.hotspots {
                HotspotState::Ready { incidents, .. } => {
                    incident_layer(incidents, self.options, theme)
                }
                _ => LayerPaint::default(),
            },
        }
    }
}
