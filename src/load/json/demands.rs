//! The `demands` array: each demand's text, status and source, with an id made up where
//! the file gives none.

use super::fields::{Key, Text, coded};
use crate::model::{Demand, DemandStatus};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;

/// The `demands` array as a plain `Deserialize`, for the streaming reader.
pub(in crate::load) struct DemandsValue(pub(in crate::load) Vec<Demand>);

impl<'de> de::Deserialize<'de> for DemandsValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        DemandsSeed.deserialize(deserializer).map(DemandsValue)
    }
}

pub(super) struct DemandsSeed;

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
