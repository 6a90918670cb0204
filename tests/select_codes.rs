//! `select_with_codes` reads packed codes instead of the signers; it must select, tally
//! and count facets exactly as `select` does, whatever the filter.

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use signer_dashboard::analysis::{Filter, SearchIndex, SignerCodes, select, select_with_codes};
use signer_dashboard::load;
use signer_dashboard::model::{Chamber, Letter, Party, Role, Signer, State};

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
    while letter.signers.len() < 700_001 {
        let next = pattern[letter.signers.len() % pattern.len()].clone();
        letter.signers.push(next);
    }
    let codes = SignerCodes::new(&letter);
    let index = SearchIndex::new(&letter);
    for filter in filters().into_iter().step_by(3) {
        let plain = select(&letter, &filter, Some(&index));
        let coded = select_with_codes(&letter, &codes, &filter, Some(&index));
        let what = filter.describe();
        assert_eq!(coded.rows, plain.rows, "{what}");
        assert_eq!(coded.tally, plain.tally, "{what}");
        assert_eq!(coded.facets, plain.facets, "{what}");
    }
}
