//! Calendar dates as ISO 8601 writes them.

use std::fmt;
use std::str::FromStr;

/// A calendar date (`YYYY-MM-DD`), checked to exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text is not an ISO 8601 date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected an ISO 8601 date (YYYY-MM-DD)")]
pub struct DateError;

impl Date {
    /// The date, if it exists.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        // Whether it is a leap year only for February: a big letter has a date per signer.
        let leap =
            || (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap() => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// "April 8, 2025".
    pub fn long(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = MONTHS
            .get(usize::from(self.month).saturating_sub(1))
            .copied()
            .unwrap_or("?");
        format!("{month} {}, {}", self.day, self.year)
    }
}

impl Date {
    /// Today, in the system's time zone (UTC where it has none).
    pub fn today() -> Date {
        let today = jiff::Timestamp::now()
            .to_zoned_datetime(jiff::tz::TimeZone::system())
            .date();
        let (Ok(year), Ok(month), Ok(day)) = (
            u16::try_from(today.year()),
            u8::try_from(today.month()),
            u8::try_from(today.day()),
        ) else {
            return Date {
                year: 1970,
                month: 1,
                day: 1,
            };
        };
        Date { year, month, day }
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Reads `YYYY-MM-DD`, also when a time follows (`2025-04-08T10:00:00Z`).
    fn from_str(text: &str) -> Result<Date, DateError> {
        let text = crate::text::trim(text);
        // The usual `YYYY-MM-DD`, read digit by digit: a big letter has a date per signer.
        if let &[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = text.as_bytes()
            && [y1, y2, y3, y4, m1, m2, d1, d2]
                .iter()
                .all(u8::is_ascii_digit)
        {
            let digit = |b: u8| u16::from(b - b'0');
            let year = digit(y1) * 1000 + digit(y2) * 100 + digit(y3) * 10 + digit(y4);
            let (month, day) = (digit(m1) * 10 + digit(m2), digit(d1) * 10 + digit(d2));
            let (Ok(month), Ok(day)) = (u8::try_from(month), u8::try_from(day)) else {
                return Err(DateError);
            };
            return Date::new(year, month, day).ok_or(DateError);
        }
        let day_part = text.split_once(['T', ' ']).map_or(text, |(d, _)| d);
        let mut parts = day_part.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(DateError);
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(DateError);
        }
        let (Ok(year), Ok(month), Ok(day)) = (y.parse(), m.parse(), d.parse()) else {
            return Err(DateError);
        };
        Date::new(year, month, day).ok_or(DateError)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_checks_dates() {
        assert_eq!(
            "2025-04-08".parse::<Date>().map(|d| d.to_string()),
            Ok("2025-04-08".into())
        );
        assert_eq!(
            "2025-04-08T12:00:00Z".parse::<Date>().map(Date::long),
            Ok("April 8, 2025".into())
        );
        assert!("2024-02-29".parse::<Date>().is_ok());
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "April 8",
            "2025-4-8",
            "",
            "2025-04-00",
        ] {
            assert_eq!(bad.parse::<Date>(), Err(DateError), "{bad}");
        }
    }
}

/// A [`Date`] as `"YYYY-MM-DD"` text in serde formats: `#[serde(with = "date::text")]`.
pub mod text {
    use super::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the date as text.
    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(date)
    }

    /// Reads the date from text, saying what was expected.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        parse::<D>(&text)
    }

    pub(super) fn parse<'de, D: Deserializer<'de>>(text: &str) -> Result<Date, D::Error> {
        text.parse().map_err(|_| {
            serde::de::Error::custom(format!("expected a date as YYYY-MM-DD, found \"{text}\""))
        })
    }
}

/// An optional [`Date`] as `"YYYY-MM-DD"` text or `null`: `#[serde(with = "date::optional_text")]`.
pub mod optional_text {
    use super::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the date as text, or nothing as `null`.
    pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => s.collect_str(date),
            None => s.serialize_none(),
        }
    }

    /// Reads a date from text, or nothing from `null`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        let text: Option<String> = Option::deserialize(d)?;
        text.map(|t| super::text::parse::<D>(&t)).transpose()
    }
}
