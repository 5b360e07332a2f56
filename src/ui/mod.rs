//! egui panels and app state. Calls analysis and store; never writes SQL.
//!
//! `launch` starts the window (trying the renderers of `renderer` in turn, and saying why
//! in a system box, `no_window`, when none works) and picks the first assessment file;
//! `sample` finds the sample data beside the program; `app` holds the state
//! and its operations; `shell` draws the window around the pages and carries out what the
//! analyst asked for. Each page is one file in `pages`: add a page with a `Page` variant in
//! `navigation` and one arm in `pages::page_ui`. The import job, the dialogs, the cached
//! view of the file and each window on top live in their own files.

mod actions;
mod app;
mod area_chooser;
mod chart;
mod choose_app;
mod comparison_app;
mod comparison_view;
mod crime_picture;
mod dialogs;
mod drop_overlay;
mod export_job;
mod file_app;
mod file_chooser;
mod file_chooser_ui;
mod hotspot_job;
mod import_app;
mod import_job;
mod import_progress;
mod import_summary;
mod launch;
mod map_app;
mod map_layers;
mod map_view;
mod mapping_import;
mod mapping_import_ui;
mod navigation;
mod no_window;
mod notice;
mod pages;
mod partner_app;
mod partner_view;
mod peer_editor;
mod picture_app;
mod plan_app;
mod plan_export;
mod plan_state;
mod rejected_rows;
mod renderer;
mod report_app;
mod report_state;
mod rollup_state;
mod sample;
mod settings;
mod shell;
mod theme;
mod theme_group_editor;
mod top_bar;
mod view;
mod widgets;

pub use app::App;
pub use area_chooser::WardChooser;
pub use comparison_view::{ComparisonView, SortColumn};
pub use export_job::ExportOutcome;
pub use file_chooser::{ChooserPurpose, FileChooser};
pub use import_summary::{FileStatus, ImportSummary};
pub use launch::{run_app, sample_assessment_path, APP_ID, APP_NAME};
pub use map_view::{AreaMeasure, GridMeasure, MapLayer, MapOptions, MapView};
pub use mapping_import::{MappingImport, MappingLayout};
pub use navigation::Page;
pub use notice::{Notice, Tone};
pub use partner_view::PartnerView;
pub use peer_editor::PeerEditor;
pub use plan_app::{READ_ONLY_BANNER, READ_ONLY_REFUSAL};
pub use plan_state::{MeasurableDraft, PlanState};
pub use report_state::ReportState;
pub use rollup_state::RollupState;
pub use settings::Settings;
pub use theme_group_editor::GroupEditor;
pub use view::{AssessmentView, SourceRow};
