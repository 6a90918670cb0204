//! The `signers` array: each signer read by one visitor into whatever keeps its fields, the
//! letter's own signers or a counter's, and normalised in file order.

use super::fields::{District, Key, Name, Text, coded, date};
use crate::load::normalise::{
    Normaliser, blank_signer, party_without_table, settle, signer_location, state_without_warning,
};
use crate::model::{Chamber, Date, Role, Signer, State};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

pub(super) struct SignersSeed<'n, 'w> {
    pub(super) normaliser: &'n mut Normaliser<'w>,
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
pub(in crate::load) struct RawSigner<'de> {
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
pub(in crate::load) trait SignerFields<'de>: Default {
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
    pub(in crate::load) fn finish(self, normaliser: &mut Normaliser<'_>, index: usize) -> Signer {
        self.prepare().finish(normaliser, index)
    }

    /// Resolves what does not depend on the signers before this one: a party that is a form
    /// of D, R or I, and a state that is recognised or blank. What does (a party code the
    /// letter's table has to intern, an unrecognised state to warn about) is left to
    /// [`Prepared::finish`], so that signers can be prepared on several threads and
    /// finished in file order.
    pub(in crate::load) fn prepare(self) -> Prepared {
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
    pub(in crate::load) fn nests_deeper_than(&self, depth: usize) -> bool {
        self.signer
            .extra
            .as_ref()
            .is_some_and(|extra| extra.values().any(|v| value_depth(v) > depth))
    }
}

/// A signer read and normalised as far as it can be on its own; see [`RawSigner::prepare`].
pub(in crate::load) struct Prepared {
    signer: Signer,
    party_text: Option<String>,
    state_text: Option<String>,
}

impl Prepared {
    /// The signer's name and state as they will be once finished: enough for the
    /// duplicate check's hash (an unrecognised state counts as unknown).
    pub(in crate::load) fn name_and_state(&self) -> (&str, State) {
        (&self.signer.name, self.signer.state)
    }

    /// The signer, as the signer at `index`: interns a party code that is not D, R or I
    /// and warns about it and about an unrecognised state, as [`Normaliser`] does.
    pub(in crate::load) fn finish(self, normaliser: &mut Normaliser<'_>, index: usize) -> Signer {
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
pub(in crate::load) fn value_depth(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(value_depth).max().unwrap_or(0),
        Value::Object(map) => 1 + map.values().map(value_depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// Reads a signer object into any [`SignerFields`].
pub(in crate::load) struct SignerVisitor<F>(pub(in crate::load) PhantomData<F>);

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
