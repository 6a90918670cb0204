//! Matching a letter's signers to the members of a roster.
//!
//! By bioguide id when the letter gives one (and its name agrees); else by name, then
//! state, chamber and district. Names are compared as words with case, accents, curly
//! quotes, titles and suffixes gone, nicknames and initials allowed for given names, and
//! two-word surnames kept whole. Each signer ends matched, ambiguous (the candidates are
//! listed, for a person to choose) or not found; nothing is picked silently.
//!
//! Members are indexed by every way their surname may be written, so a signer costs a
//! handful of hash look-ups whatever the size of the roster.

use super::names::{
    SignerName, is_generation, is_suffix, parse_signer_name, same_given_name, surname_forms, words,
};
use super::{Member, MemberId, Roster};
use crate::model::{Chamber, Letter, Party, Signer, State};
use std::collections::HashMap;
use std::fmt;

/// What became of one signer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MatchResult {
    /// The signer is this member. Where the letter and the roster disagree, `corrections` says so.
    Matched {
        /// The member.
        member: MemberId,
        /// What the match rests on.
        by: MatchedBy,
        /// Where the letter's party, state, chamber or district differ from the roster's.
        corrections: Vec<Correction>,
    },
    /// The signer could be any of these members (sometimes only one, to be confirmed);
    /// a person has to choose, with [`resolve`].
    Ambiguous {
        /// The members it could be, by state, chamber, district and name.
        candidates: Vec<MemberId>,
        /// Why no one was chosen.
        why: Ambiguity,
    },
    /// No member of the roster fits: most often someone who no longer serves.
    NotFound {
        /// What was looked for.
        why: NotFoundReason,
    },
}

/// The three outcomes, without their details.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchStatus {
    /// One member, for certain.
    Matched,
    /// A person has to choose.
    Ambiguous,
    /// No one in the roster.
    NotFound,
}

impl MatchStatus {
    /// `"matched"`, `"ambiguous"` or `"not_found"`, as the command line writes it.
    pub fn code(self) -> &'static str {
        match self {
            MatchStatus::Matched => "matched",
            MatchStatus::Ambiguous => "ambiguous",
            MatchStatus::NotFound => "not_found",
        }
    }

    /// "Matched", "Ambiguous" or "Not found", for people.
    pub fn label(self) -> &'static str {
        match self {
            MatchStatus::Matched => "Matched",
            MatchStatus::Ambiguous => "Ambiguous",
            MatchStatus::NotFound => "Not found",
        }
    }
}

impl MatchResult {
    /// Matched, ambiguous or not found.
    pub fn status(&self) -> MatchStatus {
        match self {
            MatchResult::Matched { .. } => MatchStatus::Matched,
            MatchResult::Ambiguous { .. } => MatchStatus::Ambiguous,
            MatchResult::NotFound { .. } => MatchStatus::NotFound,
        }
    }

    /// The member, when matched.
    pub fn member(&self) -> Option<MemberId> {
        match self {
            MatchResult::Matched { member, .. } => Some(*member),
            _ => None,
        }
    }

    /// The corrections of a match; empty otherwise.
    pub fn corrections(&self) -> &[Correction] {
        match self {
            MatchResult::Matched { corrections, .. } => corrections,
            _ => &[],
        }
    }

    /// The candidates of an ambiguous match; empty otherwise.
    pub fn candidates(&self) -> &[MemberId] {
        match self {
            MatchResult::Ambiguous { candidates, .. } => candidates,
            _ => &[],
        }
    }

    /// Why the signer is ambiguous or not found, for people; `None` when matched.
    pub fn note(&self) -> Option<String> {
        match self {
            MatchResult::Matched { .. } => None,
            MatchResult::Ambiguous { why, .. } => Some(why.to_string()),
            MatchResult::NotFound { why } => Some(why.to_string()),
        }
    }
}

