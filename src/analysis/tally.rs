//! What a selection counts: the tally of the signers shown, and the facets, the counts
//! beside each filter value.

use crate::model::{Chamber, DemandStatus, Letter, Party, Role, State};

/// Counts of the signers a filter lets through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    /// How many signers in all.
    pub total: usize,
    /// By party id; as long as the letter's party table.
    pub by_party: Vec<u32>,
    /// By state slot.
    pub by_state: [u32; State::SLOTS],
    /// By party id, then state slot.
    pub by_party_state: Vec<[u32; State::SLOTS]>,
    /// By [`Role::index`].
    pub by_role: [u32; 2],
    /// House, Senate, not given.
    pub by_chamber: [u32; 3],
    /// Demands met.
    pub demands_met: usize,
    /// Demands in all.
    pub demands_total: usize,
}

impl Tally {
    pub(super) fn empty(letter: &Letter) -> Tally {
        Tally {
            total: 0,
            by_party: vec![0; letter.parties.len()],
            by_state: [0; State::SLOTS],
            by_party_state: vec![[0; State::SLOTS]; letter.parties.len()],
            by_role: [0; 2],
            by_chamber: [0; 3],
            demands_met: letter
                .demands
                .iter()
                .filter(|d| d.status == DemandStatus::Met)
                .count(),
            demands_total: letter.demands.len(),
        }
    }

    /// Parties with at least one signer, most signers first, then by id (D, R, I, …).
    pub fn parties_by_count(&self) -> Vec<(Party, u32)> {
        let mut parties: Vec<(Party, u32)> = self
            .by_party
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .filter_map(|(i, n)| Some((Party::from_index(i)?, *n)))
            .collect();
        parties.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        parties
    }

    /// States with at least one signer, most signers first, then by code; unknown last.
    pub fn states_by_count(&self) -> Vec<(State, u32)> {
        let mut states: Vec<(State, u32)> = self
            .by_state
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .filter_map(|(i, n)| Some((State::from_index(i)?, *n)))
            .collect();
        states.sort_by(|a, b| {
            (!a.0.is_known())
                .cmp(&!b.0.is_known())
                .then(b.1.cmp(&a.1))
                .then(a.0.code().cmp(b.0.code()))
        });
        states
    }

    /// States and territories with no signer among those counted, by code.
    pub fn states_without_signers(&self) -> Vec<State> {
        let mut states: Vec<State> = State::all()
            .filter(|s| self.by_state.get(s.index()).is_some_and(|n| *n == 0))
            .collect();
        states.sort_by_key(|s| s.code());
        states
    }

    /// Signers of `party` in `state`.
    pub fn party_state(&self, party: Party, state: State) -> u32 {
        self.by_party_state
            .get(party.index())
            .and_then(|row| row.get(state.index()))
            .copied()
            .unwrap_or(0)
    }

    /// Signers of `party`.
    pub fn party(&self, party: Party) -> u32 {
        self.by_party.get(party.index()).copied().unwrap_or(0)
    }

    /// Signers from `state`.
    pub fn state(&self, state: State) -> u32 {
        self.by_state.get(state.index()).copied().unwrap_or(0)
    }

    /// Signers with `role`.
    pub fn role(&self, role: Role) -> u32 {
        self.by_role.get(role.index()).copied().unwrap_or(0)
    }

    /// Signers in `chamber`; `None` counts those whose chamber is not given.
    pub fn chamber(&self, chamber: Option<Chamber>) -> u32 {
        self.by_chamber
            .get(chamber_slot(chamber))
            .copied()
            .unwrap_or(0)
    }
}

pub(super) fn chamber_slot(chamber: Option<Chamber>) -> usize {
    match chamber {
        Some(Chamber::House) => 0,
        Some(Chamber::Senate) => 1,
        None => 2,
    }
}

/// For each value of each filter, how many signers the view would show with that value
/// chosen and every other filter as it is: the numbers beside the filter checkboxes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facets {
    /// By party id.
    pub by_party: Vec<u32>,
    /// By state slot.
    pub by_state: [u32; State::SLOTS],
    /// House, Senate, not given.
    pub by_chamber: [u32; 3],
    /// By [`Role::index`].
    pub by_role: [u32; 2],
}

impl Facets {
    /// The count beside a party.
    pub fn party(&self, party: Party) -> u32 {
        self.by_party.get(party.index()).copied().unwrap_or(0)
    }
    /// The count beside a state.
    pub fn state(&self, state: State) -> u32 {
        self.by_state.get(state.index()).copied().unwrap_or(0)
    }
    /// The count beside a chamber.
    pub fn chamber(&self, chamber: Option<Chamber>) -> u32 {
        self.by_chamber
            .get(chamber_slot(chamber))
            .copied()
            .unwrap_or(0)
    }
    /// The count beside a role.
    pub fn role(&self, role: Role) -> u32 {
        self.by_role.get(role.index()).copied().unwrap_or(0)
    }
}
