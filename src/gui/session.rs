//! Keeping unsaved work across a crash: a recovery file in the app's data folder, written
//! every few seconds while the letter has unsaved changes, and offered back on the next start.

use crate::export::{WriteError, now_utc, write_atomically};
use crate::load::{self, SourceFormat};
use crate::model::Letter;
use crate::save::letter_to_json;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// How often unsaved changes are written to the recovery file, in seconds.
pub const RECOVERY_INTERVAL_SECONDS: f64 = 5.0;

/// Unsaved changes found in the recovery file.
#[derive(Clone, Debug)]
pub struct Recovery {
    /// The file the letter came from, if it came from one.
    pub source: Option<PathBuf>,
    /// When the changes were written (UTC).
    pub saved_at: String,
    /// The letter with the changes.
    pub letter: Letter,
}

/// Where the recovery file lives in `data_dir`.
pub fn recovery_path(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery.json")
}

/// Writes `letter` (with where it came from) to the recovery file, atomically.
pub fn write_recovery(
    data_dir: &Path,
    source: Option<&Path>,
    letter: &Letter,
) -> Result<(), WriteError> {
    std::fs::create_dir_all(data_dir)
        .map_err(|e| WriteError::io(data_dir, "cannot make the folder", e))?;
    let content = json!({
        "source": source.map(|p| p.display().to_string()),
        "saved_at": now_utc(),
        "letter": letter_to_json(letter),
    });
    write_atomically(&recovery_path(data_dir), |out| {
        serde_json::to_writer(&mut *out, &content)?;
        Ok(())
    })
}

/// The recovery file's contents, if there is one; `Err` says why it cannot be read.
pub fn read_recovery(data_dir: &Path) -> Option<Result<Recovery, String>> {
    let path = recovery_path(data_dir);
    match crate::input::read(&path, crate::input::Limit::RECOVERY) {
        Ok(bytes) => Some(parse_recovery(&path, &bytes)),
        Err(error) if error.is_not_found() => None,
        Err(error) => Some(Err(format!("{}: {error}", path.display()))),
    }
}

/// Reads the recovery file's `bytes`; `path` names it in messages.
pub fn parse_recovery(path: &Path, bytes: &[u8]) -> Result<Recovery, String> {
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let letter_json = value
        .get("letter")
        .ok_or_else(|| format!("{}: no letter in it", path.display()))?;
    let letter_text = serde_json::to_vec(letter_json).map_err(|e| e.to_string())?;
    let letter = load::load_bytes(path, &letter_text, SourceFormat::Json)
        .map_err(|e| e.to_string())?
        .letter;
    Ok(Recovery {
        source: value
            .get("source")
            .and_then(Value::as_str)
            .map(PathBuf::from),
        saved_at: value
            .get("saved_at")
            .and_then(Value::as_str)
            .unwrap_or("an unknown time")
            .to_owned(),
        letter,
    })
}

/// When the changes were kept, in the user's local time: "7 December 2026 at 09:41 CET".
///
/// `saved_at` is the UTC time the recovery file holds; anything else is shown as it is.
pub fn local_time(saved_at: &str) -> String {
    local_time_in(saved_at, &jiff::tz::TimeZone::system())
}

/// [`local_time`] in the time zone `zone`.
pub fn local_time_in(saved_at: &str, zone: &jiff::tz::TimeZone) -> String {
    match saved_at.parse::<jiff::Timestamp>() {
        Ok(time) => time
            .to_zoned_datetime(zone.clone())
            .strftime("%-d %B %Y at %H:%M %Z")
            .to_string(),
        Err(_) => saved_at.to_owned(),
    }
}

/// Moves a recovery file that cannot be read out of the way, so that the next copy does
/// not overwrite what may still be recovered from it by hand; where it now is.
pub fn set_aside_unreadable(data_dir: &Path) -> Option<PathBuf> {
    let kept = data_dir.join(format!(
        "recovery-unreadable-{}.json",
        now_utc().replace(':', "")
    ));
    std::fs::rename(recovery_path(data_dir), &kept).ok()?;
    Some(kept)
}

/// Removes the recovery file, once the changes are saved or given up.
pub fn remove_recovery(data_dir: &Path) {
    // Nothing to do when there is none; a file that cannot be removed is offered again next start.
    let _ = std::fs::remove_file(recovery_path(data_dir));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_kept_is_shown_in_local_time() {
        let paris = jiff::tz::TimeZone::fixed(jiff::tz::offset(1));
        assert_eq!(
            local_time_in("2026-12-07T08:41:05Z", &paris),
            "7 December 2026 at 09:41 +01"
        );
        let utc = jiff::tz::TimeZone::UTC;
        assert_eq!(
            local_time_in("2026-12-07T23:30:00Z", &utc),
            "7 December 2026 at 23:30 UTC"
        );
        assert_eq!(local_time_in("an unknown time", &utc), "an unknown time");
    }
}
