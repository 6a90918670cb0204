//! The values the letter reader reads inside its objects: strings borrowed where they can
//! be, codes that fail inside the field (so the error names it), names, dates, districts.

use crate::load::normalise::{DISTRICT_EXPECTED, district_from_number, parse_district};
use crate::model::Date;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Unexpected, Visitor};
use std::borrow::Cow;
use std::fmt;

/// A string, borrowed from the file where it has no escapes; `None` for null.
pub(in crate::load) struct Text<'de>(pub(in crate::load) Option<Cow<'de, str>>);

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
    pub(super) fn non_blank(self) -> Option<Box<str>> {
        let text = self.0?;
        let trimmed = crate::text::trim(&text);
        (!trimmed.is_empty()).then(|| Box::from(trimmed))
    }
}

/// A value read with a parser that names what it expected when it fails.
pub(super) fn coded<'de, A, T>(
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
pub(super) struct Name;

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

pub(super) fn date<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Date>, A::Error> {
    coded(map, |t| t.parse().ok(), "an ISO 8601 date (YYYY-MM-DD)")
}

/// A key of a JSON object, borrowed where it can be.
pub(in crate::load) struct Key<'de>(pub(in crate::load) Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Text(text) = Text::deserialize(deserializer)?;
        Ok(Key(text.unwrap_or_default()))
    }
}

/// A district in JSON: a number, a string of digits, "at-large", or null.
pub(super) struct District(pub(super) Option<u8>);

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
