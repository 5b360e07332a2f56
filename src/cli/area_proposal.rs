//! After the first import of police data: the district holding most incidents, proposed
//! as the area of interest, with the command that sets it (or what is missing to set it).

use crate::analysis::area_proposal::AreaProposal;
use crate::analysis::district::DistrictIndex;
use crate::store::Store;
use std::path::Path;

/// The proposal and the words the import summary ends with.
pub struct Proposal {
    pub area: AreaProposal,
    pub text: String,
}

/// `None` when no area should be proposed: an area is already set, the data spans one
/// district (or none is known), or the file could not be read back.
pub fn propose(store: &Store, db: &Path) -> Option<Proposal> {
    let cube = store.count_cube().ok()?;
    if !cube.area.ward_codes.is_empty() {
        return None;
    }
    let (area, placed) = DistrictIndex::build(&cube).proposed_area()?;
    let mut text = area.sentence(placed);
    let district = area.code.clone().unwrap_or_else(|| area.name.clone());
    if area.in_lookup {
        text.push_str(&format!(
            "\nTo make it the area every page and figure is about: csp-assessment area --db \"{}\" --district {district}",
            db.display()
        ));
    } else {
        text.push_str(&format!(
            "\nTo make it your area of interest, import a ward lookup (LSOA → ward → district) that covers {}, then: csp-assessment area --db \"{}\" --district {district}",
            area.name,
            db.display()
        ));
    }
    Some(Proposal { area, text })
}
