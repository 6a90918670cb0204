//! The bundled sample letter: the April 2025 Congressional Armenian Caucus letter, as
//! JSON and as a signers CSV, and the tallies issue 2 states for it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::{SAMPLE_STATES, select_all, state};
use signer_dashboard::load::{self, SourceFormat};
use signer_dashboard::model::{Chamber, DemandStatus, Party, Role, State};
use std::collections::BTreeSet;

#[test]
fn the_embedded_sample_is_the_file_in_sample_data() {
    let from_disk = load::load_path(&common::sample_json_path()).unwrap();
    assert!(from_disk.warnings.is_empty(), "{:?}", from_disk.warnings);
    assert_eq!(load::sample(), from_disk.letter);
    assert_eq!(
        load::SAMPLE_JSON,
        std::fs::read_to_string(common::sample_json_path()).unwrap()
    );
}

#[test]
fn the_sample_letter_says_who_wrote_it_to_whom_and_when() {
    let letter = load::sample();
    let info = &letter.info;
    assert!(info.title.contains("Armenian"), "{}", info.title);
    assert_eq!(
        info.date.map(|d| d.to_string()).as_deref(),
        Some("2025-04-08")
    );
    assert_eq!(
        info.organization.as_deref(),
        Some("Congressional Armenian Caucus")
    );
    assert_eq!(
        info.recipients,
        [
            "Secretary of State Marco Rubio",
            "National Security Advisor Michael Waltz"
        ]
    );
    assert!(info.summary.as_deref().is_some_and(|s| !s.is_empty()));
}

#[test]
fn the_sample_has_25_signers_22_democrats_and_3_republicans() {
    let letter = load::sample();
    let tally = select_all(&letter).tally;
    assert_eq!(letter.signers.len(), 25);
    assert_eq!(tally.total, 25);
    assert_eq!(tally.party(Party::D), 22);
    assert_eq!(tally.party(Party::R), 3);
    assert_eq!(tally.party(Party::I), 0);
    assert_eq!(tally.party(Party::UNKNOWN), 0);
    assert_eq!(
        tally.parties_by_count(),
        [(Party::D, 22), (Party::R, 3)],
        "most signers first"
    );
    let republicans: BTreeSet<&str> = letter
        .signers
        .iter()
        .filter(|s| s.party == Party::R)
        .map(|s| &*s.name)
        .collect();
    assert_eq!(
        republicans,
        BTreeSet::from(["David Valadao", "Gus Bilirakis", "Mike Lawler"])
    );
}

#[test]
fn the_sample_counts_by_state() {
    let tally = select_all(&load::sample()).tally;
    for (code, count) in SAMPLE_STATES {
        assert_eq!(tally.state(state(code)), count, "{code}");
    }
    assert_eq!(tally.state(State::UNKNOWN), 0);
    let listed: u32 = SAMPLE_STATES.iter().map(|(_, n)| n).sum();
    assert_eq!(listed, 25, "the states above account for every signer");
    let by_count: Vec<(&str, u32)> = tally
        .states_by_count()
        .into_iter()
        .map(|(s, n)| (s.code(), n))
        .collect();
    assert_eq!(
        by_count,
        [
            ("CA", 9),
            ("IL", 3),
            ("MA", 2),
            ("NJ", 2),
            ("RI", 2),
            ("DC", 1),
            ("FL", 1),
            ("ME", 1),
            ("MI", 1),
            ("MN", 1),
            ("NV", 1),
            ("NY", 1),
        ],
        "most signers first, then by code"
    );
    let without = tally.states_without_signers();
    assert_eq!(without.len(), 56 - 12);
    assert!(without.contains(&state("TX")));
    assert!(without.contains(&state("PR")));
    assert!(!without.contains(&state("CA")));
    let codes: Vec<&str> = without.iter().map(|s| s.code()).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    assert_eq!(codes, sorted, "sorted by code");
}

