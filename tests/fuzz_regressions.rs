//! Inputs the fuzzers (`fuzz/`, docs/FUZZING.md) found that broke a reader, kept so that
//! they stay fixed: each is read as the fuzz target read it, and must give what the
//! target checks (a letter that saves and loads back to the same letter, or a clear error).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use signer_dashboard::load::{self, SourceFormat};
use signer_dashboard::model::Letter;
use signer_dashboard::save::write_letter;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> (PathBuf, Vec<u8>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    (path, bytes)
}

/// The fuzz targets' check: what loads, saves and loads back the same.
fn assert_saves_back(letter: &Letter) {
    let mut saved = Vec::new();
    write_letter(&mut saved, letter).unwrap();
    let reloaded = load::load_bytes(Path::new("saved.json"), &saved, SourceFormat::Json)
        .unwrap_or_else(|e| panic!("the saved letter does not load: {e}"));
    assert_eq!(
        reloaded.letter,
        *letter,
        "the saved letter loads back different:\n{}",
        String::from_utf8_lossy(&saved)
    );
}

fn load_and_save_back(name: &str, format: SourceFormat) -> Letter {
    let (path, bytes) = fixture(name);
    let loaded = load::load_bytes(&path, &bytes, format)
        .unwrap_or_else(|e| panic!("{name} should load: {e}"));
    assert_saves_back(&loaded.letter);
    loaded.letter
}

#[test]
fn a_json_letter_with_repeated_keys_saves_back_the_same() {
    load_and_save_back("letter_json-extra-state.json", SourceFormat::Json);
}

#[test]
fn a_csv_table_with_two_state_columns_saves_back_the_same() {
    load_and_save_back("letter_csv-two-state-columns.csv", SourceFormat::Csv);
}

#[test]
fn a_number_the_app_does_not_know_saves_back_the_same() {
    load_and_save_back("letter_json-float.json", SourceFormat::Json);
}

#[test]
fn a_csv_table_with_two_party_columns_reads_the_last_and_saves_back_the_same() {
    let letter = load_and_save_back("letter_csv-two-party-columns.csv", SourceFormat::Csv);
    // No party code of the column left out stays in the letter's table.
    let codes: Vec<&str> = letter
        .parties
        .parties()
        .map(|p| letter.parties.code(p))
        .collect();
    assert!(codes.iter().all(|c| !c.contains("Mary")), "{codes:?}");
}

#[test]
fn a_guarded_cell_that_starts_with_a_tab_reads_trimmed_as_json_reads_it() {
    load_and_save_back("letter_csv-guarded-tab.csv", SourceFormat::Csv);
}

#[test]
fn a_table_with_garbled_header_cells_saves_back_the_same() {
    load_and_save_back("letter_csv-garbled-header.csv", SourceFormat::Csv);
}

#[test]
fn a_tag_whose_state_is_a_letter_and_a_curly_quote_is_read_without_a_panic() {
    // ", R-M” said": the state "M”" is four bytes, and the reader of a district written
    // without a dash ("CA12") cut it after two of them, inside the quotation mark.
    let (_, bytes) = fixture("extract-state-cut-in-a-quote.html");
    let text = std::str::from_utf8(&bytes).unwrap();
    let found = signer_dashboard::extract::extract(text, None);
    for signer in &found.signers {
        assert!(found.text.get(signer.snippet.clone()).is_some());
    }
    assert_saves_back(&found.to_letter("Imported letter"));
    let found = signer_dashboard::extract::extract("Reps. Andy Harris, R-M\u{201d} said.", None);
    assert!(found.signers.iter().all(|s| s.state.is_none()));
}

#[test]
fn a_membership_file_with_committee_ids_that_are_not_letters_and_digits_is_an_error() {
    // The fuzzer's input: keys such as "HSb1U%AF3" and a YAML anchor that left a
    // committee with an empty id, whose seats `describe` could not name.
    let (path, bytes) = fixture("committees-odd-ids.yaml");
    let text = std::str::from_utf8(&bytes).unwrap();
    let error = signer_dashboard::roster::committees::Committees::parse((&path, text), None)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("expected a thomas_id of letters and digits, such as HSFA or HSFA13"),
        "{error}"
    );
    let empty = "'':\n- name: A\n  bioguide: A000001\n";
    let error =
        signer_dashboard::roster::committees::Committees::parse((&path, empty), None).unwrap_err();
    assert!(error.message.ends_with("found \"\""), "{error}");
}
