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

use super::chunks::Chunks;
use super::csv::{self as csv_reader, CsvRow, Table};
use super::csv_rows::RowSplitter;
use super::duplicates::{self, DUPLICATE_EXAMPLES, Duplicate, fold_hash, name_hash};
use super::json::{SignerFields, SignerVisitor, Text};
use super::json_fast::{self, QuickSigner};
use super::json_parallel::{self, End, PieceReader, Place};
use super::json_stream;
use super::json_value::{DEPTH_LIMIT, Parsed, value};
use super::normalise::{
    Normaliser, party_without_table, settle, signer_location, state_without_warning,
};
use super::sink::{SignerReader, SignerSink};
use super::streaming::{self, Opened};
use super::{SourceFormat, UTF8_BOM, Warning};
use crate::analysis::{Filter, Tally};
use crate::model::{Chamber, Date, Extra, Letter, Party, Role, State};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::marker::PhantomData;
use std::path::Path;

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

    /// Counts the CSV signer in `row`, whose record starts at `offset` in the file.
    fn count_row(&mut self, row: &mut Row, offset: u64) {
        let (hash, is_hit) =
            hash_and_search(&row.name, row.codes.state, &self.search, &mut self.scratch);
        self.record(row.codes, hash, is_hit, offset);
    }

    /// Counts a CSV signer read on a worker thread, settling what it left to the normaliser.
    fn take_row(&mut self, read: CsvRead, normaliser: &mut Normaliser<'_>, place: Place) {
        let index = self.hashes.len();
        let mut codes = read.codes;
        let line = place.line;
        let location = || format!("line {line}");
        for (cell, value) in read.deferred.iter().flat_map(|cells| cells.iter()) {
            match cell {
                Cell::Party => codes.party = normaliser.party(value, location, index),
                Cell::State => {
                    normaliser.state(value, &mut None, location, index);
                }
            }
        }
        self.record(codes, read.hash, read.is_hit, place.offset);
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

/// A CSV signer as the counter reads it: its name in a reused buffer and its codes.
#[derive(Clone, Default)]
struct Row {
    name: String,
    codes: Codes,
    /// On a worker thread: leave what the normaliser must settle (a party code to intern,
    /// a state to warn about) in `deferred`, for when the rows are taken in file order.
    is_deferring: bool,
    deferred: Vec<(Cell, String)>,
}

/// A party or a state cell.
#[derive(Clone, Copy)]
enum Cell {
    Party,
    State,
}

impl Row {
    fn defer(&mut self, cell: Cell, value: &str) {
        self.deferred.push((cell, value.to_owned()));
    }
}

impl CsvRow for Row {
    fn begin(&mut self) {
        self.name.clear();
        self.codes = Codes::default();
        self.deferred.clear();
    }
    fn name(&mut self, value: &str) {
        self.name.clear();
        self.name.push_str(value);
    }
    fn party(&mut self, value: &str, normalise: impl FnOnce(&str) -> Party) {
        match party_without_table(value) {
            Some(party) => self.codes.party = party,
            None if self.is_deferring => self.defer(Cell::Party, value),
            None => self.codes.party = normalise(value),
        }
    }
    fn state(
        &mut self,
        value: &str,
        normalise: impl FnOnce(&str, &mut Option<Box<Extra>>) -> State,
    ) {
        match state_without_warning(value) {
            Some(state) => self.codes.state = state,
            None if self.is_deferring => {
                self.codes.state = State::UNKNOWN;
                self.defer(Cell::State, value);
            }
            None => self.codes.state = normalise(value, &mut None),
        }
    }
    fn chamber(&mut self, chamber: Chamber) {
        self.codes.chamber = Some(chamber);
    }
    fn district(&mut self, _: Option<u8>) {}
    fn role(&mut self, role: Role) {
        self.codes.role = role;
    }
    fn bioguide(&mut self, _: &str) {}
    fn signed_on(&mut self, _: Date) {}
    fn note(&mut self, _: &str) {}
    fn other(&mut self, _: &str, _: &str) {}
    fn has_name(&self) -> bool {
        !self.name.is_empty()
    }
}

/// A JSON signer as the counter reads it: the fields it needs, borrowed from the file,
/// and every other field checked as the full reader checks it, but not kept.
struct Fields<'de> {
    name: Cow<'de, str>,
    party: Option<Cow<'de, str>>,
    state: Option<Cow<'de, str>>,
    chamber: Option<Chamber>,
    role: Role,
    /// How deeply the fields the app does not know nest.
    deepest: usize,
}

