//! CSP Strategic Assessment: import police.uk and partner data into one local SQLite
//! "assessment file", analyse it, and export the annual strategic assessment.
//!
//! Layers, dependencies pointing one way: `import` → `store` → `analysis` → `report` → `ui`.
//! `cli` drives the same layers without a window; `entry` is what the programs run.
//! `format` (numbers as an analyst writes them) sits below all of them.

pub mod analysis;
pub mod cli;
pub mod entry;
pub mod format;
pub mod import;
pub mod report;
pub mod store;
pub mod ui;
