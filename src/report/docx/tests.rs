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

fn sample() -> WordDocument {
    WordDocument {
        title: "Northvale Strategic Assessment".into(),
        title_lines: vec!["2024/25".into(), "Northvale & District".into()],
        footer: "Northvale CSP — OFFICIAL".into(),
        author: "CSP analyst".into(),
        blocks: vec![
            Block::Contents,
            Block::Heading {
                level: 1,
                text: "Overall crime picture".into(),
            },
            Block::Paragraph("Crime rose by 6.3% <significant>.".into()),
            Block::TableCaption("Table 1: Crime by type".into()),
            Block::Table {
                header: vec!["Crime type".into(), "Count".into()],
                rows: vec![
                    vec!["Burglary".into(), "1,234".into()],
                    vec!["Total".into(), "1,234".into()],
                ],
                numeric: vec![false, true],
                total_row: true,
            },
            Block::Figure {
                image: 0,
                width_cm: 16.0,
                caption: "Figure 1: Trend".into(),
            },
            Block::Heading {
                level: 2,
                text: "Hotspots".into(),
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
    assert!(body.contains(r#"w:anchor="_Toc0""#) && body.contains(r#"w:anchor="_Toc1""#));
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
