//! The strip along the bottom of the window while an import runs: which file, a progress
//! bar, rows so far, rows per second, time left, and Cancel.

use super::actions::Action;
use crate::report::format::{duration, thousands};
use crate::store::ingest::Progress;
use egui::{Align, Layout, RichText};

pub fn import_progress_ui(
    ui: &mut egui::Ui,
    progress: &Progress,
    is_cancelling: bool,
    actions: &mut Vec<Action>,
) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.spinner();
        ui.strong(progress_title(progress, is_cancelling));
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let cancel = ui
                .add_enabled(!is_cancelling, egui::Button::new("Cancel"))
                .on_hover_text("Stop the import; the assessment file stays exactly as it was");
            if cancel.clicked() {
                actions.push(Action::CancelImport);
            }
            ui.label(RichText::new(progress_figures(progress)).weak());
        });
    });
    ui.add(
        egui::ProgressBar::new(progress.fraction())
            .show_percentage()
            .desired_height(16.0),
    );
    ui.add_space(6.0);
}

fn progress_title(progress: &Progress, is_cancelling: bool) -> String {
    if is_cancelling {
        "Cancelling: undoing the import…".to_string()
    } else if progress.file_count == 0 {
        "Looking for files to import…".to_string()
    } else {
        format!(
            "Importing {} (file {} of {})",
            progress.file_name,
            progress.file_index + 1,
            progress.file_count
        )
    }
}

/// `123,456 rows · 45,000 rows/s · about 12 s left`
pub fn progress_figures(progress: &Progress) -> String {
    let mut parts = vec![format!("{} rows", thousands(progress.rows as i64))];
    if progress.rows > 0 {
        parts.push(format!(
            "{} rows/s",
            thousands(progress.rows_per_second().round() as i64)
        ));
    }
    if let Some(seconds) = progress.seconds_left() {
        parts.push(format!("about {} left", duration(seconds)));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn figures_say_rows_rate_and_time_left() {
        let progress = Progress {
            file_index: 0,
            file_count: 2,
            file_name: "a.csv".into(),
            rows: 100_000,
            bytes_read: 50,
            bytes_total: 100,
            elapsed: Duration::from_secs(2),
        };
        assert_eq!(
            progress_figures(&progress),
            "100,000 rows · 50,000 rows/s · about 2 s left"
        );
        assert_eq!(progress_figures(&Progress::default()), "0 rows");
    }
}
