//! What a measurable follows, written one way everywhere (the assessment file, `plan
//! --json`, the plan import): `theme:KEY` — a police theme or theme group (`stats` keys:
//! `asb`, `burglary`, `group_acquisitive_crime`); `partner:THEME.FIGURE` — a figure the
//! partner pages already compute ([`PARTNER_FIGURES`]); `indicator:NAME` — an imported
//! indicator. Also reads the names people write in a plan ("Anti-social behaviour",
//! "MARAC cases", "Deliberate fires") when they name exactly one series.

use crate::analysis::theme::Theme;
use crate::import::partner::values::words;

/// How a series' values behave, which decides how a change in them is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    /// Whole counts of events: added over months, a change tested for being real.
    Count,
    /// A percentage: judged against the target.
    Percent,
    /// Any other rate, score or average: judged against the target.
    Rate,
}

/// How often a partner figure is available.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grain {
    Month,
    Quarter,
    /// Each financial year, and the year so far.
    Year,
    /// A count at a date (e.g. cases open at the end of the year).
    Snapshot,
}

/// A partner figure a measurable can follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartnerFigure {
    /// `domestic_abuse.repeat_victim_pct`
    pub key: &'static str,
    pub label: &'static str,
    pub kind: ValueKind,
    pub grain: Grain,
    /// Other names a plan may use for it.
    pub also: &'static [&'static str],
}

const fn figure(
    key: &'static str,
    label: &'static str,
    kind: ValueKind,
    grain: Grain,
    also: &'static [&'static str],
) -> PartnerFigure {
    PartnerFigure {
        key,
        label,
        kind,
        grain,
        also,
    }
}

/// Every partner figure a measurable can follow, by theme.
pub const PARTNER_FIGURES: [PartnerFigure; 14] = [
    figure(
        "domestic_abuse.incidents",
        "Domestic abuse incidents",
        ValueKind::Count,
        Grain::Month,
        &["domestic abuse", "da incidents"],
    ),
    figure(
        "domestic_abuse.crimes",
        "Domestic abuse crimes",
        ValueKind::Count,
        Grain::Month,
        &["da crimes"],
    ),
    figure(
        "domestic_abuse.referred_to_marac",
        "Domestic abuse referrals to MARAC",
        ValueKind::Count,
        Grain::Month,
        &["referrals to marac", "marac referrals"],
    ),
    figure(
        "domestic_abuse.repeat_victim_pct",
        "Domestic abuse repeat victims (%)",
        ValueKind::Percent,
        Grain::Year,
        &[
            "repeat victims",
            "repeat victimisation",
            "repeat victim rate",
        ],
    ),
    figure(
        "domestic_abuse.high_risk_pct",
        "High-risk domestic abuse (%)",
        ValueKind::Percent,
        Grain::Year,
        &["high risk domestic abuse"],
    ),
    figure(
        "marac.cases",
        "MARAC cases",
        ValueKind::Count,
        Grain::Quarter,
        &["marac cases discussed", "cases discussed at marac"],
    ),
    figure(
        "marac.repeat_cases",
        "MARAC repeat cases",
        ValueKind::Count,
        Grain::Quarter,
        &[],
    ),
    figure(
        "marac.repeat_pct",
        "MARAC repeat rate (%)",
        ValueKind::Percent,
        Grain::Quarter,
        &["marac repeat rate"],
    ),
    figure(
        "asb_cases.opened",
        "Council ASB cases opened",
        ValueKind::Count,
        Grain::Month,
        &["asb cases", "recorded asb cases", "council asb cases"],
    ),
    figure(
        "asb_cases.repeat_pct",
        "Repeat council ASB cases (%)",
        ValueKind::Percent,
        Grain::Year,
        &["repeat asb cases"],
    ),
    figure(
        "asb_cases.open_over_90_days",
        "ASB cases open more than 90 days",
        ValueKind::Count,
        Grain::Snapshot,
        &[
            "cases open over 90 days",
            "cases open more than 90 days",
            "asb cases open over 90 days",
        ],
    ),
    figure(
        "treatment.successful_completions",
        "Successful treatment completions",
        ValueKind::Count,
        Grain::Quarter,
        &["successful completions", "treatment completions"],
    ),
    figure(
        "treatment.completion_rate_pct",
        "Treatment completion rate (%)",
        ValueKind::Percent,
        Grain::Year,
        &["completion rate", "successful completion rate"],
    ),
    figure(
        "treatment.in_treatment",
        "People in drug and alcohol treatment",
        ValueKind::Count,
        Grain::Year,
        &[
            "numbers in treatment",
            "people in treatment",
            "in treatment",
        ],
    ),
];

pub fn partner_figure(key: &str) -> Option<&'static PartnerFigure> {
    PARTNER_FIGURES.iter().find(|f| f.key == key)
}

/// A series a measurable follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeriesRef {
    /// A police theme by its `stats` key.
    Theme(String),
    Partner(&'static PartnerFigure),
    /// An imported indicator by name (matched without regard to case).
    Indicator(String),
}

