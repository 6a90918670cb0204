//! The outreach layer: for each member of Congress, where asking them to sign has got (a
//! status, a log of contacts, a follow-up date), and the campaign's goal. It is kept in the
//! letter file under one top-level key, [`OUTREACH_KEY`], keyed by bioguide id, so it
//! travels with the letter; fields other programs add inside it are kept.
//!
//! "Signed" is never stored: it comes from the letter's signers.
//!
//! ```
//! use signer_dashboard::model::Letter;
//! use signer_dashboard::outreach::{Outreach, Status};
//!
//! let mut letter = Letter::default();
//! let mut outreach = Outreach::from_letter(&letter)?;
//! outreach.member_mut("P000034").status = Status::LeanYes;
//! outreach.store(&mut letter);
//! let read = Outreach::from_letter(&letter)?;
//! assert_eq!(read.member("p000034").map(|m| m.status), Some(Status::LeanYes));
//! # Ok::<(), signer_dashboard::outreach::OutreachError>(())
//! ```

use crate::model::{Date, Extra, Letter};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// The letter file's top-level key that holds the outreach records.
pub const OUTREACH_KEY: &str = "outreach";

/// Where asking a member has got, as an organiser records it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Nobody has asked the office yet.
    #[default]
    NotAsked,
    /// Asked; no answer yet.
    Asked,
    /// Likely to sign.
    LeanYes,
    /// Has not made up their mind.
    Undecided,
    /// Likely not to sign.
    LeanNo,
    /// Said no.
    Declined,
}

impl Status {
    /// Every status, in the order an organiser works through them.
    pub const ALL: [Status; 6] = [
        Status::NotAsked,
        Status::Asked,
        Status::LeanYes,
        Status::Undecided,
        Status::LeanNo,
        Status::Declined,
    ];

    /// As the file writes it: `"not_asked"`, `"lean_yes"`, ….
    pub fn code(self) -> &'static str {
        match self {
            Status::NotAsked => "not_asked",
            Status::Asked => "asked",
            Status::LeanYes => "lean_yes",
            Status::Undecided => "undecided",
            Status::LeanNo => "lean_no",
            Status::Declined => "declined",
        }
    }

    /// For people: "Not asked", "Lean yes", ….
    pub fn label(self) -> &'static str {
        match self {
            Status::NotAsked => "Not asked",
            Status::Asked => "Asked",
            Status::LeanYes => "Lean yes",
            Status::Undecided => "Undecided",
            Status::LeanNo => "Lean no",
            Status::Declined => "Declined",
        }
    }

    /// Reads a code (`lean_yes`) or a label (`Lean yes`, `lean-yes`), ignoring case.
    pub fn parse(text: &str) -> Option<Status> {
        let key: String = text
            .trim()
            .chars()
            .map(|c| match c {
                ' ' | '-' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        Status::ALL.into_iter().find(|s| s.code() == key)
    }
}

/// How many members are at each status (in [`Status::ALL`]'s order), per group: for
/// `members` as (group, bioguide id) pairs, such as each not-yet member's party or state.
pub fn count_by_status<'a>(
    outreach: &Outreach,
    members: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> BTreeMap<&'a str, [usize; Status::ALL.len()]> {
    let mut counts: BTreeMap<&str, [usize; Status::ALL.len()]> = BTreeMap::new();
    for (group, bioguide) in members {
        let status = outreach.status(bioguide);
        let column = Status::ALL.iter().position(|s| *s == status).unwrap_or(0);
        if let Some(slot) = counts.entry(group).or_default().get_mut(column) {
            *slot += 1;
        }
    }
    counts
}

/// How a contact was made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// A phone call.
    #[default]
    Call,
    /// An email.
    Email,
    /// A meeting, in person or online.
    Meeting,
    /// Anything else (a letter, a hallway, a text).
    Other,
}

impl Channel {
    /// Every channel.
    pub const ALL: [Channel; 4] = [
        Channel::Call,
        Channel::Email,
        Channel::Meeting,
        Channel::Other,
    ];

    /// "Call", "Email", "Meeting", "Other".
    pub fn label(self) -> &'static str {
        match self {
            Channel::Call => "Call",
            Channel::Email => "Email",
            Channel::Meeting => "Meeting",
            Channel::Other => "Other",
        }
    }
}

/// One contact with a member's office.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// When.
    #[serde(with = "crate::model::date::text")]
    pub date: Date,
    /// How.
    #[serde(default)]
    pub channel: Channel,
    /// Whom the organiser spoke to ("Jane Doe, LD").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
    /// What was said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Fields other programs wrote.
    #[serde(flatten)]
    pub extra: Extra,
}

