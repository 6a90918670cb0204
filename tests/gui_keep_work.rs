//! Keeping the organiser's work, driven through the real window: saving, the unsaved-changes
//! question, a file changed by another program, undo and redo, the editing forms, crash
//! recovery and the restored session.
#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::gui::{
    FIRST_DEMAND, gui_fixture, harness_for, letter_copy, new_harness, settle, write_big_letter,
};
use eframe::App as _;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use signer_dashboard::gui::DashboardApp;
use signer_dashboard::gui::app::{PendingAction, Prompt};
use signer_dashboard::gui::command::{EditCommand, FileCommand};
use signer_dashboard::gui::document::Source;
use signer_dashboard::model::DemandStatus;
use signer_dashboard::save::backup_path;
use std::collections::HashMap;
use std::path::PathBuf;

fn tick_first_demand(harness: &mut Harness<'static, DashboardApp>) {
    harness.get_by_label(FIRST_DEMAND).click();
    harness.run_ok();
    assert!(harness.state().document().is_modified);
}

fn first_status(harness: &Harness<'static, DashboardApp>) -> DemandStatus {
    harness.state().document().letter.demands[0].status
}

#[test]
fn ctrl_s_saves_the_letter_to_its_file_with_a_backup_and_clears_the_mark() {
    let (_folder, path) = letter_copy();
    let original = std::fs::read(&path).unwrap();
    let mut harness = new_harness(Some(path.clone()));
    tick_first_demand(&mut harness);
    assert_eq!(
        harness.state().window_title(),
        "letter.json • — Signer Dashboard"
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    assert!(!harness.state().document().is_modified);
    assert_eq!(
        harness.state().window_title(),
        "letter.json — Signer Dashboard"
    );
    let saved = signer_dashboard::load::load_path(&path).unwrap().letter;
    assert_eq!(saved.demands[0].status, DemandStatus::Met);
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), original);
    assert_eq!(harness.state().settings().recent_files.first(), Some(&path));
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_them() {
    let mut harness = new_harness(None);
    tick_first_demand(&mut harness);
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run_ok();
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::Unsaved(PendingAction::Close))
    ));
    harness.get_by_label("Save the changes to Sample letter?");
    harness.get_by_label("Cancel").click();
    harness.run_ok();
    assert!(harness.state().prompt().is_none());
    assert!(harness.state().document().is_modified);
    assert_eq!(first_status(&harness), DemandStatus::Met);
}

#[test]
fn opening_another_file_with_unsaved_changes_asks_first() {
    let mut harness = new_harness(None);
    tick_first_demand(&mut harness);
    harness
        .state_mut()
        .apply(FileCommand::OpenPath(gui_fixture("three-signers.csv")));
    settle(&mut harness);
    assert_eq!(
        harness.state().document().source,
        Source::Sample,
        "nothing replaced the letter yet"
    );
    harness.get_by_label("Save the changes to Sample letter?");

    harness.get_by_label("Don't save").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().document().source,
        Source::File(gui_fixture("three-signers.csv"))
    );
    assert!(!harness.state().document().is_modified);
}

#[test]
fn dropping_a_file_with_unsaved_changes_asks_first() {
    let mut harness = new_harness(None);
    tick_first_demand(&mut harness);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(common::gui::DroppedPath(gui_fixture(
            "three-signers.csv",
        ))));
    harness.step();
    settle(&mut harness);
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::Unsaved(PendingAction::OpenPath(_)))
    ));
    assert_eq!(harness.state().document().source, Source::Sample);
}

#[test]
fn saving_over_a_file_another_program_changed_asks_and_reload_reads_it_again() {
    let (_folder, path) = letter_copy();
    let mut harness = new_harness(Some(path.clone()));
    tick_first_demand(&mut harness);
    let mut changed = signer_dashboard::load::load_path(&path).unwrap().letter;
    changed.info.title = "Changed by another program".into();
    signer_dashboard::save::save_letter(&path, &changed).unwrap();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::ChangedOnDisk)
    ));
    harness.get_by_label("letter.json was changed by another program");
    assert_eq!(
        signer_dashboard::load::load_path(&path)
            .unwrap()
            .letter
            .info
            .title,
        "Changed by another program"
    );

    harness.get_by_label("Reload (drop my changes)").click();
    settle(&mut harness);
    let document = harness.state().document();
    assert_eq!(document.letter.info.title, "Changed by another program");
    assert!(!document.is_modified);
    assert_eq!(document.letter.demands[0].status, DemandStatus::Open);
}

#[test]
fn undo_and_redo_restore_the_exact_state() {
    let mut harness = new_harness(None);
    let start = harness.state().document().letter.clone();
    tick_first_demand(&mut harness);
    harness.state_mut().apply(EditCommand::RemoveSigner(0));
    harness.run_ok();
    let edited = harness.state().document().letter.clone();
    assert_eq!(edited.signers.len(), 24);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_ok();
    assert_eq!(harness.state().document().letter, start);
    assert_eq!(harness.state().document().selection.rows.len(), 25);

    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run_ok();
    assert_eq!(harness.state().document().letter, edited);
    harness.get_by_label("24 signers · 21 D · 3 R · 3 leads");
}

