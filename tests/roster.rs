//! The roster of Congress (issue 6) on small fixtures in the three published forms: what is
//! read, matching every kind of name the issue lists, coverage, targets, the roster check,
//! the compact saved form, and bad files.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod roster_common;

use roster_common::{
    FORMS, bioguides, fixture_roster, id, letter, matched_bioguide, roster_fixture,
};
use signer_dashboard::analysis::{Filter, select};
use signer_dashboard::model::{Chamber, Party, State};
use signer_dashboard::roster::{
    self, Ambiguity, Correction, MatchResult, MatchStatus, MatchedBy, NotFoundReason,
    RosterErrorKind, Seat,
};
use std::path::Path;

fn state(code: &str) -> State {
    State::from_code(code).unwrap()
}

#[test]
fn the_three_forms_hold_the_same_members() {
    let json = fixture_roster("json");
    let yaml = fixture_roster("yaml");
    let csv = fixture_roster("csv");
    assert_eq!(json.len(), 36);
    assert_eq!(json.members(), yaml.members(), "JSON and YAML");
    assert_eq!(json.as_of(), yaml.as_of());
    assert_eq!(
        json.as_of().unwrap().to_string(),
        "2026-04-20",
        "Mejia's special election"
    );
    assert_eq!(csv.as_of(), None, "the CSV form has no dates");
    assert_eq!(csv.len(), json.len());
    for (from_json, from_csv) in json.members().iter().zip(csv.members()) {
        // The CSV gives the current term only: no dates, no caucus, no earlier party.
        assert_eq!(from_json.bioguide, from_csv.bioguide);
        assert_eq!(from_json.name, from_csv.name, "{}", from_json.bioguide);
        assert_eq!(
            (from_json.state, from_json.chamber, from_json.district),
            (from_csv.state, from_csv.chamber, from_csv.district),
            "{}",
            from_json.bioguide
        );
        assert_eq!(from_json.party, from_csv.party, "{}", from_json.bioguide);
        assert_eq!(from_json.phone, from_csv.phone, "{}", from_json.bioguide);
        assert_eq!(
            from_json.address, from_csv.address,
            "{}",
            from_json.bioguide
        );
    }
    assert_eq!(json.source(), Some("legislators-current.json"));
}

#[test]
fn a_member_is_read_from_the_last_term() {
    let roster = fixture_roster("yaml");
    let pallone = roster.member(id(&roster, "P000034")).unwrap();
    assert_eq!(&*pallone.name.first, "Frank");
    assert_eq!(pallone.name.middle.as_deref(), Some("J."));
    assert_eq!(pallone.name.suffix.as_deref(), Some("Jr."));
    assert_eq!(pallone.name.official.as_deref(), Some("Frank Pallone, Jr."));
    assert_eq!(&*pallone.party, "D");
    assert_eq!(pallone.state, state("NJ"));
    assert_eq!(pallone.chamber, Chamber::House);
    assert_eq!(pallone.district, Some(6));
    assert_eq!(pallone.term_start.unwrap().to_string(), "2025-01-03");
    assert_eq!(pallone.term_end.unwrap().to_string(), "2027-01-03");
    assert_eq!(pallone.phone.as_deref(), Some("202-225-4671"));
    assert!(pallone.address.as_deref().unwrap().contains("Rayburn"));
    assert_eq!(pallone.seat_label(), "NJ-6");

    let sanders = roster.member(id(&roster, "S000033")).unwrap();
    assert_eq!(
        (&*sanders.party, sanders.caucus.as_deref()),
        ("I", Some("D"))
    );
    assert_eq!(sanders.district, None);
    assert_eq!(sanders.seat_label(), "VT-Sen");

    // Kiley left the Republicans during the term: party_affiliations says when.
    let kiley = roster.member(id(&roster, "K000401")).unwrap();
    assert_eq!(&*kiley.party, "I");
    assert_eq!(kiley.previous_party.as_deref(), Some("R"));
    assert_eq!(kiley.party_since.unwrap().to_string(), "2026-03-09");
    assert_eq!(pallone.previous_party, None);

    let norton = roster.member(id(&roster, "N000147")).unwrap();
    assert_eq!((norton.state, norton.district), (state("DC"), Some(0)));
    assert_eq!(norton.seat_label(), "DC-AL");

    // A member the roster gives no official name: first and last.
    let mejia = roster.member(id(&roster, "M001246")).unwrap();
    assert_eq!(mejia.name.official, None);
    assert_eq!(mejia.display_name(), "Analilia Mejia");
    assert_eq!(
        roster.by_bioguide(" m001246 "),
        Some(id(&roster, "M001246"))
    );
}

