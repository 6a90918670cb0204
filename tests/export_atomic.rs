//! `write_atomically`: a file is wholly written or not touched; failures say which path and
//! why, and leave no temporary file behind.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

use signer_dashboard::export::write_atomically;
use std::fs;
use std::io;
use std::path::Path;

/// The names in `folder`, sorted.
fn listing(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn writes_a_new_file_and_replaces_an_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    write_atomically(&path, |out| out.write_all(b"first")).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "first");
    write_atomically(&path, |out| out.write_all(b"second, longer")).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "second, longer");
    assert_eq!(
        listing(dir.path()),
        ["report.html"],
        "no temporary file left"
    );
}

#[test]
fn a_writer_that_fails_half_way_leaves_the_old_file_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("signers.csv");
    fs::write(&path, "the original").unwrap();
    let error = write_atomically(&path, |out| {
        // More than any buffer, so that part of it reaches the temporary file.
        out.write_all(&vec![b'x'; 256 * 1024])?;
        Err(io::Error::other("the disk caught fire"))
    })
    .unwrap_err();
    assert_eq!(fs::read_to_string(&path).unwrap(), "the original");
    assert_eq!(
        listing(dir.path()),
        ["signers.csv"],
        "the temporary file is removed"
    );
    let message = error.to_string();
    assert_eq!(
        message,
        format!(
            "{}: cannot write the file: the disk caught fire",
            path.display()
        )
    );
    assert_eq!(error.path, path);
}

#[test]
fn a_writer_that_fails_on_a_new_file_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.md");
    let result = write_atomically(&path, |out| {
        out.write_all(b"# half")?;
        Err(io::Error::other("stopped"))
    });
    assert!(result.is_err());
    assert!(listing(dir.path()).is_empty(), "{:?}", listing(dir.path()));
}

#[test]
fn a_missing_folder_gives_a_clear_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("report.html");
    let error = write_atomically(&path, |out| out.write_all(b"x")).unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("{}: ", path.display())),
        "{message}"
    );
    assert!(message.contains("does not exist"), "{message}");
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn a_folder_in_place_of_the_file_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taken");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("inside.txt"), "keep me").unwrap();
    let error = write_atomically(&path, |out| out.write_all(b"x")).unwrap_err();
    assert!(error.to_string().ends_with("this is a folder"), "{error}");
    assert_eq!(
        fs::read_to_string(path.join("inside.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(listing(dir.path()), ["taken"]);
}

#[cfg(unix)]
#[test]
fn an_unwritable_folder_gives_a_clear_error_and_keeps_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("summary.json");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    // Someone who may write anywhere (root) cannot see this failure; say so and stop.
    let probe = dir.path().join("probe");
    if fs::write(&probe, "").is_ok() {
        fs::remove_file(&probe).unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: this user may write into a read-only folder");
        return;
    }
    let result = write_atomically(&path, |out| out.write_all(b"new"));
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let message = result.unwrap_err().to_string();
    assert_eq!(
        message,
        format!(
            "{}: cannot write the file: permission denied",
            path.display()
        )
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(listing(dir.path()), ["summary.json"]);
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.csv");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    write_atomically(&path, |out| out.write_all(b"new")).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn a_path_without_a_file_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("..");
    let error = write_atomically(&path, |out| out.write_all(b"x")).unwrap_err();
    assert!(
        error.to_string().contains("expected a file name"),
        "{error}"
    );
}

#[test]
fn many_exports_at_once_to_one_folder_do_not_collide() {
    let dir = tempfile::tempdir().unwrap();
    std::thread::scope(|scope| {
        for i in 0..8 {
            let path = dir.path().join(format!("out-{}.txt", i % 2));
            scope.spawn(move || {
                write_atomically(&path, |out| write!(out, "export {i}")).unwrap();
            });
        }
    });
    assert_eq!(listing(dir.path()), ["out-0.txt", "out-1.txt"]);
    for name in ["out-0.txt", "out-1.txt"] {
        let text = fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(text.starts_with("export "), "{text}");
    }
}
