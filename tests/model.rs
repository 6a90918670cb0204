//! The letter model: parties, states, chambers, roles, demand statuses, dates and the
//! text folding that search relies on.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use signer_dashboard::model::{
    Chamber, Date, DemandStatus, Interned, Letter, Party, PartyTable, Role, Signer, State,
    UNKNOWN_PARTY_CODE, normalise_known,
};
use signer_dashboard::text::fold;

#[test]
fn party_long_forms_become_the_three_codes() {
    for (written, party) in [
        ("D", Party::D),
        ("d", Party::D),
        ("Dem.", Party::D),
        ("Democrat", Party::D),
        ("Democratic", Party::D),
        ("DEMOCRATIC", Party::D),
        ("DFL", Party::D),
        ("Democratic-Farmer-Labor", Party::D),
        ("R", Party::R),
        ("Rep.", Party::R),
        ("Republican", Party::R),
        ("GOP", Party::R),
        ("I", Party::I),
        ("Ind.", Party::I),
        ("Independent", Party::I),
        ("", Party::UNKNOWN),
        ("  ", Party::UNKNOWN),
    ] {
        assert_eq!(normalise_known(written), Some(party), "{written:?}");
        let mut table = PartyTable::default();
        assert_eq!(table.intern(written), Interned::Known(party), "{written:?}");
        assert_eq!(table.len(), 4, "{written:?} must not add a code");
    }
    assert_eq!(normalise_known("Libertarian"), None);
    assert_eq!(normalise_known("L"), None);
}

#[test]
fn party_table_starts_with_d_r_i_and_unknown() {
    let table = PartyTable::default();
    let codes: Vec<&str> = table.parties().map(|p| table.code(p)).collect();
    assert_eq!(codes, ["D", "R", "I", UNKNOWN_PARTY_CODE]);
    assert!(!table.is_empty());
    assert_eq!(table.name(Party::D), "Democratic");
    assert_eq!(table.name(Party::R), "Republican");
    assert_eq!(table.name(Party::I), "Independent");
    assert_eq!(table.find("r"), Some(Party::R));
    assert_eq!(table.find("L"), None);
}

#[test]
fn other_party_codes_are_kept_as_written_and_interned_once() {
    let mut table = PartyTable::default();
    let Interned::Other(libertarian) = table.intern("L") else {
        panic!("L is not D, R or I");
    };
    let Interned::Other(green) = table.intern(" Grn. ") else {
        panic!("Grn is not D, R or I");
    };
    assert_ne!(libertarian, green);
    assert_eq!(table.code(libertarian), "L");
    assert_eq!(
        table.code(green),
        "Grn",
        "trimmed of spaces and the trailing dot"
    );
    assert_eq!(
        table.name(green),
        "Grn",
        "an unknown party is named by its code"
    );
    assert_eq!(
        table.intern("l"),
        Interned::Other(libertarian),
        "case is ignored"
    );
    assert_eq!(table.len(), 6);
    assert_eq!(table.find("GRN"), Some(green));
}

#[test]
fn party_table_fills_up_without_panicking() {
    let mut table = PartyTable::default();
    let mut full = 0;
    for n in 0..300 {
        if table.intern(&format!("X{n}")) == Interned::Full {
            full += 1;
        }
    }
    assert_eq!(table.len(), 255, "a party id is one byte");
    assert_eq!(full, 300 - (255 - 4));
    assert_eq!(table.code(Party::from_index(254).unwrap()), "X250");
}

