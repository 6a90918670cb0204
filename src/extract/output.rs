//! The signers found, as the command line prints them: a JSON array or a CSV table of
//! name, party, state, district, chamber and role.

use super::Found;
use crate::export::guard_formula;
use serde_json::{Map, Value};
use std::io::{self, Write};

/// How `signer-dashboard extract` prints what it found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ExtractFormat {
    /// An array of `{name, party, state, district, chamber, role}`.
    #[default]
    Json,
    /// A signers table with those columns, which `summary` and the window open.
    Csv,
}

/// The columns of the CSV, in order; the keys of each JSON object, in order.
const COLUMNS: [&str; 6] = ["name", "party", "state", "district", "chamber", "role"];

fn row(found: &Found) -> [Value; 6] {
    [
        Value::from(found.name.as_str()),
        found.party.as_deref().map_or(Value::Null, Value::from),
        found.state.map_or(Value::Null, |s| Value::from(s.code())),
        found.district.map_or(Value::Null, Value::from),
        found.chamber.map_or(Value::Null, |c| Value::from(c.code())),
        Value::from(found.role.code()),
    ]
}

/// The rows as a JSON array of `{name, party, state, district, chamber, role}`; what is
/// not known is `null`.
pub fn found_json(rows: &[Found]) -> Value {
    rows.iter()
        .map(|found| {
            let object: Map<String, Value> = COLUMNS
                .iter()
                .map(|c| (*c).to_owned())
                .zip(row(found))
                .collect();
            Value::Object(object)
        })
        .collect()
}

/// Writes the rows in `format`, ending with a line break.
pub fn write_found(out: &mut dyn Write, format: ExtractFormat, rows: &[Found]) -> io::Result<()> {
    match format {
        ExtractFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &found_json(rows))?;
            writeln!(out)
        }
        ExtractFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut *out);
            writer.write_record(COLUMNS).map_err(io::Error::other)?;
            for found in rows {
                let cells = row(found).map(|value| match value {
                    Value::Null => String::new(),
                    Value::String(text) => guard_formula(&text).into_owned(),
                    other => other.to_string(),
                });
                writer.write_record(&cells).map_err(io::Error::other)?;
            }
            writer.flush()
        }
    }
}
