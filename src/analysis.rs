//! Filters and tallies: which signers a view shows, and how many of each kind.
//!
//! Everything here works on one-byte party and state ids and fixed count arrays, and makes
//! one pass over the signers, so a million signers re-tally in a few milliseconds.

use crate::model::{Chamber, DemandStatus, Letter, Party, Role, Signer, State};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// What the user has asked to see. An empty set or `None` means "any".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Party codes, e.g. `"D"`; matched without regard to case.
    pub parties: BTreeSet<String>,
    /// USPS codes, e.g. `"CA"`.
    pub states: BTreeSet<String>,
    /// One chamber.
    pub chamber: Option<Chamber>,
    /// Leads or cosigners.
    pub role: Option<Role>,
    /// Part of a name; case and accents are ignored.
    pub search: String,
}

impl Filter {
    /// Whether the filter lets every signer through.
    pub fn is_empty(&self) -> bool {
        self.parties.is_empty()
            && self.states.is_empty()
            && self.chamber.is_none()
            && self.role.is_none()
            && self.search.trim().is_empty()
    }

    /// Adds `code` to the party set, or removes it if it is there.
    pub fn toggle_party(&mut self, code: &str) {
        let code = code.to_ascii_uppercase();
        if !self.parties.remove(&code) {
            self.parties.insert(code);
        }
    }

    /// Adds `state` to the state set, or removes it if it is there.
    pub fn toggle_state(&mut self, state: State) {
        let code = state.code().to_owned();
        if !self.states.remove(&code) {
            self.states.insert(code);
        }
    }

    /// A short description for exports and status lines: `party D, R; state CA; search "san"`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.parties.is_empty() {
            parts.push(format!(
                "party {}",
                self.parties.iter().cloned().collect::<Vec<_>>().join(", ")
            ));
        }
        if !self.states.is_empty() {
            parts.push(format!(
                "state {}",
                self.states.iter().cloned().collect::<Vec<_>>().join(", ")
            ));
        }
        if let Some(chamber) = self.chamber {
            parts.push(format!("chamber {}", chamber.code()));
        }
        if let Some(role) = self.role {
            parts.push(format!("role {}", role.code()));
        }
        if !self.search.trim().is_empty() {
            parts.push(format!("search \"{}\"", self.search.trim()));
        }
        if parts.is_empty() {
            "none".to_owned()
        } else {
            parts.join("; ")
        }
    }
}

/// The folded names of every signer in one buffer, so a search is one substring scan.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    folded: String,
    /// Where each signer's folded name ends in `folded` (exclusive of the separator).
    ends: Vec<u32>,
}

impl SearchIndex {
    /// Folds every name of `letter`.
    pub fn new(letter: &Letter) -> SearchIndex {
        let mut folded =
            String::with_capacity(letter.signers.iter().map(|s| s.name.len() + 1).sum());
        let mut ends = Vec::with_capacity(letter.signers.len());
        for signer in &letter.signers {
            crate::text::fold_into(&signer.name, &mut folded);
            ends.push(u32::try_from(folded.len()).unwrap_or(u32::MAX));
            folded.push('\n');
        }
        SearchIndex { folded, ends }
    }

    /// The folded name of the signer at `position`: lowercase, without accents.
    pub fn folded_name(&self, position: usize) -> &str {
        let start = match position.checked_sub(1) {
            Some(previous) => self.ends.get(previous).map_or(0, |&end| end as usize + 1),
            None => 0,
        };
        let end = self.ends.get(position).map_or(start, |&end| end as usize);
        self.folded.get(start..end).unwrap_or_default()
    }

    /// Whether the index was built for a letter of `signer_count` signers.
    pub fn covers(&self, signer_count: usize) -> bool {
        self.ends.len() == signer_count
    }

    /// Follows one change to the letter's signers, as [`crate::edit::Edit::Signer`] makes
    /// it: the signer at `position` was replaced by, or (when `was_there` is false) had
    /// inserted before it, the one named `name`; `name` `None` means it was removed. Moves
    /// the names after it along instead of folding every name again: a few milliseconds
    /// at a million signers instead of sixty. Returns false, changing nothing, when the
    /// change does not fit the index (the caller then builds it anew).
    pub fn apply_change(&mut self, position: usize, was_there: bool, name: Option<&str>) -> bool {
        let start = self.start_of(position);
        let mut folded = String::new();
        if let Some(name) = name {
            crate::text::fold_into(name, &mut folded);
            if folded.contains('\n') {
                return false;
            }
            folded.push('\n');
        }
        let removed_len = if was_there {
            match self.ends.get(position) {
                Some(&end) => end as usize + 1 - start,
                None => return false,
            }
        } else if position <= self.ends.len() {
            0
        } else {
            return false;
        };
        if u32::try_from(self.folded.len() + folded.len() - removed_len).is_err() {
            return false;
        }
        self.folded
            .replace_range(start..start + removed_len, &folded);
        let shift = |end: &mut u32| {
            *end = (*end as usize + folded.len() - removed_len) as u32;
        };
        match (was_there, name.is_some()) {
            (true, true) => {
                if let Some(end) = self.ends.get_mut(position) {
                    *end = (start + folded.len() - 1) as u32;
                }
                self.ends.iter_mut().skip(position + 1).for_each(shift);
            }
            (true, false) => {
                self.ends.remove(position);
                self.ends.iter_mut().skip(position).for_each(shift);
            }
            (false, true) => {
                self.ends
                    .insert(position, (start + folded.len() - 1) as u32);
                self.ends.iter_mut().skip(position + 1).for_each(shift);
            }
            (false, false) => {}
        }
        true
    }

