//! Issue 16 §1: unsaved changes kept after a crash are offered first on every way of
//! starting (a file's path, a dropped file, the last session), and are never removed until
//! the user chose *Restore* or *Discard them*.
#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::gui::{FIRST_DEMAND, gui_fixture, harness_for, letter_copy, settle};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use signer_dashboard::gui::DashboardApp;
use signer_dashboard::gui::app::{PendingAction, Prompt};
use signer_dashboard::gui::document::Source;
use signer_dashboard::gui::session::{local_time, read_recovery, recovery_path};
use signer_dashboard::model::DemandStatus;
use std::path::Path;

/// The app with a data folder, started as `signer-dashboard [file]` would start it.
fn start(data: &Path, file: Option<&Path>) -> Harness<'static, DashboardApp> {
    let app = DashboardApp::new(&egui::Context::default(), None, file.map(Path::to_path_buf))
        .with_data_dir(Some(data.to_path_buf()));
    harness_for(app)
}

/// Runs the app on `file`, ticks the first demand, keeps the recovery copy and "crashes".
fn crash_with_a_ticked_demand(data: &Path, file: Option<&Path>) {
    let mut harness = start(data, file);
    harness.get_by_label(FIRST_DEMAND).click();
    harness.run_ok();
    assert!(harness.state().document().is_modified);
    harness.state_mut().write_recovery_now(0.0);
    assert!(recovery_path(data).exists());
}

fn first_status(harness: &Harness<'static, DashboardApp>) -> DemandStatus {
    harness.state().document().letter.demands[0].status
}

/// Steps the app long enough for any file it started to open to be read and shown.
fn run_a_while(harness: &mut Harness<'static, DashboardApp>) {
    for _ in 0..20 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    settle(harness);
}

#[test]
fn started_by_the_files_path_the_kept_changes_are_offered_and_kept_until_answered() {
    let data = tempfile::tempdir().unwrap();
    let (_folder, path) = letter_copy();
    crash_with_a_ticked_demand(data.path(), Some(&path));

    // Double-click, or *Open with*: the same file by its path.
    let mut harness = start(data.path(), Some(&path));
    run_a_while(&mut harness);
    assert!(matches!(harness.state().prompt(), Some(Prompt::Restore(_))));
    assert!(
        recovery_path(data.path()).exists(),
        "the kept changes were removed before the user answered"
    );
    harness.get_by_label("Restore").click();
    harness.run_ok();
    run_a_while(&mut harness);
    assert_eq!(first_status(&harness), DemandStatus::Met);
    assert_eq!(
        harness.state().document().source,
        Source::File(path.clone())
    );
    assert!(harness.state().document().is_modified);
    assert!(
        harness.state().prompt().is_none(),
        "the same file asks nothing more"
    );
    assert!(
        recovery_path(data.path()).exists(),
        "restored changes stay kept until they are saved"
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    let saved = signer_dashboard::load::load_path(&path).unwrap().letter;
    assert_eq!(saved.demands[0].status, DemandStatus::Met);
    assert!(
        !recovery_path(data.path()).exists(),
        "saving removes the kept copy"
    );
}

#[test]
fn discarding_them_opens_the_file_that_was_asked_for() {
    let data = tempfile::tempdir().unwrap();
    let (_folder, path) = letter_copy();
    // The changes belong to the sample letter; the app is started on another file.
    crash_with_a_ticked_demand(data.path(), None);
    let mut harness = start(data.path(), Some(&gui_fixture("three-signers.csv")));
    run_a_while(&mut harness);
    assert!(matches!(harness.state().prompt(), Some(Prompt::Restore(_))));
    assert_eq!(harness.state().document().source, Source::Sample);
    assert!(recovery_path(data.path()).exists());

    harness.get_by_label("Discard them").click();
    harness.run_ok();
    run_a_while(&mut harness);
    assert!(!recovery_path(data.path()).exists());
    assert_eq!(
        harness.state().document().source,
        Source::File(gui_fixture("three-signers.csv"))
    );
    drop(path);
}

#[test]
fn a_file_dropped_while_they_are_offered_waits_and_then_asks_about_the_restored_changes() {
    let data = tempfile::tempdir().unwrap();
    crash_with_a_ticked_demand(data.path(), None);
    let mut harness = start(data.path(), None);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(common::gui::DroppedPath(gui_fixture(
            "three-signers.csv",
        ))));
    run_a_while(&mut harness);
    assert!(matches!(harness.state().prompt(), Some(Prompt::Restore(_))));
    assert!(recovery_path(data.path()).exists());
    assert_eq!(harness.state().document().source, Source::Sample);

    harness.get_by_label("Restore").click();
    harness.run_ok();
    assert_eq!(first_status(&harness), DemandStatus::Met);
    // The dropped file is not opened over the restored changes without asking.
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::Unsaved(PendingAction::OpenPath(_)))
    ));
    assert!(recovery_path(data.path()).exists());
}

#[test]
fn the_prompt_says_when_they_were_kept_in_local_time() {
    let data = tempfile::tempdir().unwrap();
    crash_with_a_ticked_demand(data.path(), None);
    let saved_at = read_recovery(data.path()).unwrap().unwrap().saved_at;
    let harness = start(data.path(), None);
    let shown = local_time(&saved_at);
    assert_ne!(shown, saved_at, "shown as a person reads a time");
    assert!(shown.contains(" at "), "{shown}");
    harness.get_by_label_contains(&format!("kept at {shown}."));
}

#[test]
fn an_unreadable_recovery_file_is_set_aside_not_lost() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(recovery_path(data.path()), b"{\"letter\": [cut short").unwrap();
    let harness = start(data.path(), None);
    let error = harness.state().error().unwrap().to_owned();
    assert!(
        error.contains("Could not read the unsaved changes"),
        "{error}"
    );
    assert!(error.contains("The file is kept as"), "{error}");
    let kept: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.starts_with("recovery-unreadable-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        std::fs::read(data.path().join(&kept[0])).unwrap(),
        b"{\"letter\": [cut short"
    );
}
