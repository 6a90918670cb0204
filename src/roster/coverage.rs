//! Coverage ("CA: 9 of 51 House members signed"), targets (who has not signed) and the
//! roster check (signers who no longer serve, party changes, vacant seats).

use super::{MatchResult, MemberId, Roster};
use crate::analysis::Filter;
use crate::model::{Chamber, Letter, State};
use std::collections::HashMap;

/// Signed and serving, for one group of members.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    /// Members of the group matched to a signer.
    pub signed: u32,
    /// Members of the group in the roster.
    pub members: u32,
}

impl Count {
    /// The share of the group that signed, 0 to 1; `None` for a group with no members.
    pub fn share(self) -> Option<f32> {
        (self.members > 0).then(|| self.signed as f32 / self.members as f32)
    }

    /// Members of the group who have not signed.
    pub fn unsigned(self) -> u32 {
        self.members.saturating_sub(self.signed)
    }
}

/// Coverage within one chamber.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChamberCoverage {
    /// Which chamber.
    pub chamber: Chamber,
    /// The whole chamber.
    pub total: Count,
    /// By the roster's party code: D, R, I, then any other by code.
    pub by_party: Vec<(Box<str>, Count)>,
    /// By state slot ([`State::index`]); [`State::SLOTS`] long.
    pub by_state: Vec<Count>,
}

impl ChamberCoverage {
    fn empty(chamber: Chamber) -> ChamberCoverage {
        ChamberCoverage {
            chamber,
            total: Count::default(),
            by_party: Vec::new(),
            by_state: vec![Count::default(); State::SLOTS],
        }
    }

    /// The delegation of `state` in this chamber.
    pub fn state(&self, state: State) -> Count {
        self.by_state
            .get(state.index())
            .copied()
            .unwrap_or_default()
    }

    /// The members of party `code` (any case) in this chamber.
    pub fn party(&self, code: &str) -> Count {
        self.by_party
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code))
            .map(|(_, n)| *n)
            .unwrap_or_default()
    }

    /// States and territories with members in this chamber, by code.
    pub fn states(&self) -> Vec<(State, Count)> {
        let mut states: Vec<(State, Count)> = State::all()
            .map(|s| (s, self.state(s)))
            .filter(|(_, n)| n.members > 0)
            .collect();
        states.sort_by_key(|(s, _)| s.code());
        states
    }
}

/// How much of Congress a set of signers covers, by the roster's party and state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// The House, delegates included.
    pub house: ChamberCoverage,
    /// The Senate.
    pub senate: ChamberCoverage,
    /// Signers counted (matched), of the rows given.
    pub matched: usize,
    /// Signers left ambiguous, of the rows given: not counted until a person chooses.
    pub ambiguous: usize,
    /// Signers matched to no one, of the rows given.
    pub not_found: usize,
}

impl Coverage {
    /// One chamber.
    pub fn chamber(&self, chamber: Chamber) -> &ChamberCoverage {
        match chamber {
            Chamber::House => &self.house,
            Chamber::Senate => &self.senate,
        }
    }

    /// Both chambers together, for one state: the whole delegation.
    pub fn state(&self, state: State) -> Count {
        let (house, senate) = (self.house.state(state), self.senate.state(state));
        Count {
            signed: house.signed + senate.signed,
            members: house.members + senate.members,
        }
    }
}

/// The order parties are listed in: D, R, I, then others by code.
fn party_rank(code: &str) -> (u8, String) {
    match code {
        "D" => (0, String::new()),
        "R" => (1, String::new()),
        "I" => (2, String::new()),
        other => (3, other.to_ascii_uppercase()),
    }
}

/// Counts, per chamber, party and state, the roster's members and those of them whom the
/// signers at `rows` (positions in the letter, as in [`crate::analysis::Selection::rows`])
/// were matched to. A member who signed twice counts once; ambiguous and unmatched signers
/// are not counted, only tallied.
pub fn coverage(roster: &Roster, matches: &[MatchResult], rows: &[u32]) -> Coverage {
    let mut signed = vec![false; roster.len()];
    let (mut matched, mut ambiguous, mut not_found) = (0, 0, 0);
    for &row in rows {
        match matches.get(row as usize) {
            Some(MatchResult::Matched { member, .. }) => {
                matched += 1;
                if let Some(slot) = signed.get_mut(member.index()) {
                    *slot = true;
                }
            }
            Some(MatchResult::Ambiguous { .. }) => ambiguous += 1,
            Some(MatchResult::NotFound { .. }) => not_found += 1,
            None => {}
        }
    }
    let mut house = ChamberCoverage::empty(Chamber::House);
    let mut senate = ChamberCoverage::empty(Chamber::Senate);
    for (id, member) in roster.iter() {
        let has_signed = signed.get(id.index()).copied().unwrap_or(false);
        let chamber = match member.chamber {
            Chamber::House => &mut house,
            Chamber::Senate => &mut senate,
        };
        let add = |count: &mut Count| {
            count.members += 1;
            count.signed += u32::from(has_signed);
        };
        add(&mut chamber.total);
        if let Some(count) = chamber.by_state.get_mut(member.state.index()) {
            add(count);
        }
        match chamber
            .by_party
            .iter_mut()
            .find(|(code, _)| code.eq_ignore_ascii_case(&member.party))
        {
            Some((_, count)) => add(count),
            None => {
                let mut count = Count::default();
                add(&mut count);
                chamber.by_party.push((member.party.clone(), count));
            }
        }
    }
    for chamber in [&mut house, &mut senate] {
        chamber.by_party.sort_by_key(|(code, _)| party_rank(code));
    }
    Coverage {
        house,
        senate,
        matched,
        ambiguous,
        not_found,
    }
}