/// What a match rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchedBy {
    /// The letter's bioguide id, with a name that agrees.
    Bioguide,
    /// The name, in the letter's state (or a full name alone where the letter gives no state).
    Name,
    /// A person chose the member among the candidates.
    Person,
}

/// Why an ambiguous signer was left for a person to decide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ambiguity {
    /// Several members fit the name, state, chamber and district the letter gives.
    SeveralMembers,
    /// One member fits, but only by surname or initials, and the letter gives no state.
    NameOnly,
    /// Members of that name serve, but none from the letter's state.
    StateDiffers {
        /// The letter's state.
        letter: State,
    },
    /// A member of that name serves from the letter's state, but in the other chamber:
    /// the member moved, or it is someone else (a son in the House, a father once in the Senate).
    ChamberDiffers {
        /// The letter's chamber.
        letter: Chamber,
    },
    /// The letter's bioguide id belongs to a member whose name is not the letter's.
    BioguideNameDiffers {
        /// The id the letter gives.
        bioguide: Box<str>,
    },
    /// The letter's bioguide id is in no current member's record, but the name fits.
    BioguideNotInRoster {
        /// The id the letter gives.
        bioguide: Box<str>,
    },
}

impl fmt::Display for Ambiguity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ambiguity::SeveralMembers => f.write_str("several members fit the name; choose one"),
            Ambiguity::NameOnly => f.write_str(
                "only the surname or initials fit and the letter gives no state; confirm the member",
            ),
            Ambiguity::StateDiffers { letter } => write!(
                f,
                "no member of this name from {}; the roster has one elsewhere",
                letter.code()
            ),
            Ambiguity::ChamberDiffers { letter } => write!(
                f,
                "no member of this name in the {}; the roster has one in the other chamber",
                letter.label()
            ),
            Ambiguity::BioguideNameDiffers { bioguide } => write!(
                f,
                "bioguide {bioguide} is a member of another name; choose who signed"
            ),
            Ambiguity::BioguideNotInRoster { bioguide } => write!(
                f,
                "bioguide {bioguide} is not in the roster, though the name fits; confirm the member"
            ),
        }
    }
}

/// Why a signer matched no member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotFoundReason {
    /// No member of the roster has the name (in the letter's state, when it gives one).
    NoSuchName,
    /// The bioguide id is in no current member's record and the name fits no one: the
    /// member most likely no longer serves.
    BioguideNotInRoster {
        /// The id the letter gives.
        bioguide: Box<str>,
    },
}

impl fmt::Display for NotFoundReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotFoundReason::NoSuchName => f.write_str(
                "no member of the roster has this name: no longer serving, or misspelt?",
            ),
            NotFoundReason::BioguideNotInRoster { bioguide } => write!(
                f,
                "bioguide {bioguide} is not in the roster and no member has this name: no longer serving?"
            ),
        }
    }
}

/// Where the letter says one thing and the roster another, for a matched signer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Correction {
    /// The party differs: the member changed party, or the letter is wrong.
    Party {
        /// The letter's party code.
        letter: Box<str>,
        /// The roster's party code.
        roster: Box<str>,
    },
    /// The state differs (a match by bioguide id, or chosen by a person).
    State {
        /// The letter's state.
        letter: State,
        /// The roster's state.
        roster: State,
    },
    /// The chamber differs: the member moved, or the letter is wrong.
    Chamber {
        /// The letter's chamber.
        letter: Chamber,
        /// The roster's chamber.
        roster: Chamber,
    },
    /// The House district differs: redistricting, or the letter is wrong.
    District {
        /// The letter's district.
        letter: u8,
        /// The roster's district.
        roster: Option<u8>,
    },
}

