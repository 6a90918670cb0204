//! Issue 16 §2: paths that are not files and files no letter could be are refused at
//! once, by every command, with a message that says what the path is or names the limit;
//! nothing waits forever or reads until memory runs out.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::{repo_root, sample_json_path};
use signer_dashboard::input::Limit;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs the binary with `args`; fails the test (instead of hanging it) when the run takes
/// more than 20 s. Returns the exit code and stderr.
fn run_bounded(args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_signer-dashboard"))
        .args(args)
        .current_dir(repo_root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let output = child.wait_with_output().unwrap();
            return (
                status.code(),
                String::from_utf8_lossy(&output.stderr).into_owned(),
            );
        }
        if started.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("signer-dashboard {args:?} still ran after 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Each command that reads a letter, given `path` as the letter.
fn letter_commands(path: &Path) -> Vec<Vec<std::ffi::OsString>> {
    let path = path.as_os_str().to_owned();
    vec![
        vec!["summary".into(), path.clone()],
        vec![
            "export".into(),
            path.clone(),
            "--format".into(),
            "csv".into(),
        ],
        vec![
            "match".into(),
            path.clone(),
            "--roster".into(),
            repo_root()
                .join("tests/fixtures/roster/legislators-current.yaml")
                .into(),
        ],
    ]
}

fn assert_refused(args: &[std::ffi::OsString], expected: &str) {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let (code, stderr) = run_bounded(&args);
    assert_eq!(code, Some(1), "{args:?}: {stderr}");
    assert!(stderr.contains(expected), "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
}

fn fifo_in(dir: &Path) -> PathBuf {
    let fifo = dir.join("letter.json");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    fifo
}

#[test]
fn devices_are_refused_by_every_reader() {
    for device in ["/dev/zero", "/dev/urandom"] {
        for args in letter_commands(Path::new(device)) {
            assert_refused(
                &args,
                &format!("{device}: this is a device, not a letter file"),
            );
        }
        assert_refused(
            &["extract".into(), device.into()],
            &format!("{device}: this is a device, not a text file"),
        );
        assert_refused(
            &["match".into(), "--roster".into(), device.into()],
            &format!("{device}: this is a device, not a roster file"),
        );
    }
}

#[test]
fn a_symlink_to_a_device_is_refused_as_the_device() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("letter.json");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    for args in letter_commands(&link) {
        assert_refused(&args, "letter.json: this is a device, not a letter file");
    }
}

#[test]
fn a_named_pipe_with_no_writer_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = fifo_in(dir.path());
    for args in letter_commands(&fifo) {
        assert_refused(
            &args,
            "letter.json: this is a named pipe (FIFO), not a letter file",
        );
    }
    assert_refused(
        &["extract".into(), fifo.clone().into()],
        "this is a named pipe (FIFO), not a text file",
    );
    assert_refused(
        &["match".into(), "--roster".into(), fifo.into()],
        "this is a named pipe (FIFO), not a roster file",
    );
}

#[test]
fn a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("letter.json");
    std::fs::create_dir(&folder).unwrap();
    for args in letter_commands(&folder) {
        assert_refused(&args, "letter.json: this is a folder, not a letter file");
    }
}

/// A sparse file past the limit costs no disk and is refused before a byte is read.
#[test]
fn a_file_past_the_size_limit_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("huge.json");
    std::fs::File::create(&letter)
        .unwrap()
        .set_len(Limit::LETTER.bytes + 1)
        .unwrap();
    for args in letter_commands(&letter) {
        assert_refused(
            &args,
            "huge.json: the file is 4.3 GB, more than the 4 GiB a letter file may be",
        );
    }
    let text = dir.path().join("huge.txt");
    std::fs::File::create(&text)
        .unwrap()
        .set_len(Limit::TEXT.bytes + 1)
        .unwrap();
    assert_refused(
        &["extract".into(), text.into()],
        "huge.txt: the file is 67.1 MB, more than the 64 MiB a text file may be",
    );
    let roster = dir.path().join("huge.yaml");
    std::fs::File::create(&roster)
        .unwrap()
        .set_len(Limit::ROSTER.bytes + 1)
        .unwrap();
    assert_refused(
        &[
            "match".into(),
            sample_json_path().into(),
            "--roster".into(),
            roster.into(),
        ],
        "huge.yaml: the file is 1.1 GB, more than the 1 GiB a roster file may be",
    );
}

/// 100,000 nested `[` inside a member took the YAML parser a minute and a half.
#[test]
fn a_yaml_roster_nested_a_hundred_thousand_deep_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("deep.yaml");
    let text = format!("- id: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    std::fs::write(&roster, text).unwrap();
    assert_refused(
        &["match".into(), "--roster".into(), roster.into()],
        "deep.yaml:1:71: the YAML nests [ ] and { } more than 64 levels deep here",
    );
}
