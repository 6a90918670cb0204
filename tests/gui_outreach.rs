//! *Not signed yet* as the outreach board (issue 18): each member's status from the
//! letter's outreach records, filters by status and by a follow-up that is due, a status set
//! in one click and undone, a contact added to the log, and the goal.
#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::gui::{new_harness, settle};
use common::repo_root;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use signer_dashboard::gui::DashboardApp;
use signer_dashboard::gui::command::{
    CentralTab, EditCommand, FilterCommand, RosterCommand, ViewCommand,
};
use signer_dashboard::outreach::Status;

/// The outreach fixture (Pallone and Costa signed; Clyburn asked, due on 5 December; Adam
/// Smith lean yes; Mike Rogers declined), with the fixture roster, on the board.
fn board() -> Harness<'static, DashboardApp> {
    let letter = repo_root().join("tests/fixtures/outreach/letter.json");
    let copy = tempfile::tempdir().unwrap().keep().join("letter.json");
    std::fs::copy(letter, &copy).unwrap();
    let mut harness = new_harness(Some(copy));
    settle(&mut harness);
    harness.state_mut().apply(RosterCommand::ReadFile(
        repo_root().join("tests/fixtures/roster/legislators-current.json"),
    ));
    settle(&mut harness);
    harness
        .state_mut()
        .apply(ViewCommand::ShowTab(CentralTab::Targets));
    settle(&mut harness);
    harness
}

fn status_of(harness: &Harness<'static, DashboardApp>, bioguide: &str) -> Status {
    harness.state().document().outreach().status(bioguide)
}

#[test]
fn the_board_counts_each_status_and_filters_by_it() {
    let mut harness = board();
    // 36 members, 1 signer matched by bioguide and 1 by name: 34 not signed.
    harness.get_by_label("34 members have not signed yet");
    harness.get_by_label("Asked 1");
    harness.get_by_label("Lean yes 1");
    harness.get_by_label("Declined 1");
    harness.get_by_label("Not asked 31");
    harness.get_by_label("Declined 1").click();
    settle(&mut harness);
    // Only Mike Rogers is declined: the table shows him and no one else.
    assert!(harness.query_by_label("Mike Rogers").is_some());
    assert!(harness.query_by_label("Adam Smith").is_none());
}

#[test]
fn a_due_follow_up_is_flagged_and_can_be_the_only_thing_shown() {
    let mut harness = board();
    // The fixture's follow-up for Clyburn was 5 December 2026, before any day these run.
    harness.get_by_label("Follow-up due 1").click();
    settle(&mut harness);
    assert!(harness.query_by_label("James E. Clyburn").is_some());
    assert!(harness.query_by_label("Adam Smith").is_none());
    harness.get_by_label("⚠ 2026-12-05");
}

#[test]
fn a_status_is_set_in_one_click_beside_the_table_and_undone() {
    let mut harness = board();
    // The table lays out only the rows in view: the name filter brings him up.
    harness
        .state_mut()
        .apply(FilterCommand::SetSearch("adam smith".to_owned()));
    settle(&mut harness);
    harness.get_by_label("Adam Smith").click();
    settle(&mut harness);
    // The member opens beside the table with their status buttons.
    assert_eq!(
        harness.state().document().outreach().status("S000510"),
        Status::LeanYes
    );
    harness.get_by_label("Undecided").click();
    settle(&mut harness);
    assert_eq!(status_of(&harness, "S000510"), Status::Undecided);
    assert!(harness.state().document().is_modified);
    harness.state_mut().apply(EditCommand::Undo);
    settle(&mut harness);
    assert_eq!(status_of(&harness, "S000510"), Status::LeanYes);
}

#[test]
fn a_contact_is_added_to_the_log_and_the_goal_shows_how_many_more() {
    let mut harness = board();
    // The fixture's goal: ten signers, two signed.
    harness.get_by_label("8 more to reach the goal (2 of 10)");
    // And in the header, whatever the tab.
    harness.get_by_label("8 more to reach the goal of 10");
    harness
        .state_mut()
        .apply(FilterCommand::SetSearch("booker".to_owned()));
    settle(&mut harness);
    harness.get_by_label("Cory A. Booker").click();
    settle(&mut harness);
    harness.get_by_label("No contact yet.");
    harness.get_by_label("Add to the log").click();
    settle(&mut harness);
    let outreach = harness.state().document().outreach();
    let booker = outreach.member("B001288").unwrap();
    assert_eq!(booker.log.len(), 1);
    assert_eq!(booker.log[0].date, signer_dashboard::model::Date::today());
    // A contact does not change the status by itself.
    assert_eq!(booker.status, Status::NotAsked);
}

