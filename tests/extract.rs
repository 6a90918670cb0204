//! Finding signers in press releases (issue 7): the seed article exactly, every letter of
//! the corpus in `tests/fixtures/extract/` against its `.expected.json` sidecar, and
//! precision and recall over the whole corpus.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;

use serde_json::{Value, json};
use signer_dashboard::extract::{
    Extraction, TextKind, append_signers, extract, extract_as, found_json, new_letter,
};
use signer_dashboard::model::{Chamber, Role, State};
use signer_dashboard::roster::{self, Roster};
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    common::fixture("extract")
}

const SEED: &str = "armenian-caucus-2025-04-08.txt";

/// The letters of the corpus: every file in the folder that is not a sidecar.
fn corpus() -> Vec<PathBuf> {
    let mut letters: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            !name.ends_with(".expected.json")
        })
        .collect();
    letters.sort();
    letters
}

fn sidecar(letter: &Path) -> Value {
    let stem = letter.file_stem().unwrap().to_string_lossy();
    let path = letter.with_file_name(format!("{stem}.expected.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{} needs a sidecar {}: {e}",
            letter.display(),
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn roster_for(expected: &Value) -> Option<Roster> {
    let name = expected.get("roster")?.as_str()?;
    Some(roster::load_path(&common::fixture(name)).unwrap())
}

fn run(letter: &Path, roster: Option<&Roster>) -> Extraction {
    let text = std::fs::read_to_string(letter).unwrap();
    let kind = TextKind::from_path(letter).unwrap_or_else(|| TextKind::detect(&text));
    extract_as(&text, kind, roster)
}

/// The rows as the sidecars write them: the command line's JSON plus `from_roster`.
fn rows(extraction: &Extraction) -> Vec<Value> {
    let printed = found_json(&extraction.signers);
    printed
        .as_array()
        .unwrap()
        .iter()
        .zip(&extraction.signers)
        .map(|(row, found)| {
            let mut row = row.clone();
            row["from_roster"] = json!(found.from_roster);
            row
        })
        .collect()
}

fn expected_rows(expected: &Value) -> Vec<Value> {
    expected["signers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let mut row = row.clone();
            if row.get("from_roster").is_none() {
                row["from_roster"] = json!(false);
            }
            row
        })
        .collect()
}

#[test]
fn the_seed_article_yields_its_25_signers_and_4_leads_and_no_one_else() {
    let extraction = run(&corpus_dir().join(SEED), None);
    let names: Vec<&str> = extraction.signers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(extraction.signers.len(), 25, "{names:?}");
    let leads: Vec<&str> = extraction
        .signers
        .iter()
        .filter(|s| s.role == Role::Lead)
        .map(|s| s.name.as_str())
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
    for not_a_signer in ["Rubio", "Waltz", "Hamparian", "Trump"] {
        assert!(
            !names.iter().any(|n| n.contains(not_a_signer)),
            "{not_a_signer} is not a signer: {names:?}"
        );
    }
    // The parties and states the article gives, against the bundled sample letter made
    // from the same article.
    let sample = signer_dashboard::load::sample();
    for (found, signer) in extraction.signers.iter().zip(&sample.signers) {
        assert_eq!(found.name, &*signer.name);
        assert_eq!(
            found.party.as_deref(),
            Some(sample.party_code(signer)),
            "{}",
            found.name
        );
        assert_eq!(found.state, Some(signer.state), "{}", found.name);
        assert_eq!(found.role, signer.role, "{}", found.name);
        assert_eq!(found.chamber, Some(Chamber::House), "{}", found.name);
        assert!(!found.from_roster);
        assert_eq!(
            &extraction.text[found.snippet.clone()],
            format!(
                "{} ({}-{})",
                found.name,
                found.party.as_deref().unwrap(),
                found.state.unwrap().code()
            )
        );
    }
    assert_eq!(
        extraction
            .date
            .as_ref()
            .map(|d| d.value.to_string())
            .as_deref(),
        Some("2025-04-08")
    );
    assert_eq!(
        &extraction.text[extraction.date.as_ref().unwrap().snippet.clone()],
        "2025-04-08"
    );
    assert!(extraction.title.is_none(), "the article has no headline");
}

#[test]
fn the_seed_article_says_which_words_made_each_role() {
    let extraction = run(&corpus_dir().join(SEED), None);
    let cue = |name: &str| {
        let found = extraction.signers.iter().find(|s| s.name == name).unwrap();
        extraction.text[found.role_cue.clone().unwrap()].to_owned()
    };
    assert_eq!(cue("Frank Pallone"), "leaders");
    assert_eq!(cue("Lori Trahan"), "co-signing");
    // Pallone is named twice: with his tag, and again among the leads being joined.
    let pallone = &extraction.signers[0];
    assert_eq!(pallone.mentions.len(), 2);
    assert!(pallone.confidence >= 0.9, "{}", pallone.confidence);
}

#[test]
fn every_letter_of_the_corpus_yields_exactly_its_signers() {
    let letters = corpus();
    assert!(
        letters.len() >= 9,
        "the corpus has {} letters",
        letters.len()
    );
    let mut failures = Vec::new();
    for letter in &letters {
        let expected = sidecar(letter);
        let roster = roster_for(&expected);
        let extraction = run(letter, roster.as_ref());
        let name = letter.file_name().unwrap().to_string_lossy();
        let found = rows(&extraction);
        let wanted = expected_rows(&expected);
        if found != wanted {
            let mut diff = format!(
                "{name}: found {} signers, expected {}\n",
                found.len(),
                wanted.len()
            );
            for index in 0..found.len().max(wanted.len()) {
                let (f, w) = (found.get(index), wanted.get(index));
                if f != w {
                    diff.push_str(&format!(
                        "  #{index}\n    found    {}\n    expected {}\n",
                        f.map_or("-".into(), Value::to_string),
                        w.map_or("-".into(), Value::to_string)
                    ));
                }
            }
            failures.push(diff);
        }
        let title = extraction.title.as_ref().map(|t| t.value.clone());
        if Some(&json!(title)) != expected.get("title") {
            failures.push(format!(
                "{name}: title {title:?}, expected {}",
                expected["title"]
            ));
        }
        let date = extraction.date.as_ref().map(|d| d.value.to_string());
        if Some(&json!(date)) != expected.get("date") {
            failures.push(format!(
                "{name}: date {date:?}, expected {}",
                expected["date"]
            ));
        }
        for found in &extraction.signers {
            let snippet = extraction.text.get(found.snippet.clone()).unwrap_or("");
            let first_word = found.name.split([' ', '-']).next().unwrap_or("");
            if !snippet.contains(first_word) {
                failures.push(format!(
                    "{name}: the snippet of {} is {snippet:?}",
                    found.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Counts over the corpus: a found signer is right when the corpus expects that name in
/// that letter; a row is exact when every field is too.
#[derive(Default)]
struct Score {
    found: usize,
    expected: usize,
    right: usize,
    exact: usize,
}

#[test]
fn precision_and_recall_over_the_corpus() {
    let mut score = Score::default();
    let letters = corpus();
    for letter in &letters {
        let expected = sidecar(letter);
        let roster = roster_for(&expected);
        let found = rows(&run(letter, roster.as_ref()));
        let wanted = expected_rows(&expected);
        score.found += found.len();
        score.expected += wanted.len();
        for row in &found {
            if let Some(want) = wanted.iter().find(|w| w["name"] == row["name"]) {
                score.right += 1;
                score.exact += usize::from(want == row);
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let precision = ratio(score.right, score.found);
    let recall = ratio(score.right, score.expected);
    let exact_precision = ratio(score.exact, score.found);
    let exact_recall = ratio(score.exact, score.expected);
    println!(
        "corpus of {} letters, {} signers expected, {} found",
        letters.len(),
        score.expected,
        score.found
    );
    println!("signers:     precision {precision:.3}, recall {recall:.3}");
    println!(
        "exact rows:  precision {exact_precision:.3}, recall {exact_recall:.3} (name, party, state, district, chamber, role, from_roster)"
    );
    assert_eq!(precision, 1.0);
    assert_eq!(recall, 1.0);
    assert_eq!(exact_precision, 1.0);
    assert_eq!(exact_recall, 1.0);
}

#[test]
fn names_without_tags_are_taken_only_from_lists_of_signers() {
    let text = "Secretary of State Marco Rubio met Rep. Jim Costa on Monday. \
                The letter was signed by Reps. Jan Schakowsky and Linda Sánchez.";
    let extraction = extract(text, None);
    let names: Vec<&str> = extraction.signers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Jan Schakowsky", "Linda Sánchez"]);
    let first = &extraction.signers[0];
    assert_eq!(first.party, None);
    assert_eq!(first.chamber, Some(Chamber::House));
    assert!(!first.from_roster);
    assert!(first.confidence < 0.6, "{}", first.confidence);
    assert!(first.note.as_deref().unwrap().contains("roster"));
}

#[test]
fn a_roster_fills_bare_names_and_leaves_ambiguous_ones_for_a_person() {
    let roster = roster::load_path(&common::fixture("roster/legislators-current.csv")).unwrap();
    let text = "Signed by Representatives Mike Johnson, Smith and Adam Smith, and \
                Rep. Harold Rogers (R-Ky.).";
    let extraction = extract(text, Some(&roster));
    let names: Vec<&str> = extraction.signers.iter().map(|s| s.name.as_str()).collect();
    // "Smith" alone is no whole name: three members are called Smith.
    assert_eq!(names, ["Mike Johnson", "Adam Smith", "Harold Rogers"]);
    let johnson = &extraction.signers[0];
    assert!(johnson.from_roster);
    assert_eq!(johnson.state, State::from_code("LA"));
    assert_eq!(johnson.bioguide.as_deref(), Some("J000299"));
    let rogers = &extraction.signers[2];
    assert!(
        !rogers.from_roster,
        "the text gives Rogers's party and state"
    );
    assert_eq!(rogers.district, Some(5), "the roster adds the district");
    assert_eq!(rogers.bioguide.as_deref(), Some("R000395"));
}

#[test]
fn accepted_rows_become_a_letter_or_join_one() {
    let extraction = run(&corpus_dir().join(SEED), None);
    let letter = extraction.to_letter("Imported");
    assert_eq!(letter.info.title, "Imported");
    assert_eq!(
        letter.info.date.map(|d| d.to_string()).as_deref(),
        Some("2025-04-08")
    );
    assert_eq!(letter.signers.len(), 25);
    assert_eq!(
        letter
            .signers
            .iter()
            .filter(|s| s.role == Role::Lead)
            .count(),
        4
    );

    // The same article again adds no one; a new row is added at the end.
    let mut sample = signer_dashboard::load::sample();
    let appended = append_signers(&mut sample, &extraction.signers);
    assert!(appended.added.is_empty());
    assert_eq!(appended.already_listed.len(), 25);
    let other = extract("Co-signed by Rep. Jill Tokuda (D-Hawaii).", None);
    let appended = append_signers(&mut sample, &other.signers);
    assert_eq!(appended.added, [25]);
    assert_eq!(&*sample.signers[25].name, "Jill Tokuda");
    assert_eq!(sample.party_code(&sample.signers[25]), "D");

    // A person's corrections are kept: the rows are plain data.
    let mut rows = other.signers.clone();
    rows[0].party = Some("L".into());
    let letter = new_letter("Corrected", None, &rows);
    assert_eq!(letter.party_code(&letter.signers[0]), "L");
}

#[test]
fn nothing_is_found_in_text_without_signers() {
    for text in [
        "",
        "   \n\n ",
        "Secretary of State Marco Rubio and National Security Advisor Michael Waltz met on Tuesday.",
        "“We are grateful,” said Executive Director Aram Hamparian (ANCA).",
        "(D-NJ) (R-CA) [R-NE-3], D-Texas;",
    ] {
        assert!(extract(text, None).signers.is_empty(), "{text:?}");
    }
}

#[test]
fn a_long_list_in_one_sentence_is_read_whole() {
    // Ten thousand tagged names on one line: every one is found, each once.
    let names: Vec<String> = (0..10_000u32)
        .map(|n| {
            let letters: String = [n / 676, n / 26 % 26, n % 26]
                .iter()
                .map(|d| char::from(b'a' + u8::try_from(*d % 26).unwrap()))
                .collect();
            format!("Jane Q{letters}")
        })
        .collect();
    let text = format!(
        "The letter was co-signed by Reps. {}.",
        names
            .iter()
            .map(|n| format!("{n} (D-NJ)"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let extraction = extract(&text, None);
    assert_eq!(extraction.signers.len(), names.len());
    assert!(extraction.signers.iter().all(|s| s.role == Role::Cosigner));
}

#[test]
fn snippets_and_cues_point_at_the_words_that_decided() {
    let page = run(&corpus_dir().join("sickle-cell-website.html"), None);
    let meng = &page.signers[0];
    // Named first in the sidebar's news list, but that is not where she leads the letter.
    assert_eq!(&page.text[meng.snippet.clone()], "Grace Meng (D-NY)");
    assert_eq!(meng.mentions.len(), 2, "the sidebar and the letter");
    assert_eq!(&page.text[meng.role_cue.clone().unwrap()], "led");

    let release = run(&corpus_dir().join("ukraine-comma-tags.txt"), None);
    let wilson = release
        .signers
        .iter()
        .find(|s| s.name == "Joe Wilson")
        .unwrap();
    assert_eq!(&release.text[wilson.snippet.clone()], "Joe Wilson, R-S.C.");
    assert_eq!(&release.text[wilson.role_cue.clone().unwrap()], "cosigners");
    let goldman = &release.signers[0];
    assert_eq!(
        &release.text[goldman.role_cue.clone().unwrap()],
        "were joined by"
    );
}

#[test]
fn reading_the_stripped_text_again_finds_the_same_rows_at_the_same_places() {
    // The import dialog keeps the stripped text and reads it again, as plain text, after
    // each edit: the rows and their snippets must not move.
    for letter in corpus() {
        let expected = sidecar(&letter);
        let roster = roster_for(&expected);
        let first = run(&letter, roster.as_ref());
        let again = extract_as(&first.text, TextKind::Plain, roster.as_ref());
        assert_eq!(again.text, first.text, "{}", letter.display());
        assert_eq!(again.signers, first.signers, "{}", letter.display());
        assert_eq!(again.date, first.date, "{}", letter.display());
    }
}
