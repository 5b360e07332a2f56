//! The writer's output opened as Word would: the zip's parts, the body's text, the
//! embedded image, and byte-identical repeat writes.

use super::*;
use std::io::Read;

/// A valid 1×1 white PNG.
const TINY_PNG: [u8; 69] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xFF, 0xFF, 0x3F,
    0x00, 0x05, 0xFE, 0x02, 0xFE, 0xDC, 0xCC, 0x59, 0xE7, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
    0x44, 0xAE, 0x42, 0x60, 0x82,
];

pub(crate) fn sample() -> Document {
    Document {
        title: "Northvale Strategic Assessment".into(),
        title_lines: vec!["2024/25".into(), "Northvale & District".into()],
        footer: "Northvale CSP — OFFICIAL".into(),
        author: "CSP analyst".into(),
        blocks: vec![
            Block::Contents,
            Block::Heading {
                level: 1,
                text: "Overall crime picture".into(),
                new_page: true,
            },
            Block::Paragraph("Crime rose by 6.3% <significant>.".into()),
            Block::Table(TableBlock {
                caption: "Table 1: Crime by type".into(),
                header: vec!["Crime type".into(), "Count".into()],
                rows: vec![
                    vec!["Burglary".into(), "1,234".into()],
                    vec!["Total".into(), "1,234".into()],
                ],
                numeric: vec![false, true],
                total_row: true,
            }),
            Block::Figure {
                image: 0,
                width_cm: 16.0,
                caption: "Figure 1: Trend".into(),
            },
            Block::Heading {
                level: 2,
                text: "Hotspots".into(),
                new_page: false,
            },
            Block::Heading {
                level: 1,
                text: "Anti-social behaviour".into(),
                new_page: false,
            },
            Block::Bullet("River ward".into()),
            Block::Note("Counts of 1–4 are shown as <5.".into()),
        ],
        images: vec![Image {
            png: TINY_PNG.to_vec(),
            width_px: 2000,
            height_px: 1000,
            description: "Bar chart".into(),
        }],
    }
}

fn part(bytes: &[u8], name: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut file = zip.by_name(name).unwrap();
    let mut out = Vec::new();
    file.read_to_end(&mut out).unwrap();
    out
}

#[test]
fn the_package_holds_every_part_word_needs() {
    let bytes = write_docx(&sample()).unwrap();
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice())).unwrap();
    let mut names: Vec<&str> = zip.file_names().collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/app.xml",
            "docProps/core.xml",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/footer1.xml",
            "word/media/image1.png",
            "word/settings.xml",
            "word/styles.xml",
        ]
    );
    assert_eq!(part(&bytes, "word/media/image1.png"), TINY_PNG.to_vec());
    let rels = String::from_utf8(part(&bytes, "word/_rels/document.xml.rels")).unwrap();
    assert!(rels.contains(r#"Id="rIdImg1""#) && rels.contains("media/image1.png"));
}

#[test]
fn the_body_carries_headings_contents_tables_and_the_figure() {
    let bytes = write_docx(&sample()).unwrap();
    let body = String::from_utf8(part(&bytes, "word/document.xml")).unwrap();
    assert!(body.contains("Northvale Strategic Assessment"));
    assert!(body.contains("Northvale &amp; District"));
    assert!(body.contains(r#"<w:pStyle w:val="Heading1"/>"#));
    // The contents list links to both headings' bookmarks.
    assert!(body.contains(r#"w:anchor="_Toc0""#) && body.contains(r#"w:anchor="_Toc2""#));
    assert!(body.contains(r#"w:name="_Toc1""#));
    assert!(body.contains("Crime rose by 6.3% &lt;significant&gt;."));
    assert!(body.contains("1,234") && body.contains("<w:tblHeader/>"));
    assert!(body.contains(r#"r:embed="rIdImg1""#));
    // 16 cm wide, half as high.
    assert!(body.contains(r#"<wp:extent cx="5760000" cy="2880000"/>"#));
    assert!(body.contains("Counts of 1–4 are shown as &lt;5."));
    // Balanced field characters in the contents.
    assert_eq!(
        body.matches(r#"w:fldCharType="begin""#).count(),
        body.matches(r#"w:fldCharType="end""#).count()
    );
}

#[test]
fn two_writes_are_byte_identical() {
    assert_eq!(
        write_docx(&sample()).unwrap(),
        write_docx(&sample()).unwrap()
    );
}

#[test]
fn a_figure_without_its_image_is_an_error_not_a_broken_file() {
    let mut doc = sample();
    doc.images.clear();
    assert!(matches!(write_docx(&doc), Err(DocxError::MissingImage(0))));
}

/// The paragraphs of the body in order, each as (its XML, its text).
fn paragraphs(body: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(body).unwrap();
    doc.descendants()
        .filter(|n| n.tag_name().name() == "p")
        .map(|p| {
            let xml = body[p.range()].to_string();
            let text: String = p
                .descendants()
                .filter(|n| n.tag_name().name() == "t")
                .filter_map(|n| n.text())
                .collect();
            (xml, text)
        })
        .collect()
}

#[test]
fn only_chapter_headings_start_a_page_issue_12() {
    let bytes = write_docx(&sample()).unwrap();
    let body = String::from_utf8(part(&bytes, "word/document.xml")).unwrap();
    let breaking: Vec<String> = paragraphs(&body)
        .into_iter()
        .filter(|(xml, _)| xml.contains("<w:pageBreakBefore/>"))
        .map(|(_, text)| text)
        .collect();
    // "Anti-social behaviour" is a level-1 heading too, but not a chapter.
    assert_eq!(breaking, vec!["Overall crime picture".to_string()]);
}

#[test]
fn table_rows_never_split_and_the_total_keeps_with_the_row_above_issue_12() {
    let mut doc = sample();
    let rows: Vec<Vec<String>> = (0..40)
        .map(|i| vec![format!("Ward {i}"), format!("{}", 1000 + i)])
        .chain(std::iter::once(vec!["Total".into(), "40,780".into()]))
        .collect();
    doc.blocks.push(Block::Table(TableBlock {
        caption: "Table 2: Long".into(),
        header: vec!["Ward".into(), "Count".into()],
        rows,
        numeric: vec![false, true],
        total_row: true,
    }));
    let bytes = write_docx(&doc).unwrap();
    let body = String::from_utf8(part(&bytes, "word/document.xml")).unwrap();
    let xml = roxmltree::Document::parse(&body).unwrap();
    let table = xml
        .descendants()
        .rfind(|n| n.tag_name().name() == "tbl")
        .unwrap();
    let rows: Vec<roxmltree::Node> = table
        .children()
        .filter(|n| n.tag_name().name() == "tr")
        .collect();
    let has =
        |row: &roxmltree::Node, tag: &str| row.descendants().any(|n| n.tag_name().name() == tag);
    assert!(rows.iter().all(|r| has(r, "cantSplit")), "a row may split");
    assert!(has(&rows[0], "tblHeader") && has(&rows[0], "keepNext"));
    // Header, 40 wards, total: the last three rows (two wards and the total) hold together.
    let keeping: Vec<usize> = (0..rows.len())
        .filter(|i| has(&rows[*i], "keepNext"))
        .collect();
    assert_eq!(keeping, vec![0, 39, 40]);
    let total = rows.last().unwrap();
    assert!(!has(total, "keepNext") && has(total, "b"));
}
