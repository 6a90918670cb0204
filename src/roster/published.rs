//! `legislators-current.json` and `.yaml`: one list of members, each with ids, a name and
//! every term served. Only the fields the app uses are read; the rest are skipped.
//!
//! Everything a member needs is checked while the file is read (a blank bioguide id, no
//! terms, an unknown state), so that the parser can say on which line the problem is.

use super::error::{RosterError, RosterErrorKind};
use super::{Member, MemberName, NOT_A_ROSTER, SAVED_FORMAT, SAVED_VERSION};
use crate::model::{Chamber, Date, State, normalise_known};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// One member as the published files hold them.
#[derive(Deserialize)]
struct RawMember {
    id: RawIds,
    name: RawName,
    terms: CurrentTerm,
}

#[derive(Deserialize)]
struct RawIds {
    bioguide: NonBlank,
}

#[derive(Deserialize)]
struct RawName {
    first: NonBlank,
    last: NonBlank,
    middle: Option<String>,
    nickname: Option<String>,
    suffix: Option<String>,
    official_full: Option<String>,
}

/// Text that must not be blank, trimmed.
struct NonBlank(Box<str>);

impl<'de> Deserialize<'de> for NonBlank {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(de::Error::custom("expected text, found a blank"));
        }
        Ok(NonBlank(trimmed.into()))
    }
}

#[derive(Deserialize)]
struct RawTerm {
    #[serde(rename = "type")]
    kind: Option<String>,
    start: Option<String>,
    end: Option<String>,
    state: Option<String>,
    district: Option<i64>,
    party: Option<String>,
    caucus: Option<String>,
    phone: Option<String>,
    address: Option<String>,
    party_affiliations: Option<Vec<RawAffiliation>>,
}

#[derive(Deserialize)]
struct RawAffiliation {
    start: Option<String>,
    party: Option<String>,
}

/// The last term of a member's `terms`, checked, and the party of the one before.
struct CurrentTerm {
    chamber: Chamber,
    state: State,
    district: Option<u8>,
    party: Box<str>,
    caucus: Option<Box<str>>,
    previous_party: Option<Box<str>>,
    party_since: Option<Date>,
    start: Option<Date>,
    end: Option<Date>,
    phone: Option<Box<str>>,
    address: Option<Box<str>>,
}

impl<'de> Deserialize<'de> for CurrentTerm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(TermsVisitor)
    }
}

struct TermsVisitor;

impl<'de> Visitor<'de> for TermsVisitor {
    type Value = CurrentTerm;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of terms")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<CurrentTerm, A::Error> {
        let mut last: Option<RawTerm> = None;
        let mut previous_party: Option<String> = None;
        let mut count = 0usize;
        while let Some(term) = seq.next_element::<RawTerm>()? {
            if let Some(before) = last.take() {
                previous_party = before.party;
            }
            last = Some(term);
            count += 1;
        }
        let Some(term) = last else {
            return Err(de::Error::custom(
                "a member with no terms: expected at least one term, the last being the current one",
            ));
        };
        current_term(term, count - 1, previous_party).map_err(de::Error::custom)
    }
}

/// Checks the last term (`terms[index]`) and keeps what the app uses.
fn current_term(
    term: RawTerm,
    index: usize,
    previous_party: Option<String>,
) -> Result<CurrentTerm, String> {
    let at = |field: &str| format!("terms[{index}].{field}");
    let chamber = match term.kind.as_deref().map(str::trim) {
        Some("rep") => Chamber::House,
        Some("sen") => Chamber::Senate,
        Some(other) => {
            return Err(format!(
                "{}: expected \"rep\" or \"sen\", found \"{other}\"",
                at("type")
            ));
        }
        None => {
            return Err(format!(
                "{}: missing; expected \"rep\" or \"sen\"",
                at("type")
            ));
        }
    };
    let state_text = term.state.unwrap_or_default();
    let Some(state) = State::from_code(&state_text.trim().to_ascii_uppercase()) else {
        return Err(format!(
            "{}: unknown state \"{state_text}\"; expected a USPS code such as NJ",
            at("state")
        ));
    };
    let district = match (chamber, term.district) {
        (Chamber::Senate, _) => None,
        (Chamber::House, Some(d)) => match u8::try_from(d) {
            Ok(d) if d <= 99 => Some(d),
            _ => {
                return Err(format!(
                    "{}: expected a district number from 0 to 99, found {d}",
                    at("district")
                ));
            }
        },
        (Chamber::House, None) => {
            return Err(format!(
                "{}: missing; a representative's term needs a district (0 for at-large)",
                at("district")
            ));
        }
    };
    let Some(party) = term.party.as_deref().and_then(party_code) else {
        return Err(format!("{}: missing; expected a party", at("party")));
    };
    let date = |field: &str, text: Option<String>| -> Result<Option<Date>, String> {
        match text.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(t) => t.parse().map(Some).map_err(|_| {
                format!(
                    "{}: expected a date as YYYY-MM-DD, found \"{t}\"",
                    at(field)
                )
            }),
        }
    };
    let start = date("start", term.start)?;
    let end = date("end", term.end)?;
    // A change within the term (party_affiliations) or against the term before.
    let (previous_party, party_since) = match term.party_affiliations.as_deref() {
        Some([.., before, now]) => (
            before.party.as_deref().and_then(party_code),
            date("party_affiliations.start", now.start.clone())?,
        ),
        _ => match previous_party.as_deref().and_then(party_code) {
            Some(before) if *before != *party => (Some(before), start),
            _ => (None, None),
        },
    };
    Ok(CurrentTerm {
        chamber,
        state,
        district,
        caucus: term.caucus.as_deref().and_then(party_code),
        party,
        previous_party,
        party_since,
        start,
        end,
        phone: non_blank(term.phone),
        address: non_blank(term.address),
    })
}

