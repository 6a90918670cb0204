//! Signers who may be listed twice: the same name (ignoring case and accents) in the same
//! state as an earlier signer. This module owns the hash of a folded name and state that
//! every reader works out for each signer on its own thread, and the check that finds the
//! signers whose hash was seen before, which costs the same however many there are.
//!
//! A repeat is a *possible* duplicate: two people can share a name ("Mary Green, OH"),
//! and two different names share a 64-bit hash about once in 10^19 pairs (once in tens
//! of millions of letters of a million signers), so the check compares hashes only and never
//! reads a name again. Every reader and sink (the window's, `summary`'s) gives the same
//! list, because it is found from the hashes alone.
//!
//! A million signers would make this the slowest step of a load if done the plain way (a
//! map from folded name to signer, probed at random). Instead the hashes are sorted into
//! [`BUCKETS`] buckets by their top bits, keeping file order within each; each bucket,
//! small enough to stay in cache, is checked with its own little table, and a big letter's
//! buckets are shared between the cores.

use super::words::{HIGHS, splat, words, zero_bytes};
use crate::model::{Letter, State};

/// A signer with the same folded name and state as an earlier one: possibly the same
/// person listed twice, possibly two people of one name. Both are kept and counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The signer, by position in the letter.
    pub signer: usize,
    /// The first signer with that name and state.
    pub first: usize,
}

impl Duplicate {
    /// This duplicate as one warning, given the signer's name:
    /// `signers[4] "FRANK PALLONE": possibly listed twice: the same name and state as signers[0]`.
    pub fn describe(&self, name: &str) -> String {
        format!(
            "{}: possibly listed twice: the same name and state as signers[{}]",
            super::normalise::signer_location(self.signer, name),
            self.first
        )
    }
}

/// How many duplicates [`describe_duplicates`] names.
pub const DUPLICATE_EXAMPLES: usize = 3;

/// All of a letter's possible duplicates as one warning, naming the first few, whose
/// names are `names` (in the same order; a missing name is left out):
/// `156,140 possible duplicates (the same name and state as an earlier signer), such as
/// signers[12] "Mary Green" (as signers[3]), …`. `None` when there are none.
///
/// ```
/// use signer_dashboard::load::{Duplicate, describe_duplicates};
/// let one = [Duplicate { signer: 4, first: 0 }];
/// assert_eq!(
///     describe_duplicates(&one, ["FRANK PALLONE"]).as_deref(),
///     Some("1 possible duplicate (the same name and state as an earlier signer): signers[4] \"FRANK PALLONE\" (as signers[0])")
/// );
/// ```
pub fn describe_duplicates<'n>(
    duplicates: &[Duplicate],
    names: impl IntoIterator<Item = &'n str>,
) -> Option<String> {
    use std::fmt::Write as _;
    let count = duplicates.len();
    if count == 0 {
        return None;
    }
    let mut line = format!(
        "{} possible {} (the same name and state as an earlier signer)",
        crate::text::grouped(count),
        if count == 1 {
            "duplicate"
        } else {
            "duplicates"
        }
    );
    line.push_str(if count <= DUPLICATE_EXAMPLES {
        ":"
    } else {
        ", such as"
    });
    let shown = duplicates.iter().take(DUPLICATE_EXAMPLES).zip(names);
    for (n, (duplicate, name)) in shown.enumerate() {
        let separator = if n == 0 { " " } else { ", " };
        let location = super::normalise::signer_location(duplicate.signer, name);
        let _ = write!(
            line,
            "{separator}{location} (as signers[{}])",
            duplicate.first
        );
    }
    if count > DUPLICATE_EXAMPLES {
        line.push_str("; --warnings all lists every one");
    }
    Some(line)
}

/// The possible duplicates of `letter`, in file order.
pub(super) fn find_in_letter(letter: &Letter) -> Vec<Duplicate> {
    let mut folded = String::new();
    let hashes: Vec<u64> = letter
        .signers
        .iter()
        .map(|signer| name_hash(&signer.name, signer.state, &mut folded))
        .collect();
    find(&hashes)
}