impl Correction {
    /// `"party"`, `"state"`, `"chamber"` or `"district"`.
    pub fn field(&self) -> &'static str {
        match self {
            Correction::Party { .. } => "party",
            Correction::State { .. } => "state",
            Correction::Chamber { .. } => "chamber",
            Correction::District { .. } => "district",
        }
    }

    /// The letter's value and the roster's, as text.
    pub fn values(&self) -> (String, String) {
        match self {
            Correction::Party { letter, roster } => (letter.to_string(), roster.to_string()),
            Correction::State { letter, roster } => {
                (letter.code().to_owned(), roster.code().to_owned())
            }
            Correction::Chamber { letter, roster } => {
                (letter.code().to_owned(), roster.code().to_owned())
            }
            Correction::District { letter, roster } => (
                letter.to_string(),
                roster.map_or_else(String::new, |d| d.to_string()),
            ),
        }
    }
}

impl fmt::Display for Correction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (letter, roster) = self.values();
        let roster = if roster.is_empty() { "none" } else { &roster };
        write!(
            f,
            "{}: the letter says {letter}, the roster {roster}",
            self.field()
        )
    }
}

/// Matches every signer of `letter`; the result is in the order of `letter.signers`.
pub fn match_letter(letter: &Letter, roster: &Roster) -> Vec<MatchResult> {
    letter
        .signers
        .iter()
        .map(|signer| match_signer(letter, signer, roster))
        .collect()
}

/// Matches one signer of `letter`.
pub fn match_signer(letter: &Letter, signer: &Signer, roster: &Roster) -> MatchResult {
    let name = parse_signer_name(&signer.name);
    let query = Query::new(signer, &name);
    let bioguide = signer
        .bioguide
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty());
    let Some(bioguide) = bioguide else {
        return match by_name(roster, &name, &query) {
            NameOutcome::One(member) => matched(letter, signer, roster, member, MatchedBy::Name),
            NameOutcome::Confirm(member, why) => MatchResult::Ambiguous {
                candidates: vec![member],
                why,
            },
            NameOutcome::Several(candidates) => MatchResult::Ambiguous {
                candidates,
                why: Ambiguity::SeveralMembers,
            },
            NameOutcome::None => MatchResult::NotFound {
                why: NotFoundReason::NoSuchName,
            },
        };
    };
    match roster.by_bioguide(bioguide) {
        Some(member) if roster.index.fits(member, &name) => {
            matched(letter, signer, roster, member, MatchedBy::Bioguide)
        }
        Some(member) => {
            let mut candidates = vec![member];
            for other in by_name(roster, &name, &query).members() {
                if !candidates.contains(&other) {
                    candidates.push(other);
                }
            }
            MatchResult::Ambiguous {
                candidates,
                why: Ambiguity::BioguideNameDiffers {
                    bioguide: bioguide.into(),
                },
            }
        }
        None => {
            let candidates = by_name(roster, &name, &query).members();
            if candidates.is_empty() {
                MatchResult::NotFound {
                    why: NotFoundReason::BioguideNotInRoster {
                        bioguide: bioguide.into(),
                    },
                }
            } else {
                MatchResult::Ambiguous {
                    candidates,
                    why: Ambiguity::BioguideNotInRoster {
                        bioguide: bioguide.into(),
                    },
                }
            }
        }
    }
}

/// The signer at `signer` is `member`, as a person chose: a match with its corrections.
/// `None` when there is no such signer or member.
pub fn resolve(
    letter: &Letter,
    roster: &Roster,
    signer: usize,
    member: MemberId,
) -> Option<MatchResult> {
    let signer = letter.signers.get(signer)?;
    roster.member(member)?;
    Some(matched(letter, signer, roster, member, MatchedBy::Person))
}

