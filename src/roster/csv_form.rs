//! `legislators-current.csv`: one row per member with the current term only, and no
//! dates, so a roster read from it has no "as of" date.

use super::error::{RosterError, RosterErrorKind};
use super::published::{finish, non_blank, party_code};
use super::{Member, MemberName, NOT_A_ROSTER};
use crate::model::{Chamber, State};
use std::path::Path;

/// The columns a row must have, and the others the app reads.
const REQUIRED: [&str; 6] = [
    "bioguide_id",
    "last_name",
    "first_name",
    "type",
    "state",
    "party",
];

struct Columns {
    bioguide: usize,
    last: usize,
    first: usize,
    kind: usize,
    state: usize,
    party: usize,
    middle: Option<usize>,
    suffix: Option<usize>,
    nickname: Option<usize>,
    full_name: Option<usize>,
    district: Option<usize>,
    address: Option<usize>,
    phone: Option<usize>,
}

/// Reads `legislators-current.csv`.
pub(crate) fn parse(path: &Path, text: &str) -> Result<Vec<Member>, RosterError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| csv_error(path, &e))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect::<Vec<_>>();
    let find = |name: &str| headers.iter().position(|h| h == name);
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|name| find(name).is_none())
        .collect();
    let (Some(bioguide), Some(last), Some(first), Some(kind), Some(state), Some(party)) = (
        find("bioguide_id"),
        find("last_name"),
        find("first_name"),
        find("type"),
        find("state"),
        find("party"),
    ) else {
        return Err(RosterError::new(
            RosterErrorKind::NotARoster,
            path,
            format!(
                "{NOT_A_ROSTER}; this table has no {} column{}",
                missing.join(", "),
                if missing.len() == 1 { "" } else { "s" }
            ),
        )
        .at(1, 0));
    };
    let columns = Columns {
        bioguide,
        last,
        first,
        kind,
        state,
        party,
        middle: find("middle_name"),
        suffix: find("suffix"),
        nickname: find("nickname"),
        full_name: find("full_name"),
        district: find("district"),
        address: find("address"),
        phone: find("phone"),
    };

    let mut members = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, &e))?;
        let line = record
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        members.push(member(path, line, &record, &columns)?);
    }
    finish(path, members)
}

fn member(
    path: &Path,
    line: usize,
    record: &::csv::StringRecord,
    columns: &Columns,
) -> Result<Member, RosterError> {
    let cell = |i: usize| record.get(i).map(str::trim).unwrap_or_default();
    let optional = |i: Option<usize>| non_blank(i.map(|i| cell(i).to_owned()));
    let error = |column: &str, message: String| {
        RosterError::new(RosterErrorKind::Content, path, message)
            .at(line, 0)
            .field(column)
    };
    let required = |i: usize, column: &str| -> Result<Box<str>, RosterError> {
        match cell(i) {
            "" => Err(error(column, "expected text, found a blank".to_owned())),
            text => Ok(text.into()),
        }
    };
    let chamber = match cell(columns.kind) {
        "rep" => Chamber::House,
        "sen" => Chamber::Senate,
        "" => {
            return Err(error(
                "type",
                "blank: a member with no current term (expected \"rep\" or \"sen\")".to_owned(),
            ));
        }
        other => {
            return Err(error(
                "type",
                format!("expected \"rep\" or \"sen\", found \"{other}\""),
            ));
        }
    };
    let state_text = cell(columns.state);
    let Some(state) = State::from_code(&state_text.to_ascii_uppercase()) else {
        return Err(error(
            "state",
            format!("unknown state \"{state_text}\"; expected a USPS code such as NJ"),
        ));
    };
    let district = match chamber {
        Chamber::Senate => None,
        Chamber::House => {
            let text = columns.district.map(cell).unwrap_or_default();
            match text.parse::<u8>() {
                Ok(d) if d <= 99 => Some(d),
                _ if text.is_empty() => {
                    return Err(error(
                        "district",
                        "blank; a representative needs a district (0 for at-large)".to_owned(),
                    ));
                }
                _ => {
                    return Err(error(
                        "district",
                        format!("expected a district number from 0 to 99, found \"{text}\""),
                    ));
                }
            }
        }
    };
    let Some(party) = party_code(cell(columns.party)) else {
        return Err(error("party", "expected a party, found a blank".to_owned()));
    };
    Ok(Member {
        bioguide: required(columns.bioguide, "bioguide_id")?,
        name: MemberName {
            official: optional(columns.full_name),
            first: required(columns.first, "first_name")?,
            middle: optional(columns.middle),
            last: required(columns.last, "last_name")?,
            nickname: optional(columns.nickname),
            suffix: optional(columns.suffix),
        },
        party,
        caucus: None,
        previous_party: None,
        party_since: None,
        state,
        chamber,
        district,
        term_start: None,
        term_end: None,
        phone: optional(columns.phone),
        address: optional(columns.address),
    })
}

fn csv_error(path: &Path, error: &::csv::Error) -> RosterError {
    let line = error
        .position()
        .map(|p| usize::try_from(p.line()).unwrap_or(usize::MAX));
    let message = match error.kind() {
        ::csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("expected {expected_len} fields as in the header row, found {len}"),
        _ => error.to_string(),
    };
    let result = RosterError::new(RosterErrorKind::Syntax, path, message);
    match line {
        Some(line) => result.at(line, 0),
        None => result,
    }
}
