//! What the app remembers between runs, saved through eframe's storage: the theme, the
//! panels shown, the folders and files used lately, and the filters.

use crate::analysis::Filter;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The storage key of [`Settings`].
pub const SETTINGS_KEY: &str = "signer-dashboard-settings";

/// How many files *File ▸ Open recent* lists.
const RECENT_FILES: usize = 10;

/// What the app remembers between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Follow the system theme, or force light or dark.
    pub theme: egui::ThemePreference,
    /// The folder of the last file opened, where the open dialog starts.
    pub last_folder: Option<PathBuf>,
    /// Letters opened or saved lately, newest first.
    pub recent_files: Vec<PathBuf>,
    /// The letter open when the app was closed, reopened on the next start.
    pub last_file: Option<PathBuf>,
    /// The filters as they were.
    pub filter: Filter,
    /// Which side panels are open.
    pub panels: Panels,
}

/// Which side panels are open; both are, until the user closes one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Panels {
    /// The filters, on the left.
    pub is_filters_shown: bool,
    /// The demands checklist, on the right (in a tab when the window is narrow).
    pub is_demands_shown: bool,
}

impl Default for Panels {
    fn default() -> Panels {
        Panels {
            is_filters_shown: true,
            is_demands_shown: true,
        }
    }
}

impl Settings {
    /// Puts `path` first in the recent files and makes it the file to reopen.
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(RECENT_FILES);
        self.last_folder = path.parent().map(PathBuf::from);
        self.last_file = Some(path.to_path_buf());
    }
}
