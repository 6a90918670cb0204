//! Each signer's party, state, chamber and role packed in four bytes, and how many signers
//! have each combination: what a view keeps so that re-filtering does not re-read signers.

use super::tally::chamber_slot;
use crate::model::{Letter, Signer, State};

/// How many signers there are of each party, state slot, chamber slot and role: one count
/// per combination ("cell"), indexed as [`cell_of`] says, grown to the highest party id
/// seen. At most 256 × 57 × 6 cells; a few thousand in a real letter.
#[derive(Clone, Debug, Default)]
pub(super) struct CellCounts(pub(super) Vec<u32>);

impl PartialEq for CellCounts {
    /// The same counts, however far each has grown: an edit can leave a party's cells at zero.
    fn eq(&self, other: &CellCounts) -> bool {
        let (short, long) = if self.0.len() <= other.0.len() {
            (&self.0, &other.0)
        } else {
            (&other.0, &self.0)
        };
        long.starts_with(short) && long.iter().skip(short.len()).all(|&n| n == 0)
    }
}

impl Eq for CellCounts {}

/// The cells one party id takes: every state slot, chamber slot and role.
const CELLS_PER_PARTY: usize = State::SLOTS * CHAMBER_ROLE_SLOTS;

/// Where a signer's `[party, state, chamber slot, role]` is counted in [`CellCounts`].
fn cell_of([party, state, chamber, role]: [u8; 4]) -> usize {
    ((usize::from(party) * State::SLOTS + usize::from(state)) * 3 + usize::from(chamber)) * 2
        + usize::from(role)
}

/// The codes of the signers counted in a cell.
pub(super) fn codes_of_cell(cell: usize) -> [usize; 4] {
    let (role, rest) = (cell % 2, cell / 2);
    let (chamber, rest) = (rest % 3, rest / 3);
    let (state, party) = (rest % State::SLOTS, rest / State::SLOTS);
    [party, state, chamber, role]
}

impl CellCounts {
    pub(super) fn add(&mut self, code: [u8; 4]) {
        let cell = cell_of(code);
        if cell >= self.0.len() {
            self.0
                .resize((cell / CELLS_PER_PARTY + 1) * CELLS_PER_PARTY, 0);
        }
        if let Some(n) = self.0.get_mut(cell) {
            *n += 1;
        }
    }

    fn remove(&mut self, code: [u8; 4]) {
        if let Some(n) = self.0.get_mut(cell_of(code)) {
            *n = n.saturating_sub(1);
        }
    }
}

/// The fields filters look at, one byte each, for every signer side by side (party id,
/// state slot, chamber slot: House, Senate, not given; role), and how many signers have
/// each combination. Build it once per letter (after loading) and follow each edit with
/// [`SignerCodes::apply_change`], as for [`SearchIndex`](super::SearchIndex); pass it to
/// [`select_with_codes`](super::select_with_codes).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignerCodes {
    pub(super) packed: Vec<[u8; 4]>,
    pub(super) by_cell: CellCounts,
}

impl SignerCodes {
    /// Packs the codes of every signer of `letter`, and counts them.
    pub fn new(letter: &Letter) -> SignerCodes {
        let packed: Vec<[u8; 4]> = letter.signers.iter().map(Self::code_of).collect();
        let mut by_cell = CellCounts::default();
        for &code in &packed {
            by_cell.add(code);
        }
        SignerCodes { packed, by_cell }
    }

    /// Whether the codes were built for a letter of `signer_count` signers.
    pub fn covers(&self, signer_count: usize) -> bool {
        self.packed.len() == signer_count
    }

    /// Follows one change to the letter's signers, as
    /// [`SearchIndex::apply_change`](super::SearchIndex::apply_change) does: `signer`
    /// replaced (or, when `was_there` is false, was inserted at) `position`, or was removed
    /// when `None`. Returns false, changing nothing, when it does not fit.
    pub fn apply_change(
        &mut self,
        position: usize,
        was_there: bool,
        signer: Option<&Signer>,
    ) -> bool {
        let is_in_range = if was_there {
            position < self.packed.len()
        } else {
            position <= self.packed.len()
        };
        if !is_in_range {
            return false;
        }
        if was_there && let Some(&old) = self.packed.get(position) {
            self.by_cell.remove(old);
        }
        let new = signer.map(Self::code_of);
        if let Some(new) = new {
            self.by_cell.add(new);
        }
        match (was_there, new) {
            (true, Some(new)) => {
                if let Some(code) = self.packed.get_mut(position) {
                    *code = new;
                }
            }
            (true, None) => {
                self.packed.remove(position);
            }
            (false, Some(new)) => self.packed.insert(position, new),
            (false, None) => {}
        }
        true
    }

    fn code_of(signer: &Signer) -> [u8; 4] {
        // Each index is below 256 by construction (a party id and a state slot are bytes).
        [
            u8::try_from(signer.party.index()).unwrap_or(u8::MAX),
            u8::try_from(signer.state.index()).unwrap_or(u8::MAX),
            chamber_slot(signer.chamber) as u8,
            signer.role.index() as u8,
        ]
    }
}

/// How many `(chamber, role)` combinations a count array holds per party and state.
const CHAMBER_ROLE_SLOTS: usize = 3 * 2;
