//! Counting a letter's signers without keeping them: what `summary` needs from a big file.
//!
//! [`count_path`] reads the file with the streaming readers (the JSON signers on every
//! core), but hands each signer to a counter instead of the letter: the fields a summary
//! looks at are read borrowed from the file, party and state codes are normalised and
//! warned about by the same [`Normaliser`] in the same order, a name search folds the
//! name only when there is a search, and each signer that passes the search is counted
//! once in an array by party, state, chamber and role. The other filters are applied to
//! that array at the end, which is the same as applying them to each signer.
//!
//! Possible duplicates are found as the full loader finds them, from each signer's hash
//! of its folded name and state ([`super::duplicates`]), worked out on the reading
//! threads; no name is kept. For each signer the counter keeps the hash and where the
//! signer starts in the file (16 bytes), so that the names of the first few duplicates,
//! the ones the warning shows, can be read again there: a handful of reads, however many
//! names repeat.
//!
//! Whenever anything is unusual (an error in the file, bytes that are not UTF-8, a pipe,
//! a cut between signers that was not one), [`count_path`] returns `None` and the caller
//! loads the file in full, which reports any error exactly as it always has.

use super::csv as csv_reader;
use super::duplicates::{self, DUPLICATE_EXAMPLES, Duplicate, fold_hash, name_hash};
use super::json_parallel::{self, Place};
use super::json_stream;
use super::normalise::Normaliser;
use super::streaming::{self, Opened};
use super::{SourceFormat, Warning};
use crate::analysis::{Filter, Tally};
use crate::model::{Chamber, Letter, Party, Role, State};
use std::path::Path;

mod csv_signers;
mod json_signers;
mod reread;

use csv_signers::{CsvPieces, CsvRead, Row};
use reread::Reread;

/// A letter's counts, read without keeping its signers.
#[derive(Clone, Debug)]
pub struct Counted {
    /// The letter without its signers: what it says, its demands and its party codes.
    pub letter: Letter,
    /// The signers the filter lets through, counted as [`crate::analysis::select`] counts.
    pub tally: Tally,
    /// What the full loader would have warned about, in the same order.
    pub warnings: Vec<Warning>,
    /// The signers with the same name and state as an earlier one, as the full loader
    /// finds them.
    pub duplicates: Vec<Duplicate>,
    /// The names of the first few of those ([`DUPLICATE_EXAMPLES`]), read again from the
    /// file, for [`super::describe_duplicates`].
    pub duplicate_names: Vec<String>,
    /// What kind of file it was.
    pub format: SourceFormat,
}

/// Counts the signers of the letter at `path` that `filter` lets through, reading the
/// file a few megabytes at a time and keeping no signer. The tally, the letter's other
/// parts and the warnings are those [`super::load_path`] and [`crate::analysis::select`]
/// give; `None` when the file needs the full loader (anything unusual, errors included).
///
/// ```
/// use signer_dashboard::analysis::{Filter, select};
/// use signer_dashboard::load;
///
/// let path = std::env::temp_dir().join("count-path-doc.json");
/// std::fs::write(&path, load::SAMPLE_JSON).unwrap();
/// let filter = Filter::default();
/// let counted = load::count_path(&path, &filter).unwrap();
/// let loaded = load::load_path(&path).unwrap();
/// assert_eq!(counted.tally, select(&loaded.letter, &filter, None).tally);
/// assert_eq!(counted.warnings, loaded.warnings);
/// assert_eq!(counted.duplicates, loaded.duplicates);
/// ```
pub fn count_path(path: &Path, filter: &Filter) -> Option<Counted> {
    let Opened {
        mut chunks,
        format,
        bytes,
    } = streaming::open(path, None).ok()?;
    let mut counts = Counts::new(Search::new(filter));
    let mut warnings = Vec::new();
    let letter = match format {
        SourceFormat::Json => {
            let piece_bytes = json_parallel::worth_it(bytes).then_some(COUNT_PIECE_BYTES);
            json_stream::parse_into(&mut chunks, None, piece_bytes, &mut warnings, &mut counts)
                .ok()?
        }
        SourceFormat::Csv => match CsvPieces::start(path, &mut chunks, bytes, &counts.search) {
            Some((pieces, first_line)) => {
                let mut normaliser = Normaliser::new(&mut warnings);
                let mut take = |read: CsvRead, place: Place| {
                    counts.take_row(read, &mut normaliser, place);
                };
                let rest = json_parallel::read(
                    &mut chunks,
                    &pieces,
                    first_line,
                    None,
                    CSV_PIECE_BYTES,
                    &mut take,
                )
                .ok()?;
                if rest.is_some() {
                    return None;
                }
                csv_reader::table_letter(path, normaliser.parties)
            }
            None => {
                let table_start = chunks.offset();
                let mut row = Row::default();
                let letter = csv_reader::parse_into(
                    path,
                    &mut chunks,
                    &mut warnings,
                    &mut row,
                    |row, offset| counts.count_row(row, table_start + offset),
                );
                letter.ok()?
            }
        },
    };
    let duplicates = duplicates::find(&counts.hashes);
    let mut reread = Reread::new(path, format);
    let duplicate_names = duplicates
        .iter()
        .take(DUPLICATE_EXAMPLES)
        .map(|duplicate| {
            let before = counts.offsets.get(duplicate.signer / OFFSET_STRIDE)?;
            reread
                .read(*before, duplicate.signer % OFFSET_STRIDE)
                .map(|again| again.name)
        })
        .collect::<Option<Vec<String>>>()?;
    let tally = counts.tally(&letter, filter);
    Some(Counted {
        letter,
        tally,
        warnings,
        duplicates,
        duplicate_names,
        format,
    })
}

