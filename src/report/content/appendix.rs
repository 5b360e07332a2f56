//! The closing sections: what was suppressed and why, and the data sources — in the
//! document a short table of the kinds of source with their periods and row counts; in
//! the CSV tables every file with its row counts and SHA-256, so a reader can check which
//! extract the figures came from.

use super::writer::ContentWriter;
use super::ContentBlock;
use crate::import::kind::source_kind_label;
use crate::import::month::month_range_text;
use crate::report::numbers::count;
use crate::report::table::{ReportTable, TableCell, WITHHELD};
use crate::store::queries::SourceSummary;
use std::collections::BTreeMap;

pub fn disclosure_blocks(suppressed: usize, threshold: i64) -> Vec<ContentBlock> {
    let hidden = match suppressed {
        0 => "No entry was hidden in this document's tables.".to_string(),
        1 => "One entry was hidden in this document's tables.".to_string(),
        n => format!(
            "{} entries were hidden in this document's tables.",
            count(n as i64)
        ),
    };
    vec![ContentBlock::Paragraph(format!(
        "Tables of wards and neighbourhoods, and every figure from domestic abuse, MARAC, council ASB case and drug and alcohol treatment data, are published with disclosure control. Counts from 1 to {} are shown as \"<{threshold}\" (\"fewer than {threshold}\" in the text). Where anything published — a total, a share or rate in the text, a chart, another table — would let a reader work out a hidden count, further counts are withheld, shown as \"{WITHHELD}\", as are the shares, rates and changes of hidden counts; for the partner data this is decided once for each theme across the whole document, its tables and its charts, where a hidden count is drawn as a bar of no height marked \"{WITHHELD}\". Counts a partner suppressed in its file are never shown as 0: they are \"{WITHHELD}\", and totals that include them are shown as lower bounds (\"≥\"). {hidden} On-screen figures are not suppressed.",
        threshold - 1,
    ))]
}

/// The sources grouped by kind: how many files, the months they span, the rows.
fn sources_by_kind(sources: &[SourceSummary]) -> ReportTable {
    let mut kinds: BTreeMap<&str, Vec<&SourceSummary>> = BTreeMap::new();
    for s in sources {
        kinds.entry(s.kind.as_str()).or_default().push(s);
    }
    // Police data first, then partners' and the geography, in the order first imported.
    let mut ordered: Vec<(&str, Vec<&SourceSummary>)> = kinds.into_iter().collect();
    ordered.sort_by_key(|(_, files)| files.iter().map(|f| f.id).min().unwrap_or(0));
    let rows = ordered
        .iter()
        .map(|(kind, files)| {
            let first = files.iter().filter_map(|f| f.first_month.as_deref()).min();
            let last = files.iter().filter_map(|f| f.last_month.as_deref()).max();
            vec![
                TableCell::Text(source_kind_label(kind).into()),
                TableCell::Whole(Some(files.len() as i64)),
                TableCell::Text(month_range_text(first, last).unwrap_or_else(|| "–".into())),
                TableCell::Whole(Some(files.iter().map(|f| f.rows_current).sum())),
                TableCell::Whole(Some(files.iter().map(|f| f.rows_rejected).sum())),
            ]
        })
        .collect();
    ReportTable {
        slug: "data_sources_by_kind".into(),
        title: "Data sources held in the assessment file".into(),
        columns: vec![
            "Kind of data".into(),
            "Files".into(),
            "Period".into(),
            "Rows in use".into(),
            "Rows rejected".into(),
        ],
        rows,
        total_row: false,
        sensitive: false,
        total_published_elsewhere: false,
    }
}

pub fn source_blocks(w: &mut ContentWriter, sources: &[SourceSummary]) -> Vec<ContentBlock> {
    // Every file with its fingerprint goes to the CSV tables only: on a page it was
    // several pages of hexadecimal no reader checks by eye.
    let files = ReportTable {
        slug: "data_sources".into(),
        title: "Data source files and their SHA-256 fingerprints".into(),
        columns: vec![
            "File".into(),
            "Kind".into(),
            "Period".into(),
            "Rows accepted".into(),
            "Rows rejected".into(),
            "Rows in use".into(),
            "SHA-256".into(),
        ],
        rows: sources
            .iter()
            .map(|s| {
                vec![
                    TableCell::Text(s.file.clone()),
                    TableCell::Text(source_kind_label(&s.kind).into()),
                    TableCell::Text(
                        month_range_text(s.first_month.as_deref(), s.last_month.as_deref())
                            .unwrap_or_default(),
                    ),
                    TableCell::Whole(Some(s.rows_accepted)),
                    TableCell::Whole(Some(s.rows_rejected)),
                    TableCell::Whole(Some(s.rows_current)),
                    TableCell::Text(s.sha256.clone()),
                ]
            })
            .collect(),
        total_row: false,
        sensitive: false,
        total_published_elsewhere: false,
    };
    let blocks = vec![
        ContentBlock::Paragraph(format!(
            "The figures come from {} files imported into the assessment file. Rows in use are fewer than rows accepted where a later file replaced the same force and months. The tables published with this document list every file with its SHA-256 fingerprint, which identifies each file exactly.",
            count(sources.len() as i64)
        )),
        w.table(&sources_by_kind(sources)),
    ];
    // After the document's last table, so the CSV files number as the document does.
    w.csv_only_table(&files);
    blocks
}
