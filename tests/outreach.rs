//! The outreach layer (issue 18): each member's status, contact log and follow-up kept in
//! the letter under `outreach`, read, saved back with other programs' fields, edited with
//! undo, checked on load with the place named, and used by `targets --status/--due`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::{cli_json, run_cli};
use signer_dashboard::edit::{Edit, History};
use signer_dashboard::load::load_path;
use signer_dashboard::model::Date;
use signer_dashboard::outreach::{Channel, Outreach, Status};

const LETTER: &str = "tests/fixtures/outreach/letter.json";
const ROSTER: &str = "tests/fixtures/roster/legislators-current.json";

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

#[test]
fn the_records_read_with_their_log_goal_and_follow_up() {
    let letter = load_path(&common::repo_root().join(LETTER)).unwrap().letter;
    let outreach = Outreach::from_letter(&letter).unwrap();
    assert_eq!(outreach.goal.as_ref().unwrap().signers, 10);
    let clyburn = outreach.member("c000537").unwrap();
    assert_eq!(clyburn.status, Status::Asked);
    assert_eq!(clyburn.log.len(), 2);
    assert_eq!(clyburn.log[0].channel, Channel::Email);
    assert_eq!(clyburn.last_contact(), Some(date("2026-12-01")));
    assert!(clyburn.is_due(date("2026-12-05")));
    assert!(!clyburn.is_due(date("2026-12-04")));
    assert_eq!(outreach.status("S000510"), Status::LeanYes);
    // Nothing recorded is "not asked".
    assert_eq!(outreach.status("P000034"), Status::NotAsked);
}

#[test]
fn saving_keeps_the_records_and_the_fields_other_programs_wrote() {
    let loaded = load_path(&common::repo_root().join(LETTER)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.json");
    signer_dashboard::save::save_letter(&path, &loaded.letter).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    for kept in [
        "\"crm_id\": 4411",
        "\"crm_flag\": \"do not call\"",
        "\"exported_by\": \"another tool 2.1\"",
    ] {
        assert!(text.contains(kept), "{kept} is kept:\n{text}");
    }
    let again = load_path(&path).unwrap().letter;
    assert_eq!(
        Outreach::from_letter(&again).unwrap(),
        Outreach::from_letter(&loaded.letter).unwrap()
    );
}

#[test]
fn a_status_change_is_an_edit_that_undoes_and_redoes() {
    let mut letter = load_path(&common::repo_root().join(LETTER)).unwrap().letter;
    let before = Outreach::from_letter(&letter).unwrap();
    let mut after = before.member("S000510").cloned().unwrap();
    after.status = Status::Undecided;
    let mut history = History::default();
    let edit = Edit::Outreach {
        bioguide: "S000510".into(),
        before: before.member("S000510").cloned().map(Box::new),
        after: Some(Box::new(after)),
    };
    assert!(history.apply(&mut letter, edit, None));
    assert_eq!(
        Outreach::from_letter(&letter).unwrap().status("S000510"),
        Status::Undecided
    );
    assert!(history.undo(&mut letter));
    assert_eq!(Outreach::from_letter(&letter).unwrap(), before);
    assert!(history.redo(&mut letter));
    assert_eq!(
        Outreach::from_letter(&letter).unwrap().status("S000510"),
        Status::Undecided
    );

    // A member's first record, then taking it back, leaves no trace in the file.
    let mut history = History::default();
    let first = signer_dashboard::outreach::MemberOutreach {
        status: Status::Asked,
        ..Default::default()
    };
    let edit = Edit::Outreach {
        bioguide: "B001288".into(),
        before: None,
        after: Some(Box::new(first)),
    };
    assert!(history.apply(&mut letter, edit, None));
    assert_eq!(
        Outreach::from_letter(&letter).unwrap().status("B001288"),
        Status::Asked
    );
    assert!(history.undo(&mut letter));
    assert!(
        Outreach::from_letter(&letter)
            .unwrap()
            .member("B001288")
            .is_none()
    );
}

/// The fixture with `from` replaced by `to`, loaded: the error's text.
fn load_error_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(common::repo_root().join(LETTER)).unwrap();
    assert!(text.contains(from), "{from}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.json");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    let error = load_path(&path).unwrap_err().to_string();
    let prefix = format!("{}: ", path.display());
    error
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{error}"))
        .to_owned()
}

#[test]
fn bad_records_are_errors_that_name_the_place() {
    assert_eq!(
        load_error_with("\"status\": \"lean_yes\"", "\"status\": \"maybe\""),
        "outreach.members.S000510.status: unknown variant `maybe`, expected one of `not_asked`, `asked`, `lean_yes`, `undecided`, `lean_no`, `declined`"
    );
    let signed = load_error_with("\"status\": \"lean_yes\"", "\"status\": \"signed\"");
    assert!(
        signed.contains("comes from the letter's signers"),
        "{signed}"
    );
    assert_eq!(
        load_error_with("\"date\": \"2026-11-28\"", "\"date\": \"2026-13-28\""),
        "outreach.members.C000537.log[0].date: expected a date as YYYY-MM-DD, found \"2026-13-28\""
    );
    assert_eq!(
        load_error_with("\"follow_up\": \"2026-12-20\"", "\"follow_up\": \"soon\""),
        "outreach.members.S000510.follow_up: expected a date as YYYY-MM-DD, found \"soon\""
    );
    assert_eq!(
        load_error_with("\"signers\": 10", "\"signers\": -3"),
        "outreach.goal.signers: invalid value: integer `-3`, expected a whole number, 0 or more"
    );
    assert_eq!(
        load_error_with("\"R000575\"", "\"c000537\""),
        "outreach.members.c000537: C000537 is listed twice (bioguide ids ignore case)"
    );
}

#[test]
fn targets_shows_each_members_status_and_filters_by_status_and_follow_up() {
    let rows = cli_json(&[
        "targets", LETTER, "--roster", ROSTER, "--format", "json", "--state", "SC",
    ]);
    let clyburn = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["bioguide"] == "C000537")
        .unwrap();
    assert_eq!(clyburn["status"], "asked");
    assert_eq!(clyburn["last_contact"], "2026-12-01");
    assert_eq!(clyburn["follow_up"], "2026-12-05");

    let asked = cli_json(&[
        "targets", LETTER, "--roster", ROSTER, "--format", "json", "--status", "asked", "--status",
        "lean-yes",
    ]);
    let ids: Vec<&str> = asked
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["bioguide"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["C000537", "S000510"]);

    let due = cli_json(&[
        "targets",
        LETTER,
        "--roster",
        ROSTER,
        "--format",
        "json",
        "--due",
        "--today",
        "2026-12-07",
    ]);
    let ids: Vec<&str> = due
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["bioguide"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["C000537"], "Adam Smith's follow-up is on the 20th");

    let output = run_cli(["targets", LETTER, "--roster", ROSTER, "--status", "signed"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("\"signed\" comes from the letter"),
        "{stderr}"
    );

    let output = run_cli(["targets", LETTER, "--roster", ROSTER, "--state", "SC"]);
    let text = String::from_utf8(output.stdout).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next().unwrap(),
        "bioguide,name,party,state,chamber,district,phone,address,note,status,last_contact,follow_up"
    );
    let row = lines.find(|l| l.starts_with("C000537,")).unwrap();
    assert!(row.ends_with(",asked,2026-12-01,2026-12-05"), "{row}");
}
