//! What the fuzz targets share: timing each input to keep the slowest one, the small
//! roster the extractor matches against, and the checks that a letter survives a save.
//!
//! Nothing here is part of the app; the targets in `fuzz_targets/` are the app's readers
//! called on the fuzzer's bytes.

use signer_dashboard::load::{self, SourceFormat};
use signer_dashboard::model::Letter;
use signer_dashboard::roster::{self, Roster};
use signer_dashboard::save::write_letter;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Runs `run` on one input and, when `FUZZ_SLOWEST_DIR` names a folder, keeps the slowest
/// input seen so far there as `TARGET.slowest`, with its time in `TARGET.slowest.txt`.
///
/// libFuzzer itself only reports inputs slower than a whole second; this gives the slowest
/// of all the run's executions, to the microsecond.
pub fn timed<R>(target: &str, data: &[u8], run: impl FnOnce() -> R) -> R {
    static SLOWEST: Mutex<Duration> = Mutex::new(Duration::ZERO);
    static FOLDER: OnceLock<Option<PathBuf>> = OnceLock::new();
    let started = Instant::now();
    let result = run();
    let elapsed = started.elapsed();
    let Some(folder) =
        FOLDER.get_or_init(|| std::env::var_os("FUZZ_SLOWEST_DIR").map(PathBuf::from))
    else {
        return result;
    };
    let Ok(mut slowest) = SLOWEST.lock() else {
        return result;
    };
    if elapsed > *slowest {
        *slowest = elapsed;
        // Best effort: a full disk must not stop the fuzzing itself.
        let _ = std::fs::write(folder.join(format!("{target}.slowest")), data);
        let _ = std::fs::write(
            folder.join(format!("{target}.slowest.txt")),
            format!("{} µs for {} bytes\n", elapsed.as_micros(), data.len()),
        );
    }
    result
}

/// A path of this fuzzing process's own, `name` followed by the process id: in memory
/// when /dev/shm is there, so that writing each input to it costs no disk.
pub fn scratch_path(name: &str) -> PathBuf {
    let shm = Path::new("/dev/shm");
    let folder = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    folder.join(format!("{name}-{}", std::process::id()))
}

/// The test fixture's roster (a few members of the 119th Congress), read once.
pub fn fixture_roster() -> &'static Roster {
    static ROSTER: OnceLock<Roster> = OnceLock::new();
    ROSTER.get_or_init(|| {
        let path = Path::new("legislators-current.json");
        let bytes = include_bytes!("../../tests/fixtures/roster/legislators-current.json");
        roster::load_bytes(path, bytes).unwrap_or_else(|e| panic!("the fixture roster: {e}"))
    })
}

/// Saves `letter` as the app saves it and reads it back: the loader must give back the same
/// letter, or a save would change what the user had.
pub fn assert_saves_back(letter: &Letter) {
    let mut saved = Vec::new();
    write_letter(&mut saved, letter).unwrap_or_else(|e| panic!("writing the letter: {e}"));
    let reloaded = load::load_bytes(Path::new("saved.json"), &saved, SourceFormat::Json)
        .unwrap_or_else(|e| {
            panic!(
                "the saved letter does not load: {e}\n{}",
                String::from_utf8_lossy(&saved)
            )
        });
    assert_eq!(
        &reloaded.letter,
        letter,
        "the saved letter loads back different:\n{}",
        String::from_utf8_lossy(&saved)
    );
}

/// Reads a roster from `data` as the file `name` and, when it loads, saves it in the app's
/// own form and reads that back: the same members must come back.
pub fn check_roster(name: &str, data: &[u8]) {
    let Ok(roster) = roster::load_bytes(Path::new(name), data) else {
        return;
    };
    let mut saved = Vec::new();
    roster
        .write_json(&mut saved)
        .unwrap_or_else(|e| panic!("writing the roster: {e}"));
    let reloaded = roster::load_bytes(Path::new("roster.json"), &saved)
        .unwrap_or_else(|e| panic!("the saved roster does not load: {e}"));
    assert_eq!(
        reloaded.members(),
        roster.members(),
        "the saved roster loads back different"
    );
}
