//! Turning fields as people write them into the model's codes, shared by both readers.

use super::Warning;
use super::words::{HIGHS, splat, words, zero_bytes};
use crate::model::{
    Extra, Interned, Letter, Party, PartyTable, Signer, State, UNRECOGNISED_STATE_KEY,
};

/// Reads the coded fields of signers and remembers what it has already warned about.
pub(super) struct Normaliser<'a> {
    pub parties: PartyTable,
    pub warnings: &'a mut Vec<Warning>,
    warned_parties: Vec<Party>,
}

impl<'a> Normaliser<'a> {
    pub fn new(warnings: &'a mut Vec<Warning>) -> Self {
        Normaliser {
            parties: PartyTable::default(),
            warnings,
            warned_parties: Vec::new(),
        }
    }

    /// The party of `text`; a code other than D, R or I is kept and warned about once.
    pub fn party(&mut self, text: &str, location: impl FnOnce() -> String, signer: usize) -> Party {
        match self.parties.intern(text) {
            Interned::Known(party) => party,
            Interned::Other(party) => {
                if !self.warned_parties.contains(&party) {
                    self.warned_parties.push(party);
                    self.warnings.push(Warning {
                        location: location(),
                        message: format!(
                            "party \"{}\" is not D, R or I; its signers are counted under \"{}\"",
                            text.trim(),
                            self.parties.code(party)
                        ),
                        signer: Some(signer),
                    });
                }
                party
            }
            Interned::Full => {
                self.warnings.push(Warning {
                    location: location(),
                    message: format!(
                        "too many different party codes; \"{}\" is counted under \"?\"",
                        text.trim()
                    ),
                    signer: Some(signer),
                });
                Party::UNKNOWN
            }
        }
    }

    /// The state of `text`; one the app does not recognise is kept in `extra` (so saving writes
    /// it back), counted under unknown and warned about.
    pub fn state(
        &mut self,
        text: &str,
        extra: &mut Option<Box<Extra>>,
        location: impl FnOnce() -> String,
        signer: usize,
    ) -> State {
        if crate::text::trim(text).is_empty() {
            return State::UNKNOWN;
        }
        if let Some(state) = State::parse(text) {
            return state;
        }
        extra
            .get_or_insert_with(Box::default)
            .insert(UNRECOGNISED_STATE_KEY.into(), text.into());
        self.warnings.push(Warning {
            location: location(),
            message: format!("unknown state \"{}\"; counted under unknown", text.trim()),
            signer: Some(signer),
        });
        State::UNKNOWN
    }
}

/// A party that needs no table and never warns, read as [`PartyTable::intern`] reads it: a
/// form of D, R or I, or blank. `None` for a code [`Normaliser::party`] must intern.
pub(super) fn party_without_table(text: &str) -> Option<Party> {
    match text {
        // The usual codes first: a big letter asks this once per signer.
        "D" => Some(Party::D),
        "R" => Some(Party::R),
        "I" => Some(Party::I),
        _ => crate::model::normalise_known(crate::text::trim(text).trim_end_matches('.')),
    }
}

/// A state that never warns, read as [`Normaliser::state`] reads it: a recognised one, or
/// unknown for a blank. `None` for a state [`Normaliser::state`] must warn about.
pub(super) fn state_without_warning(text: &str) -> Option<State> {
    if crate::text::trim(text).is_empty() {
        return Some(State::UNKNOWN);
    }
    State::parse(text)
}

/// Settles a party or state as written (`None` for null) where that needs no normaliser:
/// puts the code `quick` reads into `code`, or gives back the text for the normaliser,
/// which may intern it or warn, in file order.
pub(super) fn settle<T>(
    text: Option<std::borrow::Cow<'_, str>>,
    quick: impl FnOnce(&str) -> Option<T>,
    code: &mut T,
) -> Option<String> {
    let text = text?;
    match quick(&text) {
        Some(settled) => {
            *code = settled;
            None
        }
        None => Some(text.into_owned()),
    }
}

/// A district as written in a CSV cell or a JSON string: digits, or "AL"/"at-large" for 0.
pub(super) fn parse_district(text: &str) -> Result<Option<u8>, ()> {
    let text = crate::text::trim(text);
    // One or two digits, the usual district, read at once: a big table has one per row.
    match *text.as_bytes() {
        [] => return Ok(None),
        [d] if d.is_ascii_digit() => return Ok(Some(d - b'0')),
        [d1, d2] if d1.is_ascii_digit() && d2.is_ascii_digit() => {
            return Ok(Some((d1 - b'0') * 10 + (d2 - b'0')));
        }
        _ => {}
    }
    if ["al", "at-large", "at large", "atlarge", "delegate"]
        .iter()
        .any(|form| form.eq_ignore_ascii_case(text))
    {
        return Ok(Some(0));
    }
    district_from_number(text.parse::<i64>().map_err(|_| ())?).map(Some)
}

