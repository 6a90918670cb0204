//! The rows of a piece of a CSV table, split quickly: a row without quotes is cut at its
//! delimiters by hand, and any other row is read by `csv_core`, the engine of the `csv`
//! crate, so every row gives the cells the `csv` crate gives.
//!
//! Most rows of a big table have no quotes, and cutting them is a few `memchr` calls; the
//! `csv` crate reads every byte through its state machine and checks each record's UTF-8
//! again, which took half of the time of a summary of a million-row table. The piece is
//! checked as UTF-8 once, whole, so a cell cut from it needs no check of its own.
//!
//! Each row also comes with where it really starts: its first byte and the number of line
//! breaks before it. (The `csv` crate places a row after the previous row's terminator, so
//! before any blank lines, and before the `\n` of a `\r\n`.)

use super::words::{splat, words, zero_bytes};

/// Reads the rows of `text`, which starts at the start of a row.
pub(super) struct Rows<'t, 's> {
    text: &'t str,
    /// The first byte not yet read.
    at: usize,
    /// Line breaks (`\n`) in `text` before `at`.
    newlines: u64,
    splitter: &'s mut RowSplitter,
}

/// A row's cells: one after another in `text`, each ending where `ends` says, and `gap`
/// bytes apart (the row itself with a delimiter between cells, or what `csv_core` made of
/// it, with nothing between).
pub(super) struct Cells<'r> {
    text: &'r str,
    ends: &'r [usize],
    gap: usize,
}

impl<'r> Cells<'r> {
    /// How many cells the row has.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The cells, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &'r str> + use<'r> {
        let Cells { text, ends, gap } = *self;
        let starts = std::iter::once(0).chain(ends.iter().map(move |end| end + gap));
        starts
            .zip(ends)
            .map(move |(start, &end)| text.get(start..end).unwrap_or_default())
    }
}

/// A row [`Rows`] cannot split as the `csv` crate would.
#[derive(Debug)]
pub(super) struct Unreadable;

/// A row of the table.
pub(super) struct Row<'r> {
    pub(super) cells: Cells<'r>,
    /// Where the row's first byte is in the text.
    pub(super) start: usize,
    /// How many line breaks come before it in the text: its line, counted from 0.
    pub(super) line: u64,
}

/// What [`Rows`] keeps from piece to piece: a `csv_core` reader set up as the table's
/// `csv` reader is, and its buffers.
#[derive(Debug)]
pub(super) struct RowSplitter {
    delimiter: u8,
    core: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    /// Where each cell of a plain row ends: at a delimiter, or at the row's end.
    plain_ends: Vec<usize>,
}

/// A new reader rather than a copy: `csv_core` 0.1.13 copies only part of its state
/// machine when a reader is cloned (its `Dfa::clone` leaves out which transitions emit a
/// byte and the byte classes), and a copy reads every quoted row as one empty cell.
impl Clone for RowSplitter {
    fn clone(&self) -> RowSplitter {
        RowSplitter::new(self.delimiter)
    }
}

impl RowSplitter {
    pub(super) fn new(delimiter: u8) -> RowSplitter {
        RowSplitter {
            delimiter,
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            out: vec![0; 256],
            ends: vec![0; 16],
            plain_ends: Vec::new(),
        }
    }

    /// The rows of `text`, a run of whole rows.
    pub(super) fn rows<'t, 's>(&'s mut self, text: &'t str) -> Rows<'t, 's> {
        Rows {
            text,
            at: 0,
            newlines: 0,
            splitter: self,
        }
    }
}

impl Rows<'_, '_> {
    /// The next row, `None` at the end of the text; `Err` for a row this reader cannot
    /// split as the `csv` crate would (a quoted row that starts with a byte-order mark, or
    /// cells that `csv_core` reads as something other than UTF-8, which cannot happen to
    /// cells of UTF-8 text).
    pub(super) fn next_row(&mut self) -> Result<Option<Row<'_>>, Unreadable> {
        if !self.skip_line_ends() {
            return Ok(None);
        }
        self.read_row().map(Some).ok_or(Unreadable)
    }

    /// Skips line ends and blank lines, as `csv_core` skips them before a row; false at the
    /// end of the text.
    fn skip_line_ends(&mut self) -> bool {
        loop {
            match self.text.as_bytes().get(self.at) {
                None => return false,
                Some(b'\n') => self.newlines += 1,
                Some(b'\r') => {}
                Some(_) => return true,
            }
            self.at += 1;
        }
    }

    /// The row that starts at `at`.
    fn read_row(&mut self) -> Option<Row<'_>> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let line = self.newlines;
        let rest = bytes.get(start..)?;
        let line_end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
        let content = rest.get(..line_end)?;
        let content = content.strip_suffix(b"\r").unwrap_or(content);
        let delimiter = self.splitter.delimiter;
        if plain_cell_ends(content, delimiter, &mut self.splitter.plain_ends) {
            self.at = start + line_end + 1;
            if line_end < rest.len() {
                self.newlines += 1;
            }
            return Some(Row {
                cells: Cells {
                    text: self.text.get(start..start + content.len())?,
                    ends: &self.splitter.plain_ends,
                    gap: 1,
                },
                start,
                line,
            });
        }
        // `csv_core` takes a byte-order mark off the first row it reads, which for the
        // table's reader was the header row: such a row is not split here.
        if rest.starts_with(super::UTF8_BOM) {
            return None;
        }
        let (used, out_len, ends_len) = self.splitter.read_record(rest)?;
        self.newlines += memchr::memchr_iter(b'\n', rest.get(..used)?).count() as u64;
        self.at = start + used;
        let splitter = &*self.splitter;
        let text = std::str::from_utf8(splitter.out.get(..out_len)?).ok()?;
        Some(Row {
            cells: Cells {
                text,
                ends: splitter.ends.get(..ends_len)?,
                gap: 0,
            },
            start,
            line,
        })
    }
}

