//! The laid-out document as typst source. Every piece of report text goes in as a typst
//! string literal (`"…"`, escaped), never as markup, so a partner's "*", "#", "$" or "<"
//! prints as itself. Styles follow the Word document's: Liberation Sans (Arial's
//! metrics), navy headings, shaded table headers, the same column widths
//! ([`plan_columns`]), and the same keep rules ([`keep_with_next`]'s constants).

use crate::report::doc_font::{MONO_FAMILY, SANS_FAMILY};
use crate::report::document::{lead_ins, Block, Document, TableBlock};
use crate::report::table_layout::{
    plan_columns, KEEP_LAST_ROWS, KEEP_WHOLE_MAX_ROWS, PAGE_TEXT_WIDTH_PT,
};
use std::fmt::Write;

/// The virtual path the typst source gives figure `index` (0-based).
pub fn image_path(index: usize) -> String {
    format!("/figures/{}.png", index + 1)
}

/// `text` as a typst string literal.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

const NAVY: &str = r##"rgb("#1F3864")"##;

fn preamble(doc: &Document) -> String {
    format!(
        r##"#set document(title: {title}, author: {author}, date: none)
#set text(font: "{SANS_FAMILY}", size: 10.5pt, lang: "en", region: "GB", hyphenate: false)
#set page(paper: "a4", margin: 2cm, numbering: "1", footer: context {{
  set text(size: 8pt, fill: rgb("#595959"))
  {footer}
  h(1fr)
  [Page #counter(page).display()]
}})
#set par(leading: 0.6em, spacing: 0.95em)
#show title: set text(size: 26pt, fill: {NAVY})
#show heading: set text(fill: {NAVY})
#show heading.where(level: 1): set text(size: 17pt)
#show heading.where(level: 1): set block(above: 1.6em, below: 1em)
#show heading.where(level: 1): it => block(width: 100%, stroke: (bottom: 0.75pt + {NAVY}), inset: (bottom: 4pt), it)
#show heading.where(level: 2): set text(size: 12.5pt)
#show heading.where(level: 2): set block(above: 1.4em, below: 0.8em)
#show outline.entry.where(level: 1): set text(weight: "bold")
#show figure.caption: set text(size: 9pt, style: "italic", fill: rgb("#404040"))
#show figure.caption: set align(left)
#show figure.caption.where(position: top): set block(sticky: true)
#show figure: set block(above: 1.2em, below: 1.4em)
"##,
        title = string(&doc.title),
        author = string(&doc.author),
        footer = string(&doc.footer),
    )
}

fn title_page(doc: &Document, out: &mut String) {
    out.push_str("#v(5cm)\n#title()\n#v(0.6cm)\n");
    for line in &doc.title_lines {
        let _ = writeln!(
            out,
            "#par(text(size: 15pt, fill: rgb(\"#404040\"), {}))",
            string(line)
        );
    }
    out.push_str("#pagebreak()\n");
}

fn contents(out: &mut String) {
    out.push_str("#outline(title: \"Contents\", depth: 2)\n#pagebreak()\n");
}

/// The markup of the whole document.
pub fn document(doc: &Document) -> String {
    let mut out = preamble(doc);
    title_page(doc, &mut out);
    let mut bullets: Vec<&str> = Vec::new();
    let lead_ins = lead_ins(&doc.blocks);
    for (block, &lead_in) in doc.blocks.iter().zip(&lead_ins) {
        // A short lead-in between a heading and its table or figure sticks to it.
        let (open, close) = if lead_in {
            ("#block(sticky: true)[", "]")
        } else {
            ("", "")
        };
        if let Block::Bullet(text) = block {
            bullets.push(text);
            continue;
        }
        flush_bullets(&mut bullets, &mut out);
        match block {
            Block::Contents => contents(&mut out),
            Block::PageBreak => out.push_str("#pagebreak(weak: true)\n"),
            Block::Heading {
                level,
                text,
                new_page,
            } => {
                if *new_page {
                    out.push_str("#pagebreak(weak: true)\n");
                }
                let _ = writeln!(
                    out,
                    "#heading(level: {}, {})",
                    (*level).clamp(1, 2),
                    string(text)
                );
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "{open}#par({}){close}", string(text));
            }
            Block::Note(text) => {
                let _ = writeln!(
                    out,
                    "{open}#par(text(size: 9pt, fill: rgb(\"#595959\"), {})){close}",
                    string(text)
                );
            }
            Block::Code(lines) => code(lines, &mut out),
            Block::Bullet(_) => {}
            Block::Table(t) => table(t, &mut out),
            Block::Figure {
                image,
                width_cm,
                caption,
            } => {
                let alt = doc
                    .images
                    .get(*image)
                    .map_or(caption.as_str(), |i| i.description.as_str());
                let _ = writeln!(
                    out,
                    "#figure(image({}, width: {width_cm}cm, alt: {}), caption: {}, numbering: none, gap: 6pt)",
                    string(&image_path(*image)),
                    string(alt),
                    string(caption)
                );
            }
        }
    }
    flush_bullets(&mut bullets, &mut out);
    out
}

