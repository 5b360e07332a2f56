//! The report laid out as a document, for every writer that paginates it (Word and PDF):
//! title page, contents, chapters and their headings, paragraphs, numbered table and
//! figure captions (a map's caption carries its licence line), each figure's description
//! for screen readers. Writers turn this into their format; they decide nothing here.

use super::content::{describe_figure, ContentBlock, ReportContent};
use super::figures::{Figure, FigureBody};
use super::table::PublishedTable;

/// A block of the document body, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 or 2; `new_page` where a chapter starts.
    Heading {
        level: u8,
        text: String,
        new_page: bool,
    },
    Paragraph(String),
    /// Small grey text: sources, suppression notes.
    Note(String),
    /// Lines in a small fixed-width font.
    Code(Vec<String>),
    Bullet(String),
    /// A table with its caption above it.
    Table(TableBlock),
    /// One of the document's images with its caption under it; width in cm (height
    /// follows the image's aspect ratio).
    Figure {
        image: usize,
        width_cm: f64,
        caption: String,
    },
    /// The contents list (the level-1 and level-2 headings).
    Contents,
    PageBreak,
}

/// A table with a header row; `numeric[i]` right-aligns column i; `total_row` bolds the
/// last row. The caption is written above it and is the table's accessible title.
#[derive(Debug, Clone, PartialEq)]
pub struct TableBlock {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numeric: Vec<bool>,
    pub total_row: bool,
}

/// A PNG to embed, with its pixel size (for the aspect ratio) and a description for
/// screen readers.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub png: Vec<u8>,
    pub width_px: u32,
    pub height_px: u32,
    pub description: String,
}

/// The whole document, laid out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// Title page: title, then the lines under it (area, year, date…).
    pub title: String,
    pub title_lines: Vec<String>,
    /// Shown in the page footer beside the page number.
    pub footer: String,
    pub blocks: Vec<Block>,
    pub images: Vec<Image>,
    /// Core properties (File > Info in Word).
    pub author: String,
}

/// A figure's caption: its number and title, and for a map the licence line that
/// Ordnance Survey and ONS boundaries require wherever they are published.
pub fn figure_caption(number: usize, figure: &Figure) -> String {
    let mut caption = format!("Figure {number}: {}", figure.title);
    if let FigureBody::Map { attribution, .. } = &figure.body {
        for line in attribution {
            caption.push_str(". ");
            caption.push_str(line.trim_end_matches('.'));
        }
        if !attribution.is_empty() {
            caption.push('.');
        }
    }
    caption
}

/// What a screen reader says for figure `i` (Word's alternative text, the PDF's `Alt`):
/// the alternative text the report wrote for it — what it shows, with its numbers — or,
/// for a figure the content has none for, the same description drawn from its data.
pub fn figure_description(content: &ReportContent, i: usize, figure: &Figure) -> String {
    content
        .alt_texts
        .get(i)
        .cloned()
        .unwrap_or_else(|| describe_figure(figure))
}

fn table_block(number: usize, t: &PublishedTable) -> Block {
    Block::Table(TableBlock {
        caption: format!("Table {number}: {}", t.title),
        header: t.columns.clone(),
        rows: t.display.clone(),
        numeric: t.numeric.clone(),
        total_row: t.total_row,
    })
}

/// The report laid out: contents, then each section under its heading (a chapter's on a
/// new page), tables and figures numbered in order. `pngs` are the figures' images, in
/// the order of `content.figures`.
pub fn lay_out(content: &ReportContent, pngs: Vec<Vec<u8>>) -> Document {
    let mut blocks = vec![Block::Contents];
    let (mut table_number, mut figure_number) = (0, 0);
    for section in &content.sections {
        blocks.push(Block::Heading {
            level: 1,
            text: section.heading.clone(),
            new_page: section.starts_chapter,
        });
        for block in &section.blocks {
            match block {
                ContentBlock::SubHeading(text) => blocks.push(Block::Heading {
                    level: 2,
                    text: text.clone(),
                    new_page: false,
                }),
                ContentBlock::Paragraph(text) => blocks.push(Block::Paragraph(text.clone())),
                ContentBlock::Bullet(text) => blocks.push(Block::Bullet(text.clone())),
                ContentBlock::Note(text) => blocks.push(Block::Note(text.clone())),
                ContentBlock::Code(lines) => blocks.push(Block::Code(lines.clone())),
                ContentBlock::Table(i) => {
                    if let Some(t) = content.tables.get(*i) {
                        table_number += 1;
                        blocks.push(table_block(table_number, t));
                    }
                }
                ContentBlock::Figure(i) => {
                    if let Some(f) = content.figures.get(*i) {
                        figure_number += 1;
                        blocks.push(Block::Figure {
                            image: *i,
                            width_cm: 16.0,
                            caption: figure_caption(figure_number, f),
                        });
                    }
                }
            }
        }
    }
    let images = content
        .figures
        .iter()
        .enumerate()
        .zip(pngs)
        .map(|((i, f), png)| Image {
            png,
            width_px: super::figures::page::WIDTH_PX,
            height_px: super::figures::page::HEIGHT_PX,
            description: figure_description(content, i, f),
        })
        .collect();
    Document {
        title: content.title.clone(),
        title_lines: content.title_lines.clone(),
        footer: content.footer.clone(),
        author: "CSP Strategic Assessment".into(),
        blocks,
        images,
    }
}

