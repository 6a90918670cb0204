//! Loading a file without holding it in memory whole: the fast path of
//! [`super::load_path`] for big letters.
//!
//! The streaming readers produce exactly what the whole-file readers produce, or give up.
//! They give up at anything unusual (an error in the file, bytes that are not UTF-8, a
//! file that is not a regular file), and the caller then reads the file whole, which
//! reports any error with its line, column and field as it always has.

use super::chunks::Chunks;
use super::json_parallel;
use super::json_stream;
use super::json_value::GaveUp;
use super::progress::Progress;
use super::{Loaded, SourceFormat, UTF8_BOM, csv, duplicates};
use std::fs::File;
use std::path::Path;

/// What the streaming loader made of a file.
pub(super) enum Outcome {
    /// The letter, as the whole-file readers would have read it.
    Loaded(Box<Loaded>),
    /// The user cancelled.
    Cancelled,
    /// Something the whole-file readers must look at.
    GaveUp,
}

/// Reads the letter at `path` a chunk at a time.
pub(super) fn load_path(path: &Path, progress: Option<&Progress>) -> Outcome {
    load_path_with(path, progress, true)
}

/// A regular file opened for the streaming readers, its first chunk read.
pub(super) struct Opened<'p> {
    pub(super) chunks: Chunks<'p, File>,
    pub(super) format: SourceFormat,
    /// The file's size in bytes.
    pub(super) bytes: u64,
}

/// Opens `path` and reads its first chunk, past any byte order mark; `Err` with what to do
/// instead when the file is not one the streaming readers can read.
pub(super) fn open<'p>(path: &Path, progress: Option<&'p Progress>) -> Result<Opened<'p>, Outcome> {
    let cancelled = || progress.is_some_and(Progress::is_cancelled);
    // Errors opening the file (not there, not a regular file, too big) are left to the
    // whole-file reader to report; it refuses the same paths before reading a byte.
    let Ok((file, size)) = crate::input::open(path, crate::input::Limit::LETTER) else {
        return Err(Outcome::GaveUp);
    };
    if let Some(progress) = progress {
        progress.set_total_bytes(size);
    }
    let mut chunks = Chunks::new(file, progress);
    match chunks.fill() {
        Ok(true) => {}
        Ok(false) if cancelled() => return Err(Outcome::Cancelled),
        Ok(false) | Err(_) => return Err(Outcome::GaveUp),
    }
    // Without a telling extension the format is read from the first bytes, which must then
    // be in this first chunk.
    let decided_by_name = SourceFormat::detect(path, b"{") == SourceFormat::detect(path, b"");
    let has_content = chunks.window().iter().any(|b| !b.is_ascii_whitespace());
    if !decided_by_name && !has_content && !chunks.at_eof() {
        return Err(Outcome::GaveUp);
    }
    let format = SourceFormat::detect(path, chunks.window());
    if chunks.window().starts_with(UTF8_BOM) {
        chunks.consume(UTF8_BOM.len());
    }
    Ok(Opened {
        chunks,
        format,
        bytes: size,
    })
}

