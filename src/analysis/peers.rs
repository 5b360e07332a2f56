//! Which districts an area is compared with: every district of the file, the districts of
//! its own type, or a peer group the analyst saved (a list of district codes) — resolved
//! against the districts of the file, and remembered in the assessment file as a short
//! text. Pure: no store.

use super::district::District;
use super::la_names::LaType;

/// The name of the peer group of every district.
pub const ALL_DISTRICTS: &str = "All districts in the file";

/// Which districts the area is compared with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PeerChoice {
    /// Every district of the file.
    #[default]
    AllDistricts,
    /// Districts of the subject's type (all districts when there is no subject).
    SameType,
    /// A saved group: its name and district codes.
    Saved { name: String, codes: Vec<String> },
}

/// A peer choice resolved against the districts of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerSet {
    pub name: String,
    /// The group's codes (a saved group's as saved; otherwise the members' codes).
    pub codes: Vec<String>,
    /// Indexed like the districts: whether each is a member.
    pub members: Vec<bool>,
}

impl PeerChoice {
    /// The members among `districts`; `subject_type` is the area's district's type.
    /// `listed` says which districts the comparison lists (for the codes of a group that
    /// is not a saved list).
    pub fn resolve(
        &self,
        districts: &[District],
        subject_type: Option<LaType>,
        listed: &[bool],
    ) -> PeerSet {
        let (name, saved, members): (String, Option<Vec<String>>, Vec<bool>) =
            match (self, subject_type) {
                (PeerChoice::SameType, Some(t)) => (
                    format!("All {} in the file", t.plural()),
                    None,
                    districts.iter().map(|d| d.la_type == t).collect(),
                ),
                (PeerChoice::Saved { name, codes }, _) => {
                    let wanted: Vec<String> =
                        codes.iter().map(|c| c.to_ascii_uppercase()).collect();
                    let members = districts
                        .iter()
                        .map(|d| d.code.as_ref().is_some_and(|c| wanted.contains(c)))
                        .collect();
                    (name.clone(), Some(wanted), members)
                }
                _ => (ALL_DISTRICTS.into(), None, vec![true; districts.len()]),
            };
        let codes = saved.unwrap_or_else(|| {
            districts
                .iter()
                .zip(&members)
                .zip(listed)
                .filter(|((_, member), listed)| **member && **listed)
                .filter_map(|((d, _), _)| d.code.clone())
                .collect()
        });
        PeerSet {
            name,
            codes,
            members,
        }
    }

    /// How the choice is remembered in the assessment file.
    pub fn stored(&self) -> String {
        match self {
            PeerChoice::AllDistricts => "all".into(),
            PeerChoice::SameType => "same_type".into(),
            PeerChoice::Saved { name, .. } => format!("group:{name}"),
        }
    }

    /// A remembered choice, given the saved groups as (name, codes); all districts when
    /// nothing is remembered or the group is gone.
    pub fn from_stored<'a>(
        stored: Option<&str>,
        groups: impl IntoIterator<Item = (&'a str, &'a [String])>,
    ) -> PeerChoice {
        match stored {
            Some("same_type") => PeerChoice::SameType,
            Some(text) => match text.strip_prefix("group:") {
                Some(wanted) => groups.into_iter().find(|(name, _)| *name == wanted).map_or(
                    PeerChoice::AllDistricts,
                    |(name, codes)| PeerChoice::Saved {
                        name: name.to_string(),
                        codes: codes.to_vec(),
                    },
                ),
                None => PeerChoice::AllDistricts,
            },
            None => PeerChoice::AllDistricts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_are_remembered_and_recalled() {
        let codes = vec!["E06000035".to_string(), "E06000036".to_string()];
        let groups = [("Most similar", codes.as_slice())];
        for choice in [
            PeerChoice::AllDistricts,
            PeerChoice::SameType,
            PeerChoice::Saved {
                name: "Most similar".into(),
                codes: codes.clone(),
            },
        ] {
            assert_eq!(
                PeerChoice::from_stored(Some(&choice.stored()), groups),
                choice
            );
        }
        assert_eq!(
            PeerChoice::from_stored(Some("group:Gone"), groups),
            PeerChoice::AllDistricts
        );
        assert_eq!(
            PeerChoice::from_stored(None, groups),
            PeerChoice::AllDistricts
        );
    }
}
