//! `signer-dashboard export` run as a real process: each format to stdout and to a file,
//! the filters, and what a bad path or a missing format does.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::{repo_root, run_cli};
use serde_json::{Value, json};
use std::fs;
use std::process::Output;

fn golden(name: &str) -> String {
    fs::read_to_string(repo_root().join("tests/golden").join(name)).unwrap()
}

fn succeeded(args: &[&str]) -> Output {
    let output = run_cli(args);
    assert!(
        output.status.success(),
        "signer-dashboard {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

#[test]
fn each_format_to_stdout_is_the_golden_file() {
    for (format, name) in [
        ("csv", "sample.csv"),
        ("markdown", "sample.md"),
        ("json", "sample.json"),
        ("html", "sample.html"),
    ] {
        let output = succeeded(&["export", "--format", format]);
        assert_eq!(stdout(&output), golden(name), "--format {format}");
        assert_eq!(stderr(&output), "", "--format {format}");
        let dash = succeeded(&["export", "--format", format, "-o", "-"]);
        assert_eq!(dash.stdout, output.stdout, "-o - is stdout");
    }
}

#[test]
fn the_sample_file_and_no_file_give_the_same_export() {
    let bundled = succeeded(&["export", "--format", "md"]);
    let from_disk = succeeded(&[
        "export",
        "sample_data/armenian-caucus-2025-04-08.json",
        "--format",
        "markdown",
    ]);
    assert_eq!(bundled.stdout, from_disk.stdout);
}

#[test]
fn with_an_output_file_it_writes_the_file_and_nothing_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    fs::write(&path, "an older report").unwrap();
    let output = succeeded(&["export", "--format", "html", "-o", path.to_str().unwrap()]);
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        format!("wrote HTML report (25 signers) to {}\n", path.display())
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), golden("sample.html"));
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left");
}

#[test]
fn the_format_can_come_from_the_output_file_name() {
    let dir = tempfile::tempdir().unwrap();
    for (name, golden_name) in [
        ("a.csv", "sample.csv"),
        ("b.md", "sample.md"),
        ("c.JSON", "sample.json"),
        ("d.htm", "sample.html"),
    ] {
        let path = dir.path().join(name);
        succeeded(&["export", "-o", path.to_str().unwrap()]);
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            golden(golden_name),
            "{name}"
        );
    }
    let path = dir.path().join("e.md");
    succeeded(&["export", "--format", "csv", "-o", path.to_str().unwrap()]);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        golden("sample.csv"),
        "--format wins over the name"
    );
}

#[test]
fn without_a_format_it_says_how_to_give_one() {
    for args in [
        &["export"][..],
        &["export", "-o", "-"],
        &["export", "-o", "notes.txt"],
    ] {
        let output = run_cli(args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(stdout(&output), "");
        let message = stderr(&output);
        assert!(
            message
                .starts_with("error: say what to write with --format csv, markdown, json or html"),
            "{message}"
        );
        assert_eq!(message.lines().count(), 1, "{message}");
    }
    assert!(!repo_root().join("notes.txt").exists());
}

#[test]
fn an_unwritable_output_fails_with_the_path_and_keeps_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder/report.md");
    let output = run_cli([
        "export",
        "--format",
        "markdown",
        "-o",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    let message = stderr(&output);
    assert!(
        message.starts_with(&format!(
            "error: {}: cannot write the file: the folder ",
            missing.display()
        )),
        "{message}"
    );
    assert!(message.trim_end().ends_with("does not exist"), "{message}");

    let folder = dir.path().join("a-folder");
    fs::create_dir(&folder).unwrap();
    let output = run_cli(["export", "--format", "csv", "-o", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "error: {}: cannot write the file: this is a folder\n",
            folder.display()
        )
    );
    assert!(folder.is_dir());
}

#[test]
fn the_summary_filters_apply_and_the_export_says_so() {
    let output = succeeded(&[
        "export",
        "--format",
        "json",
        "--party",
        "r",
        "--state",
        "California",
    ]);
    let exported: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(exported["total"], json!(1));
    assert_eq!(exported["by_party"], json!({ "R": 1 }));
    assert_eq!(exported["filters"]["party"], json!(["R"]));
    assert_eq!(exported["filters"]["state"], json!(["CA"]));

    let summary = succeeded(&[
        "summary",
        "--format",
        "json",
        "--party",
        "r",
        "--state",
        "California",
    ]);
    let mut summary: Value = serde_json::from_str(&stdout(&summary)).unwrap();
    summary["generated_at"] = json!("2025-04-09T12:30:00Z");
    assert_eq!(
        exported, summary,
        "the export is the summary object with the time made"
    );

    let csv = stdout(&succeeded(&[
        "export",
        "--format",
        "csv",
        "--role",
        "lead",
        "--chamber",
        "house",
    ]));
    assert_eq!(csv.lines().count(), 1 + 4, "{csv}");

    let markdown = stdout(&succeeded(&[
        "export", "--format", "markdown", "--search", "sanchez",
    ]));
    assert!(markdown.contains("- **Filters:** search \"sanchez\"\n"));
    assert!(markdown.contains("**1 signer** from 1 state or territory"));
}

#[test]
fn a_csv_file_can_be_exported_and_its_warnings_go_to_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("signers.csv");
    fs::write(
        &input,
        "name,party,state\nAna Ruiz,D,Atlantis\nBo Lee,R,TX\n",
    )
    .unwrap();
    let output = succeeded(&["export", input.to_str().unwrap(), "--format", "markdown"]);
    assert!(stdout(&output).starts_with("# signers\n"));
    assert!(
        stderr(&output).contains("unknown state \"Atlantis\""),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_bad_source_date_epoch_is_an_error_not_a_wrong_date() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_signer-dashboard"))
        .args(["export", "--format", "json"])
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("SOURCE_DATE_EPOCH"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn without_source_date_epoch_the_time_made_is_now() {
    let before = signer_dashboard::export::now_utc();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_signer-dashboard"))
        .args(["export", "--format", "json"])
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    let after = signer_dashboard::export::now_utc();
    assert!(output.status.success());
    let exported: Value = serde_json::from_slice(&output.stdout).unwrap();
    let made = exported["generated_at"].as_str().unwrap();
    // ISO 8601 in UTC sorts as text.
    assert!(
        before.as_str() <= made && made <= after.as_str(),
        "{before} <= {made} <= {after}"
    );
}

#[test]
fn help_lists_the_export_command_and_its_options() {
    let output = succeeded(&["export", "--help"]);
    let help = stdout(&output);
    for option in [
        "--format",
        "csv",
        "markdown",
        "json",
        "html",
        "--output",
        "--party",
        "--state",
        "--chamber",
        "--role",
        "--search",
    ] {
        assert!(help.contains(option), "{option} missing from:\n{help}");
    }
    let top = stdout(&succeeded(&["--help"]));
    assert!(top.contains("export"), "{top}");
}
