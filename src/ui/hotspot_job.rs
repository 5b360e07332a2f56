//! The hotspot grid, and the year's incidents ready to draw as dots or hex bins, computed on
//! its own named thread, so the Map page never freezes: the
//! point query scans the fact table (seconds on millions of incidents). The thread opens its
//! own read connection to the assessment file, sends one result over a channel and wakes
//! the UI, which polls each frame.

use super::map_view::SelectionKey;
use crate::analysis::hotspot_grid::for_theme::{
    hotspots_of_projected, points_by_period, HotspotRequest, ThemeHotspots,
};
use crate::analysis::incident_map::{incident_map, IncidentMap};
use crate::import::boundaries::BoundaryLevel;
use crate::store::Store;
use crossbeam_channel::{Receiver, TryRecvError};
use std::path::Path;
use std::time::{Duration, Instant};

/// The grid, the incidents map and how long they took, or why they could not be made.
pub type HotspotOutcome = Result<(ThemeHotspots, IncidentMap, Duration), String>;

pub struct HotspotJob {
    key: SelectionKey,
    receiver: Receiver<HotspotOutcome>,
}

impl HotspotJob {
    pub fn start(
        assessment: &Path,
        key: SelectionKey,
        request: HotspotRequest,
        repaint: egui::Context,
    ) -> Result<HotspotJob, String> {
        let (sender, receiver) = crossbeam_channel::bounded(1);
        let path = assessment.to_path_buf();
        std::thread::Builder::new()
            .name("hotspots".into())
            .spawn(move || {
                let started = Instant::now();
                let outcome = compute(&path, &request)
                    .map(|(grid, incidents)| (grid, incidents, started.elapsed()));
                // The UI may have closed the file meanwhile; then nobody is listening.
                let _ = sender.send(outcome);
                repaint.request_repaint();
            })
            .map_err(|e| format!("the hotspot calculation could not start ({e})"))?;
        Ok(HotspotJob { key, receiver })
    }

    /// The outcome once the thread has finished, with the selection it was for.
    pub fn poll(&self) -> Option<(SelectionKey, HotspotOutcome)> {
        match self.receiver.try_recv() {
            Ok(outcome) => Some((self.key.clone(), outcome)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some((
                self.key.clone(),
                Err("the hotspot calculation stopped unexpectedly".into()),
            )),
        }
    }
}

fn compute(path: &Path, request: &HotspotRequest) -> Result<(ThemeHotspots, IncidentMap), String> {
    let store = Store::open_existing(path).map_err(|e| e.to_string())?;
    let points = store
        .incident_points(&request.query)
        .map_err(|e| e.to_string())?;
    let wards = store
        .boundaries(BoundaryLevel::Ward)
        .map_err(|e| e.to_string())?;
    let by_period = points_by_period(request, &points);
    drop(points);
    let grid = hotspots_of_projected(request, &by_period, &wards).map_err(|e| e.to_string())?;
    // Hexes about the size of the grid's cells, so the two layers read at the same scale.
    let this_year = by_period.last().map_or(&[][..], Vec::as_slice);
    let incidents = incident_map(this_year, grid.grid.spec.cell_size);
    Ok((grid, incidents))
}
