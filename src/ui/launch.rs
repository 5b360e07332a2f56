//! Starting the window: native options, the settings remembered from the last run, and
//! where the bundled Northvale sample lives. Nothing here draws.

use super::app::App;
use super::settings::Settings;
use std::path::PathBuf;

pub const APP_NAME: &str = "CSP Strategic Assessment";
/// Names the folder of the app's own files (settings, the sample) and the window class.
pub const APP_ID: &str = "csp-assessment";
const SAMPLE_FILE_NAME: &str = "northvale-sample.assessment";

/// Open the window on `file` (or the last file used, or the sample) and run until it is
/// closed.
pub fn run_app(file: Option<PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(APP_NAME)
            .with_app_id(APP_ID)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        APP_NAME,
        options,
        Box::new(move |cc| {
            let settings: Settings = cc
                .storage
                .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
                .unwrap_or_default();
            let mut app = App::new(&cc.egui_ctx, settings);
            app.open_at_start(file);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("the window could not be opened ({e})"))
}

/// Where the sample assessment file is created: the app's data folder, or the temporary
/// folder where a computer has none.
pub fn sample_assessment_path() -> PathBuf {
    eframe::storage_dir(APP_ID)
        .unwrap_or_else(std::env::temp_dir)
        .join(SAMPLE_FILE_NAME)
}

/// The sample files shipped with the app, if they are there: the police.uk folders, the
/// ward lookup and the ward populations (so the sample shows rates and ward hotspots), and
/// the ward and LSOA boundaries (so it shows the map).
pub fn bundled_sample_files() -> Vec<PathBuf> {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"));
    [
        "police-uk",
        "geography/lsoa_ward_lookup.csv",
        "geography/ward_population.csv",
        "geography/ward_boundaries.geojson",
        "geography/lsoa_boundaries.geojson",
        "partners/domestic_abuse_incidents.csv",
        "partners/marac_quarterly.csv",
        "partners/asb_cases.csv",
        "partners/treatment.csv",
    ]
    .iter()
    .map(|p| root.join(p))
    .filter(|p| p.exists())
    .collect()
}
