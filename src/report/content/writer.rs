//! Collects a report's figures (with their alternative text) and tables while sections
//! are built, handing back the blocks that refer to them, and publishes each table through
//! disclosure control as it is added (so every table in every output is the suppressed
//! one).

use super::alt_text::describe;
use super::ContentBlock;
use crate::report::figures::Figure;
use crate::report::table::{publish, PublishedTable, ReportTable};

pub struct ContentWriter {
    pub figures: Vec<Figure>,
    /// One per figure: what it shows, for screen readers.
    pub alt_texts: Vec<String>,
    pub tables: Vec<PublishedTable>,
    pub threshold: i64,
}

impl ContentWriter {
    pub fn new(threshold: i64) -> ContentWriter {
        ContentWriter {
            figures: Vec::new(),
            alt_texts: Vec::new(),
            tables: Vec::new(),
            threshold,
        }
    }

    /// A figure described from its own data.
    pub fn figure(&mut self, figure: Figure) -> ContentBlock {
        let alt = describe(&figure);
        self.figure_described(figure, alt)
    }

    /// A figure with alternative text written by the caller (who knows more than the
    /// figure's numbers, e.g. the names of a map's areas).
    pub fn figure_described(&mut self, figure: Figure, alt_text: String) -> ContentBlock {
        self.figures.push(figure);
        self.alt_texts.push(alt_text);
        ContentBlock::Figure(self.figures.len() - 1)
    }

    pub fn table(&mut self, table: &ReportTable) -> ContentBlock {
        self.tables.push(publish(table, self.threshold));
        ContentBlock::Table(self.tables.len() - 1)
    }

    /// A table exported as CSV only (e.g. too wide for a page), with no block.
    pub fn csv_only_table(&mut self, table: &ReportTable) {
        self.tables.push(publish(table, self.threshold));
    }

    pub fn suppressed(&self) -> usize {
        self.tables.iter().map(|t| t.suppressed).sum()
    }
}

/// The analyst's narrative as paragraphs: blank lines separate paragraphs; a line starting
/// with "- " or "* " is a bullet.
pub fn narrative_blocks(text: &str) -> Vec<ContentBlock> {
    let mut blocks = Vec::new();
    let mut paragraph = String::new();
    let flush = |paragraph: &mut String, blocks: &mut Vec<ContentBlock>| {
        if !paragraph.trim().is_empty() {
            blocks.push(ContentBlock::Paragraph(paragraph.trim().to_string()));
        }
        paragraph.clear();
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut blocks);
        } else if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
        {
            flush(&mut paragraph, &mut blocks);
            blocks.push(ContentBlock::Bullet(item.trim().to_string()));
        } else {
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(trimmed);
        }
    }
    flush(&mut paragraph, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrative_becomes_paragraphs_and_bullets() {
        let blocks = narrative_blocks(
            "Crime rose.\nMostly violence.\n\n- Town centre\n* Night-time economy\nEnd.",
        );
        assert_eq!(
            blocks,
            vec![
                ContentBlock::Paragraph("Crime rose. Mostly violence.".into()),
                ContentBlock::Bullet("Town centre".into()),
                ContentBlock::Bullet("Night-time economy".into()),
                ContentBlock::Paragraph("End.".into()),
            ]
        );
        assert!(narrative_blocks("  \n\n").is_empty());
    }
}
