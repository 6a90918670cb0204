//! Choosing among the members a name fits: by the letter's state, then its chamber and
//! district, then how well the given names fit; what is left over is for a person.

use super::index::{Candidate, Given};
use super::outcome::Ambiguity;
use crate::model::{Chamber, Signer, State};
use crate::roster::names::SignerName;
use crate::roster::{MemberId, Roster};

/// What the letter says of a signer besides the name.
pub(super) struct Query {
    state: Option<State>,
    chamber: Option<Chamber>,
    district: Option<u8>,
}

impl Query {
    pub(super) fn new(signer: &Signer, name: &SignerName) -> Query {
        Query {
            state: signer.state.is_known().then_some(signer.state),
            chamber: signer.chamber.or(name.chamber_hint),
            district: signer.district,
        }
    }
}

pub(super) enum NameOutcome {
    One(MemberId),
    Confirm(MemberId, Ambiguity),
    Several(Vec<MemberId>),
    None,
}

impl NameOutcome {
    pub(super) fn members(self) -> Vec<MemberId> {
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

pub(super) fn by_name(roster: &Roster, name: &SignerName, query: &Query) -> NameOutcome {
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
