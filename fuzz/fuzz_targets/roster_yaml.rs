//! A roster of Congress in its published YAML form (`legislators-current.yaml`):
//! `roster::load_bytes` must not panic, and a roster that loads must save in the app's
//! own form and load back with the same members.

#![no_main]

use libfuzzer_sys::fuzz_target;
use signer_dashboard_fuzz::{check_roster, timed};

fuzz_target!(|data: &[u8]| {
    timed("roster_yaml", data, || {
        check_roster("legislators-current.yaml", data)
    });
});
