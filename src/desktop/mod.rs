//! Putting the app in the desktop's menu for the current user, and taking it out again.
//!
//! [`install`] writes the desktop entry, pointing at the running program, and the app's
//! icons into the user's XDG data folder (`$XDG_DATA_HOME`, by default `~/.local/share`),
//! each file atomically, and records what it wrote in a manifest. [`uninstall`] removes
//! the files that manifest lists and the folders install made, and nothing else: a file
//! changed since it was written, a path that install never writes, and a folder that is
//! not empty are all left alone.
//!
//! ```
//! use signer_dashboard::desktop;
//!
//! let data_home = tempfile::tempdir()?;
//! let program = std::env::current_exe()?;
//! let installed = desktop::install(data_home.path(), &program)?;
//! assert!(installed.entry.ends_with("applications/signer-dashboard.desktop"));
//!
//! let uninstalled = desktop::uninstall(data_home.path())?;
//! assert_eq!(uninstalled.removed_files.len(), 1 + desktop::ICONS.len());
//! assert!(std::fs::read_dir(data_home.path())?.next().is_none(), "nothing is left");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::export::WriteError;
use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

mod caches;
mod entry;
mod install;

pub use caches::{CacheOutcome, CacheRefresh, refresh_caches, write_cache_report};
pub use entry::desktop_entry_for;
pub use install::{Installed, Uninstalled, install, uninstall};

/// The app id: the name of the desktop entry and of the icon, and the window's Wayland
/// app id and X11 `WM_CLASS`, which is how a desktop ties the window to its menu entry.
pub const APP_ID: &str = "signer-dashboard";

/// The desktop entry as packages install it, with `Exec=signer-dashboard %f` found on the
/// `PATH`. [`desktop_entry_for`] points it at one program instead.
pub const DESKTOP_ENTRY: &str = include_str!("../../assets/signer-dashboard.desktop");

/// One of the app's icons, in the layout of the hicolor icon theme.
#[derive(Debug, Clone, Copy)]
pub struct Icon {
    /// The theme folder it belongs in: `32x32` … `512x512`, or `scalable` for the SVG.
    pub theme_folder: &'static str,
    /// The file's extension: `png` or `svg`.
    pub extension: &'static str,
    /// The file itself.
    pub bytes: &'static [u8],
}

impl Icon {
    /// Where the icon goes under a data folder (`icons/hicolor/48x48/apps/signer-dashboard.png`).
    pub fn relative_path(&self) -> String {
        format!(
            "icons/hicolor/{}/apps/{APP_ID}.{}",
            self.theme_folder, self.extension
        )
    }
}

/// Every icon the app installs: the PNGs drawn from the SVG at each size, and the SVG.
pub const ICONS: [Icon; 7] = [
    png_icon(
        "32x32",
        include_bytes!("../../assets/icons/signer-dashboard-32.png"),
    ),
    png_icon(
        "48x48",
        include_bytes!("../../assets/icons/signer-dashboard-48.png"),
    ),
    png_icon(
        "64x64",
        include_bytes!("../../assets/icons/signer-dashboard-64.png"),
    ),
    png_icon(
        "128x128",
        include_bytes!("../../assets/icons/signer-dashboard-128.png"),
    ),
    png_icon(
        "256x256",
        include_bytes!("../../assets/icons/signer-dashboard-256.png"),
    ),
    png_icon(
        "512x512",
        include_bytes!("../../assets/icons/signer-dashboard-512.png"),
    ),
    Icon {
        theme_folder: "scalable",
        extension: "svg",
        bytes: include_bytes!("../../assets/icons/signer-dashboard.svg"),
    },
];

const fn png_icon(theme_folder: &'static str, bytes: &'static [u8]) -> Icon {
    Icon {
        theme_folder,
        extension: "png",
        bytes,
    }
}

/// Where the desktop entry goes under a data folder.
pub const ENTRY_PATH: &str = "applications/signer-dashboard.desktop";

/// Where the list of what was installed goes under a data folder: in the app's own data
/// folder, beside what the window saves there.
pub const MANIFEST_PATH: &str = "signer-dashboard/desktop-install.txt";

