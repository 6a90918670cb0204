//! File ▸ Import signers from text, driven through the window: the seed article's signers
//! are found, reviewed, corrected and taken into a new letter or the open one.
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
use egui_kittest::kittest::{NodeT as _, Queryable};
use signer_dashboard::gui::DashboardApp;
use signer_dashboard::gui::command::Command;
use signer_dashboard::gui::document::Source;
use signer_dashboard::model::Role;
use std::path::PathBuf;

fn seed() -> PathBuf {
    repo_root().join("tests/fixtures/extract/armenian-caucus-2025-04-08.txt")
}

fn names(harness: &Harness<'static, DashboardApp>) -> Vec<String> {
    harness
        .state()
        .document()
        .letter
        .signers
        .iter()
        .map(|s| s.name.to_string())
        .collect()
}

#[test]
fn the_seed_article_becomes_a_new_letter_of_its_25_signers() {
    let mut harness = new_harness(None);
    harness.state_mut().apply(Command::ImportTextFrom(seed()));
    harness.run_ok();
    harness.get_by_label("25 found · 25 to add · 4 leads");
    harness.get_by_label("Start a new letter").click();
    harness.run_ok();
    harness.get_by_label("Accept 25 signers").click();
    settle(&mut harness);

    let document = harness.state().document();
    assert_eq!(document.source, Source::New);
    assert!(document.is_modified, "a new letter is unsaved");
    let letter = &document.letter;
    assert_eq!(letter.signers.len(), 25);
    assert_eq!(
        letter
            .signers
            .iter()
            .filter(|s| s.role == Role::Lead)
            .count(),
        4
    );
    assert_eq!(
        letter.info.date.map(|d| d.to_string()).as_deref(),
        Some("2025-04-08")
    );
    for recipient in ["Marco Rubio", "Michael Waltz", "Aram Hamparian"] {
        assert!(
            !names(&harness).iter().any(|n| n.contains(recipient)),
            "{recipient} is not a signer"
        );
    }
    harness.get_by_label("25 signers · 22 D · 3 R · 4 leads");
    assert_eq!(
        harness.state().window_title(),
        "New letter • — Signer Dashboard"
    );
}

#[test]
fn dropped_and_corrected_rows_are_taken_as_reviewed() {
    let mut harness = new_harness(None);
    harness.state_mut().apply(Command::ImportTextFrom(seed()));
    harness.run_ok();
    harness.get_by_label("Add Mike Lawler").click();
    harness.run_ok();
    harness.get_by_label("25 found · 24 to add · 4 leads");
    harness.get_by_label("Start a new letter").click();
    harness.run_ok();
    harness.get_by_label("Accept 24 signers").click();
    settle(&mut harness);
    let names = names(&harness);
    assert_eq!(names.len(), 24);
    assert!(!names.iter().any(|n| n == "Mike Lawler"));
}

#[test]
fn pasted_text_adds_only_new_signers_to_the_open_letter_and_undo_takes_them_back() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("update.txt");
    std::fs::write(
        &path,
        "The letter was later co-signed by Reps. Frank Pallone (D-NJ) and Adriano Espaillat (D-NY).\n",
    )
    .unwrap();
    let mut harness = new_harness(None);
    harness.state_mut().apply(Command::ImportTextFrom(path));
    harness.run_ok();
    harness.get_by_label("2 found · 2 to add · 0 leads");
    harness.get_by_label("Accept 2 signers").click();
    harness.run_ok();
    assert_eq!(
        harness.state().document().source,
        Source::Sample,
        "added to the open letter"
    );
    assert_eq!(harness.state().document().letter.signers.len(), 26);
    assert_eq!(
        harness.state().status(),
        Some("Added 1 signer; 1 already listed")
    );
    assert_eq!(
        names(&harness).last().map(String::as_str),
        Some("Adriano Espaillat")
    );

    harness.state_mut().apply(Command::Undo);
    harness.run_ok();
    assert_eq!(harness.state().document().letter.signers.len(), 25);
}

#[test]
fn the_import_window_opens_empty_for_pasting() {
    let mut harness = new_harness(None);
    harness.state_mut().apply(Command::ImportFromText);
    harness.run_ok();
    harness.get_by_label("Paste text on the left and press Find signers.");
    assert!(
        harness
            .get_by_label("Accept 0 signers")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn dropping_a_press_release_opens_it_in_the_import_window() {
    let release = repo_root().join("tests/fixtures/extract/markdown-release.md");
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            repo_root().join("tests/fixtures/extract/markdown-release.expected.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let count = expected["signers"]
        .as_array()
        .or_else(|| expected.as_array())
        .unwrap()
        .len();
    let mut harness = new_harness(None);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(common::gui::DroppedPath(release)));
    harness.step();
    settle(&mut harness);
    assert_eq!(
        harness.state().document().source,
        Source::Sample,
        "the letter stays open"
    );
    harness.get_by_label_contains(&format!("{count} found · {count} to add"));
}
