//! The JSON letter reader.
//!
//! The letter is read in one pass with serde visitors that normalise party and state as
//! they go, so a million signers never pass through an intermediate tree. Only when that
//! pass fails is the text read again, through `serde_path_to_error`, to name the field.

use super::normalise::{
    DISTRICT_EXPECTED, Normaliser, blank_signer, district_from_number, parse_district,
    party_without_table, settle, signer_location, state_without_warning,
};
use super::{LoadError, LoadErrorKind, Warning};
use crate::model::{
    Chamber, Date, Demand, DemandStatus, Extra, Letter, LetterInfo, Role, Signer, State,
};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::path::Path;

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

/// A string, borrowed from the file where it has no escapes; `None` for null.
pub(super) struct Text<'de>(pub(super) Option<Cow<'de, str>>);

impl<'de> de::Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Owned(v.to_owned()))))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Text(Some(Cow::Owned(v))))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Text(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Text(None))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(self)
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

impl Text<'_> {
    /// The string, or `None` for null or a blank string.
    fn non_blank(self) -> Option<Box<str>> {
        let text = self.0?;
        let trimmed = crate::text::trim(&text);
        (!trimmed.is_empty()).then(|| Box::from(trimmed))
    }
}

/// A value read with a parser that names what it expected when it fails.
fn coded<'de, A, T>(
    map: &mut A,
    parse: impl FnOnce(&str) -> Option<T>,
    expected: &'static str,
) -> Result<Option<T>, A::Error>
where
    A: MapAccess<'de>,
{
    map.next_value_seed(Coded { parse, expected })
}

/// A string field turned into a code by `parse`. It fails while the field's value is being
/// read, not after, so that the error message names the field (`signers[3].chamber`).
struct Coded<F> {
    parse: F,
    expected: &'static str,
}

impl<'de, T, F: FnOnce(&str) -> Option<T>> DeserializeSeed<'de> for Coded<F> {
    type Value = Option<T>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        let Text(value) = <Text as de::Deserialize>::deserialize(deserializer)?;
        let Some(text) = value else {
            return Ok(None);
        };
        match (self.parse)(&text) {
            Some(parsed) => Ok(Some(parsed)),
            None => Err(de::Error::invalid_value(
                Unexpected::Str(&text),
                &self.expected,
            )),
        }
    }
}

/// A signer's name: a string that is not blank, trimmed. Like [`Coded`], it fails inside
/// the value.
struct Name;

impl<'de> DeserializeSeed<'de> for Name {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Cow<'de, str>, D::Error> {
        const EXPECTED: &str = "the signer's name";
        match <Text as de::Deserialize>::deserialize(deserializer)?.0 {
            None => Err(de::Error::invalid_type(Unexpected::Unit, &EXPECTED)),
            Some(Cow::Borrowed(text)) => match crate::text::trim(text) {
                "" => Err(de::Error::invalid_value(Unexpected::Str(text), &EXPECTED)),
                trimmed => Ok(Cow::Borrowed(trimmed)),
            },
            Some(Cow::Owned(text)) => match crate::text::trim(&text) {
                "" => Err(de::Error::invalid_value(Unexpected::Str(&text), &EXPECTED)),
                trimmed if trimmed.len() == text.len() => Ok(Cow::Owned(text)),
                trimmed => Ok(Cow::Owned(trimmed.to_owned())),
            },
        }
    }
}

fn date<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Date>, A::Error> {
    coded(map, |t| t.parse().ok(), "an ISO 8601 date (YYYY-MM-DD)")
}

/// A key of a JSON object, borrowed where it can be.
pub(super) struct Key<'de>(pub(super) Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Text(text) = Text::deserialize(deserializer)?;
        Ok(Key(text.unwrap_or_default()))
    }
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

struct InfoSeed;

/// The `letter` object as a plain `Deserialize`, for the streaming reader.
pub(super) struct InfoValue(pub(super) LetterInfo);

impl<'de> de::Deserialize<'de> for InfoValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        InfoSeed.deserialize(deserializer).map(InfoValue)
    }
}

/// The `demands` array as a plain `Deserialize`, for the streaming reader.
pub(super) struct DemandsValue(pub(super) Vec<Demand>);

