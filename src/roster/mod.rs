//! The roster of Congress: who serves now, matched against a letter's signers, to count
//! coverage ("CA: 9 of 51 House members signed") and list whom to ask next.
//!
//! A roster is read from any of the three forms the public, CC0
//! `unitedstates/congress-legislators` project publishes (`legislators-current.json`,
//! `.yaml` and `.csv`) or from the compact JSON that [`Roster::write_json`] writes for the
//! app's data folder. Each signer then ends as [`MatchResult::Matched`] (with any
//! disagreement between the letter and the roster listed as a [`Correction`]),
//! [`MatchResult::Ambiguous`] (the candidates, for a person to pick from) or
//! [`MatchResult::NotFound`]: matching never guesses silently.
//!
//! ```
//! use signer_dashboard::analysis::Filter;
//! use signer_dashboard::model::Chamber;
//! use signer_dashboard::roster::{self, MatchResult};
//! use std::path::Path;
//!
//! let yaml = r#"
//! - id: {bioguide: P000034}
//!   name: {first: Frank, middle: J., last: Pallone, suffix: Jr., official_full: "Frank Pallone, Jr."}
//!   terms:
//!   - {type: rep, start: '2025-01-03', end: '2027-01-03', state: NJ, district: 6, party: Democrat}
//! - id: {bioguide: S001145}
//!   name: {first: Janice, middle: D., nickname: Jan, last: Schakowsky}
//!   terms:
//!   - {type: rep, start: '2025-01-03', end: '2027-01-03', state: IL, district: 9, party: Democrat}
//! "#;
//! let roster = roster::load_bytes(Path::new("legislators-current.yaml"), yaml.as_bytes())?;
//! assert_eq!(roster.as_of().map(|d| d.to_string()).as_deref(), Some("2025-01-03"));
//!
//! let letter = signer_dashboard::load::sample();
//! let matches = roster::match_letter(&letter, &roster);
//! assert!(matches!(matches[0], MatchResult::Matched { .. })); // Frank Pallone, by bioguide
//!
//! let all_rows: Vec<u32> = (0..letter.signers.len() as u32).collect();
//! let coverage = roster::coverage(&roster, &matches, &all_rows);
//! assert_eq!(coverage.chamber(Chamber::House).total.members, 2);
//! assert_eq!(coverage.chamber(Chamber::House).total.signed, 2);
//! assert!(roster::targets(&roster, &matches, &Filter::default()).is_empty());
//! # Ok::<(), roster::RosterError>(())
//! ```

pub mod committees;
mod coverage;
mod csv_form;
mod error;
mod matching;
pub(crate) mod names;
mod published;
mod report;
mod yaml_depth;

pub use coverage::{
    ChamberCoverage, Count, Coverage, PartyChanged, RosterCheck, Seat, Target, apportioned_seats,
    check, coverage, targets, vacancies,
};
pub use error::{RosterError, RosterErrorKind};
pub use matching::{
    Ambiguity, Correction, MatchResult, MatchStatus, MatchedBy, NotFoundReason, fill_letter,
    match_letter, match_signer, resolve,
};
pub use report::{
    CallSheet, MatchFormat, TargetsFormat, coverage_json, match_json, write_coverage_text,
    write_matches, write_targets,
};

use crate::model::{Chamber, Date, State};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

/// A member of Congress as the roster records them now: names, party, and the seat of
/// their current (last) term, with the office's phone and address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The Biographical Directory id, e.g. `"P000034"`: the key everything else uses.
    pub bioguide: Box<str>,
    /// The parts of the member's name.
    pub name: MemberName,
    /// `"D"`, `"R"` or `"I"`, or another party as the roster writes it.
    pub party: Box<str>,
    /// The party an independent caucuses with, when the roster says (`"D"` for Sanders).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caucus: Option<Box<str>>,
    /// The party before the last change, when the roster records one (in this term or
    /// against the term before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_party: Option<Box<str>>,
    /// Since when the member has been of `party`, when the roster records a change.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::optional_text"
    )]
    pub party_since: Option<Date>,
    /// The state or territory of the seat.
    #[serde(with = "state_code")]
    pub state: State,
    /// House (delegates and the resident commissioner too) or Senate.
    pub chamber: Chamber,
    /// The House district; 0 for at-large seats and delegates; `None` for senators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<u8>,
    /// When the current term began; the CSV form does not say.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::optional_text"
    )]
    pub term_start: Option<Date>,
    /// When the current term ends; the CSV form does not say.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::optional_text"
    )]
    pub term_end: Option<Date>,
    /// The Washington office's phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Box<str>>,
    /// The Washington office's postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Box<str>>,
}

