//! Normalising the coded values of partner extracts (yes/no flags, risk levels, sex, age
//! bands, crime flags, ASB actions, substance groups, counts and area codes) to one
//! spelling each, and keeping a [`NormalisationLog`] of what was mapped to what so the
//! analyst can check it before anything is written.
//!
//! Each normaliser takes one trimmed cell and says what it means or why it cannot tell;
//! none of them guesses: a value not listed here is a problem, not a default.

mod counts;
mod log;

pub use counts::{count, CountValue};
pub use log::{LogEntry, NormalisationLog};

/// Why a cell's value was not accepted. `Display` completes a sentence that starts with
/// the column name and the value: `Repeat "Maybe" is not yes or no …`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ValueProblem {
    #[error("is blank")]
    Blank,
    #[error("is not yes or no (expected Y, Yes, 1, TRUE, N, No, 0 or FALSE)")]
    NotYesNo,
    #[error("is not Crime or Non-crime")]
    NotCrimeFlag,
    #[error("is not a risk level (Standard, Medium or High)")]
    NotRiskLevel,
    #[error("is not a sex (Female, Male, Other or Not stated)")]
    NotSex,
    #[error("is not an age or an age band (e.g. 34 or 25-34)")]
    NotAgeBand,
    #[error("is not an ASB action (warning, CPW, CPN, ABC, injunction, PSPO FPN or none)")]
    NotAsbAction,
    #[error("is not a substance group (Opiate, Non-opiate only, Non-opiate and alcohol or Alcohol only)")]
    NotSubstanceGroup,
    #[error("is not a whole number")]
    NotCount,
    #[error("is negative")]
    NegativeCount,
    #[error("is not an LSOA or ward code (e.g. E01012345 or E05012345)")]
    NotAreaCode,
}

/// Lowercase words: `&` and `+` become "and", other punctuation a space.
/// `Non-opiate & Alcohol` → `non opiate and alcohol`.
pub fn words(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        match c {
            '&' | '+' => spaced.push_str(" and "),
            c if c.is_alphanumeric() => spaced.extend(c.to_lowercase()),
            _ => spaced.push(' '),
        }
    }
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Y`/`Yes`/`1`/`TRUE` → yes, `N`/`No`/`0`/`FALSE` → no; blank or `Unknown` → not
/// known, unless `blank_is_error`.
pub fn yes_no(text: &str, blank_is_error: bool) -> Result<Option<bool>, ValueProblem> {
    match words(text).as_str() {
        "" if blank_is_error => Err(ValueProblem::Blank),
        "" | "unknown" | "not known" | "u" | "nk" | "n k" => Ok(None),
        "y" | "yes" | "1" | "true" => Ok(Some(true)),
        "n" | "no" | "0" | "false" => Ok(Some(false)),
        _ => Err(ValueProblem::NotYesNo),
    }
}

/// How a yes/no value is shown in the normalisation table.
pub fn yes_no_label(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "Yes",
        Some(false) => "No",
        None => "Unknown",
    }
}

/// Whether a domestic abuse record is a crime: `Crime`/`Y` → true, `Non-crime`/`N` → false.
pub fn crime_flag(text: &str) -> Result<bool, ValueProblem> {
    match words(text).as_str() {
        "" => Err(ValueProblem::Blank),
        "crime" | "crimed" | "recorded crime" | "notifiable crime" | "y" | "yes" | "1" | "true" => {
            Ok(true)
        }
        "non crime" | "noncrime" | "not crime" | "not a crime" | "non crime incident"
        | "incident" | "n" | "no" | "0" | "false" => Ok(false),
        _ => Err(ValueProblem::NotCrimeFlag),
    }
}

pub fn crime_flag_label(is_crime: bool) -> &'static str {
    if is_crime {
        "Crime"
    } else {
        "Non-crime"
    }
}

/// DASH risk level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RiskLevel {
    Standard,
    Medium,
    High,
}

impl RiskLevel {
    pub fn label(self) -> &'static str {
        match self {
            RiskLevel::Standard => "Standard",
            RiskLevel::Medium => "Medium",
            RiskLevel::High => "High",
        }
    }
}

/// `Standard`/`S`/`Low`, `Medium`/`M`, `High`/`H`; blank or `Not assessed` → not known.
pub fn risk_level(text: &str) -> Result<Option<RiskLevel>, ValueProblem> {
    match words(text).as_str() {
        "" | "unknown" | "not known" | "not assessed" | "none" => Ok(None),
        "standard" | "s" | "low" | "l" | "std" | "standard risk" | "low risk" => {
            Ok(Some(RiskLevel::Standard))
        }
        "medium" | "m" | "med" | "medium risk" => Ok(Some(RiskLevel::Medium)),
        "high" | "h" | "high risk" => Ok(Some(RiskLevel::High)),
        _ => Err(ValueProblem::NotRiskLevel),
    }
}

pub fn risk_label(value: Option<RiskLevel>) -> &'static str {
    value.map_or("Unknown", RiskLevel::label)
}

/// Victim sex as partners record it; anything other than female or male that is a
/// recognised "not recorded" value is `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sex {
    Female,
    Male,
    Unknown,
}

