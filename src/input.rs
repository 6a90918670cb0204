//! Opening a user's file: the one door every reader of user data goes through.
//!
//! A path given by a person (on the command line, dropped on the window, picked in a
//! dialog, remembered from last time) may name something that is not a file at all: a
//! folder, a named pipe with no writer (opening it waits forever), a device such as
//! `/dev/zero` (reading it never ends), or a file far bigger than any letter. Every reader
//! opens through [`open`] or reads through [`read`], which refuse all of those at once
//! with a message that says what the path is and, for a size, the limit.

use std::fmt;
use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

const MIB: u64 = 1024 * 1024;
const GIB: u64 = 1024 * MIB;

/// How big a file of one kind may be, and what to call it in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// The most bytes a file of this kind may hold.
    pub bytes: u64,
    /// What the file holds, for messages ("not a letter file"): "letter", "roster".
    pub what: &'static str,
}

impl Limit {
    /// A letter (JSON) or a table of signers (CSV): 4 GiB, some 30 million signers of JSON
    /// at the usual 140 bytes a signer, and more as CSV.
    pub const LETTER: Limit = Limit {
        bytes: 4 * GIB,
        what: "letter",
    };
    /// A roster of Congress: the published `legislators-historical` file, every member
    /// since 1789, is some 30 MB of YAML, so 1 GiB leaves room for any roster there is.
    pub const ROSTER: Limit = Limit {
        bytes: GIB,
        what: "roster",
    };
    /// A press release or letter text for `extract`: 64 MiB, thousands of times a real one.
    pub const TEXT: Limit = Limit {
        bytes: 64 * MIB,
        what: "text",
    };
    /// The unsaved changes the window keeps: a whole letter, so the letter's limit.
    pub const RECOVERY: Limit = Limit {
        bytes: Limit::LETTER.bytes,
        what: "recovery",
    };
}

/// Why a path could not be opened for reading.
#[derive(Debug)]
pub enum InputError {
    /// Nothing is there.
    NotFound,
    /// Something is there, but not a regular file: a folder, a pipe, a device, a socket.
    NotAFile {
        /// What is there, in words: "a folder", "a named pipe (FIFO)", "a device".
        kind: &'static str,
        /// The kind of file that was wanted.
        limit: Limit,
    },
    /// The file is bigger than the limit for its kind.
    TooBig {
        /// The file's size in bytes.
        size: u64,
        /// The limit it passes.
        limit: Limit,
    },
    /// The system refused: permissions, an I/O error.
    Io(io::Error),
}

impl std::error::Error for InputError {}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound => f.write_str("no such file"),
            InputError::NotAFile { kind, limit } => {
                write!(f, "this is {kind}, not a {} file", limit.what)
            }
            InputError::TooBig { size, limit } => write!(
                f,
                "the file is {}, more than the {} a {} file may be",
                human_size(*size),
                human_size(limit.bytes),
                limit.what
            ),
            InputError::Io(error) if error.kind() == io::ErrorKind::PermissionDenied => {
                f.write_str("cannot read the file: permission denied")
            }
            InputError::Io(error) => write!(f, "cannot read the file: {error}"),
        }
    }
}

impl InputError {
    fn from_io(error: io::Error, limit: Limit) -> InputError {
        match error.kind() {
            io::ErrorKind::NotFound => InputError::NotFound,
            io::ErrorKind::IsADirectory => InputError::NotAFile {
                kind: "a folder",
                limit,
            },
            _ => InputError::Io(error),
        }
    }

    /// Whether nothing is at the path.
    pub fn is_not_found(&self) -> bool {
        matches!(self, InputError::NotFound)
    }
}

/// What a path that is not a regular file is, in words.
fn kind_of(metadata: &Metadata) -> &'static str {
    let file_type = metadata.file_type();
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// Checks that `metadata` is a regular file within `limit`; its size in bytes.
fn check(metadata: &Metadata, limit: Limit) -> Result<u64, InputError> {
    if !metadata.is_file() {
        return Err(InputError::NotAFile {
            kind: kind_of(metadata),
            limit,
        });
    }
    let size = metadata.len();
    if size > limit.bytes {
        return Err(InputError::TooBig { size, limit });
    }
    Ok(size)
}

/// Opens the regular file at `path` (symbolic links followed) for reading, no bigger than
/// `limit`; with its size in bytes.
///
/// The path is looked at before it is opened, since opening a named pipe waits for a
/// writer; the open file is looked at again, in case the path changed in between.
pub fn open(path: &Path, limit: Limit) -> Result<(File, u64), InputError> {
    let before = std::fs::metadata(path).map_err(|e| InputError::from_io(e, limit))?;
    check(&before, limit)?;
    let file = File::open(path).map_err(|e| InputError::from_io(e, limit))?;
    let metadata = file.metadata().map_err(|e| InputError::from_io(e, limit))?;
    let size = check(&metadata, limit)?;
    Ok((file, size))
}

/// Reads the whole regular file at `path`, no bigger than `limit`.
///
/// A file that grows past the limit while it is read is refused too: at most one byte
/// more than the limit is ever read.
pub fn read(path: &Path, limit: Limit) -> Result<Vec<u8>, InputError> {
    let (file, size) = open(path, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::from_io(e, limit))?;
    let read = bytes.len() as u64;
    if read > limit.bytes {
        return Err(InputError::TooBig { size: read, limit });
    }
    Ok(bytes)
}

/// A size as a person reads it: "512 bytes", "3.2 MB", "4 GiB".
pub fn human_size(bytes: u64) -> String {
    if bytes >= GIB && bytes.is_multiple_of(GIB) {
        return format!("{} GiB", bytes / GIB);
    }
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        return format!("{} MiB", bytes / MIB);
    }
    #[expect(
        clippy::cast_precision_loss,
        reason = "a size shown to one decimal place"
    )]
    let value = bytes as f64;
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.1} kB", value / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", value / 1e6),
        _ => format!("{:.1} GB", value / 1e9),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail by panicking")]

    use super::*;

    const SMALL: Limit = Limit {
        bytes: 10,
        what: "test",
    };

    #[test]
    fn a_regular_file_within_the_limit_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read(&path, SMALL).unwrap(), b"0123456789");
        assert_eq!(open(&path, SMALL).unwrap().1, 10);
    }

    #[test]
    fn a_file_past_the_limit_is_refused_with_the_limit_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"0123456789!").unwrap();
        let error = read(&path, SMALL).unwrap_err();
        assert!(matches!(error, InputError::TooBig { size: 11, .. }));
        assert_eq!(
            error.to_string(),
            "the file is 11 bytes, more than the 10 bytes a test file may be"
        );
    }

    #[test]
    fn folders_devices_and_missing_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            read(dir.path(), SMALL).unwrap_err().to_string(),
            "this is a folder, not a test file"
        );
        assert!(matches!(
            read(&dir.path().join("none"), SMALL),
            Err(InputError::NotFound)
        ));
        #[cfg(unix)]
        assert_eq!(
            read(Path::new("/dev/zero"), Limit::LETTER)
                .unwrap_err()
                .to_string(),
            "this is a device, not a letter file"
        );
    }

    #[test]
    fn limits_read_as_a_person_says_them() {
        assert_eq!(human_size(Limit::LETTER.bytes), "4 GiB");
        assert_eq!(human_size(Limit::TEXT.bytes), "64 MiB");
        assert_eq!(human_size(999), "999 bytes");
        assert_eq!(human_size(58_400_000), "58.4 MB");
    }
}
