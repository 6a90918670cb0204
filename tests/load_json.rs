//! The JSON letter reader on well-formed letters: every field, the defaults, normalisation
//! of parties and states, and the fields the app does not know, which must be kept.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::{load_fixture, load_text, one_signer_letter, state};
use serde_json::json;
use signer_dashboard::load::SourceFormat;
use signer_dashboard::model::{Chamber, Date, DemandStatus, Party, Role, State};

#[test]
fn reads_every_field_of_the_letter() {
    let loaded = load_fixture("letter-full.json");
    assert_eq!(loaded.format, SourceFormat::Json);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let info = &loaded.letter.info;
    assert_eq!(
        info.title,
        "Full letter: every field the app knows, and some it does not"
    );
    assert_eq!(info.date, Date::new(2025, 4, 8));
    assert_eq!(info.organization.as_deref(), Some("Test Caucus"));
    assert_eq!(
        info.recipients,
        ["Secretary of State", "National Security Advisor"]
    );
    assert_eq!(info.summary.as_deref(), Some("Asks for two things."));
    assert_eq!(
        info.source_url.as_deref(),
        Some("https://example.org/letter")
    );
}

#[test]
fn reads_every_field_of_a_signer() {
    let letter = load_fixture("letter-full.json").letter;
    assert_eq!(letter.signers.len(), 9);
    let pallone = &letter.signers[0];
    assert_eq!(&*pallone.name, "Frank Pallone");
    assert_eq!(pallone.party, Party::D);
    assert_eq!(pallone.state, state("NJ"));
    assert_eq!(pallone.chamber, Some(Chamber::House));
    assert_eq!(pallone.district, Some(6));
    assert_eq!(pallone.role, Role::Lead);
    assert_eq!(pallone.bioguide.as_deref(), Some("P000034"));
    assert_eq!(pallone.signed_on, Date::new(2025, 4, 1));
    assert_eq!(pallone.note.as_deref(), Some("Caucus co-chair"));

    let valadao = &letter.signers[1];
    assert_eq!(
        valadao.chamber,
        Some(Chamber::House),
        "\"House\" ignores case"
    );
    assert_eq!(
        valadao.district,
        Some(22),
        "a district may be a string of digits"
    );
    assert_eq!(valadao.role, Role::Lead, "\"LEAD\" ignores case");

    let senator = &letter.signers[6];
    assert_eq!(senator.chamber, Some(Chamber::Senate));
    assert_eq!(senator.party, Party::I);

    let delegate = &letter.signers[7];
    assert_eq!(delegate.state, state("DC"));
    assert_eq!(delegate.district, Some(0), "0 is at-large or a delegate");
}

#[test]
fn only_the_name_is_required_and_the_rest_defaults() {
    let letter = load_fixture("letter-full.json").letter;
    let bare = letter.signers.last().unwrap();
    assert_eq!(&*bare.name, "Only A Name");
    assert_eq!(bare.party, Party::UNKNOWN);
    assert_eq!(letter.party_code(bare), "?");
    assert_eq!(bare.state, State::UNKNOWN);
    assert_eq!(bare.chamber, None);
    assert_eq!(bare.district, None);
    assert_eq!(bare.role, Role::Cosigner);
    assert_eq!(bare.bioguide, None);
    assert_eq!(bare.signed_on, None);
    assert_eq!(bare.note, None);
    assert_eq!(bare.extra, None);
    assert_eq!(
        bare.unrecognised_state(),
        None,
        "a missing state is not a typo"
    );
}

#[test]
fn parties_and_states_are_normalised_to_codes() {
    let letter = load_fixture("letter-full.json").letter;
    let seen: Vec<(&str, &str, &str)> = letter
        .signers
        .iter()
        .map(|s| (&*s.name, letter.party_code(s), s.state.code()))
        .collect();
    assert_eq!(
        seen,
        [
            ("Frank Pallone", "D", "NJ"),    // "Democrat", "N.J."
            ("David Valadao", "R", "CA"),    // "Republican", "Calif."
            ("Pat Keystone", "D", "PA"),     // "Penn."
            ("Robin Badger", "D", "WI"),     // "Democratic", "Wisc."
            ("Jo Garden", "D", "NJ"),        // "New Jersey"
            ("Kim North Star", "D", "MN"),   // "DFL", "Minnesota"
            ("Angus Pine", "I", "ME"),       // "Independent"
            ("Eleanor Delegate", "D", "DC"), // "D.C."
            ("Only A Name", "?", "??"),
        ]
    );
    assert_eq!(
        letter.parties.len(),
        4,
        "long forms must not become codes of their own"
    );
}

