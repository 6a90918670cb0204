//! `signer-dashboard match`, `targets` and `summary --roster` run as real processes against
//! the fixture rosters: the output in each format, filters, files written with `-o`, and
//! what a bad roster does to stderr and the exit code.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::{cli_json, cli_stdout, run_cli, temp_file};
use serde_json::json;

const FIXTURE_JSON: &str = "tests/fixtures/roster/legislators-current.json";
const FIXTURE_YAML: &str = "tests/fixtures/roster/legislators-current.yaml";
const FIXTURE_CSV: &str = "tests/fixtures/roster/legislators-current.csv";

/// Of the sample's 25 signers, those whom the fixture roster holds.
const IN_FIXTURE: [(&str, &str); 7] = [
    ("Frank Pallone", "P000034"),
    ("Brad Sherman", "S000344"),
    ("Jim Costa", "C001059"),
    ("Eleanor Holmes Norton", "N000147"),
    ("Linda Sánchez", "S001156"),
    ("Jan Schakowsky", "S001145"),
    ("Brad Schneider", "S001190"),
];

#[test]
fn match_prints_each_signer_with_status_and_bioguide() {
    for roster in [FIXTURE_JSON, FIXTURE_YAML, FIXTURE_CSV] {
        let rows = cli_json(&["match", "--roster", roster]);
        let rows = rows.as_array().unwrap();
        assert_eq!(rows.len(), 25);
        let keys: Vec<&str> = rows[0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "name",
                "status",
                "bioguide",
                "party",
                "state",
                "chamber",
                "district",
                "candidates",
                "corrections",
                "note"
            ]
        );
        assert_eq!(
            rows[0],
            json!({
                "name": "Frank Pallone", "status": "matched", "bioguide": "P000034",
                "party": "D", "state": "NJ", "chamber": "house", "district": 6,
                "candidates": [], "corrections": [], "note": null
            })
        );
        for row in rows {
            let name = row["name"].as_str().unwrap();
            match IN_FIXTURE.iter().find(|(n, _)| *n == name) {
                Some((_, bioguide)) => {
                    assert_eq!(row["status"], json!("matched"), "{roster}: {name}");
                    assert_eq!(row["bioguide"], json!(bioguide), "{roster}: {name}");
                }
                None => {
                    // Not in the small fixture: not found, with the letter's own values.
                    assert_eq!(row["status"], json!("not_found"), "{roster}: {name}");
                    assert!(row["bioguide"].is_string(), "{roster}: {name}");
                    assert!(
                        row["note"].as_str().unwrap().contains("not in the roster"),
                        "{roster}: {row}"
                    );
                }
            }
        }
    }
}

#[test]
fn match_lists_the_candidates_of_an_ambiguous_signer_and_the_corrections() {
    let letter = r#"{"letter": {"title": "Two"}, "signers": [
        {"name": "Johnson", "party": "R"},
        {"name": "Kevin Kiley", "party": "R", "state": "CA"}
    ]}"#;
    let (_dir, path) = temp_file("two.json", letter.as_bytes());
    let path = path.to_str().unwrap();
    let rows = cli_json(&["match", path, "--roster", FIXTURE_YAML, "--format", "json"]);
    assert_eq!(rows[0]["status"], json!("ambiguous"));
    assert_eq!(rows[0]["bioguide"], json!(null));
    assert_eq!(rows[0]["party"], json!("R"), "the letter's own party");
    assert_eq!(
        rows[0]["candidates"],
        json!([
            {"bioguide": "J000288", "name": "Henry C. \"Hank\" Johnson, Jr.", "party": "D", "state": "GA", "chamber": "house", "district": 4},
            {"bioguide": "J000299", "name": "Mike Johnson", "party": "R", "state": "LA", "chamber": "house", "district": 4}
        ])
    );
    assert_eq!(rows[1]["status"], json!("matched"));
    assert_eq!(rows[1]["party"], json!("I"), "the roster's party");
    assert_eq!(
        rows[1]["corrections"],
        json!([{"field": "party", "letter": "R", "roster": "I"}])
    );

    let csv = cli_stdout(&["match", path, "--roster", FIXTURE_YAML, "--format", "csv"]);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}name,status,bioguide,party,state,chamber,district,candidates,corrections,note"
    );
    assert_eq!(
        lines[1],
        "Johnson,ambiguous,,R,,,,\"J000288 Henry C. \"\"Hank\"\" Johnson, Jr. (D, GA-4); J000299 Mike Johnson (R, LA-4)\",,several members fit the name; choose one"
    );
    assert_eq!(
        lines[2],
        "Kevin Kiley,matched,K000401,I,CA,house,3,,\"party: the letter says R, the roster I\","
    );
    assert_eq!(lines.len(), 4, "two rows and the final line end");
}

