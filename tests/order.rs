//! The table's order (`order::sort_order`, `order::in_order`) against a plain reference
//! sort, and the search index and codes following edits one signer at a time.

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]
#![expect(
    dead_code,
    reason = "the generator module has parts only the example uses"
)]

#[path = "../examples/generate/synthetic.rs"]
mod synthetic;

use signer_dashboard::analysis::{Filter, SearchIndex, SignerCodes, select};
use signer_dashboard::edit::{Edit, History};
use signer_dashboard::load::{self, SourceFormat};
use signer_dashboard::model::{Chamber, Letter, Role, Signer, State};
use signer_dashboard::order::{Order, SortColumn, sort_order};
use signer_dashboard::text::{fold, surname};
use std::cmp::Ordering;
use std::path::Path;

const COLUMNS: [SortColumn; 7] = [
    SortColumn::FileOrder,
    SortColumn::Name,
    SortColumn::Party,
    SortColumn::State,
    SortColumn::District,
    SortColumn::Chamber,
    SortColumn::Role,
];

/// A synthetic letter of `count` signers: accented names, repeated surnames, every state,
/// other parties, leads, senators.
fn synthetic_letter(count: usize, seed: u64) -> Letter {
    let mut json = Vec::new();
    synthetic::write_json(&mut json, count, seed).unwrap();
    let loaded = load::load_bytes(Path::new("synthetic.json"), &json, SourceFormat::Json).unwrap();
    loaded.letter
}

/// The order spelled out the slow way: strings compared as strings.
fn reference_order(letter: &Letter, column: SortColumn, is_ascending: bool) -> Vec<u32> {
    let folded: Vec<String> = letter.signers.iter().map(|s| fold(&s.name)).collect();
    let by_name = |a: usize, b: usize| {
        surname(&folded[a])
            .cmp(surname(&folded[b]))
            .then_with(|| folded[a].cmp(&folded[b]))
    };
    let chamber_rank = |c: Option<Chamber>| match c {
        None => 0,
        Some(Chamber::House) => 1,
        Some(Chamber::Senate) => 2,
    };
    let role_rank = |r: Role| u8::from(r != Role::Lead);
    let primary = |x: &Signer, y: &Signer| -> Ordering {
        match column {
            SortColumn::FileOrder | SortColumn::Name => Ordering::Equal,
            SortColumn::Party => letter.party_code(x).cmp(letter.party_code(y)),
            SortColumn::State => x
                .state
                .code()
                .cmp(y.state.code())
                .then(x.district.cmp(&y.district)),
            SortColumn::District => x.district.cmp(&y.district),
            SortColumn::Chamber => chamber_rank(x.chamber).cmp(&chamber_rank(y.chamber)),
            SortColumn::Role => role_rank(x.role).cmp(&role_rank(y.role)),
        }
    };
    let mut rows: Vec<u32> = (0..letter.signers.len() as u32).collect();
    rows.sort_by(|&a, &b| {
        let (a, b) = (a as usize, b as usize);
        if column == SortColumn::FileOrder {
            return if is_ascending { a.cmp(&b) } else { b.cmp(&a) };
        }
        let first = match column {
            SortColumn::Name => by_name(a, b),
            _ => primary(&letter.signers[a], &letter.signers[b]),
        };
        let first = if is_ascending { first } else { first.reverse() };
        first.then_with(|| by_name(a, b)).then(a.cmp(&b))
    });
    rows
}

#[test]
fn every_column_sorts_as_the_reference_does_both_ways() {
    for letter in [load::sample(), synthetic_letter(4_000, 7)] {
        let index = SearchIndex::new(&letter);
        for column in COLUMNS {
            for is_ascending in [true, false] {
                assert_eq!(
                    sort_order(&letter, &index, column, is_ascending),
                    reference_order(&letter, column, is_ascending),
                    "{column:?}, ascending {is_ascending}, {} signers",
                    letter.signers.len()
                );
            }
        }
    }
}

#[test]
fn names_sort_by_surname_without_case_or_accents() {
    let letter = load::sample();
    let index = SearchIndex::new(&letter);
    let order = sort_order(&letter, &index, SortColumn::Name, true);
    let names: Vec<&str> = order
        .iter()
        .map(|&i| &*letter.signers[i as usize].name)
        .collect();
    // "Linda Sánchez" sorts as "sanchez", between Pingree and Schakowsky.
    let sanchez = names.iter().position(|n| *n == "Linda Sánchez").unwrap();
    assert_eq!(names[sanchez - 1], "Chellie Pingree");
    assert_eq!(names[sanchez + 1], "Jan Schakowsky");
    assert_eq!(names.first(), Some(&"Gabe Amo"));
    assert_eq!(names.last(), Some(&"David Valadao"));
}