#[test]
fn reads_demands_with_their_status_source_and_a_made_up_id() {
    let letter = load_fixture("letter-full.json").letter;
    let demands: Vec<(&str, &str, Option<&str>, DemandStatus)> = letter
        .demands
        .iter()
        .map(|d| (&*d.id, &*d.text, d.source.as_deref(), d.status))
        .collect();
    assert_eq!(
        demands,
        [
            (
                "release-prisoners",
                "Release the prisoners",
                Some("The letter"),
                DemandStatus::Met
            ),
            (
                "d2",
                "Keep monitoring the border",
                Some("The organization's statement"),
                DemandStatus::InProgress
            ),
            (
                "third",
                "A third demand with no status",
                None,
                DemandStatus::Open
            ),
        ]
    );
    assert_eq!(letter.demands[0].note.as_deref(), Some("Done in May"));
    assert_eq!(letter.demands_met(), 1);
}

#[test]
fn unknown_fields_are_kept_at_every_level() {
    let letter = load_fixture("letter-full.json").letter;
    assert_eq!(letter.extra.get("format_version"), Some(&json!(1)));
    assert_eq!(letter.extra.len(), 1);
    assert_eq!(
        letter.info.extra.get("campaign_code"),
        Some(&json!("TC-2025"))
    );
    assert_eq!(letter.info.extra.len(), 1);
    let signer_extra = letter.signers[0].extra.as_deref().unwrap();
    assert_eq!(
        signer_extra.get("staff_contact"),
        Some(&json!({ "name": "A. Staffer", "phone": "202-555-0100" })),
        "nested values are kept whole"
    );
    assert_eq!(signer_extra.len(), 1);
    assert_eq!(
        letter.demands[0].extra.get("priority"),
        Some(&json!("high"))
    );
    assert!(letter.demands[1].extra.is_empty());
}

#[test]
fn demands_may_be_missing_or_null() {
    let without = load_text(
        "no-demands.json",
        r#"{"letter": {"title": "T"}, "signers": [{"name": "A"}]}"#,
    )
    .unwrap();
    assert!(without.letter.demands.is_empty());
    let null = load_text(
        "null-demands.json",
        r#"{"letter": {"title": "T"}, "signers": [], "demands": null}"#,
    )
    .unwrap();
    assert!(null.letter.demands.is_empty());
}

#[test]
fn null_optional_fields_read_as_absent() {
    let loaded = load_text(
        "nulls.json",
        &one_signer_letter(
            r#"{"name": "A", "party": null, "state": null, "chamber": null,
                "district": null, "role": null, "bioguide": null, "signed_on": null, "note": null}"#,
        ),
    )
    .unwrap();
    let signer = &loaded.letter.signers[0];
    assert_eq!(signer.party, Party::UNKNOWN);
    assert_eq!(signer.state, State::UNKNOWN);
    assert_eq!(signer.chamber, None);
    assert_eq!(signer.district, None);
    assert_eq!(signer.role, Role::Cosigner);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn district_at_large_forms_read_as_zero() {
    for written in [r#""AL""#, r#""at-large""#, r#""At Large""#, "0", r#""0""#] {
        let signer = format!(r#"{{"name": "A", "state": "WY", "district": {written}}}"#);
        let loaded = load_text("at-large.json", &one_signer_letter(&signer)).unwrap();
        assert_eq!(loaded.letter.signers[0].district, Some(0), "{written}");
    }
}

#[test]
fn every_state_and_territory_loads_by_name() {
    let signers: Vec<String> = State::all()
        .map(|s| format!(r#"{{"name": "Member for {0}", "state": "{0}"}}"#, s.name()))
        .collect();
    let loaded = load_text("all-states.json", &one_signer_letter(&signers.join(","))).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let read: Vec<State> = loaded.letter.signers.iter().map(|s| s.state).collect();
    let expected: Vec<State> = State::all().collect();
    assert_eq!(read, expected);
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_do_not_matter() {
    let text = std::fs::read_to_string(common::sample_json_path()).unwrap();
    let windows = format!("\u{FEFF}{}", text.replace('\n', "\r\n"));
    let loaded = load_text("windows.json", &windows).unwrap();
    assert_eq!(loaded.letter, signer_dashboard::load::sample());
}

#[test]
fn a_json_file_without_the_json_extension_is_still_read_as_json() {
    let text = std::fs::read_to_string(common::sample_json_path()).unwrap();
    let loaded = load_text("letter-without-extension", &text).unwrap();
    assert_eq!(loaded.format, SourceFormat::Json);
    assert_eq!(loaded.letter.signers.len(), 25);
}
