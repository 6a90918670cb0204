//! Committee targeting (issue 18): the published committee files read, and `targets
//! --committees … --committee ID` aimed at the committee of jurisdiction, against the
//! fixture roster and the sample letter (which Brad Sherman and Jim Costa signed).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::{cli_json, run_cli};
use signer_dashboard::roster::committees::{Committees, Side};
use std::path::Path;

const ROSTER: &str = "tests/fixtures/roster/legislators-current.json";
const MEMBERSHIP: &str = "tests/fixtures/committees/committee-membership-current.yaml";

fn fixture() -> Committees {
    Committees::load_path(&common::repo_root().join(MEMBERSHIP)).unwrap()
}

#[test]
fn the_committee_files_give_names_seats_ranks_and_titles() {
    let committees = fixture();
    // Three committees and three subcommittees, named from committees-current.yaml beside it.
    assert_eq!(committees.len(), 6);
    let hsfa = committees.find("hsfa").unwrap();
    assert_eq!(
        committees.committee(hsfa).name.as_ref(),
        "House Committee on Foreign Affairs"
    );
    let mena = committees.find("HSFA13").unwrap();
    assert_eq!(committees.committee(mena).parent, Some(hsfa));
    assert_eq!(
        committees.committee(mena).name.as_ref(),
        "Middle East and North Africa"
    );
    let seat = committees.seat("S000510", hsfa).unwrap();
    assert_eq!(seat.side, Some(Side::Minority));
    assert_eq!(seat.rank, Some(1));
    assert_eq!(seat.title.as_deref(), Some("Ranking Member"));
    // Committees before their subcommittees; a title where there is one, else the
    // subcommittee's name.
    assert_eq!(committees.describe("S000522"), "HSFA; HSFA13 Chairman");
    assert_eq!(
        committees.describe("S000510"),
        "HSFA Ranking Member; HSFA13 Middle East and North Africa"
    );
    assert_eq!(committees.describe("P000034"), "");
}

#[test]
fn without_the_committees_file_the_ids_stand_for_names_and_subcommittees_find_their_committee() {
    let path = common::repo_root().join("tests/fixtures/committees/no-names/membership.yaml");
    let committees = Committees::load_path(&path).unwrap();
    let hsfa = committees.find("HSFA").unwrap();
    let sub = committees.find("hsfa13").unwrap();
    assert_eq!(committees.committee(hsfa).name.as_ref(), "HSFA");
    assert_eq!(committees.committee(sub).parent, Some(hsfa));
    // A lower-case bioguide id in the file is the same member.
    assert_eq!(committees.describe("S000522"), "HSFA; HSFA13");
}

#[test]
fn targets_on_a_committee_lists_its_members_who_have_not_signed_chair_and_ranking_member_first() {
    let output = run_cli([
        "targets",
        "--roster",
        ROSTER,
        "--committees",
        MEMBERSHIP,
        "--committee",
        "HSFA",
        "--format",
        "json",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["bioguide"].as_str().unwrap())
        .collect();
    // Sherman and Costa signed; the majority by rank, then the minority by rank.
    assert_eq!(ids, ["R000575", "S000522", "S000510"]);
    assert_eq!(
        rows[0]["committees"],
        serde_json::json!([{
            "id": "HSFA", "name": "House Committee on Foreign Affairs",
            "side": "majority", "rank": 1, "title": "Chairman"
        }])
    );
    // The seat of a member the roster does not have is one warning naming the file and the seat.
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr,
        format!(
            "warning: {MEMBERSHIP}: 1 committee seat name members the roster does not have, left out: HSFA X000001 (Pat Nobody) (--warnings all lists each)\n"
        )
    );

    let subcommittee = cli_json_quiet(&["--committee", "hsfa13"]);
    let ids: Vec<&str> = subcommittee
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["bioguide"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["S000522", "S000510"]);
}

/// `targets --format json` with the fixture roster and committees, and `extra` arguments,
/// ignoring the warning about the seat the roster does not have.
fn cli_json_quiet(extra: &[&str]) -> serde_json::Value {
    let mut args = vec![
        "targets",
        "--roster",
        ROSTER,
        "--committees",
        MEMBERSHIP,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let output = run_cli(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_call_sheet_gains_a_committees_column() {
    let output = run_cli([
        "targets",
        "--roster",
        ROSTER,
        "--committees",
        MEMBERSHIP,
        "--state",
        "TX",
    ]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next().unwrap(),
        "bioguide,name,party,state,chamber,district,phone,address,note,status,last_contact,follow_up,committees"
    );
    let cruz = lines.find(|l| l.starts_with("C001098,")).unwrap();
    assert!(cruz.ends_with(",SSFR Chairman"), "{cruz}");
    // Without --committees the sheet is as before.
    let plain = cli_json(&[
        "targets", "--roster", ROSTER, "--state", "TX", "--format", "json",
    ]);
    assert!(plain[0].get("committees").is_none());
}

#[test]
fn every_seat_of_an_unknown_member_is_listed_with_warnings_all() {
    let output = run_cli([
        "targets",
        "--roster",
        ROSTER,
        "--committees",
        MEMBERSHIP,
        "--committee",
        "SSFR",
        "--warnings",
        "all",
    ]);
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!(
            "warning: {MEMBERSHIP}: HSFA X000001 (Pat Nobody): the roster has no member with this bioguide id; the seat is left out\n"
        )
    );
}

#[test]
fn a_committee_not_in_the_file_is_an_error_naming_the_file_and_the_committees_it_has() {
    let output = run_cli([
        "targets",
        "--roster",
        ROSTER,
        "--committees",
        MEMBERSHIP,
        "--committee",
        "HSXX",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!("error: --committee HSXX: no committee or subcommittee has that thomas_id in {MEMBERSHIP} (committees there include HSAP, HSFA, SSFR)")),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());

    // --committee needs the file that says who sits on it.
    let output = run_cli(["targets", "--roster", ROSTER, "--committee", "HSFA"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("--committees")
    );
}

#[test]
fn a_broken_membership_file_names_the_file_the_line_and_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("committee-membership-current.yaml");
    std::fs::write(
        &path,
        "HSFA:\n- name: A\n  party: majority\n  rank: first\n  bioguide: A000001\n",
    )
    .unwrap();
    let error = Committees::load_path(&path).unwrap_err().to_string();
    assert!(
        error.starts_with(&format!("{}:4:", path.display())),
        "{error}"
    );
    assert!(error.contains("rank"), "{error}");

    std::fs::write(
        &path,
        "HSFA:\n- name: A\n  party: sideways\n  bioguide: A000001\n",
    )
    .unwrap();
    let error = Committees::load_path(&path).unwrap_err().to_string();
    assert!(
        error.contains("party") && error.contains("majority"),
        "{error}"
    );

    std::fs::write(&path, "HSFA:\n- name: A\n  party: majority\n").unwrap();
    let error = Committees::load_path(&path).unwrap_err().to_string();
    assert_eq!(
        error,
        format!("{}:2:3: HSFA[0]: missing field `bioguide`", path.display())
    );

    // Hostile nesting stops at the roster's depth guard, not after a long wait.
    std::fs::write(&path, "[".repeat(100_000)).unwrap();
    assert!(Committees::load_path(Path::new(&path)).is_err());
}