#[test]
fn the_signer_form_checks_fields_as_you_type_and_adds_the_signer() {
    let mut harness = new_harness(None);
    harness.get_by_label("Add signer…").click();
    harness.run_ok();
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Name")
            .is_focused(),
        "the form opens ready to type"
    );
    type_into(&mut harness, "Name", "Adriano Espaillat");
    type_into(&mut harness, "Party", "Democrat");
    type_into(&mut harness, "State", "Californa");
    harness
        .get_by_label("expected a state or territory (NJ, New Jersey, N.J.), found \"Californa\"");
    assert!(
        harness
            .get_by_label("Save signer")
            .accesskit_node()
            .is_disabled()
    );

    for _ in 0.."Californa".len() {
        harness.key_press(egui::Key::Backspace);
    }
    harness.run_ok();
    type_into(&mut harness, "State", "N.Y.");
    type_into(&mut harness, "District", "13");
    harness.get_by_label("New York");
    assert!(
        !harness
            .get_by_label("Save signer")
            .accesskit_node()
            .is_disabled()
    );
    harness.get_by_label("Save signer").click();
    harness.run_ok();

    let letter = &harness.state().document().letter;
    assert_eq!(letter.signers.len(), 26);
    let added = letter.signers.last().unwrap();
    assert_eq!(added.name.as_ref(), "Adriano Espaillat");
    assert_eq!(letter.party_code(added), "D");
    assert_eq!(added.state.code(), "NY");
    assert_eq!(added.district, Some(13));
    harness.get_by_label("26 signers · 23 D · 3 R · 4 leads");
}

#[test]
fn the_demand_form_opens_ready_to_type_and_adds_the_demand_and_escape_closes_it() {
    let mut harness = new_harness(None);
    let demands = harness.state().document().letter.demands.len();
    harness.get_by_label("Add demand…").click();
    harness.run_ok();
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Demand")
            .is_focused(),
        "the form opens ready to type"
    );
    assert!(
        harness
            .get_by_label("Save demand")
            .accesskit_node()
            .is_disabled(),
        "a demand needs its text"
    );
    type_into(&mut harness, "Demand", "Hold a hearing on Artsakh");
    harness.get_by_label("Save demand").click();
    harness.run_ok();
    let letter = &harness.state().document().letter;
    assert_eq!(letter.demands.len(), demands + 1);
    assert_eq!(
        letter.demands.last().unwrap().text,
        "Hold a hearing on Artsakh"
    );
    assert!(
        harness.query_by_label("Save demand").is_none(),
        "the form closed"
    );

    // Escape closes the form without adding anything.
    harness.get_by_label("Add demand…").click();
    harness.run_ok();
    type_into(&mut harness, "Demand", "Not this one");
    harness.key_press(egui::Key::Escape);
    harness.run_ok();
    assert!(harness.query_by_label("Save demand").is_none());
    assert_eq!(harness.state().document().letter.demands.len(), demands + 1);
}

/// Clicks the text box labelled `label` and types `text` into it, letting the form lay out again.
fn type_into(harness: &mut Harness<'static, DashboardApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .click();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run_ok();
}

/// A data folder for the recovery file, shared by two runs of the app.
fn app_with_data(folder: &tempfile::TempDir) -> DashboardApp {
    DashboardApp::new(&egui::Context::default(), None, None)
        .with_data_dir(Some(folder.path().to_path_buf()))
}

#[test]
fn unsaved_changes_are_offered_back_after_a_crash() {
    let data = tempfile::tempdir().unwrap();
    {
        let mut harness = harness_for(app_with_data(&data));
        tick_first_demand(&mut harness);
        harness.state_mut().write_recovery_now(0.0);
        // The app "crashes": no save, no clean exit.
    }
    let mut harness = harness_for(app_with_data(&data));
    assert!(matches!(harness.state().prompt(), Some(Prompt::Restore(_))));
    harness.get_by_label("Restore unsaved changes?");
    harness.get_by_label("Restore").click();
    harness.run_ok();
    assert_eq!(first_status(&harness), DemandStatus::Met);
    assert!(harness.state().document().is_modified);
    harness.get_by_label("1 of 16 met");
}

