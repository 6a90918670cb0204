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

use crate::export::{WriteError, write_atomically};
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The app id: the name of the desktop entry and of the icon, and the window's Wayland
/// app id and X11 `WM_CLASS`, which is how a desktop ties the window to its menu entry.
pub const APP_ID: &str = "signer-dashboard";

/// The desktop entry as packages install it, with `Exec=signer-dashboard %f` found on the
/// `PATH`. [`desktop_entry_for`] points it at one program instead.
pub const DESKTOP_ENTRY: &str = include_str!("../assets/signer-dashboard.desktop");

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
        include_bytes!("../assets/icons/signer-dashboard-32.png"),
    ),
    png_icon(
        "48x48",
        include_bytes!("../assets/icons/signer-dashboard-48.png"),
    ),
    png_icon(
        "64x64",
        include_bytes!("../assets/icons/signer-dashboard-64.png"),
    ),
    png_icon(
        "128x128",
        include_bytes!("../assets/icons/signer-dashboard-128.png"),
    ),
    png_icon(
        "256x256",
        include_bytes!("../assets/icons/signer-dashboard-256.png"),
    ),
    png_icon(
        "512x512",
        include_bytes!("../assets/icons/signer-dashboard-512.png"),
    ),
    Icon {
        theme_folder: "scalable",
        extension: "svg",
        bytes: include_bytes!("../assets/icons/signer-dashboard.svg"),
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

/// The desktop entry that opens files with `program`: [`DESKTOP_ENTRY`] with its `Exec`
/// naming the program by its absolute path, and a `TryExec`, so that menus hide the entry
/// once the program is gone.
pub fn desktop_entry_for(program: &Path) -> Result<String, DesktopError> {
    let program_text = program_text(program)?;
    let mut entry = format!(
        "# Written by `{APP_ID} install-desktop`; `{APP_ID} uninstall-desktop` removes it.\n"
    );
    for line in DESKTOP_ENTRY.lines() {
        if line.starts_with("Exec=") {
            let _ = writeln!(entry, "TryExec={}", escape_string_value(program_text));
            let _ = writeln!(entry, "{}", exec_line(program_text));
        } else {
            let _ = writeln!(entry, "{line}");
        }
    }
    Ok(entry)
}

/// The `Exec=` line that runs `program` on one file.
fn exec_line(program: &str) -> String {
    format!(
        "Exec={} %f",
        escape_string_value(&quote_exec_argument(program))
    )
}

/// The program's path as text a desktop entry can hold: absolute, UTF-8 (as the whole file
/// must be), and without control characters, which would need escapes that desktops do not
/// all read back the same way.
fn program_text(program: &Path) -> Result<&str, DesktopError> {
    let reject = |reason| DesktopError::Program {
        path: program.to_path_buf(),
        reason,
    };
    if !program.is_absolute() {
        return Err(reject("expected an absolute path"));
    }
    let text = program
        .to_str()
        .ok_or_else(|| reject("a desktop entry is UTF-8, and this path is not"))?;
    if text.chars().any(char::is_control) {
        return Err(reject(
            "the path holds a control character (a line break or a tab); move the program to a plainer folder",
        ));
    }
    Ok(text)
}

/// Characters the Desktop Entry Specification reserves in an `Exec` argument: an argument
/// holding one must be quoted.
const EXEC_RESERVED: &[char] = &[
    ' ', '\t', '\n', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(', ')',
    '`',
];

/// Quotes one `Exec` argument as the specification says: in double quotes when it holds a
/// reserved character, with `"`, `` ` ``, `$` and `\` escaped by a backslash; and `%`
/// doubled, since a single `%` starts a field code.
fn quote_exec_argument(argument: &str) -> String {
    let mut quoted = String::with_capacity(argument.len() + 2);
    let is_quoted = argument.is_empty() || argument.contains(EXEC_RESERVED);
    if is_quoted {
        quoted.push('"');
    }
    for c in argument.chars() {
        match c {
            '"' | '`' | '$' | '\\' if is_quoted => quoted.push('\\'),
            '%' => quoted.push('%'),
            _ => {}
        }
        quoted.push(c);
    }
    if is_quoted {
        quoted.push('"');
    }
    quoted
}

/// Escapes a value of type string: a backslash is written twice. (Control characters,
/// which would need `\n`, `\t` or `\r`, are refused earlier.)
fn escape_string_value(value: &str) -> String {
    value.replace('\\', "\\\\")
}

/// What [`install`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    /// The desktop entry.
    pub entry: PathBuf,
    /// The `Exec=` line in it.
    pub exec_line: String,
    /// The icons, in the order of [`ICONS`].
    pub icons: Vec<PathBuf>,
    /// The folders that did not exist before, which [`uninstall`] removes when empty.
    pub created_folders: Vec<PathBuf>,
    /// The list of what was installed, which [`uninstall`] reads.
    pub manifest: PathBuf,
}

