//! Killing a save or an export at random moments (issue 16): after every SIGKILL the file
//! is either the old one or the whole new one, never a part of it; the `.bak` is the
//! original; the temporary file a killed writer leaves is never taken for the file; and
//! such leftovers are cleared by the next write instead of piling up.
//!
//! The delays come from a seeded generator; the seed is printed, and
//! `SIGNER_DASHBOARD_KILL_SEED=N` runs the same delays again.
#![cfg(unix)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use signer_dashboard::load::{self, SourceFormat};
use signer_dashboard::model::{Letter, Party, Signer, State};
use signer_dashboard::save::{backup_path, save_letter, write_letter};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How many times each writer is killed.
const KILLS: usize = 100;

/// Signers in the letter written: big enough that a debug build takes a few tens of
/// milliseconds to write it, so most kills land inside a write.
const SIGNERS: usize = 4_000;

/// Set in the child that [`save_child`] turns into: the folder whose `letter.json` it saves.
const SAVE_FOLDER_VAR: &str = "SIGNER_DASHBOARD_KILL_SAVE_FOLDER";

/// A big letter; `version` changes its title, so each version saves to different bytes.
fn big_letter(version: usize) -> Letter {
    let mut letter = Letter::default();
    letter.info.title = format!("Kill test letter, version {version}");
    let states = ["CA", "NY", "TX", "NJ", "FL", "WA"];
    for i in 0..SIGNERS {
        let state = State::from_code(states[i % states.len()]).unwrap();
        let party = if i % 3 == 0 { Party::R } else { Party::D };
        let mut signer = Signer::new(&format!("Member Number{i} Version{version}"), party, state);
        signer.note = Some(format!("signed in round {}", i % 17).into());
        letter.signers.push(signer);
    }
    letter
}

fn saved_bytes(letter: &Letter) -> Vec<u8> {
    let mut out = Vec::new();
    write_letter(&mut out, letter).unwrap();
    out
}

/// A small seeded generator (xorshift64*): the same seed, the same delays.
struct Delays(u64);

impl Delays {
    fn from_env() -> Delays {
        let seed = std::env::var("SIGNER_DASHBOARD_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            });
        println!("kill delays seeded with {seed} (SIGNER_DASHBOARD_KILL_SEED={seed} repeats them)");
        Delays(seed.max(1))
    }

    /// A delay from zero to `most`.
    fn up_to(&mut self, most: Duration) -> Duration {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let random = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        let micros = most.as_micros().max(1) as u64;
        Duration::from_micros(random % micros)
    }
}

/// Kills `child` with SIGKILL and reaps it: no destructor, no cleanup runs in it.
fn kill(mut child: Child) {
    // Already gone is fine: it can only have finished.
    let _ = child.kill();
    child.wait().unwrap();
}

/// The files in `folder` other than those named in `known`; each must be a writer's
/// temporary file (`.NAME.PID.N.tmp`), never something that looks like the target.
fn temporaries(folder: &Path, known: &[&Path]) -> Vec<String> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if known.contains(&path.as_path()) {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with('.') && name.ends_with(".tmp"),
            "{name}: a file a writer left that is not a hidden temporary file"
        );
        names.push(name);
    }
    names
}

/// Not a test of its own: when [`SAVE_FOLDER_VAR`] is set this is the child process that
/// the save test kills, saving two versions of the big letter in turn until it is killed.
#[test]
fn save_child() {
    let Some(folder) = std::env::var_os(SAVE_FOLDER_VAR).map(PathBuf::from) else {
        return;
    };
    let letters = [big_letter(1), big_letter(2)];
    let target = folder.join("letter.json");
    std::fs::write(folder.join("ready"), b"").unwrap();
    for round in 0.. {
        save_letter(&target, &letters[round % 2]).unwrap();
    }
}

