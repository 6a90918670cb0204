//! The matches, targets and coverage as JSON and CSV, each to any `io::Write`: what
//! `signer-dashboard match`, `targets` and `summary --roster` print.

use super::committees::{Committees, Side};
use super::{ChamberCoverage, Count, Coverage, MatchResult, Member, Roster, Target};
use crate::export::guard_formula;
use crate::model::{Letter, Party, Signer};
use crate::outreach::Outreach;
use serde_json::{Map, Value, json};
use std::borrow::Cow;
use std::io::{self, Write};

/// How `signer-dashboard match` prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum MatchFormat {
    /// An array of `{name, status, bioguide, party, state, chamber, district, candidates, corrections, note}`.
    #[default]
    Json,
    /// One row per signer, for spreadsheets.
    Csv,
}

/// How `signer-dashboard targets` prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum TargetsFormat {
    /// One row per member who has not signed, with phone and office, for spreadsheets.
    #[default]
    Csv,
    /// An array of `{bioguide, name, party, state, chamber, district, phone, address, maybe_signed_as}`.
    Json,
}

fn member_json(member: &Member) -> Value {
    json!({
        "bioguide": member.bioguide,
        "name": member.display_name(),
        "party": member.party,
        "state": member.state.code(),
        "chamber": member.chamber.code(),
        "district": member.district,
    })
}

/// The state as the letter gives it: the code, the unrecognised text, or nothing.
fn letter_state(signer: &Signer) -> Option<&str> {
    if signer.state.is_known() {
        Some(signer.state.code())
    } else {
        signer.unrecognised_state()
    }
}

/// What one row of `match` says: for a matched signer the roster's values (filling what
/// the letter lacks), for the others the letter's.
struct MatchRow<'a> {
    bioguide: Option<&'a str>,
    party: Option<&'a str>,
    state: Option<&'a str>,
    chamber: Option<&'static str>,
    district: Option<u8>,
}

fn match_row<'a>(
    letter: &'a Letter,
    signer: &'a Signer,
    member: Option<&'a Member>,
) -> MatchRow<'a> {
    match member {
        Some(m) => MatchRow {
            bioguide: Some(&m.bioguide),
            party: Some(&m.party),
            state: Some(m.state.code()),
            chamber: Some(m.chamber.code()),
            district: m.district,
        },
        None => MatchRow {
            bioguide: signer.bioguide.as_deref(),
            party: (signer.party != Party::UNKNOWN).then(|| letter.party_code(signer)),
            state: letter_state(signer),
            chamber: signer.chamber.map(|c| c.code()),
            district: signer.district,
        },
    }
}

/// Every signer with its match, as the JSON array `match --format json` prints.
pub fn match_json(letter: &Letter, roster: &Roster, matches: &[MatchResult]) -> Value {
    let rows: Vec<Value> = letter
        .signers
        .iter()
        .zip(matches)
        .map(|(signer, result)| {
            let member = result.member().and_then(|id| roster.member(id));
            let row = match_row(letter, signer, member);
            let candidates: Vec<Value> = result
                .candidates()
                .iter()
                .filter_map(|id| roster.member(*id))
                .map(member_json)
                .collect();
            let corrections: Vec<Value> = result
                .corrections()
                .iter()
                .map(|c| {
                    let (in_letter, in_roster) = c.values();
                    json!({ "field": c.field(), "letter": in_letter, "roster": in_roster })
                })
                .collect();
            json!({
                "name": signer.name,
                "status": result.status().code(),
                "bioguide": row.bioguide,
                "party": row.party,
                "state": row.state,
                "chamber": row.chamber,
                "district": row.district,
                "candidates": candidates,
                "corrections": corrections,
                "note": result.note(),
            })
        })
        .collect();
    Value::Array(rows)
}

fn candidate_text(member: &Member) -> String {
    format!(
        "{} {} ({}, {})",
        member.bioguide,
        member.display_name(),
        member.party,
        member.seat_label()
    )
}

fn write_row(writer: &mut ::csv::Writer<&mut dyn Write>, cells: &[Cow<'_, str>]) -> io::Result<()> {
    for cell in cells {
        writer
            .write_field(guard_formula(cell).as_bytes())
            .map_err(io::Error::other)?;
    }
    writer.write_record(None::<&[u8]>).map_err(io::Error::other)
}

/// A CSV writer as the signers export makes them: a UTF-8 byte order mark, CRLF line ends,
/// every cell guarded against spreadsheet formulas.
fn csv_writer(out: &mut dyn Write) -> io::Result<::csv::Writer<&mut dyn Write>> {
    out.write_all("\u{feff}".as_bytes())?;
    Ok(::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out))
}

