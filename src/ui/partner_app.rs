//! What the Partner page changes: the financial year a partner theme shows, and the
//! female 16+ population MARAC rates are taken over.

use super::app::App;
use super::notice::Notice;
use super::partner_view::PartnerView;

impl App {
    /// Show a partner theme for another financial year.
    pub fn select_partner_year(
        &mut self,
        layout: crate::import::partner::PartnerLayout,
        year: crate::analysis::financial_year::FinancialYear,
    ) {
        if let Some(assessment) = self.assessment.as_mut() {
            assessment.view.partner.select(layout, year);
        }
    }

    /// Set the female 16+ population MARAC rates are taken over (stored in the file).
    pub fn set_female_population(&mut self, value: Option<f64>) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match assessment.store.set_female_16_plus(value) {
            Ok(()) => self.refresh_partner(),
            Err(e) => self.notice = Some(Notice::problem(e.to_string())),
        }
    }

    pub(super) fn refresh_partner(&mut self) {
        let Some(assessment) = self.assessment.as_mut() else {
            return;
        };
        match PartnerView::reload(&assessment.store, &assessment.view.partner) {
            Ok(partner) => assessment.view.partner = partner,
            Err(e) => self.notice = Some(Notice::problem(e.to_string())),
        }
    }
}
