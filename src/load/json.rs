//! The JSON letter reader.
//!
//! The letter is read in one pass with serde visitors that normalise party and state as
//! they go, so a million signers never pass through an intermediate tree. Only when that
//! pass fails is the text read again, through `serde_path_to_error`, to name the field.

use super::normalise::Normaliser;
use super::{LoadError, LoadErrorKind, Warning};
use crate::model::{Extra, Letter};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::Value;
use std::fmt;
use std::path::Path;

mod demands;
mod fields;
mod info;
mod signer;

pub(super) use demands::DemandsValue;
pub(super) use fields::{Key, Text};
pub(super) use info::InfoValue;
pub(super) use signer::{Prepared, RawSigner, SignerFields, SignerVisitor, value_depth};

use demands::DemandsSeed;
use info::InfoSeed;
use signer::SignersSeed;

pub(super) fn parse(
    path: &Path,
    text: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Letter, LoadError> {
    let mut normaliser = Normaliser::new(warnings);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let result = LetterSeed {
        normaliser: &mut normaliser,
    }
    .deserialize(&mut deserializer)
    .and_then(|letter| deserializer.end().map(|()| letter));
    match result {
        Ok(letter) => Ok(letter),
        Err(error) => Err(describe_failure(path, text, &error)),
    }
}

/// Reads the text again, tracking the path, to say which field the error is in.
fn describe_failure(path: &Path, text: &str, first: &serde_json::Error) -> LoadError {
    let mut scratch = Vec::new();
    let mut normaliser = Normaliser::new(&mut scratch);
    let mut track = serde_path_to_error::Track::new();
    let mut inner = serde_json::Deserializer::from_str(text);
    let tracked = serde_path_to_error::Deserializer::new(&mut inner, &mut track);
    let error = match (LetterSeed {
        normaliser: &mut normaliser,
    })
    .deserialize(tracked)
    {
        Err(error) => error,
        Ok(_) => return from_serde(path, text, first, None),
    };
    // serde_path_to_error writes `?` for a key it never got to read (the file ended first).
    let field = track.path().to_string();
    let field = field.trim_end_matches(".?").trim_end_matches('?');
    let field = (field != "." && !field.is_empty()).then(|| field.to_owned());
    from_serde(path, text, &error, field)
}

fn from_serde(
    path: &Path,
    text: &str,
    error: &serde_json::Error,
    field: Option<String>,
) -> LoadError {
    use serde_json::error::Category;
    let kind = match error.classify() {
        Category::Syntax | Category::Eof => LoadErrorKind::Syntax,
        Category::Data => LoadErrorKind::Content,
        Category::Io => LoadErrorKind::Unreadable,
    };
    let mut message = error.to_string();
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    // A letter file is an object; text that starts otherwise (a CSV or a letter's prose
    // saved as .json) fails wherever serde gives up, which says little.
    let starts_like_json = text.trim_start().starts_with(['{', '[']);
    // A file cut inside a string, then ended with a newline by an editor, fails on the
    // newline as a control character; after it there is nothing.
    let only_blank_after = text
        .lines()
        .skip(error.line().saturating_sub(1))
        .all(|line| line.trim().is_empty());
    let message = match error.classify() {
        Category::Eof => format!("the file ends too soon ({message}); is it cut short?"),
        Category::Syntax if !text.trim().is_empty() && only_blank_after => {
            format!("the file ends too soon ({message}); is it cut short?")
        }
        Category::Syntax if !starts_like_json || (error.line() == 1 && error.column() <= 1) => {
            format!("this is not a JSON letter file ({message})")
        }
        _ => rephrase(&message),
    };
    let mut load_error = LoadError::new(kind, path, message).at(error.line(), error.column());
    if let Some(field) = field {
        load_error = load_error.field(field);
    }
    load_error
}

/// serde says `invalid type: string "twelve", expected an integer`; people read
/// `expected an integer, found "twelve"` more easily.
fn rephrase(message: &str) -> String {
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((found, expected)) = rest.rsplit_once(", expected ")
        {
            let found = found.strip_prefix("string ").unwrap_or(found);
            return format!("expected {expected}, found {found}");
        }
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("missing the required field {}", field.replace('`', "\""));
    }
    message.to_owned()
}

struct LetterSeed<'n, 'w> {
    normaliser: &'n mut Normaliser<'w>,
}

impl<'de> DeserializeSeed<'de> for LetterSeed<'_, '_> {
    type Value = Letter;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Letter, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for LetterSeed<'_, '_> {
    type Value = Letter;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a letter object with \"letter\", \"signers\" and \"demands\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Letter, A::Error> {
        let mut info = None;
        let mut signers = None;
        let mut demands = Vec::new();
        let mut extra = Extra::new();
        while let Some(Key(key)) = map.next_key()? {
            match key.as_ref() {
                "letter" => info = Some(map.next_value_seed(InfoSeed)?),
                "signers" => {
                    // A second list replaces the first; for the first this forgets nothing.
                    self.normaliser.forget_signers();
                    signers = Some(map.next_value_seed(SignersSeed {
                        normaliser: &mut *self.normaliser,
                    })?)
                }
                "demands" => demands = map.next_value_seed(DemandsSeed)?,
                _ => {
                    extra.insert(key.into_owned(), map.next_value::<Value>()?);
                }
            }
        }
        let info = info.ok_or_else(|| de::Error::missing_field("letter"))?;
        let signers = signers.ok_or_else(|| de::Error::missing_field("signers"))?;
        let parties = std::mem::take(&mut self.normaliser.parties);
        Ok(Letter {
            info,
            signers,
            demands,
            parties,
            extra,
        })
    }
}
