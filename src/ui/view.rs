//! What the pages draw from: the assessment file's sources, totals and monthly series,
//! read once after the file is opened or an import finishes, with every figure already
//! formatted. Pages never query the store, so nothing slow happens per frame.

use super::chart::MonthlySeries;
use super::comparison_view::ComparisonView;
use super::crime_picture::CrimePicture;
use super::map_view::MapView;
use super::partner_view::PartnerView;
use crate::import::kind::source_kind_label;
use crate::report::format::thousands;
use crate::store::queries::{SourceSummary, Totals};
use crate::store::{Store, StoreError};

/// One imported file as the sources table shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    pub id: i64,
    pub file: String,
    pub kind: String,
    pub months: String,
    pub accepted: String,
    pub rejected_rows: i64,
    pub rejected: String,
    pub replaced: String,
    pub in_file_now: String,
    pub imported_at: String,
    pub notes: Vec<String>,
}

impl SourceRow {
    fn from_summary(source: &SourceSummary) -> SourceRow {
        SourceRow {
            id: source.id,
            file: source.file.clone(),
            kind: source_kind_label(&source.kind).to_string(),
            months: month_span(source.first_month.as_deref(), source.last_month.as_deref()),
            accepted: thousands(source.rows_accepted),
            rejected_rows: source.rows_rejected,
            rejected: thousands(source.rows_rejected),
            replaced: thousands(source.rows_replaced),
            in_file_now: thousands(source.rows_current),
            imported_at: local_time(&source.imported_at),
            notes: source.notes.clone(),
        }
    }
}

/// The headline figures, formatted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TotalsText {
    pub crime: String,
    pub asb: String,
    pub unlocated: String,
    pub rejected: String,
}

impl TotalsText {
    fn from_totals(totals: &Totals) -> TotalsText {
        TotalsText {
            crime: thousands(totals.crime),
            asb: thousands(totals.asb),
            unlocated: thousands(totals.unlocated),
            rejected: thousands(totals.rejected),
        }
    }
}

/// Everything the pages show about one assessment file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AssessmentView {
    pub sources: Vec<SourceRow>,
    pub totals: Totals,
    pub totals_text: TotalsText,
    pub monthly: MonthlySeries,
    /// The Overview's crime picture (theme, year, figures); `None` without a complete year.
    pub picture: Option<CrimePicture>,
    /// The partner pages' rows, years and figures.
    pub partner: PartnerView,
    /// The Map page's boundaries, layer choices and cached paint.
    pub map: MapView,
    /// The Comparison page's districts, peer set and figures, and the Overview's card.
    pub comparison: ComparisonView,
}

impl AssessmentView {
    pub fn load(store: &Store) -> Result<AssessmentView, StoreError> {
        let sources = store.sources()?;
        let totals = store.totals()?;
        let monthly = store.monthly_counts()?;
        let picture = CrimePicture::load(store)?;
        let partner = PartnerView::load(store, picture.as_ref().map(|p| p.year))?;
        let comparison = ComparisonView::load(store, picture.as_ref())?;
        Ok(AssessmentView {
            sources: sources.iter().map(SourceRow::from_summary).collect(),
            totals,
            totals_text: TotalsText::from_totals(&totals),
            monthly: MonthlySeries::from_counts(&monthly),
            picture,
            partner,
            map: MapView::load(store)?,
            comparison,
        })
    }

    pub fn source(&self, id: i64) -> Option<&SourceRow> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// `2021-04 to 2022-03`, one month alone, or a dash for files without months (lookups).
pub fn month_span(first: Option<&str>, last: Option<&str>) -> String {
    crate::import::month::month_range_text(first, last).unwrap_or_else(|| "—".to_string())
}

/// The stored UTC time (`2026-11-23T14:05:00Z`) in local time, as `23 Nov 2026 14:05`;
/// anything unexpected is shown as stored.
fn local_time(stored: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stored)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%-d %b %Y %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| stored.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_spans_read_naturally() {
        assert_eq!(
            month_span(Some("2021-04"), Some("2022-03")),
            "2021-04 to 2022-03"
        );
        assert_eq!(month_span(Some("2021-04"), Some("2021-04")), "2021-04");
        assert_eq!(month_span(None, None), "—");
    }

    #[test]
    fn an_odd_stored_time_is_shown_as_it_is() {
        assert_eq!(local_time("yesterday"), "yesterday");
        assert!(local_time("2026-11-23T14:05:00Z").contains("2026"));
    }
}
