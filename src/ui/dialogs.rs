//! The native file dialogs (rfd). Each returns `None` when the analyst cancels, or where
//! there is no dialog at all (CI, Xvfb); every path they lead to also has a direct method
//! on `App` that tests call.

use std::path::PathBuf;

const ASSESSMENT_EXTENSION: &str = "assessment";

pub fn pick_files_to_import() -> Option<Vec<PathBuf>> {
    rfd::FileDialog::new()
        .set_title("Import police.uk files")
        .add_filter(
            "Police.uk data, lookups and boundaries (CSV, zip, GeoJSON)",
            &["csv", "zip", "geojson", "json"],
        )
        .pick_files()
}

pub fn pick_csv_to_map() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("Import a partner CSV with a column mapping")
        .add_filter("CSV files", &["csv"])
        .pick_file()
}

pub fn pick_csv_of_codes() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("Read district codes for a peer group from a CSV")
        .add_filter("CSV files", &["csv"])
        .pick_file()
}

pub fn pick_folder_to_import() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("Import a folder of police.uk files")
        .pick_folder()
}

pub fn pick_export_folder() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("Folder to export the assessment to")
        .pick_folder()
}

pub fn pick_plan_to_import() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("Import an action plan")
        .add_filter(
            "Action plans (CSV or workbook)",
            &["csv", "xlsx", "xlsm", "xls", "ods"],
        )
        .pick_file()
}

pub fn pick_assessments_to_roll_up() -> Option<Vec<PathBuf>> {
    rfd::FileDialog::new()
        .set_title("Choose the partnerships' assessment files")
        .add_filter("Assessment files", &[ASSESSMENT_EXTENSION])
        .pick_files()
}

pub fn pick_assessment_to_open() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("Open an assessment file")
        .add_filter("Assessment files", &[ASSESSMENT_EXTENSION])
        .pick_file()
}

/// Where to create a new assessment file, with the `.assessment` extension added if the
/// analyst left it off.
pub fn pick_new_assessment() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_title("New assessment file")
        .set_file_name("strategic-assessment.assessment")
        .add_filter("Assessment files", &[ASSESSMENT_EXTENSION])
        .save_file()
        .map(with_assessment_extension)
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
