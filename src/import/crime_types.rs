//! The police.uk crime-type vocabulary: the 14 current categories, in the order the
//! assessment shows them, and the legacy names older files use.
//!
//! This module only names categories; it does not decide how they are stored.

/// The category police.uk uses for anti-social behaviour incidents (not crimes).
pub const ANTI_SOCIAL_BEHAVIOUR: &str = "Anti-social behaviour";

/// The 14 police.uk street-level categories. Position + 1 is the stored id, so the
/// order must never change once shipped (new categories are appended).
pub const CRIME_TYPES: [&str; 14] = [
    ANTI_SOCIAL_BEHAVIOUR,
    "Bicycle theft",
    "Burglary",
    "Criminal damage and arson",
    "Drugs",
    "Other crime",
    "Other theft",
    "Possession of weapons",
    "Public order",
    "Robbery",
    "Shoplifting",
    "Theft from the person",
    "Vehicle crime",
    "Violence and sexual offences",
];

/// Old police.uk names and the category each is counted under today.
/// "Public disorder and weapons" (to 2013) was split; its rows are counted as Public order,
/// the larger half, and the import summary says so.
pub const LEGACY_CRIME_TYPES: [(&str, &str); 2] = [
    ("Violent crime", "Violence and sexual offences"),
    ("Public disorder and weapons", "Public order"),
];

/// How a `Crime type` cell was understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrimeTypeMatch {
    /// A current category: the stored id (1-based position in [`CRIME_TYPES`]).
    Current(u8),
    /// A legacy name mapped to a current category (index into [`LEGACY_CRIME_TYPES`]).
    Legacy { id: u8, legacy_index: usize },
}

impl CrimeTypeMatch {
    pub fn id(self) -> u8 {
        match self {
            CrimeTypeMatch::Current(id) | CrimeTypeMatch::Legacy { id, .. } => id,
        }
    }
}

/// The stored id of a category name, 1-based.
pub fn crime_type_id(name: &str) -> Option<u8> {
    CRIME_TYPES
        .iter()
        .position(|t| *t == name)
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// The name of a stored crime-type id.
pub fn crime_type_name(id: u8) -> Option<&'static str> {
    CRIME_TYPES.get(usize::from(id).checked_sub(1)?).copied()
}

/// Understand a `Crime type` cell: exact current name, then a case-insensitive match,
/// then a legacy name. Surrounding spaces are ignored.
pub fn match_crime_type(cell: &str) -> Option<CrimeTypeMatch> {
    let cell = cell.trim();
    if let Some(id) = crime_type_id(cell) {
        return Some(CrimeTypeMatch::Current(id));
    }
    if let Some(i) = CRIME_TYPES
        .iter()
        .position(|t| t.eq_ignore_ascii_case(cell))
    {
        return u8::try_from(i + 1).ok().map(CrimeTypeMatch::Current);
    }
    LEGACY_CRIME_TYPES
        .iter()
        .position(|(old, _)| old.eq_ignore_ascii_case(cell))
        .and_then(|legacy_index| {
            let id = crime_type_id(LEGACY_CRIME_TYPES[legacy_index].1)?;
            Some(CrimeTypeMatch::Legacy { id, legacy_index })
        })
}

/// Understand a `Crime type` cell's bytes: an exact current name is found without
/// decoding; anything else as [`match_crime_type`] does.
pub fn match_crime_type_bytes(cell: &[u8]) -> Option<CrimeTypeMatch> {
    let exact = CRIME_TYPES.iter().position(|t| t.as_bytes() == cell);
    match exact.and_then(|i| u8::try_from(i + 1).ok()) {
        Some(id) => Some(CrimeTypeMatch::Current(id)),
        None => std::str::from_utf8(cell).ok().and_then(match_crime_type),
    }
}

/// True for the anti-social behaviour category id.
pub fn is_asb(id: u8) -> bool {
    id == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_asb_is_one() {
        for name in CRIME_TYPES {
            let id = crime_type_id(name).unwrap();
            assert_eq!(crime_type_name(id), Some(name));
        }
        assert!(is_asb(crime_type_id(ANTI_SOCIAL_BEHAVIOUR).unwrap()));
        assert_eq!(crime_type_name(0), None);
        assert_eq!(crime_type_name(15), None);
    }

    #[test]
    fn legacy_names_map_to_current_categories() {
        let m = match_crime_type("Violent crime").unwrap();
        assert_eq!(
            crime_type_name(m.id()),
            Some("Violence and sexual offences")
        );
        assert!(matches!(m, CrimeTypeMatch::Legacy { .. }));
        let m = match_crime_type(" public disorder and weapons ").unwrap();
        assert_eq!(crime_type_name(m.id()), Some("Public order"));
        assert_eq!(
            match_crime_type("burglary"),
            Some(CrimeTypeMatch::Current(3))
        );
        assert_eq!(match_crime_type("Fraud"), None);
    }

    #[test]
    fn cell_bytes_match_like_text() {
        for cell in [
            "Burglary",
            "burglary",
            " Drugs ",
            "Violent crime",
            "Fraud",
            "",
        ] {
            assert_eq!(
                match_crime_type_bytes(cell.as_bytes()),
                match_crime_type(cell),
                "{cell}"
            );
        }
        assert_eq!(match_crime_type_bytes(b"Burgl\xe4ry"), None);
    }
}