/// How big a piece of JSON signers a worker thread counts at a time: small enough that
/// the text is still in the core's cache when it is read after its UTF-8 check.
#[cfg(not(fuzzing))]
const COUNT_PIECE_BYTES: usize = 1 << 17;
/// Under the fuzzer, small, as [`json_parallel::PIECE_BYTES`] is.
#[cfg(fuzzing)]
const COUNT_PIECE_BYTES: usize = 256;

/// How big a piece of a CSV table a worker thread counts at a time. Each worker keeps its
/// row splitter from piece to piece, so a small piece costs little; and the pieces in
/// flight, with what was read from them, are most of what `summary` holds beside its
/// counts: at 2 MB a piece that was 0.9 times a million-row table, at 256 KB it is 0.46.
#[cfg(not(fuzzing))]
const CSV_PIECE_BYTES: usize = 1 << 18;
/// Under the fuzzer, small, as [`json_parallel::PIECE_BYTES`] is.
#[cfg(fuzzing)]
const CSV_PIECE_BYTES: usize = 256;

/// A name search as [`crate::analysis::SearchIndex`] runs it: the folded query, found
/// anywhere in the folded name.
#[derive(Clone)]
struct Search {
    /// `None` when there is no search: every signer passes.
    finder: Option<memchr::memmem::Finder<'static>>,
    /// A query that folds to text with a line break matches no name.
    matches_nothing: bool,
}

impl Search {
    fn new(filter: &Filter) -> Search {
        let query = filter.search.trim();
        if query.is_empty() {
            return Search {
                finder: None,
                matches_nothing: false,
            };
        }
        let needle = crate::text::fold(query);
        Search {
            matches_nothing: needle.contains('\n'),
            finder: Some(memchr::memmem::Finder::new(needle.as_bytes()).into_owned()),
        }
    }

    fn matches(&self, folded_name: &str) -> bool {
        match &self.finder {
            None => true,
            Some(_) if self.matches_nothing => false,
            Some(finder) => finder.find(folded_name.as_bytes()).is_some(),
        }
    }
}

/// Parties a count array has room for: every id a [`Party`] can have.
const PARTY_SLOTS: usize = 256;
/// Chamber slots (House, Senate, not given) times roles.
const CHAMBER_ROLE_SLOTS: usize = 3 * 2;

/// The counter: signers by party, state, chamber and role, and what the duplicate check
/// needs of each signer.
struct Counts {
    /// By party, then state slot, then chamber slot, then role.
    cells: Vec<u32>,
    /// Each signer's hash of its folded name and state.
    hashes: Vec<u64>,
    /// Where every [`OFFSET_STRIDE`]th signer starts in the file (signers 0, 64, 128 …):
    /// enough to find any signer again by reading on from the one before it.
    offsets: Vec<u64>,
    search: Search,
    /// The folded name of the signer being counted.
    scratch: String,
}

impl Counts {
    fn new(search: Search) -> Counts {
        Counts {
            cells: vec![0; PARTY_SLOTS * State::SLOTS * CHAMBER_ROLE_SLOTS],
            hashes: Vec::new(),
            offsets: Vec::new(),
            search,
            scratch: String::new(),
        }
    }

    /// Counts a signer whose name is folded in `folded` (when `is_hit`), and keeps its
    /// hash and where it starts.
    fn record(&mut self, signer: Codes, hash: u64, is_hit: bool, offset: u64) {
        if is_hit {
            let cell = ((signer.party.index() * State::SLOTS + signer.state.index()) * 3
                + chamber_slot(signer.chamber))
                * 2
                + signer.role.index();
            if let Some(n) = self.cells.get_mut(cell) {
                *n += 1;
            }
        }
        if self.hashes.len().is_multiple_of(OFFSET_STRIDE) {
            self.offsets.push(offset);
        }
        self.hashes.push(hash);
    }

    /// The tally of the signers `filter` lets through, as [`crate::analysis::select`]
    /// would count them in `letter` with its signers (the search was applied as they
    /// were read).
    fn tally(&self, letter: &Letter, filter: &Filter) -> Tally {
        crate::analysis::tally_cells(letter, filter, &self.cells)
    }
}

/// A signer's hash for the duplicate check and whether the search finds its name, folding
/// the name into `scratch`.
fn hash_and_search(name: &str, state: State, search: &Search, scratch: &mut String) -> (u64, bool) {
    if search.finder.is_none() {
        return (name_hash(name, state, scratch), true);
    }
    scratch.clear();
    crate::text::fold_into(name, scratch);
    (
        fold_hash(scratch.as_bytes(), state),
        search.matches(scratch),
    )
}

/// House, Senate, not given: a signer's chamber as a slot of a count array.
fn chamber_slot(chamber: Option<Chamber>) -> usize {
    match chamber {
        Some(Chamber::House) => 0,
        Some(Chamber::Senate) => 1,
        None => 2,
    }
}

/// What the count needs of a signer once its party and state are normalised.
#[derive(Clone, Copy)]
struct Codes {
    party: Party,
    state: State,
    chamber: Option<Chamber>,
    role: Role,
}

impl Default for Codes {
    fn default() -> Self {
        Codes {
            party: Party::UNKNOWN,
            state: State::UNKNOWN,
            chamber: None,
            role: Role::Cosigner,
        }
    }
}

/// How many signers apart the counter keeps where signers start: a duplicate's name is
/// read again from the kept place before it, at most this many signers on.
const OFFSET_STRIDE: usize = 64;