/// A member who has not signed: someone to ask.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The member.
    pub member: MemberId,
    /// Signers (positions in the letter) left ambiguous with this member among their
    /// candidates: the member may have signed after all.
    pub maybe_signed_as: Vec<u32>,
}

/// The members whom no signer of the letter was matched to, among those `filter` lets
/// through by party (the roster's), state, chamber and name search; the filter's role does
/// not apply to members. Sorted by state, chamber, district and surname.
///
/// Every signer counts as signed, not only those a view shows, so pass the matches of the
/// whole letter.
pub fn targets(roster: &Roster, matches: &[MatchResult], filter: &Filter) -> Vec<Target> {
    let mut signed = vec![false; roster.len()];
    let mut maybe: HashMap<MemberId, Vec<u32>> = HashMap::new();
    for (position, result) in matches.iter().enumerate() {
        let position = u32::try_from(position).unwrap_or(u32::MAX);
        match result {
            MatchResult::Matched { member, .. } => {
                if let Some(slot) = signed.get_mut(member.index()) {
                    *slot = true;
                }
            }
            MatchResult::Ambiguous { candidates, .. } => {
                for member in candidates {
                    maybe.entry(*member).or_default().push(position);
                }
            }
            MatchResult::NotFound { .. } => {}
        }
    }
    let search = crate::text::fold(filter.search.trim());
    let mut found: Vec<Target> = roster
        .iter()
        .filter(|(id, _)| !signed.get(id.index()).copied().unwrap_or(false))
        .filter(|(_, m)| {
            filter.parties.is_empty()
                || filter
                    .parties
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(&m.party))
        })
        .filter(|(_, m)| filter.states.is_empty() || filter.states.contains(m.state.code()))
        .filter(|(_, m)| filter.chamber.is_none_or(|c| c == m.chamber))
        .filter(|(_, m)| {
            search.is_empty() || {
                let mut names = crate::text::fold(&m.display_name());
                for part in [
                    Some(&m.name.first),
                    m.name.nickname.as_ref(),
                    Some(&m.name.last),
                ]
                .into_iter()
                .flatten()
                {
                    names.push('\n');
                    crate::text::fold_into(part, &mut names);
                }
                names.contains(&search)
            }
        })
        .map(|(id, _)| Target {
            member: id,
            maybe_signed_as: maybe.remove(&id).unwrap_or_default(),
        })
        .collect();
    found.sort_by_cached_key(|t| {
        roster.member(t.member).map(|m| {
            (
                m.state.code(),
                m.chamber,
                m.district,
                crate::text::fold(&m.name.last),
                crate::text::fold(&m.name.first),
            )
        })
    });
    found
}

/// A seat in Congress.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Seat {
    /// The state or territory.
    pub state: State,
    /// House or Senate.
    pub chamber: Chamber,
    /// The House district (0 at large or for a delegate); `None` for the Senate.
    pub district: Option<u8>,
}

impl Seat {
    /// `"TX-18"`, `"WY-AL"`, `"OH-Sen"`.
    pub fn label(&self) -> String {
        match (self.chamber, self.district) {
            (Chamber::Senate, _) => format!("{}-Sen", self.state.code()),
            (Chamber::House, Some(0) | None) => format!("{}-AL", self.state.code()),
            (Chamber::House, Some(d)) => format!("{}-{d}", self.state.code()),
        }
    }
}

