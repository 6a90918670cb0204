//! What matching says of each signer: matched (and on what), ambiguous (and why), or not
//! found, with the corrections where the letter and the roster disagree.

use crate::model::{Chamber, State};
use crate::roster::MemberId;
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
    /// a person has to choose, with [`resolve`](super::resolve).
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