#[test]
fn the_selection_in_order_is_the_order_filtered() {
    let letter = synthetic_letter(3_000, 11);
    let index = SearchIndex::new(&letter);
    let order = sort_order(&letter, &index, SortColumn::State, false);
    let mut filters = vec![Filter::default()];
    for party in ["R", "D", "G"] {
        let mut filter = Filter::default();
        filter.toggle_party(party);
        filters.push(filter);
    }
    let nobody = Filter {
        search: "no such name anywhere".to_owned(),
        ..Filter::default()
    };
    filters.push(nobody);
    let mut texans = Filter::default();
    texans.toggle_state(State::from_code("TX").unwrap());
    texans.role = Some(Role::Cosigner);
    filters.push(texans);
    for filter in filters {
        let rows = select(&letter, &filter, None).rows;
        let expected: Vec<u32> = order.iter().copied().filter(|p| rows.contains(p)).collect();
        assert_eq!(
            Order::new(order.clone()).pick(&rows),
            expected,
            "{}",
            filter.describe()
        );
    }
}

/// Checks that `index` and `codes`, kept up to date edit by edit, are what building them
/// again from `letter` gives.
fn assert_follows(letter: &Letter, index: &SearchIndex, codes: &SignerCodes, step: &str) {
    let fresh = SearchIndex::new(letter);
    assert!(index.covers(letter.signers.len()), "{step}: index length");
    for position in 0..letter.signers.len() {
        assert_eq!(
            index.folded_name(position),
            fresh.folded_name(position),
            "{step}: name {position}"
        );
    }
    assert_eq!(*codes, SignerCodes::new(letter), "{step}: codes");
    for search in ["sanchez", "o", "ñ", "zz"] {
        let filter = Filter {
            search: search.to_owned(),
            ..Filter::default()
        };
        assert_eq!(
            select(letter, &filter, Some(index)).rows,
            select(letter, &filter, Some(&fresh)).rows,
            "{step}: search {search:?}"
        );
    }
}

#[test]
fn the_index_and_codes_follow_edits_undo_and_redo() {
    let mut letter = synthetic_letter(300, 3);
    let mut index = SearchIndex::new(&letter);
    let mut codes = SignerCodes::new(&letter);
    let mut history = History::default();
    let follow =
        |letter: &Letter, index: &mut SearchIndex, codes: &mut SignerCodes, edit: &Edit| {
            let change = edit.signer_change().unwrap();
            let signer = change.is_there.then(|| &letter.signers[change.index]);
            assert!(index.apply_change(change.index, change.was_there, signer.map(|s| &*s.name)));
            assert!(codes.apply_change(change.index, change.was_there, signer));
        };
    let renamed = {
        let mut signer = letter.signers[10].clone();
        signer.name = "Zoë Ñúñez-Sánchez Jr.".into();
        signer.state = State::from_code("PR").unwrap();
        signer
    };
    let edits = [
        // Replace one in the middle with a longer name.
        Edit::Signer {
            index: 10,
            before: Some(Box::new(letter.signers[10].clone())),
            after: Some(Box::new(renamed)),
        },
        // Insert at the start, and at the end.
        Edit::Signer {
            index: 0,
            before: None,
            after: Some(Box::new(Signer::new(
                "Ada Ōtsuka",
                letter.signers[0].party,
                State::UNKNOWN,
            ))),
        },
        Edit::Signer {
            index: 301,
            before: None,
            after: Some(Box::new(Signer::new(
                "Last Ã",
                letter.signers[0].party,
                State::UNKNOWN,
            ))),
        },
        // Remove the last and the first.
        Edit::Signer {
            index: 301,
            before: Some(Box::new(Signer::new(
                "Last Ã",
                letter.signers[0].party,
                State::UNKNOWN,
            ))),
            after: None,
        },
    ];
    for (step, edit) in edits.into_iter().enumerate() {
        assert!(history.apply(&mut letter, edit.clone(), None));
        follow(&letter, &mut index, &mut codes, &edit);
        assert_follows(&letter, &index, &codes, &format!("edit {step}"));
    }
    // Remove the first signer, which the second edit inserted.
    let first = letter.signers[0].clone();
    let removal = Edit::Signer {
        index: 0,
        before: Some(Box::new(first)),
        after: None,
    };
    assert!(history.apply(&mut letter, removal.clone(), None));
    follow(&letter, &mut index, &mut codes, &removal);
    assert_follows(&letter, &index, &codes, "removal");
    // Undo everything, then redo it, following the change each makes.
    while let Some(edit) = history.next_undo().cloned() {
        assert!(history.undo(&mut letter));
        follow(&letter, &mut index, &mut codes, &edit.inverse());
        assert_follows(&letter, &index, &codes, "undo");
    }
    while let Some(edit) = history.next_redo().cloned() {
        assert!(history.redo(&mut letter));
        follow(&letter, &mut index, &mut codes, &edit);
        assert_follows(&letter, &index, &codes, "redo");
    }
}

#[test]
fn a_change_that_does_not_fit_changes_nothing() {
    let letter = load::sample();
    let mut index = SearchIndex::new(&letter);
    let mut codes = SignerCodes::new(&letter);
    let count = letter.signers.len();
    // Replacing or removing past the end, and inserting beyond it, do not fit.
    assert!(!index.apply_change(count, true, Some("Nobody")));
    assert!(!index.apply_change(count + 1, false, Some("Nobody")));
    assert!(!index.apply_change(count, true, None));
    assert!(!codes.apply_change(count, true, None));
    assert!(!codes.apply_change(count + 1, false, letter.signers.first()));
    // A name with a line break cannot be one entry of the index.
    assert!(!index.apply_change(0, true, Some("Two\nLines")));
    assert_follows(&letter, &index, &codes, "unchanged");
}
