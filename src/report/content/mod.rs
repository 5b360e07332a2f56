//! What the exported assessment says, as data: the sections the analyst chose in their
//! order, each a list of blocks (paragraphs, bullets, notes, and references to figures
//! and published tables), built from the assessment file for one financial year and area.
//! Writers (DOCX, PNG/SVG, CSV) lay this out; they compute nothing.

mod alt_text;
mod appendix;
mod build;
mod change_tables;
mod comparison;
mod figures_of;
pub mod free_text;
mod glossary;
mod intro;
pub mod left_out;
mod maps;
mod measures;
mod partner;
mod plan;
pub mod plan_review;
mod police;
mod priorities;
mod summary;
mod wording;
mod writer;

pub use alt_text::describe as describe_figure;
pub use build::{build_report, ReportError, ReportOptions};
pub use comparison::{all_crime_comparison, comparison_sentence, funnel_figure};
pub use left_out::{left_out, Holdings, Omission};
pub use partner::{section_of, PartnerSection};
pub use plan::{available_sections, effective_plan, partner_sources, PlanEntry, SectionChoice};
pub use writer::narrative_blocks;

use crate::report::figures::Figure;
use crate::report::table::PublishedTable;

/// One block of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum ContentBlock {
    SubHeading(String),
    Paragraph(String),
    Bullet(String),
    Note(String),
    /// Lines in a small fixed-width font (file fingerprints).
    Code(Vec<String>),
    /// Index into [`ReportContent::tables`].
    Table(usize),
    /// Index into [`ReportContent::figures`].
    Figure(usize),
}

/// A section of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionContent {
    pub key: String,
    pub heading: String,
    pub blocks: Vec<ContentBlock>,
    /// Begins a chapter: a new page in print. Other sections follow on the same page.
    pub starts_chapter: bool,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportContent {
    pub title: String,
    /// Under the title: area, financial year, date.
    pub title_lines: Vec<String>,
    pub footer: String,
    pub sections: Vec<SectionContent>,
    pub figures: Vec<Figure>,
    /// One per figure: its alternative text (what it shows, with the numbers that matter).
    pub alt_texts: Vec<String>,
    /// Tables after disclosure control, in the order they appear.
    pub tables: Vec<PublishedTable>,
    /// Entries hidden by disclosure control across all tables.
    pub suppressed: usize,
    /// The financial year, "2024/25".
    pub financial_year: String,
    /// The executive summary as drafted from the data (paragraphs separated by a blank
    /// line), for the analyst to start an edited version from.
    pub drafted_summary: String,
    /// What the document leaves out for want of data or words, and why.
    pub left_out: Vec<Omission>,
}