/// Writes every signer with its match, as JSON or CSV.
pub fn write_matches(
    out: &mut dyn Write,
    format: MatchFormat,
    letter: &Letter,
    roster: &Roster,
    matches: &[MatchResult],
) -> io::Result<()> {
    match format {
        MatchFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &match_json(letter, roster, matches))?;
            writeln!(out)
        }
        MatchFormat::Csv => {
            let mut writer = csv_writer(out)?;
            let header = [
                "name",
                "status",
                "bioguide",
                "party",
                "state",
                "chamber",
                "district",
                "candidates",
                "corrections",
                "note",
            ];
            write_row(&mut writer, &header.map(Cow::Borrowed))?;
            for (signer, result) in letter.signers.iter().zip(matches) {
                let member = result.member().and_then(|id| roster.member(id));
                let row = match_row(letter, signer, member);
                let candidates: Vec<String> = result
                    .candidates()
                    .iter()
                    .filter_map(|id| roster.member(*id))
                    .map(candidate_text)
                    .collect();
                let corrections: Vec<String> = result
                    .corrections()
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                write_row(
                    &mut writer,
                    &[
                        Cow::Borrowed(&*signer.name),
                        Cow::Borrowed(result.status().code()),
                        Cow::Borrowed(row.bioguide.unwrap_or_default()),
                        Cow::Borrowed(row.party.unwrap_or_default()),
                        Cow::Borrowed(row.state.unwrap_or_default()),
                        Cow::Borrowed(row.chamber.unwrap_or_default()),
                        row.district
                            .map_or(Cow::Borrowed(""), |d| Cow::Owned(d.to_string())),
                        Cow::Owned(candidates.join("; ")),
                        Cow::Owned(corrections.join("; ")),
                        Cow::Owned(result.note().unwrap_or_default()),
                    ],
                )?;
            }
            writer.flush()
        }
    }
}

/// What a call sheet of the members who have not signed is made from.
#[derive(Clone, Copy)]
pub struct CallSheet<'a> {
    /// The letter: it names the signers who may have signed as one of the members
    /// (ambiguous matches).
    pub letter: &'a Letter,
    /// The roster the targets are members of.
    pub roster: &'a Roster,
    /// The members to list, in order.
    pub targets: &'a [Target],
    /// Committee seats, to list each member's (a `committees` column).
    pub committees: Option<&'a Committees>,
    /// The letter's outreach records: each member's status, last contact and follow-up.
    pub outreach: &'a Outreach,
}

