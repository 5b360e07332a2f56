//! The document body (`word/document.xml`): title page, contents, headings with bookmarks
//! the contents link to, paragraphs, bullet points, tables and figures, then the A4 page
//! set-up with the footer.

use super::xml::escape;
use super::{Block, WordDocument};

const EMU_PER_CM: f64 = 360_000.0;
/// A4 width (11,906) less two 2 cm margins (1,134 each), in twentieths of a point.
const TEXT_WIDTH_TWIPS: u32 = 9_638;

pub fn document(doc: &WordDocument) -> String {
    let headings: Vec<(u8, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text } => Some((*level, text.as_str())),
            _ => None,
        })
        .collect();
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>"#,
    );
    out.push_str(&styled_paragraph("Title", &doc.title));
    for line in &doc.title_lines {
        out.push_str(&styled_paragraph("Subtitle", line));
    }
    out.push_str(PAGE_BREAK);
    let mut heading_index = 0;
    let mut figure_index = 0;
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                out.push_str(&heading(*level, text, heading_index));
                heading_index += 1;
            }
            Block::Paragraph(text) => out.push_str(&styled_paragraph("Normal", text)),
            Block::Note(text) => out.push_str(&styled_paragraph("Note", text)),
            Block::Code(lines) => {
                for line in lines {
                    out.push_str(&styled_paragraph("Code", line));
                }
            }
            Block::Bullet(text) => {
                out.push_str(&styled_paragraph("ListBullet", &format!("•\u{2003}{text}")))
            }
            Block::TableCaption(text) => out.push_str(&styled_paragraph("Caption", text)),
            Block::Table {
                header,
                rows,
                numeric,
                total_row,
            } => out.push_str(&table(header, rows, numeric, *total_row)),
            Block::Figure {
                image,
                width_cm,
                caption,
            } => {
                figure_index += 1;
                if let Some(img) = doc.images.get(*image) {
                    out.push_str(&figure(*image + 1, figure_index, img, *width_cm));
                }
                out.push_str(&styled_paragraph("FigureCaption", caption));
            }
            Block::Contents => out.push_str(&contents(&headings)),
            Block::PageBreak => out.push_str(PAGE_BREAK),
        }
    }
    out.push_str(r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#);
    out
}

const PAGE_BREAK: &str = r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#;

fn run(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        r#"<w:r>{props}<w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    )
}

fn styled_paragraph(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
        run(text, false)
    )
}

/// Level-1 headings after the first begin a new page; each carries the bookmark its
/// contents entry links to.
fn heading(level: u8, text: &str, index: usize) -> String {
    let style = if level <= 1 { "Heading1" } else { "Heading2" };
    let page_break = if level <= 1 && index > 0 {
        "<w:pageBreakBefore/>"
    } else {
        ""
    };
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{page_break}</w:pPr><w:bookmarkStart w:id="{index}" w:name="_Toc{index}"/>{}<w:bookmarkEnd w:id="{index}"/></w:p>"#,
        run(text, false)
    )
}

/// A TOC field whose cached result already lists the headings (linked), so the contents
/// read right before Word refreshes the page numbers.
fn contents(headings: &[(u8, &str)]) -> String {
    let mut out = String::from(
        r#"<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t>Contents</w:t></w:r></w:p>"#,
    );
    let begin = r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#;
    let end = r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#;
    if headings.is_empty() {
        out.push_str(&format!("<w:p>{begin}{end}</w:p>"));
        return out;
    }
    let last = headings.len() - 1;
    for (i, (level, text)) in headings.iter().enumerate() {
        let style = if *level <= 1 { "TOC1" } else { "TOC2" };
        out.push_str(&format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}<w:hyperlink w:anchor="_Toc{i}" w:history="1">{}</w:hyperlink>{}</w:p>"#,
            if i == 0 { begin } else { "" },
            run(text, false),
            if i == last { end } else { "" },
        ));
    }
    out.push_str(PAGE_BREAK);
    out
}

fn cell(text: &str, right: bool, bold: bool, shade: bool, width: u32) -> String {
    let jc = if right {
        r#"<w:jc w:val="right"/>"#
    } else {
        ""
    };
    let shading = if shade {
        r#"<w:shd w:val="clear" w:color="auto" w:fill="DCE3EF"/>"#
    } else {
        ""
    };
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/>{jc}</w:pPr>{}</w:p></w:tc>"#,
        run(text, bold)
    )
}

fn table(header: &[String], rows: &[Vec<String>], numeric: &[bool], total_row: bool) -> String {
    let columns = header.len().max(1);
    // Widths in fiftieths of a percent, in proportion to each column's longest text
    // (headers count less: they may wrap), within sensible bounds.
    let weight = |i: usize| -> u32 {
        let longest_cell = rows
            .iter()
            .filter_map(|r| r.get(i))
            .map(|t| t.chars().count())
            .max()
            .unwrap_or(0);
        let header_words = header.get(i).map_or(0, |h| {
            h.split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
        });
        // Header words are bold (a quarter wider); three characters more for the margins.
        (longest_cell.max(header_words * 5 / 4) + 3).clamp(6, 64) as u32
    };
    let weights: Vec<u32> = (0..columns).map(weight).collect();
    let total: u32 = weights.iter().sum::<u32>().max(1);
    // In twentieths of a point across the text width of the page (A4 less the margins):
    // Word and LibreOffice both honour explicit grid widths.
    let width = |i: usize| weights.get(i).map_or(0, |w| w * TEXT_WIDTH_TWIPS / total);
    let is_numeric = |i: usize| numeric.get(i).copied().unwrap_or(false);
    let mut out = String::from(
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="AssessmentTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#,
    );
    for i in 0..columns {
        out.push_str(&format!(r#"<w:gridCol w:w="{}"/>"#, width(i)));
    }
    out.push_str(r#"</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"#);
    for (i, h) in header.iter().enumerate() {
        out.push_str(&cell(h, is_numeric(i), true, true, width(i)));
    }
    out.push_str("</w:tr>");
    let last = rows.len().saturating_sub(1);
    for (r, row) in rows.iter().enumerate() {
        let bold = total_row && r == last;
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for i in 0..columns {
            let text = row.get(i).map_or("", String::as_str);
            out.push_str(&cell(text, is_numeric(i), bold, false, width(i)));
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    // Word needs a paragraph between a table and what follows; keep it small.
    out.push_str(r#"<w:p><w:pPr><w:spacing w:after="60"/></w:pPr></w:p>"#);
    out
}

fn figure(image_number: usize, figure_number: usize, img: &super::Image, width_cm: f64) -> String {
    let cx = (width_cm * EMU_PER_CM).round() as u64;
    let ratio = if img.width_px > 0 {
        f64::from(img.height_px) / f64::from(img.width_px)
    } else {
        0.5625
    };
    let cy = (cx as f64 * ratio).round() as u64;
    format!(
        r#"<w:p><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="0"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{figure_number}" name="Figure {figure_number}" descr="{descr}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{figure_number}" name="image{image_number}.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg{image_number}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
        descr = escape(&img.description)
    )
}
