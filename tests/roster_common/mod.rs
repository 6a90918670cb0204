//! Helpers shared by the roster tests: the fixture rosters in the three published forms, the
//! full roster in ../shared when it is there, and letters made up on the spot.

#![allow(dead_code, reason = "each test crate uses only some of the helpers")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a helper that cannot do its job should fail the test that called it"
)]

use signer_dashboard::load::{self, SourceFormat};
use signer_dashboard::model::Letter;
use signer_dashboard::roster::{self, MatchResult, MemberId, Roster};
use std::path::{Path, PathBuf};

/// The three published forms of the fixture roster, by extension.
pub const FORMS: [&str; 3] = ["json", "yaml", "csv"];

/// A file under `tests/fixtures/roster/`.
pub fn roster_fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/roster")
        .join(name)
}

/// The fixture roster in one of [`FORMS`].
pub fn fixture_roster(extension: &str) -> Roster {
    let path = roster_fixture(&format!("legislators-current.{extension}"));
    roster::load_path(&path).unwrap_or_else(|e| panic!("the {extension} fixture should load: {e}"))
}

/// The folder of the full published roster beside the repository, when it is there.
pub fn full_roster_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/congress-legislators");
    dir.join("legislators-current.json")
        .is_file()
        .then_some(dir)
}

/// The full roster in one of [`FORMS`], or `None` (with a note on stderr) when it is not there.
pub fn full_roster(extension: &str) -> Option<Roster> {
    let Some(dir) = full_roster_dir() else {
        eprintln!(
            "note: ../shared/data/congress-legislators/ is not there; skipping the test against the full roster"
        );
        return None;
    };
    let path = dir.join(format!("legislators-current.{extension}"));
    Some(roster::load_path(&path).unwrap_or_else(|e| panic!("the full roster should load: {e}")))
}

/// A letter whose signers are the JSON objects in `signers`.
pub fn letter(signers: &str) -> Letter {
    let text = format!(r#"{{"letter": {{"title": "Test letter"}}, "signers": [{signers}]}}"#);
    load::load_bytes(Path::new("test.json"), text.as_bytes(), SourceFormat::Json)
        .unwrap_or_else(|e| panic!("the test letter should load: {e}\n{text}"))
        .letter
}

/// The member with `bioguide`; the test fails if the roster has none.
pub fn id(roster: &Roster, bioguide: &str) -> MemberId {
    roster
        .by_bioguide(bioguide)
        .unwrap_or_else(|| panic!("{bioguide} is not in the roster"))
}

/// The bioguide id of a matched result, or a description of what it was instead.
pub fn matched_bioguide(roster: &Roster, result: &MatchResult) -> Result<String, String> {
    match result {
        MatchResult::Matched { member, .. } => {
            Ok(roster.member(*member).unwrap().bioguide.to_string())
        }
        other => Err(format!(
            "{:?}: {:?} {:?}",
            other.status(),
            other.note(),
            other
                .candidates()
                .iter()
                .map(|c| roster.member(*c).unwrap().bioguide.to_string())
                .collect::<Vec<_>>()
        )),
    }
}

/// The bioguide ids of members, in order.
pub fn bioguides(roster: &Roster, members: &[MemberId]) -> Vec<String> {
    members
        .iter()
        .map(|m| roster.member(*m).unwrap().bioguide.to_string())
        .collect()
}
