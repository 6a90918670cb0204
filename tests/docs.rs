//! The examples in docs/FORMAT.md load, and say what the text around them says they say,
//! so the documentation cannot drift from the loaders.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::{load_text, select_all, state};
use serde_json::json;
use signer_dashboard::model::{Chamber, DemandStatus, Party, Role, State};
use std::path::Path;

fn format_md() -> String {
    std::fs::read_to_string(common::repo_root().join("docs/FORMAT.md")).unwrap()
}

/// The fenced code blocks of `markdown` in `language`, in order.
fn code_blocks(markdown: &str, language: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_end()) {
            (None, fence) if fence == format!("```{language}") => current = Some(String::new()),
            (Some(_), "```") => blocks.extend(current.take()),
            (Some(block), text) => {
                block.push_str(text);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn the_json_example_loads_as_described() {
    let blocks = code_blocks(&format_md(), "json");
    assert_eq!(blocks.len(), 1, "one complete example");
    let loaded = load_text("example.json", &blocks[0]).unwrap();
    let letter = &loaded.letter;
    let tally = select_all(letter).tally;
    assert_eq!(tally.total, 6);
    assert_eq!(tally.party(Party::D), 2);
    assert_eq!(tally.party(Party::R), 1);
    assert_eq!(tally.party(Party::I), 1);
    assert_eq!(tally.party(letter.parties.find("G").unwrap()), 1);
    assert_eq!(tally.party(Party::UNKNOWN), 1);
    assert_eq!(tally.role(Role::Lead), 2);
    assert_eq!(tally.role(Role::Cosigner), 4);
    assert_eq!(tally.chamber(Some(Chamber::Senate)), 1);
    assert_eq!((tally.demands_met, tally.demands_total), (1, 3));
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(loaded.warnings[0].message.contains("\"G\""));

    let states: Vec<State> = letter.signers.iter().map(|s| s.state).collect();
    assert_eq!(
        states,
        [
            state("NJ"),
            state("CA"),
            state("DC"),
            state("ME"),
            state("PA"),
            State::UNKNOWN
        ]
    );
    assert_eq!(letter.signers[1].district, Some(22));
    assert_eq!(letter.signers[2].district, Some(0));
    assert_eq!(
        letter.info.extra.get("campaign_code"),
        Some(&json!("EX-2025-04"))
    );
    assert!(
        letter.signers[3]
            .extra
            .as_deref()
            .is_some_and(|e| e.contains_key("staff_contact"))
    );
    let ids: Vec<&str> = letter.demands.iter().map(|d| &*d.id).collect();
    assert_eq!(ids, ["release-workers", "independent-inquiry", "d3"]);
    assert_eq!(letter.demands[0].status, DemandStatus::InProgress);
}

#[test]
fn the_csv_example_loads_as_described() {
    let blocks = code_blocks(&format_md(), "csv");
    assert_eq!(blocks.len(), 1);
    let loaded = load_text("signers.csv", &blocks[0]).unwrap();
    let letter = &loaded.letter;
    assert_eq!(letter.info.title, "signers");
    assert!(letter.demands.is_empty());
    let names: Vec<&str> = letter.signers.iter().map(|s| &*s.name).collect();
    assert_eq!(
        names,
        [
            "Jane Doe",
            "John Roe",
            "Major, Mary",
            "Sam Senator",
            "Pat \"Patty\" Green"
        ]
    );
    assert_eq!(letter.signers[2].role, Role::Cosigner, "a blank role");
    assert_eq!(letter.signers[2].state, state("DC"));
    assert_eq!(letter.signers[4].state, state("PA"));
}

#[test]
fn the_warning_and_error_examples_are_what_the_loaders_print() {
    let text = format_md();
    let loaded = common::load_fixture("letter-warnings.json");
    for warning in loaded
        .warnings
        .iter()
        .filter(|w| !w.message.contains("party"))
    {
        let line = format!("warning: letter.json: {warning}");
        assert!(text.contains(&line), "FORMAT.md lacks {line:?}");
    }
    let names = loaded
        .duplicates
        .iter()
        .map(|d| &*loaded.letter.signers[d.signer].name);
    let grouped = signer_dashboard::load::describe_duplicates(&loaded.duplicates, names);
    let each = loaded
        .duplicates
        .iter()
        .map(|d| d.describe(&loaded.letter.signers[d.signer].name));
    for shown in grouped.into_iter().chain(each) {
        let line = format!("warning: letter.json: {shown}");
        assert!(text.contains(&line), "FORMAT.md lacks {line:?}");
    }
    let district = common::load_fixture_error("letter-district-twelve.json");
    let shown = district
        .to_string()
        .replace(&common::fixture("").display().to_string(), "");
    assert!(
        text.contains(&format!(
            "error: {}",
            shown.replace("letter-district-twelve", "letter")
        )),
        "FORMAT.md lacks {shown:?}"
    );
}

fn readme() -> String {
    std::fs::read_to_string(common::repo_root().join("README.md")).unwrap()
}

#[test]
fn the_readme_example_output_is_what_summary_prints() {
    let readme = readme();
    let blocks = code_blocks(&readme, "console");
    assert_eq!(blocks.len(), 1);
    let (command, shown) = blocks[0].split_once('\n').unwrap();
    let arguments = command
        .strip_prefix("$ cargo run --release -- ")
        .unwrap_or_else(|| panic!("not a cargo run line: {command:?}"));
    let arguments: Vec<&str> = arguments.split_whitespace().collect();
    assert_eq!(common::cli_stdout(&arguments), shown);
}

#[test]
fn the_readme_error_example_is_what_summary_prints() {
    let output = common::run_cli(["summary", "tests/fixtures/letter-district-twelve.json"]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    let shown = stderr.replace("tests/fixtures/letter-district-twelve.json", "letter.json");
    assert!(readme().contains(&shown), "README lacks {shown:?}");
}

#[test]
fn the_readme_shows_its_screenshot_and_links_the_format() {
    let readme = readme();
    let lines: Vec<&str> = readme.lines().collect();
    assert_eq!(lines[0], "# Signer Dashboard");
    assert!(
        lines[1].starts_with("![") && lines[1].ends_with("](assets/screenshot.png)"),
        "{}",
        lines[1]
    );
    let screenshot = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/screenshot.png");
    assert!(std::fs::read(screenshot).unwrap().starts_with(b"\x89PNG"));
    assert!(readme.contains("(docs/FORMAT.md)"));
    for command in ["cargo run --release", "cargo test"] {
        assert!(readme.contains(command), "{command}");
    }
}

#[test]
fn the_outreach_example_reads_as_described() {
    let blocks = code_blocks(&format_md(), "text");
    let block = blocks
        .iter()
        .find(|b| b.starts_with("\"outreach\": {"))
        .expect("the outreach example");
    let value: serde_json::Value = serde_json::from_str(&format!("{{{block}}}")).unwrap();
    let outreach = signer_dashboard::outreach::Outreach::from_value(&value["outreach"]).unwrap();
    assert_eq!(outreach.goal.as_ref().unwrap().signers, 40);
    let clyburn = outreach.member("C000537").unwrap();
    assert_eq!(clyburn.status, signer_dashboard::outreach::Status::Asked);
    assert_eq!(clyburn.log.len(), 1);
    assert_eq!(
        outreach.status("S000510"),
        signer_dashboard::outreach::Status::LeanYes
    );
}
