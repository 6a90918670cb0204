//! Writing a file so that it is either wholly written or not touched at all.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a file could not be written. The file that was there before, if any, is unchanged.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct WriteError {
    /// The file as the user named it.
    pub path: PathBuf,
    /// What went wrong, for people.
    pub message: String,
    /// The underlying error, when there is one.
    #[source]
    pub source: Option<io::Error>,
}

impl WriteError {
    fn new(path: &Path, message: impl Into<String>) -> WriteError {
        WriteError {
            path: path.to_path_buf(),
            message: message.into(),
            source: None,
        }
    }

    pub(crate) fn io(path: &Path, doing: &str, error: io::Error) -> WriteError {
        let reason = match error.kind() {
            io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
            io::ErrorKind::StorageFull => "the disk is full".to_owned(),
            io::ErrorKind::IsADirectory => "this is a folder".to_owned(),
            _ => error.to_string(),
        };
        WriteError {
            path: path.to_path_buf(),
            message: format!("{doing}: {reason}"),
            source: Some(error),
        }
    }
}

/// Tells apart the temporary files of several exports running at once in one process.
static TEMPORARY_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Removes the temporary file unless it was renamed into place.
struct Temporary {
    path: PathBuf,
    is_renamed: bool,
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.is_renamed {
            // Best effort: the export has already failed, and that error is the one to report.
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Writes `path` with what `write` produces, atomically: into a new temporary file in the
/// same folder (`.NAME.PID.N.tmp`), flushed and synced to disk, then renamed over `path`.
///
/// If anything fails, `write` included, the temporary file is removed and a file already at
/// `path` is left as it was. A file that is replaced keeps its permissions.
///
/// ```
/// # let folder = std::env::temp_dir();
/// let path = folder.join(format!("atomic-doc-{}.txt", std::process::id()));
/// signer_dashboard::export::write_atomically(&path, |out| writeln!(out, "hello")).unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "hello\n");
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn write_atomically<F>(path: &Path, write: F) -> Result<(), WriteError>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let Some(name) = path.file_name() else {
        return Err(WriteError::new(
            path,
            "cannot write the file: expected a file name, found a folder",
        ));
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let existing = fs::metadata(path).ok();
    if existing.as_ref().is_some_and(fs::Metadata::is_dir) {
        return Err(WriteError::new(
            path,
            "cannot write the file: this is a folder",
        ));
    }
    if !folder.is_dir() {
        return Err(WriteError::new(
            path,
            format!(
                "cannot write the file: the folder {} does not exist",
                folder.display()
            ),
        ));
    }

    let name = name.to_string_lossy();
    clear_stale_temporaries(folder, &name);
    let (file, temporary) = create_temporary(path, folder, &name)?;
    let mut temporary = Temporary {
        path: temporary,
        is_renamed: false,
    };
    let mut writer = BufWriter::new(file);
    write(&mut writer).map_err(|e| WriteError::io(path, "cannot write the file", e))?;
    let file = writer
        .into_inner()
        .map_err(|e| WriteError::io(path, "cannot write the file", e.into_error()))?;
    file.sync_all()
        .map_err(|e| WriteError::io(path, "cannot save the file to disk", e))?;
    drop(file);
    if let Some(existing) = existing {
        // Best effort: a replaced file that loses its mode is still the export asked for.
        let _ = fs::set_permissions(&temporary.path, existing.permissions());
    }
    fs::rename(&temporary.path, path)
        .map_err(|e| WriteError::io(path, "cannot replace the file", e))?;
    temporary.is_renamed = true;
    sync_folder(folder);
    Ok(())
}

/// Creates a temporary file next to `path` that no one else is using.
fn create_temporary(path: &Path, folder: &Path, name: &str) -> Result<(File, PathBuf), WriteError> {
    const ATTEMPTS: u32 = 100;
    let mut last_error = None;
    for _ in 0..ATTEMPTS {
        let counter = TEMPORARY_COUNTER.fetch_add(1, Ordering::Relaxed);
        let temporary = folder.join(format!(".{name}.{}.{counter}.tmp", std::process::id()));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => return Ok((file, temporary)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_error = Some(e),
            Err(e) => return Err(WriteError::io(path, "cannot write the file", e)),
        }
    }
    Err(match last_error {
        Some(e) => WriteError::io(path, "cannot create a temporary file beside it", e),
        None => WriteError::new(path, "cannot create a temporary file beside it"),
    })
}

/// Removes the temporary files of `name` that earlier writers left behind when they were
/// killed mid-write (`.NAME.PID.N.tmp` whose process is gone), so that they do not pile up.
///
/// A temporary file of this process, or of a process still running, may be a write in
/// progress and is left alone. Where there is no `/proc` to ask, only files untouched for
/// a day are taken for leftovers. Best effort: a leftover that cannot be removed is no
/// reason to fail the write.
fn clear_stale_temporaries(folder: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{name}.");
    let own = std::process::id();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(prefix.as_str()))
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(writer_of_temporary)
        else {
            continue;
        };
        if pid != own && !is_running(pid, &entry) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in the `PID.N` part of a temporary file's name, if it is one.
fn writer_of_temporary(rest: &str) -> Option<u32> {
    let (pid, counter) = rest.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(pid) && digits(counter))
        .then(|| pid.parse().ok())
        .flatten()
}

/// Whether the process `pid` that wrote the temporary file `entry` may still be writing it.
fn is_running(pid: u32, entry: &fs::DirEntry) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    const A_DAY: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);
    let age = entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok());
    age.is_none_or(|age| age < A_DAY)
}

/// Makes the rename itself durable where the platform allows opening a folder.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = File::open(folder) {
        // Best effort: the data is already synced and in place.
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_killed_writers_temporary_is_cleared_by_the_next_write_and_others_are_kept() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("out.csv");
        // A process that has ended: its id names a writer that can no longer be writing.
        let mut ended = std::process::Command::new("true").spawn().unwrap();
        ended.wait().unwrap();
        let dead = folder.path().join(format!(".out.csv.{}.0.tmp", ended.id()));
        let ours = folder
            .path()
            .join(format!(".out.csv.{}.999.tmp", std::process::id()));
        let other_file = folder
            .path()
            .join(format!(".other.csv.{}.0.tmp", ended.id()));
        let not_ours = folder.path().join(".out.csv.notes.tmp");
        for leftover in [&dead, &ours, &other_file, &not_ours] {
            fs::write(leftover, b"partial").unwrap();
        }

        write_atomically(&path, |out| out.write_all(b"whole")).unwrap();

        assert_eq!(fs::read(&path).unwrap(), b"whole");
        #[cfg(target_os = "linux")]
        assert!(
            !dead.exists(),
            "the dead writer's temporary file is still there"
        );
        for kept in [&ours, &other_file, &not_ours] {
            assert!(kept.exists(), "{} was removed", kept.display());
        }
    }

    #[test]
    fn only_pid_and_counter_names_are_temporaries() {
        assert_eq!(writer_of_temporary("123.4"), Some(123));
        for name in ["123", "a.4", "123.", ".4", "123.4.5", "99999999999.1"] {
            assert_eq!(writer_of_temporary(name), None, "{name}");
        }
    }
}
