//! `signer-dashboard summary` run as a real process: every format, the filters, fixture
//! files, and what a broken file does to stderr and the exit code.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::{cli_json, cli_stdout, fixture, run_cli, temp_file};
use serde_json::{Value, json};
use std::process::Output;

const SAMPLE_JSON: &str = "sample_data/armenian-caucus-2025-04-08.json";
const SAMPLE_CSV: &str = "sample_data/armenian-caucus-2025-04-08-signers.csv";

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn json_summary_of_the_sample_key_by_key() {
    let summary = cli_json(&["summary", "--format", "json"]);
    let letter = &summary["letter"];
    assert!(
        letter["title"]
            .as_str()
            .is_some_and(|t| t.contains("Armenian Caucus")),
        "{letter}"
    );
    assert_eq!(letter["date"], json!("2025-04-08"));
    assert_eq!(summary["total"], json!(25));
    assert_eq!(summary["by_party"], json!({ "D": 22, "R": 3 }));
    assert_eq!(keys(&summary["by_party"]), ["D", "R"], "most signers first");
    assert_eq!(
        summary["by_state"],
        json!({
            "CA": 9, "IL": 3, "MA": 2, "NJ": 2, "RI": 2,
            "DC": 1, "FL": 1, "ME": 1, "MI": 1, "MN": 1, "NV": 1, "NY": 1
        })
    );
    assert_eq!(
        keys(&summary["by_state"]),
        [
            "CA", "IL", "MA", "NJ", "RI", "DC", "FL", "ME", "MI", "MN", "NV", "NY"
        ],
        "most signers first, then by code"
    );
    let by_party_state = &summary["by_party_state"];
    assert_eq!(by_party_state["CA"], json!({ "D": 8, "R": 1 }));
    assert_eq!(by_party_state["FL"], json!({ "R": 1 }));
    assert_eq!(by_party_state["NY"], json!({ "R": 1 }));
    assert_eq!(by_party_state["IL"], json!({ "D": 3 }));
    assert_eq!(keys(by_party_state).len(), 12);
    assert_eq!(summary["by_role"], json!({ "lead": 4, "cosigner": 21 }));
    assert_eq!(summary["by_chamber"], json!({ "house": 25, "senate": 0 }));
    assert_eq!(summary["demands"], json!({ "total": 16, "met": 0 }));
    let filters = &summary["filters"];
    assert_eq!(filters["party"], json!([]));
    assert_eq!(filters["state"], json!([]));
    assert_eq!(filters["chamber"], Value::Null);
    assert_eq!(filters["role"], Value::Null);
    assert_eq!(filters["search"], Value::Null);
    let without = summary["states_without_signers"].as_array().unwrap();
    assert_eq!(without.len(), 44);
    assert!(without.contains(&json!("TX")));
    assert!(!without.contains(&json!("CA")));
}

#[test]
fn the_sample_file_the_sample_csv_and_no_file_agree() {
    let embedded = cli_json(&["summary", "--format", "json"]);
    let from_file = cli_json(&["summary", SAMPLE_JSON, "--format", "json"]);
    assert_eq!(embedded, from_file);
    let from_csv = cli_json(&["summary", SAMPLE_CSV, "--format", "json"]);
    for key in [
        "total",
        "by_party",
        "by_state",
        "by_party_state",
        "by_role",
        "by_chamber",
    ] {
        assert_eq!(from_csv[key], embedded[key], "{key}");
    }
    assert_eq!(
        from_csv["demands"],
        json!({ "total": 0, "met": 0 }),
        "a CSV has no demands"
    );
}