impl Sex {
    pub fn label(self) -> &'static str {
        match self {
            Sex::Female => "Female",
            Sex::Male => "Male",
            Sex::Unknown => "Unknown",
        }
    }
}

/// `F`/`Female`/`Woman`, `M`/`Male`/`Man`; `Other`, `Not stated` and blank → `Unknown`.
pub fn sex(text: &str) -> Result<Sex, ValueProblem> {
    match words(text).as_str() {
        "f" | "female" | "woman" | "women" | "w" => Ok(Sex::Female),
        "m" | "male" | "man" | "men" => Ok(Sex::Male),
        "" | "other" | "not stated" | "unknown" | "not known" | "u" | "nk" | "n k"
        | "prefer not to say" | "not recorded" | "x" => Ok(Sex::Unknown),
        _ => Err(ValueProblem::NotSex),
    }
}

/// An age band written one way: `25-34`, `65+`, `under 16`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AgeBand(String);

impl AgeBand {
    /// The standard band of an age in years: under 16, 16-17, 18-24, 25-34, 35-44,
    /// 45-54, 55-64, 65+.
    pub fn of_age(age: u32) -> AgeBand {
        let text = match age {
            0..=15 => "under 16",
            16..=17 => "16-17",
            18..=24 => "18-24",
            25..=34 => "25-34",
            35..=44 => "35-44",
            45..=54 => "45-54",
            55..=64 => "55-64",
            _ => "65+",
        };
        AgeBand(text.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The oldest age accepted as a person's age rather than a typing slip.
const MAX_AGE: u32 = 120;

fn age(text: &str) -> Option<u32> {
    let age: u32 = text.parse().ok()?;
    (age <= MAX_AGE && text.bytes().all(|b| b.is_ascii_digit())).then_some(age)
}

/// An age band (`25 - 34`, `25 to 34`, `65 and over`, `Under 16`) normalised, or an age
/// in years put in its standard band. Blank or `Unknown` → not known.
pub fn age_band(text: &str) -> Result<Option<AgeBand>, ValueProblem> {
    let plus = text.trim().strip_suffix('+').map(str::trim);
    let w = words(text);
    if matches!(
        w.as_str(),
        "" | "unknown" | "not known" | "not stated" | "nk" | "n k" | "u"
    ) {
        return Ok(None);
    }
    if let Some(years) = age(text.trim()) {
        return Ok(Some(AgeBand::of_age(years)));
    }
    let has_dash = text.contains(['-', '\u{2013}', '\u{2014}']);
    let over = |n: &str| age(n).map(|n| AgeBand(format!("{n}+")));
    let under = |n: &str| age(n).map(|n| AgeBand(format!("under {n}")));
    let range = |a: &str, b: &str| match (age(a), age(b)) {
        (Some(0), Some(b)) => Some(AgeBand(format!("under {}", b + 1))),
        (Some(a), Some(b)) if a <= b => Some(AgeBand(format!("{a}-{b}"))),
        _ => None,
    };
    let tokens: Vec<&str> = w.split(' ').filter(|t| *t != "aged").collect();
    let band = match (plus, tokens.as_slice()) {
        (Some(n), _) => over(n),
        (None, [n, "and" | "or", "over" | "above" | "older"] | [n, "plus"]) => over(n),
        (None, ["under" | "below", n]) => under(n),
        (None, [a, "to", b]) => range(a, b),
        (None, [a, b]) if has_dash => range(a, b),
        _ => text.trim().strip_prefix('<').and_then(|n| under(n.trim())),
    };
    band.map(Some).ok_or(ValueProblem::NotAgeBand)
}

pub fn age_band_label(value: Option<&AgeBand>) -> &str {
    value.map_or("Unknown", AgeBand::as_str)
}

/// What a council did about an ASB case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AsbAction {
    Warning,
    CommunityProtectionWarning,
    CommunityProtectionNotice,
    AcceptableBehaviourContract,
    Injunction,
    PspoFixedPenalty,
    NoAction,
}

impl AsbAction {
    /// The short name analysts use.
    pub fn label(self) -> &'static str {
        match self {
            AsbAction::Warning => "Warning",
            AsbAction::CommunityProtectionWarning => "CPW",
            AsbAction::CommunityProtectionNotice => "CPN",
            AsbAction::AcceptableBehaviourContract => "ABC",
            AsbAction::Injunction => "Injunction",
            AsbAction::PspoFixedPenalty => "PSPO FPN",
            AsbAction::NoAction => "None",
        }
    }
}

/// An ASB action by its short or long name; blank → not recorded.
pub fn asb_action(text: &str) -> Result<Option<AsbAction>, ValueProblem> {
    let action = match words(text).as_str() {
        "" => return Ok(None),
        "warning" | "warning letter" | "written warning" | "verbal warning" | "letter" => {
            AsbAction::Warning
        }
        "cpw" | "community protection warning" => AsbAction::CommunityProtectionWarning,
        "cpn" | "community protection notice" => AsbAction::CommunityProtectionNotice,
        "abc" | "aba" | "acceptable behaviour contract" | "acceptable behaviour agreement" => {
            AsbAction::AcceptableBehaviourContract
        }
        "injunction" | "civil injunction" | "asb injunction" => AsbAction::Injunction,
        "pspo fpn"
        | "fpn"
        | "pspo"
        | "fixed penalty notice"
        | "pspo fixed penalty notice"
        | "pspo fixed penalty"
        | "fixed penalty" => AsbAction::PspoFixedPenalty,
        "none" | "no action" | "no further action" | "nfa" | "no action taken" => {
            AsbAction::NoAction
        }
        _ => return Err(ValueProblem::NotAsbAction),
    };
    Ok(Some(action))
}

pub fn asb_action_label(value: Option<AsbAction>) -> &'static str {
    value.map_or("Not recorded", AsbAction::label)
}

