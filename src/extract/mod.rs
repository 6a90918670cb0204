//! Signers found in a press release: paste or open the text (plain, Markdown or HTML), get
//! each member it names as a signer, with the party, state and district the text gives,
//! whether they led the letter or joined it, how sure the finder is, and where in the text
//! the name was written; then turn the rows a person accepts into a letter.
//!
//! Only people the text presents as signing are found: a name with a party tag
//! ("Frank Pallone (D-NJ)", "(R-Calif.)", "[R-NE-3]", ", R-South Dakota"), or a name in a
//! list that words such as "signed by" or "joined by" introduce. Recipients
//! ("Secretary of State Marco Rubio"), staff and people quoted are not signers. Names
//! without a tag take their party and state from a [`Roster`] when one is given, through
//! the roster's own matcher, and are marked [`Found::from_roster`].
//!
//! ```
//! use signer_dashboard::extract::extract;
//! use signer_dashboard::model::Role;
//!
//! let text = "WASHINGTON — The letter, led by Reps. Frank Pallone (D-N.J.) and David \
//!             Valadao (R-Calif.), was co-signed by Rep. Judy Chu (D-CA-28) and sent to \
//!             Secretary of State Marco Rubio.";
//! let found = extract(text, None);
//! let names: Vec<&str> = found.signers.iter().map(|s| s.name.as_str()).collect();
//! assert_eq!(names, ["Frank Pallone", "David Valadao", "Judy Chu"]);
//! assert_eq!(found.signers[0].role, Role::Lead);
//! assert_eq!(found.signers[2].district, Some(28));
//! // Each row points at the words it came from.
//! assert_eq!(&found.text[found.signers[0].snippet.clone()], "Frank Pallone (D-N.J.)");
//! ```

mod finder;
mod output;
mod proposal;
mod strip;
mod tokens;
mod words;

pub use finder::MAX_FOUND;
pub use output::{ExtractFormat, found_json, write_found};
pub use strip::{Stripped, TextKind, strip};

use crate::model::{
    Chamber, Date, Interned, Letter, LetterInfo, Party, PartyTable, Role, Signer, State,
    normalise_known,
};
use crate::roster::{MatchResult, Roster, match_signer};
use std::collections::HashMap;
use std::ops::Range;

/// A value proposed from the text, and where the text gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposed<T> {
    /// What the text says.
    pub value: T,
    /// Where, as a byte range of [`Extraction::text`].
    pub snippet: Range<usize>,
}

/// Everything found in one text.
#[derive(Clone, Debug, PartialEq)]
pub struct Extraction {
    /// The text as read: markup stripped, line ends normalised. Every range points into it.
    pub text: String,
    /// What kind of text it was read as.
    pub kind: TextKind,
    /// The headline, a "Title:" line, or the HTML or Markdown heading.
    pub title: Option<Proposed<String>>,
    /// The date of a "date" line or the dateline.
    pub date: Option<Proposed<Date>>,
    /// The signers, in the order the text first names them.
    pub signers: Vec<Found>,
    /// Whether the text names more members than the [`MAX_FOUND`] listed in `signers`.
    pub more_than_listed: bool,
}

/// A signer found in the text: a row of the review table.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The name as written, without its title: "Jesús G. “Chuy” García", "Frank Pallone, Jr.".
    pub name: String,
    /// `"D"`, `"R"`, `"I"` or another code as the text (or the roster) writes it.
    pub party: Option<String>,
    /// The state or territory.
    pub state: Option<State>,
    /// The House district, 0 for at-large seats and delegates.
    pub district: Option<u8>,
    /// House or Senate: from a title ("Rep.", "Sens."), a district, the roster, or, when the
    /// text speaks of only one chamber, that one.
    pub chamber: Option<Chamber>,
    /// Lead or cosigner, as the text's own words say ("led by", "joined by").
    pub role: Role,
    /// How sure the finder is, from 0 to 1: a tag and words that say the role make it
    /// high; a name without a tag that the roster could not place makes it low.
    pub confidence: f32,
    /// The name and its tag, as a byte range of [`Extraction::text`].
    pub snippet: Range<usize>,
    /// Every place the text names this member (the snippet among them).
    pub mentions: Vec<Range<usize>>,
    /// The words that decided the role ("led by", "co-signing"), when there are any.
    pub role_cue: Option<Range<usize>>,
    /// Whether party and state came from the roster (the text gave no tag).
    pub from_roster: bool,
    /// The member's Biographical Directory id, when the roster matched the member.
    pub bioguide: Option<String>,
    /// What the roster made of this name, when a roster was given.
    pub roster_match: Option<MatchResult>,
    /// Why the finder is unsure, or what the roster says otherwise, for people.
    pub note: Option<String>,
}

