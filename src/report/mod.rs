//! Figures and documents: number formatting, charts as SVG and PNG, and (later) the Word
//! export.
//! No egui here.

pub mod figures;
pub mod format;
