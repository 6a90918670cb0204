//! The desktop entry and `install-desktop` / `uninstall-desktop` run as real processes
//! under a temporary XDG data folder: the entry is valid, install writes exactly the
//! expected files, and uninstall removes exactly those and leaves everything else.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::repo_root;
use signer_dashboard::desktop::{self, APP_ID, DESKTOP_ENTRY, ICONS};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The files `install-desktop` writes, relative to the data folder.
const INSTALLED_FILES: [&str; 9] = [
    "applications/signer-dashboard.desktop",
    "icons/hicolor/128x128/apps/signer-dashboard.png",
    "icons/hicolor/256x256/apps/signer-dashboard.png",
    "icons/hicolor/32x32/apps/signer-dashboard.png",
    "icons/hicolor/48x48/apps/signer-dashboard.png",
    "icons/hicolor/512x512/apps/signer-dashboard.png",
    "icons/hicolor/64x64/apps/signer-dashboard.png",
    "icons/hicolor/scalable/apps/signer-dashboard.svg",
    "signer-dashboard/desktop-install.txt",
];

/// Runs `program` with `args` under the XDG data folder `data_home`, with `HOME` set to a
/// folder beside it, so that nothing can reach the real home folder.
fn run_with_data_home(program: &Path, args: &[&str], data_home: &Path) -> Output {
    let home = data_home.with_file_name("home");
    fs::create_dir_all(&home).unwrap();
    Command::new(program)
        .args(args)
        .env("XDG_DATA_HOME", data_home)
        .env("HOME", &home)
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("the signer-dashboard binary runs")
}

/// Runs the command and returns its stdout; it must succeed and print nothing on stderr.
fn run_ok(program: &Path, args: &[&str], data_home: &Path) -> String {
    let output = run_with_data_home(program, args, data_home);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{args:?} failed: {stderr}");
    assert_eq!(stderr, "", "{args:?} printed to stderr");
    String::from_utf8(output.stdout).unwrap()
}

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_signer-dashboard"))
}

/// Every file under `root`, relative and sorted; folders end in `/`.
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
    if root.exists() {
        walk(root, root, &mut found);
    }
    found.sort();
    found
}

fn files_only(tree: Vec<String>) -> Vec<String> {
    tree.into_iter().filter(|p| !p.ends_with('/')).collect()
}

/// A desktop entry's `[Desktop Entry]` group as key → value, checked line by line against
/// the basic rules of the specification as it is read.
fn parse_entry(text: &str) -> BTreeMap<String, String> {
    let mut keys = BTreeMap::new();
    let mut group = None;
    for (number, line) in text.lines().enumerate() {
        let number = number + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            group = Some(name.to_owned());
            continue;
        }
        assert_eq!(
            group.as_deref(),
            Some("Desktop Entry"),
            "line {number}: a key outside [Desktop Entry]: {line}"
        );
        let (key, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("line {number}: not key=value: {line}"));
        assert!(
            !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "line {number}: bad key {key:?}"
        );
        assert_eq!(key, key.trim(), "line {number}: spaces around the key");
        assert!(
            !value.chars().any(char::is_control),
            "line {number}: control character"
        );
        assert!(
            keys.insert(key.to_owned(), value.to_owned()).is_none(),
            "line {number}: {key} given twice"
        );
    }
    assert_eq!(
        text.lines().find(|l| !l.is_empty() && !l.starts_with('#')),
        Some("[Desktop Entry]"),
        "the first group must be [Desktop Entry]"
    );
    keys
}

