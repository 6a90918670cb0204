//! The window at the three sizes people use (a 1024×640 laptop, 1280×800, 1920×1080), in
//! the dark and the light theme: a snapshot of each, and checks that what must be reachable
//! at each size is.
#![cfg(feature = "gui")]
#![expect(clippy::indexing_slicing, reason = "a test fails by panicking")]

mod common;

use common::gui::{new_harness_at, settle};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use signer_dashboard::gui::command::{CentralTab, ViewCommand};

const SIZES: [(&str, [f32; 2]); 3] = [
    ("1024x640", [1024.0, 640.0]),
    ("1280x800", [1280.0, 800.0]),
    ("1920x1080", [1920.0, 1080.0]),
];

#[test]
fn the_dashboard_at_three_sizes_in_both_themes() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (name, size) in SIZES {
        for (theme, preference) in [
            ("dark", egui::ThemePreference::Dark),
            ("light", egui::ThemePreference::Light),
        ] {
            let mut harness = new_harness_at(size);
            harness.state_mut().apply(ViewCommand::SetTheme(preference));
            settle(&mut harness);
            harness.snapshot(format!("dashboard_{name}_{theme}"));
            results.extend_harness(&mut harness);
        }
    }
    results.unwrap();
}

#[test]
fn below_1100_points_the_demands_are_a_tab_and_beside_the_charts_above() {
    let mut narrow = new_harness_at([1024.0, 640.0]);
    assert!(
        narrow.query_by_label("0 of 16 met").is_none(),
        "no demands panel beside the charts at 1024 points"
    );
    narrow.get_by_label("Demands (0/16)").click();
    settle(&mut narrow);
    assert_eq!(narrow.state().view_tab(), CentralTab::Demands);
    narrow.get_by_label("0 of 16 met");
    assert!(
        narrow
            .query_all_by_label_contains("Secure Azerbaijan")
            .next()
            .is_some()
    );

    let wide = new_harness_at([1280.0, 800.0]);
    wide.get_by_label("0 of 16 met");
    assert!(wide.query_by_label("Demands (0/16)").is_none());
}

#[test]
fn the_side_panels_close_to_a_button_that_opens_them_again_and_are_remembered() {
    let mut harness = new_harness_at([1280.0, 800.0]);
    harness.get_by_label("Search names");
    harness.state_mut().apply(ViewCommand::ShowFilters(false));
    harness.state_mut().apply(ViewCommand::ShowDemands(false));
    settle(&mut harness);
    assert!(harness.query_by_label("Search names").is_none());
    assert!(harness.query_by_label("0 of 16 met").is_none());
    let panels = harness.state().settings().panels;
    assert!(!panels.is_filters_shown && !panels.is_demands_shown);

    harness.get_by_label("⏵").click();
    settle(&mut harness);
    harness.get_by_label("Search names");
    harness.get_by_label("⏴").click();
    settle(&mut harness);
    harness.get_by_label("0 of 16 met");
    assert_eq!(
        harness.state().settings().panels,
        signer_dashboard::gui::settings::Panels::default()
    );
}

#[test]
fn every_table_column_is_on_screen_at_1024_points_and_reachable_when_narrower() {
    let headers = ["Name", "Party", "State", "District", "Chamber", "Role"];
    let harness = new_harness_at([1024.0, 640.0]);
    for header in headers {
        let rect = harness.get_by_role_and_label(Role::Button, header).rect();
        assert!(
            rect.max.x <= 1024.0,
            "{header} ends at {} of 1024",
            rect.max.x
        );
    }

    // Narrower than the columns' least widths: the table scrolls sideways to its last column.
    let mut harness = new_harness_at([700.0, 640.0]);
    let role = harness.get_by_role_and_label(Role::Button, "Role");
    assert!(
        role.rect().max.x > 700.0,
        "the Role column starts off screen"
    );
    role.scroll_to_me();
    settle(&mut harness);
    let rect = harness.get_by_role_and_label(Role::Button, "Role").rect();
    assert!(
        rect.max.x <= 700.0,
        "Role scrolled into view ends at {}",
        rect.max.x
    );
}

#[test]
fn a_map_tile_too_small_for_its_count_shows_it_on_hover() {
    let mut harness = new_harness_at([1024.0, 640.0]);
    let tile = harness.get_by_label("California (CA): 9 signers");
    // At this size the tiles hold their codes only.
    assert!(tile.rect().width() < 26.0, "{:?}", tile.rect());
    tile.hover();
    settle(&mut harness);
    harness.get_by_label("9 signers: D 8, R 1");
}
