//! The signers of a JSON letter as the counter reads them: the fields it needs borrowed
//! from the file, the rest checked as the full reader checks it but not kept.

use super::{Codes, Counts, Search, hash_and_search};
use crate::load::json::{SignerFields, SignerVisitor, Text};
use crate::load::json_fast::{self, QuickSigner};
use crate::load::json_value::{DEPTH_LIMIT, Parsed, value};
use crate::load::normalise::{
    Normaliser, party_without_table, settle, signer_location, state_without_warning,
};
use crate::load::sink::{SignerReader, SignerSink};
use crate::model::{Chamber, Date, Role};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::marker::PhantomData;

/// A JSON signer as the counter reads it: the fields it needs, borrowed from the file,
/// and every other field checked as the full reader checks it, but not kept.
pub(super) struct Fields<'de> {
    pub(super) name: Cow<'de, str>,
    party: Option<Cow<'de, str>>,
    state: Option<Cow<'de, str>>,
    chamber: Option<Chamber>,
    role: Role,
    /// How deeply the fields the app does not know nest.
    deepest: usize,
}

impl Default for Fields<'_> {
    fn default() -> Self {
        Fields {
            name: Cow::Borrowed(""),
            party: None,
            state: None,
            chamber: None,
            role: Role::Cosigner,
            deepest: 0,
        }
    }
}

impl<'t> From<QuickSigner<'t>> for Fields<'t> {
    fn from(quick: QuickSigner<'t>) -> Self {
        Fields {
            name: Cow::Borrowed(quick.name),
            party: quick.party.map(Cow::Borrowed),
            state: quick.state.map(Cow::Borrowed),
            chamber: quick.chamber,
            role: quick.role,
            deepest: 0,
        }
    }
}

impl<'de> de::Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(SignerVisitor(PhantomData))
    }
}

impl<'de> SignerFields<'de> for Fields<'de> {
    fn name(&mut self, name: Cow<'de, str>) {
        self.name = name;
    }
    fn party(&mut self, text: Option<Cow<'de, str>>) {
        self.party = text;
    }
    fn state(&mut self, text: Option<Cow<'de, str>>) {
        self.state = text;
    }
    fn chamber(&mut self, chamber: Option<Chamber>) {
        self.chamber = chamber;
    }
    fn district(&mut self, _: Option<u8>) {}
    fn role(&mut self, role: Role) {
        self.role = role;
    }
    fn bioguide(&mut self, _: Text<'de>) {}
    fn signed_on(&mut self, _: Option<Date>) {}
    fn note(&mut self, _: Text<'de>) {}
    fn other<A: MapAccess<'de>>(&mut self, _: Cow<'de, str>, map: &mut A) -> Result<(), A::Error> {
        let Depth(depth) = map.next_value()?;
        self.deepest = self.deepest.max(depth);
        Ok(())
    }
}

/// Any JSON value, read as `serde_json::Value` reads it (numbers and strings checked the
/// same way) but not kept: only how deeply it nests, as [`crate::load::json::value_depth`]
/// measures it.
struct Depth(usize);

impl<'de> de::Deserialize<'de> for Depth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DepthVisitor;
        impl<'de> Visitor<'de> for DepthVisitor {
            type Value = Depth;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any valid JSON value")
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Depth, E> {
                Ok(Depth(0))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Depth, E> {
                Ok(Depth(0))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Depth, E> {
                Ok(Depth(0))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Depth, E> {
                Ok(Depth(0))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Depth, E> {
                Ok(Depth(0))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Depth, E> {
                Ok(Depth(0))
            }
            fn visit_none<E: de::Error>(self) -> Result<Depth, E> {
                Ok(Depth(0))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Depth, A::Error> {
                let mut deepest = 0;
                while let Some(Depth(depth)) = seq.next_element()? {
                    deepest = deepest.max(depth);
                }
                Ok(Depth(deepest + 1))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Depth, A::Error> {
                let mut deepest = 0;
                while let Some((crate::load::json::Key(_), Depth(depth))) = map.next_entry()? {
                    deepest = deepest.max(depth);
                }
                Ok(Depth(deepest + 1))
            }
        }
        deserializer.deserialize_any(DepthVisitor)
    }
}

/// A JSON signer read on a worker thread.
pub(super) struct CountRead {
    codes: Codes,
    hash: u64,
    is_hit: bool,
    /// What only the normaliser can settle, in file order; `None` for the usual signer.
    pending: Option<Box<Pending>>,
}

/// A party or state that the letter's normaliser must intern or warn about, with the name
/// its warning gives.
struct Pending {
    name: String,
    party_text: Option<String>,
    state_text: Option<String>,
}

/// Reads JSON signers for the counter, on any thread.
#[derive(Clone)]
pub(super) struct CountReader {
    search: Search,
    scratch: String,
}

impl SignerReader for CountReader {
    type Read = CountRead;
    fn read(&mut self, text: &str, at_eof: bool) -> Parsed<CountRead> {
        let (fields, used) = match json_fast::signer(text) {
            Some((quick, used)) => (Fields::from(quick), used),
            None => match value::<Fields>(text, at_eof) {
                Parsed::Value(fields, _) if fields.deepest > DEPTH_LIMIT => return Parsed::Failed,
                Parsed::Value(fields, used) => (fields, used),
                Parsed::NeedsMore => return Parsed::NeedsMore,
                Parsed::Failed => return Parsed::Failed,
            },
        };
        let mut codes = Codes {
            chamber: fields.chamber,
            role: fields.role,
            ..Codes::default()
        };
        // As `RawSigner::prepare` reads them: what needs no table and no warning now.
        let party_text = settle(fields.party, party_without_table, &mut codes.party);
        let state_text = settle(fields.state, state_without_warning, &mut codes.state);
        let (hash, is_hit) =
            hash_and_search(&fields.name, codes.state, &self.search, &mut self.scratch);
        let pending = (party_text.is_some() || state_text.is_some()).then(|| {
            Box::new(Pending {
                name: fields.name.into_owned(),
                party_text,
                state_text,
            })
        });
        Parsed::Value(
            CountRead {
                codes,
                hash,
                is_hit,
                pending,
            },
            used,
        )
    }
}

impl SignerSink for Counts {
    type Reader = CountReader;
    fn reader(&self) -> CountReader {
        CountReader {
            search: self.search.clone(),
            scratch: String::new(),
        }
    }
    fn restart(&mut self) {
        self.cells.fill(0);
        self.hashes.clear();
        self.offsets.clear();
    }
    fn take(&mut self, read: CountRead, normaliser: &mut Normaliser<'_>, offset: u64) {
        let index = self.hashes.len();
        let mut codes = read.codes;
        if let Some(pending) = read.pending {
            let location = || signer_location(index, &pending.name);
            if let Some(text) = &pending.party_text {
                codes.party = normaliser.party(text, location, index);
            }
            if let Some(text) = &pending.state_text {
                codes.state = normaliser.state(text, &mut None, location, index);
            }
        }
        self.record(codes, read.hash, read.is_hit, offset);
    }
    fn len(&self) -> usize {
        self.hashes.len()
    }
}