impl Default for Fields<'_> {
    fn default() -> Self {
        Fields {
            name: Cow::Borrowed(""),
            party: None,
            state: None,
            chamber: None,
            role: Role::Cosigner,
            deepest: 0,
        }
    }
}

impl<'t> From<QuickSigner<'t>> for Fields<'t> {
    fn from(quick: QuickSigner<'t>) -> Self {
        Fields {
            name: Cow::Borrowed(quick.name),
            party: quick.party.map(Cow::Borrowed),
            state: quick.state.map(Cow::Borrowed),
            chamber: quick.chamber,
            role: quick.role,
            deepest: 0,
        }
    }
}

impl<'de> de::Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(SignerVisitor(PhantomData))
    }
}

impl<'de> SignerFields<'de> for Fields<'de> {
    fn name(&mut self, name: Cow<'de, str>) {
        self.name = name;
    }
    fn party(&mut self, text: Option<Cow<'de, str>>) {
        self.party = text;
    }
    fn state(&mut self, text: Option<Cow<'de, str>>) {
        self.state = text;
    }
    fn chamber(&mut self, chamber: Option<Chamber>) {
        self.chamber = chamber;
    }
    fn district(&mut self, _: Option<u8>) {}
    fn role(&mut self, role: Role) {
        self.role = role;
    }
    fn bioguide(&mut self, _: Text<'de>) {}
    fn signed_on(&mut self, _: Option<Date>) {}
    fn note(&mut self, _: Text<'de>) {}
    fn other<A: MapAccess<'de>>(&mut self, _: Cow<'de, str>, map: &mut A) -> Result<(), A::Error> {
        let Depth(depth) = map.next_value()?;
        self.deepest = self.deepest.max(depth);
        Ok(())
    }
}

/// Any JSON value, read as `serde_json::Value` reads it (numbers and strings checked the
/// same way) but not kept: only how deeply it nests, as [`super::json::value_depth`]
/// measures it.
struct Depth(usize);

