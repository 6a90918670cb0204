//! The roster against the full published `unitedstates/congress-legislators` files in
//! ../shared/data/congress-legislators/. Each test prints a note and passes when that
//! folder is not there (a fresh clone without the shared data).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;
mod roster_common;

use roster_common::{FORMS, full_roster, full_roster_dir, letter, matched_bioguide};
use serde_json::json;
use signer_dashboard::analysis::{Filter, select};
use signer_dashboard::model::{Chamber, State};
use signer_dashboard::roster::{self, MatchResult, MatchedBy, Seat};

#[test]
fn the_full_roster_reads_the_same_in_every_form() {
    let Some(json) = full_roster("json") else {
        return;
    };
    let yaml = full_roster("yaml").unwrap();
    let csv = full_roster("csv").unwrap();
    assert_eq!(json.len(), 537);
    assert_eq!(json.members(), yaml.members());
    assert_eq!(json.as_of().unwrap().to_string(), "2026-06-10");
    assert_eq!(csv.as_of(), None);
    for (a, b) in json.members().iter().zip(csv.members()) {
        assert_eq!(
            (
                &a.bioguide,
                &a.name,
                &a.party,
                a.state,
                a.chamber,
                a.district
            ),
            (
                &b.bioguide,
                &b.name,
                &b.party,
                b.state,
                b.chamber,
                b.district
            )
        );
    }
    let house = json
        .members()
        .iter()
        .filter(|m| m.chamber == Chamber::House);
    assert_eq!(house.count(), 437);

    // The saved form keeps only what the app uses, and reads back the same.
    let mut saved = Vec::new();
    json.write_json(&mut saved).unwrap();
    let published = std::fs::metadata(full_roster_dir().unwrap().join("legislators-current.json"))
        .unwrap()
        .len();
    eprintln!("saved roster: {} bytes, from {published}", saved.len());
    assert!(
        (saved.len() as u64) * 5 < published,
        "{} bytes",
        saved.len()
    );
    let back = roster::load_bytes(std::path::Path::new("roster.json"), &saved).unwrap();
    assert_eq!(back, json);
}

#[test]
fn the_sample_letter_matches_in_full_with_and_without_bioguide_ids() {
    for form in FORMS {
        let Some(roster) = full_roster(form) else {
            return;
        };
        let mut letter = signer_dashboard::load::sample();
        assert_eq!(letter.signers.len(), 25);
        let expected: Vec<String> = letter
            .signers
            .iter()
            .map(|s| s.bioguide.as_deref().unwrap().to_owned())
            .collect();
        let by_id = roster::match_letter(&letter, &roster);
        for ((signer, result), bioguide) in letter.signers.iter().zip(&by_id).zip(&expected) {
            assert_eq!(
                matched_bioguide(&roster, result).as_ref(),
                Ok(bioguide),
                "{form}: {}",
                signer.name
            );
            assert!(matches!(
                result,
                MatchResult::Matched {
                    by: MatchedBy::Bioguide,
                    ..
                }
            ));
            assert_eq!(result.corrections(), [], "{form}: {}", signer.name);
        }

        // Without the ids, the names (and states, chambers and districts) find the same members.
        for signer in &mut letter.signers {
            signer.bioguide = None;
        }
        let by_name = roster::match_letter(&letter, &roster);
        for ((signer, result), bioguide) in letter.signers.iter().zip(&by_name).zip(&expected) {
            assert_eq!(
                matched_bioguide(&roster, result).as_ref(),
                Ok(bioguide),
                "{form}, by name: {}",
                signer.name
            );
            assert!(matches!(
                result,
                MatchResult::Matched {
                    by: MatchedBy::Name,
                    ..
                }
            ));
        }

        // With nothing but the names, still the same members.
        for signer in &mut letter.signers {
            signer.state = State::UNKNOWN;
            signer.chamber = None;
            signer.district = None;
        }
        let names_only = roster::match_letter(&letter, &roster);
        let found: Vec<String> = names_only
            .iter()
            .map(|r| matched_bioguide(&roster, r).unwrap())
            .collect();
        assert_eq!(found, expected, "{form}, names only");
    }
}