/// The district, if `number` can be one (0 to 99).
pub(super) fn district_from_number(number: i64) -> Result<u8, ()> {
    u8::try_from(number).ok().filter(|d| *d < 100).ok_or(())
}

/// What the readers say a district must be.
pub(super) const DISTRICT_EXPECTED: &str =
    "a district number from 0 to 99 (0 = at-large or delegate)";

/// Warns about signers listed more than once: the same name (ignoring case) in the same state.
///
/// A million signers make this the slowest step of a load if done the plain way (a map
/// from folded name to signer, with a string per signer, probed at random). Instead each
/// name is folded into one reused buffer and hashed; the hashes are sorted into
/// [`BUCKETS`] buckets by their top bits, keeping file order within each; and each bucket,
/// small enough to stay in cache, is checked with its own little table. Two signers with
/// equal hashes are the same only if their folded names and states are equal too, which
/// is checked by folding both again (rare: true duplicates and hash collisions).
pub(super) fn warn_duplicates(letter: &Letter, warnings: &mut Vec<Warning>) {
    let mut folded = String::new();
    let hashes = letter
        .signers
        .iter()
        .map(|signer| name_hash(&signer.name, signer.state, &mut folded))
        .collect();
    warn_duplicates_hashed(letter, hashes, warnings);
}

/// The hash [`warn_duplicates`] files a signer under, folding into `scratch`.
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

/// [`warn_duplicates`] with each signer's [`name_hash`] already worked out (by the threads
/// that read the signers).
pub(super) fn warn_duplicates_hashed(
    letter: &Letter,
    hashes: Vec<u64>,
    warnings: &mut Vec<Warning>,
) {
    let signers = &letter.signers;
    if hashes.len() != signers.len() {
        return warn_duplicates(letter, warnings);
    }
    let mut folded = String::new();
    let mut other = String::new();
    let repeats = find_repeats_quickly(&hashes, |index, earlier| {
        let (Some(signer), Some(earlier)) = (signers.get(index), signers.get(earlier)) else {
            return false;
        };
        earlier.state == signer.state && {
            folded.clear();
            crate::text::fold_into(&signer.name, &mut folded);
            other.clear();
            crate::text::fold_into(&earlier.name, &mut other);
            other == folded
        }
    });
    drop(hashes);
    let Some(repeats) = repeats else {
        return warn_duplicates_plainly(letter, warnings);
    };
    for (index, first) in repeats {
        let Some(signer) = signers.get(index) else {
            continue;
        };
        warnings.push(duplicate_warning(index, &signer.name, first));
    }
}

/// The signers listed before, as `(signer, first signer with the same name and state)`
/// in file order, given each signer's [`name_hash`]: `same(signer, earlier)` says whether
/// two signers with equal hashes really are the same (rare: true duplicates and hash
/// collisions). `None` for a letter too long for 32-bit positions.
fn find_repeats(
    hashes: &[u64],
    same: impl FnMut(usize, usize) -> bool,
) -> Option<Vec<(usize, usize)>> {
    let mut repeats = repeats_in_buckets(hashes, 0..BUCKETS, same)?;
    repeats.sort_unstable();
    Some(repeats)
}

/// [`find_repeats`], on every core for a big letter: the signers whose whole 64-bit hash
/// was seen before are found first, half of the buckets on each thread; then `same`
/// confirms each. If one is not the same (two names with one hash, or `same` unable to
/// tell), the check is made again with `same` throughout, on one thread, which gives
/// what [`find_repeats`] gives.
pub(super) fn find_repeats_quickly(
    hashes: &[u64],
    mut same: impl FnMut(usize, usize) -> bool,
) -> Option<Vec<(usize, usize)>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if hashes.len() < PARALLEL_REPEATS || threads < 2 {
        return find_repeats(hashes, same);
    }
    let same_hash = |index: usize, earlier: usize| hashes.get(index) == hashes.get(earlier);
    let parts: Vec<Option<Vec<(usize, usize)>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|part| {
                let buckets = BUCKETS * part / threads..BUCKETS * (part + 1) / threads;
                scope.spawn(move || repeats_in_buckets(hashes, buckets, same_hash))
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().ok().flatten())
            .collect()
    });
    let mut candidates = Vec::new();
    for part in parts {
        candidates.extend(part?);
    }
    candidates.sort_unstable();
    if candidates.iter().all(|&(index, first)| same(index, first)) {
        Some(candidates)
    } else {
        find_repeats(hashes, same)
    }
}

/// From how many signers [`find_repeats_quickly`] uses more than one thread.
#[cfg(not(fuzzing))]
const PARALLEL_REPEATS: usize = 1 << 18;
/// Under the fuzzer, few enough that its inputs reach the threads.
#[cfg(fuzzing)]
const PARALLEL_REPEATS: usize = 64;

