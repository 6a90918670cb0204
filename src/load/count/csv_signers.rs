//! The rows of a CSV table as the counter reads them: one at a time on the reading
//! thread, or in pieces cut between rows on worker threads for a big table.

use super::{Codes, Counts, Search, hash_and_search};
use crate::load::chunks::Chunks;
use crate::load::csv::{self as csv_reader, CsvRow, Table};
use crate::load::csv_rows::RowSplitter;
use crate::load::json_parallel::{self, End, PieceReader, Place};
use crate::load::normalise::{Normaliser, party_without_table, state_without_warning};
use crate::model::{Chamber, Date, Extra, Party, Role, State};
use std::io::Read;
use std::path::Path;

/// A CSV signer as the counter reads it: its name in a reused buffer and its codes.
#[derive(Clone, Default)]
pub(super) struct Row {
    pub(super) name: String,
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

impl Counts {
    /// Counts the CSV signer in `row`, whose record starts at `offset` in the file.
    pub(super) fn count_row(&mut self, row: &mut Row, offset: u64) {
        let (hash, is_hit) =
            hash_and_search(&row.name, row.codes.state, &self.search, &mut self.scratch);
        self.record(row.codes, hash, is_hit, offset);
    }

    /// Counts a CSV signer read on a worker thread, settling what it left to the normaliser.
    pub(super) fn take_row(
        &mut self,
        read: CsvRead,
        normaliser: &mut Normaliser<'_>,
        place: Place,
    ) {
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
}

/// A CSV signer read on a worker thread.
pub(super) struct CsvRead {
    codes: Codes,
    hash: u64,
    is_hit: bool,
    /// The party and state cells the normaliser must settle, in column order; `None` for
    /// the usual row.
    deferred: Option<Box<[(Cell, String)]>>,
}

/// Reads the rows of a big CSV table on worker threads, in pieces cut between rows.
#[derive(Clone)]
pub(super) struct CsvPieces<'p> {
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
    pub(super) fn start<R: Read>(
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
