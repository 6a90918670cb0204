//! The signers CSV reader: a header row, columns in any order, RFC 4180 quoting.

use super::normalise::{DISTRICT_EXPECTED, Normaliser, blank_signer, parse_district};
use super::progress::Progress;
use super::{LoadError, LoadErrorKind, Warning};
use crate::export::unguard_formula;
use crate::model::{Chamber, Date, Letter, LetterInfo, Role};
use std::path::Path;

/// The columns the reader knows; any other column is kept with each signer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
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
    let delimiter = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
    {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .has_headers(true)
        .from_reader(source);
    let headers = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
    let columns: Vec<Column> = headers.iter().map(Column::from_header).collect();
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
    let mut normaliser = Normaliser::new(warnings);
    let mut signers = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_error(path, &e)),
        }
        let line = record
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        if record.iter().all(|cell| crate::text::trim(cell).is_empty()) {
            continue;
        }
        let index = signers.len();
        let location = || format!("line {line}");
        let field_error = |column: usize, expected: &str, found: &str| {
            let header = headers.get(column).unwrap_or_default().trim();
            LoadError::new(
                LoadErrorKind::Content,
                path,
                format!("expected {expected}, found \"{found}\""),
            )
            .at(line, 0)
            .field(format!("column {} ({header})", column + 1))
        };
        let mut signer = blank_signer();
        for (column_index, (cell, column)) in record.iter().zip(&columns).enumerate() {
            // Cells the exporter guarded against formula injection read back as written.
            let value = unguard_formula(crate::text::trim(cell));
            match column {
                Column::Name => signer.name = value.into(),
                Column::Party => signer.party = normaliser.party(value, location, index),
                Column::State => {
                    signer.state = normaliser.state(value, &mut signer.extra, location, index)
                }
                Column::Chamber if value.is_empty() => {}
                Column::Chamber => {
                    signer.chamber = Some(Chamber::parse(value).ok_or_else(|| {
                        field_error(column_index, "\"house\" or \"senate\"", value)
                    })?);
                }
                Column::District => {
                    signer.district = parse_district(value)
                        .map_err(|()| field_error(column_index, DISTRICT_EXPECTED, value))?;
                }
                Column::Role => {
                    signer.role = Role::parse(value).ok_or_else(|| {
                        field_error(column_index, "\"lead\" or \"cosigner\"", value)
                    })?;
                }
                Column::Bioguide => signer.bioguide = (!value.is_empty()).then(|| value.into()),
                Column::SignedOn if value.is_empty() => {}
                Column::SignedOn => {
                    signer.signed_on = Some(value.parse::<Date>().map_err(|_| {
                        field_error(column_index, "an ISO 8601 date (YYYY-MM-DD)", value)
                    })?);
                }
                Column::Note => signer.note = (!value.is_empty()).then(|| value.into()),
                Column::Other if value.is_empty() => {}
                Column::Other => {
                    let header =
                        unguard_formula(headers.get(column_index).unwrap_or_default().trim())
                            .to_owned();
                    signer
                        .extra
                        .get_or_insert_with(Box::default)
                        .insert(header, value.into());
                }
            }
        }
        if signer.name.is_empty() {
            let name_column = columns
                .iter()
                .position(|c| *c == Column::Name)
                .unwrap_or_default();
            return Err(field_error(name_column, "the signer's name", ""));
        }
        signers.push(signer);
        if let Some(progress) = progress
            && signers.len() % 4096 == 0
        {
            progress.set_signers(signers.len());
        }
    }
    let title = path.file_stem().map_or_else(
        || "Signers".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    Ok(Letter {
        info: LetterInfo {
            title,
            ..LetterInfo::default()
        },
        signers,
        demands: Vec::new(),
        parties: normaliser.parties,
        extra: Default::default(),
    })
}

fn csv_error(path: &Path, error: &csv::Error) -> LoadError {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => {
            let line = pos
                .as_ref()
                .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
            LoadError::new(
                LoadErrorKind::Syntax,
                path,
                format!("expected {expected_len} fields as in the header row, found {len}"),
            )
            .at(line, 0)
        }
        csv::ErrorKind::Utf8 { pos, err } => {
            let line = pos
                .as_ref()
                .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
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
