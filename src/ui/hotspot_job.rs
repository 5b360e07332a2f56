//! The hotspot grid computed on its own named thread, so the Map page never freezes: the
//! point query scans the fact table (seconds on millions of incidents). The thread opens its
//! own read connection to the assessment file, sends one result over a channel and wakes
//! the UI, which polls each frame.

use super::map_view::SelectionKey;
use crate::analysis::hotspot_grid::for_theme::{theme_hotspots, HotspotRequest, ThemeHotspots};
use crate::import::boundaries::BoundaryLevel;
use crate::store::Store;
use crossbeam_channel::{Receiver, TryRecvError};
use std::path::Path;
use std::time::{Duration, Instant};

/// The grid and how long it took, or why it could not be made.
pub type HotspotOutcome = Result<(ThemeHotspots, Duration), String>;

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
                let outcome = compute(&path, &request).map(|grid| (grid, started.elapsed()));
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

fn compute(path: &Path, request: &HotspotRequest) -> Result<ThemeHotspots, String> {
    let store = Store::open_existing(path).map_err(|e| e.to_string())?;
    let points = store
        .incident_points(&request.query)
        .map_err(|e| e.to_string())?;
    let wards = store
        .boundaries(BoundaryLevel::Ward)
        .map_err(|e| e.to_string())?;
    theme_hotspots(request, &points, &wards).map_err(|e| e.to_string())
}