impl Found {
    /// "high", "medium" or "low", for the review table.
    pub fn confidence_label(&self) -> &'static str {
        if self.confidence >= 0.85 {
            "high"
        } else if self.confidence >= 0.6 {
            "medium"
        } else {
            "low"
        }
    }

    /// This row as a signer of a letter whose parties are `parties`.
    pub fn to_signer(&self, parties: &mut PartyTable) -> Signer {
        let party = match self.party.as_deref() {
            None => Party::UNKNOWN,
            Some(code) => match parties.intern(code) {
                Interned::Known(p) | Interned::Other(p) => p,
                Interned::Full => Party::UNKNOWN,
            },
        };
        let mut signer = Signer::new(
            self.name.trim(),
            party,
            self.state.unwrap_or(State::UNKNOWN),
        );
        signer.chamber = self.chamber;
        signer.district = self
            .district
            .filter(|_| self.chamber != Some(Chamber::Senate));
        signer.role = self.role;
        signer.bioguide = self.bioguide.as_deref().map(Box::from);
        signer
    }
}

/// What [`append_signers`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Appended {
    /// Where the new signers are in `letter.signers`.
    pub added: Vec<usize>,
    /// The rows that were not added because the letter already lists them (same name,
    /// ignoring case and accents, and the same state or none), as indexes into the rows.
    pub already_listed: Vec<usize>,
}

/// Finds the signers in `text`, reading it as the kind it looks like (see
/// [`TextKind::detect`]). With a roster, names without a tag take their party and state
/// from it, and tagged names gain their bioguide id and district.
pub fn extract(text: &str, roster: Option<&Roster>) -> Extraction {
    extract_as(text, TextKind::detect(text), roster)
}

/// [`extract`], reading `text` as `kind` (for a file whose extension says what it is).
pub fn extract_as(text: &str, kind: TextKind, roster: Option<&Roster>) -> Extraction {
    let stripped = strip(text, kind);
    let title = proposal::title(&stripped.text, stripped.heading.clone());
    let mut date = None;
    let mut found = finder::Candidates::default();
    let mut chambers = finder::ChambersNamed::default();
    // A part at a time, so that the tokens of a long text never all sit in memory.
    for part in parts(&stripped.text, PART_BYTES) {
        let doc = finder::Doc::part(stripped.text.get(..part.end).unwrap_or(""), part.start);
        if part.start == 0 {
            date = proposal::date(&doc);
        }
        finder::find_into(&doc, &mut found);
        finder::chambers_named(&doc, &mut chambers);
    }
    let (candidates, more_than_listed) = found.finish();
    let has_written_lead = candidates
        .iter()
        .any(|c| c.role_is_written() && c.role() == Role::Lead);
    let first_cosigner = candidates
        .iter()
        .filter(|c| c.role_is_written() && c.role() == Role::Cosigner)
        .map(|c| c.snippet.start)
        .min();
    let document_chamber = chambers.only();
    let mut signers: Vec<Found> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        // With no words for the role, a member named before the first list of cosigners
        // in a text that names no lead is the one who led ("Rep. Doe sent a letter…, which
        // was co-signed by…").
        let role = if candidate.role_is_written() {
            candidate.role()
        } else if !has_written_lead && first_cosigner.is_some_and(|p| candidate.snippet.start < p) {
            Role::Lead
        } else {
            Role::Cosigner
        };
        let mut found = Found {
            name: candidate.name.display.clone(),
            party: candidate.party.as_deref().map(str::to_owned),
            state: candidate.state,
            district: candidate.district,
            chamber: candidate.chamber,
            role,
            confidence: 0.0,
            snippet: candidate.snippet.clone(),
            mentions: candidate.mentions.clone(),
            role_cue: candidate.cue.clone(),
            from_roster: false,
            bioguide: None,
            roster_match: None,
            note: None,
        };
        let mut notes: Vec<String> = Vec::new();
        if let Some(roster) = roster {
            apply_roster(&mut found, &candidate, roster, &mut notes);
        } else if !candidate.has_tag {
            notes.push("no party tag in the text; load a roster to fill in party and state".into());
        }
        if found.chamber.is_none() {
            found.chamber = document_chamber;
        }
        if found.chamber == Some(Chamber::Senate) {
            found.district = None;
        }
        if !candidate.role_is_written() {
            notes.push(format!(
                "no words in the text say whether this member led or joined; taken as {}",
                found.role.code()
            ));
        }
        found.confidence = confidence(&found, &candidate);
        found.note = (!notes.is_empty()).then(|| notes.join("; "));
        signers.push(found);
    }
    Extraction {
        text: stripped.text,
        kind,
        title,
        date,
        signers,
        more_than_listed,
    }
}

/// How long a part of the text [`extract_as`] reads at a time is, at most: far longer than
/// any press release or letter, so that theirs are read whole.
const PART_BYTES: usize = 256 * 1024;