/// The possible duplicates of a letter whose signers have the [`name_hash`]es `hashes`, in
/// file order: each signer whose hash an earlier signer has, with the first such signer.
/// A big letter's buckets are shared between the cores.
pub(super) fn find(hashes: &[u64]) -> Vec<Duplicate> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let threads = if hashes.len() < PARALLEL_REPEATS {
        1
    } else {
        threads
    };
    let parts: Vec<Option<Vec<Duplicate>>> = if threads < 2 {
        vec![repeats_in_buckets(hashes, 0..BUCKETS)]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|part| {
                    let buckets = BUCKETS * part / threads..BUCKETS * (part + 1) / threads;
                    scope.spawn(move || repeats_in_buckets(hashes, buckets))
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().ok().flatten())
                .collect()
        })
    };
    let mut repeats = Vec::new();
    for part in parts {
        match part {
            Some(part) => repeats.extend(part),
            None => return find_plainly(hashes),
        }
    }
    repeats.sort_unstable_by_key(|duplicate| duplicate.signer);
    repeats
}

/// From how many signers [`find`] uses more than one thread.
#[cfg(not(fuzzing))]
const PARALLEL_REPEATS: usize = 1 << 18;
/// Under the fuzzer, few enough that its inputs reach the threads.
#[cfg(fuzzing)]
const PARALLEL_REPEATS: usize = 64;

/// [`find`] for a letter too long for 32-bit positions, with a map.
fn find_plainly(hashes: &[u64]) -> Vec<Duplicate> {
    let mut seen = std::collections::HashMap::with_capacity(hashes.len());
    let mut repeats = Vec::new();
    for (signer, &hash) in hashes.iter().enumerate() {
        match seen.entry(hash) {
            std::collections::hash_map::Entry::Occupied(first) => repeats.push(Duplicate {
                signer,
                first: *first.get(),
            }),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(signer);
            }
        }
    }
    repeats
}

/// The hash of a signer's folded name and state that [`find`] compares, folding into
/// `scratch` when the name is not plain ASCII.
pub(super) fn name_hash(name: &str, state: State, scratch: &mut String) -> u64 {
    if let Some(hash) = plain_name_hash(name.as_bytes(), state) {
        return hash;
    }
    scratch.clear();
    crate::text::fold_into(name, scratch);
    fold_hash(scratch.as_bytes(), state)
}

/// [`fold_hash`] of the folded name for a name of ASCII without a backtick, which folds
/// to itself in lower case: lowered eight bytes at a time as it is hashed, without
/// copying it. `None` for any other name.
fn plain_name_hash(name: &[u8], state: State) -> Option<u64> {
    let mut unusual = 0;
    let hash = hash_words(name, state, |word| {
        // A byte above 0x7F, or a backtick (a zero byte once the backticks are cleared).
        unusual |= word | zero_bytes(word ^ splat(b'`'));
        lower_ascii_word(word)
    });
    (unusual & HIGHS == 0).then_some(hash)
}

/// Eight ASCII bytes with each of `A` to `Z` made lower case.
fn lower_ascii_word(word: u64) -> u64 {
    // With the high bits clear, adding to each byte cannot carry into the next one.
    let low = word & !HIGHS;
    let from_a = low + splat(0x80 - b'A');
    let past_z = low + splat(0x7F - b'Z');
    let upper = from_a & !past_z & !word & HIGHS;
    word | (upper >> 2)
}

