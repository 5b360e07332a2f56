//! Everything a review of the partnership plan reads from an assessment file, loaded
//! once: the plan, the police counts with the area of interest and theme groups, the
//! partner rows, the imported indicators. The Plan page, `plan --json`, the performance
//! report and the strategic assessment's "how did we do" section all review from this.

use crate::analysis::action_plan::{
    latest_data_month, review_plan, ActionPlan, AsAt, PlanReview, SeriesInputs,
};
use crate::analysis::area::AreaIndex;
use crate::analysis::partner::PartnerArea;
use crate::analysis::theme::Theme;
use crate::store::cube::CountCube;
use crate::store::partner::PartnerRows;
use crate::store::{Store, StoreError};
use std::collections::BTreeSet;

/// The plan and the data its measurables follow.
#[derive(Debug, Clone)]
pub struct PlanData {
    pub plan: ActionPlan,
    pub cube: CountCube,
    pub area: AreaIndex,
    pub themes: Vec<Theme>,
    pub partner: PartnerRows,
    pub partner_area: PartnerArea,
    /// District codes of the area of interest.
    pub districts: BTreeSet<String>,
    /// The partnership's name: the area of interest, the lookup's one district, or "".
    pub partnership: String,
}

impl PlanData {
    pub fn load(store: &Store) -> Result<PlanData, StoreError> {
        let cube = store.count_cube()?;
        let area = AreaIndex::build(&cube);
        let in_area: BTreeSet<&str> = area.wards.iter().map(|w| w.0.as_str()).collect();
        let districts: BTreeSet<String> = cube
            .wards
            .iter()
            .filter(|w| !w.district_code.is_empty() && in_area.contains(w.code.as_str()))
            .map(|w| w.district_code.clone())
            .collect();
        let partnership = if area.is_filtered {
            area.name.clone()
        } else {
            match store.districts()?.as_slice() {
                [only] => only.name.clone(),
                _ => String::new(),
            }
        };
        Ok(PlanData {
            plan: store.action_plan()?,
            themes: Theme::all(&cube.groups),
            partner_area: PartnerArea::new(&area, store.lsoa_wards()?),
            partner: store.partner_rows()?,
            districts,
            partnership,
            area,
            cube,
        })
    }

    pub fn inputs(&self) -> SeriesInputs<'_> {
        SeriesInputs {
            months: &self.cube.months,
            themes: &self.themes,
            area: &self.area,
            partner: &self.partner,
            partner_area: &self.partner_area,
            indicators: &self.partner.indicators,
            districts: &self.districts,
        }
    }

    /// The review a file opens on: as at the latest month any data cover.
    pub fn default_as_at(&self) -> Option<AsAt> {
        latest_data_month(&self.inputs()).map(AsAt::latest)
    }

    pub fn review(&self, as_at: AsAt) -> PlanReview {
        review_plan(&self.plan, &self.inputs(), as_at)
    }

    /// Names of the indicators the file holds, each once, in first-seen order.
    pub fn indicator_names(&self) -> Vec<String> {
        let mut seen = BTreeSet::new();
        self.partner
            .indicators
            .iter()
            .filter(|r| seen.insert(crate::import::partner::values::words(&r.indicator)))
            .map(|r| r.indicator.clone())
            .collect()
    }
}
