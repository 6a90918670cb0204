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

    /// Marks, in `hits`, every signer whose folded name contains the folded `query`.
    fn mark(&self, query: &str, hits: &mut [bool]) {
        let needle = crate::text::fold(query.trim());
        if needle.contains('\n') {
            return;
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
            if let Some(hit) = hits.get_mut(signer) {
                *hit = true;
            }
        }
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

/// Applies `filter` to `letter` in one pass. `index` is needed only for a name search and
/// is built on the spot when it is missing or stale.
pub fn select(letter: &Letter, filter: &Filter, index: Option<&SearchIndex>) -> Selection {
    select_codes(
        letter,
        filter,
        index,
        None,
        letter.signers.iter().map(SignerCodes::code_of),
    )
}

/// [`select`] for a view that re-filters as the user types or clicks: reads the four
/// one-byte fields a filter looks at from `codes` (4 bytes a signer, 4 MB at a million)
/// instead of the signers themselves (72 bytes each), which takes a re-filter of a million
/// signers from about 15 ms to 2 ms. Gives exactly what [`select`] gives; `codes` must have
/// been built from this letter as it is now (it is not used when its length differs).
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
    select_codes(
        letter,
        filter,
        index,
        Some(&codes.packed),
        std::iter::empty(),
    )
}

/// The fields filters look at, one byte each, for every signer side by side: party id,
/// state slot, chamber slot (House, Senate, not given) and role. Build it once per version
/// of the letter (after loading, and again after any edit of a signer), as for
/// [`SearchIndex`], and pass it to [`select_with_codes`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignerCodes {
    packed: Vec<[u8; 4]>,
}

