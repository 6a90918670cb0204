//! `select_with_codes` counts from packed codes and a count per (party, state, chamber,
//! role) instead of reading the signers; it must select, tally and count facets exactly as
//! the filter says, whatever the filter. The reference here reads every signer and
//! compares strings, as the filter is documented.

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use signer_dashboard::analysis::{
    Filter, SearchIndex, Selection, SignerCodes, select, select_with_codes,
};
use signer_dashboard::load;
use signer_dashboard::model::{Chamber, Letter, Party, Role, Signer, State};
use signer_dashboard::text::fold;

/// The sample letter, with signers of every kind added: other parties, a party id outside
/// the table, unknown states, no chamber, senators, leads.
fn varied_letter() -> Letter {
    let mut letter = load::sample();
    let libertarian = match letter.parties.intern("L") {
        signer_dashboard::model::Interned::Other(party) => party,
        _ => Party::UNKNOWN,
    };
    let parties = [
        Party::D,
        Party::R,
        Party::I,
        Party::UNKNOWN,
        libertarian,
        Party::from_index(200).unwrap(),
    ];
    let states: Vec<State> = State::all().chain([State::UNKNOWN]).collect();
    for i in 0..2000 {
        let mut signer = Signer::new(
            &format!("Signer {i} Sánchez{}", i % 7),
            parties[i % parties.len()],
            states[(i * 7) % states.len()],
        );
        signer.chamber = [Some(Chamber::House), Some(Chamber::Senate), None][i % 3];
        signer.role = if i % 5 == 0 {
            Role::Lead
        } else {
            Role::Cosigner
        };
        letter.signers.push(signer);
    }
    letter
}

fn filters() -> Vec<Filter> {
    let mut filters = vec![Filter::default()];
    for party in ["D", "R", "I", "?", "L", "X"] {
        let mut filter = Filter::default();
        filter.toggle_party(party);
        filters.push(filter);
    }
    for code in ["CA", "NJ", "GU", "??"] {
        let mut filter = Filter::default();
        filter.states.insert(code.to_owned());
        filters.push(filter.clone());
        filter.toggle_party("R");
        filter.chamber = Some(Chamber::Senate);
        filters.push(filter.clone());
        filter.role = Some(Role::Lead);
        filters.push(filter);
    }
    for chamber in Chamber::ALL {
        for role in Role::ALL {
            filters.push(Filter {
                chamber: Some(chamber),
                role: Some(role),
                ..Filter::default()
            });
        }
    }
    for search in ["sanchez3", "SIGNER 1", "zzz", "pallone"] {
        let mut filter = Filter {
            search: search.to_owned(),
            ..Filter::default()
        };
        filters.push(filter.clone());
        filter.toggle_party("D");
        filter.role = Some(Role::Cosigner);
        filters.push(filter);
    }
    filters
}

/// The filter's dimensions, for the facets: each is counted with the others applied.
#[derive(Clone, Copy, PartialEq)]
enum Dimension {
    Party,
    State,
    Chamber,
    Role,
}

/// Whether `signer` passes `filter`, leaving out `skip` (and the search, checked apart).
fn passes(letter: &Letter, signer: &Signer, filter: &Filter, skip: Option<Dimension>) -> bool {
    let party = skip == Some(Dimension::Party)
        || (signer.party.index() < letter.parties.len()
            && (filter.parties.is_empty()
                || filter
                    .parties
                    .iter()
                    .any(|code| letter.parties.find(code) == Some(signer.party))));
    let state = skip == Some(Dimension::State)
        || filter.states.is_empty()
        || filter.states.contains(signer.state.code());
    let chamber = skip == Some(Dimension::Chamber)
        || filter.chamber.is_none()
        || filter.chamber == signer.chamber;
    let role = skip == Some(Dimension::Role) || filter.role.is_none_or(|r| r == signer.role);
    party && state && chamber && role
}

