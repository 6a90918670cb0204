//! The signers CSV reader: a header row, columns in any order, RFC 4180 quoting.

use super::normalise::{DISTRICT_EXPECTED, Normaliser, blank_signer, parse_district};
use super::progress::Progress;
use super::{LoadError, LoadErrorKind, Warning};
use crate::export::unguard_formula;
use crate::model::{
    Chamber, Date, Extra, Letter, LetterInfo, Party, PartyTable, Role, Signer, State,
};
use std::path::Path;

/// The columns the reader knows (and the fields of a JSON signer); any other column is
/// kept with each signer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Column {
    Name,
    Party,
    State,
    Chamber,
    District,
    Role,
    Bioguide,
    SignedOn,
    Note,
    Other,
    /// A column of a field that a later column gives again ("state", …, "State"): the
    /// last one is read, as the last of a JSON signer's repeated keys is.
    Repeated,
}

impl Column {
    fn from_header(header: &str) -> Column {
        match header
            .trim()
            .to_ascii_lowercase()
            .replace([' ', '-'], "_")
            .as_str()
        {
            "name" | "full_name" | "member" => Column::Name,
            "party" => Column::Party,
            "state" => Column::State,
            "chamber" => Column::Chamber,
            "district" => Column::District,
            "role" => Column::Role,
            "bioguide" | "bioguide_id" => Column::Bioguide,
            "signed_on" | "date_signed" => Column::SignedOn,
            "note" | "notes" => Column::Note,
            _ => Column::Other,
        }
    }
}

pub(super) fn parse(
    path: &Path,
    text: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Letter, LoadError> {
    parse_from(path, text.as_bytes(), None, warnings)
}

/// [`parse`], reading the table from `source` as it goes; the streaming loader passes the
/// file itself, so that the table is never in memory whole.
pub(super) fn parse_from<R: std::io::Read>(
    path: &Path,
    source: R,
    progress: Option<&Progress>,
    warnings: &mut Vec<Warning>,
) -> Result<Letter, LoadError> {
    let mut signers = Vec::new();
    let mut letter = parse_into(path, source, warnings, &mut blank_signer(), |signer, _| {
        signers.push(std::mem::replace(signer, blank_signer()));
        if let Some(progress) = progress
            && signers.len() % 4096 == 0
        {
            progress.set_signers(signers.len());
        }
    })?;
    letter.signers = signers;
    Ok(letter)
}

/// [`parse_from`], reading each signer into `row` and then calling `signer_read` with it
/// and where its record starts in the table: the letter comes back without its signers.
pub(super) fn parse_into<R: std::io::Read, S: CsvRow>(
    path: &Path,
    source: R,
    warnings: &mut Vec<Warning>,
    row: &mut S,
    mut signer_read: impl FnMut(&mut S, u64),
) -> Result<Letter, LoadError> {
    let mut reader = reader_for(path, true).from_reader(Kept::new(source));
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => return Err(csv_error(path, &e, reader.get_mut())),
    };
    let table = Table::new(path, &headers)?;
    let mut normaliser = Normaliser::new(warnings);
    let mut record = csv::StringRecord::new();
    let mut index = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_error(path, &e, reader.get_mut())),
        }
        if record.iter().all(|cell| crate::text::trim(cell).is_empty()) {
            continue;
        }
        let position = record.position();
        let line = reader.get_mut().line_of(position);
        table.read_cells(&record, line, &mut normaliser, index, row)?;
        signer_read(row, position.map_or(0, csv::Position::byte));
        index += 1;
    }
    Ok(table_letter(path, normaliser.parties))
}

/// The source of a table, keeping the bytes the `csv` reader has taken from it until no row
/// can start in them: the `csv` crate places a row where the row before it ended, which is
/// before any blank lines and before the `\n` of a `\r\n`, and counts its line from there,
/// so a row's true line is found by looking at what follows that place.
struct Kept<R> {
    source: R,
    bytes: Vec<u8>,
    /// Where `bytes` starts in the table.
    from: u64,
}

impl<R> Kept<R> {
    fn new(source: R) -> Self {
        Kept {
            source,
            bytes: Vec::new(),
            from: 0,
        }
    }

    /// The line, from 1, that the row at `position` (as the `csv` crate gives it) starts
    /// on; lets go of the bytes before it.
    fn line_of(&mut self, position: Option<&csv::Position>) -> usize {
        let Some(position) = position else {
            return 0;
        };
        let at = usize::try_from(position.byte().saturating_sub(self.from)).unwrap_or(0);
        let skipped = self.bytes.get(at..).unwrap_or_default();
        let line_ends = skipped
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .filter(|&&b| b == b'\n')
            .count();
        // Let go now and then, not at every row: each time moves what is kept.
        if at >= 1 << 16 {
            self.bytes.drain(..at);
            self.from += at as u64;
        }
        usize::try_from(position.line())
            .unwrap_or(usize::MAX)
            .saturating_add(line_ends)
    }
}

