//! Helpers shared by the integration tests: where the fixtures are, loading them, and
//! running the real binary.

#![allow(dead_code, reason = "each test crate uses only some of the helpers")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a helper that cannot do its job should fail the test that called it"
)]

use signer_dashboard::analysis::{Filter, Selection, select};
use signer_dashboard::load::{self, LoadError, Loaded, SourceFormat};
use signer_dashboard::model::{Letter, State};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod export;
#[cfg(feature = "gui")]
pub mod gui;

/// The repository root, where `sample_data/` lives.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled sample letter as a file on disk.
pub fn sample_json_path() -> PathBuf {
    repo_root().join("sample_data/armenian-caucus-2025-04-08.json")
}

/// The sample letter's signers as a CSV file on disk.
pub fn sample_csv_path() -> PathBuf {
    repo_root().join("sample_data/armenian-caucus-2025-04-08-signers.csv")
}

/// A file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures").join(name)
}

/// Loads a fixture that must load.
pub fn load_fixture(name: &str) -> Loaded {
    let path = fixture(name);
    load::load_path(&path).unwrap_or_else(|e| panic!("{name} should load, but: {e}"))
}

/// Loads a fixture that must not load, and returns why.
pub fn load_fixture_error(name: &str) -> LoadError {
    match load::load_path(&fixture(name)) {
        Ok(loaded) => panic!(
            "{name} should not load, but gave {} signers",
            loaded.letter.signers.len()
        ),
        Err(error) => error,
    }
}

/// Loads `text` as if it were a file called `name`.
pub fn load_text(name: &str, text: &str) -> Result<Loaded, LoadError> {
    load_bytes(name, text.as_bytes())
}

/// Loads `bytes` as if they were a file called `name`, choosing the reader as `load_path` does.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let path = Path::new(name);
    load::load_bytes(path, bytes, SourceFormat::detect(path, bytes))
}

/// Writes `bytes` to a file called `name` in a fresh temporary folder, so that the test goes
/// through `load_path` and the command line as a user's file would.
pub fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// The letter whose signer is `{signer}`, as JSON: for one-signer tests of normalisation.
pub fn one_signer_letter(signer: &str) -> String {
    format!(r#"{{"letter": {{"title": "One signer"}}, "signers": [{signer}]}}"#)
}

/// Every signer, with no filter.
pub fn select_all(letter: &Letter) -> Selection {
    select(letter, &Filter::default(), None)
}

/// The names of the selected rows, in file order.
pub fn row_names(letter: &Letter, selection: &Selection) -> Vec<String> {
    selection
        .rows
        .iter()
        .map(|&row| letter.signers[row as usize].name.to_string())
        .collect()
}

/// A state by its USPS code; the test fails if the code is not one.
pub fn state(code: &str) -> State {
    State::from_code(code).unwrap_or_else(|| panic!("{code} is not a USPS code"))
}

/// The sample letter's counts by state, as the issue states them.
pub const SAMPLE_STATES: [(&str, u32); 12] = [
    ("CA", 9),
    ("IL", 3),
    ("NJ", 2),
    ("RI", 2),
    ("MA", 2),
    ("FL", 1),
    ("NY", 1),
    ("NV", 1),
    ("DC", 1),
    ("MN", 1),
    ("ME", 1),
    ("MI", 1),
];

/// Runs the real `signer-dashboard` binary with `args`, from the repository root, with
/// backtraces switched on so that a panic could not hide, and the export time fixed so
/// exports match the golden files.
pub fn run_cli<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_signer-dashboard"))
        .args(args)
        .current_dir(repo_root())
        .env("SOURCE_DATE_EPOCH", export::SOURCE_DATE_EPOCH)
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("the signer-dashboard binary runs")
}

/// Stdout of a run that must succeed with no warnings.
pub fn cli_stdout(args: &[&str]) -> String {
    let output = run_cli(args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "signer-dashboard {args:?} failed: {stderr}"
    );
    assert_eq!(stderr, "", "signer-dashboard {args:?} printed to stderr");
    String::from_utf8(output.stdout).expect("stdout is UTF-8")
}

/// Stdout of a `--format json` run, parsed.
pub fn cli_json(args: &[&str]) -> serde_json::Value {
    let stdout = cli_stdout(args);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}"))
}
