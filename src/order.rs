//! The order a table of signers is shown in: every signer sorted once per column, then the
//! selection picked out of that order.
//!
//! Sorting a million signers by name takes a few hundred milliseconds, so a window does it
//! once per column (on a background thread) and keeps the result as an [`Order`]; a filter
//! click then only has to pick the selected signers out of it ([`Order::pick`]).
//!
//! ```
//! use signer_dashboard::analysis::{Filter, SearchIndex, select};
//! use signer_dashboard::order::{Order, SortColumn, sort_order};
//!
//! let letter = signer_dashboard::load::sample();
//! let index = SearchIndex::new(&letter);
//! let by_name = Order::new(sort_order(&letter, &index, SortColumn::Name, true));
//! let mut filter = Filter::default();
//! filter.toggle_party("R");
//! let rows = by_name.pick(&select(&letter, &filter, None).rows);
//! let names: Vec<&str> = rows.iter().map(|&i| &*letter.signers[i as usize].name).collect();
//! assert_eq!(names, ["Gus Bilirakis", "Mike Lawler", "David Valadao"]);
//! ```

use crate::analysis::SearchIndex;
use crate::model::{Chamber, Letter, Role, Signer, State};
use std::cmp::Ordering;

/// A column signers can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortColumn {
    /// As the file lists them.
    #[default]
    FileOrder,
    /// By surname, then the whole name, ignoring case and accents.
    Name,
    /// By party code.
    Party,
    /// By state code, then district.
    State,
    /// By district number.
    District,
    /// House before Senate.
    Chamber,
    /// Leads before cosigners.
    Role,
}

/// Every signer of `letter`, as positions, sorted by `column` (reversed when not
/// `is_ascending`); signers that compare equal are ordered by name, then by position, so
/// the order is the same every time. `index` must be the letter's current search index
/// (names are compared folded: without case or accents).
pub fn sort_order(
    letter: &Letter,
    index: &SearchIndex,
    column: SortColumn,
    is_ascending: bool,
) -> Vec<u32> {
    let count = u32::try_from(letter.signers.len()).unwrap_or(u32::MAX);
    if column == SortColumn::FileOrder {
        return if is_ascending {
            (0..count).collect()
        } else {
            (0..count).rev().collect()
        };
    }
    let primary = PrimaryKey::new(letter, column);
    let mut keys: Vec<Key<'_>> = letter
        .signers
        .iter()
        .zip(0..count)
        .map(|(signer, position)| {
            let surname = crate::text::surname(index.folded_name(position as usize));
            let primary = primary.of(signer);
            Key {
                primary: if is_ascending { primary } else { !primary },
                prefix: prefix_of(surname),
                surname,
                position,
            }
        })
        .collect();
    // By name, the name is the column: a descending sort reverses it. By any other column
    // the name only breaks ties, always A to Z.
    let is_name_reversed = column == SortColumn::Name && !is_ascending;
    keys.sort_unstable_by(|a, b| {
        let by_name = a
            .prefix
            .cmp(&b.prefix)
            .then_with(|| a.surname.cmp(b.surname))
            .then_with(|| {
                index
                    .folded_name(a.position as usize)
                    .cmp(index.folded_name(b.position as usize))
            });
        let by_name = if is_name_reversed {
            by_name.reverse()
        } else {
            by_name
        };
        a.primary
            .cmp(&b.primary)
            .then(by_name)
            .then(a.position.cmp(&b.position))
    });
    keys.into_iter().map(|key| key.position).collect()
}

/// Every signer in one order, with each signer's place in it, so that a selection can be
/// put in that order without sorting it again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Order {
    positions: Vec<u32>,
    /// `ranks[position]` is where the signer at `position` comes in `positions`.
    ranks: Vec<u32>,
}

impl Order {
    /// The order `positions` gives, which must list each of `0..positions.len()` once, as
    /// [`sort_order`] does; a position out of that range is left out of [`Order::pick`].
    pub fn new(positions: Vec<u32>) -> Order {
        let mut ranks = vec![u32::MAX; positions.len()];
        for (rank, &position) in (0u32..).zip(&positions) {
            if let Some(slot) = ranks.get_mut(position as usize) {
                *slot = rank;
            }
        }
        Order { positions, ranks }
    }