#[test]
fn text_summary_of_the_sample() {
    let text = cli_stdout(&["summary"]);
    assert_eq!(text, cli_stdout(&["summary", "--format", "text"]));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].contains("Armenian Caucus"), "{text}");
    for expected in [
        "Date: 2025-04-08",
        "To: Secretary of State Marco Rubio; National Security Advisor Michael Waltz",
        "Signers: 25",
        "By party: D 22, R 3",
        "By role: 4 leads, 21 cosigners",
        "By chamber: House 25, Senate 0",
        "Demands met: 0 of 16",
    ] {
        assert!(
            lines.contains(&expected),
            "no line {expected:?} in:\n{text}"
        );
    }
    assert!(!text.contains("Filters:"), "no filter was given:\n{text}");
    let state_line = |code: &str| {
        lines
            .iter()
            .find(|l| l.split_whitespace().next() == Some(code))
            .map(|l| l.split_whitespace().collect::<Vec<_>>())
            .unwrap_or_else(|| panic!("no line for {code}:\n{text}"))
    };
    assert_eq!(
        state_line("CA"),
        ["CA", "9", "California", "D", "8,", "R", "1"]
    );
    assert_eq!(state_line("FL"), ["FL", "1", "Florida", "R", "1"]);
    assert_eq!(
        state_line("DC"),
        ["DC", "1", "District", "of", "Columbia", "D", "1"]
    );
    let missing = lines
        .iter()
        .find(|l| l.starts_with("No signer from (44):"))
        .unwrap_or_else(|| panic!("no list of states without signers:\n{text}"));
    assert!(missing.contains(" TX"), "{missing}");
    assert!(!missing.contains(" CA"), "{missing}");
}

#[test]
fn markdown_summary_of_the_sample() {
    let markdown = cli_stdout(&["summary", "--format", "markdown"]);
    let lines: Vec<&str> = markdown.lines().collect();
    assert!(
        lines[0].starts_with("# ") && lines[0].contains("Armenian Caucus"),
        "{markdown}"
    );
    for expected in [
        "- **Date:** 2025-04-08",
        "- **Signers:** 25 (4 leads, 21 cosigners)",
        "- **Demands met:** 0 of 16",
        "- **Filters:** none",
        "| Party | Signers |",
        "| Democratic | 22 |",
        "| Republican | 3 |",
        "| State | Signers |",
        "| California (CA) | 9 |",
        "| Illinois (IL) | 3 |",
        "| District of Columbia (DC) | 1 |",
    ] {
        assert!(
            lines.contains(&expected),
            "no line {expected:?} in:\n{markdown}"
        );
    }
    let state_rows = lines
        .iter()
        .filter(|l| l.starts_with("| ") && l.contains(") |"))
        .count();
    assert_eq!(state_rows, 12, "{markdown}");
}

#[test]
fn csv_summary_of_the_sample() {
    let csv_text = cli_stdout(&["summary", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["dimension", "value", "signers"]
    );
    let rows: Vec<(String, String, u32)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_owned(), r[1].to_owned(), r[2].parse().unwrap())
        })
        .collect();
    let get = |dimension: &str, value: &str| {
        rows.iter()
            .find(|(d, v, _)| d == dimension && v == value)
            .map(|(_, _, n)| *n)
            .unwrap_or_else(|| panic!("no row {dimension},{value} in:\n{csv_text}"))
    };
    assert_eq!(get("total", ""), 25);
    assert_eq!(get("party", "D"), 22);
    assert_eq!(get("party", "R"), 3);
    assert_eq!(get("state", "CA"), 9);
    assert_eq!(get("state", "IL"), 3);
    assert_eq!(get("state", "MI"), 1);
    assert_eq!(get("role", "lead"), 4);
    assert_eq!(get("role", "cosigner"), 21);
    assert_eq!(get("chamber", "house"), 25);
    assert_eq!(get("chamber", "senate"), 0);
    assert_eq!(get("demands_met", ""), 0);
    assert_eq!(get("demands_total", ""), 16);
    let states: u32 = rows
        .iter()
        .filter(|(d, _, _)| d == "state")
        .map(|(_, _, n)| n)
        .sum();
    assert_eq!(states, 25);
}

