//! The window, driven through egui_kittest: widgets are found by their labels, clicked and
//! typed into, and the assertions read the app's real state.
#![cfg(feature = "gui")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::gui::{DroppedPath, gui_fixture as fixture, new_harness, settle, write_big_letter};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use signer_dashboard::export::ExportFormat;
use signer_dashboard::gui::DashboardApp;
use signer_dashboard::gui::command::ExportKind;
use signer_dashboard::gui::command::{ExportCommand, FileCommand, FilterCommand};
use signer_dashboard::gui::document::Source;
use signer_dashboard::gui::worker::{Outcome, Worker};
use std::time::Duration;

fn shown_names(harness: &Harness<'static, DashboardApp>) -> Vec<String> {
    let document = harness.state().document();
    document
        .selection
        .rows
        .iter()
        .map(|&i| document.letter.signers[i as usize].name.to_string())
        .collect()
}

#[test]
fn the_sample_letter_shows_all_25_signers() {
    let harness = new_harness(None);
    assert_eq!(harness.state().document().source, Source::Sample);
    assert_eq!(harness.state().document().selection.rows.len(), 25);
    harness.get_by_label("25 signers · 22 D · 3 R · 4 leads");
    harness.get_by_label("Frank Pallone");
    harness.get_by_label("0 of 16 met");
    assert_eq!(
        harness.state().window_title(),
        "Sample letter — Signer Dashboard"
    );
}

#[test]
fn the_republican_filter_leaves_three_rows_and_the_header_and_charts_follow() {
    let mut harness = new_harness(None);
    harness.get_by_label("R  Republican").click();
    harness.run_ok();
    let document = harness.state().document();
    assert_eq!(
        harness.state().filter().parties.iter().collect::<Vec<_>>(),
        ["R"]
    );
    assert_eq!(document.selection.rows.len(), 3);
    assert_eq!(
        shown_names(&harness),
        ["David Valadao", "Gus Bilirakis", "Mike Lawler"]
    );
    harness.get_by_label("Showing 3 of 25 signers · 3 R · 2 leads");
    // The charts and the map draw from the selection's tally.
    let tally = &document.selection.tally;
    let parties: Vec<&str> = tally
        .parties_by_count()
        .iter()
        .map(|(p, _)| document.letter.parties.code(*p))
        .collect();
    assert_eq!(parties, ["R"]);
    harness.get_by_label("California (CA): 1 signer");
    harness.get_by_label("Florida (FL): 1 signer");
    // The count beside D still says how many the view would show with D ticked too.
    assert_eq!(
        document
            .selection
            .facets
            .party(signer_dashboard::model::Party::D),
        22
    );

    harness.get_by_label("Clear filters").click();
    harness.run_ok();
    assert_eq!(harness.state().document().selection.rows.len(), 25);
}

#[test]
fn searching_sanchez_finds_linda_sanchez() {
    let mut harness = new_harness(None);
    harness.get_by_label("Search names").click();
    harness.run_ok();
    harness.get_by_label("Search names").type_text("sanchez");
    harness.run_ok();
    assert_eq!(shown_names(&harness), ["Linda Sánchez"]);
    harness.get_by_label("Showing 1 of 25 signers · 1 D · 0 leads");

    // Esc in the search box clears it.
    harness.key_press(egui::Key::Escape);
    harness.run_ok();
    assert_eq!(harness.state().filter().search, "");
    assert_eq!(harness.state().document().selection.rows.len(), 25);
}

#[test]
fn ctrl_f_focuses_the_search_box() {
    let mut harness = new_harness(None);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_ok();
    harness.get_by_label("Name").type_text("chu");
    harness.run_ok();
    assert_eq!(shown_names(&harness), ["Judy Chu"]);
}

#[test]
fn clicking_a_map_tile_filters_to_that_state_and_clicking_again_clears_it() {
    let mut harness = new_harness(None);
    harness.get_by_label("California (CA): 9 signers").click();
    harness.run_ok();
    assert_eq!(
        harness.state().filter().states.iter().collect::<Vec<_>>(),
        ["CA"]
    );
    assert_eq!(harness.state().document().selection.rows.len(), 9);
    harness.get_by_label("Showing 9 of 25 signers · 8 D · 1 R · 2 leads");

    harness.get_by_label("California (CA): 9 signers").click();
    harness.run_ok();
    assert!(harness.state().filter().states.is_empty());
    assert_eq!(harness.state().document().selection.rows.len(), 25);
}

#[test]
fn ticking_a_demand_changes_the_progress_and_marks_the_letter_modified() {
    let mut harness = new_harness(None);
    assert!(!harness.state().document().is_modified);
    harness
        .get_by_label(
            "Met: Secure Azerbaijan's release of the Armenian prisoners, hostages and captives it holds illegally",
        )
        .click();
    harness.run_ok();
    harness.get_by_label("1 of 16 met");
    let document = harness.state().document();
    assert!(document.is_modified);
    let prisoners = document
        .letter
        .demands
        .iter()
        .find(|d| d.id == "release-prisoners")
        .unwrap();
    assert_eq!(prisoners.status, signer_dashboard::model::DemandStatus::Met);
    assert_eq!(
        harness.state().window_title(),
        "Sample letter • — Signer Dashboard"
    );
}

