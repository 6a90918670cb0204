//! The `letter` object: the title, date, organisation, recipients and what else the
//! letter says of itself.

use super::fields::{Key, Text, date};
use crate::model::LetterInfo;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::Value;
use std::fmt;

pub(super) struct InfoSeed;

/// The `letter` object as a plain `Deserialize`, for the streaming reader.
pub(in crate::load) struct InfoValue(pub(in crate::load) LetterInfo);

impl<'de> de::Deserialize<'de> for InfoValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        InfoSeed.deserialize(deserializer).map(InfoValue)
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
