//! Reading a few signers again from the file, where the counter saw them start, to name
//! the first duplicates in the warning without keeping every name.

use super::csv_signers::Row;
use super::json_signers::Fields;
use crate::load::csv::{self as csv_reader, Table};
use crate::load::json_value::{Parsed, value};
use crate::load::normalise::Normaliser;
use crate::load::{SourceFormat, UTF8_BOM};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// A signer read again, to name it in a warning.
pub(super) struct SignerAgain {
    pub(super) name: String,
}

/// Reads signers again from the file, where the counter saw them start.
pub(super) struct Reread<'p> {
    path: &'p Path,
    format: SourceFormat,
    file: Option<File>,
    /// The CSV table's header row, read again, and a reader of its rows.
    table: Option<(Table<'p>, csv::Reader<File>)>,
}

impl<'p> Reread<'p> {
    pub(super) fn new(path: &'p Path, format: SourceFormat) -> Reread<'p> {
        Reread {
            path,
            format,
            file: None,
            table: None,
        }
    }

    /// The signer `skip` signers after the one that starts at `offset`.
    pub(super) fn read(&mut self, offset: u64, skip: usize) -> Option<SignerAgain> {
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
