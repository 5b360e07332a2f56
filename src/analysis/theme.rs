//! Themes a page can show: all recorded crime, anti-social behaviour, one police.uk crime
//! type, or a user-defined group of types. A theme is a set of crime-type ids.

use crate::import::crime_types::{crime_type_name, is_asb, CRIME_TYPES};
use crate::store::cube::ThemeGroup;

/// What a page is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Every police.uk row except anti-social behaviour.
    AllCrime,
    AntiSocialBehaviour,
    CrimeType(u8),
    Group {
        name: String,
        crime_types: Vec<u8>,
    },
}

impl Theme {
    /// Whether incidents of this crime-type id count towards the theme.
    pub fn includes(&self, crime_type: u8) -> bool {
        match self {
            Theme::AllCrime => !is_asb(crime_type),
            Theme::AntiSocialBehaviour => is_asb(crime_type),
            Theme::CrimeType(t) => *t == crime_type,
            Theme::Group { crime_types, .. } => crime_types.contains(&crime_type),
        }
    }

    /// The label shown on pages and in documents.
    pub fn label(&self) -> String {
        match self {
            Theme::AllCrime => "All recorded crime".into(),
            Theme::AntiSocialBehaviour => "Anti-social behaviour".into(),
            Theme::CrimeType(t) => crime_type_name(*t).unwrap_or("Unknown type").into(),
            Theme::Group { name, .. } => name.clone(),
        }
    }

    /// The key used in `stats --json` (`all_crime`, `asb`, `burglary`, `group_acquisitive_crime`).
    pub fn key(&self) -> String {
        match self {
            Theme::AllCrime => "all_crime".into(),
            Theme::AntiSocialBehaviour => "asb".into(),
            Theme::CrimeType(_) => slug(&self.label()),
            Theme::Group { name, .. } => format!("group_{}", slug(name)),
        }
    }

    /// Whether the theme spans several crime types (so a type breakdown means something).
    pub fn has_breakdown(&self) -> bool {
        match self {
            Theme::AllCrime => true,
            Theme::AntiSocialBehaviour | Theme::CrimeType(_) => false,
            Theme::Group { crime_types, .. } => crime_types.len() > 1,
        }
    }

    /// Every theme, in the order selectors list them.
    pub fn all(groups: &[ThemeGroup]) -> Vec<Theme> {
        let mut themes = vec![Theme::AllCrime, Theme::AntiSocialBehaviour];
        themes.extend(groups.iter().map(|g| Theme::Group {
            name: g.name.clone(),
            crime_types: g.crime_types.clone(),
        }));
        themes.extend(
            (1..=CRIME_TYPES.len() as u8)
                .filter(|t| !is_asb(*t))
                .map(Theme::CrimeType),
        );
        themes
    }
}

/// `Violence and sexual offences` → `violence_and_sexual_offences`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes_select_the_right_types_and_have_stable_keys() {
        assert!(Theme::AllCrime.includes(3));
        assert!(!Theme::AllCrime.includes(1));
        assert!(Theme::AntiSocialBehaviour.includes(1));
        assert_eq!(Theme::CrimeType(14).key(), "violence_and_sexual_offences");
        let group = Theme::Group {
            name: "Acquisitive crime (all)".into(),
            crime_types: vec![3, 13],
        };
        assert_eq!(group.key(), "group_acquisitive_crime_all");
        assert!(group.includes(13) && !group.includes(14));
        assert_eq!(Theme::all(&[]).len(), 15);
    }
}