impl<R: std::io::Read> std::io::Read for Kept<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let count = self.source.read(out)?;
        self.bytes
            .extend_from_slice(out.get(..count).unwrap_or_default());
        Ok(count)
    }
}

/// The letter a table at `path` makes, before its signers: titled by the file's name.
pub(super) fn table_letter(path: &Path, parties: PartyTable) -> Letter {
    let title = path.file_stem().map_or_else(
        || "Signers".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    Letter {
        info: LetterInfo {
            title,
            ..LetterInfo::default()
        },
        signers: Vec::new(),
        demands: Vec::new(),
        parties,
        extra: Default::default(),
    }
}

/// A CSV reader for the table at `path`: tab-separated for `.tsv`, comma-separated otherwise.
pub(super) fn reader_for(path: &Path, has_headers: bool) -> csv::ReaderBuilder {
    let mut builder = csv::ReaderBuilder::new();
    builder
        .delimiter(delimiter_for(path))
        .flexible(false)
        .has_headers(has_headers);
    builder
}

/// A tab for a `.tsv` table, a comma otherwise.
pub(super) fn delimiter_for(path: &Path) -> u8 {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
    {
        b'\t'
    } else {
        b','
    }
}

/// The header row of a table, read.
#[derive(Clone)]
pub(super) struct Table<'p> {
    path: &'p Path,
    headers: csv::StringRecord,
    columns: Vec<Column>,
}

impl<'p> Table<'p> {
    /// The table with this header row; an error if it has no name column.
    pub(super) fn new(path: &'p Path, headers: &csv::StringRecord) -> Result<Self, LoadError> {
        let mut columns: Vec<Column> = headers.iter().map(Column::from_header).collect();
        let mut seen: Vec<Column> = Vec::new();
        for column in columns.iter_mut().rev() {
            if *column == Column::Other {
                continue;
            }
            if seen.contains(column) {
                *column = Column::Repeated;
            } else {
                seen.push(*column);
            }
        }
        if !columns.contains(&Column::Name) {
            let found: Vec<&str> = headers.iter().collect();
            return Err(LoadError::new(
                LoadErrorKind::Content,
                path,
                format!(
                    "expected a \"name\" column in the header row, found: {}",
                    found.join(", ")
                ),
            )
            .at(1, 0));
        }
        Ok(Table {
            path,
            headers: headers.clone(),
            columns,
        })
    }

    /// How many columns each row must have.
    pub(super) fn width(&self) -> usize {
        self.columns.len()
    }

    /// Whether the table has more than one party column or more than one state column.
    pub(super) fn repeats_codes(&self) -> bool {
        let count = |kind| self.columns.iter().filter(|c| **c == kind).count();
        count(Column::Party) > 1 || count(Column::State) > 1
    }

    /// Reads the signer in `record`, the `index`th, into `row`, normalising its party and
    /// state with `normaliser`.
    pub(super) fn read_signer<S: CsvRow>(
        &self,
        record: &csv::StringRecord,
        normaliser: &mut Normaliser<'_>,
        index: usize,
        row: &mut S,
    ) -> Result<(), LoadError> {
        let line = record
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        self.read_cells(record, line, normaliser, index, row)
    }

    /// [`Self::read_signer`] for the cells of a row on `line`, however they were split.
    pub(super) fn read_cells<'c, S: CsvRow>(
        &self,
        cells: impl IntoIterator<Item = &'c str>,
        line: usize,
        normaliser: &mut Normaliser<'_>,
        index: usize,
        row: &mut S,
    ) -> Result<(), LoadError> {
        let headers = &self.headers;
        let location = || format!("line {line}");
        let field_error = |column: usize, expected: &str, found: &str| {
            let header = headers.get(column).unwrap_or_default().trim();
            LoadError::new(
                LoadErrorKind::Content,
                self.path,
                format!("expected {expected}, found \"{found}\""),
            )
            .at(line, 0)
            .field(format!("column {} ({header})", column + 1))
        };
        row.begin();
        for (column_index, (cell, column)) in cells.into_iter().zip(&self.columns).enumerate() {
            // Cells the exporter guarded against formula injection read back as written. A
            // known field is then trimmed as the JSON reader trims it ("'\t=x" was "\t=x",
            // the name "=x"); a field the app does not know keeps what it held.
            let unguarded = unguard_formula(crate::text::trim(cell));
            let value = if *column == Column::Other {
                unguarded
            } else {
                crate::text::trim(unguarded)
            };
            match column {
                Column::Name => row.name(value),
                Column::Party => row.party(value, |v| normaliser.party(v, location, index)),
                Column::State => row.state(value, |v, extra| {
                    normaliser.state(v, extra, location, index)
                }),
                Column::Chamber if value.is_empty() => {}
                Column::Chamber => {
                    row.chamber(Chamber::parse(value).ok_or_else(|| {
                        field_error(column_index, "\"house\" or \"senate\"", value)
                    })?);
                }
                Column::District => {
                    row.district(
                        parse_district(value)
                            .map_err(|()| field_error(column_index, DISTRICT_EXPECTED, value))?,
                    );
                }
                Column::Role => {
                    row.role(Role::parse(value).ok_or_else(|| {
                        field_error(column_index, "\"lead\" or \"cosigner\"", value)
                    })?);
                }
                Column::Bioguide => row.bioguide(value),
                Column::SignedOn if value.is_empty() => {}
                Column::SignedOn => {
                    row.signed_on(value.parse::<Date>().map_err(|_| {
                        field_error(column_index, "an ISO 8601 date (YYYY-MM-DD)", value)
                    })?);
                }
                Column::Note => row.note(value),
                Column::Other if value.is_empty() => {}
                Column::Repeated => {}
                Column::Other => {
                    let header =
                        unguard_formula(headers.get(column_index).unwrap_or_default().trim());
                    row.other(header, value);
                }
            }
        }
        if !row.has_name() {
            let name_column = self
                .columns
                .iter()
                .position(|c| *c == Column::Name)
                .unwrap_or_default();
            return Err(field_error(name_column, "the signer's name", ""));
        }
        Ok(())
    }
}

