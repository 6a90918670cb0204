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
//! Duplicates are found as [`super::normalise::warn_duplicates`] finds them, from each
//! signer's hash of its folded name and state, but no name is kept: for each signer the
//! counter keeps the hash and where the signer starts in the file (16 bytes). Two signers
//! with the same 64-bit hash are confirmed by reading both again from the file, at those
//! places, and comparing their folded names and states, so a hash collision is never
//! taken for a duplicate. A letter with very many repeated names is left to the full
//! loader rather than read again piece by piece ([`MOST_REREADS`]).
//!
//! Whenever anything is unusual (an error in the file, bytes that are not UTF-8, a pipe,
//! a cut between signers that was not one), [`count_path`] returns `None` and the caller
//! loads the file in full, which reports any error exactly as it always has.

use super::csv::{self as csv_reader, CsvRow, Table};
use super::json::{SignerFields, SignerVisitor, Text};
use super::json_fast::{self, QuickSigner};
use super::json_parallel;
use super::json_stream::{self, DEPTH_LIMIT, Parsed, value};
use super::normalise::{
    Normaliser, duplicate_warning, find_repeats, fold_hash, party_without_table, signer_location,
    state_without_warning,
};
use super::sink::{SignerReader, SignerSink};
use super::streaming::{self, Opened};
use super::{SourceFormat, UTF8_BOM, Warning};
use crate::analysis::{Filter, Tally};
use crate::model::{Chamber, Date, DemandStatus, Extra, Letter, Party, Role, State};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::collections::HashMap;
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
            let piece_bytes = json_parallel::worth_it(bytes).then_some(json_parallel::PIECE_BYTES);
            json_stream::parse_into(&mut chunks, None, piece_bytes, &mut warnings, &mut counts)
                .ok()?
        }
        SourceFormat::Csv => {
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
    };
    let mut reread = Reread::new(path, format);
    let Counts { hashes, .. } = &counts;
    let repeats = find_repeats(hashes, |index, earlier| {
        hashes.get(index) == hashes.get(earlier) && reread.same(index, earlier, &counts.offsets)
    })?;
    if reread.failed {
        return None;
    }
    for (index, first) in repeats {
        let name = reread.signers.get(&index).map(|s| s.name.as_str())?;
        warnings.push(duplicate_warning(index, name, first));
    }
    let tally = counts.tally(&letter, filter);
    Some(Counted {
        letter,
        tally,
        warnings,
        format,
    })
}

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
    /// Where each signer starts in the file.
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
        self.hashes.push(hash);
        self.offsets.push(offset);
    }

    /// Counts the CSV signer in `row`, whose record starts at `offset` in the file.
    fn count_row(&mut self, row: &mut Row, offset: u64) {
        self.scratch.clear();
        crate::text::fold_into(&row.name, &mut self.scratch);
        let hash = fold_hash(self.scratch.as_bytes(), row.codes.state);
        let is_hit = self.search.matches(&self.scratch);
        self.record(row.codes, hash, is_hit, offset);
    }

    /// The tally of the signers `filter` lets through, as [`crate::analysis::select`]
    /// would count them in `letter` with its signers.
    fn tally(&self, letter: &Letter, filter: &Filter) -> Tally {
        let parties = letter.parties.len();
        let is_party_allowed = |party: usize| {
            filter.parties.is_empty()
                || filter
                    .parties
                    .iter()
                    .any(|code| letter.parties.find(code).map(Party::index) == Some(party))
        };
        let is_state_allowed = |state: usize| {
            filter.states.is_empty()
                || filter.states.iter().any(|code| {
                    let chosen = State::from_code(code)
                        .or_else(|| (code == State::UNKNOWN.code()).then_some(State::UNKNOWN));
                    chosen.map(State::index) == Some(state)
                })
        };
        let mut tally = Tally {
            total: 0,
            by_party: vec![0; parties],
            by_state: [0; State::SLOTS],
            by_party_state: vec![[0; State::SLOTS]; parties],
            by_role: [0; 2],
            by_chamber: [0; 3],
            demands_met: letter
                .demands
                .iter()
                .filter(|d| d.status == DemandStatus::Met)
                .count(),
            demands_total: letter.demands.len(),
        };
        let per_party = State::SLOTS * CHAMBER_ROLE_SLOTS;
        for (party, by_state) in self.cells.chunks_exact(per_party).take(parties).enumerate() {
            if !is_party_allowed(party) {
                continue;
            }
            for (state, by_kind) in by_state.chunks_exact(CHAMBER_ROLE_SLOTS).enumerate() {
                if by_kind.iter().all(|n| *n == 0) || !is_state_allowed(state) {
                    continue;
                }
                for (kind, &n) in by_kind.iter().enumerate() {
                    let (chamber, role) = (kind / 2, kind % 2);
                    let is_chamber_allowed = filter
                        .chamber
                        .is_none_or(|c| chamber_slot(Some(c)) == chamber);
                    let is_role_allowed = filter.role.is_none_or(|r| r.index() == role);
                    if n == 0 || !is_chamber_allowed || !is_role_allowed {
                        continue;
                    }
                    tally.total += n as usize;
                    let counters = [
                        tally.by_party.get_mut(party),
                        tally.by_state.get_mut(state),
                        tally.by_chamber.get_mut(chamber),
                        tally.by_role.get_mut(role),
                        tally
                            .by_party_state
                            .get_mut(party)
                            .and_then(|row| row.get_mut(state)),
                    ];
                    for counter in counters.into_iter().flatten() {
                        *counter += n;
                    }
                }
            }
        }
        tally
    }
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
#[derive(Default)]
struct Row {
    name: String,
    codes: Codes,
    /// Where the normaliser keeps an unrecognised state: not needed, but asked for.
    extra: Option<Box<Extra>>,
}

