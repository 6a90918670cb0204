//! Writing a letter back to its JSON file without losing anything the user wrote.
//!
//! The output is stable: pretty JSON with the known fields in one fixed order, then the
//! fields the app does not know in the order the file had them, so a version-control diff
//! shows only what changed. Saving over a file keeps the original once as `FILE.bak`.

use crate::export::{WriteError, write_atomically};
use crate::model::{Demand, Letter, Party, Signer, UNRECOGNISED_STATE_KEY};
use serde_json::{Map, Value};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The letter as the JSON object the loader reads back to the same letter.
pub fn letter_to_json(letter: &Letter) -> Value {
    let info = &letter.info;
    let mut about = Map::new();
    about.insert("title".into(), info.title.clone().into());
    insert_some(&mut about, "date", info.date.map(|d| d.to_string()));
    insert_some(&mut about, "organization", info.organization.clone());
    if !info.recipients.is_empty() {
        about.insert("recipients".into(), info.recipients.clone().into());
    }
    insert_some(&mut about, "summary", info.summary.clone());
    insert_some(&mut about, "source_url", info.source_url.clone());
    extend_new(&mut about, &info.extra);

    let mut object = Map::new();
    object.insert("letter".into(), Value::Object(about));
    object.insert(
        "signers".into(),
        letter
            .signers
            .iter()
            .map(|s| signer_to_json(letter, s))
            .collect(),
    );
    object.insert(
        "demands".into(),
        letter.demands.iter().map(demand_to_json).collect(),
    );
    extend_new(&mut object, &letter.extra);
    Value::Object(object)
}

fn signer_to_json(letter: &Letter, signer: &Signer) -> Value {
    let mut object = Map::new();
    object.insert("name".into(), signer.name.as_ref().into());
    if signer.party != Party::UNKNOWN {
        object.insert("party".into(), letter.parties.code(signer.party).into());
    }
    let state = signer.unrecognised_state().map(str::to_owned).or_else(|| {
        signer
            .state
            .is_known()
            .then(|| signer.state.code().to_owned())
    });
    insert_some(&mut object, "state", state);
    insert_some(&mut object, "chamber", signer.chamber.map(|c| c.code()));
    insert_some(&mut object, "district", signer.district);
    object.insert("role".into(), signer.role.code().into());
    insert_some(&mut object, "bioguide", signer.bioguide.as_deref());
    insert_some(
        &mut object,
        "signed_on",
        signer.signed_on.map(|d| d.to_string()),
    );
    insert_some(&mut object, "note", signer.note.as_deref());
    if let Some(extra) = &signer.extra {
        for (key, value) in extra.iter() {
            // The unrecognised state is written above, in the state's own place.
            if key != UNRECOGNISED_STATE_KEY && !object.contains_key(key) {
                object.insert(key.clone(), value.clone());
            }
        }
    }
    Value::Object(object)
}

fn demand_to_json(demand: &Demand) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), demand.id.clone().into());
    object.insert("text".into(), demand.text.clone().into());
    insert_some(&mut object, "source", demand.source.clone());
    object.insert("status".into(), demand.status.code().into());
    insert_some(&mut object, "note", demand.note.clone());
    extend_new(&mut object, &demand.extra);
    Value::Object(object)
}

fn insert_some(object: &mut Map<String, Value>, key: &str, value: Option<impl Into<Value>>) {
    if let Some(value) = value {
        object.insert(key.to_owned(), value.into());
    }
}

/// Adds the unknown fields after the known ones; a known key always wins.
fn extend_new(object: &mut Map<String, Value>, extra: &Map<String, Value>) {
    for (key, value) in extra {
        if !object.contains_key(key) {
            object.insert(key.clone(), value.clone());
        }
    }
}

/// Writes the letter as pretty JSON with a final newline.
pub fn write_letter(out: &mut dyn Write, letter: &Letter) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &letter_to_json(letter))?;
    writeln!(out)
}

/// What the app remembers of a file to notice that another program changed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    /// Size in bytes.
    pub len: u64,
    /// Last modification time, where the system keeps one.
    pub modified: Option<SystemTime>,
}

impl FileStamp {
    /// The stamp of the file at `path` now, or `None` if there is no file.
    pub fn of(path: &Path) -> Option<FileStamp> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(FileStamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        })
    }
}

/// Where the first save keeps the original: `letter.json` → `letter.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves `letter` to `path` atomically. Before the first save over an existing file (when
/// there is no `FILE.bak` yet) the original is copied to `FILE.bak`. Returns the new stamp.
pub fn save_letter(path: &Path, letter: &Letter) -> Result<Option<FileStamp>, WriteError> {
    let backup = backup_path(path);
    if path.is_file() && !backup.exists() {
        let original = std::fs::read(path)
            .map_err(|e| WriteError::io(path, "cannot read the original to keep a backup", e))?;
        write_atomically(&backup, |out| out.write_all(&original))?;
    }
    write_atomically(path, |out| write_letter(out, letter))?;
    Ok(FileStamp::of(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_sits_beside_the_file() {
        assert_eq!(
            backup_path(Path::new("/x/letter.json")),
            Path::new("/x/letter.json.bak")
        );
    }
}