/// Starts [`save_child`] on `folder` and waits until its letters are built.
fn start_saving(folder: &Path) -> Child {
    let ready = folder.join("ready");
    let _ = std::fs::remove_file(&ready);
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["save_child", "--exact", "--nocapture", "--test-threads=1"])
        .env(SAVE_FOLDER_VAR, folder)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !ready.exists() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the saving child exited before it was ready: {status}");
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the saving child never got ready"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    std::fs::remove_file(&ready).unwrap();
    child
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_letter_or_a_whole_new_one_and_the_backup() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("letter.json");
    let backup = backup_path(&target);
    let original = saved_bytes(&big_letter(0));
    let versions = [saved_bytes(&big_letter(1)), saved_bytes(&big_letter(2))];

    // How long one save takes here sets the span of the delays: up to three saves.
    std::fs::write(&target, &original).unwrap();
    let timing = Instant::now();
    save_letter(&target, &big_letter(1)).unwrap();
    let one_save = timing.elapsed();
    println!("one save of {SIGNERS} signers: {one_save:?}");

    let mut delays = Delays::from_env();
    let mut found: BTreeMap<&str, usize> = BTreeMap::new();
    let mut kills_leaving_a_temporary = 0;
    for round in 0..KILLS {
        // Each round starts from the original with no backup, so that kills land in the
        // backup's write as well as in the letter's.
        std::fs::write(&target, &original).unwrap();
        let _ = std::fs::remove_file(&backup);
        let child = start_saving(folder.path());
        let delay = delays.up_to(one_save * 3);
        std::thread::sleep(delay);
        kill(child);

        let now = std::fs::read(&target).unwrap();
        let what = if now == original {
            "the original"
        } else if now == versions[0] {
            "version 1"
        } else if now == versions[1] {
            "version 2"
        } else {
            panic!(
                "round {round}, killed after {delay:?}: letter.json is {} bytes, neither the \
                 old letter nor a whole new one",
                now.len()
            )
        };
        *found.entry(what).or_default() += 1;
        let loaded = load::load_bytes(&target, &now, SourceFormat::Json).unwrap();
        assert_eq!(loaded.letter.signers.len(), SIGNERS);
        if backup.exists() {
            assert!(
                std::fs::read(&backup).unwrap() == original,
                "round {round}, killed after {delay:?}: the .bak is not the original"
            );
        } else {
            assert!(
                now == original,
                "round {round}, killed after {delay:?}: the letter changed without a .bak"
            );
        }
        let left = temporaries(folder.path(), &[&target, &backup]);
        // At most one of each file's: the one the killed child was writing. What the child
        // before it left was cleared by this child's first write of the same file.
        let of_letter = left
            .iter()
            .filter(|n| !n.starts_with(".letter.json.bak."))
            .count();
        assert!(
            of_letter <= 1 && left.len() - of_letter <= 1,
            "round {round}: temporary files pile up: {left:?}"
        );
        kills_leaving_a_temporary += usize::from(!left.is_empty());
    }
    println!(
        "after {KILLS} kills the letter was {found:?}; {kills_leaving_a_temporary} kills left a temporary file"
    );
    // The delays spread over the saves: some kills came before the first save was done,
    // some after, and some inside a write.
    assert!(
        found.get("the original").is_some_and(|&n| n > 0),
        "{found:?}"
    );
    assert!(found.len() > 1, "no kill came after a save: {found:?}");
    assert!(kills_leaving_a_temporary > 0, "no kill came inside a write");

    // The next save clears what the last killed child left.
    save_letter(&target, &big_letter(3)).unwrap();
    let left = temporaries(folder.path(), &[&target, &backup]);
    assert!(left.is_empty(), "the next save left {left:?}");
}

#[test]
fn an_export_killed_at_any_moment_leaves_the_old_file_or_the_whole_new_one() {
    let folder = tempfile::tempdir().unwrap();
    let letter_path = folder.path().join("big.json");
    std::fs::write(&letter_path, saved_bytes(&big_letter(1))).unwrap();
    let small_path = folder.path().join("small.json");
    let mut small = big_letter(0);
    small.signers.truncate(3);
    std::fs::write(&small_path, saved_bytes(&small)).unwrap();
    let out = folder.path().join("signers.csv");
    let export = |letter: &Path| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_signer-dashboard"));
        command
            .arg("export")
            .arg(letter)
            .arg("-o")
            .arg(&out)
            .env("SOURCE_DATE_EPOCH", "1765000000")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    };
    let finish = |mut command: Command| assert!(command.status().unwrap().success());

    finish(export(&small_path));
    let old = std::fs::read(&out).unwrap();
    let timing = Instant::now();
    finish(export(&letter_path));
    let one_export = timing.elapsed();
    let new = std::fs::read(&out).unwrap();
    assert_ne!(old, new);
    println!("one export of {SIGNERS} signers, from start to exit: {one_export:?}");

    let mut delays = Delays::from_env();
    let (mut old_count, mut new_count, mut temporaries_left) = (0, 0, 0);
    for round in 0..KILLS {
        std::fs::write(&out, &old).unwrap();
        let child = export(&letter_path).spawn().unwrap();
        // The export reads the letter before it writes: most of the span is the write.
        let delay = delays.up_to(one_export.mul_f32(1.2));
        std::thread::sleep(delay);
        kill(child);

        let now = std::fs::read(&out).unwrap();
        if now == old {
            old_count += 1;
        } else if now == new {
            new_count += 1;
        } else {
            panic!(
                "round {round}, killed after {delay:?}: signers.csv is {} bytes of the {} of \
                 the whole export, and not the old file",
                now.len(),
                new.len()
            );
        }
        let left = temporaries(folder.path(), &[&letter_path, &small_path, &out]);
        assert!(
            left.len() <= 1,
            "round {round}: temporary files pile up: {left:?}"
        );
        temporaries_left += left.len();
    }
    println!(
        "after {KILLS} kills the export was the old file {old_count} times and the new one \
         {new_count} times; {temporaries_left} kills left a temporary file"
    );
    assert!(
        old_count > 0 && new_count > 0,
        "the kills did not spread over the export"
    );
    assert!(temporaries_left > 0, "no kill came inside the write");

    finish(export(&letter_path));
    let left = temporaries(folder.path(), &[&letter_path, &small_path, &out]);
    assert!(left.is_empty(), "the next export left {left:?}");
}
