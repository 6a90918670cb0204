//! What the panels ask the app to do. Panels draw and return commands; the app applies
//! them after the frame is drawn, so no panel changes another's state mid-frame.

use super::worker::ExportKind;
use crate::model::{Chamber, DemandStatus, Role, State};
use std::path::PathBuf;

/// One thing the user asked for.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show the native file dialog to pick a letter.
    OpenDialog,
    /// Show the field where a path can be typed.
    OpenPathField,
    /// Load this file in the background.
    OpenPath(PathBuf),
    /// Go back to the bundled sample letter.
    OpenSample,
    /// Add the party code to the filter, or take it out.
    ToggleParty(String),
    /// Add the state to the filter, or take it out.
    ToggleState(State),
    /// Show one chamber, or both.
    SetChamber(Option<Chamber>),
    /// Show one role, or both.
    SetRole(Option<Role>),
    /// Show only names containing this text.
    SetSearch(String),
    /// Show every signer.
    ClearFilters,
    /// Change how far a demand has got.
    SetDemandStatus {
        /// Which demand, by position in the letter.
        index: usize,
        /// Its new status.
        status: DemandStatus,
    },
    /// Change the organiser's note on a demand.
    SetDemandNote {
        /// Which demand, by position in the letter.
        index: usize,
        /// The note as typed; blank removes it.
        note: String,
    },
    /// Ask where to export, then write the export there.
    Export(ExportKind),
    /// Write the export to this path (from the path field).
    ExportTo(ExportKind, PathBuf),
    /// Show or hide the list of load warnings.
    ShowWarnings(bool),
    /// Hide the error banner.
    DismissError,
    /// Follow the system theme, or force light or dark.
    SetTheme(egui::ThemePreference),
    /// Show the About window.
    ShowAbout(bool),
    /// Close the window.
    Quit,
}
