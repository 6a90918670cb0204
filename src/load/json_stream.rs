//! The JSON letter reader for big files: the same visitors as [`super::json`], fed one
//! signer at a time from a window onto the file, so that the file is never in memory whole.
//!
//! This reader walks the top-level object and the `signers` array itself and hands each
//! value (the letter, one signer, the demands, an unknown field) to `serde_json`. It only
//! says whether it succeeded: at the first thing it does not expect (a syntax error, a bad
//! field, bytes that are not UTF-8, a read error) it gives up, and the caller reads the
//! whole file with [`super::json::parse`], which reports the problem with its line,
//! column and field exactly as it always has.

use super::Warning;
use super::chunks::Chunks;
use super::json::{DemandsValue, InfoValue, Key, value_depth};
use super::json_parallel;
use super::json_value::{DEPTH_LIMIT, GaveUp, Parsed, value};
use super::normalise::Normaliser;
use super::progress::Progress;
use super::sink::{Collect, SignerReader, SignerSink};
use crate::model::{Demand, Extra, Letter, LetterInfo};
use serde_json::Value;
use std::io::Read;

/// Where in the top-level object the reader is.
#[derive(Debug)]
enum Step {
    /// Before the opening brace.
    Open,
    /// After `{`: a key or `}`.
    FirstKey,
    /// After `,`: a key.
    Key,
    /// After a key: `:`.
    Colon(Field),
    /// After `:`: the value.
    Value(Field),
    /// After `"signers":`, before `[`.
    SignersOpen,
    /// After `[`: a signer or `]`.
    FirstSigner,
    /// After `,` in the array: a signer.
    Signer,
    /// After a signer: `,` or `]`.
    AfterSigner,
    /// After a value: `,` or `}`.
    AfterValue,
    /// After the closing brace: only white space until the end.
    Done,
}

/// The top-level member whose value comes next.
#[derive(Debug)]
enum Field {
    Letter,
    Signers,
    Demands,
    Other(String),
}

/// What the reader has gathered; the same fields as the whole-file reader's `visit_map`,
/// but for the signers, which go to a [`SignerSink`].
struct Gathered {
    info: Option<LetterInfo>,
    has_signers: bool,
    demands: Vec<Demand>,
    extra: Extra,
}

/// Reads a letter from the window `chunks` (already past any byte order mark), putting
/// warnings in `warnings` only when it succeeds. With `piece_bytes`, the signers are read
/// on worker threads in pieces of about that size. Returns the letter and the duplicate
/// check's hash of each signer.
pub(super) fn parse<R: Read>(
    chunks: &mut Chunks<'_, R>,
    progress: Option<&Progress>,
    piece_bytes: Option<usize>,
    warnings: &mut Vec<Warning>,
) -> Result<(Letter, Option<Vec<u64>>), GaveUp> {
    let mut collected = Collect::default();
    let mut letter = parse_into(chunks, progress, piece_bytes, warnings, &mut collected)?;
    letter.signers = collected.signers;
    Ok((letter, Some(collected.hashes)))
}

/// [`parse`], handing the signers to `sink`: the letter comes back without them.
pub(super) fn parse_into<R: Read, S: SignerSink>(
    chunks: &mut Chunks<'_, R>,
    progress: Option<&Progress>,
    piece_bytes: Option<usize>,
    warnings: &mut Vec<Warning>,
    sink: &mut S,
) -> Result<Letter, GaveUp> {
    let mut own_warnings = Vec::new();
    let mut normaliser = Normaliser::new(&mut own_warnings);
    let mut gathered = Gathered {
        info: None,
        has_signers: false,
        demands: Vec::new(),
        extra: Extra::new(),
    };
    let mut reader = sink.reader();
    let mut step = Step::Open;
    loop {
        let offset = chunks.offset();
        let Some(text) = chunks.text() else {
            return Err(GaveUp::Unexpected);
        };
        let mut signers = Signers {
            reader: &mut reader,
            sink: &mut *sink,
            normaliser: &mut normaliser,
            offset,
        };
        let (consumed, outcome) = advance(
            text,
            chunks.at_eof(),
            piece_bytes.is_some(),
            &mut step,
            &mut gathered,
            &mut signers,
        );
        chunks.consume(consumed);
        if let Some(progress) = progress {
            progress.set_signers(sink.len());
        }
        match outcome? {
            Needs::Nothing => break,
            Needs::Signers => {
                let piece_bytes = piece_bytes.unwrap_or(json_parallel::PIECE_BYTES);
                let reader = json_parallel::JsonPieces(sink.reader());
                let mut take = |read, place: json_parallel::Place| {
                    sink.take(read, &mut normaliser, place.offset);
                };
                let rest =
                    json_parallel::read(chunks, &reader, 0, progress, piece_bytes, &mut take)?
                        .ok_or(GaveUp::Unexpected)?;
                gathered.has_signers = true;
                chunks.replace_window(rest.text, rest.offset);
                step = Step::AfterValue;
            }
            Needs::MoreText => {
                if !chunks.fill().map_err(|_| GaveUp::Unexpected)? {
                    return Err(if progress.is_some_and(Progress::is_cancelled) {
                        GaveUp::Cancelled
                    } else {
                        GaveUp::Unexpected
                    });
                }
            }
        }
    }
    let info = gathered.info.ok_or(GaveUp::Unexpected)?;
    if !gathered.has_signers {
        return Err(GaveUp::Unexpected);
    }
    let parties = std::mem::take(&mut normaliser.parties);
    warnings.append(&mut own_warnings);
    Ok(Letter {
        info,
        signers: Vec::new(),
        demands: gathered.demands,
        parties,
        extra: gathered.extra,
    })
}

