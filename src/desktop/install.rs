//! Writing the entry and the icons under the data folder, and taking them out again: the
//! manifest records what install wrote, so that uninstall removes that and nothing else.

use super::entry::{desktop_entry_for, exec_line, program_text};
use super::{APP_ID, DesktopError, ENTRY_PATH, ICONS, Icon, MANIFEST_PATH};
use crate::export::write_atomically;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail by panicking")]

    use super::*;
    use crate::desktop::tests::tree;

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
}
