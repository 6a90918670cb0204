//! A JSON letter file: `load::load_bytes` must not panic, and a letter that loads must
//! save and load back to the same letter.

#![no_main]

use libfuzzer_sys::fuzz_target;
use signer_dashboard::load::{self, SourceFormat};
use signer_dashboard_fuzz::{assert_saves_back, timed};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    timed("letter_json", data, || {
        if let Ok(loaded) = load::load_bytes(Path::new("letter.json"), data, SourceFormat::Json) {
            assert_saves_back(&loaded.letter);
        }
    });
});