#[test]
fn filters_on_the_command_line() {
    let total = |args: &[&str]| {
        let mut all = vec!["summary", "--format", "json"];
        all.extend_from_slice(args);
        cli_json(&all)["total"].as_u64().unwrap()
    };
    assert_eq!(total(&["--party", "R"]), 3);
    assert_eq!(total(&["--party", "Republican"]), 3);
    assert_eq!(total(&["--party", "D", "--party", "R"]), 25);
    assert_eq!(total(&["--state", "CA"]), 9);
    assert_eq!(total(&["--state", "Calif."]), 9);
    assert_eq!(total(&["--state", "New Jersey", "--state", "IL"]), 5);
    assert_eq!(total(&["--chamber", "house"]), 25);
    assert_eq!(total(&["--chamber", "senate"]), 0);
    assert_eq!(total(&["--role", "lead"]), 4);
    assert_eq!(total(&["--role", "cosigner"]), 21);
    assert_eq!(total(&["--search", "sanchez"]), 1);
    assert_eq!(
        total(&["--party", "D", "--state", "CA", "--role", "cosigner"]),
        7
    );
}

#[test]
fn filters_are_echoed_in_the_json_summary() {
    let summary = cli_json(&[
        "summary",
        "--format",
        "json",
        "--party",
        "R",
        "--state",
        "Calif.",
        "--chamber",
        "house",
        "--role",
        "lead",
        "--search",
        "VALADAO",
    ]);
    assert_eq!(summary["total"], json!(1));
    assert_eq!(summary["by_state"], json!({ "CA": 1 }));
    assert_eq!(
        summary["filters"],
        json!({
            "party": ["R"],
            "state": ["CA"],
            "chamber": "house",
            "role": "lead",
            "search": "VALADAO"
        })
    );
}

#[test]
fn filters_are_shown_in_text_and_markdown() {
    let text = cli_stdout(&["summary", "--party", "R"]);
    assert!(text.lines().any(|l| l == "Filters: party R"), "{text}");
    assert!(text.lines().any(|l| l == "Signers: 3"), "{text}");
    let markdown = cli_stdout(&["summary", "--format", "markdown", "--search", "sanchez"]);
    assert!(
        markdown.contains("- **Filters:** search \"sanchez\""),
        "{markdown}"
    );
    assert!(markdown.contains("| California (CA) | 1 |"), "{markdown}");
}

#[test]
fn summary_of_a_fixture_letter() {
    let full = fixture("letter-full.json");
    let summary = cli_json(&["summary", full.to_str().unwrap(), "--format", "json"]);
    assert_eq!(summary["total"], json!(9));
    assert_eq!(
        summary["by_party"],
        json!({ "D": 6, "I": 1, "R": 1, "?": 1 })
    );
    assert_eq!(
        summary["by_chamber"],
        json!({ "house": 7, "senate": 1, "unknown": 1 })
    );
    assert_eq!(summary["by_state"]["NJ"], json!(2));
    assert_eq!(summary["by_role"], json!({ "lead": 2, "cosigner": 7 }));
    assert_eq!(summary["demands"], json!({ "total": 3, "met": 1 }));
}

#[test]
fn summary_of_a_fixture_csv() {
    let quoting = fixture("signers-quoting.csv");
    let summary = cli_json(&["summary", quoting.to_str().unwrap(), "--format", "json"]);
    assert_eq!(summary["letter"]["title"], json!("signers-quoting"));
    assert_eq!(summary["total"], json!(4));
    assert_eq!(summary["by_party"], json!({ "D": 3, "R": 1 }));
    let found = cli_json(&[
        "summary",
        quoting.to_str().unwrap(),
        "--format",
        "json",
        "--search",
        "garcia",
    ]);
    assert_eq!(found["total"], json!(1));
}

/// Checks a failed run: non-zero exit, nothing on stdout, one `error:` line on stderr and no
/// sign of a panic. Returns that line.
fn single_error_line(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!output.status.success(), "exit 0 with stderr: {stderr}");
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(output.stdout.is_empty(), "stdout: {:?}", output.stdout);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.to_lowercase().contains("backtrace"), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "exactly one line on stderr: {stderr}");
    assert!(lines[0].starts_with("error: "), "{stderr}");
    lines[0].to_owned()
}

#[test]
fn a_broken_file_gives_one_error_line_with_file_line_column_and_field() {
    let relative = "tests/fixtures/letter-district-twelve.json";
    let output = run_cli(["summary", relative]);
    let line = single_error_line(&output);
    let prefix = format!("error: {relative}:14:");
    let rest = line
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{line:?} does not start with {prefix:?}"));
    let (column, rest) = rest.split_once(": ").unwrap();
    assert!(
        column.parse::<usize>().is_ok(),
        "column {column:?} in {line}"
    );
    assert!(rest.starts_with("signers[3].district: expected "), "{line}");
    assert!(rest.ends_with("found \"twelve\""), "{line}");
}