/// The parts of a member's name, as the roster gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberName {
    /// The name the member uses officially, e.g. `"Linda T. Sánchez"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official: Option<Box<str>>,
    /// The first name, e.g. `"Janice"`.
    pub first: Box<str>,
    /// Middle names or initials, e.g. `"D."`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle: Option<Box<str>>,
    /// The surname, e.g. `"Van Hollen"`.
    pub last: Box<str>,
    /// What the member is called, e.g. `"Jan"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<Box<str>>,
    /// `"Jr."`, `"III"`…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<Box<str>>,
}

impl Member {
    /// The name to show: the official name, or the name the member is called and the surname.
    pub fn display_name(&self) -> String {
        if let Some(official) = &self.name.official {
            return official.to_string();
        }
        let first = self.name.nickname.as_deref().unwrap_or(&self.name.first);
        format!("{first} {}", self.name.last)
    }

    /// The seat, as people write it: `"CA-32"`, `"DC-AL"` for an at-large seat or a
    /// delegate, `"CA-Sen"` for a senator.
    pub fn seat_label(&self) -> String {
        match (self.chamber, self.district) {
            (Chamber::Senate, _) => format!("{}-Sen", self.state.code()),
            (Chamber::House, Some(0) | None) => format!("{}-AL", self.state.code()),
            (Chamber::House, Some(district)) => format!("{}-{district}", self.state.code()),
        }
    }
}

/// A member's place in its [`Roster`]: an index that stays valid as long as the roster does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MemberId(u32);

impl MemberId {
    /// The position of the member in [`Roster::members`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Everyone who serves, as of the newest term start in the file, with the indexes that
/// make matching fast.
#[derive(Clone, Debug)]
pub struct Roster {
    members: Vec<Member>,
    as_of: Option<Date>,
    source: Option<String>,
    by_bioguide: HashMap<Box<str>, MemberId>,
    index: matching::NameIndex,
}

impl PartialEq for Roster {
    fn eq(&self, other: &Self) -> bool {
        self.members == other.members && self.as_of == other.as_of && self.source == other.source
    }
}

impl Roster {
    /// A roster of `members`, dated by the newest term start among them. `source` is the
    /// name of the file it came from, for people.
    ///
    /// Two members with one bioguide id are the caller's mistake: the first is the one
    /// [`Roster::by_bioguide`] finds. The loaders refuse such files.
    pub fn new(members: Vec<Member>, source: Option<String>) -> Roster {
        let as_of = members.iter().filter_map(|m| m.term_start).max();
        let mut by_bioguide = HashMap::with_capacity(members.len());
        for (position, member) in members.iter().enumerate() {
            if let Ok(position) = u32::try_from(position) {
                by_bioguide
                    .entry(normalise_bioguide(&member.bioguide).into())
                    .or_insert(MemberId(position));
            }
        }
        let index = matching::NameIndex::new(&members);
        Roster {
            members,
            as_of,
            source,
            by_bioguide,
            index,
        }
    }

    /// Every member, in the order of the file.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// How many members the roster holds.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the roster holds nobody (the loaders never give such a roster).
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The member with this id.
    pub fn member(&self, id: MemberId) -> Option<&Member> {
        self.members.get(id.index())
    }

    /// Every member with its id, in the order of the file.
    pub fn iter(&self) -> impl Iterator<Item = (MemberId, &Member)> + '_ {
        self.members
            .iter()
            .enumerate()
            .filter_map(|(i, m)| Some((MemberId(u32::try_from(i).ok()?), m)))
    }

    /// The member with this bioguide id, ignoring case and spaces around it.
    pub fn by_bioguide(&self, bioguide: &str) -> Option<MemberId> {
        self.by_bioguide
            .get(normalise_bioguide(bioguide).as_str())
            .copied()
    }

    /// The newest term start in the roster: the date it is current as of. `None` for the
    /// CSV form, which gives no dates.
    pub fn as_of(&self) -> Option<Date> {
        self.as_of
    }

    /// The name of the file the roster was first read from, e.g. `"legislators-current.yaml"`.
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// Writes the roster as compact JSON (one line, only the fields the app uses), for the
    /// app's data folder; [`load_path`] and [`load_bytes`] read it back.
    pub fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
        let saved = SavedRosterRef {
            format: SAVED_FORMAT,
            version: SAVED_VERSION,
            as_of: self.as_of.map(|d| d.to_string()),
            source: self.source.as_deref(),
            members: &self.members,
        };
        serde_json::to_writer(&mut *out, &saved)?;
        writeln!(out)
    }
}

fn normalise_bioguide(bioguide: &str) -> String {
    bioguide.trim().to_ascii_uppercase()
}

