//! The recovery file the window writes every few seconds while there are unsaved changes,
//! and offers back on the next start: reading it must not panic, and a letter recovered
//! from it must save and load back to the same letter.

#![no_main]

use libfuzzer_sys::fuzz_target;
use signer_dashboard::gui::session;
use signer_dashboard_fuzz::{assert_saves_back, scratch_path, timed};
use std::path::PathBuf;
use std::sync::OnceLock;

/// A data folder of this fuzzing process's own, in memory when /dev/shm is there.
fn data_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = scratch_path("signer-dashboard-fuzz-recovery");
        let _ = std::fs::create_dir_all(&dir);
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let dir = data_dir();
    if std::fs::write(session::recovery_path(dir), data).is_err() {
        return;
    }
    timed("recovery", data, || {
        if let Some(Ok(recovery)) = session::read_recovery(dir) {
            assert_saves_back(&recovery.letter);
        }
    });
});