/// `"D"`, `"R"` or `"I"` for their long forms; any other party as written.
pub(crate) fn party_code(text: &str) -> Option<Box<str>> {
    let trimmed = text.trim().trim_end_matches('.');
    if trimmed.is_empty() {
        return None;
    }
    Some(match normalise_known(trimmed) {
        Some(party) => crate::model::PartyTable::default().code(party).into(),
        None => trimmed.into(),
    })
}

pub(crate) fn non_blank(text: Option<String>) -> Option<Box<str>> {
    text.map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .map(String::into_boxed_str)
}

impl RawMember {
    fn into_member(self) -> Member {
        let RawMember { id, name, terms } = self;
        Member {
            bioguide: id.bioguide.0,
            name: MemberName {
                official: non_blank(name.official_full),
                first: name.first.0,
                middle: non_blank(name.middle),
                last: name.last.0,
                nickname: non_blank(name.nickname),
                suffix: non_blank(name.suffix),
            },
            party: terms.party,
            caucus: terms.caucus,
            previous_party: terms.previous_party,
            party_since: terms.party_since,
            state: terms.state,
            chamber: terms.chamber,
            district: terms.district,
            term_start: terms.start,
            term_end: terms.end,
            phone: terms.phone,
            address: terms.address,
        }
    }
}

/// Reads `legislators-current.json`.
pub(crate) fn parse_json(path: &Path, text: &str) -> Result<Vec<Member>, RosterError> {
    let mut json = serde_json::Deserializer::from_str(text);
    let raw: Vec<RawMember> =
        serde_path_to_error::deserialize(&mut json).map_err(|e| json_error(path, &e))?;
    json.end()
        .map_err(|e| json_error_inner(path, &e, String::new()))?;
    finish(path, raw.into_iter().map(RawMember::into_member).collect())
}

/// Reads `legislators-current.yaml`.
pub(crate) fn parse_yaml(path: &Path, text: &str) -> Result<Vec<Member>, RosterError> {
    super::yaml_depth::check(path, text)?;
    let yaml = serde_norway::Deserializer::from_str(text);
    let raw: Vec<RawMember> =
        serde_path_to_error::deserialize(yaml).map_err(|e| yaml_error(path, &e))?;
    finish(path, raw.into_iter().map(RawMember::into_member).collect())
}

/// What [`super::Roster::write_json`] writes.
#[derive(Deserialize, Serialize)]
struct SavedRoster {
    format: Option<String>,
    version: Option<u32>,
    as_of: Option<String>,
    source: Option<String>,
    #[serde(default)]
    members: Vec<Member>,
}

/// Only the `format` member of a JSON object, to tell a saved roster from a letter.
#[derive(Deserialize)]
struct FormatProbe {
    format: Option<String>,
}