/// Fills in, for every matched signer, what the letter lacks and the roster knows: the
/// bioguide id, chamber, district, party and state. Nothing the letter gives is changed
/// (disagreements are in the match's corrections). Returns how many signers gained a field.
pub fn fill_letter(letter: &mut Letter, roster: &Roster, matches: &[MatchResult]) -> usize {
    let mut changed = 0;
    for (position, result) in matches.iter().enumerate() {
        let Some(member) = result.member().and_then(|id| roster.member(id)) else {
            continue;
        };
        let party = if letter
            .signers
            .get(position)
            .is_some_and(|s| s.party == Party::UNKNOWN)
        {
            match letter.parties.intern(&member.party) {
                crate::model::Interned::Known(p) | crate::model::Interned::Other(p) => Some(p),
                crate::model::Interned::Full => None,
            }
        } else {
            None
        };
        let Some(signer) = letter.signers.get_mut(position) else {
            continue;
        };
        let mut gained = false;
        if signer.bioguide.is_none() {
            signer.bioguide = Some(member.bioguide.clone());
            gained = true;
        }
        if signer.chamber.is_none() {
            signer.chamber = Some(member.chamber);
            gained = true;
        }
        if signer.district.is_none()
            && member.chamber == Chamber::House
            && member.district.is_some()
        {
            signer.district = member.district;
            gained = true;
        }
        if let Some(party) = party {
            signer.party = party;
            gained = true;
        }
        if !signer.state.is_known() && signer.unrecognised_state().is_none() {
            signer.state = member.state;
            gained = true;
        }
        changed += usize::from(gained);
    }
    changed
}

fn matched(
    letter: &Letter,
    signer: &Signer,
    roster: &Roster,
    member: MemberId,
    by: MatchedBy,
) -> MatchResult {
    let corrections = roster
        .member(member)
        .map(|m| corrections(letter, signer, m))
        .unwrap_or_default();
    MatchResult::Matched {
        member,
        by,
        corrections,
    }
}

fn corrections(letter: &Letter, signer: &Signer, member: &Member) -> Vec<Correction> {
    let mut found = Vec::new();
    if signer.party != Party::UNKNOWN {
        let code = letter.party_code(signer);
        if !code.eq_ignore_ascii_case(&member.party) {
            found.push(Correction::Party {
                letter: code.into(),
                roster: member.party.clone(),
            });
        }
    }
    if signer.state.is_known() && signer.state != member.state {
        found.push(Correction::State {
            letter: signer.state,
            roster: member.state,
        });
    }
    let chamber = signer
        .chamber
        .or_else(|| parse_signer_name(&signer.name).chamber_hint);
    if let Some(chamber) = chamber
        && chamber != member.chamber
    {
        found.push(Correction::Chamber {
            letter: chamber,
            roster: member.chamber,
        });
    }
    if let Some(district) = signer.district
        && chamber != Some(Chamber::Senate)
        && member.chamber == Chamber::House
        && member.district != Some(district)
    {
        found.push(Correction::District {
            letter: district,
            roster: member.district,
        });
    }
    found
}

/// What the letter says of a signer besides the name.
struct Query {
    state: Option<State>,
    chamber: Option<Chamber>,
    district: Option<u8>,
}

impl Query {
    fn new(signer: &Signer, name: &SignerName) -> Query {
        Query {
            state: signer.state.is_known().then_some(signer.state),
            chamber: signer.chamber.or(name.chamber_hint),
            district: signer.district,
        }
    }
}

/// How well the given names of a letter fit a member's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Given {
    /// The letter gives only a surname.
    Absent,
    /// Only initials or middle names fit.
    Weak,
    /// The name the member goes by fits (first name, nickname, or its formal form).
    Called,
}

#[derive(Clone, Copy, Debug)]
struct Candidate {
    member: MemberId,
    is_whole_surname: bool,
    given: Given,
}

enum NameOutcome {
    One(MemberId),
    Confirm(MemberId, Ambiguity),
    Several(Vec<MemberId>),
    None,
}

impl NameOutcome {
    fn members(self) -> Vec<MemberId> {
        match self {
            NameOutcome::One(m) | NameOutcome::Confirm(m, _) => vec![m],
            NameOutcome::Several(members) => members,
            NameOutcome::None => Vec::new(),
        }
    }
}

/// Keeps the candidates that pass `test`, unless none does.
fn narrow(candidates: &mut Vec<Candidate>, test: impl Fn(&Candidate) -> bool) -> bool {
    if candidates.iter().any(&test) {
        candidates.retain(test);
        true
    } else {
        false
    }
}