/// House seats per state after the 2020 census, in force from the 118th Congress (2023)
/// through the 122nd: 435 in all. DC and the five territories each send one delegate.
const APPORTIONMENT_2020: [(&str, u8); 50] = [
    ("AL", 7),
    ("AK", 1),
    ("AZ", 9),
    ("AR", 4),
    ("CA", 52),
    ("CO", 8),
    ("CT", 5),
    ("DE", 1),
    ("FL", 28),
    ("GA", 14),
    ("HI", 2),
    ("ID", 2),
    ("IL", 17),
    ("IN", 9),
    ("IA", 4),
    ("KS", 4),
    ("KY", 6),
    ("LA", 6),
    ("ME", 2),
    ("MD", 8),
    ("MA", 9),
    ("MI", 13),
    ("MN", 8),
    ("MS", 4),
    ("MO", 8),
    ("MT", 2),
    ("NE", 3),
    ("NV", 4),
    ("NH", 2),
    ("NJ", 12),
    ("NM", 3),
    ("NY", 26),
    ("NC", 14),
    ("ND", 1),
    ("OH", 15),
    ("OK", 5),
    ("OR", 6),
    ("PA", 17),
    ("RI", 2),
    ("SC", 7),
    ("SD", 1),
    ("TN", 9),
    ("TX", 38),
    ("UT", 4),
    ("VT", 1),
    ("VA", 11),
    ("WA", 10),
    ("WV", 2),
    ("WI", 8),
    ("WY", 1),
];

/// House seats of `state` in the 119th Congress (2020 apportionment): its representatives,
/// or 1 for DC and each territory (the delegate or resident commissioner); 0 for unknown.
pub fn apportioned_seats(state: State) -> u8 {
    let Some(info) = state.info() else {
        return 0;
    };
    if !info.is_state {
        return 1;
    }
    APPORTIONMENT_2020
        .iter()
        .find(|(code, _)| *code == info.code)
        .map_or(0, |(_, seats)| *seats)
}

/// Seats no member of the roster holds: House seats by the 2020 apportionment (districts 1
/// to N, or the at-large seat) and two Senate seats per state. Sorted by state, chamber,
/// district.
pub fn vacancies(roster: &Roster) -> Vec<Seat> {
    let mut held: HashMap<(State, Chamber, Option<u8>), u32> = HashMap::new();
    for member in roster.members() {
        let district = match member.chamber {
            Chamber::House => Some(member.district.unwrap_or(0)),
            Chamber::Senate => None,
        };
        *held
            .entry((member.state, member.chamber, district))
            .or_default() += 1;
    }
    let mut seats = Vec::new();
    for state in State::all() {
        let house_seats = apportioned_seats(state);
        let districts: Vec<u8> = if house_seats == 1 {
            vec![0]
        } else {
            (1..=house_seats).collect()
        };
        for district in districts {
            if !held.contains_key(&(state, Chamber::House, Some(district))) {
                seats.push(Seat {
                    state,
                    chamber: Chamber::House,
                    district: Some(district),
                });
            }
        }
        if state.info().is_some_and(|i| i.is_state) {
            let senators = held
                .get(&(state, Chamber::Senate, None))
                .copied()
                .unwrap_or(0);
            for _ in senators..2 {
                seats.push(Seat {
                    state,
                    chamber: Chamber::Senate,
                    district: None,
                });
            }
        }
    }
    seats.sort_by_key(|s| (s.state.code(), s.chamber, s.district));
    seats
}

/// A signer whose party in the letter is not the member's party in the roster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyChanged {
    /// The signer's position in the letter.
    pub signer: u32,
    /// The member the signer was matched to.
    pub member: MemberId,
    /// The letter's party code.
    pub letter_party: Box<str>,
    /// The roster's party code (see the member's `previous_party` and `party_since` for
    /// a change the roster records).
    pub roster_party: Box<str>,
}

/// What the roster says about a letter beyond the matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterCheck {
    /// Signers (positions in the letter) matched to no one: most no longer serve.
    pub not_serving: Vec<u32>,
    /// Matched signers whose party in the letter is not the roster's.
    pub party_changed: Vec<PartyChanged>,
    /// Seats no one holds, so no one there can sign.
    pub vacancies: Vec<Seat>,
}

/// Checks `letter` against `roster`, given the signers' `matches`.
pub fn check(letter: &Letter, roster: &Roster, matches: &[MatchResult]) -> RosterCheck {
    let mut not_serving = Vec::new();
    let mut party_changed = Vec::new();
    for (position, result) in matches.iter().take(letter.signers.len()).enumerate() {
        let position = u32::try_from(position).unwrap_or(u32::MAX);
        match result {
            MatchResult::NotFound { .. } => not_serving.push(position),
            MatchResult::Matched {
                member,
                corrections,
                ..
            } => {
                for correction in corrections {
                    if let super::Correction::Party {
                        letter: from,
                        roster: to,
                    } = correction
                    {
                        party_changed.push(PartyChanged {
                            signer: position,
                            member: *member,
                            letter_party: from.clone(),
                            roster_party: to.clone(),
                        });
                    }
                }
            }
            MatchResult::Ambiguous { .. } => {}
        }
    }
    RosterCheck {
        not_serving,
        party_changed,
        vacancies: vacancies(roster),
    }
}