/// Checks what a desktop needs from this entry, by the keys, whether or not
/// `desktop-file-validate` is installed.
fn check_entry_keys(text: &str) -> BTreeMap<String, String> {
    let keys = parse_entry(text);
    for required in ["Type", "Name", "Exec", "Icon", "Categories", "MimeType"] {
        assert!(keys.contains_key(required), "no {required}=");
    }
    assert_eq!(keys["Type"], "Application");
    assert_eq!(keys["Version"], "1.4");
    assert_eq!(keys["Name"], "Signer Dashboard");
    assert_eq!(keys["Icon"], APP_ID);
    assert_eq!(keys["StartupWMClass"], APP_ID);
    assert_eq!(keys["Terminal"], "false");
    assert!(
        keys["Exec"].ends_with(" %f"),
        "opens one file: {}",
        keys["Exec"]
    );
    assert_eq!(
        keys["Exec"].matches('%').count() - keys["Exec"].matches("%%").count() * 2,
        1,
        "one field code: {}",
        keys["Exec"]
    );
    assert_eq!(keys["MimeType"], "application/json;text/csv;");
    for list in ["Categories", "Keywords", "MimeType"] {
        assert!(keys[list].ends_with(';'), "{list} is a list ending in ';'");
    }
    let categories: Vec<&str> = keys["Categories"].split_terminator(';').collect();
    let main_categories = [
        "AudioVideo",
        "Audio",
        "Video",
        "Development",
        "Education",
        "Game",
        "Graphics",
        "Network",
        "Office",
        "Science",
        "Settings",
        "System",
        "Utility",
    ];
    assert!(
        categories.iter().any(|c| main_categories.contains(c)),
        "a main category, so that menus can place it: {categories:?}"
    );
    assert!(keys["Keywords"].split_terminator(';').count() >= 3);
    keys
}

/// Runs `desktop-file-validate` when it is installed: `Some(output)` if it ran.
fn desktop_file_validate(path: &Path) -> Option<Output> {
    match Command::new("desktop-file-validate").arg(path).output() {
        Ok(output) => Some(output),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("desktop-file-validate is not installed: checked the keys only");
            None
        }
        Err(e) => panic!("desktop-file-validate: {e}"),
    }
}

fn assert_validates(path: &Path) {
    if let Some(output) = desktop_file_validate(path) {
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            output.status.success() && said.is_empty(),
            "desktop-file-validate {}: {said}",
            path.display()
        );
    }
}

#[test]
fn the_shipped_entry_is_valid() {
    let path = repo_root().join("assets/signer-dashboard.desktop");
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text, DESKTOP_ENTRY);
    let keys = check_entry_keys(&text);
    assert_eq!(keys["Exec"], "signer-dashboard %f", "found on the PATH");
    assert_validates(&path);
}

#[test]
fn the_validator_catches_a_broken_entry() {
    // So that the checks above are known to bite when the tool is there.
    let folder = tempfile::tempdir().unwrap();
    let broken = folder.path().join("broken.desktop");
    fs::write(&broken, DESKTOP_ENTRY.replace("Type=Application\n", "")).unwrap();
    if let Some(output) = desktop_file_validate(&broken) {
        assert!(!output.status.success(), "a missing Type= should fail");
    }
    let missing_type = std::panic::catch_unwind(|| {
        check_entry_keys(&DESKTOP_ENTRY.replace("Type=Application\n", ""))
    });
    assert!(missing_type.is_err(), "the key checks must catch it too");
}

#[cfg(feature = "gui")]
#[test]
fn the_window_uses_the_same_app_id() {
    assert_eq!(signer_dashboard::gui::APP_ID, APP_ID);
}

#[test]
fn install_then_uninstall_as_a_process() {
    let folder = tempfile::tempdir().unwrap();
    let data_home = folder.path().join("data");

    let stdout = run_ok(&binary(), &["install-desktop"], &data_home);
    assert_eq!(files_only(tree(&data_home)), INSTALLED_FILES);
    assert!(
        tree(&folder.path().join("home")).is_empty(),
        "nothing under HOME"
    );
    for file in INSTALLED_FILES {
        let path = data_home.join(file);
        assert!(
            stdout.contains(&format!("wrote {}", path.display())),
            "{stdout}"
        );
    }
    for icon in ICONS {
        assert_eq!(
            fs::read(data_home.join(icon.relative_path())).unwrap(),
            icon.bytes
        );
    }

    let entry_path = data_home.join(desktop::ENTRY_PATH);
    let entry = fs::read_to_string(&entry_path).unwrap();
    let keys = check_entry_keys(&entry);
    let program = binary().canonicalize().unwrap();
    assert_eq!(keys["TryExec"], program.to_str().unwrap());
    assert_eq!(keys["Exec"], format!("{} %f", program.display()));
    assert_validates(&entry_path);

    let stdout = run_ok(&binary(), &["uninstall-desktop"], &data_home);
    for file in INSTALLED_FILES {
        let path = data_home.join(file);
        assert!(
            stdout.contains(&format!("removed {}", path.display())),
            "{stdout}"
        );
    }
    assert_eq!(
        tree(&data_home),
        Vec::<String>::new(),
        "every folder install made is gone"
    );

    let stdout = run_ok(&binary(), &["uninstall-desktop"], &data_home);
    assert!(stdout.starts_with("nothing to remove"), "{stdout}");
}

