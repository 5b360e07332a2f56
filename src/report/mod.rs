//! Figures and documents: number formatting, disclosure control, publishable tables, the
//! headless figures (SVG and 300 dpi PNG) and the Word document. No egui here.

pub mod content;
pub mod disclosure;
pub mod docx;
pub mod export;
pub mod figures;
pub mod format;
pub mod plan_data;
pub mod plan_report;
pub mod rollup_report;
pub mod table;