fn flush_bullets(bullets: &mut Vec<&str>, out: &mut String) {
    if bullets.is_empty() {
        return;
    }
    let items: Vec<String> = bullets.iter().map(|b| string(b)).collect();
    let _ = writeln!(out, "#list({})", items.join(", "));
    bullets.clear();
}

fn code(lines: &[String], out: &mut String) {
    let _ = writeln!(
        out,
        "#block(below: 1em)[#set text(font: \"{MONO_FAMILY}\", size: 7pt)\n#set par(spacing: 0.35em)"
    );
    for line in lines {
        let _ = writeln!(out, "#par({})", string(line));
    }
    out.push_str("]\n");
}

/// A table in a figure with its caption on top. A short table cannot break (it moves to
/// the next page whole, with its caption); a long one breaks between rows with its
/// header repeated, and an invisible zero-width last column holds one unbreakable cell
/// over its last rows, so they — the total row with the rows above it — share a page.
fn table(t: &TableBlock, out: &mut String) {
    let plan = plan_columns(&t.header, &t.rows, t.total_row, PAGE_TEXT_WIDTH_PT);
    let long = t.rows.len() > KEEP_WHOLE_MAX_ROWS;
    let n = t.header.len();
    let mut columns: Vec<String> = plan
        .widths_pt
        .iter()
        .map(|w| format!("{:.2}pt", w.max(0.0)))
        .collect();
    let mut aligns: Vec<&str> = (0..n)
        .map(|i| {
            if t.numeric.get(i).copied().unwrap_or(false) {
                "right"
            } else {
                "left"
            }
        })
        .collect();
    if long {
        columns.push("0pt".into());
        aligns.push("left");
    }
    let _ = writeln!(
        out,
        "#[#set text(size: {}pt)\n{}#figure(kind: table, numbering: none, caption: figure.caption(position: top, {}), table(",
        plan.text_pt,
        if long {
            "#show figure: set block(breakable: true)\n"
        } else {
            ""
        },
        string(&t.caption)
    );
    let _ = writeln!(
        out,
        "  columns: ({},), align: ({},), stroke: (x: none, y: 0.5pt + rgb(\"#BFBFBF\")),",
        columns.join(", "),
        aligns.join(", ")
    );
    let _ = writeln!(
        out,
        "  inset: (x, y) => if x == {n} {{ 0pt }} else {{ (x: 5pt, y: 3pt) }},\n  fill: (x, y) => if y == 0 {{ rgb(\"#DCE3EF\") }},"
    );
    let header: Vec<String> = t
        .header
        .iter()
        .map(|h| format!("strong({})", string(h)))
        .chain(long.then(|| "[]".to_string()))
        .collect();
    let _ = writeln!(out, "  table.header(repeat: true, {}),", header.join(", "));
    let last = t.rows.len().saturating_sub(1);
    let kept_from = t.rows.len().saturating_sub(KEEP_LAST_ROWS);
    for (r, row) in t.rows.iter().enumerate() {
        let mut cells: Vec<String> = (0..n)
            .map(|i| {
                let text = string(row.get(i).map_or("", String::as_str));
                if t.total_row && r == last {
                    format!("strong({text})")
                } else {
                    text
                }
            })
            .collect();
        if long {
            if r == kept_from {
                cells.push(format!(
                    "table.cell(rowspan: {}, breakable: false)[]",
                    t.rows.len() - kept_from
                ));
            } else if r < kept_from {
                cells.push("[]".into());
            }
        }
        let _ = writeln!(out, "  {},", cells.join(", "));
    }
    out.push_str("))]\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_becomes_a_string_literal_whatever_it_holds() {
        assert_eq!(string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(string("x\u{0}y\nz"), "\"xy z\"");
        assert_eq!(
            string("#set *bold* $x$ <a> @b"),
            "\"#set *bold* $x$ <a> @b\""
        );
    }
}
