//! The signers shown, as a table for spreadsheets that the app can open again.

use super::report::{Report, state_text};
use crate::model::{Extra, UNRECOGNISED_STATE_KEY};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io::{self, Write};

/// What a cell may begin with for a spreadsheet to read it as a formula (the OWASP
/// CSV-injection advice): `=`, `+`, `-`, `@`, a tab or a carriage return.
pub const FORMULA_PREFIXES: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The columns every signers table has, in order; fields of the file the app does not
/// know follow, sorted by name.
pub const SIGNER_COLUMNS: [&str; 9] = [
    "name",
    "party",
    "state",
    "district",
    "chamber",
    "role",
    "bioguide",
    "signed_on",
    "note",
];

/// Puts a `'` before a cell a spreadsheet would run as a formula, so it shows as text.
///
/// A cell that already begins with quotes and then a formula character gets one more, so
/// that [`unguard_formula`] gives back exactly what was guarded:
///
/// ```
/// use signer_dashboard::export::{guard_formula, unguard_formula};
/// assert_eq!(guard_formula("=SUM(A1)"), "'=SUM(A1)");
/// assert_eq!(guard_formula("'=SUM(A1)"), "''=SUM(A1)");
/// assert_eq!(guard_formula("O'Neill"), "O'Neill");
/// for cell in ["=SUM(A1)", "'=SUM(A1)", "O'Neill", "'quoted'", "\tx"] {
///     assert_eq!(unguard_formula(&guard_formula(cell)), cell);
/// }
/// ```
pub fn guard_formula(cell: &str) -> Cow<'_, str> {
    if cell.trim_start_matches('\'').starts_with(FORMULA_PREFIXES) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Takes off the `'` that [`guard_formula`] put on: one quote, and only before more quotes
/// and then a formula character. The signers CSV reader reads every cell through this.
pub fn unguard_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_PREFIXES) => rest,
        _ => cell,
    }
}

/// Writes the signers shown as CSV (RFC 4180: CRLF line ends, quotes where needed) with a
/// UTF-8 byte order mark so that spreadsheet programs read the accents right.
///
/// The columns are [`SIGNER_COLUMNS`], then every other field the shown signers carry,
/// sorted by name. Every cell, headers too, passes through [`guard_formula`]. The table
/// holds nothing but signers, so that it opens again as a letter; the title, filters and
/// time of the export are in the other formats.
pub fn write_signers_csv(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    let extra_columns: BTreeSet<&str> = report
        .signers()
        .filter_map(|s| s.extra.as_deref())
        .flat_map(Extra::keys)
        .map(String::as_str)
        .filter(|key| *key != UNRECOGNISED_STATE_KEY)
        .collect();
    out.write_all("\u{feff}".as_bytes())?;
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    for column in SIGNER_COLUMNS.iter().chain(&extra_columns) {
        writer
            .write_field(guard_formula(column).as_bytes())
            .map_err(io::Error::other)?;
    }
    writer
        .write_record(None::<&[u8]>)
        .map_err(io::Error::other)?;
    let mut record: Vec<Cow<'_, str>> = Vec::with_capacity(SIGNER_COLUMNS.len());
    for signer in report.signers() {
        record.clear();
        record.extend([
            Cow::Borrowed(&*signer.name),
            Cow::Borrowed(report.party_code(signer.party)),
            Cow::Borrowed(state_text(signer)),
            signer
                .district
                .map_or(Cow::Borrowed(""), |d| Cow::Owned(d.to_string())),
            Cow::Borrowed(signer.chamber.map_or("", |c| c.code())),
            Cow::Borrowed(signer.role.code()),
            Cow::Borrowed(signer.bioguide.as_deref().unwrap_or_default()),
            signer
                .signed_on
                .map_or(Cow::Borrowed(""), |d| Cow::Owned(d.to_string())),
            Cow::Borrowed(signer.note.as_deref().unwrap_or_default()),
        ]);
        let extra = signer.extra.as_deref();
        record.extend(extra_columns.iter().map(|key| {
            extra
                .and_then(|e| e.get(*key))
                .map_or(Cow::Borrowed(""), cell)
        }));
        for cell in &record {
            writer
                .write_field(guard_formula(cell).as_bytes())
                .map_err(io::Error::other)?;
        }
        writer
            .write_record(None::<&[u8]>)
            .map_err(io::Error::other)?;
    }
    writer.flush()
}

/// A field the app does not know, as a cell: text as it is, anything else as JSON.
fn cell(value: &Value) -> Cow<'_, str> {
    match value {
        Value::String(text) => Cow::Borrowed(text),
        Value::Null => Cow::Borrowed(""),
        other => Cow::Owned(other.to_string()),
    }
}
