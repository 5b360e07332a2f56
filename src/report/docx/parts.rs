//! The fixed parts of the package: content types, relationships, document properties,
//! settings, the page footer and the style sheet (Arial, navy headings, captions, a
//! table style with a shaded header row, contents entries).

use super::props::{ordered, spacing, Prop};
use super::xml::escape;

const XML_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

pub fn content_types() -> String {
    format!(
        r#"{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#
    )
}

pub fn package_rels() -> String {
    format!(
        r#"{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

/// Relationships of the main document: styles, settings, footer, then one per image
/// (`rIdImg1`…).
pub fn document_rels(images: usize) -> String {
    let mut out = format!(
        r#"{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#
    );
    for i in 1..=images {
        out.push_str(&format!(
            r#"<Relationship Id="rIdImg{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image{i}.png"/>"#
        ));
    }
    out.push_str("</Relationships>");
    out
}

/// Core properties without dates: a date would make two exports differ.
pub fn core(title: &str, author: &str) -> String {
    format!(
        r#"{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator></cp:coreProperties>"#,
        escape(title),
        escape(author)
    )
}

pub fn app() -> String {
    format!(
        r#"{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>CSP Strategic Assessment</Application></Properties>"#
    )
}

/// Asks Word to refresh fields (the contents' page numbers) when the file is opened.
pub fn settings() -> String {
    format!(
        r#"{XML_HEAD}<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:updateFields w:val="true"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}

pub fn footer(text: &str) -> String {
    format!(
        r#"{XML_HEAD}<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p>{}<w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>"#,
        super::props::paragraph_properties(&[Prop::Style("Footer"), Prop::RightTab(9638)]),
        escape(text)
    )
}

/// A paragraph style.
fn paragraph_style(
    id: &str,
    name: &str,
    paragraph: &[Prop],
    run: &str,
    next: Option<&str>,
    outline: Option<u8>,
) -> String {
    let next = next.map_or(String::new(), |n| format!(r#"<w:next w:val="{n}"/>"#));
    let mut paragraph = paragraph.to_vec();
    paragraph.extend(outline.map(Prop::OutlineLevel));
    let paragraph = ordered(&paragraph);
    format!(
        r#"<w:style w:type="paragraph" w:customStyle="0" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/>{next}<w:qFormat/><w:pPr>{paragraph}</w:pPr><w:rPr>{run}</w:rPr></w:style>"#
    )
}

pub fn styles() -> String {
    const NAVY: &str = "1F3864";
    let mut s = format!(
        r#"{XML_HEAD}<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>{}</w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
        ordered(&[Prop::Spacing {
            before: None,
            after: Some(120),
            line: Some(276),
        }])
    );
    s.push_str(&paragraph_style(
        "Title",
        "Title",
        &[spacing(Some(2400), Some(240))],
        &format!(r#"<w:b/><w:color w:val="{NAVY}"/><w:sz w:val="56"/><w:szCs w:val="56"/>"#),
        Some("Subtitle"),
        None,
    ));
    s.push_str(&paragraph_style(
        "Subtitle",
        "Subtitle",
        &[spacing(None, Some(120))],
        r#"<w:color w:val="404040"/><w:sz w:val="32"/><w:szCs w:val="32"/>"#,
        None,
        None,
    ));
    s.push_str(&paragraph_style(
        "Heading1",
        "heading 1",
        &[
            Prop::KeepNext,
            spacing(Some(240), Some(160)),
            Prop::BottomBorder {
                size: 8,
                space: 4,
                colour: NAVY,
            },
        ],
        &format!(r#"<w:b/><w:color w:val="{NAVY}"/><w:sz w:val="36"/><w:szCs w:val="36"/>"#),
        Some("Normal"),
        Some(0),
    ));
    s.push_str(&paragraph_style(
        "Heading2",
        "heading 2",
        &[Prop::KeepNext, spacing(Some(240), Some(100))],
        &format!(r#"<w:b/><w:color w:val="{NAVY}"/><w:sz w:val="26"/><w:szCs w:val="26"/>"#),
        Some("Normal"),
        Some(1),
    ));
    s.push_str(&paragraph_style(
        "Caption",
        "caption",
        &[Prop::KeepNext, spacing(Some(60), Some(200))],
        r#"<w:i/><w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/>"#,
        None,
        None,
    ));
    // Under a figure: unlike a table caption it must not keep with what follows, or a
    // run of figures chains into one block that jumps pages.
    s.push_str(&paragraph_style(
        "FigureCaption",
        "Figure Caption",
        &[spacing(Some(60), Some(240))],
        r#"<w:i/><w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/>"#,
        None,
        None,
    ));
    s.push_str(&paragraph_style(
        "Note",
        "Note",
        &[spacing(None, Some(80))],
        r#"<w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/>"#,
        None,
        None,
    ));
    s.push_str(&paragraph_style(
        "Code",
        "Code",
        &[Prop::Spacing {
            before: None,
            after: Some(0),
            line: Some(240),
        }],
        r#"<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/><w:sz w:val="14"/><w:szCs w:val="14"/>"#,
        None,
        None,
    ));
    s.push_str(&paragraph_style(
        "ListBullet",
        "List Bullet",
        &[
            Prop::Indent {
                left: 360,
                hanging: Some(360),
            },
            spacing(None, Some(60)),
        ],
        "",
        None,
        None,
    ));
    s.push_str(&paragraph_style(
        "TOCHeading",
        "TOC Heading",
        &[spacing(None, Some(200))],
        &format!(r#"<w:b/><w:color w:val="{NAVY}"/><w:sz w:val="36"/><w:szCs w:val="36"/>"#),
        None,
        None,
    ));
    s.push_str(&paragraph_style(
        "TOC1",
        "toc 1",
        &[spacing(Some(120), Some(40))],
        "<w:b/>",
        None,
        None,
    ));
    s.push_str(&paragraph_style(
        "TOC2",
        "toc 2",
        &[
            Prop::Indent {
                left: 360,
                hanging: None,
            },
            spacing(None, Some(20)),
        ],
        "",
        None,
        None,
    ));
    s.push_str(&paragraph_style(
        "Footer",
        "footer",
        &[],
        r#"<w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/>"#,
        None,
        None,
    ));
    s.push_str(&paragraph_style(
        "TableText",
        "Table Text",
        &[Prop::Spacing {
            before: Some(20),
            after: Some(20),
            line: Some(240),
        }],
        r#"<w:sz w:val="19"/><w:szCs w:val="19"/>"#,
        None,
        None,
    ));
    s.push_str(
        r#"<w:style w:type="table" w:styleId="AssessmentTable"><w:name w:val="Assessment Table"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:color="A6A6A6"/><w:bottom w:val="single" w:sz="4" w:color="A6A6A6"/><w:insideH w:val="single" w:sz="4" w:color="D9D9D9"/></w:tblBorders><w:tblCellMar><w:left w:w="100" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
    );
    s.push_str("</w:styles>");
    s
}