impl Installed {
    /// Says what was written, one line each.
    pub fn write_report(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "wrote {} ({})", self.entry.display(), self.exec_line)?;
        for icon in &self.icons {
            writeln!(out, "wrote {}", icon.display())?;
        }
        writeln!(
            out,
            "wrote {} (what uninstall-desktop removes)",
            self.manifest.display()
        )
    }
}

/// Installs the desktop entry for `program` and the icons under `data_home`, each file
/// atomically, and records them in the manifest. Installing again rewrites them all.
///
/// If a file cannot be written, the manifest still records those that were, so that
/// [`uninstall`] can remove them.
pub fn install(data_home: &Path, program: &Path) -> Result<Installed, DesktopError> {
    let entry = desktop_entry_for(program)?;
    let exec_line = exec_line(program_text(program)?);
    let mut manifest = Manifest::read(data_home)?.unwrap_or_default();
    fs::create_dir_all(data_home)
        .map_err(|e| DesktopError::io("cannot make the folder", data_home, e))?;

    let mut files: Vec<(String, &[u8])> = vec![(ENTRY_PATH.to_owned(), entry.as_bytes())];
    files.extend(ICONS.iter().map(|icon| (icon.relative_path(), icon.bytes)));
    let mut created_folders = Vec::new();
    for (relative, bytes) in &files {
        let written = write_file(
            data_home,
            relative,
            bytes,
            &mut manifest,
            &mut created_folders,
        );
        if let Err(error) = written {
            // Best effort: the write error is the one to report.
            let _ = manifest.write(data_home, &mut created_folders);
            return Err(error);
        }
    }
    manifest.write(data_home, &mut created_folders)?;

    Ok(Installed {
        entry: data_home.join(ENTRY_PATH),
        exec_line,
        icons: ICONS
            .iter()
            .map(|icon| data_home.join(icon.relative_path()))
            .collect(),
        created_folders: created_folders
            .iter()
            .map(|relative| data_home.join(relative))
            .collect(),
        manifest: data_home.join(MANIFEST_PATH),
    })
}

/// Makes the folders above `relative` that are missing, then writes the file and records it.
fn write_file(
    data_home: &Path,
    relative: &str,
    bytes: &[u8],
    manifest: &mut Manifest,
    created_folders: &mut Vec<String>,
) -> Result<(), DesktopError> {
    make_folders(data_home, relative, manifest, created_folders)?;
    let path = data_home.join(relative);
    write_atomically(&path, |out| out.write_all(bytes))?;
    manifest
        .files
        .insert(relative.to_owned(), fingerprint(bytes));
    Ok(())
}

