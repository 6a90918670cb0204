//! The counting sink (`load::count_path`, what `summary` uses) and the keeping sink
//! (`load::load_path`, what the window and the other commands use) read the same bytes and
//! must agree on everything they both give: the tally under a filter, the warnings and the
//! possible duplicates. Checked on 20,000 random letters, JSON and CSV, whose names and
//! states repeat often (in other case, with accents folded, with the state written
//! another way), and on two letters big enough to be read on every core.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

mod common;

#[path = "../examples/generate/synthetic.rs"]
#[expect(
    dead_code,
    reason = "the generator module has parts only the example uses"
)]
mod synthetic;

use signer_dashboard::analysis::{Filter, select};
use signer_dashboard::load;
use std::path::Path;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Few names, so that they repeat; written in other case and with or without accents.
const NAMES: [&str; 8] = [
    "Mary Green",
    "MARY GREEN",
    "mary green",
    "Linda Sánchez",
    "linda sanchez",
    "José O'Brien",
    "Nguyễn Văn",
    "Ann Lee",
];
/// States as people write them, one the app does not know, and blanks.
const STATES: [&str; 8] = ["OH", "Ohio", "oh", "CA", "Calif.", "NJ", "Ohyo", ""];
/// Parties, with codes the app keeps and warns about.
const PARTIES: [&str; 7] = ["D", "R", "I", "Democrat", "L", "G", ""];

/// A random letter of 0 to 24 signers, as JSON or as a CSV table.
fn random_letter(rng: &mut Rng, is_csv: bool) -> String {
    let count = rng.below(25);
    let mut text = if is_csv {
        "name,party,state,chamber,role\n".to_owned()
    } else {
        "{\"letter\": {\"title\": \"Random\"}, \"signers\": [".to_owned()
    };
    for n in 0..count {
        let name = rng.pick(&NAMES);
        let party = rng.pick(&PARTIES);
        let state = rng.pick(&STATES);
        let chamber = rng.pick(&["house", "senate", ""]);
        let role = rng.pick(&["lead", "cosigner"]);
        if is_csv {
            text.push_str(&format!("{name},{party},{state},{chamber},{role}\n"));
        } else {
            let comma = if n + 1 == count { "" } else { "," };
            let chamber = if chamber.is_empty() {
                String::new()
            } else {
                format!(", \"chamber\": \"{chamber}\"")
            };
            text.push_str(&format!(
                "{{\"name\": \"{name}\", \"party\": \"{party}\", \"state\": \"{state}\"{chamber}, \"role\": \"{role}\"}}{comma}"
            ));
        }
    }
    if !is_csv {
        text.push_str("], \"demands\": []}");
    }
    text
}

/// A random filter: none, a party, a state, a chamber, a search.
fn random_filter(rng: &mut Rng) -> Filter {
    let mut filter = Filter::default();
    match rng.below(5) {
        0 => {}
        1 => filter.toggle_party(rng.pick(&["D", "R", "L"])),
        2 => {
            filter.states.insert(rng.pick(&["OH", "CA"]).to_owned());
        }
        3 => {
            filter.chamber = signer_dashboard::model::Chamber::parse(rng.pick(&["house", "senate"]))
        }
        _ => filter.search = rng.pick(&["green", "SANCHEZ", "é"]).to_owned(),
    }
    filter
}

/// Checks that both sinks agree on the letter at `path`; returns what the keeping one read.
#[track_caller]
fn assert_sinks_agree(path: &Path, filter: &Filter, what: &str) -> load::Loaded {
    let kept = load::load_path(path).unwrap_or_else(|e| panic!("{what}: {e}"));
    let counted = load::count_path(path, filter)
        .unwrap_or_else(|| panic!("{what}: counted by the full loader instead"));
    assert_eq!(
        counted.tally,
        select(&kept.letter, filter, None).tally,
        "{what}: {filter:?}"
    );
    assert_eq!(counted.warnings, kept.warnings, "{what}");
    assert_eq!(counted.duplicates, kept.duplicates, "{what}");
    for (duplicate, name) in counted.duplicates.iter().zip(&counted.duplicate_names) {
        assert_eq!(&*kept.letter.signers[duplicate.signer].name, name, "{what}");
    }
    assert_eq!(
        counted.duplicate_names.len(),
        kept.duplicates.len().min(load::DUPLICATE_EXAMPLES),
        "{what}"
    );
    kept
}

