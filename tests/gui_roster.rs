//! The roster of Congress in the window: importing it, coverage, who has not signed yet,
//! choosing among candidates, exporting the targets, and keeping the roster for next time.
#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::gui::{gui_fixture, harness_for, new_harness, settle};
use common::repo_root;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use signer_dashboard::gui::DashboardApp;
use signer_dashboard::gui::command::ExportKind;
use signer_dashboard::gui::command::{EditCommand, ExportCommand, RosterCommand, ViewCommand};
use signer_dashboard::roster::MatchStatus;
use std::path::PathBuf;

fn roster_fixture() -> PathBuf {
    repo_root().join("tests/fixtures/roster/legislators-current.json")
}

fn statuses(harness: &Harness<'static, DashboardApp>) -> Vec<MatchStatus> {
    harness
        .state()
        .roster()
        .unwrap()
        .matches
        .iter()
        .map(|m| m.status())
        .collect()
}

fn with_roster(file: PathBuf) -> Harness<'static, DashboardApp> {
    let mut harness = new_harness(Some(file));
    harness
        .state_mut()
        .apply(RosterCommand::ReadFile(roster_fixture()));
    settle(&mut harness);
    harness
}

#[test]
fn importing_a_roster_matches_the_signers_and_lists_who_has_not_signed() {
    let mut harness = with_roster(gui_fixture("ambiguous.json"));
    let roster = harness.state().roster().expect("the roster loaded");
    let members = roster.roster.len();
    assert_eq!(
        statuses(&harness),
        [
            MatchStatus::Ambiguous,
            MatchStatus::Matched,
            MatchStatus::NotFound
        ]
    );
    assert_eq!(
        harness.state().roster().unwrap().targets.len(),
        members - 1,
        "only Costa is known to have signed"
    );
    harness.get_by_label_contains("House 1 of");
    harness.get_by_label("Matched");
    harness.get_by_label("Not found");

    harness
        .get_by_label(&format!("Not signed yet ({})", members - 1))
        .click();
    harness.run_ok();
    harness.get_by_label(&format!("{} members have not signed yet", members - 1));
    harness.get_by_label("Export targets CSV…");
}

#[test]
fn choosing_a_candidate_matches_the_signer_and_undo_takes_it_back() {
    let mut harness = with_roster(gui_fixture("ambiguous.json"));
    let before = harness.state().roster().unwrap().targets.len();
    harness.get_by_label("Choose…").click();
    harness.run_ok();
    harness.get_by_label_contains("Adam Smith").click();
    harness.run_ok();
    assert_eq!(statuses(&harness)[0], MatchStatus::Matched);
    assert_eq!(
        harness.state().document().letter.signers[0]
            .bioguide
            .as_deref(),
        Some("S000510")
    );
    assert_eq!(harness.state().roster().unwrap().targets.len(), before - 1);

    harness.state_mut().apply(EditCommand::Undo);
    harness.run_ok();
    assert_eq!(statuses(&harness)[0], MatchStatus::Ambiguous);
}

#[test]
fn the_targets_export_as_csv_with_phone_and_office() {
    let mut harness = with_roster(gui_fixture("ambiguous.json"));
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("targets.csv");
    harness
        .state_mut()
        .apply(ExportCommand::WriteTo(ExportKind::Targets, path.clone()));
    settle(&mut harness);
    let csv = std::fs::read_to_string(&path).unwrap();
    let targets = harness.state().roster().unwrap().targets.len();
    assert_eq!(
        csv.lines().count(),
        targets + 1,
        "a header and one row per member"
    );
    let header = csv.lines().next().unwrap();
    assert!(
        header.contains("phone") && header.contains("address"),
        "{header}"
    );
    assert!(csv.contains("202-225-4671"), "Pallone's office phone");
    assert!(!csv.contains("Costa"), "Costa signed");
}

#[test]
fn a_file_that_is_not_a_roster_says_so_and_the_roster_stays() {
    let mut harness = with_roster(gui_fixture("ambiguous.json"));
    harness
        .state_mut()
        .apply(RosterCommand::ReadFile(gui_fixture("not-a-roster.yaml")));
    settle(&mut harness);
    let error = harness.state().error().unwrap().to_owned();
    assert!(
        error.starts_with("Could not import the roster from"),
        "{error}"
    );
    assert!(error.contains("not-a-roster.yaml"), "{error}");
    assert!(error.contains("The roster you had stays."), "{error}");
    assert!(harness.state().roster().is_some());
}

#[test]
fn the_roster_is_kept_for_the_next_start() {
    let data = tempfile::tempdir().unwrap();
    let app = || {
        DashboardApp::new(&egui::Context::default(), None, None)
            .with_data_dir(Some(data.path().to_path_buf()))
    };
    {
        let mut harness = harness_for(app());
        harness
            .state_mut()
            .apply(RosterCommand::ReadFile(roster_fixture()));
        settle(&mut harness);
        assert!(data.path().join("roster.json").is_file());
    }
    let harness = harness_for(app());
    let roster = harness
        .state()
        .roster()
        .expect("the kept roster loads at start");
    assert_eq!(statuses(&harness).len(), 25);
    assert!(
        roster
            .matches
            .iter()
            .filter(|m| m.status() == MatchStatus::Matched)
            .count()
            >= 5
    );
}

#[test]
fn a_big_letter_is_matched_on_a_thread_and_the_check_waits_for_it() {
    use signer_dashboard::gui::command::CentralTab;
    let folder = tempfile::tempdir().unwrap();
    let path = common::gui::write_big_letter(&folder, "big.json", "Big", 20_500, |i| {
        format!(
            r#"{{"name": "Signer Number {i}", "party": "D", "state": "CA", "chamber": "house", "district": 12}}"#
        )
    });
    let mut harness = with_roster(path);
    assert_eq!(harness.state().roster().unwrap().matches.len(), 20_500);
    assert!(!harness.state().roster().unwrap().is_matching());
    harness
        .state_mut()
        .apply(ViewCommand::ShowTab(CentralTab::Check));
    harness.run_ok();
    harness.get_by_label_contains("Not in the roster (20,500)");

    // An edit matches the letter again, on a thread; the check says it is waiting.
    harness.state_mut().apply(EditCommand::RemoveSigner(0));
    harness.step();
    assert!(harness.state().roster().unwrap().is_matching());
    settle(&mut harness);
    let roster = harness.state().roster().unwrap();
    assert!(!roster.is_matching());
    assert_eq!(roster.matches.len(), 20_499);
    harness.get_by_label_contains("Not in the roster (20,499)");
}