fn by_name(roster: &Roster, name: &SignerName, query: &Query) -> NameOutcome {
    let mut candidates = roster.index.candidates(name);
    let member = |c: &Candidate| roster.member(c.member);
    let mut state_agrees = None;
    if let Some(state) = query.state {
        if narrow(&mut candidates, |c| {
            member(c).is_some_and(|m| m.state == state)
        }) {
            state_agrees = Some(true);
        } else {
            // Elsewhere, only a full name counts, and even then a person confirms.
            candidates.retain(|c| c.given == Given::Called && c.is_whole_surname);
            state_agrees = Some(false);
        }
    }
    let mut chamber_agrees = true;
    if let Some(chamber) = query.chamber {
        chamber_agrees = narrow(&mut candidates, |c| {
            member(c).is_some_and(|m| m.chamber == chamber)
        });
    }
    if let Some(district) = query.district {
        narrow(&mut candidates, |c| {
            member(c).is_some_and(|m| m.chamber == Chamber::House && m.district == Some(district))
        });
    }
    if let Some(best) = candidates.iter().map(|c| c.given).max() {
        candidates.retain(|c| c.given == best);
    }
    narrow(&mut candidates, |c| c.is_whole_surname);
    match candidates.as_slice() {
        [] => NameOutcome::None,
        [only] => match state_agrees {
            Some(true) if !chamber_agrees => NameOutcome::Confirm(
                only.member,
                Ambiguity::ChamberDiffers {
                    letter: query.chamber.unwrap_or(Chamber::House),
                },
            ),
            Some(true) => NameOutcome::One(only.member),
            None if only.given == Given::Called && chamber_agrees => NameOutcome::One(only.member),
            None if chamber_agrees => NameOutcome::Confirm(only.member, Ambiguity::NameOnly),
            None => NameOutcome::Confirm(
                only.member,
                Ambiguity::ChamberDiffers {
                    letter: query.chamber.unwrap_or(Chamber::House),
                },
            ),
            Some(false) => NameOutcome::Confirm(
                only.member,
                Ambiguity::StateDiffers {
                    letter: query.state.unwrap_or(State::UNKNOWN),
                },
            ),
        },
        several => {
            let mut members: Vec<MemberId> = several.iter().map(|c| c.member).collect();
            members.sort_by_key(|id| {
                roster.member(*id).map(|m| {
                    (
                        m.state.code(),
                        m.chamber,
                        m.district,
                        crate::text::fold(&m.name.last),
                    )
                })
            });
            NameOutcome::Several(members)
        }
    }
}

/// The given names of one member, folded: those the member goes by, and the others
/// (middle names, initials).
#[derive(Clone, Debug, Default)]
struct GivenNames {
    called: Vec<String>,
    other: Vec<String>,
    /// "jr", "iii"…: a letter that names another generation means someone else.
    generation: Option<String>,
}

/// Members by every way their surname may be written, and their given names.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameIndex {
    by_surname: HashMap<Box<str>, Vec<(MemberId, bool)>>,
    given: Vec<GivenNames>,
}

impl NameIndex {
    pub(crate) fn new(members: &[Member]) -> NameIndex {
        let mut index = NameIndex {
            by_surname: HashMap::with_capacity(members.len() * 2),
            given: Vec::with_capacity(members.len()),
        };
        for (position, member) in members.iter().enumerate() {
            let Ok(position) = u32::try_from(position) else {
                break;
            };
            let surname = words(&member.name.last);
            for form in surname_forms(&surname) {
                index
                    .by_surname
                    .entry(form.key.into_boxed_str())
                    .or_default()
                    .push((MemberId(position), form.is_whole));
            }
            index.given.push(given_names(member, &surname));
        }
        index
    }

