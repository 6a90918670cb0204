//! The signers CSV reader on well-formed tables: columns in any order and any case,
//! RFC 4180 quoting, a byte-order mark and Windows line ends, and extra columns kept.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::{load_bytes, load_fixture, load_text, state, temp_file};
use serde_json::json;
use signer_dashboard::load::{self, SourceFormat};
use signer_dashboard::model::{Chamber, Date, Party, Role, State};

#[test]
fn a_csv_is_a_letter_titled_after_the_file_with_no_demands() {
    let loaded = load_fixture("signers-any-order.csv");
    assert_eq!(loaded.format, SourceFormat::Csv);
    assert_eq!(loaded.letter.info.title, "signers-any-order");
    assert_eq!(loaded.letter.info.date, None);
    assert!(loaded.letter.demands.is_empty());
    assert!(loaded.letter.extra.is_empty());
}

#[test]
fn columns_may_come_in_any_order_and_any_case() {
    let loaded = load_fixture("signers-any-order.csv");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let letter = &loaded.letter;
    assert_eq!(letter.signers.len(), 3);

    let pallone = &letter.signers[0];
    assert_eq!(&*pallone.name, "Frank Pallone");
    assert_eq!(pallone.party, Party::D, "\"Democrat\"");
    assert_eq!(pallone.state, state("NJ"), "\"N.J.\"");
    assert_eq!(pallone.chamber, Some(Chamber::House), "\"House\"");
    assert_eq!(pallone.district, Some(6));
    assert_eq!(pallone.role, Role::Lead);
    assert_eq!(pallone.bioguide.as_deref(), Some("P000034"));
    assert_eq!(pallone.signed_on, Date::new(2025, 4, 1));

    let valadao = &letter.signers[1];
    assert_eq!(valadao.party, Party::R);
    assert_eq!(valadao.state, state("CA"), "\"Calif.\"");
    assert_eq!(valadao.role, Role::Cosigner, "a blank role is a cosigner");
    assert_eq!(valadao.signed_on, None, "a blank date is no date");

    let norton = &letter.signers[2];
    assert_eq!(norton.state, state("DC"));
    assert_eq!(norton.district, Some(0));
    assert_eq!(norton.bioguide, None, "a blank cell is no value");
}

#[test]
fn columns_the_app_does_not_know_are_kept_with_each_signer() {
    let letter = load_fixture("signers-any-order.csv").letter;
    let extra = |row: usize| letter.signers[row].extra.as_deref().cloned();
    assert_eq!(
        extra(0).and_then(|e| e.get("Office Room").cloned()),
        Some(json!("2107 RHOB"))
    );
    assert_eq!(extra(1), None, "a blank unknown cell keeps nothing");
    assert_eq!(
        extra(2).and_then(|e| e.get("Office Room").cloned()),
        Some(json!("2136 RHOB"))
    );
}

#[test]
fn rfc_4180_quoting_allows_commas_newlines_and_quotes_in_names() {
    let loaded = load_fixture("signers-quoting.csv");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let names: Vec<&str> = loaded.letter.signers.iter().map(|s| &*s.name).collect();
    assert_eq!(
        names,
        [
            "Sánchez, Linda",
            "Jesús \"Chuy\" García",
            "Anna\nTwo-Lines",
            "Plain Name"
        ]
    );
    let signers = &loaded.letter.signers;
    assert_eq!(
        signers[0].note.as_deref(),
        Some("Signed on the floor, after a vote")
    );
    assert_eq!(signers[2].note.as_deref(), Some("first line\nsecond line"));
    assert_eq!(
        signers[2].role,
        Role::Lead,
        "the row after a quoted newline"
    );
    assert_eq!(signers[3].note.as_deref(), Some("a \"quoted\" note"));
    assert_eq!(signers[3].state, state("TX"));
    assert_eq!(signers[3].district, Some(2));
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_read_as_plain_utf8() {
    let bytes =
        b"\xEF\xBB\xBFname,party,state\r\nLinda S\xC3\xA1nchez,D,CA\r\nMike Lawler,R,NY\r\n";
    let (_dir, path) = temp_file("bom-crlf.csv", bytes);
    let loaded = load::load_path(&path).unwrap();
    let signers = &loaded.letter.signers;
    assert_eq!(signers.len(), 2);
    assert_eq!(
        &*signers[0].name, "Linda Sánchez",
        "the BOM is not part of the name column"
    );
    assert_eq!(
        signers[0].state,
        state("CA"),
        "no \\r left on the last cell"
    );
    assert_eq!(signers[1].state, state("NY"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn the_same_table_reads_the_same_with_lf_or_crlf_and_with_or_without_bom() {
    let lf = "name,party,state,district\nAmo,D,RI,1\nMagaziner,D,R.I.,2\n";
    let crlf = lf.replace('\n', "\r\n");
    let with_bom = format!("\u{FEFF}{crlf}");
    let read = |text: &str| load_text("table.csv", text).unwrap().letter.signers;
    assert_eq!(read(lf), read(&crlf));
    assert_eq!(read(lf), read(&with_bom));
    assert_eq!(read(lf).len(), 2);
}

#[test]
fn a_header_row_alone_is_a_letter_with_no_signers() {
    let loaded = load_text("empty.csv", "name,party,state\n").unwrap();
    assert!(loaded.letter.signers.is_empty());
    assert!(loaded.warnings.is_empty());
}

#[test]
fn blank_rows_are_skipped() {
    let loaded = load_text("blanks.csv", "name,party\nA,D\n,\n \t, \nB,R\n").unwrap();
    let names: Vec<&str> = loaded.letter.signers.iter().map(|s| &*s.name).collect();
    assert_eq!(names, ["A", "B"]);
}

#[test]
fn unknown_states_and_parties_in_a_csv_are_kept_and_warned() {
    let loaded = load_text(
        "typos.csv",
        "name,party,state\nCal Typo,D,Californa\nLiberty Bell,L,PA\n",
    )
    .unwrap();
    let letter = &loaded.letter;
    assert_eq!(letter.signers[0].state, State::UNKNOWN);
    assert_eq!(letter.signers[0].unrecognised_state(), Some("Californa"));
    assert_eq!(letter.party_code(&letter.signers[1]), "L");
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
    assert!(loaded.warnings[0].message.contains("Californa"));
    assert!(loaded.warnings[1].message.contains("\"L\""));
}

#[test]
fn a_tsv_file_is_split_on_tabs() {
    let loaded = load_bytes("table.tsv", b"name\tstate\nSanchez, Linda\tCA\n").unwrap();
    assert_eq!(loaded.format, SourceFormat::Csv);
    assert_eq!(&*loaded.letter.signers[0].name, "Sanchez, Linda");
    assert_eq!(loaded.letter.signers[0].state, state("CA"));
}