/// What the CSV reader does with each signer's cells once it has read and checked them:
/// keep the signer (for the letter), or only what a count needs. Cells come in column order.
pub(super) trait CsvRow {
    /// The next signer starts, blank.
    fn begin(&mut self);
    /// A name cell, trimmed (a later name column replaces an earlier one).
    fn name(&mut self, value: &str);
    /// A party cell, trimmed; `normalise` reads it with the letter's normaliser, which may
    /// intern it and warn (a row read on a worker thread leaves that for later).
    fn party(&mut self, value: &str, normalise: impl FnOnce(&str) -> Party);
    /// A state cell, trimmed; `normalise` reads it with the letter's normaliser, which may
    /// warn and keep an unrecognised state in the extra fields it is given.
    fn state(
        &mut self,
        value: &str,
        normalise: impl FnOnce(&str, &mut Option<Box<Extra>>) -> State,
    );
    /// The chamber.
    fn chamber(&mut self, chamber: Chamber);
    /// The district, when given.
    fn district(&mut self, district: Option<u8>);
    /// Lead or cosigner.
    fn role(&mut self, role: Role);
    /// A bioguide cell, trimmed.
    fn bioguide(&mut self, value: &str);
    /// When the member signed.
    fn signed_on(&mut self, date: Date);
    /// A note cell, trimmed.
    fn note(&mut self, value: &str);
    /// A cell of a column the app does not know, not blank.
    fn other(&mut self, header: &str, value: &str);
    /// Whether the signer has a name that is not blank.
    fn has_name(&self) -> bool;
}

/// The signer itself, for the letter.
impl CsvRow for Signer {
    fn begin(&mut self) {
        *self = blank_signer();
    }
    fn name(&mut self, value: &str) {
        self.name = value.into();
    }
    fn party(&mut self, value: &str, normalise: impl FnOnce(&str) -> Party) {
        self.party = normalise(value);
    }
    fn state(
        &mut self,
        value: &str,
        normalise: impl FnOnce(&str, &mut Option<Box<Extra>>) -> State,
    ) {
        self.state = normalise(value, &mut self.extra);
    }
    fn chamber(&mut self, chamber: Chamber) {
        self.chamber = Some(chamber);
    }
    fn district(&mut self, district: Option<u8>) {
        self.district = district;
    }
    fn role(&mut self, role: Role) {
        self.role = role;
    }
    fn bioguide(&mut self, value: &str) {
        self.bioguide = (!value.is_empty()).then(|| value.into());
    }
    fn signed_on(&mut self, date: Date) {
        self.signed_on = Some(date);
    }
    fn note(&mut self, value: &str) {
        self.note = (!value.is_empty()).then(|| value.into());
    }
    fn other(&mut self, header: &str, value: &str) {
        self.extra
            .get_or_insert_with(Box::default)
            .insert(header.to_owned(), value.into());
    }
    fn has_name(&self) -> bool {
        !self.name.is_empty()
    }
}

/// The error the `csv` reader gave, at the true line of its row.
fn csv_error<R>(path: &Path, error: &csv::Error, source: &mut Kept<R>) -> LoadError {
    let mut line_of = |pos: &Option<csv::Position>| source.line_of(pos.as_ref());
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => {
            let line = line_of(pos);
            LoadError::new(
                LoadErrorKind::Syntax,
                path,
                format!("expected {expected_len} fields as in the header row, found {len}"),
            )
            .at(line, 0)
        }
        csv::ErrorKind::Utf8 { pos, err } => {
            let line = line_of(pos);
            LoadError::new(
                LoadErrorKind::Encoding,
                path,
                format!("expected UTF-8 text in field {}", err.field() + 1),
            )
            .at(line, 0)
        }
        _ => LoadError::new(LoadErrorKind::Syntax, path, error.to_string()),
    }
}