/// Most text that may lead a heading into its first table or figure and still move with
/// them as one block: a short introduction, not a page of prose.
const LEAD_IN_MAX_BLOCKS: usize = 3;
const LEAD_IN_MAX_CHARS: usize = 1_200;

fn text_of(block: &Block) -> Option<&str> {
    match block {
        Block::Paragraph(t) | Block::Note(t) => Some(t),
        _ => None,
    }
}

/// Which blocks are part of a short lead-in — the paragraphs or notes between a heading
/// and the table or figure they introduce — that must stay on the page with that table or
/// figure (so a heading and its first sentence never end a page whose exhibit is on the
/// next). One flag per block, found in one pass; both writers read it: Word's
/// keep-with-next, the PDF's sticky blocks.
pub fn lead_ins(blocks: &[Block]) -> Vec<bool> {
    let mut kept = vec![false; blocks.len()];
    let mut start = 0;
    while start < blocks.len() {
        if text_of(&blocks[start]).is_none() {
            start += 1;
            continue;
        }
        let end = blocks[start..]
            .iter()
            .position(|b| text_of(b).is_none())
            .map_or(blocks.len(), |p| start + p);
        let after_heading = start > 0 && matches!(blocks[start - 1], Block::Heading { .. });
        let before_exhibit = matches!(
            blocks.get(end),
            Some(Block::Table(_) | Block::Figure { .. })
        );
        let chars: usize = blocks[start..end]
            .iter()
            .filter_map(text_of)
            .map(str::len)
            .sum();
        if after_heading
            && before_exhibit
            && end - start <= LEAD_IN_MAX_BLOCKS
            && chars <= LEAD_IN_MAX_CHARS
        {
            kept[start..end].fill(true);
        }
        start = end;
    }
    kept
}

#[cfg(test)]
mod lead_in_tests {
    use super::*;

    fn heading() -> Block {
        Block::Heading {
            level: 2,
            text: "Crime types: level and change".into(),
            new_page: false,
        }
    }
    fn figure() -> Block {
        Block::Figure {
            image: 0,
            width_cm: 16.0,
            caption: "Figure 1".into(),
        }
    }
    fn para(n: usize) -> Block {
        Block::Paragraph("x".repeat(n))
    }

    #[test]
    fn a_short_lead_in_between_a_heading_and_its_exhibit_keeps_with_it() {
        let blocks = vec![
            heading(),
            para(200),
            Block::Note("Source".into()),
            figure(),
            para(50),
        ];
        let flags = lead_ins(&blocks);
        let kept: Vec<usize> = (0..blocks.len()).filter(|i| flags[*i]).collect();
        assert_eq!(kept, vec![1, 2]);
    }

    #[test]
    fn long_prose_or_text_not_followed_by_an_exhibit_flows_freely() {
        let long = vec![heading(), para(900), para(900), figure()];
        assert!(!lead_ins(&long).contains(&true));
        let many = vec![heading(), para(10), para(10), para(10), para(10), figure()];
        assert!(!lead_ins(&many).contains(&true));
        let no_exhibit = vec![heading(), para(100), heading(), figure()];
        assert!(!lead_ins(&no_exhibit).contains(&true));
        let no_heading = vec![figure(), para(100), figure()];
        assert!(!lead_ins(&no_heading).contains(&true));
    }
}