    /// Every signer, as positions in the letter, in this order.
    pub fn positions(&self) -> &[u32] {
        &self.positions
    }

    /// The signers at `rows` (positions in the letter, ascending, as a selection gives
    /// them) in this order. Marks each row's rank in a bit set, then reads the set from
    /// the start: both passes go through memory in order, about a millisecond for a
    /// million signers, and far less for a small selection.
    pub fn pick(&self, rows: &[u32]) -> Vec<u32> {
        if rows.len() == self.positions.len() {
            // Every signer is selected (positions are distinct): the order is the answer.
            return self.positions.clone();
        }
        let mut is_picked = vec![0u64; self.positions.len().div_ceil(64)];
        for &row in rows {
            let Some(&rank) = self.ranks.get(row as usize) else {
                continue;
            };
            if let Some(word) = is_picked.get_mut(rank as usize / 64) {
                *word |= 1 << (rank % 64);
            }
        }
        let mut picked = Vec::with_capacity(rows.len());
        for (block, ranks) in self.positions.chunks(64).zip(is_picked) {
            let mut ranks = ranks;
            while ranks != 0 {
                if let Some(&position) = block.get(ranks.trailing_zeros() as usize) {
                    picked.push(position);
                }
                ranks &= ranks - 1;
            }
        }
        picked
    }
}

/// One signer's place in the sort: what the column says, then the surname.
struct Key<'a> {
    /// The column's rank, inverted for a descending sort.
    primary: u32,
    /// The surname's first eight bytes, zero-padded, big-endian: compares as the surname
    /// does, unless they are equal.
    prefix: u64,
    surname: &'a str,
    position: u32,
}

fn prefix_of(text: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (to, from) in bytes.iter_mut().zip(text.as_bytes()) {
        *to = *from;
    }
    u64::from_be_bytes(bytes)
}

/// A column's value as a number that orders as the value does.
enum PrimaryKey {
    /// Every signer compares equal on the column: the name decides.
    None,
    /// The rank of each party id's code among the letter's party codes.
    Party(Vec<u32>),
    /// The rank of each state slot's code, before the district.
    State(Vec<u32>),
    District,
    Chamber,
    Role,
}

impl PrimaryKey {
    fn new(letter: &Letter, column: SortColumn) -> PrimaryKey {
        match column {
            SortColumn::FileOrder | SortColumn::Name => PrimaryKey::None,
            SortColumn::Party => {
                let codes: Vec<&str> = letter
                    .parties
                    .parties()
                    .map(|p| letter.parties.code(p))
                    .collect();
                PrimaryKey::Party(ranks(&codes))
            }
            SortColumn::State => {
                let codes: Vec<&str> = (0..State::SLOTS)
                    .map(|slot| State::from_index(slot).map_or("", State::code))
                    .collect();
                PrimaryKey::State(ranks(&codes))
            }
            SortColumn::District => PrimaryKey::District,
            SortColumn::Chamber => PrimaryKey::Chamber,
            SortColumn::Role => PrimaryKey::Role,
        }
    }

    fn of(&self, signer: &Signer) -> u32 {
        let district = || signer.district.map_or(0, |d| u32::from(d) + 1);
        match self {
            PrimaryKey::None => 0,
            PrimaryKey::Party(ranks) => ranks.get(signer.party.index()).copied().unwrap_or(0),
            PrimaryKey::State(ranks) => {
                let state = ranks.get(signer.state.index()).copied().unwrap_or(0);
                state * 257 + district()
            }
            PrimaryKey::District => district(),
            PrimaryKey::Chamber => rank_of(
                signer.chamber,
                &[None, Some(Chamber::House), Some(Chamber::Senate)],
            ),
            PrimaryKey::Role => rank_of(signer.role, &Role::ALL),
        }
    }
}

/// For each of `codes`, how many distinct codes sort before it.
fn ranks(codes: &[&str]) -> Vec<u32> {
    let mut sorted = codes.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    codes
        .iter()
        .map(|code| sorted.partition_point(|c| c < code) as u32)
        .collect()
}

/// How many of `values` sort before `value`: its rank by the type's own order.
fn rank_of<T: Ord>(value: T, values: &[T]) -> u32 {
    values
        .iter()
        .filter(|v| (*v).cmp(&value) == Ordering::Less)
        .count() as u32
}