#[test]
fn imported_committees_show_each_members_seats_and_narrow_the_board_to_one_committee() {
    let data = tempfile::tempdir().unwrap();
    let app = DashboardApp::new(
        &egui::Context::default(),
        None,
        Some(repo_root().join("tests/fixtures/outreach/letter.json")),
    )
    .with_data_dir(Some(data.path().to_path_buf()));
    let mut harness = common::gui::harness_for(app);
    harness.state_mut().apply(RosterCommand::ReadFile(
        repo_root().join("tests/fixtures/roster/legislators-current.json"),
    ));
    harness.state_mut().apply(RosterCommand::ReadCommittees(
        repo_root().join("tests/fixtures/committees/committee-membership-current.yaml"),
    ));
    settle(&mut harness);
    assert_eq!(harness.state().committees().unwrap().len(), 6);
    // Kept for the next start, names and all.
    for kept in [
        "committee-membership-current.yaml",
        "committees-current.yaml",
    ] {
        assert!(
            data.path().join("committees").join(kept).is_file(),
            "{kept}"
        );
    }
    harness
        .state_mut()
        .apply(ViewCommand::ShowTab(CentralTab::Targets));
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Committee")
        .click();
    settle(&mut harness);
    harness
        .get_by_label("HSFA — House Committee on Foreign Affairs")
        .click();
    settle(&mut harness);
    // Its members who have not signed (Costa signed), chair first; no one else.
    assert!(harness.query_by_label("Lisa Murkowski").is_none());
    let rows: Vec<f32> = [
        "Mike Rogers",
        "Christopher H. Smith",
        "Adam Smith",
        "Brad Sherman",
    ]
    .iter()
    .map(|name| harness.get_by_label(name).rect().top())
    .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "{rows:?}");
    harness.get_by_label("HSFA Chairman");

    // The next start reads the kept copy.
    let again = DashboardApp::new(&egui::Context::default(), None, None)
        .with_data_dir(Some(data.path().to_path_buf()));
    let harness = common::gui::harness_for(again);
    assert_eq!(harness.state().committees().unwrap().len(), 6);
}

#[test]
fn a_committees_file_that_cannot_be_read_says_so_and_keeps_the_ones_there_were() {
    let mut harness = board();
    harness.state_mut().apply(RosterCommand::ReadCommittees(
        repo_root().join("tests/fixtures/committees/committee-membership-current.yaml"),
    ));
    settle(&mut harness);
    let broken = tempfile::tempdir().unwrap();
    let path = broken.path().join("committee-membership-current.yaml");
    std::fs::write(
        &path,
        "HSFA:\n- name: A\n  rank: first\n  bioguide: A000001\n",
    )
    .unwrap();
    harness
        .state_mut()
        .apply(RosterCommand::ReadCommittees(path.clone()));
    settle(&mut harness);
    let error = harness.state().error().unwrap().to_owned();
    assert!(
        error.starts_with("Could not import the committees from"),
        "{error}"
    );
    assert!(error.contains("HSFA[0].rank"), "{error}");
    assert!(error.ends_with("The committees you had stay."), "{error}");
    assert_eq!(harness.state().committees().unwrap().len(), 6);
}

#[test]
fn the_board_counts_each_status_by_party_and_by_state() {
    let mut harness = board();
    harness.get_by_label("By party and state").click();
    settle(&mut harness);
    // The grid's head row names every status, in the statuses' colours.
    assert!(harness.query_all_by_label("Lean no").next().is_some());
    let outreach = harness.state().document().outreach();
    let roster = &harness.state().roster().unwrap().roster;
    let members: Vec<_> = harness
        .state()
        .roster()
        .unwrap()
        .targets
        .iter()
        .filter_map(|t| roster.member(t.member))
        .collect();
    let by_state = signer_dashboard::outreach::count_by_status(
        &outreach,
        members.iter().map(|m| (m.state.code(), &*m.bioguide)),
    );
    // Clyburn (SC) asked; Adam Smith (WA) lean yes; Mike Rogers (AL) declined.
    assert_eq!(by_state["SC"][1], 1);
    assert_eq!(by_state["WA"][2], 1);
    assert_eq!(by_state["AL"][5], 1);
    let by_party = signer_dashboard::outreach::count_by_status(
        &outreach,
        members.iter().map(|m| (&*m.party, &*m.bioguide)),
    );
    assert_eq!(by_party["R"][5], 1, "Mike Rogers");
    let total: usize = by_party.values().flatten().sum();
    assert_eq!(total, 34, "every member not signed yet, once");
}