/// What the campaign knows of one member.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MemberOutreach {
    /// Where asking has got.
    #[serde(default)]
    pub status: Status,
    /// Contacts, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<Contact>,
    /// When to follow up.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::optional_text"
    )]
    pub follow_up: Option<Date>,
    /// Fields other programs wrote.
    #[serde(flatten)]
    pub extra: Extra,
}

impl MemberOutreach {
    /// The date of the last contact, if any.
    pub fn last_contact(&self) -> Option<Date> {
        self.log.iter().map(|c| c.date).max()
    }

    /// Whether the follow-up is due on `today` or was due before.
    pub fn is_due(&self, today: Date) -> bool {
        self.follow_up.is_some_and(|d| d <= today)
    }

    /// Whether it records nothing (a member never asked has no entry).
    pub fn is_empty(&self) -> bool {
        *self == MemberOutreach::default()
    }
}

/// The number of signers the campaign aims for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// How many signers.
    pub signers: u32,
    /// What the number stands for ("the New Jersey delegation", "a majority of HSFA").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// The outreach records of a letter.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outreach {
    /// The goal, once set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Goal>,
    /// By bioguide id (upper case).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub members: BTreeMap<String, MemberOutreach>,
    /// Fields other programs wrote.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Why the outreach records cannot be read: where in them (`outreach.members.P000034.status`)
/// and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutreachError {
    /// The place, as a path from the top of the file.
    pub field: String,
    /// What was expected and what was found.
    pub message: String,
}

impl fmt::Display for OutreachError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for OutreachError {}

impl Outreach {
    /// The letter's records; none when the letter has no [`OUTREACH_KEY`].
    pub fn from_letter(letter: &Letter) -> Result<Outreach, OutreachError> {
        match letter.extra.get(OUTREACH_KEY) {
            None | Some(Value::Null) => Ok(Outreach::default()),
            Some(value) => Outreach::from_value(value),
        }
    }

    /// Reads the value of the [`OUTREACH_KEY`].
    pub fn from_value(value: &Value) -> Result<Outreach, OutreachError> {
        let mut outreach: Outreach = serde_path_to_error::deserialize(value).map_err(|error| {
            let inner = error.inner().to_string();
            let path = error.path().to_string();
            let field = if path == "." {
                OUTREACH_KEY.to_owned()
            } else {
                format!("{OUTREACH_KEY}.{path}")
            };
            // Say it as people count, not as Rust types it.
            let inner = inner.replace("expected u32", "expected a whole number, 0 or more");
            let message = if inner.contains("unknown variant `signed`") {
                format!(
                    "{inner}; \"signed\" comes from the letter's signers and is never written here"
                )
            } else {
                inner
            };
            OutreachError { field, message }
        })?;
        // Bioguide ids are upper case everywhere else; two spellings of one id are one member.
        if outreach
            .members
            .keys()
            .any(|k| *k != k.trim().to_ascii_uppercase())
        {
            let members = std::mem::take(&mut outreach.members);
            for (id, member) in members {
                let key = id.trim().to_ascii_uppercase();
                if outreach.members.contains_key(&key) {
                    return Err(OutreachError {
                        field: format!("{OUTREACH_KEY}.members.{id}"),
                        message: format!("{key} is listed twice (bioguide ids ignore case)"),
                    });
                }
                outreach.members.insert(key, member);
            }
        }
        Ok(outreach)
    }

    /// The member's records, if any.
    pub fn member(&self, bioguide: &str) -> Option<&MemberOutreach> {
        self.members
            .get(bioguide.trim().to_ascii_uppercase().as_str())
    }

    /// The member's records, made empty if there were none.
    pub fn member_mut(&mut self, bioguide: &str) -> &mut MemberOutreach {
        self.members
            .entry(bioguide.trim().to_ascii_uppercase())
            .or_default()
    }

    /// The member's status; not asked when nothing is recorded.
    pub fn status(&self, bioguide: &str) -> Status {
        self.member(bioguide).map_or(Status::NotAsked, |m| m.status)
    }

    /// The records as the file writes them; `None` when there are none.
    pub fn to_value(&self) -> Option<Value> {
        let mut kept = self.clone();
        kept.members.retain(|_, m| !m.is_empty());
        if kept == Outreach::default() {
            return None;
        }
        serde_json::to_value(&kept).ok()
    }

    /// Writes the records into `letter` (under [`OUTREACH_KEY`], in its place among the
    /// top-level fields), or takes the key out when there are none.
    pub fn store(&self, letter: &mut Letter) {
        match self.to_value() {
            Some(value) => {
                letter.extra.insert(OUTREACH_KEY.to_owned(), value);
            }
            None => {
                letter.extra.shift_remove(OUTREACH_KEY);
            }
        }
    }
}
