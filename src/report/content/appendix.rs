//! The closing sections: what was suppressed and why, and the data sources — every file
//! the assessment holds with its period, row counts and SHA-256, so a reader can check
//! which extract the figures came from.

use super::writer::ContentWriter;
use super::ContentBlock;
use crate::import::kind::source_kind_label;
use crate::import::month::month_range_text;
use crate::report::table::{ReportTable, TableCell, WITHHELD};
use crate::store::queries::SourceSummary;

pub fn disclosure_blocks(suppressed: usize, threshold: i64) -> Vec<ContentBlock> {
    vec![ContentBlock::Paragraph(format!(
        "Tables of wards and neighbourhoods, and every figure from domestic abuse, MARAC, council ASB case and drug and alcohol treatment data, are published with disclosure control. Counts from 1 to {} are shown as \"<{threshold}\" (\"fewer than {threshold}\" in the text). Where anything published — a total, a share or rate in the text, a chart, another table — would let a reader work out a hidden count, further counts are withheld, shown as \"{WITHHELD}\", as are the shares and rates of hidden counts; for the partner data this is decided once for each theme across the whole document, its tables and its charts, where a hidden count is drawn as a bar of no height marked \"{WITHHELD}\". Counts a partner suppressed in its file are never shown as 0: they are \"{WITHHELD}\", and totals that include them are shown as lower bounds (\"≥\"). {} {} hidden in this document's tables. On-screen figures are not suppressed.",
        threshold - 1,
        suppressed,
        if suppressed == 1 { "entry was" } else { "entries were" }
    ))]
}

pub fn source_blocks(w: &mut ContentWriter, sources: &[SourceSummary]) -> Vec<ContentBlock> {
    let rows = sources
        .iter()
        .map(|s| {
            vec![
                TableCell::Text(s.file.clone()),
                TableCell::Text(source_kind_label(&s.kind).into()),
                TableCell::Text(
                    month_range_text(s.first_month.as_deref(), s.last_month.as_deref())
                        .unwrap_or_else(|| "–".into()),
                ),
                TableCell::Whole(Some(s.rows_accepted)),
                TableCell::Whole(Some(s.rows_rejected)),
                TableCell::Whole(Some(s.rows_current)),
            ]
        })
        .collect();
    let table = ReportTable {
        slug: "data_sources".into(),
        title: "Data sources held in the assessment file".into(),
        columns: vec![
            "File".into(),
            "Kind".into(),
            "Period".into(),
            "Rows accepted".into(),
            "Rows rejected".into(),
            "Rows in use".into(),
        ],
        rows,
        total_row: false,
        sensitive: false,
        total_published_elsewhere: false,
    };
    // The fingerprints are too wide for a table column on a portrait page: in the
    // document they are listed in a fixed-width font; the CSV has them as a column.
    let fingerprints = ReportTable {
        slug: "data_sources_sha256".into(),
        title: "SHA-256 fingerprints of the data sources".into(),
        columns: vec!["File".into(), "SHA-256".into()],
        rows: sources
            .iter()
            .map(|s| {
                vec![
                    TableCell::Text(s.file.clone()),
                    TableCell::Text(s.sha256.clone()),
                ]
            })
            .collect(),
        total_row: false,
        sensitive: false,
        total_published_elsewhere: false,
    };
    w.csv_only_table(&fingerprints);
    let width = sources
        .iter()
        .map(|s| s.file.chars().count())
        .max()
        .unwrap_or(0);
    vec![
        ContentBlock::Paragraph(format!(
            "The figures come from {} files imported into the assessment file. Rows in use are fewer than rows accepted where a later file replaced the same force and months. The SHA-256 fingerprint identifies each file exactly.",
            sources.len()
        )),
        w.table(&table),
        ContentBlock::SubHeading("SHA-256 fingerprints".into()),
        ContentBlock::Code(
            sources
                .iter()
                .map(|s| format!("{:width$}  {}", s.file, s.sha256))
                .collect(),
        ),
    ]
}