/// Why the app could not be put in the menu or taken out of it.
#[derive(Debug, thiserror::Error)]
pub enum DesktopError {
    /// This system has no XDG desktop menu.
    #[error(
        "install-desktop is for Linux and BSD desktops; on macOS and Windows, bundle the app as the README's Install section says"
    )]
    Unsupported,
    /// Neither `XDG_DATA_HOME` nor `HOME` says where the user's data folder is.
    #[error(
        "cannot tell where the desktop's menu entries go: set HOME (or XDG_DATA_HOME) to an absolute path"
    )]
    NoDataHome,
    /// The running program cannot be named in a desktop entry.
    #[error("cannot point the menu entry at the program: {reason}: {}", path.display())]
    Program {
        /// The program, as the system reported it.
        path: PathBuf,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A file could not be written; what was there before is unchanged.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A folder could not be made, or a file read or removed.
    #[error("{doing}: {error}: {}", path.display())]
    Io {
        /// What was being done.
        doing: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
}

impl DesktopError {
    fn io(doing: &'static str, path: &Path, error: io::Error) -> DesktopError {
        DesktopError::Io {
            doing,
            path: path.to_path_buf(),
            error,
        }
    }
}

/// The user's XDG data folder, as the environment names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataHome {
    /// The folder: `$XDG_DATA_HOME`, or `$HOME/.local/share`.
    pub path: PathBuf,
    /// Why `XDG_DATA_HOME` was not used although it is set, for the user to read.
    pub warning: Option<String>,
}

/// The current user's XDG data folder, from `XDG_DATA_HOME` and `HOME`.
pub fn data_home_from_environment() -> Result<DataHome, DesktopError> {
    if cfg!(any(windows, target_os = "macos")) {
        return Err(DesktopError::Unsupported);
    }
    data_home(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

/// The XDG base directory rule: `XDG_DATA_HOME` if it is an absolute path, else
/// `$HOME/.local/share`. A relative `XDG_DATA_HOME` is ignored, as the specification says.
fn data_home(
    xdg_data_home: Option<OsString>,
    home: Option<OsString>,
) -> Result<DataHome, DesktopError> {
    let mut warning = None;
    if let Some(value) = xdg_data_home.filter(|v| !v.is_empty()) {
        let path = PathBuf::from(&value);
        if path.is_absolute() {
            return Ok(DataHome {
                path,
                warning: None,
            });
        }
        warning = Some(format!(
            "XDG_DATA_HOME is not an absolute path, so it is ignored as the XDG specification says: {}",
            path.display()
        ));
    }
    let home = home
        .map(PathBuf::from)
        .filter(|h| h.is_absolute())
        .ok_or(DesktopError::NoDataHome)?;
    Ok(DataHome {
        path: home.join(".local/share"),
        warning,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail by panicking")]

    use super::*;
    use std::fs;

    #[test]
    fn the_data_folder_follows_the_xdg_rules() {
        let os = |s: &str| Some(OsString::from(s));
        let found = data_home(os("/x/data"), os("/home/ana")).unwrap();
        assert_eq!(found.path, Path::new("/x/data"));
        assert_eq!(found.warning, None);
        let found = data_home(os(""), os("/home/ana")).unwrap();
        assert_eq!(found.path, Path::new("/home/ana/.local/share"));
        assert_eq!(found.warning, None);
        let found = data_home(None, os("/home/ana")).unwrap();
        assert_eq!(found.path, Path::new("/home/ana/.local/share"));
        let found = data_home(os("relative/data"), os("/home/ana")).unwrap();
        assert_eq!(found.path, Path::new("/home/ana/.local/share"));
        assert!(found.warning.unwrap().contains("relative/data"));
        assert!(matches!(
            data_home(None, None),
            Err(DesktopError::NoDataHome)
        ));
        assert!(matches!(
            data_home(os("relative"), os("also-relative")),
            Err(DesktopError::NoDataHome)
        ));
    }

    /// Every file under `root`, relative, sorted; folders end in `/`.
    pub(super) fn tree(root: &Path) -> Vec<String> {
        fn walk(root: &Path, folder: &Path, found: &mut Vec<String>) {
            for entry in fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                let relative = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .to_owned();
                if path.is_dir() {
                    found.push(format!("{relative}/"));
                    walk(root, &path, found);
                } else {
                    found.push(relative);
                }
            }
        }
        let mut found = Vec::new();
        walk(root, root, &mut found);
        found.sort();
        found
    }
}
