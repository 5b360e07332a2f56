//! Figures and documents: number formatting, disclosure control, publishable tables, the
//! headless figures (SVG and 300 dpi PNG), the laid-out document and its Word and PDF
//! writers. No egui here.

pub mod content;
pub mod disclosure;
pub mod doc_font;
pub mod document;
pub mod docx;
pub mod export;
pub mod figures;
pub mod format;
pub mod numbers;
pub mod pdf;
pub mod plan_data;
pub mod plan_report;
pub mod rollup_report;
pub mod table;
pub mod table_layout;
