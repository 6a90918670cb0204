//! The window's load warnings group the possible duplicates into one row, with "Show them"
//! showing only those signers and the ones they repeat; counts carry thousands separators.
#![cfg(feature = "gui")]
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;

use common::gui::{new_harness, settle};
use egui_kittest::kittest::Queryable;

/// 2,000 different signers, then 1,234 repeating the first 617 (each twice, in other case),
/// with every third repeat a Republican.
fn table_with_repeats() -> (tempfile::TempDir, std::path::PathBuf, Vec<u32>) {
    let mut text = String::from("name,party,state\n");
    for i in 0..2000 {
        text.push_str(&format!("Signer Number {i},D,CA\n"));
    }
    let mut shown: Vec<u32> = (0..617).collect();
    for n in 0..1234u32 {
        let party = if n % 3 == 0 { "R" } else { "D" };
        text.push_str(&format!("SIGNER NUMBER {},{party},Calif.\n", n / 2));
        shown.push(2000 + n);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("repeats.csv");
    std::fs::write(&path, text).unwrap();
    (dir, path, shown)
}

#[test]
fn possible_duplicates_are_one_row_and_show_them_filters_the_table() {
    let (_dir, path, shown) = table_with_repeats();
    let mut harness = new_harness(Some(path));
    assert_eq!(harness.state().document().duplicates.len(), 1234);
    assert_eq!(harness.state().document().selection.rows.len(), 3234);
    let status = harness.state().status().unwrap_or_default().to_owned();
    assert!(
        status.contains("(3,234 signers) with 1,234 possible duplicates"),
        "{status}"
    );
    harness.get_by_label("⚠ 1,234 possible duplicates").click();
    settle(&mut harness);
    harness.get_by_label("1,234 possible duplicates");
    harness.get_by_label("Show them").click();
    settle(&mut harness);
    let document = harness.state().document();
    assert_eq!(document.selection.rows, shown);
    assert_eq!(document.selection.tally.total, 1851);
    harness.get_by_label("Only possible duplicates shown");

    // Filters apply among them: the Republicans are every third repeat.
    harness.get_by_label("R  Republican").click();
    settle(&mut harness);
    let document = harness.state().document();
    let republicans: Vec<u32> = (0..1234).step_by(3).map(|n| 2000 + n).collect();
    assert_eq!(document.selection.rows, republicans);
    assert_eq!(document.selection.tally.total, republicans.len());
    harness.get_by_label("R  Republican").click();
    settle(&mut harness);
    assert_eq!(harness.state().document().selection.rows, shown);

    // The row opens to list each one.
    harness.get_by_label("1,234 possible duplicates").click();
    settle(&mut harness);
    harness.get_by_label(
        "signers[2000] \"SIGNER NUMBER 0\": possibly listed twice: the same name and state as signers[0]",
    );

    harness
        .get_all_by_label("Show all signers")
        .next()
        .unwrap()
        .click();
    settle(&mut harness);
    let document = harness.state().document();
    assert!(document.shown_only.is_none());
    assert_eq!(document.selection.rows.len(), 3234);
    assert!(
        harness
            .query_by_label("Only possible duplicates shown")
            .is_none()
    );
}

#[test]
fn the_status_bar_counts_warnings_and_possible_duplicates_apart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("both.csv");
    std::fs::write(
        &path,
        "name,party,state\nMary Green,D,OH\nMARY GREEN,D,Ohio\nJo Bloggs,L,CA\n",
    )
    .unwrap();
    let harness = new_harness(Some(path));
    let status = harness.state().status().unwrap_or_default().to_owned();
    assert!(
        status.ends_with("(3 signers) with 1 warning · 1 possible duplicate"),
        "{status}"
    );
    harness.get_by_label("⚠ 1 warning · 1 possible duplicate");
}
