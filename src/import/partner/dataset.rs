//! A partner dataset as the import knows it: its key, its name for the analyst, its
//! reference-layout columns and how one row is read. Each dataset declares one
//! [`DatasetSpec`] in its own module (`domestic_abuse`, `marac`, `asb_cases`,
//! `treatment`); [`PartnerLayout::spec`] is the one place that finds it from the key.
//!
//! The store (`store::partner::dataset`), the analysis (`analysis::partner::dataset`), the
//! report (`report::content::partner`) and the pages (`ui::pages::partner`) each keep their
//! part of a dataset the same way, keyed by the same [`PartnerLayout`].

use super::layout::{FieldSpec, PartnerLayout};
use super::parse::RowProblem;
use super::records::PartnerRecord;
use super::row::RowReader;
use super::{asb_cases, domestic_abuse, indicators, marac, treatment};

/// One partner dataset's columns and row parser.
#[derive(Debug, Clone, Copy)]
pub struct DatasetSpec {
    pub layout: PartnerLayout,
    /// Stable snake_case key: saved mappings, `--kind`, the `stats --json` theme.
    pub key: &'static str,
    /// A name for the analyst.
    pub name: &'static str,
    /// The fields in reference-layout column order.
    pub fields: &'static [FieldSpec],
    /// Read one row (already checked to be as wide as the header).
    pub parse: fn(&mut RowReader<'_>) -> Result<PartnerRecord, RowProblem>,
}

impl DatasetSpec {
    /// Whether the rows are dated events (incidents, cases) rather than counts for
    /// periods: only then do a file's notes say how its dates were read.
    pub fn is_dated(&self) -> bool {
        self.fields.iter().any(|f| f.kind == super::ValueKind::Date)
    }
}

impl PartnerLayout {
    /// The layout whose key is `key` (`domestic_abuse`, `marac`, …).
    pub fn from_key(key: &str) -> Option<PartnerLayout> {
        PartnerLayout::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The dataset this layout is the key of.
    pub fn spec(self) -> &'static DatasetSpec {
        match self {
            PartnerLayout::DomesticAbuse => &domestic_abuse::SPEC,
            PartnerLayout::Marac => &marac::SPEC,
            PartnerLayout::AsbCases => &asb_cases::SPEC,
            PartnerLayout::Treatment => &treatment::SPEC,
            PartnerLayout::Indicators => &indicators::SPEC,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_layout_finds_its_own_dataset() {
        for layout in PartnerLayout::ALL {
            assert_eq!(layout.spec().layout, layout);
            assert_eq!(PartnerLayout::from_key(layout.key()), Some(layout));
            let json = serde_json::to_string(&layout).unwrap();
            assert_eq!(json, format!("\"{}\"", layout.spec().key));
        }
        let dated: Vec<bool> = PartnerLayout::ALL
            .iter()
            .map(|l| l.spec().is_dated())
            .collect();
        assert_eq!(dated, [true, false, true, false, false]);
    }
}
