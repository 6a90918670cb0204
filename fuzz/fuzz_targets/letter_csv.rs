//! A CSV table of signers: `load::load_bytes` must not panic, and a table that loads must
//! save (as the JSON letter the app writes) and load back to the same letter.

#![no_main]

use libfuzzer_sys::fuzz_target;
use signer_dashboard::load::{self, SourceFormat};
use signer_dashboard_fuzz::{assert_saves_back, timed};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    timed("letter_csv", data, || {
        if let Ok(loaded) = load::load_bytes(Path::new("signers.csv"), data, SourceFormat::Csv) {
            assert_saves_back(&loaded.letter);
        }
    });
});
