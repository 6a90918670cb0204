//! Every bad input of issue 2 §5: the file, the line and column, the field and what was
//! expected, or a warning when the file can still be shown. Nothing in the file is lost.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::{fixture, load_bytes, load_fixture, load_fixture_error, load_text, temp_file};
use signer_dashboard::analysis::Tally;
use signer_dashboard::load::{self, LoadError, LoadErrorKind};
use signer_dashboard::model::{Party, State};

/// The 1-based line and column span of the first `needle` in the fixture `name`.
fn span_of(name: &str, needle: &str) -> (usize, std::ops::RangeInclusive<usize>) {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    for (line_index, line) in text.lines().enumerate() {
        if let Some(start) = line.find(needle) {
            let first_column = line[..start].chars().count() + 1;
            let last_column = first_column + needle.chars().count();
            return (line_index + 1, first_column..=last_column);
        }
    }
    panic!("{needle:?} is not in {name}");
}

fn position(error: &LoadError) -> (usize, usize) {
    error
        .position
        .unwrap_or_else(|| panic!("no line:column in {error}"))
}

#[test]
fn missing_file() {
    let path = fixture("there-is-no-such-letter.json");
    let error = load::load_path(&path).unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::NotFound);
    assert_eq!(error.path, path);
    assert_eq!(error.position, None);
    assert!(
        error.to_string().contains("there-is-no-such-letter.json"),
        "{error}"
    );
    assert!(error.message.contains("no such file"), "{error}");
}

/// Tests run as root in CI, and root reads a `chmod 000` file anyway, so the unreadable
/// file here is a folder: `read` fails on it for every user.
#[test]
fn unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("letter.json");
    std::fs::create_dir(&folder).unwrap();
    let error = load::load_path(&folder).unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Unreadable);
    assert_eq!(error.path, folder);
    assert!(error.to_string().starts_with(&folder.display().to_string()));
    assert!(error.message.contains("folder"), "{error}");
}

#[test]
fn not_json() {
    let error = load_fixture_error("not-json.json");
    assert_eq!(error.kind, LoadErrorKind::Syntax);
    assert_eq!(error.path, fixture("not-json.json"));
    assert_eq!(position(&error), (1, 1));
    assert!(error.message.contains("not a JSON letter file"), "{error}");
}

#[test]
fn a_csv_saved_as_json_is_not_json() {
    let error = load_text("signers.json", "name,party,state\nFrank Pallone,D,NJ\n").unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Syntax);
    assert_eq!(position(&error).0, 1, "{error}");
    assert!(error.message.contains("not a JSON letter file"), "{error}");
}

#[test]
fn text_after_the_letter_object_is_an_error() {
    let error = load_text(
        "letter.json",
        "{\"letter\": {\"title\": \"T\"}, \"signers\": []}\n}\n",
    )
    .unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Syntax);
    assert_eq!(position(&error).0, 2, "{error}");
    assert!(error.message.contains("trailing"), "{error}");
}

#[test]
fn json_of_the_wrong_shape() {
    let error = load_text("list.json", r#"[{"name": "A"}]"#).unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Content);
    assert!(error.message.contains("a letter object"), "{error}");
    assert!(error.message.contains("found"), "{error}");
}

#[test]
fn truncated_json() {
    let error = load_fixture_error("letter-truncated.json");
    assert_eq!(error.kind, LoadErrorKind::Syntax);
    let text = std::fs::read_to_string(fixture("letter-truncated.json")).unwrap();
    let (line, _) = position(&error);
    assert_eq!(
        line,
        text.lines().count(),
        "the error is on the last line: {error}"
    );
    assert!(error.message.contains("ends too soon"), "{error}");
    assert_eq!(
        error.field.as_deref(),
        Some("signers[1]"),
        "the signer being read when the file ended, mid-key: {error}"
    );
}

#[test]
fn truncated_json_ending_in_a_newline_is_still_cut_short() {
    // An editor that adds a final newline to a file cut inside a string turns "the end of
    // the file" into "a control character in a string".
    let mut text = std::fs::read_to_string(fixture("letter-truncated.json")).unwrap();
    text.push('\n');
    let error = load_text("letter-truncated.json", &text).unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Syntax);
    assert!(error.message.contains("ends too soon"), "{error}");
}

#[test]
fn a_newline_inside_a_string_is_not_mistaken_for_a_cut() {
    let text = "{\"letter\": {\"title\": \"Two\nlines\"}, \"signers\": []}\n";
    let error = load_text("letter.json", text).unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Syntax);
    assert!(!error.message.contains("ends too soon"), "{error}");
    assert!(error.message.contains("control character"), "{error}");
}