/// What a selection must hold: rows, tally and facets, counted signer by signer.
fn assert_matches_reference(letter: &Letter, filter: &Filter, selection: &Selection) {
    let what = filter.describe();
    let query = fold(filter.search.trim());
    let found: Vec<(usize, &Signer)> = letter
        .signers
        .iter()
        .enumerate()
        .filter(|(_, s)| query.is_empty() || fold(&s.name).contains(&query))
        .collect();
    let rows: Vec<u32> = found
        .iter()
        .filter(|(_, s)| passes(letter, s, filter, None))
        .map(|&(i, _)| i as u32)
        .collect();
    assert_eq!(selection.rows, rows, "rows, {what}");
    let tally = &selection.tally;
    assert_eq!(tally.total, rows.len(), "total, {what}");
    let passing: Vec<&Signer> = rows.iter().map(|&i| &letter.signers[i as usize]).collect();
    // For one value of one dimension: how many pass, and how many pass every other filter.
    let counts = |dimension: Dimension, has_value: &dyn Fn(&Signer) -> bool| {
        let passed = passing.iter().filter(|s| has_value(s)).count() as u32;
        let facet = found
            .iter()
            .filter(|(_, s)| has_value(s) && passes(letter, s, filter, Some(dimension)))
            .count() as u32;
        (passed, facet)
    };
    let states: Vec<State> = State::all().chain([State::UNKNOWN]).collect();
    for party in letter.parties.parties() {
        let expected = counts(Dimension::Party, &|s| s.party == party);
        let got = (tally.party(party), selection.facets.party(party));
        assert_eq!(got, expected, "party {party:?}, {what}");
        for &state in &states {
            let n = passing
                .iter()
                .filter(|s| s.party == party && s.state == state)
                .count() as u32;
            let got = tally.party_state(party, state);
            assert_eq!(got, n, "{party:?} {state:?}, {what}");
        }
    }
    for &state in &states {
        let expected = counts(Dimension::State, &|s| s.state == state);
        let got = (tally.state(state), selection.facets.state(state));
        assert_eq!(got, expected, "state {state:?}, {what}");
    }
    for chamber in [Some(Chamber::House), Some(Chamber::Senate), None] {
        let expected = counts(Dimension::Chamber, &|s| s.chamber == chamber);
        let got = (tally.chamber(chamber), selection.facets.chamber(chamber));
        assert_eq!(got, expected, "chamber {chamber:?}, {what}");
    }
    for role in Role::ALL {
        let expected = counts(Dimension::Role, &|s| s.role == role);
        let got = (tally.role(role), selection.facets.role(role));
        assert_eq!(got, expected, "role {role:?}, {what}");
    }
}

#[test]
fn selections_count_as_the_filter_says_signer_by_signer() {
    let letter = varied_letter();
    let codes = SignerCodes::new(&letter);
    let index = SearchIndex::new(&letter);
    for filter in filters() {
        assert_matches_reference(&letter, &filter, &select(&letter, &filter, None));
        assert_matches_reference(
            &letter,
            &filter,
            &select_with_codes(&letter, &codes, &filter, Some(&index)),
        );
    }
}

#[test]
fn select_with_codes_selects_exactly_as_select_does() {
    let letter = varied_letter();
    let codes = SignerCodes::new(&letter);
    let index = SearchIndex::new(&letter);
    for filter in filters() {
        for index in [None, Some(&index)] {
            let plain = select(&letter, &filter, index);
            let coded = select_with_codes(&letter, &codes, &filter, index);
            let what = filter.describe();
            assert_eq!(coded.rows, plain.rows, "{what}");
            assert_eq!(coded.tally, plain.tally, "{what}");
            assert_eq!(coded.facets, plain.facets, "{what}");
            // The facets are each filter's counts with the others applied.
            assert_eq!(plain.rows.len(), plain.tally.total, "{what}");
        }
    }
}

#[test]
fn stale_codes_are_not_used() {
    let mut letter = varied_letter();
    let codes = SignerCodes::new(&letter);
    letter.signers.truncate(10);
    assert!(!codes.covers(letter.signers.len()));
    let filter = Filter::default();
    let coded = select_with_codes(&letter, &codes, &filter, None);
    assert_eq!(coded.tally, select(&letter, &filter, None).tally);
    assert_eq!(coded.tally.total, 10);
}

#[test]
fn a_big_letter_split_between_threads_selects_exactly_as_one_pass_does() {
    // Past the size at which select_with_codes splits the signers between threads: the
    // shares' rows must join up in file order and their counts add up.
    let mut letter = varied_letter();
    let pattern = letter.signers.clone();
    while letter.signers.len() < 520_001 {
        let next = pattern[letter.signers.len() % pattern.len()].clone();
        letter.signers.push(next);
    }
    let codes = SignerCodes::new(&letter);
    let index = SearchIndex::new(&letter);
    for filter in filters().into_iter().step_by(4) {
        let coded = select_with_codes(&letter, &codes, &filter, Some(&index));
        assert_matches_reference(&letter, &filter, &coded);
    }
}
