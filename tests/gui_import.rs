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
use signer_dashboard::gui::command::{EditCommand, ImportCommand};
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
    harness.state_mut().apply(ImportCommand::ReadFile(seed()));
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
    harness.state_mut().apply(ImportCommand::ReadFile(seed()));
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
    harness.state_mut().apply(ImportCommand::ReadFile(path));
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

    harness.state_mut().apply(EditCommand::Undo);
    harness.run_ok();
    assert_eq!(harness.state().document().letter.signers.len(), 25);
}

#[test]
fn a_text_naming_more_members_than_listed_says_so_with_grouped_counts() {
    // Names of letters only, each different: "Rep. Anne Bxxxx (D-CA)".
    let surname = |mut n: usize| {
        let mut word = String::from("B");
        for _ in 0..4 {
            word.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
        }
        word
    };
    let listed = signer_dashboard::extract::MAX_FOUND;
    let names: Vec<String> = (0..listed + 5)
        .map(|n| format!("Rep. Anne {} (D-CA)", surname(n)))
        .collect();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("long.txt");
    std::fs::write(&path, format!("Signed by {}.\n", names.join(", "))).unwrap();
    let mut harness = new_harness(None);
    harness.state_mut().apply(ImportCommand::ReadFile(path));
    harness.run_ok();
    harness.get_by_label("10,000 found · 10,000 to add · 0 leads");
    harness
        .get_by_label("The text names more than 10,000 members; only the first 10,000 are listed.");
    harness.get_by_label("Accept 10,000 signers");
}

#[test]
fn the_import_window_opens_empty_for_pasting() {
    let mut harness = new_harness(None);
    harness.state_mut().apply(ImportCommand::Open);
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

/// Every name in the review table, with its cell's width, scrolling the table to its end.
fn name_cells(harness: &mut Harness<'static, DashboardApp>) -> Vec<(String, f32)> {
    let mut cells: Vec<(String, f32)> = Vec::new();
    for _ in 0..20 {
        let before = cells.len();
        for node in harness.query_all_by_label_contains("Name of ") {
            let name = node.value().unwrap_or_default();
            if !cells.iter().any(|(seen, _)| *seen == name) {
                cells.push((name, node.rect().width()));
            }
        }
        if cells.len() == before && before > 0 {
            break;
        }
        if let Some(last) = harness.query_all_by_label_contains("Name of ").last() {
            last.scroll_down();
        }
        harness.run_ok();
    }
    cells
}

#[test]
fn every_name_in_the_review_table_has_room_for_its_text_at_laptop_sizes() {
    for size in [[1280.0, 800.0], [1024.0, 640.0]] {
        let mut harness = common::gui::new_harness_at(size);
        harness.state_mut().apply(ImportCommand::ReadFile(seed()));
        harness.run_ok();
        harness.get_by_label("25 found · 25 to add · 4 leads");
        let font = egui::TextStyle::Body.resolve(&harness.ctx.global_style());
        let cells = name_cells(&mut harness);
        assert_eq!(cells.len(), 25, "at {size:?} every row is reachable");
        for (name, width) in cells {
            let text = harness
                .ctx
                .fonts_mut(|f| f.layout_no_wrap(name.clone(), font.clone(), egui::Color32::WHITE))
                .size()
                .x;
            // The box's frame and margins take 4 points each side besides the text.
            assert!(
                width >= text + 8.0,
                "at {size:?} the cell of {name} is {width} wide for a text of {text}"
            );
        }
    }
}

#[test]
fn a_name_being_edited_shows_all_of_it() {
    let mut harness = new_harness(None);
    harness.state_mut().apply(ImportCommand::ReadFile(seed()));
    harness.run_ok();
    let before = harness.get_by_label("Name of Gabe Amo").rect().width();
    harness.get_by_label("Name of Gabe Amo").click();
    harness.run_ok();
    let longer = " of the Rhode Island First District, Providence";
    harness.get_by_label("Name of Gabe Amo").type_text(longer);
    harness.run_ok();
    let cell = harness.get_by_label("Name of Gabe Amo");
    let value = cell.value().unwrap();
    assert!(
        value.ends_with("Providence"),
        "typed into the cell: {value}"
    );
    let font = egui::TextStyle::Body.resolve(&harness.ctx.global_style());
    let text = harness
        .ctx
        .fonts_mut(|f| f.layout_no_wrap(value.clone(), font, egui::Color32::WHITE))
        .size()
        .x;
    let width = cell.rect().width();
    assert!(width > before, "the cell grew from {before} to {width}");
    assert!(
        width >= text + 8.0,
        "the cell is {width} wide for a text of {text}"
    );
}