#[test]
fn opening_a_broken_file_shows_the_error_and_keeps_the_sample_open() {
    let mut harness = new_harness(None);
    harness
        .state_mut()
        .apply(signer_dashboard::gui::command::FileCommand::OpenPath(
            fixture("broken.json"),
        ));
    settle(&mut harness);
    let error = harness.state().error().expect("an error banner").to_owned();
    assert!(error.starts_with("Could not open broken.json"), "{error}");
    assert!(error.contains("broken.json:4:"), "{error}");
    assert!(error.contains("signers[0].district"), "{error}");
    assert!(error.contains("\"twelve\""), "{error}");
    assert_eq!(harness.state().document().source, Source::Sample);
    assert_eq!(harness.state().document().selection.rows.len(), 25);
    harness.get_by_label("The letter you had open is still open.");

    harness.get_by_label("Dismiss").click();
    harness.run_ok();
    assert!(harness.state().error().is_none());
}

#[test]
fn a_file_on_the_command_line_opens_in_the_window() {
    let harness = new_harness(Some(fixture("three-signers.csv")));
    assert_eq!(
        harness.state().document().source,
        Source::File(fixture("three-signers.csv"))
    );
    harness.get_by_label("3 signers · 1 D · 1 R · 1 I · 1 lead");
    assert_eq!(
        harness.state().window_title(),
        "three-signers.csv — Signer Dashboard"
    );
}

#[test]
fn the_path_field_takes_the_keyboard_so_a_typed_path_and_enter_open_it() {
    // File ▸ Open path…, and the field shown when there is no file dialog: the user types
    // at once, without clicking into the field first.
    let mut harness = new_harness(None);
    harness.state_mut().apply(FileCommand::OpenPathField);
    harness.run_ok();
    assert!(harness.state().is_path_field_open());
    let path = fixture("three-signers.csv");
    harness.event(egui::Event::Text(path.display().to_string()));
    harness.run_ok();
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert!(!harness.state().is_path_field_open());
    assert_eq!(harness.state().document().source, Source::File(path));
    assert_eq!(
        shown_names(&harness),
        ["Ada Lovelace", "Charles Babbage", "Mary Somerville"]
    );
}

#[test]
fn a_demands_source_is_shown_whole_on_lines_of_its_own() {
    // At 1280x800 it used to share a line with the status and buttons, cut to
    // "The letter; also…" in small type.
    let harness = new_harness(None);
    let source = harness.get_by_label(
        "Source: The letter; also ANCA statement (Aram Hamparian) and ANCA Advocacy Days advocates",
    );
    let rect = source.rect();
    let status = harness.get_all_by_label("Status: Secure Azerbaijan's release of the Armenian prisoners, hostages and captives it holds illegally").next().unwrap().rect();
    let one_line = harness
        .get_all_by_label("Source: The letter")
        .next()
        .unwrap()
        .rect();
    assert!(
        rect.height() > 1.5 * one_line.height(),
        "wrapped over lines: {rect:?} against {one_line:?}"
    );
    assert!(
        rect.max.y <= status.min.y,
        "above the status row: {rect:?} {status:?}"
    );
    assert!(rect.max.x <= 1280.0, "inside the window: {rect:?}");
}

#[test]
fn dropping_a_file_on_the_window_opens_it() {
    let mut harness = new_harness(None);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(fixture(
            "three-signers.csv",
        ))));
    harness.step();
    settle(&mut harness);
    assert_eq!(
        harness.state().document().source,
        Source::File(fixture("three-signers.csv"))
    );
    assert_eq!(
        shown_names(&harness),
        ["Ada Lovelace", "Charles Babbage", "Mary Somerville"]
    );
    harness.get_by_label("Mary Somerville");
}

#[test]
fn sorting_by_name_orders_by_surname_and_a_second_click_reverses_it() {
    let mut harness = new_harness(None);
    let names = |harness: &mut Harness<'static, DashboardApp>| -> Vec<String> {
        let order = harness.state_mut().table_order().to_vec();
        let letter = &harness.state().document().letter;
        order
            .iter()
            .map(|&i| letter.signers[i as usize].name.to_string())
            .collect()
    };
    assert_eq!(names(&mut harness)[0], "Frank Pallone", "file order first");
    harness.get_by_label("Name").click();
    harness.run_ok();
    let ascending = names(&mut harness);
    assert_eq!(ascending[..3], ["Gabe Amo", "Gus Bilirakis", "Judy Chu"]);
    assert_eq!(ascending.last().map(String::as_str), Some("David Valadao"));
    harness.get_by_label("Name ⬆").click();
    harness.run_ok();
    let descending = names(&mut harness);
    assert_eq!(descending[0], "David Valadao");
    harness.get_by_label("Name ⬇");
}

