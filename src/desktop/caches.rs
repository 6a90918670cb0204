//! The desktop's caches of menu entries and icons, rebuilt after the menu changed so that
//! a stale cache does not hide the change.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

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
    #![allow(clippy::unwrap_used, reason = "tests fail by panicking")]

    use super::*;
    use crate::desktop::tests::tree;

    #[test]
    fn caches_that_do_not_exist_are_not_made() {
        let data_home = tempfile::tempdir().unwrap();
        let refreshes = refresh_caches(data_home.path());
        assert_eq!(refreshes.len(), 2);
        assert!(refreshes.iter().all(|r| r.outcome == CacheOutcome::NoCache));
        assert_eq!(tree(data_home.path()), Vec::<String>::new());
    }
}