impl CsvRow for Row {
    fn begin(&mut self) {
        self.name.clear();
        self.codes = Codes::default();
        self.extra = None;
    }
    fn name(&mut self, value: &str) {
        self.name.clear();
        self.name.push_str(value);
    }
    fn party(&mut self, party: Party) {
        self.codes.party = party;
    }
    fn extra(&mut self) -> &mut Option<Box<Extra>> {
        &mut self.extra
    }
    fn state(&mut self, state: State) {
        self.codes.state = state;
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
        let party_text = fields
            .party
            .and_then(|text| match party_without_table(&text) {
                Some(party) => {
                    codes.party = party;
                    None
                }
                None => Some(text.into_owned()),
            });
        let state_text = fields
            .state
            .and_then(|text| match state_without_warning(&text) {
                Some(state) => {
                    codes.state = state;
                    None
                }
                None => Some(text.into_owned()),
            });
        self.scratch.clear();
        crate::text::fold_into(&fields.name, &mut self.scratch);
        let hash = fold_hash(self.scratch.as_bytes(), codes.state);
        let is_hit = self.search.matches(&self.scratch);
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

/// How many signers the duplicate check may read again before it leaves the letter to the
/// full loader: a few microseconds each, so a letter with tens of thousands of repeated
/// names is loaded in full sooner than read again piece by piece.
const MOST_REREADS: usize = 20_000;

/// A signer read again for the duplicate check.
struct SignerAgain {
    name: String,
    folded: String,
    state: State,
}

/// Reads signers again from the file, where the counter saw them start.
struct Reread<'p> {
    path: &'p Path,
    format: SourceFormat,
    file: Option<File>,
    /// The CSV table's header row, read again.
    table: Option<Table<'p>>,
    signers: HashMap<usize, SignerAgain>,
    failed: bool,
}

impl<'p> Reread<'p> {
    fn new(path: &'p Path, format: SourceFormat) -> Reread<'p> {
        Reread {
            path,
            format,
            file: None,
            table: None,
            signers: HashMap::new(),
            failed: false,
        }
    }

    /// Whether signers `index` and `earlier` have the same folded name and state.
    fn same(&mut self, index: usize, earlier: usize, offsets: &[u64]) -> bool {
        for signer in [index, earlier] {
            if !self.signers.contains_key(&signer) {
                match offsets.get(signer).and_then(|&at| self.read(at)) {
                    Some(read) if self.signers.len() < MOST_REREADS => {
                        self.signers.insert(signer, read);
                    }
                    _ => {
                        self.failed = true;
                        return false;
                    }
                }
            }
        }
        match (self.signers.get(&index), self.signers.get(&earlier)) {
            (Some(a), Some(b)) => a.state == b.state && a.folded == b.folded,
            _ => false,
        }
    }

    /// The signer that starts at `offset`.
    fn read(&mut self, offset: u64) -> Option<SignerAgain> {
        if self.file.is_none() {
            self.file = Some(File::open(self.path).ok()?);
        }
        let file = self.file.as_mut()?;
        let (name, state) = match self.format {
            SourceFormat::Json => read_json_signer(file, offset)?,
            SourceFormat::Csv => {
                if self.table.is_none() {
                    file.seek(SeekFrom::Start(0)).ok()?;
                    let mut start = [0u8; 3];
                    let skip = match file.read_exact(&mut start) {
                        Ok(()) if start == *UTF8_BOM => 3,
                        _ => 0,
                    };
                    file.seek(SeekFrom::Start(skip)).ok()?;
                    let mut reader = csv_reader::reader_for(self.path, true).from_reader(&*file);
                    self.table = Some(Table::new(self.path, reader.headers().ok()?).ok()?);
                }
                let table = self.table.as_ref()?;
                file.seek(SeekFrom::Start(offset)).ok()?;
                let mut reader = csv_reader::reader_for(self.path, false).from_reader(&*file);
                let mut record = csv::StringRecord::new();
                if !reader.read_record(&mut record).ok()? {
                    return None;
                }
                let mut row = Row::default();
                let mut ignored = Vec::new();
                let mut normaliser = Normaliser::new(&mut ignored);
                table
                    .read_signer(&record, &mut normaliser, 0, &mut row)
                    .ok()?;
                (row.name, row.codes.state)
            }
        };
        Some(SignerAgain {
            folded: crate::text::fold(&name),
            name,
            state,
        })
    }
}

/// The name and state of the JSON signer that starts at `offset`.
fn read_json_signer(file: &mut File, offset: u64) -> Option<(String, State)> {
    let mut most = 4096u64;
    loop {
        file.seek(SeekFrom::Start(offset)).ok()?;
        let mut bytes = Vec::new();
        file.by_ref().take(most).read_to_end(&mut bytes).ok()?;
        let at_eof = (bytes.len() as u64) < most;
        let text = match std::str::from_utf8(&bytes) {
            Ok(text) => text,
            Err(error) => std::str::from_utf8(bytes.get(..error.valid_up_to())?).ok()?,
        };
        match value::<Fields>(text, at_eof) {
            Parsed::Value(fields, _) => {
                let state = fields
                    .state
                    .map_or(Some(State::UNKNOWN), |text| state_without_warning(&text))
                    .unwrap_or(State::UNKNOWN);
                return Some((fields.name.into_owned(), state));
            }
            Parsed::NeedsMore if !at_eof => most = most.saturating_mul(4),
            Parsed::NeedsMore | Parsed::Failed => return None,
        }
    }
}