impl<'de> de::Deserialize<'de> for Depth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DepthVisitor;
        impl<'de> Visitor<'de> for DepthVisitor {
            type Value = Depth;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any valid JSON value")
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Depth, E> {
                Ok(Depth(0))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Depth, E> {
                Ok(Depth(0))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Depth, E> {
                Ok(Depth(0))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Depth, E> {
                Ok(Depth(0))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Depth, E> {
                Ok(Depth(0))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Depth, E> {
                Ok(Depth(0))
            }
            fn visit_none<E: de::Error>(self) -> Result<Depth, E> {
                Ok(Depth(0))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Depth, A::Error> {
                let mut deepest = 0;
                while let Some(Depth(depth)) = seq.next_element()? {
                    deepest = deepest.max(depth);
                }
                Ok(Depth(deepest + 1))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Depth, A::Error> {
                let mut deepest = 0;
                while let Some((super::json::Key(_), Depth(depth))) = map.next_entry()? {
                    deepest = deepest.max(depth);
                }
                Ok(Depth(deepest + 1))
            }
        }
        deserializer.deserialize_any(DepthVisitor)
    }
}

/// A JSON signer read on a worker thread.
struct CountRead {
    codes: Codes,
    hash: u64,
    is_hit: bool,
    /// What only the normaliser can settle, in file order; `None` for the usual signer.
    pending: Option<Box<Pending>>,
}

/// A party or state that the letter's normaliser must intern or warn about, with the name
/// its warning gives.
struct Pending {
    name: String,
    party_text: Option<String>,
    state_text: Option<String>,
}

/// Reads JSON signers for the counter, on any thread.
#[derive(Clone)]
struct CountReader {
    search: Search,
    scratch: String,
}

impl SignerReader for CountReader {
    type Read = CountRead;
    fn read(&mut self, text: &str, at_eof: bool) -> Parsed<CountRead> {
        let (fields, used) = match json_fast::signer(text) {
            Some((quick, used)) => (Fields::from(quick), used),
            None => match value::<Fields>(text, at_eof) {
                Parsed::Value(fields, _) if fields.deepest > DEPTH_LIMIT => return Parsed::Failed,
                Parsed::Value(fields, used) => (fields, used),
                Parsed::NeedsMore => return Parsed::NeedsMore,
                Parsed::Failed => return Parsed::Failed,
            },
        };
        let mut codes = Codes {
            chamber: fields.chamber,
            role: fields.role,
            ..Codes::default()
        };
        // As `RawSigner::prepare` reads them: what needs no table and no warning now.
        let party_text = settle(fields.party, party_without_table, &mut codes.party);
        let state_text = settle(fields.state, state_without_warning, &mut codes.state);
        let (hash, is_hit) =
            hash_and_search(&fields.name, codes.state, &self.search, &mut self.scratch);
        let pending = (party_text.is_some() || state_text.is_some()).then(|| {
            Box::new(Pending {
                name: fields.name.into_owned(),
                party_text,
                state_text,
            })
        });
        Parsed::Value(
            CountRead {
                codes,
                hash,
                is_hit,
                pending,
            },
            used,
        )
    }
}

impl SignerSink for Counts {
    type Reader = CountReader;
    fn reader(&self) -> CountReader {
        CountReader {
            search: self.search.clone(),
            scratch: String::new(),
        }
    }
    fn restart(&mut self) {
        self.cells.fill(0);
        self.hashes.clear();
        self.offsets.clear();
    }
    fn take(&mut self, read: CountRead, normaliser: &mut Normaliser<'_>, offset: u64) {
        let index = self.hashes.len();
        let mut codes = read.codes;
        if let Some(pending) = read.pending {
            let location = || signer_location(index, &pending.name);
            if let Some(text) = &pending.party_text {
                codes.party = normaliser.party(text, location, index);
            }
            if let Some(text) = &pending.state_text {
                codes.state = normaliser.state(text, &mut None, location, index);
            }
        }
        self.record(codes, read.hash, read.is_hit, offset);
    }
    fn len(&self) -> usize {
        self.hashes.len()
    }
}

/// A CSV signer read on a worker thread.
struct CsvRead {
    codes: Codes,
    hash: u64,
    is_hit: bool,
    /// The party and state cells the normaliser must settle, in column order; `None` for
    /// the usual row.
    deferred: Option<Box<[(Cell, String)]>>,
}

/// Reads the rows of a big CSV table on worker threads, in pieces cut between rows.
#[derive(Clone)]
struct CsvPieces<'p> {
    table: Table<'p>,
    splitter: RowSplitter,
    path: &'p Path,
    row: Row,
    search: Search,
    scratch: String,
}

impl<'p> CsvPieces<'p> {
    /// Reads the header row from the window and consumes it; returns the reader and the
    /// line the rows start on. `None` when the table is better read on one thread: a small
    /// file, a header row that does not fit in the window, or two party or state columns
    /// (whose cells the normaliser would have to settle in an order this reader does not
    /// keep).
    fn start<R: Read>(
        path: &'p Path,
        chunks: &mut Chunks<'_, R>,
        bytes: u64,
        search: &Search,
    ) -> Option<(Self, u64)> {
        if !json_parallel::worth_it(bytes) {
            return None;
        }
        let window = chunks.window();
        let mut reader = csv_reader::reader_for(path, true).from_reader(window);
        let table = Table::new(path, reader.headers().ok()?).ok()?;
        let header_end = usize::try_from(reader.position().byte()).ok()?;
        if header_end >= window.len() || table.repeats_codes() {
            return None;
        }
        let first_line = 1 + memchr::memchr_iter(b'\n', window.get(..header_end)?).count() as u64;
        chunks.consume(header_end);
        let row = Row {
            is_deferring: true,
            ..Row::default()
        };
        let pieces = CsvPieces {
            splitter: RowSplitter::new(csv_reader::delimiter_for(path)),
            table,
            path,
            row,
            search: search.clone(),
            scratch: String::new(),
        };
        Some((pieces, first_line))
    }
}

impl PieceReader for CsvPieces<'_> {
    type Read = CsvRead;

    fn last_cut(&self, text: &[u8]) -> Option<usize> {
        last_row_start(text, self.table_delimiter())
    }

    fn lines(&self, text: &[u8]) -> u64 {
        memchr::memchr_iter(b'\n', text).count() as u64
    }

    fn read_piece(&mut self, text: &[u8], signers: &mut Vec<(CsvRead, Place)>) -> Option<End> {
        let text = simdutf8::basic::from_utf8(text).ok()?;
        let mut ignored = Vec::new();
        let mut normaliser = Normaliser::new(&mut ignored);
        let mut rows = self.splitter.rows(text);
        while let Some(found) = rows.next_row().ok()? {
            // As the table's `csv` reader checks each row against the header row.
            if found.cells.len() != self.table.width() {
                return None;
            }
            if found
                .cells
                .iter()
                .all(|cell| crate::text::trim(cell).is_empty())
            {
                continue;
            }
            let row = &mut self.row;
            let line = usize::try_from(found.line + 1).ok()?;
            self.table
                .read_cells(found.cells.iter(), line, &mut normaliser, 0, row)
                .ok()?;
            let (hash, is_hit) =
                hash_and_search(&row.name, row.codes.state, &self.search, &mut self.scratch);
            let deferred =
                (!row.deferred.is_empty()).then(|| row.deferred.clone().into_boxed_slice());
            let place = Place {
                offset: found.start as u64,
                line: found.line,
            };
            let read = CsvRead {
                codes: row.codes,
                hash,
                is_hit,
                deferred,
            };
            signers.push((read, place));
        }
        Some(End::BetweenSigners)
    }
}

impl CsvPieces<'_> {
    fn table_delimiter(&self) -> u8 {
        csv_reader::delimiter_for(self.path)
    }
}

/// Where the last row of `text` that follows a whole row starts: just after the last line
/// break outside quotes, where `text` starts at the start of a row. Quotes are followed
/// as the CSV reader reads them only while they are simple (a quoted field opens at the
/// start of a field and closes before a delimiter or a line end, with `""` inside); at any
/// other quote there is no cut, and the rest of the table is read as one piece.
fn last_row_start(text: &[u8], delimiter: u8) -> Option<usize> {
    let is_field_end =
        |b: Option<&u8>| matches!(b, Some(&b) if b == delimiter || b == b'\n' || b == b'\r');
    // The stretch after the last quoted field, where a cut may fall.
    let mut outside = 0;
    let mut outside_end = text.len();
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'"', text.get(at..)?) {
        let open = at + found;
        let is_field_start = open == 0 || is_field_end(text.get(open - 1));
        if !is_field_start {
            return None;
        }
        let mut inside = open + 1;
        let close = loop {
            let Some(found) = memchr::memchr(b'"', text.get(inside..)?) else {
                break None;
            };
            let quote = inside + found;
            match text.get(quote + 1) {
                Some(b'"') => inside = quote + 2,
                next if is_field_end(next) => break Some(quote),
                // A quote at the very end might be the first of `""`.
                None => break None,
                Some(_) => return None,
            }
        };
        let Some(close) = close else {
            // The text ends inside a quoted field: cut before it opened.
            outside_end = open;
            break;
        };
        outside = close + 1;
        at = close + 1;
    }
    let line_end = memchr::memrchr(b'\n', text.get(outside..outside_end)?)?;
    let cut = outside + line_end + 1;
    (cut < text.len()).then_some(cut)
}

/// A signer read again, to name it in a warning.
struct SignerAgain {
    name: String,
}

/// Reads signers again from the file, where the counter saw them start.
struct Reread<'p> {
    path: &'p Path,
    format: SourceFormat,
    file: Option<File>,
    /// The CSV table's header row, read again, and a reader of its rows.
    table: Option<(Table<'p>, csv::Reader<File>)>,
}

impl<'p> Reread<'p> {
    fn new(path: &'p Path, format: SourceFormat) -> Reread<'p> {
        Reread {
            path,
            format,
            file: None,
            table: None,
        }
    }

    /// The signer `skip` signers after the one that starts at `offset`.
    fn read(&mut self, offset: u64, skip: usize) -> Option<SignerAgain> {
        if self.file.is_none() {
            // Through the same door as the first read: the file may have changed since.
            let (file, _) = crate::input::open(self.path, crate::input::Limit::LETTER).ok()?;
            self.file = Some(file);
        }
        let file = self.file.as_mut()?;
        let name = match self.format {
            SourceFormat::Json => read_json_signer(file, offset, skip)?,
            SourceFormat::Csv => {
                if self.table.is_none() {
                    file.seek(SeekFrom::Start(0)).ok()?;
                    let mut start = [0u8; 3];
                    let skip = match file.read_exact(&mut start) {
                        Ok(()) if start == *UTF8_BOM => 3,
                        _ => 0,
                    };
                    file.seek(SeekFrom::Start(skip)).ok()?;
                    let mut reader = csv_reader::reader_for(self.path, false)
                        .from_reader(file.try_clone().ok()?);
                    let mut headers = csv::StringRecord::new();
                    if !reader.read_record(&mut headers).ok()? {
                        return None;
                    }
                    self.table = Some((Table::new(self.path, &headers).ok()?, reader));
                }
                let (table, reader) = self.table.as_mut()?;
                reader
                    .seek_raw(SeekFrom::Start(offset), csv::Position::new())
                    .ok()?;
                let mut record = csv::StringRecord::new();
                let mut skip = skip;
                loop {
                    if !reader.read_record(&mut record).ok()? {
                        return None;
                    }
                    // Blank rows are no signers, for the counter as for the loader.
                    if record.iter().all(|cell| crate::text::trim(cell).is_empty()) {
                        continue;
                    }
                    match skip.checked_sub(1) {
                        Some(left) => skip = left,
                        None => break,
                    }
                }
                let mut row = Row::default();
                let mut ignored = Vec::new();
                let mut normaliser = Normaliser::new(&mut ignored);
                table
                    .read_signer(&record, &mut normaliser, 0, &mut row)
                    .ok()?;
                row.name
            }
        };
        Some(SignerAgain { name })
    }
}

/// The name of the JSON signer `skip` signers after the one that starts at `offset`.
fn read_json_signer(file: &mut File, mut offset: u64, mut skip: usize) -> Option<String> {
    let mut most = 4096u64;
    loop {
        file.seek(SeekFrom::Start(offset)).ok()?;
        // Room made first, so that the signer is read at once, not 32 bytes and doubling.
        let mut bytes = Vec::with_capacity(usize::try_from(most).ok()?);
        file.by_ref().take(most).read_to_end(&mut bytes).ok()?;
        let at_eof = (bytes.len() as u64) < most;
        let text = match std::str::from_utf8(&bytes) {
            Ok(text) => text,
            Err(error) => std::str::from_utf8(bytes.get(..error.valid_up_to())?).ok()?,
        };
        // After the signer before: white space, the comma between them, white space.
        let is_space = |c: char| matches!(c, ' ' | '\n' | '\t' | '\r');
        let after_space = text.trim_start_matches(is_space);
        let after_comma = after_space.strip_prefix(',').unwrap_or(after_space);
        let start = text.len() - after_comma.trim_start_matches(is_space).len();
        match value::<Fields>(text.get(start..)?, at_eof) {
            Parsed::Value(fields, used) => match skip.checked_sub(1) {
                None => return Some(fields.name.into_owned()),
                Some(left) => {
                    skip = left;
                    offset += (start + used) as u64;
                    most = 4096;
                }
            },
            Parsed::NeedsMore if !at_eof => most = most.saturating_mul(4),
            Parsed::NeedsMore | Parsed::Failed => return None,
        }
    }
}

/// How many signers apart the counter keeps where signers start: a duplicate's name is
/// read again from the kept place before it, at most this many signers on.
const OFFSET_STRIDE: usize = 64;

#[cfg(test)]
#[expect(clippy::indexing_slicing, reason = "a test fails by panicking")]
mod tests {
    use super::*;

    /// The rows of `text` as the CSV reader reads them.
    fn rows(text: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text);
        let mut record = csv::ByteRecord::new();
        let mut rows = Vec::new();
        while reader.read_byte_record(&mut record).unwrap_or(false) {
            rows.push(record.iter().map(<[u8]>::to_vec).collect());
        }
        rows
    }

    #[test]
    fn tables_are_cut_only_where_a_row_starts() {
        let cells = [
            "a",
            "\"b,c\"",
            "\"d\ne\"",
            "\"\"\"f\"\"\"",
            "\"\"",
            "g\"h",
            "\"i\"j",
            "é",
            "\"k\r\nl\"",
        ];
        let mut cut_somewhere = 0;
        for first in 0..cells.len() {
            for second in 0..cells.len() {
                for end in ["\n", "\r\n", "\r"] {
                    let (a, b) = (cells[first], cells[second]);
                    let text = format!("{a},{b}{end}{b}{end}x,{a}{end}{a}{end}y{end}");
                    let bytes = text.as_bytes();
                    let whole = rows(bytes);
                    for length in 0..=bytes.len() {
                        let Some(cut) = last_row_start(&bytes[..length], b',') else {
                            continue;
                        };
                        cut_somewhere += 1;
                        assert!(cut < length, "{text:?} cut at {cut} of {length}");
                        // Read in two pieces, the table has the same rows.
                        let mut pieces = rows(&bytes[..cut]);
                        pieces.extend(rows(&bytes[cut..]));
                        assert_eq!(pieces, whole, "{text:?} cut at {cut}");
                    }
                }
            }
        }
        assert!(cut_somewhere > 1000);
    }
}