/// Why a series text was not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SeriesError {
    #[error("\"{0}\" is not a partner figure the app computes (one of: {1})")]
    UnknownPartnerFigure(String, String),
    #[error("\"{0}\" names no police theme, partner figure or imported indicator (write theme:asb, partner:marac.cases or indicator:NAME)")]
    Unknown(String),
    #[error("\"{0}\" could mean {1}; write the series out (theme:…, partner:… or indicator:…)")]
    Ambiguous(String, String),
}

impl SeriesRef {
    /// The stored form: `theme:asb`, `partner:marac.cases`, `indicator:Deliberate fires`.
    pub fn key(&self) -> String {
        match self {
            SeriesRef::Theme(k) => format!("theme:{k}"),
            SeriesRef::Partner(f) => format!("partner:{}", f.key),
            SeriesRef::Indicator(name) => format!("indicator:{name}"),
        }
    }

    /// Read the stored form. A theme or indicator that the file does not hold still
    /// reads (it is reported as having no data); an unknown partner figure does not.
    pub fn parse_key(text: &str) -> Result<SeriesRef, SeriesError> {
        let text = text.trim();
        if let Some(key) = text.strip_prefix("theme:") {
            return Ok(SeriesRef::Theme(key.trim().to_string()));
        }
        if let Some(key) = text.strip_prefix("partner:") {
            let key = key.trim();
            return partner_figure(key).map(SeriesRef::Partner).ok_or_else(|| {
                SeriesError::UnknownPartnerFigure(
                    key.to_string(),
                    PARTNER_FIGURES.map(|f| f.key).join(", "),
                )
            });
        }
        if let Some(name) = text.strip_prefix("indicator:") {
            return Ok(SeriesRef::Indicator(
                name.split_whitespace().collect::<Vec<_>>().join(" "),
            ));
        }
        Err(SeriesError::Unknown(text.to_string()))
    }

    /// Read a series as a plan writes it: the stored form, or the name of exactly one
    /// theme, partner figure or indicator (`indicators` are the names the file holds).
    pub fn from_name(
        text: &str,
        themes: &[Theme],
        indicators: &[String],
    ) -> Result<SeriesRef, SeriesError> {
        let text = text.trim();
        if ["theme:", "partner:", "indicator:"]
            .iter()
            .any(|p| text.starts_with(p))
        {
            return SeriesRef::parse_key(text);
        }
        match name_matches(text, themes, indicators).as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(SeriesError::Unknown(text.to_string())),
            many => Err(SeriesError::Ambiguous(
                text.to_string(),
                many.iter()
                    .map(SeriesRef::key)
                    .collect::<Vec<_>>()
                    .join(" or "),
            )),
        }
    }
}

/// Every series whose name (or other name) is `text`, as words.
pub fn name_matches(text: &str, themes: &[Theme], indicators: &[String]) -> Vec<SeriesRef> {
    let wanted = words(text);
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<SeriesRef> = themes
        .iter()
        .filter(|t| words(&t.label()) == wanted || t.key().replace('_', " ") == wanted)
        .map(|t| SeriesRef::Theme(t.key()))
        .collect();
    if wanted == "asb" {
        found.push(SeriesRef::Theme("asb".into()));
    }
    found.extend(
        PARTNER_FIGURES
            .iter()
            .filter(|f| words(f.label) == wanted || f.also.iter().any(|a| words(a) == wanted))
            .map(SeriesRef::Partner),
    );
    found.extend(
        indicators
            .iter()
            .filter(|name| words(name) == wanted)
            .map(|name| SeriesRef::Indicator(name.clone())),
    );
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_forms_round_trip() {
        for key in [
            "theme:asb",
            "partner:domestic_abuse.repeat_victim_pct",
            "indicator:Deliberate fires",
        ] {
            assert_eq!(SeriesRef::parse_key(key).unwrap().key(), key);
        }
        assert!(matches!(
            SeriesRef::parse_key("partner:fire.callouts"),
            Err(SeriesError::UnknownPartnerFigure(..))
        ));
        assert!(SeriesRef::parse_key("burglary").is_err());
    }

    #[test]
    fn names_people_write_find_one_series() {
        let themes = Theme::all(&[]);
        let indicators = vec!["Deliberate fires".to_string()];
        let read = |text: &str| SeriesRef::from_name(text, &themes, &indicators).map(|s| s.key());
        assert_eq!(read("Anti-social behaviour").unwrap(), "theme:asb");
        assert_eq!(read("ASB").unwrap(), "theme:asb");
        assert_eq!(read("burglary").unwrap(), "theme:burglary");
        assert_eq!(read("MARAC cases").unwrap(), "partner:marac.cases");
        assert_eq!(
            read("Cases open over 90 days").unwrap(),
            "partner:asb_cases.open_over_90_days"
        );
        assert_eq!(
            read("deliberate  FIRES").unwrap(),
            "indicator:Deliberate fires"
        );
        assert!(matches!(read("Fly-tipping"), Err(SeriesError::Unknown(_))));
    }
}