#[test]
fn every_member_is_found_by_the_names_people_write() {
    let Some(roster) = full_roster("json") else {
        return;
    };
    // For each member: the official name alone; "Rep."/"Sen.", the name they go by and the
    // surname, with the state; and "Surname, First" with the state and chamber.
    let mut signers = Vec::new();
    let mut expected = Vec::new();
    for member in roster.members() {
        let called = member
            .name
            .nickname
            .as_deref()
            .unwrap_or(&member.name.first);
        let title = match member.chamber {
            Chamber::House => "Rep.",
            Chamber::Senate => "Sen.",
        };
        let state = member.state.code();
        let chamber = member.chamber.code();
        for signer in [
            json!({ "name": member.display_name() }),
            json!({ "name": format!("{title} {called} {}", member.name.last), "state": state }),
            json!({
                "name": format!("{}, {}", member.name.last, member.name.first),
                "state": state,
                "chamber": chamber
            }),
        ] {
            signers.push(signer.to_string());
            expected.push(member.bioguide.to_string());
        }
    }
    let letter = letter(&signers.join(","));
    let matches = roster::match_letter(&letter, &roster);
    let wrong: Vec<String> = matches
        .iter()
        .zip(&expected)
        .zip(&letter.signers)
        .filter_map(|((result, bioguide), signer)| {
            let found = matched_bioguide(&roster, result);
            (found.as_ref() != Ok(bioguide))
                .then(|| format!("{} ({}): {found:?}", signer.name, bioguide))
        })
        .collect();
    assert_eq!(wrong, Vec::<String>::new());
}

#[test]
fn coverage_targets_and_vacancies_of_the_sample() {
    let Some(roster) = full_roster("yaml") else {
        return;
    };
    let letter = signer_dashboard::load::sample();
    let matches = roster::match_letter(&letter, &roster);
    let rows = select(&letter, &Filter::default(), None).rows;
    let coverage = roster::coverage(&roster, &matches, &rows);
    let house = coverage.chamber(Chamber::House);
    assert_eq!((house.total.signed, house.total.members), (25, 437));
    assert_eq!(
        (house.party("D").signed, house.party("D").members),
        (22, 215)
    );
    assert_eq!(
        (house.party("R").signed, house.party("R").members),
        (3, 221)
    );
    let ca = house.state(State::from_code("CA").unwrap());
    assert_eq!((ca.signed, ca.members), (9, 51));
    assert_eq!(coverage.senate.total.members, 100);
    assert_eq!(
        roster::targets(&roster, &matches, &Filter::default()).len(),
        537 - 25
    );

    let vacant: Vec<String> = roster::vacancies(&roster).iter().map(Seat::label).collect();
    assert_eq!(vacant, ["CA-14", "FL-20", "GA-13", "TX-23"]);

    let check = roster::check(&letter, &roster, &matches);
    assert!(check.not_serving.is_empty() && check.party_changed.is_empty());
    assert_eq!(check.vacancies.len(), 4);
}

#[test]
fn summary_with_the_full_roster_from_the_command_line() {
    let Some(dir) = full_roster_dir() else {
        eprintln!("note: ../shared/data/congress-legislators/ is not there; skipping");
        return;
    };
    let roster = dir.join("legislators-current.csv");
    let summary = common::cli_json(&[
        "summary",
        "--roster",
        roster.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let coverage = &summary["coverage"];
    assert_eq!(coverage["roster"]["members"], json!(537));
    assert_eq!(
        coverage["roster"]["as_of"],
        json!(null),
        "the CSV has no dates"
    );
    assert_eq!(
        coverage["house"]["by_state"]["CA"],
        json!({"signed": 9, "members": 51})
    );
    assert_eq!(
        coverage["house"]["by_party"]["D"],
        json!({"signed": 22, "members": 215})
    );
    assert_eq!(summary["targets"], json!(512));
}

#[test]
fn the_readme_roster_example_is_what_summary_prints() {
    let Some(dir) = full_roster_dir() else {
        eprintln!("note: ../shared/data/congress-legislators/ is not there; skipping");
        return;
    };
    let readme = std::fs::read_to_string(common::repo_root().join("README.md")).unwrap();
    let command = "$ signer-dashboard summary --roster legislators-current.yaml\n…\n";
    let start = readme.find(command).unwrap() + command.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let roster = dir.join("legislators-current.yaml");
    let printed = common::cli_stdout(&["summary", "--roster", roster.to_str().unwrap()]);
    assert!(
        printed.ends_with(shown),
        "README shows:\n{shown}\nsummary prints:\n{printed}"
    );
    assert!(shown.lines().count() >= 5);
}