/// Every kind of name the issue lists, against each form: (name, party, state, chamber,
/// district) as a letter gives them, and the bioguide id it must match.
const TRICKY: &[(&str, &str, &str)] = &[
    ("Jim Clyburn", r#""state": "SC""#, "C000537"),
    ("James E. Clyburn", "", "C000537"),
    ("Jan Schakowsky", r#""state": "IL""#, "S001145"),
    ("Rep. Janice D. Schakowsky", "", "S001145"),
    ("Brad Schneider", r#""state": "Illinois""#, "S001190"),
    ("Bradley Sherman", r#""state": "CA""#, "S000344"),
    (
        "Mike Simpson",
        r#""state": "ID", "chamber": "house""#,
        "S001148",
    ),
    ("Sen. Mike Crapo", r#""state": "ID""#, "C000880"),
    (
        "Michael Crapo",
        r#""state": "ID", "chamber": "senate""#,
        "C000880",
    ),
    ("Chuy García", r#""state": "IL""#, "G000586"),
    ("Jesus \"Chuy\" Garcia", "", "G000586"),
    (
        "Jesús G. García",
        r#""state": "IL", "district": 4"#,
        "G000586",
    ),
    ("Linda Sanchez", r#""state": "CA""#, "S001156"),
    ("LINDA T. SÁNCHEZ", "", "S001156"),
    ("Nydia Velazquez", r#""state": "NY""#, "V000081"),
    ("Sen. Chris Van Hollen", r#""state": "MD""#, "V000128"),
    ("Christopher Van Hollen", r#""state": "MD""#, "V000128"),
    ("Van Hollen, Chris", "", "V000128"),
    ("Bonnie Watson Coleman", r#""state": "NJ""#, "W000822"),
    ("Watson Coleman", r#""state": "NJ""#, "W000822"),
    ("Jaime Herrera Beutler", r#""state": "WA""#, "H001056"),
    ("Rep. Herrera Beutler", r#""state": "WA""#, "H001056"),
    ("Tom O’Halleran", r#""state": "AZ""#, "O000171"),
    ("Tom OHalleran", "", "O000171"),
    ("Frank Pallone, Jr.", r#""state": "NJ""#, "P000034"),
    ("Rep. Frank Pallone Jr.", "", "P000034"),
    ("Pallone", r#""state": "NJ""#, "P000034"),
    (
        "Bob Menendez",
        r#""state": "NJ", "chamber": "house""#,
        "M001226",
    ),
    ("Alexandria Ocasio Cortez", r#""state": "NY""#, "O000172"),
    ("Hank Johnson", r#""state": "GA""#, "J000288"),
    ("Henry C. Johnson, Jr.", r#""state": "GA""#, "J000288"),
    ("Mike Johnson", r#""state": "LA""#, "J000299"),
    ("Mike Rogers", "", "R000575"),
    ("Hal Rogers", "", "R000395"),
    ("Rogers", r#""state": "KY""#, "R000395"),
    ("Cruz", r#""state": "TX", "chamber": "senate""#, "C001098"),
    ("Monica De La Cruz", r#""state": "TX""#, "D000594"),
    ("Mónica De La Cruz", "", "D000594"),
    ("Del. Eleanor Holmes Norton", r#""state": "DC""#, "N000147"),
    ("Eleanor Norton", r#""state": "D.C.""#, "N000147"),
    ("Pablo José Hernández", r#""state": "PR""#, "H001103"),
    ("Pablo Jose Hernandez Rivera", "", "H001103"),
    ("Lou Correa", r#""state": "CA""#, "C001110"),
    ("J. Luis Correa", r#""state": "CA""#, "C001110"),
    ("Cindy Hyde-Smith", r#""state": "MS""#, "H001079"),
    ("Cindy Hyde Smith", "", "H001079"),
    ("Smith", r#""state": "NJ""#, "S000522"),
    ("Analilia Mejia", r#""state": "NJ""#, "M001246"),
    ("Angus King", r#""party": "I", "state": "ME""#, "K000383"),
    ("Sen. Andy Kim", r#""state": "NJ""#, "K000394"),
];

#[test]
fn tricky_names_match_in_every_form() {
    let signers: Vec<String> = TRICKY
        .iter()
        .map(|(name, rest, _)| {
            let name = serde_json::to_string(name).unwrap();
            if rest.is_empty() {
                format!(r#"{{"name": {name}}}"#)
            } else {
                format!(r#"{{"name": {name}, {rest}}}"#)
            }
        })
        .collect();
    let letter = letter(&signers.join(","));
    for form in FORMS {
        let roster = fixture_roster(form);
        let matches = roster::match_letter(&letter, &roster);
        assert_eq!(matches.len(), TRICKY.len());
        for ((name, rest, expected), result) in TRICKY.iter().zip(&matches) {
            assert_eq!(
                matched_bioguide(&roster, result).as_deref(),
                Ok(*expected),
                "{form}: {name} {rest}"
            );
            assert!(
                result.corrections().is_empty(),
                "{form}: {name}: {:?}",
                result.corrections()
            );
            assert!(matches!(
                result,
                MatchResult::Matched {
                    by: MatchedBy::Name,
                    ..
                }
            ));
        }
    }
}

#[test]
fn nothing_is_guessed_silently() {
    let roster = fixture_roster("json");
    let letter = letter(
        r#"
        {"name": "Johnson"},
        {"name": "Smith"},
        {"name": "C. Smith"},
        {"name": "Rep. Mike Rogers", "state": "MI"},
        {"name": "Rep. Andy Kim", "state": "NJ", "district": 3},
        {"name": "Robert Menendez Sr.", "state": "NJ"},
        {"name": "Kevin McCarthy", "state": "CA"},
        {"name": "Smith", "state": "TX"},
        {"name": "Jim Costa", "bioguide": "P000034", "state": "CA"},
        {"name": "Jim Costa", "bioguide": "C999999", "state": "CA"},
        {"name": "Jane Doe", "bioguide": "D000000"}
        "#,
    );
    let matches = roster::match_letter(&letter, &roster);
    let ambiguous = |i: usize| match &matches[i] {
        MatchResult::Ambiguous { candidates, why } => (bioguides(&roster, candidates), why.clone()),
        other => panic!(
            "{}: expected ambiguous, found {other:?}",
            letter.signers[i].name
        ),
    };
    let not_found = |i: usize| match &matches[i] {
        MatchResult::NotFound { why } => why.clone(),
        other => panic!(
            "{}: expected not found, found {other:?}",
            letter.signers[i].name
        ),
    };
    // Several members fit: listed by state, then chamber and district.
    assert_eq!(
        ambiguous(0),
        (
            vec!["J000288".into(), "J000299".into()],
            Ambiguity::SeveralMembers
        )
    );
    assert_eq!(
        ambiguous(1),
        (
            vec!["S001203".into(), "S000522".into(), "S000510".into()],
            Ambiguity::SeveralMembers
        )
    );
    // One fits, by an initial only and with no state: a person confirms.
    assert_eq!(ambiguous(2), (vec!["S000522".into()], Ambiguity::NameOnly));
    // The only Mike Rogers serves for Alabama, not Michigan.
    assert_eq!(
        ambiguous(3),
        (
            vec!["R000575".into()],
            Ambiguity::StateDiffers {
                letter: state("MI")
            }
        )
    );
    // Andy Kim of New Jersey serves in the Senate now.
    assert_eq!(
        ambiguous(4),
        (
            vec!["K000394".into()],
            Ambiguity::ChamberDiffers {
                letter: Chamber::House
            }
        )
    );
    // The father is not the son.
    assert_eq!(not_found(5), NotFoundReason::NoSuchName);
    assert_eq!(not_found(6), NotFoundReason::NoSuchName);
    // Smiths serve, but none for Texas, and the letter gives no first name.
    assert_eq!(not_found(7), NotFoundReason::NoSuchName);
    // A bioguide id of someone else, or of no one.
    assert_eq!(
        ambiguous(8),
        (
            vec!["P000034".into(), "C001059".into()],
            Ambiguity::BioguideNameDiffers {
                bioguide: "P000034".into()
            }
        )
    );
    assert_eq!(
        ambiguous(9),
        (
            vec!["C001059".into()],
            Ambiguity::BioguideNotInRoster {
                bioguide: "C999999".into()
            }
        )
    );
    assert_eq!(
        not_found(10),
        NotFoundReason::BioguideNotInRoster {
            bioguide: "D000000".into()
        }
    );
    for result in &matches {
        let note = result.note().unwrap();
        assert!(!note.is_empty());
    }
}

#[test]
fn disagreements_are_listed_as_corrections() {
    let roster = fixture_roster("json");
    let letter = letter(
        r#"
        {"name": "Kevin Kiley", "party": "R", "state": "CA", "chamber": "house", "district": 3},
        {"name": "Bernie Sanders", "party": "D", "state": "VT"},
        {"name": "Frank Pallone", "party": "D", "state": "NY", "chamber": "house", "district": 4, "bioguide": "P000034"},
        {"name": "Jim Costa", "party": "Democrat", "state": "CA", "district": 16},
        {"name": "Sen. Mike Crapo", "bioguide": "C000880", "chamber": "house"}
        "#,
    );
    let matches = roster::match_letter(&letter, &roster);
    let corrections: Vec<&[Correction]> = matches.iter().map(MatchResult::corrections).collect();
    assert_eq!(
        corrections[0],
        [Correction::Party {
            letter: "R".into(),
            roster: "I".into()
        }]
    );
    assert_eq!(
        corrections[1],
        [Correction::Party {
            letter: "D".into(),
            roster: "I".into()
        }]
    );
    assert_eq!(
        corrections[2],
        [
            Correction::State {
                letter: state("NY"),
                roster: state("NJ")
            },
            Correction::District {
                letter: 4,
                roster: Some(6)
            },
        ]
    );
    assert!(matches!(
        matches[2],
        MatchResult::Matched {
            by: MatchedBy::Bioguide,
            ..
        }
    ));
    assert_eq!(
        corrections[3],
        [Correction::District {
            letter: 16,
            roster: Some(21)
        }]
    );
    assert_eq!(
        corrections[4],
        [Correction::Chamber {
            letter: Chamber::House,
            roster: Chamber::Senate
        }]
    );
    assert_eq!(
        corrections[0][0].to_string(),
        "party: the letter says R, the roster I"
    );

    let check = roster::check(&letter, &roster, &matches);
    assert_eq!(check.not_serving, Vec::<u32>::new());
    let changed: Vec<(u32, &str, &str)> = check
        .party_changed
        .iter()
        .map(|c| (c.signer, &*c.letter_party, &*c.roster_party))
        .collect();
    assert_eq!(changed, [(0, "R", "I"), (1, "D", "I")]);
    assert_eq!(check.party_changed[0].member, id(&roster, "K000401"));
}

#[test]
fn a_person_resolves_an_ambiguous_signer_and_the_letter_is_filled_in() {
    let roster = fixture_roster("csv");
    let mut letter = letter(
        r#"
        {"name": "Jan Schakowsky", "state": "IL"},
        {"name": "Johnson", "party": "R"},
        {"name": "Kevin McCarthy", "state": "CA"},
        {"name": "Bonnie Watson Coleman", "party": "D", "state": "NJ", "chamber": "house", "district": 12, "bioguide": "W000822"}
        "#,
    );
    let mut matches = roster::match_letter(&letter, &roster);
    assert_eq!(
        matches.iter().map(MatchResult::status).collect::<Vec<_>>(),
        [
            MatchStatus::Matched,
            MatchStatus::Ambiguous,
            MatchStatus::NotFound,
            MatchStatus::Matched
        ]
    );
    let mike = id(&roster, "J000299");
    assert!(matches[1].candidates().contains(&mike));
    matches[1] = roster::resolve(&letter, &roster, 1, mike).unwrap();
    assert_eq!(
        matches[1],
        MatchResult::Matched {
            member: mike,
            by: MatchedBy::Person,
            corrections: vec![]
        }
    );
    assert_eq!(roster::resolve(&letter, &roster, 99, mike), None);

    assert_eq!(roster::fill_letter(&mut letter, &roster, &matches), 2);
    let jan = &letter.signers[0];
    assert_eq!(jan.bioguide.as_deref(), Some("S001145"));
    assert_eq!((jan.chamber, jan.district), (Some(Chamber::House), Some(9)));
    assert_eq!(jan.party, Party::D);
    let johnson = &letter.signers[1];
    assert_eq!(johnson.state, state("LA"));
    assert_eq!((johnson.party, johnson.district), (Party::R, Some(4)));
    // Not found: nothing to fill.
    assert_eq!(letter.signers[2].bioguide, None);
}

#[test]
fn coverage_counts_signed_and_serving_by_party_and_state() {
    let roster = fixture_roster("json");
    let letter = letter(
        r#"
        {"name": "Frank Pallone", "party": "D", "state": "NJ"},
        {"name": "Frank Pallone Jr.", "party": "D", "state": "NJ"},
        {"name": "Chris Smith", "party": "R", "state": "NJ"},
        {"name": "Cory Booker", "party": "D", "state": "NJ"},
        {"name": "Linda Sánchez", "party": "D", "state": "CA"},
        {"name": "Johnson"},
        {"name": "Kevin McCarthy", "party": "R", "state": "CA"}
        "#,
    );
    let matches = roster::match_letter(&letter, &roster);
    let all = select(&letter, &Filter::default(), None);
    let coverage = roster::coverage(&roster, &matches, &all.rows);
    assert_eq!(
        (coverage.matched, coverage.ambiguous, coverage.not_found),
        (5, 1, 1)
    );
    let house = coverage.chamber(Chamber::House);
    // Pallone signed twice and counts once.
    assert_eq!((house.total.signed, house.total.members), (3, 27));
    assert_eq!((house.party("D").signed, house.party("D").members), (2, 19));
    assert_eq!((house.party("r").signed, house.party("R").members), (1, 7));
    assert_eq!((house.party("I").signed, house.party("I").members), (0, 1));
    let codes: Vec<&str> = house.by_party.iter().map(|(c, _)| &**c).collect();
    assert_eq!(codes, ["D", "R", "I"]);
    assert_eq!(
        house.state(state("NJ")),
        roster::Count {
            signed: 2,
            members: 5
        }
    );
    assert_eq!(
        house.state(state("CA")),
        roster::Count {
            signed: 1,
            members: 5
        }
    );
    assert_eq!(house.state(state("CA")).share(), Some(0.2));
    assert_eq!(house.state(state("WY")).share(), None);
    let senate = coverage.chamber(Chamber::Senate);
    assert_eq!((senate.total.signed, senate.total.members), (1, 9));
    assert_eq!(
        senate.state(state("NJ")),
        roster::Count {
            signed: 1,
            members: 2
        }
    );
    assert_eq!(
        coverage.state(state("NJ")),
        roster::Count {
            signed: 3,
            members: 7
        }
    );
    assert_eq!(
        house.states().first().map(|(s, _)| s.code()),
        Some("AL"),
        "states by code"
    );

    // Under a filter, only the signers shown count; the members stay the whole chamber.
    let mut filter = Filter::default();
    filter.states.insert("CA".into());
    let shown = select(&letter, &filter, None);
    let coverage = roster::coverage(&roster, &matches, &shown.rows);
    assert_eq!(
        coverage.house.total,
        roster::Count {
            signed: 1,
            members: 27
        }
    );
    assert_eq!((coverage.matched, coverage.not_found), (1, 1));
}

#[test]
fn targets_are_the_members_who_have_not_signed() {
    let roster = fixture_roster("yaml");
    let letter = letter(
        r#"
        {"name": "Frank Pallone", "party": "D", "state": "NJ"},
        {"name": "Cory Booker", "party": "D", "state": "NJ"},
        {"name": "Kim", "state": "NJ", "chamber": "house"},
        {"name": "Linda Sánchez", "party": "D", "state": "CA"}
        "#,
    );
    let matches = roster::match_letter(&letter, &roster);
    let mut filter = Filter::default();
    filter.states.insert("NJ".into());
    let targets = roster::targets(&roster, &matches, &filter);
    let listed: Vec<(String, String)> = targets
        .iter()
        .map(|t| {
            let m = roster.member(t.member).unwrap();
            (m.bioguide.to_string(), m.seat_label())
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("S000522".into(), "NJ-4".into()),
            ("M001226".into(), "NJ-8".into()),
            ("M001246".into(), "NJ-11".into()),
            ("W000822".into(), "NJ-12".into()),
            ("K000394".into(), "NJ-Sen".into()),
        ]
    );
    // "Kim" of the House is ambiguous with Senator Kim: he may have signed.
    assert_eq!(targets[4].maybe_signed_as, [2]);
    assert!(targets[..4].iter().all(|t| t.maybe_signed_as.is_empty()));

    filter.parties.insert("R".into());
    let republicans = roster::targets(&roster, &matches, &filter);
    assert_eq!(
        bioguides(
            &roster,
            &republicans.iter().map(|t| t.member).collect::<Vec<_>>()
        ),
        ["S000522"]
    );

    let mut senate = Filter {
        chamber: Some(Chamber::Senate),
        ..Filter::default()
    };
    let senators = roster::targets(&roster, &matches, &senate);
    assert_eq!(senators.len(), 8, "9 senators, Booker signed");
    senate.search = "hollen".into();
    let found = roster::targets(&roster, &matches, &senate);
    assert_eq!(bioguides(&roster, &[found[0].member]), ["V000128"]);
    assert_eq!(found.len(), 1);
    // Every member but the three who signed.
    assert_eq!(
        roster::targets(&roster, &matches, &Filter::default()).len(),
        36 - 3
    );
}

#[test]
fn vacancies_follow_the_2020_apportionment() {
    assert_eq!(
        State::all()
            .map(|s| u32::from(roster::apportioned_seats(s)))
            .sum::<u32>(),
        435 + 6
    );
    assert_eq!(roster::apportioned_seats(state("CA")), 52);
    assert_eq!(roster::apportioned_seats(state("WY")), 1);
    assert_eq!(roster::apportioned_seats(state("PR")), 1);
    assert_eq!(roster::apportioned_seats(State::UNKNOWN), 0);

    let roster = fixture_roster("json");
    let vacant: Vec<String> = roster::vacancies(&roster).iter().map(Seat::label).collect();
    let nj: Vec<&str> = vacant
        .iter()
        .map(String::as_str)
        .filter(|s| s.starts_with("NJ"))
        .collect();
    assert_eq!(
        nj,
        ["NJ-1", "NJ-2", "NJ-3", "NJ-5", "NJ-7", "NJ-9", "NJ-10"]
    );
    assert!(vacant.contains(&"WY-AL".to_owned()));
    assert!(vacant.contains(&"WY-Sen".to_owned()));
    assert!(
        !vacant.contains(&"DC-AL".to_owned()),
        "Norton holds DC's seat"
    );
    assert!(
        vacant.contains(&"VT-AL".to_owned()),
        "the fixture has no one for VT's seat"
    );
    assert_eq!(
        vacant.iter().filter(|s| *s == "VT-Sen").count(),
        1,
        "Sanders holds one"
    );
    assert_eq!(vacant.iter().filter(|s| *s == "OH-Sen").count(), 2);
    assert!(
        !vacant.iter().any(|s| s.starts_with("DC-Sen")),
        "DC has no senators"
    );
}

#[test]
fn a_saved_roster_reads_back_the_same_and_small() {
    for form in FORMS {
        let roster = fixture_roster(form);
        let mut saved = Vec::new();
        roster.write_json(&mut saved).unwrap();
        let text = String::from_utf8(saved.clone()).unwrap();
        assert!(
            text.starts_with(r#"{"format":"signer-dashboard roster","version":1,"#),
            "{text}"
        );
        let back = roster::load_bytes(Path::new("roster.json"), &saved).unwrap();
        assert_eq!(back, roster, "{form}");
        assert_eq!(back.source(), Some(&*format!("legislators-current.{form}")));
        assert_eq!(back.as_of(), roster.as_of());
        let source_size = std::fs::metadata(roster_fixture(&format!("legislators-current.{form}")))
            .unwrap()
            .len();
        // Only the fields the app uses: a fraction of the published JSON and YAML.
        let at_most = if form == "csv" {
            source_size
        } else {
            source_size / 4
        };
        assert!(
            (saved.len() as u64) < at_most,
            "{form}: saved {} bytes from {source_size}",
            saved.len()
        );
    }
    let roster = fixture_roster("json");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roster.json");
    roster::save_path(&roster, &path).unwrap();
    assert_eq!(roster::load_path(&path).unwrap(), roster);
}

fn load_error(name: &str, text: &str) -> roster::RosterError {
    match roster::load_bytes(Path::new(name), text.as_bytes()) {
        Ok(roster) => panic!("{name} should not load, but gave {} members", roster.len()),
        Err(error) => error,
    }
}

const MEMBER: &str = r#"{"id": {"bioguide": "A000001"}, "name": {"first": "Ann", "last": "Aye"}, "terms": [{"type": "rep", "start": "2025-01-03", "state": "NJ", "district": 1, "party": "Democrat"}]}"#;

#[test]
fn bad_roster_files_say_what_and_where() {
    let no_terms = load_error(
        "roster.json",
        &format!(
            "[\n{MEMBER},\n{{\"id\": {{\"bioguide\": \"B000002\"}},\n \"name\": {{\"first\": \"Bo\", \"last\": \"Bee\"}},\n \"terms\": []}}\n]"
        ),
    );
    assert_eq!(no_terms.kind, RosterErrorKind::Content);
    assert_eq!(no_terms.field.as_deref(), Some("[1].terms"));
    assert_eq!(no_terms.position.map(|p| p.0), Some(5), "{no_terms}");
    assert!(
        no_terms.to_string().starts_with("roster.json:5:"),
        "{no_terms}"
    );
    assert!(no_terms.message.contains("no terms"), "{no_terms}");

    let yaml = "- id:\n    bioguide: A000001\n  name:\n    first: Ann\n    last: Aye\n  terms:\n  - type: sen\n    start: '2025-01-03'\n    state: XX\n    party: Democrat\n";
    let unknown_state = load_error("legislators-current.yaml", yaml);
    assert_eq!(unknown_state.kind, RosterErrorKind::Content);
    assert_eq!(unknown_state.field.as_deref(), Some("[0].terms[0].state"));
    assert_eq!(
        unknown_state.message,
        r#"unknown state "XX"; expected a USPS code such as NJ"#
    );
    let line = unknown_state.position.map(|p| p.0).unwrap();
    assert!((6..=11).contains(&line), "{unknown_state}");

    let csv = "last_name,first_name,type,state,district,party,bioguide_id\nAye,Ann,rep,NJ,1,Democrat,A000001\nBee,Bo,rep,XX,2,Republican,B000002\n";
    let bad_row = load_error("legislators-current.csv", csv);
    assert_eq!(
        bad_row.to_string(),
        r#"legislators-current.csv:3: state: unknown state "XX"; expected a USPS code such as NJ"#
    );
    let no_term = load_error(
        "legislators-current.csv",
        "last_name,first_name,type,state,district,party,bioguide_id\nAye,Ann,,NJ,1,Democrat,A000001\n",
    );
    assert!(no_term.message.contains("no current term"), "{no_term}");
    assert_eq!(
        (no_term.position, no_term.field.as_deref()),
        (Some((2, 0)), Some("type"))
    );

    let not_csv_roster = load_error("signers.csv", "name,party,state\nJane Doe,D,NJ\n");
    assert_eq!(not_csv_roster.kind, RosterErrorKind::NotARoster);
    assert!(
        not_csv_roster
            .message
            .contains("bioguide_id, last_name, first_name, type"),
        "{not_csv_roster}"
    );

    // A letter file is not a roster.
    let sample = std::fs::read(roster_common::roster_fixture(
        "../../../sample_data/armenian-caucus-2025-04-08.json",
    ))
    .unwrap();
    let letter = roster::load_bytes(Path::new("letter.json"), &sample).unwrap_err();
    assert_eq!(letter.kind, RosterErrorKind::NotARoster);
    assert!(letter.message.contains("is it a letter file?"), "{letter}");

    let mapping = load_error("roster.yaml", "letter:\n  title: Not a roster\n");
    assert_eq!(mapping.kind, RosterErrorKind::NotARoster);
    assert_eq!(
        load_error("notes.txt", "hello\n").kind,
        RosterErrorKind::NotARoster
    );

    let cut = load_error("roster.json", &format!("[{MEMBER}, {{\"id\": {{\"bio"));
    assert_eq!(cut.kind, RosterErrorKind::Syntax);
    assert!(cut.message.contains("cut short"), "{cut}");

    let twice = load_error("roster.json", &format!("[{MEMBER}, {MEMBER}]"));
    assert!(
        twice.message.contains(r#""A000001" is listed twice"#),
        "{twice}"
    );
    assert_eq!(twice.field.as_deref(), Some("[1].id.bioguide"));

    let empty = load_error("roster.json", "[]");
    assert!(empty.message.contains("no members"), "{empty}");

    let no_district = load_error(
        "roster.json",
        &MEMBER
            .replace(r#", "district": 1"#, "")
            .replace("{\"id\"", "[{\"id\"")
            .replace("]}]}", "]}]}]"),
    );
    assert_eq!(
        no_district.field.as_deref(),
        Some("[0].terms[0].district"),
        "{no_district}"
    );
    assert!(no_district.message.starts_with("missing"), "{no_district}");

    let blank_id = load_error(
        "roster.json",
        &format!("[{}]", MEMBER.replace("A000001", " ")),
    );
    assert_eq!(
        blank_id.field.as_deref(),
        Some("[0].id.bioguide"),
        "{blank_id}"
    );

    let missing =
        roster::load_path(Path::new("/nonexistent/legislators-current.json")).unwrap_err();
    assert_eq!(missing.kind, RosterErrorKind::NotFound);
    assert_eq!(
        missing.to_string(),
        "/nonexistent/legislators-current.json: no such file"
    );

    let latin1 =
        roster::load_bytes(Path::new("roster.csv"), b"last_name\nS\xe1nchez\n").unwrap_err();
    assert_eq!(latin1.kind, RosterErrorKind::Encoding);
    assert_eq!(latin1.position, Some((2, 2)));
}

#[test]
fn one_good_member_loads_from_json_without_extension_sniffing() {
    let roster = roster::load_bytes(Path::new("roster"), format!("[{MEMBER}]").as_bytes()).unwrap();
    assert_eq!(roster.len(), 1);
    let member = &roster.members()[0];
    assert_eq!((member.state, member.district), (state("NJ"), Some(1)));
    assert_eq!(roster.source(), Some("roster"));
}

#[test]
fn the_saved_roster_example_in_the_docs_loads() {
    let docs = std::fs::read_to_string(roster_fixture("../../../docs/ROSTER.md")).unwrap();
    let start = docs.find("```json\n").unwrap() + "```json\n".len();
    let example = &docs[start..start + docs[start..].find("```").unwrap()];
    let roster = roster::load_bytes(Path::new("roster.json"), example.as_bytes()).unwrap();
    assert_eq!(roster.len(), 1);
    assert_eq!(roster.as_of().unwrap().to_string(), "2025-01-03");
    assert_eq!(roster.source(), Some("legislators-current.yaml"));
    // The member is the fixture's Pallone, field for field (the fixture's newest term).
    let fixture = fixture_roster("yaml");
    assert_eq!(
        roster.members()[0],
        *fixture.member(id(&fixture, "P000034")).unwrap()
    );
}