impl<'de> de::Deserialize<'de> for DemandsValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        DemandsSeed.deserialize(deserializer).map(DemandsValue)
    }
}

impl<'de> DeserializeSeed<'de> for InfoSeed {
    type Value = LetterInfo;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<LetterInfo, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for InfoSeed {
    type Value = LetterInfo;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object with the letter's title, date and recipients")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LetterInfo, A::Error> {
        let mut info = LetterInfo::default();
        let mut title = None;
        while let Some(Key(key)) = map.next_key()? {
            match key.as_ref() {
                "title" => title = map.next_value::<Text>()?.non_blank(),
                "date" => info.date = date(&mut map)?,
                "organization" => {
                    info.organization = map.next_value::<Text>()?.non_blank().map(String::from)
                }
                "recipients" => {
                    info.recipients = map.next_value::<Option<Vec<String>>>()?.unwrap_or_default()
                }
                "summary" => info.summary = map.next_value::<Text>()?.non_blank().map(String::from),
                "source_url" => {
                    info.source_url = map.next_value::<Text>()?.non_blank().map(String::from)
                }
                _ => {
                    info.extra
                        .insert(key.into_owned(), map.next_value::<Value>()?);
                }
            }
        }
        info.title = title
            .ok_or_else(|| de::Error::missing_field("title"))?
            .into();
        Ok(info)
    }
}

struct SignersSeed<'n, 'w> {
    normaliser: &'n mut Normaliser<'w>,
}

impl<'de> DeserializeSeed<'de> for SignersSeed<'_, '_> {
    type Value = Vec<Signer>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<Signer>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for SignersSeed<'_, '_> {
    type Value = Vec<Signer>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of signers")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Signer>, A::Error> {
        let mut signers = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(signer) = seq.next_element_seed(SignerSeed {
            normaliser: &mut *self.normaliser,
            index: signers.len(),
        })? {
            signers.push(signer);
        }
        Ok(signers)
    }
}

struct SignerSeed<'n, 'w> {
    normaliser: &'n mut Normaliser<'w>,
    index: usize,
}

impl<'de> DeserializeSeed<'de> for SignerSeed<'_, '_> {
    type Value = Signer;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Signer, D::Error> {
        let raw = <RawSigner as de::Deserialize>::deserialize(deserializer)?;
        Ok(raw.finish(self.normaliser, self.index))
    }
}

/// A signer as read, before its party and state are normalised: a plain `Deserialize`, so
/// that the streaming reader can parse signers one at a time with the same code.
pub(super) struct RawSigner<'de> {
    signer: Signer,
    party_text: Option<Cow<'de, str>>,
    state_text: Option<Cow<'de, str>>,
}

impl Default for RawSigner<'_> {
    fn default() -> Self {
        RawSigner {
            signer: blank_signer(),
            party_text: None,
            state_text: None,
        }
    }
}

impl<'de> de::Deserialize<'de> for RawSigner<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(SignerVisitor(PhantomData))
    }
}

