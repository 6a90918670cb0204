//! Filters and tallies: which signers a view shows, and how many of each kind.
//!
//! Everything here works on one-byte party and state ids and fixed count arrays, and makes
//! one pass over the signers, so a million signers re-tally in a few milliseconds.

use crate::model::{Chamber, Letter, Role, State};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

mod codes;
mod passing;
mod search;
mod tally;

pub use codes::SignerCodes;
pub use search::SearchIndex;
pub use tally::{Facets, Tally};

use codes::CellCounts;
use passing::Passing;

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

/// The tally of the signers `filter` lets through (its search aside), from how many
/// signers there are of each party, state, chamber and role: `cells[cell]` with `cell`
/// `((party id × State::SLOTS + state slot) × 3 + chamber slot) × 2 + role index`, chamber
/// slots being House, Senate, not given. For a reader that counts signers as it reads them
/// instead of keeping them (`load::count_path`), so that it counts as [`select`] does.
pub fn tally_cells(letter: &Letter, filter: &Filter, cells: &[u32]) -> Tally {
    Passing::new(letter, filter).count(letter, cells).0
}
