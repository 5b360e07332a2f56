//! The document body (`word/document.xml`): title page, contents, headings with bookmarks
//! the contents link to, paragraphs, bullet points, tables and figures, then the A4 page
//! set-up with the footer. A new page only where a chapter starts.

use super::props::{paragraph_properties, spacing, Prop};
use super::xml::escape;
use super::{Block, Document, TableBlock};
use crate::report::document::lead_ins;
use crate::report::table_layout::{
    keep_with_next, plan_columns, PAGE_TEXT_WIDTH_PT, TABLE_TEXT_PT,
};

const EMU_PER_CM: f64 = 360_000.0;

pub fn document(doc: &Document) -> String {
    let headings: Vec<(u8, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text, .. } => Some((*level, text.as_str())),
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
    let lead_ins = lead_ins(&doc.blocks);
    for (block, &lead_in) in doc.blocks.iter().zip(&lead_ins) {
        match block {
            Block::Heading {
                level,
                text,
                new_page,
            } => {
                out.push_str(&heading(*level, text, heading_index, *new_page));
                heading_index += 1;
            }
            Block::Paragraph(text) => out.push_str(&lead_in_paragraph("Normal", text, lead_in)),
            Block::Note(text) => out.push_str(&lead_in_paragraph("Note", text, lead_in)),
            Block::Code(lines) => {
                for line in lines {
                    out.push_str(&styled_paragraph("Code", line));
                }
            }
            Block::Bullet(text) => {
                out.push_str(&styled_paragraph("ListBullet", &format!("•\u{2003}{text}")))
            }
            Block::Table(t) => {
                out.push_str(&styled_paragraph("Caption", &t.caption));
                out.push_str(&table(t));
            }
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
        "<w:p>{}{}</w:p>",
        paragraph_properties(&[Prop::Style(style)]),
        run(text, false)
    )
}

/// A paragraph that, when it leads a heading into its table or figure, keeps with it.
fn lead_in_paragraph(style: &str, text: &str, keep_next: bool) -> String {
    if !keep_next {
        return styled_paragraph(style, text);
    }
    format!(
        "<w:p>{}{}</w:p>",
        paragraph_properties(&[Prop::Style(style), Prop::KeepNext]),
        run(text, false)
    )
}

/// A heading with the bookmark its contents entry links to; a chapter's heading begins a
/// new page (the heading styles keep every heading with what follows it).
fn heading(level: u8, text: &str, index: usize, new_page: bool) -> String {
    let style = if level <= 1 { "Heading1" } else { "Heading2" };
    let mut props = vec![Prop::Style(style)];
    if new_page {
        props.push(Prop::PageBreakBefore);
    }
    format!(
        r#"<w:p>{}<w:bookmarkStart w:id="{index}" w:name="_Toc{index}"/>{}<w:bookmarkEnd w:id="{index}"/></w:p>"#,
        paragraph_properties(&props),
        run(text, false)
    )
}

/// A TOC field whose cached result already lists the headings (linked), so the contents
/// read right before Word refreshes the page numbers.
fn contents(headings: &[(u8, &str)]) -> String {
    let mut out = styled_paragraph("TOCHeading", "Contents");
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
            r#"<w:p>{}{}<w:hyperlink w:anchor="_Toc{i}" w:history="1">{}</w:hyperlink>{}</w:p>"#,
            paragraph_properties(&[Prop::Style(style)]),
            if i == 0 { begin } else { "" },
            run(text, false),
            if i == last { end } else { "" },
        ));
    }
    out.push_str(PAGE_BREAK);
    out
}

/// One table cell: its width, shading, alignment, boldness, text size (half-points, when
/// not the style's) and whether its paragraph keeps with the next row.
struct CellLook {
    width: u32,
    right: bool,
    bold: bool,
    shade: bool,
    half_points: Option<u32>,
    keep_next: bool,
}

fn cell(text: &str, look: &CellLook) -> String {
    let shading = if look.shade {
        r#"<w:shd w:val="clear" w:color="auto" w:fill="DCE3EF"/>"#
    } else {
        ""
    };
    let mut props = vec![Prop::Style("TableText")];
    if look.keep_next {
        props.push(Prop::KeepNext);
    }
    if look.right {
        props.push(Prop::Justify("right"));
    }
    let mut run_props = String::new();
    if look.bold {
        run_props.push_str("<w:b/>");
    }
    if let Some(hp) = look.half_points {
        run_props.push_str(&format!(r#"<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>"#));
    }
    let run_props = if run_props.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{run_props}</w:rPr>")
    };
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/>{shading}</w:tcPr><w:p>{}<w:r>{run_props}<w:t xml:space="preserve">{}</w:t></w:r></w:p></w:tc>"#,
        look.width,
        paragraph_properties(&props),
        escape(text)
    )
}

/// A table laid out by [`plan_columns`]: every word whole, the header row repeated on
/// each page, no row split across pages, and rows kept with the next by
/// [`keep_with_next`] so a short table moves as one and a total row never stands alone.
fn table(t: &TableBlock) -> String {
    let TableBlock {
        caption,
        header,
        rows,
        numeric,
        total_row,
    } = t;
    let plan = plan_columns(header, rows, *total_row, PAGE_TEXT_WIDTH_PT);
    let widths: Vec<u32> = plan
        .widths_pt
        .iter()
        .map(|w| (w * 20.0).floor() as u32)
        .collect();
    let half_points = ((plan.text_pt - TABLE_TEXT_PT).abs() > f64::EPSILON)
        .then(|| (plan.text_pt * 2.0).round() as u32);
    let is_numeric = |i: usize| numeric.get(i).copied().unwrap_or(false);
    let mut out = format!(
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="AssessmentTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/><w:tblCaption w:val="{}"/></w:tblPr><w:tblGrid>"#,
        escape(caption)
    );
    for w in &widths {
        out.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
    }
    out.push_str(r#"</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"#);
    for (i, h) in header.iter().enumerate() {
        let look = CellLook {
            width: widths.get(i).copied().unwrap_or(0),
            right: is_numeric(i),
            bold: true,
            shade: true,
            half_points,
            keep_next: !rows.is_empty(),
        };
        out.push_str(&cell(h, &look));
    }
    out.push_str("</w:tr>");
    let last = rows.len().saturating_sub(1);
    for (r, row) in rows.iter().enumerate() {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (i, width) in widths.iter().enumerate() {
            let look = CellLook {
                width: *width,
                right: is_numeric(i),
                bold: *total_row && r == last,
                shade: false,
                half_points,
                keep_next: keep_with_next(r, rows.len()),
            };
            out.push_str(&cell(row.get(i).map_or("", String::as_str), &look));
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    // Word needs a paragraph between a table and what follows; keep it small.
    out.push_str(&format!(
        "<w:p>{}</w:p>",
        paragraph_properties(&[spacing(None, Some(60))])
    ));
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
        r#"<w:p>{props}<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{figure_number}" name="Figure {figure_number}" descr="{descr}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{figure_number}" name="image{image_number}.png" descr="{descr}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg{image_number}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
        descr = escape(&img.description),
        props = paragraph_properties(&[
            Prop::KeepNext,
            spacing(Some(120), Some(0)),
            Prop::Justify("center")
        ])
    )
}