/// NDTMS substance groups, in the order a person is assigned to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SubstanceGroup {
    Opiate,
    NonOpiateOnly,
    NonOpiateAndAlcohol,
    AlcoholOnly,
}

impl SubstanceGroup {
    pub const ALL: [SubstanceGroup; 4] = [
        SubstanceGroup::Opiate,
        SubstanceGroup::NonOpiateOnly,
        SubstanceGroup::NonOpiateAndAlcohol,
        SubstanceGroup::AlcoholOnly,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SubstanceGroup::Opiate => "Opiate",
            SubstanceGroup::NonOpiateOnly => "Non-opiate only",
            SubstanceGroup::NonOpiateAndAlcohol => "Non-opiate and alcohol",
            SubstanceGroup::AlcoholOnly => "Alcohol only",
        }
    }
}

/// A substance group by its NDTMS name or a common variant (`Opiates`, `Non-opiates only`,
/// `Non-opiate & alcohol`, `Alcohol`).
pub fn substance_group(text: &str) -> Result<SubstanceGroup, ValueProblem> {
    let w = words(text);
    if w.is_empty() {
        return Err(ValueProblem::Blank);
    }
    let canonical: Vec<&str> = w
        .split(' ')
        .filter(|t| !matches!(*t, "users" | "user" | "clients" | "use" | "group"))
        .map(|t| match t {
            "opiates" | "opioid" | "opioids" => "opiate",
            "nonopiate" | "nonopiates" => "non opiate",
            other => other,
        })
        .collect();
    match canonical.join(" ").as_str() {
        "opiate" | "opiate and crack" | "ocu" => Ok(SubstanceGroup::Opiate),
        "non opiate only" | "non opiate" => Ok(SubstanceGroup::NonOpiateOnly),
        "non opiate and alcohol" | "alcohol and non opiate" | "non opiate alcohol" => {
            Ok(SubstanceGroup::NonOpiateAndAlcohol)
        }
        "alcohol only" | "alcohol" => Ok(SubstanceGroup::AlcoholOnly),
        _ => Err(ValueProblem::NotSubstanceGroup),
    }
}

/// An ONS LSOA or ward code: a letter and eight digits, upper-cased (`e01012345` is fine).
pub fn area_code(text: &str) -> Result<String, ValueProblem> {
    let code = text.trim().to_ascii_uppercase();
    let bytes = code.as_bytes();
    if code.is_empty() {
        return Err(ValueProblem::Blank);
    }
    let ok = bytes.len() == 9
        && bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes.iter().skip(1).all(u8::is_ascii_digit);
    if ok {
        Ok(code)
    } else {
        Err(ValueProblem::NotAreaCode)
    }
}

#[cfg(test)]
mod tests;