#[test]
fn uninstall_leaves_other_files_in_the_same_folders() {
    let folder = tempfile::tempdir().unwrap();
    let data_home = folder.path().join("data");
    let others = [
        "applications/other-app.desktop",
        "applications/mimeapps.list",
        "icons/hicolor/48x48/apps/other-app.png",
        "icons/hicolor/scalable/apps/other-app.svg",
        "signer-dashboard/app.ron",
    ];
    for other in others {
        let path = data_home.join(other);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, other).unwrap();
    }
    let before = tree(&data_home);

    run_ok(&binary(), &["install-desktop"], &data_home);
    let mut with_ours: Vec<String> = files_only(before.clone());
    with_ours.extend(INSTALLED_FILES.map(str::to_owned));
    with_ours.sort();
    assert_eq!(files_only(tree(&data_home)), with_ours);

    run_ok(&binary(), &["uninstall-desktop"], &data_home);
    assert_eq!(tree(&data_home), before);
    for other in others {
        assert_eq!(fs::read_to_string(data_home.join(other)).unwrap(), other);
    }
}

/// A copy of the binary in a folder whose name needs quoting in `Exec`, so that the
/// desktop's reading of the entry has to undo the quoting to find the program.
#[cfg(unix)]
#[test]
fn a_program_in_an_awkward_folder_is_quoted() {
    let scratch = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let awkward = scratch.path().join("My Apps $HOME 100%");
    fs::create_dir(&awkward).unwrap();
    let program = awkward.join("signer-dashboard");
    if fs::hard_link(binary(), &program).is_err() {
        fs::copy(binary(), &program).unwrap();
    }
    let data_home = scratch.path().join("data");

    run_ok(&program, &["install-desktop"], &data_home);
    let entry_path = data_home.join(desktop::ENTRY_PATH);
    let keys = check_entry_keys(&fs::read_to_string(&entry_path).unwrap());
    let folder = scratch.path().canonicalize().unwrap();
    assert_eq!(
        keys["Exec"],
        format!(
            "\"{}/My Apps \\\\$HOME 100%%/signer-dashboard\" %f",
            folder.display()
        )
    );
    assert_validates(&entry_path);

    run_ok(&program, &["uninstall-desktop"], &data_home);
    assert_eq!(tree(&data_home), Vec::<String>::new());
}