/// Where [`advance`] puts the signers it reads on this thread.
struct Signers<'a, 'n, 'w, S: SignerSink> {
    reader: &'a mut S::Reader,
    sink: &'a mut S,
    normaliser: &'n mut Normaliser<'w>,
    /// Where the text given to [`advance`] starts in the file.
    offset: u64,
}

/// What [`advance`] needs to go on.
enum Needs {
    /// The letter is complete.
    Nothing,
    /// The window ends before the next value does.
    MoreText,
    /// The window starts at the first signer of a `signers` array, for the worker threads.
    Signers,
}

/// Reads as far as `text` allows. Returns how many bytes it consumed and whether it needs
/// more; `Err` when the file is not what the fast path expects.
fn advance<S: SignerSink>(
    text: &str,
    at_eof: bool,
    is_parallel: bool,
    step: &mut Step,
    gathered: &mut Gathered,
    signers: &mut Signers<'_, '_, '_, S>,
) -> (usize, Result<Needs, GaveUp>) {
    let bytes = text.as_bytes();
    let mut position = 0;
    loop {
        // White space between tokens, exactly the four bytes JSON allows.
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = bytes.get(position) {
            position += 1;
        }
        let Some(&next) = bytes.get(position) else {
            return if at_eof && matches!(step, Step::Done) {
                (position, Ok(Needs::Nothing))
            } else if at_eof {
                (position, Err(GaveUp::Unexpected))
            } else {
                (position, Ok(Needs::MoreText))
            };
        };
        let rest = text.get(position..).unwrap_or_default();
        match (&*step, next) {
            (Step::Open, b'{') => {
                position += 1;
                *step = Step::FirstKey;
            }
            (Step::FirstKey, b'}') | (Step::AfterValue, b'}') => {
                position += 1;
                *step = Step::Done;
            }
            (Step::FirstKey | Step::Key, b'"') => match value::<Key>(rest, at_eof) {
                Parsed::Value(Key(key), used) => {
                    position += used;
                    *step = Step::Colon(match key.as_ref() {
                        "letter" => Field::Letter,
                        "signers" => Field::Signers,
                        "demands" => Field::Demands,
                        _ => Field::Other(key.into_owned()),
                    });
                }
                Parsed::NeedsMore => return (position, Ok(Needs::MoreText)),
                Parsed::Failed => return (position, Err(GaveUp::Unexpected)),
            },
            (Step::Colon(_), b':') => {
                position += 1;
                let Step::Colon(field) = std::mem::replace(step, Step::Done) else {
                    return (position, Err(GaveUp::Unexpected));
                };
                *step = match field {
                    Field::Signers => Step::SignersOpen,
                    field => Step::Value(field),
                };
            }
            (Step::Value(field), _) => {
                let used = match field {
                    Field::Letter => match value::<InfoValue>(rest, at_eof) {
                        Parsed::Value(InfoValue(info), used) => {
                            if info.extra.values().any(|v| value_depth(v) > DEPTH_LIMIT) {
                                return (position, Err(GaveUp::Unexpected));
                            }
                            gathered.info = Some(info);
                            used
                        }
                        Parsed::NeedsMore => return (position, Ok(Needs::MoreText)),
                        Parsed::Failed => return (position, Err(GaveUp::Unexpected)),
                    },
                    Field::Demands => match value::<DemandsValue>(rest, at_eof) {
                        Parsed::Value(DemandsValue(demands), used) => {
                            let too_deep = demands
                                .iter()
                                .any(|d| d.extra.values().any(|v| value_depth(v) > DEPTH_LIMIT));
                            if too_deep {
                                return (position, Err(GaveUp::Unexpected));
                            }
                            gathered.demands = demands;
                            used
                        }
                        Parsed::NeedsMore => return (position, Ok(Needs::MoreText)),
                        Parsed::Failed => return (position, Err(GaveUp::Unexpected)),
                    },
                    Field::Other(key) => match value::<Value>(rest, at_eof) {
                        Parsed::Value(value, used) => {
                            if value_depth(&value) > DEPTH_LIMIT {
                                return (position, Err(GaveUp::Unexpected));
                            }
                            gathered.extra.insert(key.clone(), value);
                            used
                        }
                        Parsed::NeedsMore => return (position, Ok(Needs::MoreText)),
                        Parsed::Failed => return (position, Err(GaveUp::Unexpected)),
                    },
                    Field::Signers => return (position, Err(GaveUp::Unexpected)),
                };
                position += used;
                *step = Step::AfterValue;
            }
            (Step::SignersOpen, b'[') => {
                position += 1;
                // A second list replaces the first; for the first this forgets nothing.
                signers.normaliser.forget_signers();
                signers.sink.restart();
                *step = Step::FirstSigner;
            }
            (Step::FirstSigner, b']') | (Step::AfterSigner, b']') => {
                position += 1;
                gathered.has_signers = true;
                *step = Step::AfterValue;
            }
            (Step::FirstSigner, _) if is_parallel => return (position, Ok(Needs::Signers)),
            (Step::FirstSigner | Step::Signer, _) => match signers.reader.read(rest, at_eof) {
                Parsed::Value(read, used) => {
                    let offset = signers.offset + position as u64;
                    signers.sink.take(read, signers.normaliser, offset);
                    position += used;
                    *step = Step::AfterSigner;
                }
                Parsed::NeedsMore => return (position, Ok(Needs::MoreText)),
                Parsed::Failed => return (position, Err(GaveUp::Unexpected)),
            },
            (Step::AfterSigner, b',') => {
                position += 1;
                *step = Step::Signer;
            }
            (Step::AfterValue, b',') => {
                position += 1;
                *step = Step::Key;
            }
            _ => return (position, Err(GaveUp::Unexpected)),
        }
    }
}