/// Makes each missing folder above `relative`, one at a time, and records the ones it made.
fn make_folders(
    data_home: &Path,
    relative: &str,
    manifest: &mut Manifest,
    created_folders: &mut Vec<String>,
) -> Result<(), DesktopError> {
    for folder in ancestors(relative) {
        let path = data_home.join(folder);
        match fs::create_dir(&path) {
            Ok(()) => {
                manifest.folders.insert(folder.to_owned());
                created_folders.push(folder.to_owned());
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && path.is_dir() => {}
            Err(e) => return Err(DesktopError::io("cannot make the folder", &path, e)),
        }
    }
    Ok(())
}

/// The folders above a relative path, outermost first: `a`, `a/b` for `a/b/c`.
fn ancestors(relative: &str) -> impl Iterator<Item = &str> {
    relative
        .match_indices('/')
        .map(move |(end, _)| relative.get(..end).unwrap_or_default())
}

/// What [`uninstall`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Uninstalled {
    /// The manifest it read and removed; `None` when install had not run.
    pub manifest: Option<PathBuf>,
    /// The files removed.
    pub removed_files: Vec<PathBuf>,
    /// Files the manifest lists that were left, each with the reason.
    pub kept_files: Vec<(PathBuf, &'static str)>,
    /// The folders removed: made by install, and empty now.
    pub removed_folders: Vec<PathBuf>,
}

impl Uninstalled {
    /// Says what was removed and what was left, one line each.
    pub fn write_report(&self, out: &mut dyn Write, data_home: &Path) -> io::Result<()> {
        let Some(manifest) = &self.manifest else {
            return writeln!(
                out,
                "nothing to remove: install-desktop has not installed anything here (there is no {})",
                data_home.join(MANIFEST_PATH).display()
            );
        };
        for path in &self.removed_files {
            writeln!(out, "removed {}", path.display())?;
        }
        for (path, reason) in &self.kept_files {
            writeln!(out, "left {} ({reason})", path.display())?;
        }
        writeln!(out, "removed {}", manifest.display())?;
        for path in &self.removed_folders {
            writeln!(out, "removed the empty folder {}", path.display())?;
        }
        Ok(())
    }
}

/// Removes what [`install`] recorded in the manifest under `data_home`: each file that is
/// still as it was written, then the manifest, then each folder install made that is now
/// empty. Anything else, in those folders or elsewhere, is left alone.
///
/// Without a manifest there is nothing to do, and nothing is touched.
pub fn uninstall(data_home: &Path) -> Result<Uninstalled, DesktopError> {
    let Some(mut manifest) = Manifest::read(data_home)? else {
        return Ok(Uninstalled::default());
    };
    let installable = installable_files();
    let mut report = Uninstalled::default();
    let files = manifest.files.clone();
    for (relative, &recorded) in &files {
        let path = data_home.join(relative);
        let outcome = if installable.contains(relative) {
            remove_if_unchanged(&path, recorded)
        } else {
            Ok(Some("install-desktop never writes this file"))
        };
        match outcome {
            Ok(None) => report.removed_files.push(path),
            Ok(Some(reason)) => report.kept_files.push((path, reason)),
            Err(error) => {
                // Keep the record of what is still installed, so that a second try can
                // finish; best effort, since the removal error is the one to report.
                let _ = manifest.write(data_home, &mut Vec::new());
                return Err(error);
            }
        }
        manifest.files.remove(relative);
    }

    let manifest_path = data_home.join(MANIFEST_PATH);
    match fs::remove_file(&manifest_path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(DesktopError::io("cannot remove", &manifest_path, e)),
    }
    report.manifest = Some(manifest_path);

    let known_folders = known_folders();
    let mut folders: Vec<&String> = manifest
        .folders
        .iter()
        .filter(|folder| known_folders.contains(folder.as_str()))
        .collect();
    // Innermost first, so that a folder is empty by the time its parent is tried.
    folders.sort_by_key(|folder| std::cmp::Reverse(folder.matches('/').count()));
    for folder in folders {
        let path = data_home.join(folder);
        // A folder that is not empty holds something else, or something left above: keep it.
        if fs::remove_dir(&path).is_ok() {
            report.removed_folders.push(path);
        }
    }
    Ok(report)
}

/// Removes `path` if it is the file install wrote; otherwise says why it stays.
fn remove_if_unchanged(path: &Path, recorded: u64) -> Result<Option<&'static str>, DesktopError> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Some("already gone")),
        Err(e) => return Err(DesktopError::io("cannot look at", path, e)),
        Ok(metadata) if !metadata.is_file() => {
            return Ok(Some("no longer the file install-desktop wrote"));
        }
        Ok(_) => {}
    }
    let bytes = fs::read(path).map_err(|e| DesktopError::io("cannot read", path, e))?;
    if fingerprint(&bytes) != recorded {
        return Ok(Some("changed since install-desktop wrote it"));
    }
    fs::remove_file(path).map_err(|e| DesktopError::io("cannot remove", path, e))?;
    Ok(None)
}