#[test]
fn targets_lists_non_signers_with_phone_and_office() {
    let csv = cli_stdout(&[
        "targets",
        "--roster",
        FIXTURE_JSON,
        "--state",
        "NJ",
        "--party",
        "D",
    ]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "\u{feff}bioguide,name,party,state,chamber,district,phone,address,note,status,last_contact,follow_up"
    );
    let ids: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap())
        .collect();
    // Pallone signed the sample; Smith is a Republican.
    assert_eq!(ids, ["M001226", "M001246", "W000822", "B001288", "K000394"]);
    assert!(
        lines[3].contains("Bonnie Watson Coleman,D,NJ,house,12,202-225-5801,"),
        "{}",
        lines[3]
    );

    let json = cli_json(&[
        "targets",
        "--roster",
        FIXTURE_YAML,
        "--chamber",
        "senate",
        "--search",
        "van hollen",
        "--format",
        "json",
    ]);
    assert_eq!(
        json,
        json!([{
            "bioguide": "V000128", "name": "Chris Van Hollen", "party": "D", "state": "MD",
            "chamber": "senate", "district": null, "phone": "202-224-4654",
            "address": "730 Hart Senate Office Building Washington DC 20510",
            "maybe_signed_as": [], "status": "not_asked", "last_contact": null,
            "follow_up": null
        }])
    );

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("targets.csv");
    let output = run_cli([
        "targets",
        "--roster",
        FIXTURE_CSV,
        "--state",
        "CA",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    assert_eq!(output.stdout, b"");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("wrote 2 members to "), "{stderr}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), 3, "{written}");
    assert!(
        written.contains("K000401,Kevin Kiley,I,CA,house,3"),
        "{written}"
    );
}

#[test]
fn targets_refuses_a_role_filter() {
    let output = run_cli(["targets", "--roster", FIXTURE_JSON, "--role", "lead"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(output.stdout, b"");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: --role does not apply to targets"),
        "{stderr}"
    );
}

#[test]
fn summary_with_a_roster_adds_coverage_and_targets() {
    let summary = cli_json(&["summary", "--roster", FIXTURE_YAML, "--format", "json"]);
    assert_eq!(
        summary["total"],
        json!(25),
        "the summary itself is unchanged"
    );
    let coverage = &summary["coverage"];
    assert_eq!(
        coverage["roster"],
        json!({"as_of": "2026-04-20", "source": "legislators-current.yaml", "members": 36})
    );
    assert_eq!(
        coverage["signers"],
        json!({"matched": 7, "ambiguous": 0, "not_found": 18})
    );
    assert_eq!(coverage["house"]["signed"], json!(7));
    assert_eq!(coverage["house"]["members"], json!(27));
    assert_eq!(
        coverage["house"]["by_party"],
        json!({
            "D": {"signed": 7, "members": 19},
            "R": {"signed": 0, "members": 7},
            "I": {"signed": 0, "members": 1}
        })
    );
    assert_eq!(
        coverage["house"]["by_state"]["CA"],
        json!({"signed": 3, "members": 5})
    );
    assert_eq!(
        coverage["house"]["by_state"]["IL"],
        json!({"signed": 2, "members": 3})
    );
    let states: Vec<&String> = coverage["house"]["by_state"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    let mut sorted = states.clone();
    sorted.sort();
    assert_eq!(states, sorted, "states by code");
    assert_eq!(coverage["senate"]["signed"], json!(0));
    assert_eq!(summary["targets"], json!(36 - 7));

    // With a filter, targets counts what `targets` lists with the same filter.
    let filtered = cli_json(&[
        "summary",
        "--roster",
        FIXTURE_JSON,
        "--format",
        "json",
        "--state",
        "NJ",
    ]);
    assert_eq!(filtered["coverage"]["signers"]["matched"], json!(1));
    let listed = cli_json(&[
        "targets",
        "--roster",
        FIXTURE_JSON,
        "--state",
        "NJ",
        "--format",
        "json",
    ]);
    assert_eq!(filtered["targets"], json!(listed.as_array().unwrap().len()));
    assert_eq!(filtered["targets"], json!(6));

    let text = cli_stdout(&["summary", "--roster", FIXTURE_CSV]);
    assert!(
        text.contains("\nRoster: 36 members\n"),
        "the CSV has no date:\n{text}"
    );
    assert!(
        text.contains("House: 7 of 27 members signed (D 7 of 19, R 0 of 7, I 0 of 1)"),
        "{text}"
    );
    assert!(
        text.contains("\n  by state: CA 3 of 5, IL 2 of 3, DC 1 of 1, NJ 1 of 5\nSenate: "),
        "{text}"
    );
    assert!(text.contains("Not signed yet: 29 members"), "{text}");

    let output = run_cli(["summary", "--roster", FIXTURE_CSV, "--format", "markdown"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_bad_roster_is_one_line_on_stderr_and_status_1() {
    let bad = "[\n{\"id\": {\"bioguide\": \"B000002\"},\n \"name\": {\"first\": \"Bo\", \"last\": \"Bee\"},\n \"terms\": []}\n]";
    let (_dir, path) = temp_file("roster.json", bad.as_bytes());
    for command in ["match", "targets", "summary"] {
        let output = run_cli([command, "--roster", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        assert_eq!(output.stdout, b"", "{command}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(
            stderr,
            format!(
                "error: {}:4:12: [0].terms: a member with no terms: expected at least one term, the last being the current one\n",
                path.display()
            ),
            "{command}"
        );
    }
    let output = run_cli([
        "match",
        "--roster",
        "sample_data/armenian-caucus-2025-04-08.json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("is it a letter file?"), "{stderr}");

    let output = run_cli(["match"]);
    assert_eq!(output.status.code(), Some(2), "--roster is required");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("--roster <ROSTER>"), "{stderr}");
}
