//! Figures and documents: number formatting, and (later) charts and the Word export.
//! No egui here.

pub mod disclosure;
pub mod docx;
pub mod format;
pub mod table;
