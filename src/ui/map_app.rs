//! The app's Map page operations: keeping the map's layer in step with the Overview's
//! selection once per frame (a cheap comparison; work only when something changed),
//! running the hotspot grid job, the layer choices, and accepting a derived ward lookup.

use super::app::App;
use super::hotspot_job::HotspotJob;
use super::map_view::MapOptions;
use super::navigation::Page;
use super::notice::Notice;
use super::view::AssessmentView;

impl App {
    /// Take a finished hotspot grid, then bring the Map page's layer up to date and start
    /// the hotspot job it needs. Only while the Map page is shown.
    pub(super) fn refresh_map(&mut self) {
        if let Some((key, outcome)) = self.hotspot_job.as_ref().and_then(HotspotJob::poll) {
            self.hotspot_job = None;
            if let Some(assessment) = self.assessment.as_mut() {
                assessment.view.map.hotspots_done(key, outcome);
            }
        }
        if self.page != Page::Map {
            return;
        }
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let view = &mut assessment.view;
        let Some(picture) = view.picture.as_ref() else {
            return;
        };
        let Some((key, request)) = view.map.refresh(picture) else {
            return;
        };
        if self.hotspot_job.is_some() {
            // One scan at a time: ask again when the running one has finished.
            view.map.hotspots_abandoned();
            return;
        }
        match HotspotJob::start(assessment.store.path(), key, request, self.egui_ctx.clone()) {
            Ok(job) => self.hotspot_job = Some(job),
            Err(message) => self.notice = Some(Notice::problem(message)),
        }
    }

    /// Whether the hotspot grid is being computed.
    pub fn is_computing_hotspots(&self) -> bool {
        self.hotspot_job.is_some()
    }

    pub fn set_map_options(&mut self, options: MapOptions) {
        if let Some(assessment) = self.assessment.as_mut() {
            assessment.view.map.set_options(options);
        }
    }

    /// Save the derived lookup on offer as the file's ward lookup, then show the file again
    /// (wards, districts and the ward choropleth appear).
    pub fn accept_derived_lookup(&mut self) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let Some(proposal) = assessment.view.map.proposal.clone() else {
            return;
        };
        let options = assessment.view.map.options;
        let saved = assessment
            .store
            .save_derived_lookup(&proposal.rows, &proposal.fit.summary());
        match saved.and_then(|_| AssessmentView::load(&assessment.store)) {
            Ok(mut view) => {
                view.map.set_options(options);
                assessment.view = view;
                self.notice = Some(Notice::info(format!(
                    "Ward lookup saved: {}.",
                    proposal.fit.summary()
                )));
            }
            Err(e) => {
                self.notice = Some(Notice::problem(format!(
                    "The derived lookup was not saved: {e}"
                )))
            }
        }
    }
}
