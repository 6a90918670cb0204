//! `signer-dashboard extract` run as a real process.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;

use common::{fixture, run_cli, temp_file};
use serde_json::Value;
use signer_dashboard::load::{self, SourceFormat};
use signer_dashboard::model::Role;
use std::path::Path;

const SEED: &str = "tests/fixtures/extract/armenian-caucus-2025-04-08.txt";

fn stdout_of(args: &[&str]) -> (String, String) {
    let output = run_cli(args);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        output.status.success(),
        "signer-dashboard {args:?} failed: {stderr}"
    );
    (String::from_utf8(output.stdout).unwrap(), stderr)
}

#[test]
fn prints_the_signers_of_the_seed_article_as_json() {
    let (stdout, stderr) = stdout_of(&["extract", SEED]);
    assert_eq!(stderr, "");
    let rows: Value = serde_json::from_str(&stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 25);
    let first = rows[0].as_object().unwrap();
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["name", "party", "state", "district", "chamber", "role"]
    );
    assert_eq!(
        rows[0],
        serde_json::json!({"name": "Frank Pallone", "party": "D", "state": "NJ", "district": null, "chamber": "house", "role": "lead"})
    );
    let leads = rows.iter().filter(|r| r["role"] == "lead").count();
    assert_eq!(leads, 4);
    assert!(
        !stdout.contains("Rubio") && !stdout.contains("Waltz") && !stdout.contains("Hamparian")
    );
}

#[test]
fn prints_csv_that_opens_as_a_signers_table() {
    let (stdout, _) = stdout_of(&["extract", SEED, "--format", "csv"]);
    let mut lines = stdout.lines();
    assert_eq!(lines.next(), Some("name,party,state,district,chamber,role"));
    assert_eq!(lines.next(), Some("Frank Pallone,D,NJ,,house,lead"));
    let loaded = load::load_bytes(
        Path::new("signers.csv"),
        stdout.as_bytes(),
        SourceFormat::Csv,
    )
    .unwrap();
    assert_eq!(loaded.letter.signers.len(), 25);
    let leads = loaded
        .letter
        .signers
        .iter()
        .filter(|s| s.role == Role::Lead)
        .count();
    assert_eq!(leads, 4);
}

#[test]
fn writes_a_letter_file_with_dash_o() {
    let dir = tempfile::tempdir().unwrap();
    let letter_path = dir.path().join("letter.json");
    let letter_arg = letter_path.to_str().unwrap();
    let (stdout, stderr) = stdout_of(&["extract", SEED, "-o", letter_arg]);
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with("wrote a letter of 25 signers (4 leads) to "),
        "{stderr}"
    );
    let loaded = load::load_path(&letter_path).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let letter = loaded.letter;
    assert_eq!(letter.info.title, "armenian-caucus-2025-04-08");
    assert_eq!(
        letter.info.date.map(|d| d.to_string()).as_deref(),
        Some("2025-04-08")
    );
    assert_eq!(letter.signers.len(), 25);
    assert_eq!(&*letter.signers[20].name, "Linda Sánchez");

    // Writing again keeps the first file as a backup.
    stdout_of(&[
        "extract",
        "tests/fixtures/extract/lunar-new-year.txt",
        "-o",
        letter_arg,
    ]);
    let again = load::load_path(&letter_path).unwrap().letter;
    assert_eq!(
        again.info.title,
        "Congresswoman Grace Meng Leads Push for Lunar New Year Federal Holiday"
    );
    let backup = load::load_path(&dir.path().join("letter.json.bak")).unwrap();
    assert_eq!(backup.letter.signers.len(), 25);
}

#[test]
fn reads_html_and_markdown_by_their_extension() {
    let (stdout, _) = stdout_of(&["extract", "tests/fixtures/extract/newsletter.html"]);
    let rows: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(rows[0]["name"], "Debbie Dingell");
    assert_eq!(rows[2]["name"], "Nydia M. Velázquez");
    assert!(!stdout.contains("Fake Person"), "script text is not read");

    let (stdout, _) = stdout_of(&["extract", "tests/fixtures/extract/markdown-release.md"]);
    let rows: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(rows[0]["name"], "Chrissy Houlahan");
    assert_eq!(rows[0]["district"], 6);
}

#[test]
fn takes_party_and_state_of_bare_names_from_a_roster() {
    let (stdout, stderr) = stdout_of(&[
        "extract",
        "tests/fixtures/extract/bare-names-roster.txt",
        "--roster",
        "tests/fixtures/roster/legislators-current.json",
    ]);
    let rows: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(rows[0]["name"], "Frank Pallone");
    assert_eq!(rows[0]["party"], "D");
    assert_eq!(rows[0]["district"], 6);
    // Only the name the roster does not know is worth a warning.
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("warning: "), "{stderr}");
    assert!(stderr.contains("Pat Harrigan"), "{stderr}");

    // Without the roster, the same names come with no party.
    let (stdout, stderr) = stdout_of(&["extract", "tests/fixtures/extract/bare-names-roster.txt"]);
    let rows: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(rows[0]["party"], Value::Null);
    assert!(stderr.contains("load a roster"), "{stderr}");
}

#[test]
fn says_what_is_wrong_and_writes_nothing_on_bad_input() {
    let output = run_cli(["extract", "no-such-release.txt"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: no-such-release.txt: no such file\n"
    );

    let (dir, latin1) = temp_file("latin1.txt", b"Rep. Linda S\xe1nchez (D-CA)");
    let output = run_cli(["extract", latin1.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("expected UTF-8 text"));

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "Nothing to see here.").unwrap();
    let letter = dir.path().join("out.json");
    let output = run_cli([
        "extract",
        empty.to_str().unwrap(),
        "-o",
        letter.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!letter.exists());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no signers found"), "{stderr}");

    let (stdout, stderr) = stdout_of(&["extract", empty.to_str().unwrap()]);
    assert_eq!(stdout.trim(), "[]");
    assert!(stderr.contains("no signers found"));

    // A letter file has no "format": the two options do not go together.
    let output = run_cli(["extract", SEED, "--format", "csv", "-o", "x.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!Path::new(&fixture("x.json")).exists());
}

#[test]
fn the_readme_example_is_what_extract_prints() {
    let readme = std::fs::read_to_string(common::repo_root().join("README.md")).unwrap();
    let start = readme
        .find("$ signer-dashboard extract ")
        .expect("the README shows an extract example");
    let block = &readme[start..];
    let block = &block[..block.find("```").unwrap()];
    let mut lines = block.lines();
    let command = lines.next().unwrap();
    let arguments: Vec<&str> = command
        .strip_prefix("$ signer-dashboard ")
        .unwrap()
        .split_whitespace()
        .collect();
    let (stdout, _) = stdout_of(&arguments);
    let shown: Vec<&str> = lines.take_while(|l| *l != "…").collect();
    let printed: Vec<&str> = stdout.lines().take(shown.len()).collect();
    assert_eq!(printed, shown);
    assert!(readme.contains("(docs/EXTRACT.md)"));
}