/// What the compact JSON says it is, so that a letter file is never taken for a roster.
pub(crate) const SAVED_FORMAT: &str = "signer-dashboard roster";
/// The version of the compact JSON this build writes and reads.
pub(crate) const SAVED_VERSION: u32 = 1;

#[derive(Serialize)]
struct SavedRosterRef<'a> {
    format: &'static str,
    version: u32,
    as_of: Option<String>,
    source: Option<&'a str>,
    members: &'a [Member],
}

/// The forms a roster file comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RosterFormat {
    /// `legislators-current.json`: an array of members with all their terms.
    Json,
    /// `legislators-current.yaml`: the same as YAML.
    Yaml,
    /// `legislators-current.csv`: one row per member, the current term only.
    Csv,
    /// The compact JSON this app saves in its data folder.
    Saved,
}

impl RosterFormat {
    /// A short name for messages: "JSON", "YAML", "CSV", "saved roster".
    pub fn label(self) -> &'static str {
        match self {
            RosterFormat::Json => "JSON",
            RosterFormat::Yaml => "YAML",
            RosterFormat::Csv => "CSV",
            RosterFormat::Saved => "saved roster",
        }
    }
}

/// Reads the roster at `path`, in whichever of the forms it is.
pub fn load_path(path: &Path) -> Result<Roster, RosterError> {
    let bytes = crate::input::read(path, crate::input::Limit::ROSTER)
        .map_err(|e| RosterError::input(path, &e))?;
    load_bytes(path, &bytes)
}

/// Reads a roster from `bytes`; `path` names it in messages and chooses the reader by its
/// extension (`.json`, `.yaml`/`.yml`, `.csv`), or by the first characters when it has none.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Roster, RosterError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(body)
        .map_err(|e| RosterError::encoding(path, body, e.valid_up_to()))?;
    let format = detect(path, text)?;
    let (members, source) = match format {
        RosterFormat::Json => (published::parse_json(path, text)?, None),
        RosterFormat::Yaml => (published::parse_yaml(path, text)?, None),
        RosterFormat::Csv => (csv_form::parse(path, text)?, None),
        RosterFormat::Saved => published::parse_saved(path, text)?,
    };
    let source = source.or_else(|| path.file_name().and_then(|n| n.to_str()).map(str::to_owned));
    Ok(Roster::new(members, source))
}

/// Writes `roster` to `path` as compact JSON, atomically: the file is either the whole new
/// roster or what it was before.
pub fn save_path(roster: &Roster, path: &Path) -> Result<(), crate::export::WriteError> {
    crate::export::write_atomically(path, |out| roster.write_json(out))
}

const NOT_A_ROSTER: &str = "expected a roster of Congress: legislators-current.json, .yaml or .csv from unitedstates/congress-legislators, or a roster saved by Signer Dashboard";

/// Which form `text` is in: by extension, then by its first characters.
fn detect(path: &Path, text: &str) -> Result<RosterFormat, RosterError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let first_line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#') && *l != "---" && !l.starts_with('%'))
        .unwrap_or_default();
    let json_kind = || match text.trim_start().chars().next() {
        Some('[') => Ok(RosterFormat::Json),
        Some('{') => Ok(RosterFormat::Saved),
        _ => Err(RosterError::new(
            RosterErrorKind::NotARoster,
            path,
            format!("{NOT_A_ROSTER}; this JSON is neither an array of members nor a saved roster"),
        )),
    };
    let is_yaml_list = first_line.starts_with("- ") || first_line == "-";
    let is_csv_header = first_line.contains("bioguide_id") && first_line.contains(',');
    match extension.as_deref() {
        Some("json") => json_kind(),
        Some("yaml" | "yml") if is_yaml_list || first_line.starts_with('[') => {
            Ok(RosterFormat::Yaml)
        }
        Some("yaml" | "yml") => Err(RosterError::new(
            RosterErrorKind::NotARoster,
            path,
            format!("{NOT_A_ROSTER}; this YAML is not a list of members"),
        )
        .at(1, 1)),
        Some("csv") => Ok(RosterFormat::Csv),
        _ if text.trim_start().starts_with(['[', '{']) => json_kind(),
        _ if is_yaml_list => Ok(RosterFormat::Yaml),
        _ if is_csv_header => Ok(RosterFormat::Csv),
        _ => Err(RosterError::new(
            RosterErrorKind::NotARoster,
            path,
            NOT_A_ROSTER,
        )),
    }
}

/// A [`State`] as its USPS code in the compact JSON.
mod state_code {
    use crate::model::State;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(state: &State, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(state.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<State, D::Error> {
        let code = String::deserialize(d)?;
        State::from_code(&code.trim().to_ascii_uppercase()).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown state \"{code}\": expected a USPS code such as NJ"
            ))
        })
    }
}
