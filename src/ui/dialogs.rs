//! The system's file dialogs (rfd: the desktop portal or zenity on Linux, the native ones on
//! Windows and macOS), and how to tell one that could not open from one the analyst
//! cancelled: where no dialog can exist (no desktop session, no portal, no zenity) it is not
//! tried; one that comes back empty faster than a person could cancel it did not open.
//! Either way the app's own chooser is used instead (see `choose_app`).

use super::file_chooser::ChooserPurpose;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const ASSESSMENT_EXTENSION: &str = "assessment";

/// No one cancels a dialog faster than this: an empty answer sooner means it never showed.
const FASTEST_CANCEL: Duration = Duration::from_millis(400);

/// What the system dialog did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SystemPick {
    Chosen(Vec<PathBuf>),
    Cancelled,
    /// It did not open; the sentence says why.
    Unavailable(String),
}

/// Why no system dialog can open here, before trying one (Linux without a desktop session
/// bus for the portal and without zenity); `None` where one may.
pub fn known_unavailable() -> Option<String> {
    if !cfg!(all(unix, not(target_os = "macos"))) {
        return None;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty())
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| PathBuf::from(dir).join("bus").exists());
    (!bus && !on_path("zenity")).then(|| {
        "The system's file dialog cannot open here (this desktop has no file-chooser portal and no zenity), so the app's own file chooser is used: pick a file, or type or paste its path.".to_string()
    })
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Show the system dialog for `purpose` and say what happened.
pub fn pick(purpose: ChooserPurpose) -> SystemPick {
    let started = Instant::now();
    let chosen = pick_with_rfd(purpose);
    match chosen {
        Some(paths) if !paths.is_empty() => SystemPick::Chosen(paths),
        _ if started.elapsed() < FASTEST_CANCEL => SystemPick::Unavailable(
            "The system's file dialog did not open (the desktop's file-chooser portal did not answer), so the app's own file chooser is used: pick a file, or type or paste its path.".into(),
        ),
        _ => SystemPick::Cancelled,
    }
}

fn pick_with_rfd(purpose: ChooserPurpose) -> Option<Vec<PathBuf>> {
    let dialog = rfd::FileDialog::new().set_title(purpose.title());
    let extensions = purpose.extensions();
    let filtered = |d: rfd::FileDialog| match purpose {
        ChooserPurpose::ImportFiles | ChooserPurpose::MapFile => d.add_filter(
            "Data the app reads (CSV, workbooks, zip, GeoJSON, shapefiles, GeoPackages)",
            extensions,
        ),
        ChooserPurpose::PeerCodes => d.add_filter("CSV files", extensions),
        ChooserPurpose::ImportPlan => d.add_filter("Action plans (CSV or workbook)", extensions),
        _ => d.add_filter("Assessment files", extensions),
    };
    match purpose {
        ChooserPurpose::ImportFiles | ChooserPurpose::RollupFiles => filtered(dialog).pick_files(),
        ChooserPurpose::ImportFolder
        | ChooserPurpose::ExportFolder
        | ChooserPurpose::PerformanceFolder
        | ChooserPurpose::RollupFolder => dialog.pick_folder().map(|p| vec![p]),
        ChooserPurpose::MapFile
        | ChooserPurpose::OpenAssessment
        | ChooserPurpose::OpenForReview
        | ChooserPurpose::CopyNarrative
        | ChooserPurpose::PeerCodes
        | ChooserPurpose::ImportPlan => filtered(dialog).pick_file().map(|p| vec![p]),
        ChooserPurpose::NewAssessment => filtered(dialog)
            .set_file_name("strategic-assessment.assessment")
            .save_file()
            .map(|p| vec![with_assessment_extension(p)]),
    }
}

pub fn with_assessment_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some_and(|e| e == ASSESSMENT_EXTENSION) {
        path
    } else {
        let mut name = path.into_os_string();
        name.push(".");
        name.push(ASSESSMENT_EXTENSION);
        PathBuf::from(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_is_added_once() {
        assert_eq!(
            with_assessment_extension("/a/b".into()),
            PathBuf::from("/a/b.assessment")
        );
        assert_eq!(
            with_assessment_extension("/a/b.assessment".into()),
            PathBuf::from("/a/b.assessment")
        );
        assert_eq!(
            with_assessment_extension("/a/2024.v2".into()),
            PathBuf::from("/a/2024.v2.assessment")
        );
    }
}