/// Every file install can write, relative to the data folder.
fn installable_files() -> BTreeSet<String> {
    let mut files: BTreeSet<String> = ICONS.iter().map(Icon::relative_path).collect();
    files.insert(ENTRY_PATH.to_owned());
    files
}

/// Every folder install can make, relative to the data folder.
fn known_folders() -> BTreeSet<String> {
    let mut files = installable_files();
    files.insert(MANIFEST_PATH.to_owned());
    files
        .iter()
        .flat_map(|file| ancestors(file).map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

/// A 64-bit FNV-1a hash: enough to tell whether a file is still the one install wrote.
fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// What install wrote, as `MANIFEST_PATH` records it: a line `file HASH PATH` for each file
/// and `folder PATH` for each folder it made, paths relative to the data folder.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Manifest {
    files: BTreeMap<String, u64>,
    folders: BTreeSet<String>,
}

impl Manifest {
    /// Reads the manifest under `data_home`; `None` if there is none. Lines it does not
    /// understand are skipped: a later version may add kinds of line.
    fn read(data_home: &Path) -> Result<Option<Manifest>, DesktopError> {
        let path = data_home.join(MANIFEST_PATH);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(DesktopError::io("cannot read", &path, e)),
        };
        Ok(Some(Manifest::parse(&text)))
    }

    fn parse(text: &str) -> Manifest {
        let mut manifest = Manifest::default();
        for line in text.lines() {
            match line.split_once(' ') {
                Some(("folder", folder)) => {
                    manifest.folders.insert(folder.to_owned());
                }
                Some(("file", rest)) => {
                    if let Some((hash, file)) = rest.split_once(' ')
                        && let Ok(hash) = u64::from_str_radix(hash, 16)
                    {
                        manifest.files.insert(file.to_owned(), hash);
                    }
                }
                _ => {}
            }
        }
        manifest
    }

    fn to_text(&self) -> String {
        let mut text = format!(
            "# What `{APP_ID} install-desktop` wrote under this folder; `{APP_ID} uninstall-desktop`\n\
             # removes each file that is unchanged, then each folder it made that is empty.\n"
        );
        for folder in &self.folders {
            let _ = writeln!(text, "folder {folder}");
        }
        for (file, hash) in &self.files {
            let _ = writeln!(text, "file {hash:016x} {file}");
        }
        text
    }

    /// Writes the manifest under `data_home`, making its folder if need be.
    fn write(
        &mut self,
        data_home: &Path,
        created_folders: &mut Vec<String>,
    ) -> Result<(), DesktopError> {
        make_folders(data_home, MANIFEST_PATH, self, created_folders)?;
        let text = self.to_text();
        write_atomically(&data_home.join(MANIFEST_PATH), |out| {
            out.write_all(text.as_bytes())
        })?;
        Ok(())
    }
}

/// What became of one cache after the menu changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheRefresh {
    /// The tool that rebuilds it: `update-desktop-database` or `gtk-update-icon-cache`.
    pub tool: &'static str,
    /// The cache file.
    pub cache: PathBuf,
    /// What happened.
    pub outcome: CacheOutcome,
}

/// What became of a cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheOutcome {
    /// The tool rebuilt it.
    Refreshed,
    /// There is no cache there, so nothing can be stale and none is made.
    NoCache,
    /// The cache exists but the tool is not installed.
    ToolMissing,
    /// The tool ran and failed; what it said.
    Failed(String),
}

