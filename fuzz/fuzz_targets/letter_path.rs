//! A letter read from a file, by the readers that only read files: the streaming loader
//! behind `load::load_path` and the counting reader behind `load::count_path` (what
//! `summary` uses). Both must agree with `load::load_bytes` on the same bytes: the same
//! letter and warnings, and the same counts as `analysis::select`.
//!
//! Built with `--cfg fuzzing`, the readers use 64-byte chunks and 256-byte pieces, so
//! that small inputs are cut everywhere and read on several threads.

#![no_main]

use libfuzzer_sys::fuzz_target;
use signer_dashboard::analysis::{Filter, select};
use signer_dashboard::load::{self, SourceFormat};
use signer_dashboard_fuzz::{scratch_path, timed};
use std::path::PathBuf;
use std::sync::OnceLock;

/// One file per fuzzing process, rewritten for each input: in memory when /dev/shm is there.
fn input_path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    // No extension: the format is read from the first bytes, as for any odd name.
    PATH.get_or_init(|| scratch_path("signer-dashboard-fuzz"))
}

/// A filter that depends on the input, so the counting reader's search and its other
/// filters are fuzzed too.
fn filter_for(data: &[u8]) -> Filter {
    let mut filter = Filter::default();
    match data.len() % 4 {
        0 => {}
        1 => filter.search = "an".into(),
        2 => {
            filter.parties.insert("D".into());
            filter.states.insert("CA".into());
        }
        _ => filter.search = "É".into(),
    }
    filter
}

fuzz_target!(|data: &[u8]| {
    let path = input_path();
    if std::fs::write(path, data).is_err() {
        return;
    }
    timed("letter_path", data, || {
        let whole = load::load_bytes(path, data, SourceFormat::detect(path, data));
        let streamed = load::load_path(path);
        match (&whole, &streamed) {
            (Ok(whole), Ok(streamed)) => {
                assert_eq!(
                    streamed.letter, whole.letter,
                    "load_path and load_bytes differ"
                );
                assert_eq!(streamed.warnings, whole.warnings, "their warnings differ");
                assert_eq!(streamed.format, whole.format);
            }
            (Err(whole), Err(streamed)) => {
                assert_eq!(
                    streamed.to_string(),
                    whole.to_string(),
                    "their errors differ"
                );
            }
            _ => panic!(
                "load_path and load_bytes disagree: {:?} against {:?}",
                streamed.as_ref().map(|l| l.letter.signers.len()),
                whole.as_ref().map(|l| l.letter.signers.len()),
            ),
        }
        let filter = filter_for(data);
        if let Some(counted) = load::count_path(path, &filter) {
            let Ok(whole) = &whole else {
                panic!("count_path counted a file that does not load");
            };
            let selected = select(&whole.letter, &filter, None);
            assert_eq!(
                counted.tally, selected.tally,
                "count_path counts differently"
            );
            assert_eq!(
                counted.warnings, whole.warnings,
                "count_path warns differently"
            );
            assert_eq!(counted.format, whole.format);
            assert_eq!(counted.letter.info, whole.letter.info);
            assert_eq!(counted.letter.demands, whole.letter.demands);
        }
    });
});