#[test]
fn every_bad_input_fails_cleanly_on_the_command_line() {
    let folder = tempfile::tempdir().unwrap();
    let (_latin1_dir, latin1) = temp_file("latin1.csv", b"name\nLinda S\xE1nchez\n");
    let cases: Vec<(String, &str)> = vec![
        (
            "tests/fixtures/there-is-no-such-letter.json".into(),
            "no such file",
        ),
        (folder.path().display().to_string(), "folder"),
        (
            "tests/fixtures/not-json.json".into(),
            "not a JSON letter file",
        ),
        (
            "tests/fixtures/letter-truncated.json".into(),
            "ends too soon",
        ),
        (
            "tests/fixtures/letter-no-signers.json".into(),
            "missing the required field \"signers\"",
        ),
        (
            "tests/fixtures/signers-no-name.csv".into(),
            "\"name\" column",
        ),
        (
            "tests/fixtures/signers-ragged.csv".into(),
            "expected 5 fields",
        ),
        (latin1.display().to_string(), "UTF-8"),
    ];
    for (file, says) in cases {
        let output = run_cli(["summary", file.as_str()]);
        let line = single_error_line(&output);
        assert!(
            line.starts_with(&format!("error: {file}")),
            "the message names the file first: {line}"
        );
        assert!(line.contains(says), "{line:?} should say {says:?}");
    }
}

#[test]
fn an_empty_signer_list_is_not_an_error() {
    let summary = cli_json(&[
        "summary",
        "tests/fixtures/letter-empty-signers.json",
        "--format",
        "json",
    ]);
    assert_eq!(summary["total"], json!(0));
    assert_eq!(summary["by_party"], json!({}));
    assert_eq!(
        summary["states_without_signers"].as_array().unwrap().len(),
        56
    );
}

#[test]
fn warnings_go_to_stderr_and_keep_exit_code_zero() {
    let file = "tests/fixtures/letter-warnings.json";
    let output = run_cli(["summary", file, "--format", "json"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let warnings: Vec<&str> = stderr.lines().collect();
    assert_eq!(warnings.len(), 3, "{stderr}");
    for warning in &warnings[..2] {
        assert!(
            warning.starts_with(&format!("warning: {file}: signers[")),
            "{warning}"
        );
    }
    assert_eq!(
        warnings[2],
        format!(
            "warning: {file}: 1 possible duplicate (the same name and state as an earlier signer): signers[4] \"FRANK PALLONE\" (as signers[0])"
        )
    );
    assert!(
        warnings.iter().any(|w| w.contains("\"Californa\"")),
        "{stderr}"
    );
    assert!(warnings.iter().any(|w| w.contains("\"L\"")), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");

    let summary: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["total"], json!(5), "every signer is counted");
    assert_eq!(summary["by_party"]["L"], json!(2));
    assert_eq!(summary["by_party"]["D"], json!(3));
    assert_eq!(
        summary["by_state"]["??"],
        json!(1),
        "Californa counts as unknown"
    );
    assert_eq!(summary["by_state"].get("CA"), None);
    assert_eq!(summary["by_state"]["NJ"], json!(2));
    assert_eq!(
        keys(&summary["by_state"]).last(),
        Some(&"??"),
        "unknown comes last"
    );
}

#[test]
fn bad_arguments_are_usage_errors_not_panics() {
    for args in [
        vec!["summary", "--format", "yaml"],
        vec!["summary", "--state", "Californa"],
        vec!["summary", "--chamber", "congress"],
        vec!["summary", "--role", "boss"],
        vec!["summary", "--party", ""],
    ] {
        let output = run_cli(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn summary_help_lists_every_option() {
    let help = cli_stdout(&["summary", "--help"]);
    for option in [
        "--format",
        "--party",
        "--state",
        "--chamber",
        "--role",
        "--search",
        "[FILE]",
    ] {
        assert!(help.contains(option), "{option} missing from:\n{help}");
    }
}
