//! Finding signers in a press release (`extract`, File ▸ Import from text and the
//! `extract` command): it must not panic, every range it reports must point into its text
//! on character boundaries, and the letter made of what it found must save and load back.

#![no_main]

use libfuzzer_sys::fuzz_target;
use signer_dashboard::extract::extract;
use signer_dashboard_fuzz::{assert_saves_back, fixture_roster, timed};
use std::ops::Range;

fn assert_points_into(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        text.get(range.clone()).is_some(),
        "{what} {range:?} is not a range of the text ({} bytes)",
        text.len()
    );
}

fuzz_target!(|data: &[u8]| {
    // The command and the dialog both refuse text that is not UTF-8 before extracting.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    timed("extract", data, || {
        // Half the inputs with the roster, so the matching of found names is fuzzed too.
        let roster = data.len().is_multiple_of(2).then(fixture_roster);
        let found = extract(text, roster);
        let text = found.text.as_str();
        if let Some(title) = &found.title {
            assert_points_into(text, &title.snippet, "the title");
        }
        if let Some(date) = &found.date {
            assert_points_into(text, &date.snippet, "the date");
        }
        for signer in &found.signers {
            assert_points_into(text, &signer.snippet, "a snippet");
            for mention in &signer.mentions {
                assert_points_into(text, mention, "a mention");
            }
            if let Some(cue) = &signer.role_cue {
                assert_points_into(text, cue, "a role cue");
            }
            assert!(
                (0.0..=1.0).contains(&signer.confidence),
                "confidence {} is not between 0 and 1",
                signer.confidence
            );
        }
        assert_saves_back(&found.to_letter("Imported letter"));
    });
});
