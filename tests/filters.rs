//! Filters and facets on the sample letter: party, state, chamber, role and a name search
//! that ignores case and accents, alone and combined.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::{load_text, row_names, select_all, state};
use signer_dashboard::analysis::{Filter, SearchIndex, Selection, select};
use signer_dashboard::load;
use signer_dashboard::model::{Chamber, Letter, Party, Role, State};

fn filter(edit: impl FnOnce(&mut Filter)) -> Filter {
    let mut filter = Filter::default();
    edit(&mut filter);
    filter
}

fn sample_select(edit: impl FnOnce(&mut Filter)) -> (Letter, Selection) {
    let letter = load::sample();
    let selection = select(&letter, &filter(edit), None);
    (letter, selection)
}

#[test]
fn no_filter_shows_every_signer_in_file_order() {
    let letter = load::sample();
    let all = select_all(&letter);
    assert!(Filter::default().is_empty());
    assert_eq!(all.rows, (0..25).collect::<Vec<u32>>());
    assert_eq!(Filter::default().describe(), "none");
}

#[test]
fn party_r_gives_the_three_republicans() {
    let (letter, selection) = sample_select(|f| {
        f.parties.insert("R".into());
    });
    assert_eq!(selection.rows.len(), 3);
    assert_eq!(selection.tally.total, 3);
    assert_eq!(
        row_names(&letter, &selection),
        ["David Valadao", "Gus Bilirakis", "Mike Lawler"]
    );
    assert_eq!(selection.tally.party(Party::R), 3);
    assert_eq!(selection.tally.party(Party::D), 0);
    assert_eq!(selection.tally.state(state("CA")), 1);
    assert_eq!(selection.tally.role(Role::Lead), 2);
}

#[test]
fn party_codes_ignore_case_and_several_parties_add_up() {
    let (_, lower) = sample_select(|f| {
        f.parties.insert("r".into());
    });
    assert_eq!(lower.tally.total, 3);
    let (_, both) = sample_select(|f| {
        f.toggle_party("D");
        f.toggle_party("R");
    });
    assert_eq!(both.tally.total, 25);
    let (_, unknown_code) = sample_select(|f| {
        f.parties.insert("L".into());
    });
    assert_eq!(unknown_code.tally.total, 0, "no signer is L");
}

#[test]
fn state_ca_gives_the_nine_californians() {
    let (letter, selection) = sample_select(|f| {
        f.states.insert("CA".into());
    });
    assert_eq!(selection.tally.total, 9);
    assert!(
        selection
            .rows
            .iter()
            .all(|&r| letter.signers[r as usize].state == state("CA"))
    );
    assert_eq!(selection.tally.party(Party::D), 8);
    assert_eq!(selection.tally.party(Party::R), 1);
    let (_, two) = sample_select(|f| {
        f.toggle_state(state("NJ"));
        f.toggle_state(state("IL"));
    });
    assert_eq!(two.tally.total, 5);
    let (_, none) = sample_select(|f| {
        f.toggle_state(state("TX"));
    });
    assert_eq!(none.tally.total, 0);
}

#[test]
fn toggling_twice_removes_the_filter() {
    let mut f = Filter::default();
    f.toggle_party("r");
    assert!(f.parties.contains("R"), "codes are stored upper case");
    f.toggle_party("R");
    f.toggle_state(state("CA"));
    f.toggle_state(state("CA"));
    assert!(f.is_empty());
}

#[test]
fn chamber_filters_house_and_senate() {
    let (_, house) = sample_select(|f| f.chamber = Some(Chamber::House));
    assert_eq!(house.tally.total, 25);
    let (_, senate) = sample_select(|f| f.chamber = Some(Chamber::Senate));
    assert_eq!(senate.tally.total, 0);
    assert!(senate.rows.is_empty());
}