/// Where each cell of `row` ends (at each delimiter, then at the row's end), put in
/// `ends`, eight bytes at a time; false, with `ends` unfinished, if the row holds a quote or
/// a `\r` and is to be read by `csv_core`. (A cell is a few bytes, too short for `memchr`
/// to pay.)
fn plain_cell_ends(row: &[u8], delimiter: u8, ends: &mut Vec<usize>) -> bool {
    ends.clear();
    for (word_index, word) in words(row).enumerate() {
        if zero_bytes(word ^ splat(b'"')) | zero_bytes(word ^ splat(b'\r')) != 0 {
            return false;
        }
        let mut found = zero_bytes(word ^ splat(delimiter));
        while found != 0 {
            ends.push(word_index * 8 + (found.trailing_zeros() / 8) as usize);
            found &= found - 1;
        }
    }
    ends.push(row.len());
    true
}

impl RowSplitter {
    /// Reads the record at the start of `input` with `csv_core`: how many bytes it took, and
    /// how much of `out` and `ends` it filled. `input` is the rest of the piece, so that its
    /// end is the end of the table as the `csv` reader of the piece sees it.
    fn read_record(&mut self, input: &[u8]) -> Option<(usize, usize, usize)> {
        use csv_core::ReadRecordResult;
        self.core.reset();
        let (mut used, mut out_len, mut ends_len) = (0, 0, 0);
        loop {
            let rest = input.get(used..)?;
            let (result, read, wrote, ended) = self.core.read_record(
                rest,
                self.out.get_mut(out_len..)?,
                self.ends.get_mut(ends_len..)?,
            );
            used += read;
            out_len += wrote;
            ends_len += ended;
            match result {
                ReadRecordResult::Record => return Some((used, out_len, ends_len)),
                ReadRecordResult::OutputFull => self.out.resize(self.out.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                // All read: the next call passes nothing, which tells `csv_core` that the
                // input has ended, and it ends the record there.
                ReadRecordResult::InputEmpty if !rest.is_empty() => {}
                ReadRecordResult::InputEmpty | ReadRecordResult::End => return None,
            }
        }
    }
}

#[cfg(test)]
#[expect(clippy::indexing_slicing, reason = "a test fails by panicking")]
mod tests {
    use super::*;

    /// The rows of `text` as the `csv` crate reads them, each with where it really starts:
    /// the crate's position, past the line ends it skipped.
    fn csv_rows(text: &str, delimiter: u8) -> Vec<(Vec<String>, usize, u64)> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut rows = Vec::new();
        while reader.read_record(&mut record).unwrap_or(false) {
            let from = record.position().map_or(0, |p| p.byte() as usize);
            let skipped = text.as_bytes()[from..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            let start = from + skipped;
            let line = text.as_bytes()[..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            rows.push((
                record.iter().map(String::from).collect(),
                start,
                line as u64,
            ));
        }
        rows
    }

    fn split_rows(text: &str, delimiter: u8) -> Vec<(Vec<String>, usize, u64)> {
        // A copy, as each worker thread has.
        let mut splitter = RowSplitter::new(delimiter).clone();
        let mut rows = splitter.rows(text);
        let mut found = Vec::new();
        while let Ok(Some(row)) = rows.next_row() {
            assert_eq!(row.cells.len(), row.cells.iter().count(), "{text:?}");
            let cells = row.cells.iter().map(String::from).collect();
            found.push((cells, row.start, row.line));
        }
        found
    }

    #[test]
    fn rows_are_split_as_the_csv_crate_splits_them() {
        let pieces = [
            "a", "bé", ",", "\t", "\"", "\"\"", "\n", "\r", "\r\n", " ", "",
        ];
        // A small deterministic generator (xorshift): thousands of short tables.
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut tables: Vec<String> = vec![
            "a,b\nc,d\n".into(),
            "a,b\r\nc,d\r\n".into(),
            "a,b\n\n\nc,d".into(),
            "\r\n\r\na,b\r\n\r\n".into(),
            "a,\"x\ny\"\nc,d\n".into(),
            "a,b\r\r\nc,d".into(),
            "a,\"b\"c,d\n\"unclosed,e\nf\n".into(),
            "a,b\rc,d\re".into(),
            "\"a\"\"b\",\"\",x\n".into(),
        ];
        for _ in 0..20_000 {
            let length = (next() % 24) as usize;
            let table: String = (0..length)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            tables.push(table);
        }
        for table in &tables {
            for delimiter in [b',', b'\t'] {
                assert_eq!(
                    split_rows(table, delimiter),
                    csv_rows(table, delimiter),
                    "{table:?} split at {:?}",
                    char::from(delimiter)
                );
            }
        }
    }

    #[test]
    fn long_quoted_rows_grow_the_buffers() {
        let cell = format!("\"{}\"", "x\"\"y,".repeat(500));
        let table = format!("{}\nplain,row\n", vec![cell.as_str(); 40].join(","));
        assert_eq!(split_rows(&table, b','), csv_rows(&table, b','));
        assert_eq!(split_rows(&table, b',')[0].0.len(), 40);
    }
}