    /// Every member whose surname ends the letter's name and whose given names fit the
    /// words before it, with how well they fit.
    fn candidates(&self, name: &SignerName) -> Vec<Candidate> {
        let mut found: Vec<Candidate> = Vec::new();
        let mut key = String::new();
        for split in 0..name.words.len() {
            let (Some(given), Some(surname)) = (name.words.get(..split), name.words.get(split..))
            else {
                continue;
            };
            key.clear();
            surname.iter().for_each(|w| key.push_str(w));
            let Some(members) = self.by_surname.get(key.as_str()) else {
                continue;
            };
            for &(member, is_whole_surname) in members {
                let Some(names) = self.given.get(member.index()) else {
                    continue;
                };
                let Some(given) = fit_given(names, given, &name.nicknames) else {
                    continue;
                };
                if let (Some(theirs), Some(ours)) = (&names.generation, &name.generation)
                    && theirs != ours
                {
                    continue;
                }
                let candidate = Candidate {
                    member,
                    is_whole_surname,
                    given,
                };
                match found.iter_mut().find(|c| c.member == member) {
                    Some(known) => {
                        if (candidate.is_whole_surname, candidate.given)
                            > (known.is_whole_surname, known.given)
                        {
                            *known = candidate;
                        }
                    }
                    None => found.push(candidate),
                }
            }
        }
        found
    }

    /// Whether the letter's name can be that of `member`.
    pub(crate) fn fits(&self, member: MemberId, name: &SignerName) -> bool {
        self.candidates(name).iter().any(|c| c.member == member)
    }
}

fn given_names(member: &Member, surname: &[String]) -> GivenNames {
    let mut names = GivenNames {
        generation: member
            .name
            .suffix
            .as_deref()
            .map(words)
            .and_then(|w| w.into_iter().find(|w| is_generation(w))),
        ..GivenNames::default()
    };
    let mut add = |word: String, called: bool| {
        let list = if called && word.chars().count() > 1 {
            &mut names.called
        } else {
            &mut names.other
        };
        if !list.contains(&word) {
            list.push(word);
        }
    };
    let first = words(&member.name.first);
    let first_is_initial = first.first().is_some_and(|w| w.chars().count() == 1);
    for word in first {
        add(word, true);
    }
    if let Some(nickname) = &member.name.nickname {
        for word in words(nickname) {
            add(word, true);
        }
    }
    if let Some(middle) = &member.name.middle {
        for (i, word) in words(middle).into_iter().enumerate() {
            add(word, i == 0 && first_is_initial);
        }
    }
    if let Some(official) = &member.name.official {
        // "Nick LaLota", "Val T. Hoyle", "H. Morgan Griffith": the first full word of the
        // official name is the one the member goes by; the rest are middle names.
        let mut called_taken = false;
        for raw in official.split_whitespace() {
            let is_quoted = raw.contains(['"', '\u{201C}', '\u{201D}', '(', ')']);
            for word in words(raw) {
                if surname.contains(&word) || is_suffix(&word) {
                    continue;
                }
                let is_initial = word.chars().count() == 1;
                let called = is_quoted || (!called_taken && !is_initial);
                called_taken |= called && !is_quoted;
                add(word, called);
            }
        }
    }
    names
}

/// How the words before the surname (and nicknames in quotes) fit a member's given names;
/// `None` when one of them is someone else's.
fn fit_given(names: &GivenNames, given: &[String], nicknames: &[String]) -> Option<Given> {
    let mut fit = Given::Absent;
    for word in given.iter().chain(nicknames) {
        let this = if word.chars().count() == 1 {
            names
                .called
                .iter()
                .chain(&names.other)
                .any(|n| n.starts_with(word.as_str()))
                .then_some(Given::Weak)?
        } else if names.called.iter().any(|n| same_given_name(word, n)) {
            Given::Called
        } else if names
            .other
            .iter()
            .any(|n| n.chars().count() > 1 && same_given_name(word, n))
        {
            Given::Weak
        } else {
            return None;
        };
        fit = fit.max(this);
    }
    Some(fit)
}
