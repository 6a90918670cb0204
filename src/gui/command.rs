//! What the panels ask the app to do, grouped by the area that does it. Panels draw and
//! return commands; the app hands each to its area after the frame is drawn, so no panel
//! changes another's state mid-frame.
//!
//! Commands carry plain data (positions, paths, values, the small types below), never a
//! panel's own types: every panel depends on this module, and it on nothing in `gui/`.

use crate::export::ExportFormat;
use crate::extract::Found;
use crate::model::{Chamber, Date, Demand, DemandStatus, Letter, Party, Role, Signer, State};
use crate::outreach::{Contact, Goal, Status};
use std::path::PathBuf;

/// Opening and saving letters, and answering the questions they raise.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    /// Show the native file dialog to pick a letter.
    OpenDialog,
    /// Show the field where a path can be typed.
    OpenPathField,
    /// Load this file in the background.
    OpenPath(PathBuf),
    /// Go back to the bundled sample letter.
    OpenSample,
    /// Stop reading the file being opened.
    CancelLoad,
    /// Save the letter to its file (or ask where, for a letter that has none).
    Save,
    /// Ask where to save the letter, then save it there.
    SaveAs,
    /// Save the letter to this file and make it the letter's file.
    SaveTo(PathBuf),
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
    /// Close the window.
    Quit,
}

/// Which signers the charts, map, table and exports show.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum FilterCommand {
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
    Clear,
    /// Show only the possible duplicates (and the signers they repeat), or every signer.
    ShowOnlyDuplicates(bool),
}

/// Changes to the letter's signers and demands, and the forms that make them.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum EditCommand {
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
    /// Record where asking the member with `bioguide` has got.
    SetStatus {
        /// The member's bioguide id.
        bioguide: String,
        /// The new status.
        status: Status,
    },
    /// Add a contact to the member's log.
    AddContact {
        /// The member's bioguide id.
        bioguide: String,
        /// The contact.
        contact: Box<Contact>,
    },
    /// Set or clear when to follow up with the member.
    SetFollowUp {
        /// The member's bioguide id.
        bioguide: String,
        /// The day, or none.
        date: Option<Date>,
    },
    /// Set or clear the number of signers the campaign aims for.
    SetGoal(Option<Goal>),
    /// Give the signer at `signer` this bioguide id: the person's choice among candidates.
    ChooseMember {
        /// Position of the signer in the letter.
        signer: usize,
        /// The chosen member's bioguide id.
        bioguide: String,
    },
}

/// Reading the roster of Congress.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum RosterCommand {
    /// Ask for a roster file (any of the three published forms) and read it.
    AskForFile,
    /// Read this roster file.
    ReadFile(PathBuf),
    /// Ask for a committee membership file (committee-membership-current.yaml) and read it.
    AskForCommittees,
    /// Read this committee membership file (and committees-current.yaml beside it).
    ReadCommittees(PathBuf),
}

/// File ▸ Import from text: finding signers in a press release.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum ImportCommand {
    /// Open the import window, to paste a text into.
    Open,
    /// Ask for a .txt, .md or .html file to import signers from.
    AskForFile,
    /// Read this file into the import window and find its signers.
    ReadFile(PathBuf),
    /// Close the import window.
    Close,
    /// Take the reviewed rows into the open letter or a new one.
    Accept {
        /// The accepted rows, corrected.
        rows: Vec<Found>,
        /// Where they go.
        target: ImportTarget,
        /// The new letter's title.
        title: String,
        /// The new letter's date.
        date: Option<Date>,
    },
}

/// Writing what the window shows to a file.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum ExportCommand {
    /// Ask where to write this export, then write it there.
    AskWhere(ExportKind),
    /// Write the export to this path (from the dialog or the path field).
    WriteTo(ExportKind, PathBuf),
}

/// What the window shows, apart from the letter.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum ViewCommand {
    /// Show the signers, the targets or the roster check below the charts.
    ShowTab(CentralTab),
    /// Shade the map by signers, or by the share of each delegation that signed.
    ShadeMapByShare(bool),
    /// Show or hide the list of load warnings.
    ShowWarnings(bool),
    /// Hide the error banner.
    DismissError,
    /// Follow the system theme, or force light or dark.
    SetTheme(egui::ThemePreference),
    /// Show the About window.
    ShowAbout(bool),
    /// Show or hide the filters panel.
    ShowFilters(bool),
    /// Show or hide the demands panel.
    ShowDemands(bool),
}