#[test]
fn chamber_filter_leaves_out_signers_whose_chamber_is_not_given() {
    let loaded = load_text(
        "mixed.csv",
        "name,party,state,chamber\nRep,D,NJ,house\nSen,D,NJ,senate\nWho,D,NJ,\n",
    )
    .unwrap();
    let letter = &loaded.letter;
    let senate = select(letter, &filter(|f| f.chamber = Some(Chamber::Senate)), None);
    assert_eq!(row_names(letter, &senate), ["Sen"]);
    let all = select_all(letter);
    assert_eq!(all.tally.chamber(Some(Chamber::House)), 1);
    assert_eq!(all.tally.chamber(Some(Chamber::Senate)), 1);
    assert_eq!(all.tally.chamber(None), 1);
}

#[test]
fn role_lead_gives_the_four_leads() {
    let (letter, leads) = sample_select(|f| f.role = Some(Role::Lead));
    assert_eq!(leads.tally.total, 4);
    assert_eq!(
        row_names(&letter, &leads),
        [
            "Frank Pallone",
            "David Valadao",
            "Brad Sherman",
            "Gus Bilirakis"
        ]
    );
    let (_, cosigners) = sample_select(|f| f.role = Some(Role::Cosigner));
    assert_eq!(cosigners.tally.total, 21);
}

#[test]
fn search_ignores_case_and_accents() {
    for query in ["sanchez", "Sánchez", "SANCHEZ", "  sánch ", "linda s"] {
        let (letter, found) = sample_select(|f| f.search = query.into());
        assert_eq!(row_names(&letter, &found), ["Linda Sánchez"], "{query:?}");
    }
    let (letter, brads) = sample_select(|f| f.search = "brad".into());
    assert_eq!(
        row_names(&letter, &brads),
        ["Brad Sherman", "Brad Schneider"]
    );
    let (_, nobody) = sample_select(|f| f.search = "zzz".into());
    assert_eq!(nobody.tally.total, 0);
    let (_, blank) = sample_select(|f| f.search = "   ".into());
    assert_eq!(blank.tally.total, 25, "a blank search is no search");
}

#[test]
fn search_does_not_match_across_two_names() {
    // "Pallone" is followed by "David" in the file; "lone dav" must not find either.
    let (_, found) = sample_select(|f| f.search = "pallonedavid".into());
    assert_eq!(found.tally.total, 0);
    let (_, found) = sample_select(|f| f.search = "pallone\ndavid".into());
    assert_eq!(found.tally.total, 0);
}

#[test]
fn search_with_a_prebuilt_index_matches_search_without_one() {
    let letter = load::sample();
    let index = SearchIndex::new(&letter);
    assert!(index.covers(25));
    let f = filter(|f| f.search = "sch".into());
    let with_index = select(&letter, &f, Some(&index));
    let without = select(&letter, &f, None);
    assert_eq!(with_index.rows, without.rows);
    assert_eq!(
        row_names(&letter, &with_index),
        ["Jan Schakowsky", "Brad Schneider"]
    );
    let other = load_text("other.csv", "name\nSomeone Else\n")
        .unwrap()
        .letter;
    let stale = SearchIndex::new(&other);
    assert!(!stale.covers(25));
    let with_stale = select(&letter, &f, Some(&stale));
    assert_eq!(with_stale.rows, without.rows, "a stale index is rebuilt");
}

#[test]
fn combined_filters_all_apply() {
    let (letter, selection) = sample_select(|f| {
        f.parties.insert("D".into());
        f.states.insert("CA".into());
        f.role = Some(Role::Cosigner);
    });
    assert_eq!(selection.tally.total, 7);
    assert!(!row_names(&letter, &selection).contains(&"Brad Sherman".to_owned()));
    let (letter, selection) = sample_select(|f| {
        f.parties.insert("R".into());
        f.role = Some(Role::Lead);
        f.chamber = Some(Chamber::House);
    });
    assert_eq!(
        row_names(&letter, &selection),
        ["David Valadao", "Gus Bilirakis"]
    );
    let (letter, selection) = sample_select(|f| {
        f.states.insert("CA".into());
        f.search = "brad".into();
    });
    assert_eq!(row_names(&letter, &selection), ["Brad Sherman"]);
    let description = filter(|f| {
        f.parties.insert("D".into());
        f.states.insert("CA".into());
        f.role = Some(Role::Lead);
        f.search = " san ".into();
    })
    .describe();
    assert_eq!(description, "party D; state CA; role lead; search \"san\"");
}

