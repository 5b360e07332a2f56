//! The area of interest proposed after the first import of police data: the district
//! holding most incidents, when the data spans more than one (with one, "All data"
//! already is that district) and that district holds a fair share of them (a national
//! archive, where the busiest district holds under 5 %, gets no proposal). Pure: the
//! district index in, the proposal out.

use super::district::DistrictIndex;
use super::rates::round1;
use crate::report::format::thousands;
use serde::Serialize;

/// The busiest district must hold at least this share (%) of the placed incidents.
pub const LEAST_SHARE_PCT: f64 = 5.0;

/// The district proposed as area of interest after the first import of police data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaProposal {
    pub code: Option<String>,
    pub name: String,
    /// Its incidents, over every month held.
    pub incidents: i64,
    /// Its share of the incidents placed in a district.
    pub share_pct: f64,
    /// Whether the ward lookup has its wards (an area of interest is a set of wards).
    pub in_lookup: bool,
}

impl AreaProposal {
    /// "Most incidents are in Leeds (E08000035): 5,890 of the 14,320 placed in a district
    /// (41.1%)."
    pub fn sentence(&self, placed: i64) -> String {
        format!(
            "Most incidents are in {}{}: {} of the {} placed in a district ({:.1}%).",
            self.name,
            self.code
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default(),
            thousands(self.incidents),
            thousands(placed),
            self.share_pct
        )
    }
}

impl DistrictIndex {
    /// The district holding most incidents, when the data spans more than one district
    /// and it holds at least [`LEAST_SHARE_PCT`] of them; ties go to the first by code.
    pub fn proposed_area(&self) -> Option<(AreaProposal, i64)> {
        let placed: i64 = self.districts.iter().map(|d| d.incidents_held).sum();
        let with_incidents = self
            .districts
            .iter()
            .filter(|d| d.incidents_held > 0)
            .count();
        if with_incidents < 2 || placed <= 0 {
            return None;
        }
        let (index, top) = self.districts.iter().enumerate().max_by(|a, b| {
            a.1.incidents_held
                .cmp(&b.1.incidents_held)
                .then(b.0.cmp(&a.0))
        })?;
        let proposal = AreaProposal {
            code: top.code.clone(),
            name: top.name.clone(),
            incidents: top.incidents_held,
            share_pct: round1(top.incidents_held as f64 * 100.0 / placed as f64),
            in_lookup: self.has_wards(index),
        };
        (proposal.share_pct >= LEAST_SHARE_PCT).then_some((proposal, placed))
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::comparison::tests::cube;
    use crate::analysis::district::DistrictIndex;

    #[test]
    fn the_busiest_district_is_proposed_with_its_share() {
        let index = DistrictIndex::build(&cube());
        let (proposal, placed) = index.proposed_area().unwrap();
        // Leeds: 500 + 50 + 600 + 400 of the 2,241 incidents placed in a district.
        assert_eq!(placed, 2_241);
        assert_eq!(proposal.name, "Leeds");
        assert_eq!(proposal.incidents, 1_550);
        assert_eq!(proposal.share_pct, 69.2);
        assert!(proposal.in_lookup);
        assert_eq!(
            proposal.sentence(placed),
            "Most incidents are in Leeds (E08000035): 1,550 of the 2,241 placed in a district (69.2%)."
        );
    }
}
