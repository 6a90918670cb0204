//! Why a letter could not be loaded, said the way a person fixes it: the file, then
//! line:column, the field, and what was expected there.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong, broadly; the message says the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// There is no file at the path.
    NotFound,
    /// The file exists but could not be read (permissions, a folder, an I/O error).
    Unreadable,
    /// The bytes are not UTF-8 text.
    Encoding,
    /// The text is not well-formed JSON or CSV.
    Syntax,
    /// Well-formed, but a field is missing or holds the wrong kind of value.
    Content,
}

/// Why a file could not be loaded: which file, where in it, which field, what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The broad kind of problem.
    pub kind: LoadErrorKind,
    /// The file as the user named it.
    pub path: PathBuf,
    /// 1-based line and column, where the problem has a place.
    pub position: Option<(usize, usize)>,
    /// The field, as a path into the file (`signers[3].district`) or a CSV column name.
    pub field: Option<String>,
    /// What was expected and what was found.
    pub message: String,
}

impl std::error::Error for LoadError {}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(
            f,
            &self.path,
            self.position,
            self.field.as_deref(),
            &self.message,
        )
    }
}

/// Writes `file:line:column: field: message` (column 0: only the line is known), the shape
/// of every error about a file the app reads, letters and rosters alike.
pub(crate) fn write_located(
    f: &mut fmt::Formatter<'_>,
    path: &Path,
    position: Option<(usize, usize)>,
    field: Option<&str>,
    message: &str,
) -> fmt::Result {
    write!(f, "{}", path.display())?;
    match position {
        Some((line, 0)) => write!(f, ":{line}")?,
        Some((line, column)) => write!(f, ":{line}:{column}")?,
        None => {}
    }
    if let Some(field) = field {
        write!(f, ": {field}")?;
    }
    write!(f, ": {message}")
}

impl LoadError {
    pub(crate) fn new(kind: LoadErrorKind, path: &Path, message: impl Into<String>) -> LoadError {
        LoadError {
            kind,
            path: path.to_path_buf(),
            position: None,
            field: None,
            message: message.into(),
        }
    }

    pub(crate) fn at(mut self, line: usize, column: usize) -> LoadError {
        self.position = Some((line, column));
        self
    }

    pub(crate) fn field(mut self, field: impl Into<String>) -> LoadError {
        self.field = Some(field.into());
        self
    }

    /// A letter file that could not be opened: not there, not a regular file, too big.
    pub(crate) fn input(path: &Path, error: &crate::input::InputError) -> LoadError {
        let kind = if error.is_not_found() {
            LoadErrorKind::NotFound
        } else {
            LoadErrorKind::Unreadable
        };
        LoadError::new(kind, path, error.to_string())
    }

    /// The first byte at `valid_up_to` is not UTF-8: say where, as a person counts lines and columns.
    pub(crate) fn encoding(path: &Path, bytes: &[u8], valid_up_to: usize) -> LoadError {
        let before = bytes.get(..valid_up_to).unwrap_or_default();
        let line = 1 + memchr::memchr_iter(b'\n', before).count();
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let column = 1 + String::from_utf8_lossy(before.get(line_start..).unwrap_or_default())
            .chars()
            .count();
        let byte = bytes.get(valid_up_to).copied().unwrap_or_default();
        LoadError::new(
            LoadErrorKind::Encoding,
            path,
            format!("expected UTF-8 text, found the byte 0x{byte:02X} (save the file as UTF-8 and open it again)"),
        )
        .at(line, column)
    }
}

/// A problem that did not stop the file from loading, such as an unknown state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// Where in the file: `signers[3] "Jane Doe"` or `line 5 "Jane Doe"`.
    pub location: String,
    /// What is wrong and what the app did about it.
    pub message: String,
    /// The signer it concerns, by position in the letter.
    pub signer: Option<usize>,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.location, self.message)
        }
    }
}