/// Rebuilds the caches of desktop entries and icons under `data_home` that already exist,
/// so that they do not hide the change; makes none where there is none (desktops read the
/// folders themselves then), and leaves any cache it refreshes in place on uninstall, as
/// it is not the app's. A missing tool or a failing one is reported, never an error.
pub fn refresh_caches(data_home: &Path) -> Vec<CacheRefresh> {
    let applications = data_home.join("applications");
    let hicolor = data_home.join("icons/hicolor");
    vec![
        refresh_cache(
            "update-desktop-database",
            applications.join("mimeinfo.cache"),
            &[OsString::from("--quiet"), applications.into_os_string()],
        ),
        refresh_cache(
            "gtk-update-icon-cache",
            hicolor.join("icon-theme.cache"),
            &[
                OsString::from("--force"),
                OsString::from("--ignore-theme-index"),
                OsString::from("--quiet"),
                hicolor.into_os_string(),
            ],
        ),
    ]
}

fn refresh_cache(tool: &'static str, cache: PathBuf, arguments: &[OsString]) -> CacheRefresh {
    let outcome = if !cache.is_file() {
        CacheOutcome::NoCache
    } else {
        match Command::new(tool)
            .args(arguments)
            .stdin(Stdio::null())
            .output()
        {
            Err(e) if e.kind() == io::ErrorKind::NotFound => CacheOutcome::ToolMissing,
            Err(e) => CacheOutcome::Failed(e.to_string()),
            Ok(output) if output.status.success() => CacheOutcome::Refreshed,
            Ok(output) => {
                let said = String::from_utf8_lossy(&output.stderr);
                CacheOutcome::Failed(match said.lines().next() {
                    Some(line) => format!("{}: {line}", output.status),
                    None => output.status.to_string(),
                })
            }
        }
    };
    CacheRefresh {
        tool,
        cache,
        outcome,
    }
}

