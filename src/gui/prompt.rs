//! The questions the window asks before it goes on ("Save the changes…?", "Restore unsaved
//! changes?"), and what waits for their answer: plain data, drawn by [`super::dialogs`] and
//! answered by the app's files area.

use super::session::Recovery;
use std::path::PathBuf;

/// Something the user asked for that would drop unsaved changes, held until they answer.
#[derive(Clone, Debug, PartialEq)]
pub enum PendingAction {
    /// Close the window.
    Close,
    /// Show the open dialog.
    OpenDialog,
    /// Open this file.
    OpenPath(PathBuf),
    /// Open the sample letter.
    OpenSample,
    /// Replace the open letter with a new one (made from imported signers).
    NewLetter(Box<crate::model::Letter>),
}

impl PendingAction {
    /// What the user was doing, for "…lost if you go on closing".
    pub fn verb(&self) -> &'static str {
        match self {
            PendingAction::Close => "closing",
            PendingAction::OpenDialog
            | PendingAction::OpenPath(_)
            | PendingAction::OpenSample
            | PendingAction::NewLetter(_) => "opening another letter",
        }
    }
}

/// A question the app asks before it goes on.
#[derive(Clone, Debug)]
pub enum Prompt {
    /// "Save the changes before …?"
    Unsaved(PendingAction),
    /// Another program changed the file since it was opened.
    ChangedOnDisk,
    /// Unsaved changes from last time were found.
    Restore(Box<Recovery>),
}