/// [`load_path`], reading a big JSON letter's signers on every core if `may_use_threads`.
fn load_path_with(path: &Path, progress: Option<&Progress>, may_use_threads: bool) -> Outcome {
    let cancelled = || progress.is_some_and(Progress::is_cancelled);
    let Opened {
        mut chunks,
        format,
        bytes,
    } = match open(path, progress) {
        Ok(opened) => opened,
        Err(outcome) => return outcome,
    };
    let mut warnings = Vec::new();
    let is_parallel = may_use_threads && json_parallel::worth_it(bytes);
    let piece_bytes = is_parallel.then_some(json_parallel::PIECE_BYTES);
    let (letter, hashes) = match format {
        SourceFormat::Json => {
            match json_stream::parse(&mut chunks, progress, piece_bytes, &mut warnings) {
                Ok(read) => read,
                Err(GaveUp::Cancelled) => return Outcome::Cancelled,
                // A cut between signers that was not one: read again on one thread.
                Err(GaveUp::Unexpected) if is_parallel => {
                    if let Some(progress) = progress {
                        progress.set_bytes(0);
                    }
                    return load_path_with(path, progress, false);
                }
                Err(GaveUp::Unexpected) => return Outcome::GaveUp,
            }
        }
        SourceFormat::Csv => match csv::parse_from(path, &mut chunks, progress, &mut warnings) {
            Ok(letter) => (letter, None),
            Err(_) if cancelled() => return Outcome::Cancelled,
            Err(_) => return Outcome::GaveUp,
        },
    };
    // A cancelled read looks like the end of the file to the CSV reader.
    if cancelled() {
        return Outcome::Cancelled;
    }
    let duplicates = match hashes {
        Some(hashes) if hashes.len() == letter.signers.len() => duplicates::find(&hashes),
        _ => duplicates::find_in_letter(&letter),
    };
    if let Some(progress) = progress {
        progress.set_signers(letter.signers.len());
    }
    Outcome::Loaded(Box::new(Loaded {
        letter,
        warnings,
        duplicates,
        format,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Warning, json};

    fn whole(text: &str) -> Option<(crate::model::Letter, Vec<Warning>)> {
        let mut warnings = Vec::new();
        let letter = json::parse(Path::new("t.json"), text, &mut warnings).ok()?;
        Some((letter, warnings))
    }

    fn streamed(text: &str, chunk_bytes: usize) -> Option<(crate::model::Letter, Vec<Warning>)> {
        let mut chunks = Chunks::with_chunk_bytes(text.as_bytes(), None, chunk_bytes);
        chunks.fill().ok()?;
        let mut warnings = Vec::new();
        let (letter, _) = json_stream::parse(&mut chunks, None, None, &mut warnings).ok()?;
        Some((letter, warnings))
    }

    /// The signers read on worker threads, cut into pieces of about `piece_bytes`.
    fn threaded(text: &str, piece_bytes: usize) -> Option<(crate::model::Letter, Vec<Warning>)> {
        let mut chunks = Chunks::with_chunk_bytes(text.as_bytes(), None, 64);
        chunks.fill().ok()?;
        let mut warnings = Vec::new();
        let (letter, hashes) =
            json_stream::parse(&mut chunks, None, Some(piece_bytes), &mut warnings).ok()?;
        assert_eq!(hashes.map(|h| h.len()), Some(letter.signers.len()));
        Some((letter, warnings))
    }

    /// Letters whose values fall across the window's edge wherever it is.
    fn letters() -> Vec<String> {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut texts = vec![crate::load::SAMPLE_JSON.to_owned()];
        for name in [
            "letter-full.json",
            "letter-warnings.json",
            "export_hostile.json",
        ] {
            if let Ok(text) = std::fs::read_to_string(Path::new(fixtures).join(name)) {
                texts.push(text);
            }
        }
        texts.push(
            r#" {"x": 12345, "letter": {"title": "T\u00e9", "deep": [[{"a": [1.5e3, null]}]]},
            "signers": [{"name": "A\"b", "party": "L", "state": "Calif.", "district": "AL",
            "weird key \u00e9": true, "n": -7}, {"name": "Nguyễn", "state": "Atlantis"},
            {"name": "nguyen", "state": null, "party": null, "district": 0}],
            "signers": [{"name": "Second array wins", "party": "G"}], "y": false,
            "demands": null, "z": "tail"}
            "#
            .to_owned(),
        );
        texts
    }

    #[test]
    fn streaming_reads_what_the_whole_file_reader_reads_at_any_window_size() {
        for text in letters() {
            let expected = whole(&text);
            assert!(
                expected.is_some(),
                "the whole-file reader must read:\n{text}"
            );
            for chunk_bytes in [1, 2, 3, 5, 8, 13, 64, 1000, 1 << 20] {
                assert_eq!(
                    streamed(&text, chunk_bytes),
                    expected,
                    "window {chunk_bytes}"
                );
            }
            for piece_bytes in [1, 10, 100, 1000, 1 << 20] {
                // A cut inside a string or an unknown field makes the threads give up,
                // never read differently.
                if let Some(threaded) = threaded(&text, piece_bytes) {
                    assert_eq!(Some(threaded), expected, "pieces of {piece_bytes}");
                }
            }
        }
    }

    #[test]
    fn streaming_gives_up_where_the_whole_file_reader_fails() {
        let Some(text) = letters().into_iter().nth(1) else {
            return;
        };
        let mut prefixes = 0;
        for end in (0..text.len()).filter(|&end| text.is_char_boundary(end)) {
            let Some(prefix) = text.get(..end) else {
                continue;
            };
            if whole(prefix).is_none() {
                prefixes += 1;
                assert_eq!(streamed(prefix, 7), None, "prefix of {end} bytes");
            }
        }
        assert!(prefixes > 100);
        for bad in [
            r#"{"letter": {"title": "T"}, "signers": [{"name": "A"},]}"#,
            r#"{"letter": {"title": "T"}, "signers": [{"name": "A"}] x"#,
            r#"{"letter": {"title": "T"}, "signers": {"name": "A"}}"#,
            r#"{"letter": {"title": "T"}, "signers": [{"name": "A", "district": 100}]}"#,
            r#"{"letter": {"title": "T"}, "signers": [{"name": "A", "district": 1.0}]}"#,
            r#"{"letter": {"title": "T"}, "signers": [{"name": "A", "n": 01}]}"#,
            r#"{"letter": {"title": "T"}, null: 1, "signers": []}"#,
            r#"{"letter": {"title": "T"}, "signers": [], }"#,
            r#"{"signers": []}"#,
            r#"[]"#,
        ] {
            assert_eq!(whole(bad), None, "{bad}");
            for chunk_bytes in [1, 4, 1 << 20] {
                assert_eq!(streamed(bad, chunk_bytes), None, "{bad}");
            }
        }
    }

    #[test]
    fn deep_unknown_fields_are_left_to_the_whole_file_reader() {
        let deep = |levels: usize| {
            format!(
                r#"{{"letter": {{"title": "T"}}, "signers": [{{"name": "A", "x": {}1{}}}]}}"#,
                "[".repeat(levels),
                "]".repeat(levels)
            )
        };
        assert!(streamed(&deep(90), 64).is_some());
        for levels in [101, 124, 125, 126, 127, 200] {
            assert_eq!(streamed(&deep(levels), 64), None, "{levels} levels");
        }
    }
}

#[cfg(test)]
#[expect(clippy::indexing_slicing, reason = "a test fails by panicking")]
mod threaded_tests {
    use super::*;
    use crate::load::json;

    fn signer(i: usize) -> String {
        let party = ["D", "R", "I", "L", "Democrat", "G", "", "x"][i % 8];
        let state = ["NJ", "N.J.", "Atlantis", "", "calif.", "TX"][i % 6];
        format!(
            r#"{{"name": "Name {} \u00e9", "party": "{party}", "state": "{state}", "district": {}, "x": [{{"a": 1}},{{"b": [2]}}], "note": "}},{{"}}"#,
            i % 37,
            i % 20
        )
    }

    #[test]
    fn worker_threads_read_what_one_thread_reads() {
        for separator in [",", ",\n    ", " , "] {
            let signers: Vec<String> = (0..300).map(signer).collect();
            let text = format!(
                "{{\"letter\": {{\"title\": \"T\"}}, \"signers\": [\n    {}\n  ], \"demands\": [{{\"text\": \"a\"}},{{\"text\": \"b\"}}], \"z\": 1}}",
                signers.join(separator)
            );
            let mut warnings = Vec::new();
            let expected = json::parse(Path::new("t.json"), &text, &mut warnings)
                .ok()
                .map(|letter| (letter, warnings));
            assert!(expected.is_some());
            let mut read_on_threads = 0;
            for piece_bytes in [1, 50, 200, 1000, 5000, 1 << 20] {
                let mut chunks = Chunks::with_chunk_bytes(text.as_bytes(), None, 4096);
                assert!(chunks.fill().is_ok_and(|more| more));
                let mut warnings = Vec::new();
                let read = json_stream::parse(&mut chunks, None, Some(piece_bytes), &mut warnings);
                if let Ok((letter, hashes)) = read {
                    read_on_threads += 1;
                    assert_eq!(hashes.map(|h| h.len()), Some(letter.signers.len()));
                    assert_eq!(
                        Some((letter, warnings)),
                        expected,
                        "pieces of {piece_bytes}"
                    );
                }
            }
            assert!(read_on_threads > 0, "separator {separator:?}");
        }
    }
}
