//! The PDF writer on a small document holding every kind of block: a real PDF comes
//! out, twice byte-identical, text that looks like typst markup prints as itself, and
//! a long table keeps its total row with the rows above it.

use super::*;
use crate::report::document::{Block, TableBlock};
use crate::report::docx::tests::sample;

fn assert_is_pdf(bytes: &[u8]) {
    assert!(bytes.starts_with(b"%PDF-"), "no PDF header");
    let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(64)..]).to_string();
    assert!(tail.trim_end().ends_with("%%EOF"), "no end of file: {tail}");
}

#[test]
fn every_block_kind_becomes_a_tagged_deterministic_pdf() {
    let mut doc = sample();
    doc.images[0].png = crate::report::figures::render_png(&crate::report::figures::Figure {
        title: "Trend".into(),
        subtitle: None,
        y_label: "Crimes".into(),
        x_label: None,
        source_line: "Source: test".into(),
        body: crate::report::figures::FigureBody::Bars {
            categories: vec!["2023/24".into(), "2024/25".into()],
            values: vec![10.0, 12.0],
            highlight_last: true,
            suppressed: Vec::new(),
        },
    })
    .unwrap();
    doc.blocks.push(Block::Code(vec!["a1b2  file.csv".into()]));
    doc.blocks.push(Block::Paragraph(
        "Markup stays text: #set page(width: 1cm) *not bold* $x$ <label> @ref \\ \"quoted\"".into(),
    ));
    let first = write_pdf(&doc).unwrap();
    assert_is_pdf(&first);
    assert_eq!(first, write_pdf(&doc).unwrap(), "two PDFs differ");
    let text = String::from_utf8_lossy(&first);
    // Tagged (a structure tree), with the figure's description as its alternative text.
    assert!(text.contains("/StructTreeRoot"));
    assert!(text.contains("/MarkInfo"));
}

#[test]
fn a_long_table_gets_an_invisible_column_holding_its_last_rows_together() {
    let rows: Vec<Vec<String>> = (0..30)
        .map(|i| vec![format!("Ward {i}"), format!("{i}")])
        .collect();
    let doc = Document {
        title: "T".into(),
        author: "A".into(),
        blocks: vec![Block::Table(TableBlock {
            caption: "Table 1: Long".into(),
            header: vec!["Ward".into(), "Count".into()],
            rows,
            numeric: vec![false, true],
            total_row: true,
        })],
        ..Document::default()
    };
    let source = typst_source(&doc);
    assert!(
        source.contains("table.cell(rowspan: 3, breakable: false)[]"),
        "{source}"
    );
    assert!(source.contains("#show figure: set block(breakable: true)"));
    assert_is_pdf(&write_pdf(&doc).unwrap());
}
