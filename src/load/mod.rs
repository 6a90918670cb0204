//! Reading letters from JSON letter files and signer CSV files.
//!
//! Loading never panics on a user's file: every problem becomes a [`LoadError`] that names
//! the file, the line and column where there is one, the field and what was expected, or a
//! [`Warning`] when the file can still be shown (an unknown state), and the signers who may
//! be listed twice ([`Duplicate`]).

mod chunks;
mod count;
mod csv;
mod csv_rows;
mod duplicates;
mod error;
mod json;
mod json_fast;
mod json_parallel;
mod json_stream;
mod json_value;
mod normalise;
mod progress;
mod sink;
mod streaming;
mod words;

pub use count::{Counted, count_path};
pub use duplicates::{DUPLICATE_EXAMPLES, Duplicate, describe_duplicates};
pub(crate) use error::write_located;
pub use error::{LoadError, LoadErrorKind, Warning};
pub use progress::Progress;

use crate::input::Limit;
use crate::model::Letter;
use std::path::Path;

/// The two kinds of file the app reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// A letter file: one JSON object with `letter`, `signers` and `demands`.
    Json,
    /// A table of signers with a header row.
    Csv,
}

impl SourceFormat {
    /// The format a file name says, or the one its first bytes look like.
    pub fn detect(path: &Path, bytes: &[u8]) -> SourceFormat {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("json") => SourceFormat::Json,
            Some("csv" | "tsv" | "txt") => SourceFormat::Csv,
            _ => {
                let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
                match body.iter().find(|b| !b.is_ascii_whitespace()) {
                    Some(b'{' | b'[') => SourceFormat::Json,
                    _ => SourceFormat::Csv,
                }
            }
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A letter read from a file, with what the reader noticed on the way.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The letter.
    pub letter: Letter,
    /// Problems that did not stop the file from loading.
    pub warnings: Vec<Warning>,
    /// The signers with the same name (ignoring case and accents) and state as an earlier
    /// one, in file order: kept and counted, and shown to the user as possible duplicates.
    pub duplicates: Vec<Duplicate>,
    /// What kind of file it was.
    pub format: SourceFormat,
}

/// Reads the letter at `path`, choosing the reader by extension or content.
///
/// A regular file is read a few megabytes at a time, so that a big letter and its file are
/// never in memory together; anything unusual, errors included, is read whole, exactly as
/// [`load_bytes`] reads it.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    if let streaming::Outcome::Loaded(loaded) = streaming::load_path(path, None) {
        return outreach_checked(path, *loaded);
    }
    let bytes = crate::input::read(path, Limit::LETTER).map_err(|e| LoadError::input(path, &e))?;
    load_bytes(path, &bytes, SourceFormat::detect(path, &bytes))
}

/// [`load_path`] for a loading thread: counts bytes and signers in `progress` as it reads,
/// and stops early when another thread calls [`Progress::cancel`], returning `Ok(None)`.
pub fn load_path_with_progress(
    path: &Path,
    progress: &Progress,
) -> Result<Option<Loaded>, LoadError> {
    match streaming::load_path(path, Some(progress)) {
        streaming::Outcome::Loaded(loaded) => return outreach_checked(path, *loaded).map(Some),
        streaming::Outcome::Cancelled => return Ok(None),
        streaming::Outcome::GaveUp => {}
    }
    if progress.is_cancelled() {
        return Ok(None);
    }
    let bytes = crate::input::read(path, Limit::LETTER).map_err(|e| LoadError::input(path, &e))?;
    progress.set_total_bytes(bytes.len() as u64);
    progress.set_bytes(bytes.len() as u64);
    let loaded = load_bytes(path, &bytes, SourceFormat::detect(path, &bytes))?;
    progress.set_signers(loaded.letter.signers.len());
    Ok((!progress.is_cancelled()).then_some(loaded))
}

/// Reads a letter from `bytes`; `path` is only used in messages and for a CSV letter's title.
pub fn load_bytes(path: &Path, bytes: &[u8], format: SourceFormat) -> Result<Loaded, LoadError> {
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let text =
        std::str::from_utf8(body).map_err(|e| LoadError::encoding(path, body, e.valid_up_to()))?;
    let mut warnings = Vec::new();
    let letter = match format {
        SourceFormat::Json => json::parse(path, text, &mut warnings)?,
        SourceFormat::Csv => csv::parse(path, text, &mut warnings)?,
    };
    let duplicates = duplicates::find_in_letter(&letter);
    outreach_checked(
        path,
        Loaded {
            letter,
            warnings,
            duplicates,
            format,
        },
    )
}

/// `loaded`, if its outreach records (kept as they are, under their own top-level key)
/// read: a status, date or goal that does not is an error naming its place, as a bad
/// signer is.
fn outreach_checked(path: &Path, loaded: Loaded) -> Result<Loaded, LoadError> {
    match crate::outreach::Outreach::from_letter(&loaded.letter) {
        Ok(_) => Ok(loaded),
        Err(error) => {
            Err(LoadError::new(LoadErrorKind::Content, path, error.message).field(error.field))
        }
    }
}

/// The sample letter that ships inside the binary: the April 2025 Congressional Armenian
/// Caucus letter to Secretary Rubio and National Security Advisor Waltz.
pub fn sample() -> Letter {
    let loaded = load_bytes(
        Path::new(SAMPLE_NAME),
        SAMPLE_JSON.as_bytes(),
        SourceFormat::Json,
    );
    // The sample is checked by the test suite, so this fallback is never reached in a release.
    loaded.map(|l| l.letter).unwrap_or_default()
}

/// The file name shown for the bundled sample letter.
pub const SAMPLE_NAME: &str = "sample-letter.json";

/// The bundled sample letter as JSON.
pub const SAMPLE_JSON: &str = include_str!("../../sample_data/armenian-caucus-2025-04-08.json");
