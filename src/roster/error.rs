//! Why a roster file could not be read.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong, broadly; the message says the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RosterErrorKind {
    /// There is no file at the path.
    NotFound,
    /// The file exists but could not be read (permissions, a folder, an I/O error).
    Unreadable,
    /// The bytes are not UTF-8 text.
    Encoding,
    /// The file is none of the forms a roster comes in (a letter file, say).
    NotARoster,
    /// The text is not well-formed JSON, YAML or CSV.
    Syntax,
    /// Well-formed, but a member is incomplete or wrong: no terms, an unknown state…
    Content,
}

/// Why a roster could not be loaded: which file, where in it, which field, what was wrong.
///
/// Shown as `file:line:column: field: message`, like the letter loader's errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterError {
    /// The broad kind of problem.
    pub kind: RosterErrorKind,
    /// The file as the user named it.
    pub path: PathBuf,
    /// 1-based line and column where the problem has a place; column 0 when only the line is known.
    pub position: Option<(usize, usize)>,
    /// The field, as a path into the file (`[12].terms`) or a CSV column name.
    pub field: Option<String>,
    /// What was expected and what was found.
    pub message: String,
}

impl std::error::Error for RosterError {}

impl fmt::Display for RosterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::load::write_located(
            f,
            &self.path,
            self.position,
            self.field.as_deref(),
            &self.message,
        )
    }
}

impl RosterError {
    pub(crate) fn new(kind: RosterErrorKind, path: &Path, message: impl Into<String>) -> Self {
        RosterError {
            kind,
            path: path.to_path_buf(),
            position: None,
            field: None,
            message: message.into(),
        }
    }

    pub(crate) fn at(mut self, line: usize, column: usize) -> Self {
        self.position = Some((line, column));
        self
    }

    pub(crate) fn field(mut self, field: impl Into<String>) -> Self {
        let field = field.into();
        if !field.is_empty() && field != "." {
            self.field = Some(field);
        }
        self
    }

    /// A roster file that could not be opened: not there, not a regular file, too big.
    pub(crate) fn input(path: &Path, error: &crate::input::InputError) -> Self {
        let kind = if error.is_not_found() {
            RosterErrorKind::NotFound
        } else {
            RosterErrorKind::Unreadable
        };
        RosterError::new(kind, path, error.to_string())
    }

    /// The first byte at `valid_up_to` is not UTF-8: say where, as a person counts.
    pub(crate) fn encoding(path: &Path, bytes: &[u8], valid_up_to: usize) -> Self {
        let before = bytes.get(..valid_up_to).unwrap_or_default();
        let line = 1 + memchr::memchr_iter(b'\n', before).count();
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let column = 1 + String::from_utf8_lossy(before.get(line_start..).unwrap_or_default())
            .chars()
            .count();
        let byte = bytes.get(valid_up_to).copied().unwrap_or_default();
        RosterError::new(
            RosterErrorKind::Encoding,
            path,
            format!("expected UTF-8 text, found the byte 0x{byte:02X}"),
        )
        .at(line, column)
    }
}