/// `text` cut into parts of at most `most` bytes (but never within a character): each
/// ends after a blank line in its second half if there is one, else after a line break,
/// else after a space, so that a list of names is seldom cut.
fn parts(text: &str, most: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let mut end = (start + most.max(4)).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if end < text.len() {
            let half = start + (end - start) / 2;
            let window = text.as_bytes().get(half..end).unwrap_or_default();
            let cut = memchr::memmem::rfind(window, b"\n\n")
                .map(|i| i + 2)
                .or_else(|| memchr::memrchr(b'\n', window).map(|i| i + 1))
                .or_else(|| memchr::memrchr(b' ', window).map(|i| i + 1));
            if let Some(cut) = cut {
                end = half + cut;
            }
        }
        let part = start..end;
        start = end;
        Some(part)
    })
}

fn confidence(found: &Found, candidate: &finder::Candidate) -> f32 {
    let status = found.roster_match.as_ref().map(MatchResult::status);
    let mut score: f32 = if candidate.has_tag {
        0.9
    } else {
        match status {
            Some(crate::roster::MatchStatus::Matched) => 0.8,
            Some(crate::roster::MatchStatus::Ambiguous) => 0.45,
            Some(crate::roster::MatchStatus::NotFound) => 0.35,
            None => 0.5,
        }
    };
    if candidate.role_is_written() {
        score += 0.05;
    } else {
        score -= 0.15;
    }
    if candidate.has_tag
        && let Some(MatchResult::Matched { corrections, .. }) = &found.roster_match
    {
        score += if corrections.is_empty() { 0.04 } else { -0.2 };
    }
    (score.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// Matches `found` against the roster with the roster's own matcher. A name without a tag
/// takes party, state, chamber and district from the member; a tagged one keeps what the
/// text says and gains only what it lacks, with any disagreement noted.
fn apply_roster(
    found: &mut Found,
    candidate: &finder::Candidate,
    roster: &Roster,
    notes: &mut Vec<String>,
) {
    let mut letter = Letter::default();
    let mut signer = found.to_signer(&mut letter.parties);
    if !candidate.chamber_written {
        signer.chamber = None;
    }
    let result = match_signer(&letter, &signer, roster);
    match &result {
        MatchResult::Matched {
            member,
            corrections,
            ..
        } => {
            if let Some(member) = roster.member(*member) {
                found.bioguide = Some(member.bioguide.to_string());
                if candidate.has_tag {
                    if !candidate.chamber_written {
                        found.chamber = Some(member.chamber);
                    }
                    if found.district.is_none() && member.chamber == Chamber::House {
                        found.district = member.district;
                    }
                    for correction in corrections {
                        notes.push(format!("the roster differs on {correction}"));
                    }
                } else {
                    found.party = Some(party_code(&member.party));
                    found.state = Some(member.state);
                    found.chamber = Some(member.chamber);
                    found.district = member.district.filter(|_| member.chamber == Chamber::House);
                    found.from_roster = true;
                    notes.push(format!(
                        "party and state from the roster: {} ({})",
                        member.display_name(),
                        member.seat_label()
                    ));
                }
            }
        }
        MatchResult::Ambiguous { candidates, why } => {
            let names: Vec<String> = candidates
                .iter()
                .filter_map(|id| roster.member(*id))
                .map(|m| format!("{} ({})", m.display_name(), m.seat_label()))
                .collect();
            notes.push(format!("roster: {why}: {}", names.join(", ")));
        }
        MatchResult::NotFound { why } => notes.push(format!("roster: {why}")),
    }
    found.roster_match = Some(result);
}

/// The roster's party as a short code: "Democrat" is "D".
fn party_code(party: &str) -> String {
    match normalise_known(party) {
        Some(p) if p != Party::UNKNOWN => PartyTable::default().code(p).to_owned(),
        _ => party.trim().to_owned(),
    }
}

impl Extraction {
    /// How many signers lead the letter.
    pub fn leads(&self) -> usize {
        self.signers.iter().filter(|s| s.role == Role::Lead).count()
    }

    /// A new letter of every signer found, titled as proposed (or `fallback_title`) and
    /// dated as proposed.
    pub fn to_letter(&self, fallback_title: &str) -> Letter {
        let title = self
            .title
            .as_ref()
            .map_or(fallback_title, |t| t.value.as_str());
        new_letter(title, self.date.as_ref().map(|d| d.value), &self.signers)
    }
}

/// A new letter titled `title`, dated `date`, with `rows` as its signers.
pub fn new_letter(title: &str, date: Option<Date>, rows: &[Found]) -> Letter {
    let mut letter = Letter {
        info: LetterInfo {
            title: title.trim().to_owned(),
            date,
            ..LetterInfo::default()
        },
        ..Letter::default()
    };
    append_signers(&mut letter, rows);
    letter
}

/// Adds `rows` to the end of `letter.signers`, except those it already lists.
pub fn append_signers(letter: &mut Letter, rows: &[Found]) -> Appended {
    let first = letter.signers.len();
    let new = signers_to_append(&letter.signers, &mut letter.parties, rows);
    letter.signers.extend(new.signers);
    Appended {
        added: (first..letter.signers.len()).collect(),
        already_listed: new.already_listed,
    }
}

/// What [`signers_to_append`] found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ToAppend {
    /// The signers to add, in the order of the rows.
    pub signers: Vec<Signer>,
    /// The rows left out because `existing` (or an earlier row) lists them already, as
    /// [`Appended::already_listed`] says.
    pub already_listed: Vec<usize>,
}

/// The signers [`append_signers`] would add after `existing`, interning their parties in
/// `parties`, without changing any letter: for a caller that adds them as edits. Folds each
/// existing name once, so adding a few rows to a million signers takes one pass.
pub fn signers_to_append(
    existing: &[Signer],
    parties: &mut PartyTable,
    rows: &[Found],
) -> ToAppend {
    let folded_rows: Vec<String> = rows
        .iter()
        .map(|row| crate::text::fold(row.name.trim()))
        .collect();
    // The states each row's name is already listed in.
    let mut listed_in: HashMap<&str, Vec<State>> = folded_rows
        .iter()
        .map(|name| (name.as_str(), Vec::new()))
        .collect();
    let mut folded = String::new();
    for signer in existing {
        folded.clear();
        crate::text::fold_into(&signer.name, &mut folded);
        if let Some(states) = listed_in.get_mut(folded.as_str()) {
            states.push(signer.state);
        }
    }
    let mut new = ToAppend::default();
    for ((index, row), name) in rows.iter().enumerate().zip(&folded_rows) {
        let state = row.state.unwrap_or(State::UNKNOWN);
        let states = listed_in.entry(name.as_str()).or_default();
        let is_listed = states
            .iter()
            .any(|&s| s == state || !s.is_known() || !state.is_known());
        if is_listed {
            new.already_listed.push(index);
            continue;
        }
        states.push(state);
        new.signers.push(row.to_signer(parties));
    }
    new
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod part_tests {
    use super::*;

    fn cut(text: &str, most: usize) -> Vec<&str> {
        let ranges: Vec<Range<usize>> = parts(text, most).collect();
        // The parts cover the text, one after another.
        let mut at = 0;
        for range in &ranges {
            assert_eq!(range.start, at);
            assert!(range.end > range.start && range.end - range.start <= most.max(4));
            at = range.end;
        }
        assert_eq!(at, text.len());
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn a_text_is_cut_after_a_blank_line_then_a_line_then_a_space() {
        assert_eq!(cut("short", 100), ["short"]);
        assert_eq!(
            cut("one two\n\nthree four", 14),
            ["one two\n\n", "three four"]
        );
        assert_eq!(cut("one two\nthree four", 12), ["one two\n", "three four"]);
        assert_eq!(cut("one two three four", 12), ["one two ", "three four"]);
        // No place to cut: never inside a character.
        assert_eq!(cut("ééééé", 5), ["éé", "éé", "é"]);
    }

    #[test]
    fn a_member_named_in_two_parts_is_one_signer_with_both_mentions() {
        let first = "The letter was led by Rep. Frank Pallone (D-NJ).\n\n";
        let filler = "Words about the campaign go here.\n\n".repeat(PART_BYTES / 30);
        let text = format!("{first}{filler}Rep. Frank Pallone (D-NJ) spoke.\n");
        assert!(parts(&text, PART_BYTES).count() > 1);
        let found = extract(&text, None);
        assert_eq!(found.signers.len(), 1);
        assert_eq!(found.signers[0].role, Role::Lead);
        assert_eq!(found.signers[0].mentions.len(), 2);
        assert!(!found.more_than_listed);
    }

    #[test]
    fn a_text_naming_more_members_than_listed_says_so() {
        // Names of letters only, each different: "Rep. Ab Bacd (D-CA)".
        let letters = |mut n: usize| {
            let mut word = String::from("B");
            for _ in 0..4 {
                word.push(char::from(b'a' + (n % 26) as u8));
                n /= 26;
            }
            word
        };
        let text: String = (0..MAX_FOUND + 10)
            .map(|i| format!("Rep. Anne {} (D-CA),\n", letters(i)))
            .collect();
        let found = extract(&format!("Signed by:\n{text}"), None);
        assert_eq!(found.signers.len(), MAX_FOUND);
        assert!(found.more_than_listed);
    }

    #[test]
    fn cue_words_alone_are_no_list() {
        let found = extract(&"led by ".repeat(5_000), None);
        assert!(found.signers.is_empty());
    }
}