#[test]
fn counting_and_keeping_agree_on_20000_random_letters() {
    let mut rng = Rng(15);
    let dir = tempfile::tempdir().unwrap();
    let mut with_duplicates = 0;
    for n in 0..20_000 {
        let is_csv = n % 2 == 1;
        let text = random_letter(&mut rng, is_csv);
        let path = dir
            .path()
            .join(if is_csv { "letter.csv" } else { "letter.json" });
        std::fs::write(&path, &text).unwrap();
        let filter = random_filter(&mut rng);
        let kept = assert_sinks_agree(&path, &filter, &text);
        with_duplicates += usize::from(!kept.duplicates.is_empty());
    }
    assert!(with_duplicates > 10_000, "{with_duplicates}");
}

#[test]
fn counting_and_keeping_agree_on_big_letters_with_many_repeats() {
    // 40,000 signers are more than 2 MB: read in pieces on worker threads.
    for extension in ["json", "csv"] {
        let mut bytes = Vec::new();
        if extension == "json" {
            synthetic::write_json_repeating(&mut bytes, 40_000, 7, 0.2).unwrap();
        } else {
            synthetic::write_csv_repeating(&mut bytes, 40_000, 7, 0.2).unwrap();
        }
        let (_dir, path) = common::temp_file(&format!("repeats.{extension}"), &bytes);
        let kept = assert_sinks_agree(&path, &Filter::default(), extension);
        assert!(kept.duplicates.len() > 6_000, "{}", kept.duplicates.len());
        let mut filter = Filter::default();
        filter.toggle_party("R");
        assert_sinks_agree(&path, &filter, extension);
    }
}

#[test]
fn duplicates_far_into_a_file_are_named_as_the_loader_names_them() {
    // The counter keeps where every 64th signer starts and reads a duplicate's name again
    // from there: the names must come out right past blank rows, quoted cells with commas
    // and line breaks, escaped JSON strings and white space between signers.
    let name = |n: usize| format!("Signer {n:03} Example");
    let repeats_of = |n: usize| matches!(n, 150 | 201 | 290);
    let mut csv = "name,party,state\r\n".to_owned();
    let mut json = "{\"letter\": {\"title\": \"Far\"},\n  \"signers\": [\n".to_owned();
    for n in 0..300 {
        let who = if repeats_of(n) { name(5) } else { name(n) };
        match n % 7 {
            0 => csv.push_str(&format!("\"{who}, Jr.\",D,OH\r\n")),
            1 => csv.push_str(&format!("\"{who}\nsecond line\",R,CA\r\n")),
            2 => csv.push_str(&format!("{who},I,NJ\r\n,,\r\n\r\n")),
            _ => csv.push_str(&format!("{who},D,OH\r\n")),
        }
        let (who, state) = match n % 7 {
            0 => (format!("{who}, Jr."), "OH"),
            1 => (format!("{who}\\nsecond line"), "CA"),
            2 => (who.clone(), "NJ"),
            _ => (who.clone(), "OH"),
        };
        let separator = if n == 0 { "    " } else { " ,\n\t  " };
        let note = if n % 5 == 0 {
            r#", "note": "a \"quoted\" {brace}, [and] more""#
        } else {
            ""
        };
        json.push_str(&format!(
            "{separator}{{\"name\": \"{who}\", \"party\": \"D\", \"state\": \"{state}\"{note}}}"
        ));
    }
    json.push_str("\n  ],\n  \"demands\": []\n}\n");
    for (extension, text) in [("csv", csv), ("json", json)] {
        let (_dir, path) = common::temp_file(&format!("far.{extension}"), text.as_bytes());
        let kept = assert_sinks_agree(&path, &Filter::default(), extension);
        let far: Vec<usize> = kept.duplicates.iter().map(|d| d.signer).collect();
        assert_eq!(far, [150, 201, 290], "{extension}");
    }
}