/// The possible duplicates whose hash falls in the buckets `buckets`, in no particular
/// order; `None` for a letter too long for 32-bit positions.
fn repeats_in_buckets(hashes: &[u64], buckets: std::ops::Range<usize>) -> Option<Vec<Duplicate>> {
    let count = u32::try_from(hashes.len()).ok()?;
    let first = buckets.start;
    let is_in = |hash: u64| buckets.contains(&bucket(hash));
    // Each entry: 32 bits of the hash above the signer's position, grouped by bucket.
    let mut starts = vec![0usize; buckets.len() + 1];
    for &hash in hashes.iter().filter(|&&hash| is_in(hash)) {
        if let Some(n) = starts.get_mut(bucket(hash) - first + 1) {
            *n += 1;
        }
    }
    for i in 1..starts.len() {
        let previous = starts.get(i - 1).copied().unwrap_or(0);
        if let Some(n) = starts.get_mut(i) {
            *n += previous;
        }
    }
    let mut next = starts.clone();
    let mut entries = vec![0u64; starts.last().copied().unwrap_or(0)];
    for (position, &hash) in (0..count).zip(hashes) {
        if !is_in(hash) {
            continue;
        }
        if let Some(at) = next.get_mut(bucket(hash) - first) {
            if let Some(entry) = entries.get_mut(*at) {
                *entry = (tag(hash) << 32) | u64::from(position);
            }
            *at += 1;
        }
    }
    let mut repeats = Vec::new();
    let mut table = FirstSeen::default();
    for window in starts.windows(2) {
        let [from, to] = *window else { continue };
        let Some(bucket) = entries.get(from..to) else {
            continue;
        };
        table.reset(bucket.len());
        for entry in bucket {
            let (tag, index) = ((entry >> 32) as u32, (entry & u64::from(u32::MAX)) as usize);
            let same = |earlier: usize| hashes.get(index) == hashes.get(earlier);
            if let Some(first) = table.find_or_insert(tag, index, same) {
                repeats.push(Duplicate {
                    signer: index,
                    first,
                });
            }
        }
    }
    Some(repeats)
}

/// How many buckets [`find`] sorts hashes into: about a thousand signers each
/// at a million.
const BUCKETS: usize = 1 << 10;

fn bucket(hash: u64) -> usize {
    (hash >> (64 - BUCKETS.trailing_zeros())) as usize
}

fn tag(hash: u64) -> u64 {
    hash & u64::from(u32::MAX)
}

/// A 64-bit hash of a folded name and a state, in the manner of rustc's FxHash: a multiply
/// and a rotate per eight bytes, which is all a table of a million names needs.
pub(super) fn fold_hash(folded: &[u8], state: State) -> u64 {
    hash_words(folded, state, |word| word)
}

/// [`fold_hash`] of `text` with each eight-byte word (little-endian, the last one padded
/// with zeroes) first passed through `word`.
///
/// Two lanes of 64 bits, each a multiply and a rotate per word with its own constant, are
/// folded into 64 bits at the end by a 128-bit multiply. One lane alone let "Ryan Allen"
/// and "Ryan Martin" of Colorado share a hash in a letter of a million, which a check that
/// compares hashes only would call a duplicate; two lanes make two names agree in both
/// 64-bit states as rarely as chance allows.
fn hash_words(text: &[u8], state: State, mut word: impl FnMut(u64) -> u64) -> u64 {
    const K1: u64 = 0xf135_7aea_2e62_a9c5;
    const K2: u64 = 0x9e37_79b9_7f4a_7c15;
    let seed = state.index() as u64 + 1;
    let (mut a, mut b) = (seed.wrapping_mul(K1), seed.wrapping_mul(K2));
    for next in words(text) {
        let w = word(next);
        a = (a ^ w).wrapping_mul(K1).rotate_left(26);
        b = (b ^ w).wrapping_mul(K2).rotate_left(41);
    }
    let a = a ^ text.len() as u64;
    let b = b ^ (text.len() as u64).rotate_left(32);
    let product = u128::from(a).wrapping_mul(u128::from(b | 1));
    // Buckets take the top bits, tags the low ones: both come from the whole product.
    (product as u64) ^ ((product >> 64) as u64)
}

/// An open-addressing table from a 32-bit tag to the first signer that had it, one `u64` a
/// slot (the tag above the signer's position + 1); reused bucket after bucket.
#[derive(Default)]
struct FirstSeen {
    slots: Vec<u64>,
    mask: usize,
}

