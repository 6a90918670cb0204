//! `load_path` reads regular files a chunk at a time; whatever the file holds, it must give
//! what the whole-text reader `load_bytes` gives: the same letter and warnings, or the same
//! error with the same line, column and field.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]

use signer_dashboard::load::{self, LoadError, LoadErrorKind, Loaded, Progress, SourceFormat};
use std::path::Path;

fn whole(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = std::fs::read(path).expect("the test file is there");
    load::load_bytes(path, &bytes, SourceFormat::detect(path, &bytes))
}

#[track_caller]
fn assert_same(path: &Path) {
    let streamed = load::load_path(path);
    let expected = whole(path);
    match (streamed, expected) {
        (Ok(streamed), Ok(expected)) => {
            assert_eq!(streamed.letter, expected.letter, "{}", path.display());
            assert_eq!(streamed.warnings, expected.warnings, "{}", path.display());
            assert_eq!(
                streamed.duplicates,
                expected.duplicates,
                "{}",
                path.display()
            );
            assert_eq!(streamed.format, expected.format, "{}", path.display());
        }
        (streamed, expected) => assert_eq!(
            streamed.err(),
            expected.err(),
            "{}: one loads and the other does not",
            path.display()
        ),
    }
}

fn fixture_text(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(path).expect("the fixture is there")
}

#[test]
fn every_prefix_of_a_letter_loads_or_fails_as_the_whole_text_does() {
    let folder = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("letter.json", fixture_text("letter-warnings.json")),
        ("signers.csv", fixture_text("signers-quoting.csv")),
        ("no-extension", fixture_text("letter-full.json")),
    ] {
        let path = folder.path().join(name);
        // Every prefix near the start and the end, where the readers decide most; every
        // seventh in between, to keep the test quick.
        let ends =
            (0..=text.len()).filter(|&end| end < 400 || text.len() - end < 400 || end % 7 == 0);
        for end in ends {
            std::fs::write(&path, &text[..end]).unwrap();
            assert_same(&path);
        }
    }
}

#[test]
fn odd_files_load_as_the_whole_text_does() {
    let folder = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8]); 10] = [
        ("bom.json", b"\xEF\xBB\xBF{\"letter\": {\"title\": \"T\"}, \"signers\": []}"),
        ("bom.csv", b"\xEF\xBB\xBFname,party\nA,D\n"),
        ("latin1.json", b"{\"letter\": {\"title\": \"Caf\xE9\"}, \"signers\": []}"),
        ("latin1.csv", b"name,party\nJos\xE9,D\n"),
        ("blank.json", b"   \n"),
        ("blank", b"\n\n  \n"),
        (
            "twice.json",
            b"{\"letter\": {\"title\": \"T\"}, \"signers\": [{\"name\": \"A\", \"party\": \"L\"}], \"signers\": [{\"name\": \"B\", \"party\": \"G\"}, {\"name\": \"b\"}, {\"name\": \"B\"}]}",
        ),
        (
            "escaped-key.json",
            b"{\"letter\": {\"title\": \"T\"}, \"sign\\u0065rs\": [{\"n\\u0061me\": \"A\\u00e9\"}]}",
        ),
        (
            "trailing.json",
            b"{\"letter\": {\"title\": \"T\"}, \"signers\": []} {}",
        ),
        ("tabs.tsv", b"name\tparty\tstate\nA\tD\tN.J.\nA\tD\tnj\n"),
    ];
    for (name, bytes) in cases {
        let path = folder.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        assert_same(&path);
    }
    let folder_error = load::load_path(folder.path()).unwrap_err();
    assert_eq!(folder_error.kind, LoadErrorKind::Unreadable);
    let missing = load::load_path(&folder.path().join("missing.json")).unwrap_err();
    assert_eq!(missing.kind, LoadErrorKind::NotFound);
}

#[test]
fn progress_counts_the_whole_file_and_cancel_stops_the_load() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/armenian-caucus-2025-04-08.json");
    let progress = Progress::default();
    let loaded = load::load_path_with_progress(&path, &progress)
        .unwrap()
        .expect("not cancelled");
    assert_eq!(loaded.letter.signers.len(), 25);
    assert_eq!(progress.signers_read(), 25);
    assert_eq!(Some(progress.bytes_read()), progress.total_bytes());
    assert_eq!(progress.fraction(), Some(1.0));

    let cancelled = Progress::default();
    cancelled.cancel();
    assert!(
        load::load_path_with_progress(&path, &cancelled)
            .unwrap()
            .is_none()
    );
}