/// A desktop whose entries are cached has the cache rebuilt, by the tool on the PATH; the
/// cache is the desktop's, so uninstall rebuilds it again and leaves it.
#[cfg(unix)]
#[test]
fn an_existing_cache_is_refreshed_and_left() {
    use std::os::unix::fs::PermissionsExt as _;

    let folder = tempfile::tempdir().unwrap();
    let data_home = folder.path().join("data");
    let cache = data_home.join("applications/mimeinfo.cache");
    fs::create_dir_all(cache.parent().unwrap()).unwrap();
    fs::write(&cache, "[MIME Cache]\n").unwrap();

    // A stand-in for update-desktop-database that records how it was called.
    let tools = folder.path().join("bin");
    fs::create_dir(&tools).unwrap();
    let calls = folder.path().join("calls.txt");
    let tool = tools.join("update-desktop-database");
    fs::write(
        &tool,
        format!("#!/bin/sh\necho \"$@\" >> '{}'\n", calls.display()),
    )
    .unwrap();
    fs::set_permissions(&tool, fs::Permissions::from_mode(0o755)).unwrap();

    let run = |args: &[&str]| {
        let output = Command::new(binary())
            .args(args)
            .env("XDG_DATA_HOME", &data_home)
            .env("HOME", folder.path())
            .env("PATH", &tools)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let stdout = run(&["install-desktop"]);
    assert!(
        stdout.contains(&format!(
            "update-desktop-database: refreshed {}",
            cache.display()
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("gtk-update-icon-cache: not run"),
        "no icon cache there: {stdout}"
    );
    run(&["uninstall-desktop"]);
    let applications = data_home.join("applications");
    let expected_call = format!("--quiet {}\n", applications.display());
    assert_eq!(fs::read_to_string(&calls).unwrap(), expected_call.repeat(2));
    assert_eq!(
        tree(&data_home),
        ["applications/", "applications/mimeinfo.cache"]
    );

    // With the cache there but no tool at all, install still succeeds and says so.
    fs::remove_file(&tool).unwrap();
    let stdout = run(&["install-desktop"]);
    assert!(
        stdout.contains("update-desktop-database: not installed"),
        "{stdout}"
    );
}

#[test]
fn a_relative_xdg_data_home_is_ignored_with_a_warning() {
    let folder = tempfile::tempdir().unwrap();
    let home = folder.path().join("home");
    fs::create_dir(&home).unwrap();
    let output = Command::new(binary())
        .arg("install-desktop")
        .env("XDG_DATA_HOME", "relative/data")
        .env("HOME", &home)
        .current_dir(folder.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("warning: XDG_DATA_HOME is not an absolute path"),
        "{stderr}"
    );
    assert!(
        !folder.path().join("relative").exists(),
        "nothing under the relative path"
    );
    let data_home = home.join(".local/share");
    assert_eq!(files_only(tree(&data_home)), INSTALLED_FILES);
}

/// The `assets` of `[package.metadata.deb]` in Cargo.toml, as (source, destination) pairs.
fn deb_assets() -> Vec<(String, String)> {
    let manifest = fs::read_to_string(repo_root().join("Cargo.toml")).unwrap();
    let (_, deb) = manifest
        .split_once("\n[package.metadata.deb]\n")
        .expect("Cargo.toml has [package.metadata.deb]");
    let (_, assets) = deb.split_once("\nassets = [\n").expect("it lists assets");
    let (assets, _) = assets.split_once("\n]\n").unwrap();
    assets
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line
                .trim()
                .trim_start_matches('[')
                .trim_end_matches(',')
                .trim_end_matches(']')
                .split(", ")
                .map(|field| field.trim_matches('"'))
                .collect();
            assert_eq!(fields.len(), 3, "[source, destination, mode]: {line}");
            (fields[0].to_owned(), fields[1].to_owned())
        })
        .collect()
}

/// The package installs what install-desktop installs, from files that exist; the package
/// itself is built and installed by scripts/check-deb.sh, which needs root.
#[test]
fn the_deb_ships_the_entry_and_every_icon() {
    let assets = deb_assets();
    for (source, _) in &assets {
        if !source.starts_with("target/release/") {
            assert!(repo_root().join(source).is_file(), "no {source}");
        }
    }
    let destination_of = |source: &str| {
        assets
            .iter()
            .find(|(s, _)| s == source)
            .map(|(_, d)| d.as_str())
            .unwrap_or_else(|| panic!("the .deb does not ship {source}"))
    };
    assert_eq!(
        destination_of("target/release/signer-dashboard"),
        "usr/bin/"
    );
    assert_eq!(
        destination_of("assets/signer-dashboard.desktop"),
        "usr/share/applications/"
    );
    let mut shipped_icons: Vec<(String, Vec<u8>)> = assets
        .iter()
        .filter(|(_, destination)| destination.starts_with("usr/share/icons/"))
        .map(|(source, destination)| {
            (
                destination.trim_start_matches("usr/share/").to_owned(),
                fs::read(repo_root().join(source)).unwrap(),
            )
        })
        .collect();
    let mut installed_icons: Vec<(String, Vec<u8>)> = ICONS
        .iter()
        .map(|icon| (icon.relative_path(), icon.bytes.to_vec()))
        .collect();
    shipped_icons.sort();
    installed_icons.sort();
    assert_eq!(
        shipped_icons, installed_icons,
        "the .deb and install-desktop install the same icons"
    );
}