impl FirstSeen {
    /// Empties the table and makes room for `count` entries, keeping it at most half full.
    fn reset(&mut self, count: usize) {
        let size = count.saturating_mul(2).max(16).next_power_of_two();
        self.slots.clear();
        self.slots.resize(size, 0);
        self.mask = size - 1;
    }

    /// The first signer with `tag` for which `same` holds; otherwise records `index` and
    /// returns `None`.
    fn find_or_insert(
        &mut self,
        tag: u32,
        index: usize,
        mut same: impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        let mut slot = (tag as usize).wrapping_mul(0x9E37_79B9) >> 7 & self.mask;
        loop {
            let entry = self.slots.get_mut(slot)?;
            if *entry == 0 {
                *entry = (u64::from(tag) << 32) | (index as u64 + 1);
                return None;
            }
            if (*entry >> 32) as u32 == tag {
                let earlier = (*entry & u64::from(u32::MAX)) as usize - 1;
                if same(earlier) {
                    return Some(earlier);
                }
            }
            slot = (slot + 1) & self.mask;
        }
    }
}

#[cfg(test)]
#[expect(clippy::indexing_slicing, reason = "a test fails by panicking")]
mod tests {
    use super::*;

    #[test]
    fn repeats_found_in_buckets_on_threads_are_those_a_map_finds() {
        // Names as numbers, every 1000th repeated later; the hash is the name scrambled.
        for count in [5_000, PARALLEL_REPEATS + 12_345] {
            let mut names: Vec<u64> = (0..count as u64).collect();
            for i in (0..count).step_by(1000).skip(1) {
                names[i] = names[i / 7];
            }
            // A third repeat of one name, and a run of one name.
            names[count - 2] = names[0];
            names[count - 3] = names[0];
            let scramble = |name: u64| name.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
            let mut hashes: Vec<u64> = names.iter().map(|&name| scramble(name)).collect();
            // Two hashes with the same bucket and tag but not equal are not repeats.
            hashes[count - 4] = hashes[3] ^ (1 << 40);
            let expected = find_plainly(&hashes);
            assert!(expected.len() > count / 1000, "{}", expected.len());
            assert!(expected.contains(&Duplicate {
                signer: count - 2,
                first: 0
            }));
            assert!(!expected.iter().any(|d| d.signer == count - 4));
            assert_eq!(find(&hashes), expected, "{count} signers");
        }
    }

    #[test]
    fn names_that_shared_a_one_lane_hash_do_not_share_this_one() {
        let colorado = State::from_code("CO").unwrap_or(State::UNKNOWN);
        let mut scratch = String::new();
        assert_ne!(
            name_hash("Ryan Allen", colorado, &mut scratch),
            name_hash("Ryan Martin", colorado, &mut scratch)
        );
    }

    #[test]
    fn a_plain_name_hashes_as_its_fold_does() {
        let mut names: Vec<String> = Vec::new();
        // Every ASCII character at every place of names of every length around a word.
        for length in 0..20 {
            for byte in 0..=0x7Fu8 {
                for at in 0..length {
                    let mut name = vec![b'm'; length];
                    if let Some(place) = name.get_mut(at) {
                        *place = byte;
                    }
                    names.extend(String::from_utf8(name).ok());
                }
            }
        }
        names.extend(
            [
                "Ann LEE",
                "O`Brien",
                "Zoë Roberts",
                "ÀZ",
                "@[`{",
                "Nguyễn Văn",
            ]
            .map(String::from),
        );
        for name in names {
            for state in [State::UNKNOWN, State::parse("NJ").unwrap_or(State::UNKNOWN)] {
                let folded = crate::text::fold(&name);
                let expected = fold_hash(folded.as_bytes(), state);
                assert_eq!(
                    name_hash(&name, state, &mut String::new()),
                    expected,
                    "{name:?}"
                );
                let plain = name.is_ascii() && !name.contains('`');
                assert_eq!(
                    plain_name_hash(name.as_bytes(), state).is_some(),
                    plain,
                    "{name:?}"
                );
            }
        }
    }
}
