//! What the app remembers between runs, through eframe persistence: the last assessment
//! file and a short list of recent ones. Plain data; never opens a file.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent files the File menu offers.
const RECENT_FILES: usize = 8;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Reopened at the next start when no file is named on the command line.
    pub last_file: Option<PathBuf>,
    /// Most recent first, without duplicates.
    pub recent_files: Vec<PathBuf>,
}

impl Settings {
    /// Note that `path` was opened: it becomes the last file and heads the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.last_file = Some(path.to_path_buf());
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(RECENT_FILES);
    }

    /// Drop a file that could not be opened from the recent list (and as the last file).
    pub fn forget(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        if self.last_file.as_deref() == Some(path) {
            self.last_file = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recent_list_is_newest_first_without_duplicates_and_short() {
        let mut settings = Settings::default();
        for i in 0..10 {
            settings.remember(Path::new(&format!("/a/{i}.assessment")));
        }
        settings.remember(Path::new("/a/5.assessment"));
        assert_eq!(settings.recent_files.len(), RECENT_FILES);
        assert_eq!(settings.recent_files[0], Path::new("/a/5.assessment"));
        assert_eq!(
            settings
                .recent_files
                .iter()
                .filter(|p| p.ends_with("5.assessment"))
                .count(),
            1
        );
        settings.forget(Path::new("/a/5.assessment"));
        assert_eq!(settings.last_file, None);
        assert!(!settings
            .recent_files
            .iter()
            .any(|p| p.ends_with("5.assessment")));
    }

    #[test]
    fn settings_from_an_older_version_keep_what_they_have() {
        let settings: Settings = serde_json::from_str(r#"{"last_file":"/x.assessment"}"#).unwrap();
        assert_eq!(settings.last_file, Some(PathBuf::from("/x.assessment")));
        assert!(settings.recent_files.is_empty());
    }
}
