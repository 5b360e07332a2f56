//! The app's Comparison operations: keeping the comparison in step with the Overview's
//! theme, year and area once per frame (a cheap comparison of keys; work only when one
//! changed), the peer set and the table's sort, the peer-group editor, and the area of
//! interest proposed after the first import of police data.

use super::app::App;
use super::comparison_view::SortColumn;
use super::notice::Notice;
use super::peer_editor::PeerEditor;
use crate::analysis::comparison::PeerChoice;
use crate::store::geography::AreaChoice;
use std::path::Path;

impl App {
    /// Recompute the comparison when the Overview's selection or the peer set changed.
    pub(super) fn refresh_comparison(&mut self) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let view = &mut assessment.view;
        if let Some(picture) = view.picture.as_ref() {
            view.comparison.refresh(picture);
        }
    }

    /// Compare with another peer set; remembered in the file so the export uses it too.
    pub fn set_peers(&mut self, peers: PeerChoice) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        // A file open read-only for review is compared as chosen but not changed.
        let remembered = if self.read_only {
            Ok(())
        } else {
            assessment.store.set_comparison_peers(&peers.stored())
        };
        if let Err(e) = remembered {
            self.notice = Some(Notice::problem(format!(
                "The peer set was not remembered in the file: {e}"
            )));
        }
        assessment.view.comparison.set_peers(peers);
        self.refresh_comparison();
    }

    pub fn sort_comparison(&mut self, column: SortColumn) {
        if let Some(assessment) = self.assessment.as_mut() {
            assessment.view.comparison.sort_by(column);
        }
    }

    pub fn edit_peer_groups(&mut self) {
        self.peer_editor = Some(PeerEditor::default());
    }

    pub fn peer_editor(&mut self) -> Option<&mut PeerEditor> {
        self.peer_editor.as_mut()
    }

    /// Save a peer group and compare with it at once.
    pub fn save_peer_group(&mut self, name: &str, codes: &[String]) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match assessment.store.save_peer_group(name, codes) {
            Ok(group) => {
                self.peer_editor = Some(PeerEditor::default());
                self.reload_peer_groups();
                self.set_peers(PeerChoice::Saved {
                    name: group.name,
                    codes: group.codes,
                });
            }
            Err(e) => {
                self.notice = Some(Notice::problem(format!(
                    "The peer group was not saved: {e}"
                )))
            }
        }
    }

    pub fn delete_peer_group(&mut self, name: &str) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match assessment.store.delete_peer_group(name) {
            Ok(()) => {
                let was_chosen = matches!(
                    &assessment.view.comparison.peers,
                    PeerChoice::Saved { name: chosen, .. } if chosen == name
                );
                self.reload_peer_groups();
                if was_chosen {
                    self.set_peers(PeerChoice::AllDistricts);
                }
            }
            Err(e) => {
                self.notice = Some(Notice::problem(format!(
                    "The peer group was not deleted: {e}"
                )))
            }
        }
    }

    fn reload_peer_groups(&mut self) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match assessment.store.peer_groups() {
            Ok(groups) => {
                assessment.view.comparison.peer_groups = groups;
                assessment.view.comparison.invalidate();
            }
            Err(e) => self.notice = Some(Notice::problem(e.to_string())),
        }
    }

    /// Fill the peer-group editor's codes from a CSV (the editor's button chooses it).
    pub fn read_peer_codes_from(&mut self, path: &Path) {
        let editor = self.peer_editor.get_or_insert_with(PeerEditor::default);
        if let Err(message) = editor.read_codes_from(path) {
            self.notice = Some(Notice::problem(message));
        }
    }

    /// After the first import of police data: offer the district holding most incidents
    /// as the area of interest (a banner to accept or dismiss), or say what is missing.
    pub(super) fn propose_area(&mut self) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        let is_area_set = assessment
            .view
            .picture
            .as_ref()
            .is_some_and(|p| !p.area_ward_codes().is_empty());
        let Some(proposal) = assessment.view.comparison.proposed_area() else {
            return;
        };
        if is_area_set {
            return;
        }
        if proposal.in_lookup {
            assessment.view.comparison.proposal = Some(proposal);
        } else {
            self.notice = Some(Notice::info(format!(
                "The police data covers several districts; most incidents ({:.1}%) are in {}. To make it your area of interest, import a ward lookup (LSOA → ward → district) that covers it, then choose it as the Area.",
                proposal.share_pct, proposal.name
            )));
        }
    }

    /// Make the proposed district the area of interest.
    pub fn accept_proposed_area(&mut self) {
        let Some(proposal) = self
            .assessment
            .as_mut()
            .and_then(|a| a.view.comparison.proposal.take())
        else {
            return;
        };
        self.set_area(AreaChoice::District(proposal.code.unwrap_or(proposal.name)));
    }

    pub fn dismiss_proposed_area(&mut self) {
        if let Some(assessment) = self.assessment.as_mut() {
            assessment.view.comparison.proposal = None;
        }
    }

    /// The proposal on offer, if any.
    pub fn proposed_area(&self) -> Option<&crate::analysis::area_proposal::AreaProposal> {
        self.view().and_then(|v| v.comparison.proposal.as_ref())
    }
}