/// What [`SignerVisitor`] does with each field of a signer once it has read and checked
/// it: keep it all ([`RawSigner`], for the letter), or only what a count needs. Either way
/// the visitor reads the same text and fails on the same values, with the same messages.
pub(super) trait SignerFields<'de>: Default {
    /// The name, trimmed and not blank.
    fn name(&mut self, name: Cow<'de, str>);
    /// The party as written; `None` for null.
    fn party(&mut self, text: Option<Cow<'de, str>>);
    /// The state as written; `None` for null.
    fn state(&mut self, text: Option<Cow<'de, str>>);
    /// The chamber, when given.
    fn chamber(&mut self, chamber: Option<Chamber>);
    /// The district, when given.
    fn district(&mut self, district: Option<u8>);
    /// Lead or cosigner.
    fn role(&mut self, role: Role);
    /// The bioguide id as written.
    fn bioguide(&mut self, text: Text<'de>);
    /// When the member signed.
    fn signed_on(&mut self, date: Option<Date>);
    /// The note as written.
    fn note(&mut self, text: Text<'de>);
    /// A field the app does not know: its value must still be read, and be valid JSON.
    fn other<A: MapAccess<'de>>(&mut self, key: Cow<'de, str>, map: &mut A)
    -> Result<(), A::Error>;
}

impl<'de> SignerFields<'de> for RawSigner<'de> {
    fn name(&mut self, name: Cow<'de, str>) {
        self.signer.name = name.into();
    }
    fn party(&mut self, text: Option<Cow<'de, str>>) {
        self.party_text = text;
    }
    fn state(&mut self, text: Option<Cow<'de, str>>) {
        self.state_text = text;
    }
    fn chamber(&mut self, chamber: Option<Chamber>) {
        self.signer.chamber = chamber;
    }
    fn district(&mut self, district: Option<u8>) {
        self.signer.district = district;
    }
    fn role(&mut self, role: Role) {
        self.signer.role = role;
    }
    fn bioguide(&mut self, text: Text<'de>) {
        self.signer.bioguide = text.non_blank();
    }
    fn signed_on(&mut self, date: Option<Date>) {
        self.signer.signed_on = date;
    }
    fn note(&mut self, text: Text<'de>) {
        self.signer.note = text.non_blank();
    }
    fn other<A: MapAccess<'de>>(
        &mut self,
        key: Cow<'de, str>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let value = map.next_value::<Value>()?;
        self.signer
            .extra
            .get_or_insert_with(Box::default)
            .insert(key.into_owned(), value);
        Ok(())
    }
}

impl RawSigner<'_> {
    /// The signer, with its party and state turned into codes (and warned about) as the
    /// signer at `index`.
    pub(super) fn finish(self, normaliser: &mut Normaliser<'_>, index: usize) -> Signer {
        self.prepare().finish(normaliser, index)
    }

    /// Resolves what does not depend on the signers before this one: a party that is a form
    /// of D, R or I, and a state that is recognised or blank. What does (a party code the
    /// letter's table has to intern, an unrecognised state to warn about) is left to
    /// [`Prepared::finish`], so that signers can be prepared on several threads and
    /// finished in file order.
    pub(super) fn prepare(self) -> Prepared {
        let RawSigner {
            mut signer,
            party_text,
            state_text,
        } = self;
        // The signer is blank but for what was read: its state is unknown until settled.
        let party_text = settle(party_text, party_without_table, &mut signer.party);
        let state_text = settle(state_text, state_without_warning, &mut signer.state);
        Prepared {
            signer,
            party_text,
            state_text,
        }
    }

    /// Whether a field the app does not know nests deeper than `depth`.
    pub(super) fn nests_deeper_than(&self, depth: usize) -> bool {
        self.signer
            .extra
            .as_ref()
            .is_some_and(|extra| extra.values().any(|v| value_depth(v) > depth))
    }
}

/// A signer read and normalised as far as it can be on its own; see [`RawSigner::prepare`].
pub(super) struct Prepared {
    signer: Signer,
    party_text: Option<String>,
    state_text: Option<String>,
}

impl Prepared {
    /// The signer's name and state as they will be once finished: enough for the
    /// duplicate check's hash (an unrecognised state counts as unknown).
    pub(super) fn name_and_state(&self) -> (&str, State) {
        (&self.signer.name, self.signer.state)
    }

    /// The signer, as the signer at `index`: interns a party code that is not D, R or I
    /// and warns about it and about an unrecognised state, as [`Normaliser`] does.
    pub(super) fn finish(self, normaliser: &mut Normaliser<'_>, index: usize) -> Signer {
        let Prepared {
            mut signer,
            party_text,
            state_text,
        } = self;
        let name = &signer.name;
        if let Some(text) = party_text {
            signer.party = normaliser.party(&text, || signer_location(index, name), index);
        }
        if let Some(text) = state_text {
            signer.state = normaliser.state(
                &text,
                &mut signer.extra,
                || signer_location(index, &signer.name),
                index,
            );
        }
        signer
    }
}