    /// Where the folded name of the signer at `position` starts in `folded`.
    fn start_of(&self, position: usize) -> usize {
        match position.checked_sub(1) {
            Some(previous) => self
                .ends
                .get(previous)
                .map_or(self.folded.len(), |&end| end as usize + 1),
            None => 0,
        }
    }

    /// The positions, ascending, of the signers whose folded name contains the folded
    /// `query`.
    fn matching(&self, query: &str) -> Vec<u32> {
        let needle = crate::text::fold(query.trim());
        let mut found = Vec::new();
        if needle.contains('\n') {
            return found;
        }
        let mut signer = 0usize;
        for start in memchr::memmem::find_iter(self.folded.as_bytes(), needle.as_bytes()) {
            while self
                .ends
                .get(signer)
                .is_some_and(|&end| (end as usize) < start + needle.len())
            {
                signer += 1;
            }
            let Ok(position) = u32::try_from(signer) else {
                break;
            };
            // A name can hold the query more than once.
            if signer < self.ends.len() && found.last() != Some(&position) {
                found.push(position);
            }
        }
        found
    }
}

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
    fn empty(letter: &Letter) -> Tally {
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

fn chamber_slot(chamber: Option<Chamber>) -> usize {
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

/// The signers a filter lets through, their tally, and the facet counts.
#[derive(Clone, Debug)]
pub struct Selection {
    /// Positions in `letter.signers`, in file order.
    pub rows: Vec<u32>,
    /// Counts of those rows.
    pub tally: Tally,
    /// Counts beside each filter value.
    pub facets: Facets,
}

/// Applies `filter` to `letter`. `index` is needed only for a name search and is built on
/// the spot when it is missing or stale. Packs the signers' codes first, as
/// [`select_with_codes`] reads them; a view that re-filters should keep the codes.
pub fn select(letter: &Letter, filter: &Filter, index: Option<&SearchIndex>) -> Selection {
    select_with_codes(letter, &SignerCodes::new(letter), filter, index)
}

/// [`select`] for a view that re-filters as the user types or clicks, with the letter's
/// [`SignerCodes`] kept from one filter to the next. The counts (tally and facets) come
/// from the codes' count of signers of each party, state, chamber and role, so only the
/// list of rows takes a pass over the signers: about a millisecond at a million. Gives
/// exactly what [`select`] gives; `codes` must have been built from this letter as it is
/// now (they are built again when their length differs).
///
/// ```
/// use signer_dashboard::analysis::{Filter, SignerCodes, select, select_with_codes};
///
/// let letter = signer_dashboard::load::sample();
/// let codes = SignerCodes::new(&letter);
/// let mut filter = Filter::default();
/// filter.toggle_party("R");
/// let fast = select_with_codes(&letter, &codes, &filter, None);
/// assert_eq!(fast.tally, select(&letter, &filter, None).tally);
/// assert_eq!(fast.rows.len(), 3);
/// ```
pub fn select_with_codes(
    letter: &Letter,
    codes: &SignerCodes,
    filter: &Filter,
    index: Option<&SearchIndex>,
) -> Selection {
    if !codes.covers(letter.signers.len()) {
        return select(letter, filter, index);
    }
    let passing = Passing::new(letter, filter);
    let query = filter.search.trim();
    let (rows, by_cell) = if query.is_empty() {
        (passing.rows(&codes.packed), codes.by_cell.clone())
    } else {
        // Only the signers the search finds count: usually few, so they are counted here.
        count_positions(codes, &passing, found_by_search(letter, index, query))
    };
    let (tally, facets) = passing.count(letter, &by_cell.0);
    Selection {
        rows,
        tally,
        facets,
    }
}

/// [`select_with_codes`] among the signers at `among` only (positions in file order), as
/// if the letter had no others: the window's "Show them" for the possible duplicates.
///
/// ```
/// use signer_dashboard::analysis::{Filter, SignerCodes, select_among};
/// let letter = signer_dashboard::load::sample();
/// let codes = SignerCodes::new(&letter);
/// let shown = select_among(&letter, &codes, &Filter::default(), None, &[1, 3, 4]);
/// assert_eq!((shown.rows, shown.tally.total), (vec![1, 3, 4], 3));
/// ```
pub fn select_among(
    letter: &Letter,
    codes: &SignerCodes,
    filter: &Filter,
    index: Option<&SearchIndex>,
    among: &[u32],
) -> Selection {
    if !codes.covers(letter.signers.len()) {
        let mut selection = select(letter, filter, index);
        selection
            .rows
            .retain(|row| among.binary_search(row).is_ok());
        return selection;
    }
    let passing = Passing::new(letter, filter);
    let query = filter.search.trim();
    let (rows, by_cell) = if query.is_empty() {
        count_positions(codes, &passing, among.iter().copied())
    } else {
        let both = found_by_search(letter, index, query)
            .into_iter()
            .filter(|position| among.binary_search(position).is_ok());
        count_positions(codes, &passing, both)
    };
    let (tally, facets) = passing.count(letter, &by_cell.0);
    Selection {
        rows,
        tally,
        facets,
    }
}

/// The signers whose folded name contains `query`, in file order, through `index` when it
/// is up to date with the letter.
fn found_by_search(letter: &Letter, index: Option<&SearchIndex>, query: &str) -> Vec<u32> {
    match index {
        Some(index) if index.covers(letter.signers.len()) => index.matching(query),
        _ => SearchIndex::new(letter).matching(query),
    }
}

/// The signers at `positions` that pass, and every one of them counted by cell.
fn count_positions(
    codes: &SignerCodes,
    passing: &Passing,
    positions: impl IntoIterator<Item = u32>,
) -> (Vec<u32>, CellCounts) {
    let mut by_cell = CellCounts::default();
    let mut rows = Vec::new();
    for position in positions {
        let Some(&code) = codes.packed.get(position as usize) else {
            continue;
        };
        by_cell.add(code);
        if passing.passes(code) {
            rows.push(position);
        }
    }
    (rows, by_cell)
}

/// How many signers there are of each party, state slot, chamber slot and role: one count
/// per combination ("cell"), indexed as [`cell_of`] says, grown to the highest party id
/// seen. At most 256 × 57 × 6 cells; a few thousand in a real letter.
#[derive(Clone, Debug, Default)]
struct CellCounts(Vec<u32>);

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
fn codes_of_cell(cell: usize) -> [usize; 4] {
    let (role, rest) = (cell % 2, cell / 2);
    let (chamber, rest) = (rest % 3, rest / 3);
    let (state, party) = (rest % State::SLOTS, rest / State::SLOTS);
    [party, state, chamber, role]
}

impl CellCounts {
    fn add(&mut self, code: [u8; 4]) {
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
/// [`SignerCodes::apply_change`], as for [`SearchIndex`]; pass it to [`select_with_codes`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignerCodes {
    packed: Vec<[u8; 4]>,
    by_cell: CellCounts,
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

    /// Follows one change to the letter's signers, as [`SearchIndex::apply_change`] does:
    /// `signer` replaced (or, when `was_there` is false, was inserted at) `position`, or
    /// was removed when `None`. Returns false, changing nothing, when it does not fit.
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

/// Below this many signers a list of rows is made on the calling thread alone; above, the
/// signers are split between the cores (up to [`MOST_THREADS`]).
const SIGNERS_PER_THREAD: usize = 250_000;
const MOST_THREADS: usize = 4;

/// Which values each filter lets through (the search aside).
struct Passing {
    /// By party id, for every id a byte can hold: ids outside the party table never pass.
    party: [bool; 256],
    state: [bool; 256],
    chamber: [bool; 256],
    role: [bool; 256],
}

impl Passing {
    fn new(letter: &Letter, filter: &Filter) -> Passing {
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

    fn passes(&self, code: [u8; 4]) -> bool {
        self.by_filter(code) == [true; 4]
    }

    /// The positions of the signers that pass, in file order; split between threads for a
    /// big letter.
    fn rows(&self, packed: &[[u8; 4]]) -> Vec<u32> {
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
    fn count(&self, letter: &Letter, by_cell: &[u32]) -> (Tally, Facets) {
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

/// The tally of the signers `filter` lets through (its search aside), from how many
/// signers there are of each party, state, chamber and role: `cells[cell]` with `cell`
/// `((party id × State::SLOTS + state slot) × 3 + chamber slot) × 2 + role index`, chamber
/// slots being House, Senate, not given. For a reader that counts signers as it reads them
/// instead of keeping them (`load::count_path`), so that it counts as [`select`] does.
pub fn tally_cells(letter: &Letter, filter: &Filter, cells: &[u32]) -> Tally {
    Passing::new(letter, filter).count(letter, cells).0
}