#[test]
fn states_parse_from_codes_names_and_ap_abbreviations() {
    for (written, code) in [
        ("NJ", "NJ"),
        ("nj", "NJ"),
        ("N.J.", "NJ"),
        ("New Jersey", "NJ"),
        ("new jersey", "NJ"),
        ("Calif.", "CA"),
        ("California", "CA"),
        ("Penn.", "PA"),
        ("Pa.", "PA"),
        ("Wisc.", "WI"),
        ("Wis.", "WI"),
        ("Mass.", "MA"),
        ("Ill.", "IL"),
        ("Fla.", "FL"),
        ("N.Y.", "NY"),
        ("Nev.", "NV"),
        ("Minn.", "MN"),
        ("Mich.", "MI"),
        ("R.I.", "RI"),
        ("W.Va.", "WV"),
        ("D.C.", "DC"),
        ("Washington, D.C.", "DC"),
        ("District of Columbia", "DC"),
        ("Puerto Rico", "PR"),
        ("Guam", "GU"),
        ("U.S. Virgin Islands", "VI"),
        ("American Samoa", "AS"),
        ("Northern Mariana Islands", "MP"),
        ("Maine", "ME"),
    ] {
        assert_eq!(
            State::parse(written).map(State::code),
            Some(code),
            "{written:?}"
        );
    }
    for unknown in ["Californa", "", "  ", "ZZ", "Atlantis", "N.J.J."] {
        assert_eq!(State::parse(unknown), None, "{unknown:?}");
    }
}

#[test]
fn every_state_and_territory_is_known_by_code_and_name() {
    let all: Vec<State> = State::all().collect();
    assert_eq!(all.len(), 56, "50 states, DC, PR, GU, VI, AS, MP");
    let states = all
        .iter()
        .filter(|s| s.info().is_some_and(|i| i.is_state))
        .count();
    assert_eq!(states, 50);
    for code in ["DC", "PR", "GU", "VI", "AS", "MP"] {
        let place = common::state(code);
        assert!(!place.info().unwrap().is_state, "{code} is not a state");
    }
    for place in all {
        assert!(place.is_known());
        assert_eq!(State::from_code(place.code()), Some(place));
        assert_eq!(State::parse(place.code()), Some(place));
        assert_eq!(State::parse(&place.code().to_lowercase()), Some(place));
        assert_eq!(State::parse(place.name()), Some(place));
        assert_eq!(State::from_index(place.index()), Some(place));
    }
}

#[test]
fn unknown_state_has_its_own_slot() {
    assert!(!State::UNKNOWN.is_known());
    assert_eq!(State::UNKNOWN.code(), "??");
    assert_eq!(State::UNKNOWN.name(), "Unknown");
    assert!(State::UNKNOWN.info().is_none());
    assert_eq!(State::UNKNOWN.index(), State::SLOTS - 1);
    assert!(State::all().all(|s| s.index() < State::UNKNOWN.index()));
    assert_eq!(State::from_index(State::SLOTS), None);
    assert_eq!(
        State::from_code("nj"),
        None,
        "from_code wants the USPS upper case"
    );
}

#[test]
fn chambers_roles_and_statuses_parse_their_usual_spellings() {
    for (written, chamber) in [
        ("house", Chamber::House),
        ("House", Chamber::House),
        ("Rep.", Chamber::House),
        ("House of Representatives", Chamber::House),
        ("senate", Chamber::Senate),
        ("SENATE", Chamber::Senate),
        ("Sen.", Chamber::Senate),
    ] {
        assert_eq!(Chamber::parse(written), Some(chamber), "{written:?}");
    }
    assert_eq!(Chamber::parse("congress"), None);
    assert_eq!(Chamber::House.code(), "house");
    assert_eq!(Chamber::Senate.label(), "Senate");

    for (written, role) in [
        ("lead", Role::Lead),
        ("Lead", Role::Lead),
        ("co-lead", Role::Lead),
        ("cosigner", Role::Cosigner),
        ("Co-signer", Role::Cosigner),
        ("", Role::Cosigner),
    ] {
        assert_eq!(Role::parse(written), Some(role), "{written:?}");
    }
    assert_eq!(Role::parse("boss"), None);
    assert_eq!(Role::default(), Role::Cosigner);
    assert_eq!(Role::Lead.code(), "lead");

    for (written, status) in [
        ("open", DemandStatus::Open),
        ("", DemandStatus::Open),
        ("in_progress", DemandStatus::InProgress),
        ("In progress", DemandStatus::InProgress),
        ("in-progress", DemandStatus::InProgress),
        ("met", DemandStatus::Met),
        ("Done", DemandStatus::Met),
    ] {
        assert_eq!(DemandStatus::parse(written), Some(status), "{written:?}");
    }
    assert_eq!(DemandStatus::parse("maybe"), None);
    assert_eq!(DemandStatus::default(), DemandStatus::Open);
    assert_eq!(DemandStatus::InProgress.code(), "in_progress");
}