#[test]
fn the_sample_counts_by_party_and_state() {
    let tally = select_all(&load::sample()).tally;
    assert_eq!(tally.party_state(Party::D, state("CA")), 8);
    assert_eq!(tally.party_state(Party::R, state("CA")), 1);
    assert_eq!(tally.party_state(Party::R, state("FL")), 1);
    assert_eq!(tally.party_state(Party::R, state("NY")), 1);
    assert_eq!(tally.party_state(Party::D, state("FL")), 0);
    assert_eq!(tally.party_state(Party::D, state("IL")), 3);
    for place in State::all() {
        let sum: u32 = tally
            .by_party_state
            .iter()
            .map(|row| row[place.index()])
            .sum();
        assert_eq!(sum, tally.state(place), "{place}");
    }
}

#[test]
fn the_sample_has_4_leads_and_21_cosigners_all_in_the_house() {
    let letter = load::sample();
    let tally = select_all(&letter).tally;
    assert_eq!(tally.role(Role::Lead), 4);
    assert_eq!(tally.role(Role::Cosigner), 21);
    let leads: Vec<&str> = letter
        .signers
        .iter()
        .filter(|s| s.role == Role::Lead)
        .map(|s| &*s.name)
        .collect();
    assert_eq!(
        leads,
        [
            "Frank Pallone",
            "David Valadao",
            "Brad Sherman",
            "Gus Bilirakis"
        ]
    );
    assert_eq!(tally.chamber(Some(Chamber::House)), 25);
    assert_eq!(tally.chamber(Some(Chamber::Senate)), 0);
    assert_eq!(tally.chamber(None), 0);
}

#[test]
fn the_sample_demands_are_all_open_each_once_with_a_source() {
    let letter = load::sample();
    let tally = select_all(&letter).tally;
    assert_eq!(letter.demands.len(), 16);
    assert_eq!(tally.demands_total, 16);
    assert_eq!(tally.demands_met, 0);
    let ids: BTreeSet<&str> = letter.demands.iter().map(|d| &*d.id).collect();
    assert_eq!(ids.len(), letter.demands.len(), "ids are unique");
    let texts: BTreeSet<&str> = letter.demands.iter().map(|d| &*d.text).collect();
    assert_eq!(texts.len(), letter.demands.len(), "no demand twice");
    for demand in &letter.demands {
        assert_eq!(demand.status, DemandStatus::Open, "{}", demand.id);
        assert!(
            demand.source.as_deref().is_some_and(|s| !s.is_empty()),
            "{} has no source",
            demand.id
        );
    }
}

#[test]
fn the_json_sample_and_the_csv_sample_give_the_same_signers() {
    let json = load::load_path(&common::sample_json_path()).unwrap();
    let csv = load::load_path(&common::sample_csv_path()).unwrap();
    assert_eq!(json.format, SourceFormat::Json);
    assert_eq!(csv.format, SourceFormat::Csv);
    assert!(csv.warnings.is_empty(), "{:?}", csv.warnings);
    assert_eq!(csv.letter.signers.len(), 25);
    assert_eq!(json.letter.signers, csv.letter.signers);
    assert_eq!(json.letter.parties, csv.letter.parties);
    assert_eq!(
        select_all(&json.letter).tally.by_state,
        select_all(&csv.letter).tally.by_state
    );
}

#[test]
fn every_sample_signer_has_a_district_and_a_bioguide_id() {
    let letter = load::sample();
    for signer in &letter.signers {
        assert!(signer.district.is_some(), "{}", signer.name);
        let bioguide = signer.bioguide.as_deref().unwrap_or_default();
        assert_eq!(bioguide.len(), 7, "{}: {bioguide:?}", signer.name);
    }
    let norton = letter
        .signers
        .iter()
        .find(|s| &*s.name == "Eleanor Holmes Norton")
        .unwrap();
    assert_eq!(norton.district, Some(0), "DC's delegate");
}