/// How deeply a value nests arrays and objects: 0 for a scalar.
pub(super) fn value_depth(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(value_depth).max().unwrap_or(0),
        Value::Object(map) => 1 + map.values().map(value_depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// A district in JSON: a number, a string of digits, "at-large", or null.
struct District(Option<u8>);

impl<'de> de::Deserialize<'de> for District {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DistrictVisitor;
        impl<'de> Visitor<'de> for DistrictVisitor {
            type Value = District;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(DISTRICT_EXPECTED)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<District, E> {
                let number = i64::try_from(v).unwrap_or(i64::MAX);
                district_from_number(number)
                    .map(|d| District(Some(d)))
                    .map_err(|()| E::invalid_value(Unexpected::Unsigned(v), &self))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<District, E> {
                district_from_number(v)
                    .map(|d| District(Some(d)))
                    .map_err(|()| E::invalid_value(Unexpected::Signed(v), &self))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<District, E> {
                Err(E::invalid_type(Unexpected::Float(v), &self))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<District, E> {
                parse_district(v)
                    .map(District)
                    .map_err(|()| E::invalid_value(Unexpected::Str(v), &self))
            }
            fn visit_unit<E: de::Error>(self) -> Result<District, E> {
                Ok(District(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<District, E> {
                Ok(District(None))
            }
        }
        deserializer.deserialize_any(DistrictVisitor)
    }
}

/// Reads a signer object into any [`SignerFields`].
pub(super) struct SignerVisitor<F>(pub(super) PhantomData<F>);

impl<'de, F: SignerFields<'de>> Visitor<'de> for SignerVisitor<F> {
    type Value = F;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a signer object with at least a \"name\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<F, A::Error> {
        let mut fields = F::default();
        let mut has_name = false;
        while let Some(Key(key)) = map.next_key()? {
            match key.as_ref() {
                "name" => {
                    fields.name(map.next_value_seed(Name)?);
                    has_name = true;
                }
                "party" => fields.party(map.next_value::<Text>()?.0),
                "state" => fields.state(map.next_value::<Text>()?.0),
                "chamber" => {
                    fields.chamber(coded(&mut map, Chamber::parse, "\"house\" or \"senate\"")?)
                }
                "district" => fields.district(map.next_value::<District>()?.0),
                "role" => fields.role(
                    coded(&mut map, Role::parse, "\"lead\" or \"cosigner\"")?.unwrap_or_default(),
                ),
                "bioguide" => fields.bioguide(map.next_value::<Text>()?),
                "signed_on" => fields.signed_on(date(&mut map)?),
                "note" => fields.note(map.next_value::<Text>()?),
                _ => fields.other(key, &mut map)?,
            }
        }
        if !has_name {
            return Err(de::Error::missing_field("name"));
        }
        Ok(fields)
    }
}

struct DemandsSeed;

impl<'de> DeserializeSeed<'de> for DemandsSeed {
    type Value = Vec<Demand>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<Demand>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for DemandsSeed {
    type Value = Vec<Demand>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of demands")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Vec<Demand>, E> {
        Ok(Vec::new())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Demand>, A::Error> {
        let mut demands: Vec<Demand> = Vec::new();
        while let Some(mut demand) = seq.next_element_seed(DemandSeed)? {
            if demand.id.is_empty() {
                demand.id = format!("d{}", demands.len() + 1);
            }
            demands.push(demand);
        }
        Ok(demands)
    }
}

struct DemandSeed;

impl<'de> DeserializeSeed<'de> for DemandSeed {
    type Value = Demand;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Demand, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DemandSeed {
    type Value = Demand;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a demand object with at least a \"text\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Demand, A::Error> {
        let mut demand = Demand::default();
        let mut text = None;
        while let Some(Key(key)) = map.next_key()? {
            match key.as_ref() {
                "id" => {
                    demand.id = map
                        .next_value::<Text>()?
                        .non_blank()
                        .map(String::from)
                        .unwrap_or_default()
                }
                "text" => text = map.next_value::<Text>()?.non_blank(),
                "source" => demand.source = map.next_value::<Text>()?.non_blank().map(String::from),
                "status" => {
                    demand.status = coded(
                        &mut map,
                        DemandStatus::parse,
                        "\"open\", \"in_progress\" or \"met\"",
                    )?
                    .unwrap_or_default();
                }
                "note" => demand.note = map.next_value::<Text>()?.non_blank().map(String::from),
                _ => {
                    demand
                        .extra
                        .insert(key.into_owned(), map.next_value::<Value>()?);
                }
            }
        }
        demand.text = text.ok_or_else(|| de::Error::missing_field("text"))?.into();
        Ok(demand)
    }
}
