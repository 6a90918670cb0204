//! Which signers a filter lets through, by a table of 256 entries per field, and the
//! counts of those that pass, worked out from the cells rather than from each signer.

use super::Filter;
use super::codes::codes_of_cell;
use super::tally::{Facets, Tally};
use crate::model::{Chamber, Letter, Party, Role, State};

/// Below this many signers a list of rows is made on the calling thread alone; above, the
/// signers are split between the cores (up to [`MOST_THREADS`]).
const SIGNERS_PER_THREAD: usize = 250_000;
const MOST_THREADS: usize = 4;

/// Which values each filter lets through (the search aside).
pub(super) struct Passing {
    /// By party id, for every id a byte can hold: ids outside the party table never pass.
    party: [bool; 256],
    state: [bool; 256],
    chamber: [bool; 256],
    role: [bool; 256],
}

impl Passing {
    pub(super) fn new(letter: &Letter, filter: &Filter) -> Passing {
        let mut party = [false; 256];
        for (slot, id) in party.iter_mut().zip(0..letter.parties.len()) {
            *slot = filter.parties.is_empty()
                || Party::from_index(id).is_some_and(|p| {
                    filter
                        .parties
                        .iter()
                        .any(|code| letter.parties.find(code) == Some(p))
                });
        }
        let mut state = [false; 256];
        for (slot, index) in state.iter_mut().zip(0..State::SLOTS) {
            *slot = filter.states.is_empty()
                || filter.states.iter().any(|code| {
                    State::from_code(code)
                        .or_else(|| (code == State::UNKNOWN.code()).then_some(State::UNKNOWN))
                        .is_some_and(|s| s.index() == index)
                });
        }
        let mut chamber = [false; 256];
        for (slot, value) in
            chamber
                .iter_mut()
                .zip([Some(Chamber::House), Some(Chamber::Senate), None])
        {
            *slot = filter.chamber.is_none() || filter.chamber == value;
        }
        let mut role = [false; 256];
        for (slot, value) in role.iter_mut().zip(Role::ALL) {
            *slot = filter.role.is_none_or(|r| r == value);
        }
        Passing {
            party,
            state,
            chamber,
            role,
        }
    }

    /// Whether a signer with these codes passes, by each filter: party, state, chamber, role.
    #[expect(
        clippy::indexing_slicing,
        reason = "a byte indexes a table of 256 entries: in range by type"
    )]
    fn by_filter(&self, [party, state, chamber, role]: [u8; 4]) -> [bool; 4] {
        [
            self.party[usize::from(party)],
            self.state[usize::from(state)],
            self.chamber[usize::from(chamber)],
            self.role[usize::from(role)],
        ]
    }

    pub(super) fn passes(&self, code: [u8; 4]) -> bool {
        self.by_filter(code) == [true; 4]
    }

    /// The positions of the signers that pass, in file order; split between threads for a
    /// big letter.
    pub(super) fn rows(&self, packed: &[[u8; 4]]) -> Vec<u32> {
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(MOST_THREADS)
            .min(packed.len() / SIGNERS_PER_THREAD)
            .max(1);
        let mut rows = vec![0u32; packed.len()];
        let share = packed.len().div_ceil(threads).max(1);
        let passed: Vec<(usize, usize)> = if threads > 1 {
            std::thread::scope(|scope| {
                let jobs: Vec<_> = packed
                    .chunks(share)
                    .zip(rows.chunks_mut(share))
                    .enumerate()
                    .map(|(part, (codes, rows))| {
                        let first = part * share;
                        scope.spawn(move || (first, self.rows_into(codes, first, rows)))
                    })
                    .collect();
                jobs.into_iter().filter_map(|job| job.join().ok()).collect()
            })
        } else {
            vec![(0, self.rows_into(packed, 0, &mut rows))]
        };
        // Each share wrote its rows at its own start: close the gaps between them.
        let mut row_count = 0;
        for (first, passed) in passed {
            rows.copy_within(first..first + passed, row_count);
            row_count += passed;
        }
        rows.truncate(row_count);
        if row_count < rows.capacity() / 2 {
            rows.shrink_to_fit();
        }
        rows
    }

    /// Writes the positions of the signers of `codes` (the first at `first_position`) that
    /// pass into `rows`, which is as long as `codes`; returns how many passed.
    fn rows_into(&self, codes: &[[u8; 4]], first_position: usize, rows: &mut [u32]) -> usize {
        let mut passed = 0;
        for (position, &code) in (first_position..).zip(codes) {
            // Written always, kept only if the signer passes: no branch to mispredict, as
            // whether a signer passes is as unpredictable as the letter's order.
            if let Some(row) = rows.get_mut(passed) {
                *row = u32::try_from(position).unwrap_or(u32::MAX);
            }
            passed += usize::from(self.passes(code));
        }
        passed
    }

    /// The tally of the signers that pass, and the facets (each filter's counts with the
    /// other filters applied), from how many signers there are in each cell.
    pub(super) fn count(&self, letter: &Letter, by_cell: &[u32]) -> (Tally, Facets) {
        let mut tally = Tally::empty(letter);
        let mut facets = Facets {
            by_party: vec![0; letter.parties.len()],
            by_state: [0; State::SLOTS],
            by_chamber: [0; 3],
            by_role: [0; 2],
        };
        for (cell, &n) in by_cell.iter().enumerate() {
            if n == 0 {
                continue;
            }
            let [party, state, chamber, role] = codes_of_cell(cell);
            let code = [party, state, chamber, role].map(|c| u8::try_from(c).unwrap_or(u8::MAX));
            let [party_ok, state_ok, chamber_ok, role_ok] = self.by_filter(code);
            let facet_counts = [
                (
                    state_ok && chamber_ok && role_ok,
                    facets.by_party.get_mut(party),
                ),
                (
                    party_ok && chamber_ok && role_ok,
                    facets.by_state.get_mut(state),
                ),
                (
                    party_ok && state_ok && role_ok,
                    facets.by_chamber.get_mut(chamber),
                ),
                (
                    party_ok && state_ok && chamber_ok,
                    facets.by_role.get_mut(role),
                ),
            ];
            for (counts, facet) in facet_counts {
                if let (true, Some(facet)) = (counts, facet) {
                    *facet += n;
                }
            }
            if !(party_ok && state_ok && chamber_ok && role_ok) {
                continue;
            }
            tally.total += n as usize;
            let targets = [
                tally.by_party.get_mut(party),
                tally.by_state.get_mut(state),
                tally.by_role.get_mut(role),
                tally.by_chamber.get_mut(chamber),
            ];
            for count in targets.into_iter().flatten() {
                *count += n;
            }
            if let Some(count) = tally
                .by_party_state
                .get_mut(party)
                .and_then(|row| row.get_mut(state))
            {
                *count += n;
            }
        }
        (tally, facets)
    }
}
