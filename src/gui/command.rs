//! What the panels ask the app to do. Panels draw and return commands; the app applies
//! them after the frame is drawn, so no panel changes another's state mid-frame.

use super::editor::SignerDraft;
use super::import::ImportTarget;
use super::roster_panel::CentralTab;
use super::worker::ExportKind;
use crate::extract::Found;
use crate::model::Date;
use crate::model::Demand;
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
    /// Save the letter to its file (or ask where, for a letter that has none).
    Save,
    /// Ask where to save the letter, then save it there.
    SaveAs,
    /// Save the letter to this file and make it the letter's file.
    SaveTo(PathBuf),
    /// Take back the last edit.
    Undo,
    /// Make the last undone edit again.
    Redo,
    /// Open the signer form: for the signer at this position, or for a new one.
    EditSigner(Option<usize>),
    /// Remove the signer at this position.
    RemoveSigner(usize),
    /// Open the demand form: for the demand at this position, or for a new one.
    EditDemand(Option<usize>),
    /// Remove the demand at this position.
    RemoveDemand(usize),
    /// Save the signer form: replace the signer at `index`, or add one at the end.
    CommitSigner {
        /// Which signer, or `None` to add.
        index: Option<usize>,
        /// What the form holds.
        draft: Box<SignerDraft>,
    },
    /// Save the demand form: replace the demand at `index`, or add one at the end.
    CommitDemand {
        /// Which demand, or `None` to add.
        index: Option<usize>,
        /// The demand.
        demand: Box<Demand>,
    },
    /// Close the signer or demand form without saving.
    CloseEditor,
    /// Answer to "save your changes?": save, then go on.
    PromptSave,
    /// Answer to "save your changes?": go on without saving.
    PromptDiscard,
    /// Close the question without doing anything.
    PromptCancel,
    /// The file changed on disk: write over it anyway.
    Overwrite,
    /// The file changed on disk: read it again, dropping the changes made here.
    Reload,
    /// Put back the unsaved changes found in the recovery file.
    RestoreRecovery,
    /// Throw away the unsaved changes found in the recovery file.
    DiscardRecovery,
    /// Ask for a roster file (any of the three published forms) and read it.
    ImportRoster,
    /// Read this roster file.
    ImportRosterFrom(PathBuf),
    /// Give the signer at `signer` this bioguide id: the person's choice among candidates.
    ChooseMember {
        /// Position of the signer in the letter.
        signer: usize,
        /// The chosen member's bioguide id.
        bioguide: String,
    },
    /// Ask where to write the targets, then write them as CSV.
    ExportTargets,
    /// Show the signers, the targets or the roster check below the charts.
    ShowTab(CentralTab),
    /// Shade the map by signers, or by the share of each delegation that signed.
    ShadeMapByShare(bool),
    /// Open the import window, to paste a text into.
    ImportFromText,
    /// Ask for a .txt, .md or .html file to import signers from.
    ImportTextDialog,
    /// Read this file into the import window and find its signers.
    ImportTextFrom(PathBuf),
    /// Close the import window.
    CloseImport,
    /// Take the reviewed rows into the open letter or a new one.
    AcceptImport {
        /// The accepted rows, corrected.
        rows: Vec<Found>,
        /// Where they go.
        target: ImportTarget,
        /// The new letter's title.
        title: String,
        /// The new letter's date.
        date: Option<Date>,
    },
    /// Stop reading the file being opened.
    CancelLoad,
    /// Show or hide the list of load warnings.
    ShowWarnings(bool),
    /// Show only the possible duplicates (and the signers they repeat), or every signer.
    ShowOnlyDuplicates(bool),
    /// Hide the error banner.
    DismissError,
    /// Follow the system theme, or force light or dark.
    SetTheme(egui::ThemePreference),
    /// Show the About window.
    ShowAbout(bool),
    /// Close the window.
    Quit,
}
