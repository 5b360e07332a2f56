//! The keys of the partner reference layouts (domestic abuse incidents, MARAC quarterly
//! summary, council ASB cases, drug and alcohol treatment counts) and of their fields, what
//! kind of value each field holds, and recognising a layout from a file's header. Each
//! layout's field table lives with the rest of its dataset (see `dataset`).
//!
//! Header matching is tolerant of case, spacing and punctuation and knows the obvious
//! synonyms listed here; it never looks at the data rows.

use serde::{Deserialize, Serialize};

/// One of the reference layouts partners' extracts are read into: the key of a partner
/// dataset, which every layer uses to find its part of the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerLayout {
    DomesticAbuse,
    Marac,
    AsbCases,
    Treatment,
    /// Any partner's figures as indicators (fire, youth justice, probation, surveys…).
    Indicators,
}

/// What a field's cells hold, which decides how they are read and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// Free text, kept as written (trimmed).
    Text,
    /// A calendar date in the mapping's date format.
    Date,
    /// A financial-year quarter (`2023/24 Q1`, `Q1 2023/24`, `2023 Q2`, `Apr-Jun 2023`).
    Quarter,
    /// A month, quarter or financial year.
    Period,
    /// `Y`/`Yes`/`1`/`TRUE` or `N`/`No`/`0`/`FALSE`.
    YesNo,
    /// `Crime` / `Non-crime` (or yes/no).
    CrimeFlag,
    /// DASH risk: Standard, Medium, High.
    RiskLevel,
    Sex,
    /// An age band (`25-34`) or an age in years, banded.
    AgeBand,
    /// A non-negative whole number, or a suppressed published value (`*`, `<5`).
    Count,
    /// An ONS LSOA or ward code (`E01…`, `E05…`).
    AreaCode,
    /// An area as text: ward or LSOA code, ward name or postcode.
    Area,
    /// A council ASB action (warning, CPW, CPN, ABC, injunction, PSPO FPN, none).
    AsbAction,
    /// NDTMS substance group.
    SubstanceGroup,
    /// Any number (`12`, `1,234`, `12.5`, `12.5%`), or a suppressed or missing value.
    Number,
}

/// A field of one of the layouts. The serialised form is its stable snake_case key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "&'static str", try_from = "String")]
pub enum FieldKey {
    DaReference,
    DaDate,
    DaCrimeFlag,
    DaOffence,
    DaAreaCode,
    DaVictimSex,
    DaVictimAgeBand,
    DaRepeatVictim,
    DaRiskLevel,
    DaReferredToMarac,
    MaracQuarter,
    MaracCasesDiscussed,
    MaracRepeatCases,
    MaracChildrenInHouseholds,
    MaracReferralsFromPolice,
    MaracReferralsFromOtherAgencies,
    MaracMaleVictims,
    MaracBameVictims,
    MaracLgbtVictims,
    MaracVictimsWithDisability,
    MaracVictimsAged16To17,
    AsbCaseReference,
    AsbDateOpened,
    AsbDateClosed,
    AsbCategory,
    AsbArea,
    AsbRepeat,
    AsbActionTaken,
    TreatmentPeriod,
    TreatmentSubstanceGroup,
    TreatmentInTreatment,
    TreatmentNewPresentations,
    TreatmentSuccessfulCompletions,
    TreatmentRePresentations,
    IndicatorName,
    IndicatorPeriod,
    IndicatorValue,
    IndicatorAreaCode,
    IndicatorNumerator,
    IndicatorDenominator,
    IndicatorUnit,
    IndicatorSource,
}

/// Everything the app knows about one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub key: FieldKey,
    /// Stable snake_case key, used in saved mappings.
    pub id: &'static str,
    /// The column name in the reference layout; shown to the analyst.
    pub name: &'static str,
    pub required: bool,
    pub kind: ValueKind,
    /// Other column names partners use for it (matched like the name).
    pub synonyms: &'static [&'static str],
}

/// A field of a dataset's table, written compactly.
pub const fn field(
    key: FieldKey,
    id: &'static str,
    name: &'static str,
    required: bool,
    kind: ValueKind,
    synonyms: &'static [&'static str],
) -> FieldSpec {
    FieldSpec {
        key,
        id,
        name,
        required,
        kind,
        synonyms,
    }
}

impl PartnerLayout {
    pub const ALL: [PartnerLayout; 5] = [
        PartnerLayout::DomesticAbuse,
        PartnerLayout::Marac,
        PartnerLayout::AsbCases,
        PartnerLayout::Treatment,
        PartnerLayout::Indicators,
    ];

    /// The layout's fields in reference-layout column order.
    pub fn fields(self) -> &'static [FieldSpec] {
        self.spec().fields
    }

    /// A name for the analyst.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// Stable snake_case key (the same as the serialised form).
    pub fn key(self) -> &'static str {
        self.spec().key
    }

    /// The reference layout's header, in order.
    pub fn reference_header(self) -> Vec<&'static str> {
        self.fields().iter().map(|f| f.name).collect()
    }
}