#[test]
fn discarding_the_recovered_changes_removes_them_for_good() {
    let data = tempfile::tempdir().unwrap();
    {
        let mut harness = harness_for(app_with_data(&data));
        tick_first_demand(&mut harness);
        harness.state_mut().write_recovery_now(0.0);
    }
    let mut harness = harness_for(app_with_data(&data));
    harness.get_by_label("Discard them").click();
    harness.run_ok();
    assert_eq!(first_status(&harness), DemandStatus::Open);
    let harness = harness_for(app_with_data(&data));
    assert!(harness.state().prompt().is_none());
}

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn the_next_start_reopens_the_last_letter_with_its_filters() {
    let (_folder, path) = letter_copy();
    let mut storage = MemoryStorage::default();
    {
        let mut harness = new_harness(Some(path.clone()));
        harness.get_by_label("R  Republican").click();
        harness.run_ok();
        harness.state_mut().save(&mut storage);
    }
    let app = DashboardApp::new(&egui::Context::default(), Some(&storage), None);
    let harness = harness_for(app);
    assert_eq!(
        harness.state().document().source,
        Source::File(path.clone())
    );
    assert_eq!(harness.state().document().selection.rows.len(), 3);
    harness.get_by_label("Showing 3 of 25 signers · 3 R · 2 leads");

    std::fs::remove_file(&path).unwrap();
    let harness = harness_for(DashboardApp::new(
        &egui::Context::default(),
        Some(&storage),
        None,
    ));
    assert_eq!(harness.state().document().source, Source::Sample);
    let status = harness.state().status().unwrap();
    assert!(
        status.contains("is no longer there; showing the sample letter"),
        "{status}"
    );
}

/// A letter file large enough that reading it takes a while: `count` signers.
fn big_letter(folder: &tempfile::TempDir, count: usize) -> PathBuf {
    write_big_letter(folder, "big.json", "A big petition", count, |i| {
        format!(
            r#"{{"name": "Signer Number {i}", "party": "D", "state": "CA", "chamber": "house", "district": 12}}"#
        )
    })
}

#[test]
fn a_big_file_shows_its_progress_and_cancel_keeps_the_open_letter() {
    let folder = tempfile::tempdir().unwrap();
    let path = big_letter(&folder, 400_000);
    let mut harness = new_harness(None);
    harness.state_mut().apply(FileCommand::OpenPath(path));
    harness.step();
    harness.get_by_label_contains("Reading big.json");
    harness.get_by_label("Cancel").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().document().source,
        Source::Sample,
        "the sample stays open"
    );
    assert_eq!(
        harness.state().status(),
        Some(
            format!(
                "Stopped opening {}",
                folder.path().join("big.json").display()
            )
            .as_str()
        )
    );
    assert!(harness.state().error().is_none());
}

#[test]
fn a_big_letter_keeps_its_recovery_copy_and_saves_from_threads_without_losing_edits() {
    use signer_dashboard::gui::session::{read_recovery, recovery_path};
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let path = big_letter(&folder, 30_000);
    let app = DashboardApp::new(&egui::Context::default(), None, Some(path.clone()))
        .with_data_dir(Some(data.path().to_path_buf()));
    let mut harness = harness_for(app);
    assert_eq!(harness.state().document().letter.signers.len(), 30_000);
    harness.state_mut().apply(EditCommand::ChooseMember {
        signer: 29_999,
        bioguide: "X000001".to_owned(),
    });
    // The next frame starts the copy on a thread; the window goes on drawing meanwhile.
    let mut waited = 0;
    while !recovery_path(data.path()).exists() {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
        waited += 1;
        assert!(waited < 500, "the recovery copy was not written");
    }
    // The copy is renamed into place whole, so once it is there it reads.
    let recovery = read_recovery(data.path()).unwrap().unwrap();
    assert_eq!(recovery.source.as_deref(), Some(path.as_path()));
    assert_eq!(recovery.letter.signers.len(), 30_000);
    assert_eq!(
        recovery.letter.signers[29_999].bioguide.as_deref(),
        Some("X000001")
    );
    // A big letter is saved on a thread too; an edit made meanwhile stays unsaved.
    let saved = folder.path().join("saved.json");
    harness
        .state_mut()
        .apply(FileCommand::SaveTo(saved.clone()));
    assert!(harness.state().status().unwrap().starts_with("Saving "));
    harness.state_mut().apply(EditCommand::ChooseMember {
        signer: 0,
        bioguide: "X000002".to_owned(),
    });
    settle(&mut harness);
    assert!(saved.exists());
    assert!(harness.state().document().is_modified);
    assert!(
        harness
            .state()
            .status()
            .unwrap()
            .ends_with("changes made while saving are not saved yet")
    );
    // Saved again with nothing changing meanwhile: saved, and the recovery copy is gone.
    harness
        .state_mut()
        .apply(FileCommand::SaveTo(saved.clone()));
    settle(&mut harness);
    assert!(!harness.state().document().is_modified);
    assert_eq!(
        harness.state().status(),
        Some(format!("Saved {}", saved.display()).as_str())
    );
    assert!(
        !recovery_path(data.path()).exists(),
        "saving removes the recovery copy"
    );
    let reread = signer_dashboard::load::load_path(&saved).unwrap();
    assert_eq!(
        reread.letter.signers[0].bioguide.as_deref(),
        Some("X000002")
    );
    assert_eq!(
        reread.letter.signers[29_999].bioguide.as_deref(),
        Some("X000001")
    );
}
