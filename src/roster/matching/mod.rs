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

use super::names::parse_signer_name;
use super::{Member, MemberId, Roster};
use crate::model::{Chamber, Letter, Party, Signer};

mod by_name;
mod index;
mod outcome;

pub(crate) use index::NameIndex;
pub use outcome::{Ambiguity, Correction, MatchResult, MatchStatus, MatchedBy, NotFoundReason};

use by_name::{NameOutcome, Query, by_name};

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