#[test]
fn wrong_field_type_names_file_line_column_field_and_what_was_expected() {
    let error = load_fixture_error("letter-district-twelve.json");
    assert_eq!(error.kind, LoadErrorKind::Content);
    assert_eq!(error.field.as_deref(), Some("signers[3].district"));
    let (line, columns) = span_of("letter-district-twelve.json", r#""twelve""#);
    let (error_line, error_column) = position(&error);
    assert_eq!(error_line, line, "{error}");
    assert!(
        columns.contains(&error_column),
        "column {error_column} is not at \"twelve\" ({columns:?}): {error}"
    );
    assert!(error.message.starts_with("expected "), "{error}");
    assert!(error.message.contains("district number"), "{error}");
    assert!(error.message.ends_with(r#"found "twelve""#), "{error}");
    let shown = error.to_string();
    let prefix = format!(
        "{}:{error_line}:{error_column}: signers[3].district: expected ",
        fixture("letter-district-twelve.json").display()
    );
    assert!(shown.starts_with(&prefix), "{shown}");
    assert_eq!(shown.lines().count(), 1, "one line: {shown}");
}

#[test]
fn wrong_types_elsewhere_name_their_field() {
    for (signer, field, found) in [
        (
            r#"{"name": "A", "district": 1.5}"#,
            "signers[0].district",
            "1.5",
        ),
        (
            r#"{"name": "A", "district": 435}"#,
            "signers[0].district",
            "435",
        ),
        (r#"{"name": "A", "party": 5}"#, "signers[0].party", "5"),
        (
            r#"{"name": "A", "chamber": "congress"}"#,
            "signers[0].chamber",
            "congress",
        ),
        (
            r#"{"name": "A", "role": "boss"}"#,
            "signers[0].role",
            "boss",
        ),
        (
            r#"{"name": "A", "signed_on": "April 1"}"#,
            "signers[0].signed_on",
            "April 1",
        ),
        (r#"{"name": ["A"]}"#, "signers[0].name", "sequence"),
    ] {
        let error = load_text("letter.json", &common::one_signer_letter(signer)).unwrap_err();
        assert_eq!(error.kind, LoadErrorKind::Content, "{signer}: {error}");
        assert_eq!(error.field.as_deref(), Some(field), "{signer}: {error}");
        assert!(error.message.starts_with("expected "), "{signer}: {error}");
        assert!(error.message.contains(found), "{signer}: {error}");
        assert!(error.position.is_some(), "{signer}: {error}");
    }
    let error = load_text(
        "letter.json",
        r#"{"letter": {"title": "T", "date": "8 April 2025"}, "signers": []}"#,
    )
    .unwrap_err();
    assert_eq!(error.field.as_deref(), Some("letter.date"), "{error}");
    assert!(error.message.contains("ISO 8601"), "{error}");
    let error = load_text(
        "letter.json",
        r#"{"letter": {"title": "T"}, "signers": [], "demands": [{"text": "x", "status": "soon"}]}"#,
    )
    .unwrap_err();
    assert_eq!(error.field.as_deref(), Some("demands[0].status"), "{error}");
    assert!(error.message.contains("\"met\""), "{error}");
}

#[test]
fn missing_required_fields_are_named() {
    for (text, missing) in [
        (
            r#"{"letter": {"title": "T"}, "signers": [{"party": "D"}]}"#,
            "\"name\"",
        ),
        (
            r#"{"letter": {"date": "2025-04-08"}, "signers": []}"#,
            "\"title\"",
        ),
        (r#"{"signers": []}"#, "\"letter\""),
        (
            r#"{"letter": {"title": "T"}, "signers": [], "demands": [{"id": "x"}]}"#,
            "\"text\"",
        ),
    ] {
        let error = load_text("letter.json", text).unwrap_err();
        assert_eq!(error.kind, LoadErrorKind::Content, "{text}: {error}");
        assert!(
            error
                .message
                .contains(&format!("missing the required field {missing}")),
            "{text}: {error}"
        );
    }
}

#[test]
fn a_blank_or_null_name_is_an_error_on_the_name() {
    for (name, found) in [(r#""  ""#, r#"found "  ""#), ("null", "found null")] {
        let signer = format!(r#"{{"name": {name}, "party": "D"}}"#);
        let error = load_text("letter.json", &common::one_signer_letter(&signer)).unwrap_err();
        assert_eq!(error.kind, LoadErrorKind::Content);
        assert_eq!(error.field.as_deref(), Some("signers[0].name"), "{error}");
        assert!(error.message.contains("the signer's name"), "{error}");
        assert!(error.message.contains(found), "{error}");
    }
}

#[test]
fn no_signers() {
    let error = load_fixture_error("letter-no-signers.json");
    assert_eq!(error.kind, LoadErrorKind::Content);
    assert!(
        error
            .message
            .contains("missing the required field \"signers\""),
        "{error}"
    );
    assert!(error.position.is_some(), "{error}");
}

#[test]
fn empty_signer_list_is_a_letter_with_zero_signers() {
    let loaded = load_fixture("letter-empty-signers.json");
    assert!(loaded.warnings.is_empty());
    assert_eq!(loaded.letter.signers.len(), 0);
    assert_eq!(loaded.letter.demands.len(), 1);
    let tally = common::select_all(&loaded.letter).tally;
    assert_eq!(tally.total, 0);
    assert_eq!(tally.states_without_signers().len(), 56);
}

fn warnings_fixture() -> (load::Loaded, Tally) {
    let loaded = load_fixture("letter-warnings.json");
    let tally = common::select_all(&loaded.letter).tally;
    (loaded, tally)
}

#[test]
fn unknown_state_loads_is_counted_under_unknown_and_warned() {
    let (loaded, tally) = warnings_fixture();
    let typo = &loaded.letter.signers[1];
    assert_eq!(&*typo.name, "Cal Typo");
    assert_eq!(typo.state, State::UNKNOWN);
    assert_eq!(
        typo.unrecognised_state(),
        Some("Californa"),
        "kept as written"
    );
    assert_eq!(tally.state(State::UNKNOWN), 1);
    assert_eq!(tally.state(common::state("CA")), 0);
    let warning = loaded
        .warnings
        .iter()
        .find(|w| w.message.contains("Californa"))
        .expect("a warning names the unknown state");
    assert_eq!(warning.signer, Some(1));
    assert!(warning.location.contains("Cal Typo"), "{warning}");
    assert!(warning.message.contains("unknown"), "{warning}");
}

#[test]
fn unknown_party_code_is_kept_counted_under_its_own_code_and_warned_once() {
    let (loaded, tally) = warnings_fixture();
    let letter = &loaded.letter;
    let libertarian = letter.parties.find("L").expect("L is in the party table");
    assert_eq!(letter.signers[2].party, libertarian);
    assert_eq!(
        letter.signers[3].party, libertarian,
        "\"l\" is the same code"
    );
    assert_eq!(letter.party_code(&letter.signers[2]), "L");
    assert_eq!(tally.party(libertarian), 2);
    assert_eq!(tally.party(Party::D), 3);
    let party_warnings: Vec<_> = loaded
        .warnings
        .iter()
        .filter(|w| w.message.contains("party"))
        .collect();
    assert_eq!(party_warnings.len(), 1, "{party_warnings:?}");
    assert!(party_warnings[0].message.contains("\"L\""));
    assert_eq!(party_warnings[0].signer, Some(2));
}

#[test]
fn duplicate_signers_are_warned_and_both_kept() {
    let (loaded, tally) = warnings_fixture();
    assert_eq!(loaded.letter.signers.len(), 5, "nothing is dropped");
    assert_eq!(tally.total, 5);
    assert_eq!(
        loaded.duplicates,
        [load::Duplicate {
            signer: 4,
            first: 0
        }]
    );
    let name = &loaded.letter.signers[4].name;
    assert_eq!(
        loaded.duplicates[0].describe(name),
        "signers[4] \"FRANK PALLONE\": possibly listed twice: the same name and state as signers[0]"
    );
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
}

#[test]
fn the_same_name_in_different_states_is_not_a_duplicate() {
    let loaded = load_text(
        "two-smiths.csv",
        "name,state\nAdam Smith,WA\nAdam Smith,NJ\nJason Smith,MO\n",
    )
    .unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert!(loaded.duplicates.is_empty(), "{:?}", loaded.duplicates);
}

#[test]
fn duplicate_signers_in_a_csv_are_warned_ignoring_accents_and_case() {
    let loaded = load_text(
        "dupes.csv",
        "name,party,state\nLinda Sánchez,D,CA\nlinda sanchez,D,Calif.\n",
    )
    .unwrap();
    assert_eq!(loaded.letter.signers.len(), 2);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(
        loaded.duplicates,
        [load::Duplicate {
            signer: 1,
            first: 0
        }]
    );
}

#[test]
fn csv_missing_name_column() {
    let error = load_fixture_error("signers-no-name.csv");
    assert_eq!(error.kind, LoadErrorKind::Content);
    assert_eq!(error.path, fixture("signers-no-name.csv"));
    assert_eq!(error.position.map(|(line, _)| line), Some(1));
    assert!(error.message.contains("\"name\" column"), "{error}");
    assert!(
        error.message.contains("Representative, party, state"),
        "the message shows the header it found: {error}"
    );
}

#[test]
fn csv_ragged_row() {
    let error = load_fixture_error("signers-ragged.csv");
    assert_eq!(error.kind, LoadErrorKind::Syntax);
    assert_eq!(error.position.map(|(line, _)| line), Some(3), "{error}");
    assert!(error.message.contains("expected 5 fields"), "{error}");
    assert!(error.message.contains("found 4"), "{error}");
    assert!(
        error.to_string().contains("signers-ragged.csv:3"),
        "{error}"
    );
}

#[test]
fn csv_bad_cells_name_the_line_and_column() {
    for (row, header, found) in [
        ("A,CA,twelve,house", "district", "twelve"),
        ("A,CA,1,congress", "chamber", "congress"),
    ] {
        let text = format!("name,state,district,chamber\nOK,NJ,6,house\n{row}\n");
        let error = load_text("signers.csv", &text).unwrap_err();
        assert_eq!(error.kind, LoadErrorKind::Content, "{error}");
        assert_eq!(error.position.map(|(line, _)| line), Some(3), "{error}");
        let field = error.field.as_deref().unwrap_or_default();
        assert!(field.contains(header), "{error}");
        assert!(
            error.message.ends_with(&format!("found \"{found}\"")),
            "{error}"
        );
    }
    let error = load_text("signers.csv", "name,party\n,D\n").unwrap_err();
    assert!(
        error.message.contains("name"),
        "a row with no name: {error}"
    );
}

/// The `csv` crate places a row where the row before it ended: before any blank lines, and
/// before the `\n` of a `\r\n`. Errors and warnings name the line the row is really on.
#[test]
fn csv_errors_and_warnings_name_the_true_line_after_crlf_and_blank_lines() {
    for line_end in ["\n", "\r\n"] {
        for blanks in [0, 2] {
            let gap = line_end.repeat(blanks + 1);
            let table = |last: &str| {
                format!(
                    "name,state,chamber{line_end}OK,NJ,house{line_end}Odd,Atlantis,house{gap}{last}{line_end}"
                )
            };
            // The header, OK, Odd, the blank lines, then the last row.
            let line = 4 + blanks;
            let case = format!("{line_end:?} with {blanks} blank lines");
            let error = load_text("signers.csv", &table("A,CA,congress")).unwrap_err();
            assert_eq!(error.position, Some((line, 0)), "{case}: {error}");
            let error = load_text("signers.csv", &table("A,CA,house,extra")).unwrap_err();
            assert_eq!(
                error.position.map(|(l, _)| l),
                Some(line),
                "{case}: {error}"
            );
            let loaded = load_text("signers.csv", &table("A,CA,house")).unwrap();
            let at = loaded
                .warnings
                .iter()
                .map(|w| w.location.as_str())
                .collect::<Vec<_>>();
            assert_eq!(at, ["line 3"], "{case}");
        }
    }
}

#[test]
fn non_utf8_bytes_in_json() {
    // Windows-1252 "Sánchez": 0xE1 is "á" there and not UTF-8 anywhere.
    let bytes = b"{\n  \"letter\": {\"title\": \"T\"},\n  \"signers\": [{\"name\": \"Linda S\xE1nchez\"}]\n}\n";
    let (_dir, path) = temp_file("latin1.json", bytes);
    let error = load::load_path(&path).unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Encoding);
    assert_eq!(error.path, path);
    let column = "  \"signers\": [{\"name\": \"Linda S".chars().count() + 1;
    assert_eq!(error.position, Some((3, column)), "{error}");
    assert!(error.message.contains("UTF-8"), "{error}");
    assert!(error.message.contains("0xE1"), "{error}");
}

#[test]
fn non_utf8_bytes_in_csv() {
    let bytes = b"name,party,state\nFrank Pallone,D,NJ\nLinda S\xE1nchez,D,CA\n";
    let error = load_bytes("latin1.csv", bytes).unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Encoding);
    assert_eq!(error.position, Some((3, 8)), "{error}");
    assert!(error.to_string().starts_with("latin1.csv:3:8: "), "{error}");
}

#[test]
fn non_utf8_after_a_byte_order_mark_counts_columns_from_the_text() {
    let bytes = b"\xEF\xBB\xBFname\n\xFF\n";
    let error = load_bytes("bom.csv", bytes).unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Encoding);
    assert_eq!(error.position, Some((2, 1)), "{error}");
}

#[test]
fn empty_files_are_errors_not_panics() {
    for name in ["empty.json", "empty.csv"] {
        let error = load_bytes(name, b"").unwrap_err();
        assert_ne!(error.kind, LoadErrorKind::Encoding, "{name}: {error}");
        assert!(error.to_string().starts_with(name), "{error}");
    }
}

#[test]
fn errors_are_one_line_and_start_with_the_path() {
    for name in [
        "not-json.json",
        "letter-truncated.json",
        "letter-district-twelve.json",
        "letter-no-signers.json",
        "signers-no-name.csv",
        "signers-ragged.csv",
    ] {
        let shown = load_fixture_error(name).to_string();
        assert!(
            shown.starts_with(&fixture(name).display().to_string()),
            "{shown}"
        );
        assert_eq!(shown.lines().count(), 1, "{shown}");
    }
}