/// Says what became of each cache, one line each.
pub fn write_cache_report(out: &mut dyn Write, refreshes: &[CacheRefresh]) -> io::Result<()> {
    for refresh in refreshes {
        let tool = refresh.tool;
        let cache = refresh.cache.display();
        match &refresh.outcome {
            CacheOutcome::Refreshed => writeln!(out, "{tool}: refreshed {cache}")?,
            CacheOutcome::NoCache => {
                writeln!(out, "{tool}: not run, as there is no {cache} to refresh")?;
            }
            CacheOutcome::ToolMissing => {
                writeln!(out, "{tool}: not installed, so {cache} may be stale")?;
            }
            CacheOutcome::Failed(said) => {
                writeln!(out, "{tool}: failed ({said}), so {cache} may be stale")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        reason = "tests fail by panicking"
    )]

    use super::*;

    /// Undoes what a desktop reads from `Exec`: the string escapes, then the quoting, then
    /// `%%`; the argument list that the specification says `value` stands for.
    fn parse_exec(value: &str) -> Vec<String> {
        let mut unescaped = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            match (c, c == '\\') {
                (_, true) => match chars.next() {
                    Some('s') => unescaped.push(' '),
                    Some('n') => unescaped.push('\n'),
                    Some('t') => unescaped.push('\t'),
                    Some('r') => unescaped.push('\r'),
                    Some('\\') => unescaped.push('\\'),
                    other => panic!("bad string escape \\{other:?} in {value:?}"),
                },
                (c, false) => unescaped.push(c),
            }
        }
        let mut arguments = Vec::new();
        let mut chars = unescaped.chars().peekable();
        loop {
            while chars.next_if_eq(&' ').is_some() {}
            let Some(&first) = chars.peek() else {
                break;
            };
            let mut argument = String::new();
            if first == '"' {
                chars.next();
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => {
                            let escaped = chars.next().unwrap();
                            assert!(
                                matches!(escaped, '"' | '`' | '$' | '\\'),
                                "only \" ` $ \\ may be escaped in quotes, found \\{escaped} in {value:?}"
                            );
                            argument.push(escaped);
                        }
                        Some(c) => {
                            assert!(
                                !matches!(c, '`' | '$'),
                                "{c} must be escaped in quotes, in {value:?}"
                            );
                            argument.push(c);
                        }
                        None => panic!("unterminated quote in {value:?}"),
                    }
                }
            } else {
                while let Some(c) = chars.next_if(|&c| c != ' ') {
                    assert!(
                        !EXEC_RESERVED.contains(&c),
                        "reserved {c:?} outside quotes in {value:?}"
                    );
                    argument.push(c);
                }
            }
            arguments.push(argument.replace("%%", "%"));
        }
        arguments
    }

    fn exec_arguments(program: &str) -> Vec<String> {
        let line = exec_line(program);
        parse_exec(line.strip_prefix("Exec=").unwrap())
    }

    #[test]
    fn a_plain_path_is_written_as_it_is() {
        assert_eq!(
            exec_line("/home/ana/.cargo/bin/signer-dashboard"),
            "Exec=/home/ana/.cargo/bin/signer-dashboard %f"
        );
    }

    #[test]
    fn a_path_with_reserved_characters_comes_back_whole() {
        for program in [
            "/home/ana/My Apps/signer-dashboard",
            "/opt/\"quoted\"/signer-dashboard",
            "/opt/$HOME/signer-dashboard",
            "/opt/`id`/signer-dashboard",
            r"/opt/back\slash/signer-dashboard",
            r"/opt/two\\slashes/signer-dashboard",
            "/opt/100%/signer-dashboard",
            "/opt/%f/signer-dashboard",
            "/opt/it's (mine) & ~yours; #1 <a|b> *?/signer-dashboard",
            "/opt/Dépôt/signer-dashboard",
        ] {
            assert_eq!(
                exec_arguments(program),
                [program, "%f"],
                "{}",
                exec_line(program)
            );
        }
    }

    #[test]
    fn quoting_follows_the_specification_to_the_letter() {
        assert_eq!(quote_exec_argument("/a b"), "\"/a b\"");
        assert_eq!(quote_exec_argument("/a$b"), "\"/a\\$b\"");
        assert_eq!(quote_exec_argument("/a%b"), "/a%%b");
        // Four backslashes in the file stand for one in the argument.
        assert_eq!(exec_line(r"/a\b"), r#"Exec="/a\\\\b" %f"#);
    }

    #[test]
    fn a_program_that_cannot_be_named_is_refused() {
        for program in [
            "signer-dashboard",
            "/opt/line\nbreak/signer-dashboard",
            "/opt/tab\t/x",
        ] {
            let error = desktop_entry_for(Path::new(program)).unwrap_err();
            assert!(
                matches!(error, DesktopError::Program { .. }),
                "{program:?}: {error}"
            );
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt as _;
            let not_utf8 = Path::new(std::ffi::OsStr::from_bytes(b"/opt/\xff/signer-dashboard"));
            let error = desktop_entry_for(not_utf8).unwrap_err();
            assert!(error.to_string().contains("UTF-8"), "{error}");
        }
    }

    #[test]
    fn the_installed_entry_is_the_shipped_one_pointed_at_the_program() {
        let entry = desktop_entry_for(Path::new("/opt/sd/signer-dashboard")).unwrap();
        let shipped: Vec<&str> = DESKTOP_ENTRY
            .lines()
            .filter(|line| !line.starts_with("Exec="))
            .collect();
        let installed: Vec<&str> = entry
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter(|line| !line.starts_with("Exec=") && !line.starts_with("TryExec="))
            .collect();
        assert_eq!(installed, shipped);
        assert!(
            entry.contains("\nTryExec=/opt/sd/signer-dashboard\n"),
            "{entry}"
        );
        assert!(
            entry.contains("\nExec=/opt/sd/signer-dashboard %f\n"),
            "{entry}"
        );
        assert_eq!(entry.matches("Exec=").count(), 2, "{entry}");
    }

    #[test]
    fn the_shipped_entry_names_the_app_id() {
        for line in [
            "Exec=signer-dashboard %f",
            "Icon=signer-dashboard",
            "StartupWMClass=signer-dashboard",
        ] {
            assert!(DESKTOP_ENTRY.lines().any(|l| l == line), "no {line}");
        }
        assert!(DESKTOP_ENTRY.contains(&format!("Icon={APP_ID}\n")));
    }

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
    fn tree(root: &Path) -> Vec<String> {
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

    const PROGRAM: &str = "/opt/signer dashboard/signer-dashboard";

    #[test]
    fn install_writes_the_entry_the_icons_and_the_manifest() {
        let data_home = tempfile::tempdir().unwrap();
        let installed = install(data_home.path(), Path::new(PROGRAM)).unwrap();
        let files: Vec<String> = tree(data_home.path())
            .into_iter()
            .filter(|path| !path.ends_with('/'))
            .collect();
        assert_eq!(
            files,
            [
                "applications/signer-dashboard.desktop",
                "icons/hicolor/128x128/apps/signer-dashboard.png",
                "icons/hicolor/256x256/apps/signer-dashboard.png",
                "icons/hicolor/32x32/apps/signer-dashboard.png",
                "icons/hicolor/48x48/apps/signer-dashboard.png",
                "icons/hicolor/512x512/apps/signer-dashboard.png",
                "icons/hicolor/64x64/apps/signer-dashboard.png",
                "icons/hicolor/scalable/apps/signer-dashboard.svg",
                "signer-dashboard/desktop-install.txt",
            ]
        );
        let entry = fs::read_to_string(&installed.entry).unwrap();
        assert_eq!(entry, desktop_entry_for(Path::new(PROGRAM)).unwrap());
        assert_eq!(
            installed.exec_line,
            "Exec=\"/opt/signer dashboard/signer-dashboard\" %f"
        );
        for (icon, path) in ICONS.iter().zip(&installed.icons) {
            assert_eq!(fs::read(path).unwrap(), icon.bytes, "{}", path.display());
        }
        // 9 folders under applications/, icons/… and signer-dashboard/, none there before.
        assert_eq!(installed.created_folders.len(), 1 + 2 + 7 * 2 + 1);
        let manifest = Manifest::read(data_home.path()).unwrap().unwrap();
        assert_eq!(manifest.files.len(), 8);
        assert_eq!(
            manifest.files.keys().cloned().collect::<BTreeSet<_>>(),
            installable_files()
        );
    }

    #[test]
    fn uninstall_removes_exactly_what_install_made() {
        let data_home = tempfile::tempdir().unwrap();
        install(data_home.path(), Path::new(PROGRAM)).unwrap();
        let uninstalled = uninstall(data_home.path()).unwrap();
        assert_eq!(uninstalled.removed_files.len(), 8);
        assert_eq!(uninstalled.kept_files, []);
        assert_eq!(uninstalled.removed_folders.len(), 18);
        assert_eq!(tree(data_home.path()), Vec::<String>::new());
        assert_eq!(
            uninstall(data_home.path()).unwrap(),
            Uninstalled::default(),
            "a second uninstall finds nothing"
        );
    }

    #[test]
    fn uninstall_leaves_what_was_there_before() {
        let data_home = tempfile::tempdir().unwrap();
        let root = data_home.path();
        fs::create_dir_all(root.join("applications")).unwrap();
        fs::write(root.join("applications/other.desktop"), "[Desktop Entry]\n").unwrap();
        fs::create_dir_all(root.join("icons/hicolor/48x48/apps")).unwrap();
        fs::write(root.join("icons/hicolor/48x48/apps/other.png"), "png").unwrap();
        fs::create_dir_all(root.join("signer-dashboard")).unwrap();
        fs::write(root.join("signer-dashboard/app.ron"), "()").unwrap();
        let before = tree(root);

        install(root, Path::new(PROGRAM)).unwrap();
        // Something else arrives after install, in a folder install made.
        fs::write(root.join("icons/hicolor/64x64/apps/later.png"), "png").unwrap();
        uninstall(root).unwrap();

        let mut expected = before;
        expected.extend([
            "icons/hicolor/64x64/".to_owned(),
            "icons/hicolor/64x64/apps/".to_owned(),
            "icons/hicolor/64x64/apps/later.png".to_owned(),
        ]);
        expected.sort();
        assert_eq!(tree(root), expected);
    }

    #[test]
    fn uninstall_leaves_a_file_changed_since_install() {
        let data_home = tempfile::tempdir().unwrap();
        let root = data_home.path();
        let installed = install(root, Path::new(PROGRAM)).unwrap();
        fs::write(&installed.entry, "[Desktop Entry]\nName=Mine now\n").unwrap();
        let uninstalled = uninstall(root).unwrap();
        assert_eq!(
            uninstalled.kept_files,
            [(
                installed.entry.clone(),
                "changed since install-desktop wrote it"
            )]
        );
        assert_eq!(
            tree(root),
            ["applications/", "applications/signer-dashboard.desktop"]
        );
    }

    #[test]
    fn uninstall_touches_nothing_outside_what_install_writes() {
        let data_home = tempfile::tempdir().unwrap();
        let root = data_home.path();
        install(root, Path::new(PROGRAM)).unwrap();
        fs::write(root.join("notes.txt"), "mine").unwrap();
        fs::create_dir(root.join("documents")).unwrap();
        let manifest = root.join(MANIFEST_PATH);
        let mut text = fs::read_to_string(&manifest).unwrap();
        // As if someone had edited the manifest: paths install never writes.
        text.push_str(&format!("file {:016x} notes.txt\n", fingerprint(b"mine")));
        text.push_str(&format!(
            "file {:016x} ../outside.txt\n",
            fingerprint(b"mine")
        ));
        text.push_str("folder documents\nfolder ..\n");
        fs::write(&manifest, text).unwrap();

        let uninstalled = uninstall(root).unwrap();
        assert_eq!(uninstalled.removed_files.len(), 8);
        assert_eq!(
            uninstalled.kept_files.len(),
            2,
            "{:?}",
            uninstalled.kept_files
        );
        assert_eq!(tree(root), ["documents/", "notes.txt"]);
    }

    #[test]
    fn installing_again_keeps_the_record_of_the_folders_made_the_first_time() {
        let data_home = tempfile::tempdir().unwrap();
        let root = data_home.path();
        install(root, Path::new(PROGRAM)).unwrap();
        let again = install(root, Path::new("/usr/local/bin/signer-dashboard")).unwrap();
        assert_eq!(again.created_folders, Vec::<PathBuf>::new());
        assert!(
            fs::read_to_string(&again.entry)
                .unwrap()
                .contains("\nExec=/usr/local/bin/signer-dashboard %f\n")
        );
        uninstall(root).unwrap();
        assert_eq!(tree(root), Vec::<String>::new());
    }

    #[test]
    fn a_manifest_reads_back_as_written() {
        let mut manifest = Manifest::default();
        manifest.folders.insert("applications".into());
        manifest
            .files
            .insert(ENTRY_PATH.into(), fingerprint(b"entry"));
        manifest.files.insert("icons/a b.png".into(), 0);
        let text = manifest.to_text();
        assert_eq!(Manifest::parse(&text), manifest, "{text}");
        assert_eq!(
            Manifest::parse("future kind of line\nfile nothex applications/x\n"),
            Manifest::default()
        );
    }

    #[test]
    fn caches_that_do_not_exist_are_not_made() {
        let data_home = tempfile::tempdir().unwrap();
        let refreshes = refresh_caches(data_home.path());
        assert_eq!(refreshes.len(), 2);
        assert!(refreshes.iter().all(|r| r.outcome == CacheOutcome::NoCache));
        assert_eq!(tree(data_home.path()), Vec::<String>::new());
    }
}
