//! The Markdown one-pager: escaped text, the demands as a checklist, and the filter.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::export::{GENERATED_AT, export, hostile, party_filter};
use signer_dashboard::analysis::Filter;
use signer_dashboard::export::ExportFormat;
use signer_dashboard::load;
use signer_dashboard::model::Role;
use signer_dashboard::text::fold;

#[test]
fn hostile_text_is_escaped_and_cannot_break_the_layout() {
    let markdown = export(&hostile(), &Filter::default(), ExportFormat::Markdown);
    assert!(markdown.starts_with("# Hostile \\<b\\>letter\\</b\\> \\& \"friends\" =1\\+1\n"));
    assert!(
        !markdown.contains("<script>"),
        "raw HTML would run in some renderers"
    );
    assert!(markdown.contains("- \\<script\\>alert\\(1\\)\\</script\\> (R-TX)"));
    assert!(markdown.contains("> \\</style\\>\\<script\\>alert\\(2\\)\\</script\\> \\*\\* not bold \\*\\* \\[x\\]\\(javascript:alert\\(3\\)\\)"));
    assert!(markdown.contains("- **Source:** javascript:alert\\(4\\)"));
    assert!(
        markdown.contains("- \u{2068}\u{202e}evil.exe\u{202c} Smith\u{2069} (D-=Atlantis)"),
        "right-to-left text is isolated: {markdown}"
    );
    // Every table row has as many cells as its header: no name adds a `|`.
    for table in markdown.split("\n\n").filter(|b| b.starts_with('|')) {
        let widths: Vec<usize> = table
            .lines()
            .map(|l| l.replace("\\|", "").matches('|').count())
            .collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{table}");
    }
    assert!(
        !markdown.lines().any(|l| l.starts_with("line two")),
        "a line break in a note cannot start a new block"
    );
}

#[test]
fn the_demands_are_a_checklist_with_status_source_and_note() {
    let markdown = export(&hostile(), &Filter::default(), ExportFormat::Markdown);
    let section = &markdown[markdown.find("## Demands (1 of 3 met)").unwrap()..];
    let expected = "## Demands (1 of 3 met)\n\n\
        - [x] \\<script\\>alert\\('demand'\\)\\</script\\> \\*free\\* them\n  \
          - Met · Source: =cmd\n  \
          - Note: \\*\\*bold\\*\\* \\[link\\]\\(javascript:alert\\(1\\)\\)\n\
        - [ ] Second \\| demand with - \\[ \\] inside\n  \
          - In progress\n  \
          - Note: in hand\n\
        - [ ] \u{2068}محمد demand\u{2069}\n  \
          - Open · Source: \u{2068}\u{202e}RLO source\u{2069}\n";
    assert_eq!(section, expected);
}

#[test]
fn the_header_carries_title_date_recipients_filters_and_time_made() {
    let markdown = export(&load::sample(), &Filter::default(), ExportFormat::Markdown);
    let head: Vec<&str> = markdown.lines().take(8).collect();
    assert!(head[0].starts_with("# Armenian Caucus letter"));
    assert!(head.contains(&"- **Date:** April 8, 2025"));
    assert!(head.contains(
        &"- **To:** Secretary of State Marco Rubio; National Security Advisor Michael Waltz"
    ));
    assert!(head.contains(&"- **Filters:** none"));
    assert!(head.contains(&format!("- **Made:** {GENERATED_AT} with Signer Dashboard").as_str()));
}

#[test]
fn a_filtered_one_pager_says_so_and_counts_only_what_is_shown() {
    let mut filter = party_filter("D");
    filter.search = "an".into();
    let markdown = export(&load::sample(), &filter, ExportFormat::Markdown);
    assert!(markdown.contains("- **Filters:** party D; search \"an\"\n"));
    let letter = load::sample();
    let shown: Vec<_> = letter
        .signers
        .iter()
        .filter(|s| letter.party_code(s) == "D" && fold(&s.name).contains("an"))
        .collect();
    assert!(shown.len() >= 2, "the filter should leave several signers");
    assert!(markdown.contains(&format!("**{} signers**", shown.len())));
    assert!(markdown.contains(&format!("| Democratic (D) | {} | 100% |", shown.len())));
    assert!(!markdown.contains("Republican"));
    let leads: Vec<&str> = markdown
        .split("## Leads\n\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| l.starts_with("- "))
        .collect();
    let expected_leads: Vec<String> = shown
        .iter()
        .filter(|s| s.role == Role::Lead)
        .map(|s| {
            format!(
                "- {} (D-{}-{})",
                s.name,
                s.state.code(),
                s.district.unwrap()
            )
        })
        .collect();
    assert_eq!(leads, expected_leads);
    assert!(leads.contains(&"- Frank Pallone (D-NJ-6)"));
}