/// Writes the members who have not signed, as CSV or JSON: each with phone and office, the
/// outreach status, last contact and follow-up date, and with committees, their seats (a
/// `committees` column, or a `committees` array of `{id, name, side, rank, title}`).
pub fn write_targets(
    out: &mut dyn Write,
    format: TargetsFormat,
    sheet: &CallSheet<'_>,
) -> io::Result<()> {
    let CallSheet {
        letter,
        roster,
        targets,
        committees,
        outreach,
    } = *sheet;
    let maybe_names = |target: &Target| -> Vec<&str> {
        target
            .maybe_signed_as
            .iter()
            .filter_map(|&p| letter.signers.get(p as usize))
            .map(|s| &*s.name)
            .collect()
    };
    let members = targets
        .iter()
        .filter_map(|t| Some((t, roster.member(t.member)?)));
    match format {
        TargetsFormat::Json => {
            let rows: Vec<Value> = members
                .map(|(target, m)| {
                    let mut row = member_json(m);
                    if let Value::Object(object) = &mut row {
                        object.insert("phone".into(), json!(m.phone));
                        object.insert("address".into(), json!(m.address));
                        object.insert("maybe_signed_as".into(), json!(maybe_names(target)));
                        let record = outreach.member(&m.bioguide);
                        object.insert("status".into(), json!(outreach.status(&m.bioguide).code()));
                        object.insert(
                            "last_contact".into(),
                            json!(record.and_then(|r| r.last_contact()).map(|d| d.to_string())),
                        );
                        object.insert(
                            "follow_up".into(),
                            json!(record.and_then(|r| r.follow_up).map(|d| d.to_string())),
                        );
                        if let Some(committees) = committees {
                            object.insert("committees".into(), seats_json(committees, &m.bioguide));
                        }
                    }
                    row
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
        TargetsFormat::Csv => {
            let mut writer = csv_writer(out)?;
            let mut header = vec![
                "bioguide",
                "name",
                "party",
                "state",
                "chamber",
                "district",
                "phone",
                "address",
                "note",
                "status",
                "last_contact",
                "follow_up",
            ];
            if committees.is_some() {
                header.push("committees");
            }
            let header: Vec<Cow<'_, str>> = header.into_iter().map(Cow::Borrowed).collect();
            write_row(&mut writer, &header)?;
            for (target, m) in members {
                let record = outreach.member(&m.bioguide);
                let names = maybe_names(target);
                let note = if names.is_empty() {
                    String::new()
                } else {
                    format!("may have signed as: {}", names.join("; "))
                };
                let mut row = vec![
                    Cow::Borrowed(&*m.bioguide),
                    Cow::Owned(m.display_name()),
                    Cow::Borrowed(&*m.party),
                    Cow::Borrowed(m.state.code()),
                    Cow::Borrowed(m.chamber.code()),
                    m.district
                        .map_or(Cow::Borrowed(""), |d| Cow::Owned(d.to_string())),
                    Cow::Borrowed(m.phone.as_deref().unwrap_or_default()),
                    Cow::Borrowed(m.address.as_deref().unwrap_or_default()),
                    Cow::Owned(note),
                    Cow::Borrowed(outreach.status(&m.bioguide).code()),
                    date_cell(record.and_then(|r| r.last_contact())),
                    date_cell(record.and_then(|r| r.follow_up)),
                ];
                if let Some(committees) = committees {
                    row.push(Cow::Owned(committees.describe(&m.bioguide)));
                }
                write_row(&mut writer, &row)?;
            }
            writer.flush()
        }
    }
}

/// A date as its cell, empty when there is none.
fn date_cell(date: Option<crate::model::Date>) -> Cow<'static, str> {
    date.map_or(Cow::Borrowed(""), |d| Cow::Owned(d.to_string()))
}

/// A member's seats as JSON: `[{id, name, side, rank, title}]`.
fn seats_json(committees: &Committees, bioguide: &str) -> Value {
    let seats: Vec<Value> = committees
        .seats(bioguide)
        .iter()
        .map(|seat| {
            let committee = committees.committee(seat.committee);
            json!({
                "id": committee.id,
                "name": committee.name,
                "side": seat.side.map(|s| match s {
                    Side::Majority => "majority",
                    Side::Minority => "minority",
                }),
                "rank": seat.rank,
                "title": seat.title,
            })
        })
        .collect();
    Value::Array(seats)
}

fn count_json(count: Count) -> Value {
    json!({ "signed": count.signed, "members": count.members })
}

fn chamber_json(chamber: &ChamberCoverage) -> Value {
    let by_party: Map<String, Value> = chamber
        .by_party
        .iter()
        .map(|(code, count)| (code.to_string(), count_json(*count)))
        .collect();
    let by_state: Map<String, Value> = chamber
        .states()
        .into_iter()
        .map(|(state, count)| (state.code().to_owned(), count_json(count)))
        .collect();
    json!({
        "signed": chamber.total.signed,
        "members": chamber.total.members,
        "by_party": by_party,
        "by_state": by_state,
    })
}

/// The `coverage` object of `summary --roster --format json`: the roster's date and size,
/// how the signers matched, and per chamber signed and members in all, by party and by
/// state (states with members, by code).
pub fn coverage_json(roster: &Roster, coverage: &Coverage) -> Value {
    json!({
        "roster": {
            "as_of": roster.as_of().map(|d| d.to_string()),
            "source": roster.source(),
            "members": roster.len(),
        },
        "signers": {
            "matched": coverage.matched,
            "ambiguous": coverage.ambiguous,
            "not_found": coverage.not_found,
        },
        "house": chamber_json(&coverage.house),
        "senate": chamber_json(&coverage.senate),
    })
}

/// The coverage as lines of text, after the summary: the roster, how the signers matched,
/// and per chamber the members who signed, by party and by state (states with a signer).
pub fn write_coverage_text(
    out: &mut dyn Write,
    roster: &Roster,
    coverage: &Coverage,
    targets: usize,
) -> io::Result<()> {
    writeln!(out)?;
    let as_of = roster
        .as_of()
        .map_or_else(String::new, |d| format!(", as of {d}"));
    writeln!(out, "Roster: {} members{as_of}", roster.len())?;
    writeln!(
        out,
        "Signers matched: {} ({} ambiguous, {} not found)",
        coverage.matched, coverage.ambiguous, coverage.not_found
    )?;
    for chamber in [&coverage.house, &coverage.senate] {
        let parties: Vec<String> = chamber
            .by_party
            .iter()
            .map(|(code, n)| format!("{code} {} of {}", n.signed, n.members))
            .collect();
        writeln!(
            out,
            "{}: {} of {} members signed ({})",
            chamber.chamber.label(),
            chamber.total.signed,
            chamber.total.members,
            parties.join(", ")
        )?;
        // Delegations with a signer, the most signed first: "CA 9 of 51".
        let mut states: Vec<_> = chamber
            .states()
            .into_iter()
            .filter(|(_, n)| n.signed > 0)
            .collect();
        states.sort_by(|a, b| b.1.signed.cmp(&a.1.signed).then(a.0.code().cmp(b.0.code())));
        if !states.is_empty() {
            let states: Vec<String> = states
                .iter()
                .map(|(state, n)| format!("{} {} of {}", state.code(), n.signed, n.members))
                .collect();
            writeln!(out, "  by state: {}", states.join(", "))?;
        }
    }
    writeln!(
        out,
        "Not signed yet: {targets} members (see `signer-dashboard targets`)"
    )
}