#[test]
fn facets_count_each_value_with_the_other_filters_applied() {
    let (_, selection) = sample_select(|f| {
        f.parties.insert("R".into());
        f.states.insert("CA".into());
    });
    assert_eq!(selection.tally.total, 1, "Valadao");
    let facets = &selection.facets;
    // Beside each party: signers from CA of that party.
    assert_eq!(facets.party(Party::D), 8);
    assert_eq!(facets.party(Party::R), 1);
    // Beside each state: Republicans from that state.
    assert_eq!(facets.state(state("CA")), 1);
    assert_eq!(facets.state(state("FL")), 1);
    assert_eq!(facets.state(state("NY")), 1);
    assert_eq!(facets.state(state("NJ")), 0);
    // Beside chamber and role: what both filters let through.
    assert_eq!(facets.chamber(Some(Chamber::House)), 1);
    assert_eq!(facets.role(Role::Lead), 1);
    assert_eq!(facets.role(Role::Cosigner), 0);
}

#[test]
fn facets_without_filters_equal_the_tally() {
    let selection = select_all(&load::sample());
    let (tally, facets) = (&selection.tally, &selection.facets);
    assert_eq!(facets.by_party, tally.by_party);
    assert_eq!(facets.by_state, tally.by_state);
    assert_eq!(facets.by_role, tally.by_role);
    assert_eq!(facets.by_chamber, tally.by_chamber);
}

#[test]
fn facets_respect_the_search() {
    let (_, selection) = sample_select(|f| {
        f.search = "brad".into();
        f.role = Some(Role::Lead);
    });
    assert_eq!(selection.tally.total, 1, "Brad Sherman");
    assert_eq!(selection.facets.role(Role::Cosigner), 1, "Brad Schneider");
    assert_eq!(selection.facets.role(Role::Lead), 1);
    assert_eq!(selection.facets.state(state("CA")), 1);
    assert_eq!(
        selection.facets.state(state("IL")),
        0,
        "Brad Schneider is not a lead"
    );
    assert_eq!(selection.facets.party(Party::D), 1);
}

#[test]
fn the_unknown_state_can_be_filtered_on() {
    let loaded = load_text(
        "typo.csv",
        "name,state\nCal Typo,Californa\nReal Californian,CA\n",
    )
    .unwrap();
    let unknown = select(
        &loaded.letter,
        &filter(|f| {
            f.states.insert(State::UNKNOWN.code().into());
        }),
        None,
    );
    assert_eq!(row_names(&loaded.letter, &unknown), ["Cal Typo"]);
}

#[test]
fn an_unknown_party_is_a_filter_value_of_its_own() {
    let loaded = load_text(
        "third-party.csv",
        "name,party\nA,D\nB,L\nC,Libertarian\nD,l\n",
    )
    .unwrap();
    let libertarians = select(
        &loaded.letter,
        &filter(|f| {
            f.parties.insert("L".into());
        }),
        None,
    );
    assert_eq!(row_names(&loaded.letter, &libertarians), ["B", "D"]);
    let spelled_out = select(
        &loaded.letter,
        &filter(|f| {
            f.parties.insert("LIBERTARIAN".into());
        }),
        None,
    );
    assert_eq!(row_names(&loaded.letter, &spelled_out), ["C"]);
}

#[test]
fn counts_are_computed_from_the_rows() {
    let letter = load::sample();
    for f in [
        filter(|_| {}),
        filter(|f| {
            f.parties.insert("D".into());
        }),
        filter(|f| f.search = "a".into()),
        filter(|f| {
            f.states.insert("IL".into());
            f.role = Some(Role::Cosigner);
        }),
    ] {
        let selection = select(&letter, &f, None);
        assert_eq!(selection.tally.total, selection.rows.len(), "{f:?}");
        let by_party: u32 = selection.tally.by_party.iter().sum();
        let by_state: u32 = selection.tally.by_state.iter().sum();
        let by_role: u32 = selection.tally.by_role.iter().sum();
        let by_chamber: u32 = selection.tally.by_chamber.iter().sum();
        for sum in [by_party, by_state, by_role, by_chamber] {
            assert_eq!(sum as usize, selection.rows.len(), "{f:?}");
        }
    }
}