impl SignerCodes {
    /// Packs the codes of every signer of `letter`.
    pub fn new(letter: &Letter) -> SignerCodes {
        SignerCodes {
            packed: letter.signers.iter().map(Self::code_of).collect(),
        }
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
        match (was_there, signer) {
            (true, Some(signer)) => {
                if let Some(code) = self.packed.get_mut(position) {
                    *code = Self::code_of(signer);
                }
            }
            (true, None) => {
                self.packed.remove(position);
            }
            (false, Some(signer)) => self.packed.insert(position, Self::code_of(signer)),
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

/// Which values each filter lets through, and where each counter sits in the one array of
/// counters (see [`select_codes`]).
struct Counting {
    party_allowed: Vec<bool>,
    state_allowed: [bool; State::SLOTS],
    chamber_allowed: [bool; 3],
    role_allowed: [bool; 2],
    parties: usize,
    passing_cells: usize,
    party_base: usize,
    state_base: usize,
    chamber_base: usize,
    role_base: usize,
    /// The counter of signers that miss more than one filter; the last.
    nowhere: usize,
}

impl Counting {
    fn new(letter: &Letter, filter: &Filter) -> Counting {
        let parties = letter.parties.len();
        let mut party_allowed = vec![filter.parties.is_empty(); parties];
        for code in &filter.parties {
            if let Some(slot) = letter
                .parties
                .find(code)
                .and_then(|p| party_allowed.get_mut(p.index()))
            {
                *slot = true;
            }
        }
        let mut state_allowed = [filter.states.is_empty(); State::SLOTS];
        for code in &filter.states {
            let state = State::from_code(code)
                .or_else(|| (code == State::UNKNOWN.code()).then_some(State::UNKNOWN));
            if let Some(slot) = state.and_then(|s| state_allowed.get_mut(s.index())) {
                *slot = true;
            }
        }
        let mut chamber_allowed = [true; 3];
        if let Some(chamber) = filter.chamber {
            chamber_allowed = [false; 3];
            if let Some(slot) = chamber_allowed.get_mut(chamber_slot(Some(chamber))) {
                *slot = true;
            }
        }
        let mut role_allowed = [false; 2];
        for role in Role::ALL {
            if let Some(slot) = role_allowed.get_mut(role.index()) {
                *slot = filter.role.is_none_or(|r| r == role);
            }
        }
        // One array of counters: the signers that pass, by party, then state, then chamber
        // slot, then role; then those that miss one filter only, beside that filter's value
        // (each run one longer than its values, for a value out of range); then one slot for
        // the signers that miss more.
        let passing_cells = parties * State::SLOTS * CHAMBER_ROLE_SLOTS;
        let party_base = passing_cells;
        let state_base = party_base + parties + 1;
        let chamber_base = state_base + State::SLOTS + 1;
        let role_base = chamber_base + 3 + 1;
        Counting {
            party_allowed,
            state_allowed,
            chamber_allowed,
            role_allowed,
            parties,
            passing_cells,
            party_base,
            state_base,
            chamber_base,
            role_base,
            nowhere: role_base + 2 + 1,
        }
    }

    /// Counts the signers whose codes are `codes` (the first at `first_position`) into
    /// `counts`, and writes the positions of those that pass into `rows` (at least as long
    /// as `codes`). `hits` says, for each, whether a name search found it. Returns how
    /// many passed.
    fn count(
        &self,
        codes: impl Iterator<Item = [u8; 4]>,
        first_position: usize,
        hits: Option<&[bool]>,
        rows: &mut [u32],
        counts: &mut [u32],
    ) -> usize {
        // Which of a signer's candidate counters it goes to, by the filters it misses (a bit
        // each: party, state, chamber, role). Looked up rather than branched on, because
        // whether a signer passes is as unpredictable as the letter's order.
        const COUNTER_BY_MISSES: [usize; 16] = [0, 1, 2, 5, 3, 5, 5, 5, 4, 5, 5, 5, 5, 5, 5, 5];
        let mut row_count = 0;
        for (offset, [party, state, chamber, role]) in codes.enumerate() {
            if let Some(hits) = hits
                && !hits.get(offset).copied().unwrap_or(false)
            {
                continue;
            }
            let (party, state) = (usize::from(party), usize::from(state));
            let (chamber, role) = (usize::from(chamber), usize::from(role));
            let party_ok = self.party_allowed.get(party).copied().unwrap_or(false);
            let state_ok = self.state_allowed.get(state).copied().unwrap_or(false);
            let chamber_ok = self.chamber_allowed.get(chamber).copied().unwrap_or(false);
            let role_ok = self.role_allowed.get(role).copied().unwrap_or(false);
            let misses = usize::from(!party_ok)
                | usize::from(!state_ok) << 1
                | usize::from(!chamber_ok) << 2
                | usize::from(!role_ok) << 3;
            let candidates = [
                ((party * State::SLOTS + state) * 3 + chamber) * 2 + role,
                self.party_base + party.min(self.parties),
                self.state_base + state.min(State::SLOTS),
                self.chamber_base + chamber.min(3),
                self.role_base + role.min(2),
                self.nowhere,
            ];
            let counter = COUNTER_BY_MISSES.get(misses).copied().unwrap_or(5);
            let slot = candidates.get(counter).copied().unwrap_or(self.nowhere);
            if let Some(n) = counts.get_mut(slot) {
                *n += 1;
            }
            // Written always, kept only if the signer passes: no branch to mispredict.
            if let Some(row) = rows.get_mut(row_count) {
                *row = u32::try_from(first_position + offset).unwrap_or(u32::MAX);
            }
            row_count += usize::from(misses == 0);
        }
        row_count
    }
}

/// Below this many signers a re-filter runs on the calling thread alone; above, the signers
/// are split between the cores (up to [`MOST_THREADS`]), each counting its share.
const SIGNERS_PER_THREAD: usize = 250_000;
const MOST_THREADS: usize = 4;

/// The one pass behind [`select`] and [`select_with_codes`], over each signer's
/// `[party, state, chamber slot, role]`: `packed` when the caller has them side by side
/// (then split between threads for a big letter), else `codes`.
///
/// A signer that passes every filter is counted once, in an array by party, state,
/// chamber and role, from which the tally and the facets are summed at the end; one that
/// fails exactly one filter is counted beside that filter's value only. That is what the
/// facets are (each filter's counts with the other filters applied) in a fraction of the
/// additions.
fn select_codes(
    letter: &Letter,
    filter: &Filter,
    index: Option<&SearchIndex>,
    packed: Option<&[[u8; 4]]>,
    codes: impl Iterator<Item = [u8; 4]>,
) -> Selection {
    let counting = Counting::new(letter, filter);
    let search_hits = (!filter.search.trim().is_empty()).then(|| {
        let built;
        let index = match index {
            Some(index) if index.covers(letter.signers.len()) => index,
            _ => {
                built = SearchIndex::new(letter);
                &built
            }
        };
        let mut hits = vec![false; letter.signers.len()];
        index.mark(&filter.search, &mut hits);
        hits
    });
    let hits = search_hits.as_deref();
    let signer_count = letter.signers.len();
    let mut counts = vec![0u32; counting.nowhere + 1];
    let mut rows = vec![0u32; signer_count];
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(MOST_THREADS)
        .min(signer_count / SIGNERS_PER_THREAD)
        .max(1);
    let row_count = match packed {
        Some(packed) if threads > 1 => {
            let share = signer_count.div_ceil(threads);
            let counted: Vec<(usize, usize, Vec<u32>)> = std::thread::scope(|scope| {
                let counting = &counting;
                let jobs: Vec<_> = packed
                    .chunks(share)
                    .zip(rows.chunks_mut(share))
                    .enumerate()
                    .map(|(part, (codes, rows))| {
                        let first = part * share;
                        let hits = hits.map(|h| h.get(first..).unwrap_or_default());
                        scope.spawn(move || {
                            let mut counts = vec![0u32; counting.nowhere + 1];
                            let passed = counting.count(
                                codes.iter().copied(),
                                first,
                                hits,
                                rows,
                                &mut counts,
                            );
                            (first, passed, counts)
                        })
                    })
                    .collect();
                jobs.into_iter().filter_map(|job| job.join().ok()).collect()
            });
            // Each share wrote its rows at its own start: close the gaps between them.
            let mut row_count = 0;
            for (first, passed, share_counts) in counted {
                rows.copy_within(first..first + passed, row_count);
                row_count += passed;
                for (total, n) in counts.iter_mut().zip(share_counts) {
                    *total += n;
                }
            }
            row_count
        }
        Some(packed) => counting.count(packed.iter().copied(), 0, hits, &mut rows, &mut counts),
        None => counting.count(codes, 0, hits, &mut rows, &mut counts),
    };
    rows.truncate(row_count);
    if row_count < rows.capacity() / 2 {
        rows.shrink_to_fit();
    }
    let Counting {
        parties,
        passing_cells,
        party_base,
        state_base,
        chamber_base,
        role_base,
        ..
    } = counting;
    let counter_run = |base: usize, len: usize| counts.get(base..base + len).unwrap_or_default();
    let mut facets = Facets {
        by_party: counter_run(party_base, parties).to_vec(),
        by_state: [0; State::SLOTS],
        by_chamber: [0; 3],
        by_role: [0; 2],
    };
    for (to, from) in facets
        .by_state
        .iter_mut()
        .zip(counter_run(state_base, State::SLOTS))
    {
        *to = *from;
    }
    for (to, from) in facets
        .by_chamber
        .iter_mut()
        .zip(counter_run(chamber_base, 3))
    {
        *to = *from;
    }
    for (to, from) in facets.by_role.iter_mut().zip(counter_run(role_base, 2)) {
        *to = *from;
    }
    let passing = counts.get(..passing_cells).unwrap_or_default();

    let mut tally = Tally::empty(letter);
    let cells = passing.chunks_exact(CHAMBER_ROLE_SLOTS);
    for (cell, counts) in cells.enumerate() {
        let (party, state) = (cell / State::SLOTS, cell % State::SLOTS);
        for (chamber_role, &n) in counts.iter().enumerate() {
            if n == 0 {
                continue;
            }
            let (chamber, role) = (chamber_role / 2, chamber_role % 2);
            tally.total += n as usize;
            let targets = [
                tally.by_party.get_mut(party),
                tally.by_state.get_mut(state),
                tally.by_role.get_mut(role),
                tally.by_chamber.get_mut(chamber),
                facets.by_party.get_mut(party),
                facets.by_state.get_mut(state),
                facets.by_role.get_mut(role),
                facets.by_chamber.get_mut(chamber),
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
    }
    Selection {
        rows,
        tally,
        facets,
    }
}