impl FieldKey {
    /// The field's description. Every key has one entry in exactly one layout (the
    /// `every_key_has_one_spec` test checks it).
    pub fn spec(self) -> &'static FieldSpec {
        let layout = self.layout();
        let fields = layout.fields();
        fields.iter().find(|f| f.key == self).unwrap_or(&fields[0])
    }

    /// The layout whose table lists this field.
    pub fn layout(self) -> PartnerLayout {
        PartnerLayout::ALL
            .into_iter()
            .find(|l| l.fields().iter().any(|f| f.key == self))
            .unwrap_or(PartnerLayout::ALL[0])
    }

    pub fn id(self) -> &'static str {
        self.spec().id
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    pub fn kind(self) -> ValueKind {
        self.spec().kind
    }

    pub fn is_required(self) -> bool {
        self.spec().required
    }

    /// The field with this stable key.
    pub fn from_id(id: &str) -> Option<FieldKey> {
        PartnerLayout::ALL
            .iter()
            .flat_map(|l| l.fields())
            .find(|f| f.id == id)
            .map(|f| f.key)
    }
}

impl From<FieldKey> for &'static str {
    fn from(key: FieldKey) -> &'static str {
        key.id()
    }
}

impl TryFrom<String> for FieldKey {
    type Error = String;
    fn try_from(id: String) -> Result<Self, String> {
        FieldKey::from_id(&id).ok_or_else(|| format!("unknown partner field \"{id}\""))
    }
}

impl std::fmt::Display for FieldKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::fmt::Display for PartnerLayout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A column name reduced to lowercase letters and digits, so `Victim_Age-Band`,
/// `victim age band` and `VICTIM AGE BAND` compare equal. ONS-style coded names
/// (`LSOA21CD`, `WD24CD`) become `lsoacode` / `wardcode`.
pub fn normalise_header(name: &str) -> String {
    let squashed: String = name
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    for (prefix, replacement) in [("lsoa", "lsoacode"), ("wd", "wardcode")] {
        if let Some(rest) = squashed.strip_prefix(prefix) {
            let bytes = rest.as_bytes();
            if bytes.len() == 4
                && bytes.iter().take(2).all(u8::is_ascii_digit)
                && rest.ends_with("cd")
            {
                return replacement.to_string();
            }
        }
    }
    squashed
}

/// How a header lines up with one layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderMatch {
    pub layout: PartnerLayout,
    /// Each field found and the (0-based) column it is in, in field order.
    pub found: Vec<(FieldKey, usize)>,
    /// Required fields with no column.
    pub missing: Vec<FieldKey>,
    /// Columns no field claimed.
    pub unused: Vec<usize>,
}

impl HeaderMatch {
    /// Every required field has a column.
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }

    pub fn column_of(&self, key: FieldKey) -> Option<usize> {
        self.found.iter().find(|(k, _)| *k == key).map(|(_, c)| *c)
    }
}

/// Line a header up with a layout. Each field takes the first free column whose name
/// matches its name or, failing that, its synonyms in the order listed; a column is
/// claimed by at most one field.
pub fn match_header(layout: PartnerLayout, header: &[String]) -> HeaderMatch {
    let names: Vec<String> = header.iter().map(|h| normalise_header(h)).collect();
    let mut taken = vec![false; names.len()];
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for spec in layout.fields() {
        let column = std::iter::once(&spec.name)
            .chain(spec.synonyms)
            .map(|candidate| normalise_header(candidate))
            .find_map(|wanted| {
                names
                    .iter()
                    .zip(&taken)
                    .position(|(name, is_taken)| !is_taken && *name == wanted)
            });
        match column {
            Some(c) => {
                if let Some(t) = taken.get_mut(c) {
                    *t = true;
                }
                found.push((spec.key, c));
            }
            None if spec.required => missing.push(spec.key),
            None => {}
        }
    }
    let unused = taken
        .iter()
        .enumerate()
        .filter(|(_, t)| !**t)
        .map(|(i, _)| i)
        .collect();
    HeaderMatch {
        layout,
        found,
        missing,
        unused,
    }
}

/// The reference layout a header is, if any: the complete match with the most fields
/// found (ties go to the earlier layout in [`PartnerLayout::ALL`]).
pub fn detect_layout(header: &[String]) -> Option<HeaderMatch> {
    PartnerLayout::ALL
        .iter()
        .map(|&layout| match_header(layout, header))
        .filter(HeaderMatch::is_complete)
        .fold(None, |best: Option<HeaderMatch>, m| match best {
            Some(b) if b.found.len() >= m.found.len() => Some(b),
            _ => Some(m),
        })
}

#[cfg(test)]
mod tests;
