//! Starting the window: native options, the renderers tried in turn, the settings
//! remembered from the last run, and where the sample assessment file is kept. Nothing
//! here draws.

use super::app::App;
use super::no_window::show_error_box;
use super::renderer::{renderer_order, Renderer};
use super::settings::Settings;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub const APP_NAME: &str = "CSP Strategic Assessment";
/// Names the folder of the app's own files (settings, the sample) and the window class.
pub const APP_ID: &str = "csp-assessment";
const SAMPLE_FILE_NAME: &str = "northvale-sample.assessment";

/// Open the window on `file` (or the last file used, or the sample) and run until it is
/// closed. Each renderer is tried in turn (see `renderer`) until one opens the window; if
/// none can, or the window fails while open, the reasons are shown in a box the system
/// draws (and printed), and returned.
pub fn run_app(file: Option<PathBuf>) -> Result<(), String> {
    let order = match renderer_order() {
        Ok(order) => order,
        Err(why) => return Err(tell_no_window(&[why])),
    };
    let mut failures = Vec::new();
    for renderer in order {
        let started = Arc::new(AtomicBool::new(false));
        match run_with(renderer, file.clone(), started.clone()) {
            Ok(()) => return Ok(()),
            // The window was open and the app running: trying again would reopen it.
            Err(e) if started.load(Ordering::SeqCst) => {
                let message = format!(
                    "{APP_NAME} stopped: its window failed while open ({} renderer: {e}). \
                     Work saved in the assessment file is kept; start the app again.",
                    renderer.name()
                );
                show_error_box(APP_NAME, &message);
                return Err(message);
            }
            Err(e) => failures.push(format!("{}: {e}", renderer.described())),
        }
    }
    Err(tell_no_window(&failures))
}

/// Run the window with one renderer; `started` is set once the window is open.
fn run_with(
    renderer: Renderer,
    file: Option<PathBuf>,
    started: Arc<AtomicBool>,
) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(APP_NAME)
            .with_app_id(APP_ID)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true)
            .with_icon(window_icon()),
        renderer: renderer.to_eframe(),
        ..Default::default()
    };
    let run = std::panic::catch_unwind(AssertUnwindSafe(|| {
        eframe::run_native(
            APP_NAME,
            options,
            Box::new(move |cc| {
                started.store(true, Ordering::SeqCst);
                let settings: Settings = cc
                    .storage
                    .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
                    .unwrap_or_default();
                let mut app = App::new(&cc.egui_ctx, settings);
                app.open_at_start(file);
                Ok(Box::new(app))
            }),
        )
    }));
    match run {
        Ok(result) => result.map_err(|e| e.to_string()),
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "it stopped unexpectedly".to_string())),
    }
}

/// The window's icon (the `.exe`'s icon on Windows is in its resources: see build.rs).
fn window_icon() -> egui::IconData {
    const PNG: &[u8] = include_bytes!("../../assets/csp-assessment-64.png");
    let decoded = (|| {
        let mut reader = png::Decoder::new(std::io::Cursor::new(PNG))
            .read_info()
            .ok()?;
        let mut rgba = vec![0; reader.output_buffer_size()?];
        let frame = reader.next_frame(&mut rgba).ok()?;
        (frame.color_type == png::ColorType::Rgba).then_some(egui::IconData {
            rgba,
            width: frame.width,
            height: frame.height,
        })
    })();
    // The icon is part of the program, checked by a test; eframe's own is the fallback.
    decoded.unwrap_or_default()
}

/// Say, in a box the system draws, that no window could be opened, why and what to do;
/// returns the same words.
fn tell_no_window(reasons: &[String]) -> String {
    let message = format!(
        "{APP_NAME} could not open its window: this computer (or virtual desktop) did not offer \
         the graphics the app draws with.\n\n{}\n\nWhat to do: restart the computer or \
         reconnect to the virtual desktop; if that does not help, ask your IT service desk to \
         enable graphics (Direct3D or OpenGL) for this machine or to update its graphics driver. \
         The command-line tool ({}) works without a window.",
        reasons
            .iter()
            .map(|r| format!("• {r}"))
            .collect::<Vec<_>>()
            .join("\n"),
        if cfg!(windows) {
            "csp-assessment-cli.exe"
        } else {
            "csp-assessment import, stats, export"
        }
    );
    show_error_box(APP_NAME, &message);
    message
}

/// Where the sample assessment file is created: the app's data folder, or the temporary
/// folder where a computer has none.
pub fn sample_assessment_path() -> PathBuf {
    eframe::storage_dir(APP_ID)
        .unwrap_or_else(std::env::temp_dir)
        .join(SAMPLE_FILE_NAME)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_is_decoded() {
        let icon = super::window_icon();
        assert_eq!((icon.width, icon.height), (64, 64));
        assert_eq!(icon.rgba.len(), 64 * 64 * 4);
    }
}