/// The [`Command`] enum, one variant per area, and the `From` that wraps each area's
/// command in it, so that a panel writes `FilterCommand::Clear.into()`.
macro_rules! commands_by_area {
    ($($(#[$doc:meta])* $area:ident($inner:ty)),* $(,)?) => {
        /// One thing the user asked for, by area.
        #[must_use]
        #[derive(Clone, Debug, PartialEq)]
        pub enum Command {
            $($(#[$doc])* $area($inner),)*
        }

        $(impl From<$inner> for Command {
            fn from(command: $inner) -> Command {
                Command::$area(command)
            }
        })*
    };
}

commands_by_area!(
    /// Opening, saving, and the questions around unsaved changes (`gui/app/files.rs`).
    File(FileCommand),
    /// Which signers every view shows (`gui/app/mod.rs` applies it to the document).
    Filter(FilterCommand),
    /// Changes to the letter, each undoable (`gui/app/editing.rs`).
    Edit(EditCommand),
    /// The roster of Congress (`gui/app/mod.rs`; its tabs are [`super::roster_panel`]).
    Roster(RosterCommand),
    /// Signers found in a text (`gui/app/importing.rs`).
    Import(ImportCommand),
    /// Writing exports (`gui/app/exporting.rs`).
    Export(ExportCommand),
    /// What the window shows: tabs, side panels, windows, theme (`gui/app/view.rs`; drawn by [`super::layout`]).
    View(ViewCommand),
);

/// What the space below the charts shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CentralTab {
    /// The signer table.
    #[default]
    Signers,
    /// Members who have not signed.
    Targets,
    /// Signers no longer serving, party changes, vacancies.
    Check,
    /// The demands checklist, when the window is too narrow to show it beside the charts.
    Demands,
}

/// Where accepted rows go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    /// Added to the end of the open letter (those it already lists are skipped).
    OpenLetter,
    /// A new letter with only these signers.
    NewLetter,
}

/// What File ▸ Export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// One of the core's text formats.
    Data(ExportFormat),
    /// A picture of the window as it is.
    Picture,
    /// The letter itself, as a JSON letter file (Save As).
    Letter,
    /// The members who have not signed, as CSV.
    Targets,
}

impl ExportKind {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Data(format) => format.extension(),
            ExportKind::Picture => "png",
            ExportKind::Letter => "json",
            ExportKind::Targets => "csv",
        }
    }

    /// What it is called in menus and messages.
    pub fn label(self) -> &'static str {
        match self {
            ExportKind::Data(format) => format.label(),
            ExportKind::Picture => "PNG picture",
            ExportKind::Letter => "Letter file",
            ExportKind::Targets => "Targets CSV",
        }
    }
}

/// A signer as typed into the form, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct SignerDraft {
    /// The name, trimmed.
    pub name: String,
    /// The party as typed; blank for none.
    pub party: String,
    /// The state, recognised.
    pub state: State,
    /// House or Senate.
    pub chamber: Option<Chamber>,
    /// The district.
    pub district: Option<u8>,
    /// Lead or cosigner.
    pub role: Role,
    /// Bioguide id.
    pub bioguide: Option<String>,
    /// When they signed.
    pub signed_on: Option<Date>,
    /// A note.
    pub note: Option<String>,
}

impl SignerDraft {
    /// The signer this draft describes, keeping what `base` has that the form does not show.
    pub fn to_signer(&self, letter: &mut Letter, base: Option<&Signer>) -> Signer {
        let party = match letter.parties.intern(&self.party) {
            crate::model::Interned::Known(p) | crate::model::Interned::Other(p) => p,
            crate::model::Interned::Full => Party::UNKNOWN,
        };
        let mut extra = base.and_then(|b| b.extra.clone());
        if let Some(fields) = extra.as_mut() {
            fields.remove(crate::model::UNRECOGNISED_STATE_KEY);
        }
        Signer {
            name: self.name.as_str().into(),
            party,
            state: self.state,
            chamber: self.chamber,
            district: self.district,
            role: self.role,
            bioguide: self.bioguide.as_deref().map(Box::from),
            signed_on: self.signed_on,
            note: self.note.as_deref().map(Box::from),
            extra: extra.filter(|e| !e.is_empty()),
        }
    }
}