/// [`find_repeats`] in the buckets `buckets` only, in no particular order.
fn repeats_in_buckets(
    hashes: &[u64],
    buckets: std::ops::Range<usize>,
    mut same: impl FnMut(usize, usize) -> bool,
) -> Option<Vec<(usize, usize)>> {
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
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    let mut table = FirstSeen::default();
    for window in starts.windows(2) {
        let [from, to] = *window else { continue };
        let Some(bucket) = entries.get(from..to) else {
            continue;
        };
        table.reset(bucket.len());
        for entry in bucket {
            let (tag, index) = ((entry >> 32) as u32, (entry & u64::from(u32::MAX)) as usize);
            if let Some(first) = table.find_or_insert(tag, index, |earlier| same(index, earlier)) {
                repeats.push((index, first));
            }
        }
    }
    Some(repeats)
}

/// [`warn_duplicates`] for a letter too long for 32-bit positions.
fn warn_duplicates_plainly(letter: &Letter, warnings: &mut Vec<Warning>) {
    let mut seen: std::collections::HashMap<(String, State), usize> =
        std::collections::HashMap::new();
    for (index, signer) in letter.signers.iter().enumerate() {
        let key = (crate::text::fold(&signer.name), signer.state);
        match seen.entry(key) {
            std::collections::hash_map::Entry::Occupied(first) => {
                warnings.push(duplicate_warning(index, &signer.name, *first.get()));
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(index);
            }
        }
    }
}

pub(super) fn duplicate_warning(index: usize, name: &str, first: usize) -> Warning {
    Warning {
        location: signer_location(index, name),
        message: format!("listed twice: the same name and state as signers[{first}]"),
        signer: Some(index),
    }
}

/// How many buckets [`warn_duplicates`] sorts hashes into: about a thousand signers each
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
fn hash_words(text: &[u8], state: State, mut word: impl FnMut(u64) -> u64) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut hash = (state.index() as u64 + 1).wrapping_mul(K);
    let mut all = words(text);
    // The last word, padded, is mixed in with the length below.
    let mut last = all.next().unwrap_or(0);
    for next in all {
        hash = (hash ^ word(last)).wrapping_mul(K).rotate_left(26);
        last = next;
    }
    let last = word(last);
    hash = (hash ^ last ^ text.len() as u64).wrapping_mul(K);
    // Mix the strong high bits back down: buckets take the top bits, tags the low ones.
    hash ^ (hash >> 32)
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

/// `signers[3] "Jane Doe"`: how warnings name a signer.
pub(super) fn signer_location(index: usize, name: &str) -> String {
    if name.is_empty() {
        format!("signers[{index}]")
    } else {
        format!("signers[{index}] \"{name}\"")
    }
}

/// A signer with nothing but a name, for the readers to fill in.
pub(super) fn blank_signer() -> Signer {
    Signer::new("", Party::UNKNOWN, State::UNKNOWN)
}

#[cfg(test)]
#[expect(clippy::indexing_slicing, reason = "a test fails by panicking")]
mod tests {
    use super::*;

    #[test]
    fn districts_read_at_once_read_as_numbers_do() {
        let by_number = |text: &str| {
            let text = text.trim();
            if text.is_empty() {
                Ok(None)
            } else if text.eq_ignore_ascii_case("al") {
                Ok(Some(0))
            } else {
                district_from_number(text.parse::<i64>().map_err(|_| ())?).map(Some)
            }
        };
        let symbols = ["", "0", "1", "7", "9", "a", "L", " ", "-", "+", "٣"];
        for a in symbols {
            for b in symbols {
                for c in symbols {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(parse_district(&text), by_number(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn repeats_found_on_threads_are_those_found_on_one() {
        // Names as numbers, every 1000th repeated later; the hash is the name scrambled.
        let count = PARALLEL_REPEATS + 12_345;
        let mut names: Vec<u64> = (0..count as u64).collect();
        for i in (0..count).step_by(1000).skip(1) {
            names[i] = names[i / 7];
        }
        let scramble = |name: u64| name.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
        let hashes: Vec<u64> = names.iter().map(|&name| scramble(name)).collect();
        let same = |index: usize, earlier: usize| names[index] == names[earlier];
        let expected = find_repeats(&hashes, same);
        assert!(
            expected.as_ref().is_some_and(|r| r.len() > 200),
            "{expected:?}"
        );
        assert_eq!(find_repeats_quickly(&hashes, same), expected);
        // Two different names with one hash: found by hash, not confirmed, checked again.
        let mut colliding = hashes.clone();
        colliding[count - 1] = colliding[5];
        let expected = find_repeats(&colliding, same);
        assert_eq!(find_repeats_quickly(&colliding, same), expected);
        assert!(expected.is_some_and(|r| !r.iter().any(|&(index, _)| index == count - 1)));
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