#[test]
fn default_view_snapshot() {
    let mut harness = new_harness(None);
    harness.run_ok();
    harness.snapshot("default_view");
}

#[test]
fn exporting_the_html_report_writes_the_file_and_says_where() {
    let mut harness = new_harness(None);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("report.html");
    harness.get_by_label("R  Republican").click();
    harness.run_ok();
    harness.state_mut().apply(ExportCommand::WriteTo(
        ExportKind::Data(ExportFormat::Html),
        path.clone(),
    ));
    settle(&mut harness);
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(
        html.contains("Armenian Caucus letter"),
        "the report carries the title"
    );
    assert!(
        html.contains("Mike Lawler") && !html.contains("Frank Pallone"),
        "only the filtered signers"
    );
    let status = harness.state().status().unwrap().to_owned();
    assert_eq!(
        status,
        format!("Exported HTML report to {}", path.display())
    );
    assert!(harness.state().error().is_none());
}

#[test]
fn an_export_to_a_folder_that_does_not_exist_says_so_and_the_app_goes_on() {
    let mut harness = new_harness(None);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("no-such-folder").join("signers.csv");
    harness.state_mut().apply(ExportCommand::WriteTo(
        ExportKind::Data(ExportFormat::Csv),
        path.clone(),
    ));
    settle(&mut harness);
    let error = harness.state().error().expect("an error banner").to_owned();
    assert!(
        error.starts_with("Could not export the Signers CSV"),
        "{error}"
    );
    assert!(error.contains("no-such-folder"), "{error}");
    assert!(!path.exists());
    assert_eq!(harness.state().document().selection.rows.len(), 25);
}

#[test]
fn the_picture_export_writes_a_png_of_the_screenshot() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("dashboard.png");
    let mut worker = Worker::new(egui::Context::default());
    let write = worker.screenshot_writer(path.clone());
    write(std::sync::Arc::new(egui::ColorImage::filled(
        [40, 30],
        egui::Color32::from_rgb(37, 99, 235),
    )));
    let mut outcomes = Vec::new();
    for _ in 0..500 {
        outcomes.extend(worker.poll());
        if !worker.is_busy() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(matches!(outcomes.as_slice(), [Outcome::Written { result: Ok(p), .. }] if *p == path));
    let png = std::fs::read(&path).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (40, 30));
}

/// A letter of `count` signers with varied names, parties and states.
fn varied_letter(folder: &tempfile::TempDir, count: usize) -> std::path::PathBuf {
    let surnames = [
        "Álvarez",
        "baker",
        "Chen",
        "Ødegård",
        "Zhou",
        "Nguyễn",
        "O'Brien",
    ];
    let (parties, states) = (["D", "R", "I"], ["CA", "TX", "NY", "PR", "DC", "WY"]);
    write_big_letter(folder, "many.json", "Many signers", count, |i| {
        let surname = surnames[(i * 7919) % surnames.len()];
        let party = parties[(i * 31) % parties.len()];
        let state = states[(i * 17) % states.len()];
        format!(
            r#"{{"name": "Person {} {surname}", "party": "{party}", "state": "{state}", "chamber": "house", "district": {}}}"#,
            (i * 104_729) % count,
            i % 50
        )
    })
}

#[test]
fn a_big_letter_sorts_in_the_background_and_filters_keep_the_order() {
    use signer_dashboard::order::{Order, SortColumn, sort_order};
    let folder = tempfile::tempdir().unwrap();
    let path = varied_letter(&folder, 30_000);
    let mut harness = new_harness(Some(path));
    assert_eq!(harness.state().document().letter.signers.len(), 30_000);
    harness.get_by_label("Name").click();
    // One frame takes the click, the next starts the sort.
    harness.step();
    harness.step();
    assert!(
        harness.state().is_table_sorting(),
        "30,000 signers sort off the UI thread"
    );
    let file_order = harness.state().document().selection.rows.clone();
    assert_eq!(
        harness.state_mut().table_order(),
        file_order,
        "the file's order shows until the sort is done"
    );
    settle(&mut harness);
    assert!(!harness.state().is_table_sorting());
    let document = harness.state().document();
    let by_name = sort_order(&document.letter, &document.index, SortColumn::Name, true);
    assert_eq!(harness.state_mut().table_order(), by_name);
    harness.get_by_label("Name ⬆");

    // A filter picks its rows out of the sorted order: no new sort.
    harness
        .state_mut()
        .apply(FilterCommand::ToggleParty("R".into()));
    harness.step();
    assert!(!harness.state().is_table_sorting());
    let document = harness.state().document();
    let expected = Order::new(by_name.clone()).pick(&document.selection.rows);
    let letter = std::sync::Arc::clone(&document.letter);
    let shown = harness.state_mut().table_order().to_vec();
    assert_eq!(shown, expected);
    assert_eq!(shown.len(), 10_000);
    assert!(
        shown
            .iter()
            .all(|&i| letter.party_code(&letter.signers[i as usize]) == "R")
    );
}