/// Reads a roster that the app saved, and the name of the file it first came from.
pub(crate) fn parse_saved(
    path: &Path,
    text: &str,
) -> Result<(Vec<Member>, Option<String>), RosterError> {
    let probe: Option<FormatProbe> = serde_json::from_str(text).ok();
    if probe.and_then(|p| p.format).as_deref() != Some(SAVED_FORMAT) {
        return Err(RosterError::new(
            RosterErrorKind::NotARoster,
            path,
            format!("{NOT_A_ROSTER}; this JSON object is not one (is it a letter file?)"),
        ));
    }
    let mut json = serde_json::Deserializer::from_str(text);
    let saved: SavedRoster =
        serde_path_to_error::deserialize(&mut json).map_err(|e| json_error(path, &e))?;
    if saved.version.is_some_and(|v| v > SAVED_VERSION) {
        return Err(RosterError::new(
            RosterErrorKind::Content,
            path,
            format!(
                "a roster saved by a newer Signer Dashboard (format version {}); this one reads version {SAVED_VERSION}",
                saved.version.unwrap_or_default()
            ),
        )
        .field("version"));
    }
    let members = finish(path, saved.members)?;
    Ok((members, saved.source))
}

/// Refuses an empty roster and one that lists a bioguide id twice.
pub(crate) fn finish(path: &Path, members: Vec<Member>) -> Result<Vec<Member>, RosterError> {
    if members.is_empty() {
        return Err(RosterError::new(
            RosterErrorKind::Content,
            path,
            "the roster lists no members",
        ));
    }
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(members.len());
    for (position, member) in members.iter().enumerate() {
        let key = member.bioguide.trim().to_ascii_uppercase();
        if let Some(first) = seen.insert(key, position) {
            return Err(RosterError::new(
                RosterErrorKind::Content,
                path,
                format!(
                    "bioguide id \"{}\" is listed twice, for [{first}] and [{position}]",
                    member.bioguide
                ),
            )
            .field(format!("[{position}].id.bioguide")));
        }
    }
    Ok(members)
}

/// A problem with one term is raised for the whole `terms` list (only its end tells which
/// term is the current one): put the term's field in the path, `[3].terms[5].state`.
fn refine(field: String, message: &str) -> (String, String) {
    if field.ends_with(".terms")
        && message.starts_with("terms[")
        && let Some((term_field, rest)) = message.split_once(": ")
        && let Some(member) = field.strip_suffix("terms")
    {
        return (format!("{member}{term_field}"), rest.to_owned());
    }
    (field, message.to_owned())
}

/// The message of a parser's error without the " at line N column M" it appends.
fn strip_position(message: &str) -> &str {
    message
        .find(" at line ")
        .and_then(|cut| message.get(..cut))
        .unwrap_or(message)
}

fn json_error(path: &Path, error: &serde_path_to_error::Error<serde_json::Error>) -> RosterError {
    json_error_inner(path, error.inner(), known_path(error.path()))
}

/// The path as far as it is known: serde_path_to_error writes `?` for a key it never got to
/// read (the file ended, or broke, first).
fn known_path(path: &serde_path_to_error::Path) -> String {
    let text = path.to_string();
    match text.find("?") {
        Some(cut) => text
            .get(..cut)
            .unwrap_or_default()
            .trim_end_matches('.')
            .to_owned(),
        None => text,
    }
}

fn json_error_inner(path: &Path, inner: &serde_json::Error, field: String) -> RosterError {
    let kind = match inner.classify() {
        serde_json::error::Category::Data => RosterErrorKind::Content,
        _ => RosterErrorKind::Syntax,
    };
    let message = match inner.classify() {
        serde_json::error::Category::Eof => format!(
            "the file ends too soon ({}); is it cut short?",
            strip_position(&inner.to_string())
        ),
        _ => strip_position(&inner.to_string()).to_owned(),
    };
    let (field, message) = refine(field, &message);
    RosterError::new(kind, path, message)
        .at(inner.line(), inner.column())
        .field(field)
}

pub(crate) fn yaml_error(
    path: &Path,
    error: &serde_path_to_error::Error<serde_norway::Error>,
) -> RosterError {
    let field = known_path(error.path());
    // serde_norway names its own path before the message; ours is in `field` already.
    let full = error.inner().to_string();
    let mut message = strip_position(&full);
    if let Some((prefix, rest)) = message.split_once(": ")
        && !prefix.contains(' ')
        && (prefix.starts_with('[') || prefix.starts_with('.') || prefix.contains('.'))
    {
        message = rest;
    }
    // The whole document is parsed before any member is read: an error outside every
    // member is the YAML itself.
    let kind = if field.is_empty() || field == "." {
        RosterErrorKind::Syntax
    } else {
        RosterErrorKind::Content
    };
    let (field, message) = refine(field, message);
    let mut result = RosterError::new(kind, path, message).field(field);
    if let Some(location) = error.inner().location() {
        result = result.at(location.line(), location.column());
    }
    result
}