#[test]
fn dates_are_iso_8601_and_must_exist() {
    let date: Date = "2025-04-08".parse().unwrap();
    assert_eq!((date.year(), date.month(), date.day()), (2025, 4, 8));
    assert_eq!(date.to_string(), "2025-04-08");
    assert_eq!(date.long(), "April 8, 2025");
    assert_eq!("2025-04-08T09:30:00Z".parse::<Date>(), Ok(date));
    assert_eq!(
        Date::new(2024, 2, 29).map(|d| d.to_string()).as_deref(),
        Some("2024-02-29")
    );
    assert_eq!(Date::new(2025, 2, 29), None);
    assert_eq!(Date::new(1900, 2, 29), None, "1900 was not a leap year");
    assert!(Date::new(2000, 2, 29).is_some(), "2000 was");
    for bad in [
        "2025-4-8",
        "04/08/2025",
        "April 8, 2025",
        "2025-13-01",
        "2025-04-31",
        "",
    ] {
        assert!(bad.parse::<Date>().is_err(), "{bad:?}");
    }
    assert!(Date::new(2025, 4, 7).unwrap() < date);
}

#[test]
fn a_new_signer_is_a_cosigner_with_nothing_else_known() {
    let signer = Signer::new("Jane Doe", Party::I, common::state("VT"));
    assert_eq!(&*signer.name, "Jane Doe");
    assert_eq!(signer.role, Role::Cosigner);
    assert_eq!(signer.chamber, None);
    assert_eq!(signer.district, None);
    assert_eq!(signer.unrecognised_state(), None);
    assert_eq!(signer.extra, None);
}

#[test]
fn letter_helpers_read_codes_from_its_table() {
    let mut letter = Letter::default();
    let Interned::Other(green) = letter.parties.intern("G") else {
        panic!("G is not D, R or I");
    };
    letter
        .signers
        .push(Signer::new("A", green, common::state("ME")));
    letter
        .signers
        .push(Signer::new("B", Party::D, common::state("ME")));
    assert_eq!(letter.party_code(&letter.signers[0]), "G");
    assert_eq!(letter.party_code(&letter.signers[1]), "D");
    assert_eq!(letter.demands_met(), 0);
}

#[test]
fn folding_ignores_case_accents_and_curly_quotes() {
    assert_eq!(fold("Linda Sánchez"), "linda sanchez");
    assert_eq!(fold("LINDA SANCHEZ"), fold("linda sánchez"));
    assert_eq!(fold("Nydia Velázquez"), "nydia velazquez");
    assert_eq!(fold("Beto O’Rourke"), "beto o'rourke");
    assert_eq!(fold("Jesús “Chuy” García"), "jesus \"chuy\" garcia");
    assert_eq!(fold("Ñ"), "n");
}

#[test]
fn plain_ascii_folds_as_accented_text_does() {
    // The ASCII fast path and the Unicode path must agree, or a search typed one way
    // misses a name written the other.
    for (plain, accented) in [
        ("Beto O`Rourke", "Béto O`Rourke"),
        ("Beto O'Rourke", "Béto O’Rourke"),
        ("LINDA SANCHEZ", "Linda Sánchez"),
    ] {
        assert_eq!(fold(plain), fold(accented), "{plain:?} and {accented:?}");
    }
}
