//! The small window where a path is typed: shown where the system has no file dialog, and
//! under *File ▸ Open path…*.

use super::command::{
    Command, ExportCommand, ExportKind, FileCommand, ImportCommand, RosterCommand,
};
use egui::Key;
use std::path::PathBuf;

/// What the typed path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open a letter or a signer table.
    OpenLetter,
    /// Write this export there.
    Export(ExportKind),
    /// Read a roster of Congress.
    ImportRoster,
    /// Read committee seats.
    ImportCommittees,
    /// Read a press release into the import window.
    ImportText,
}

/// The path field's own state.
pub struct PathField {
    purpose: PathPurpose,
    text: String,
    /// Why the field is shown, e.g. that there is no file dialog on this system.
    reason: Option<String>,
    /// Until the field is first drawn: it then takes the keyboard, so typing goes into it.
    wants_focus: bool,
}

/// What the user did with the path field this frame.
pub enum PathFieldOutcome {
    /// Nothing yet: it stays open.
    Open,
    /// Cancelled: close it.
    Cancelled,
    /// A path was given: close it and do this.
    Go(Command),
}

impl PathField {
    /// A field for `purpose`, holding `text`, with `reason` shown above it.
    pub fn new(purpose: PathPurpose, text: String, reason: Option<String>) -> PathField {
        PathField {
            purpose,
            text,
            reason,
            wants_focus: true,
        }
    }

    /// The field shown because the system has no file dialog; `ask` says what to type.
    pub fn instead_of_dialog(purpose: PathPurpose, text: String, ask: &str) -> PathField {
        PathField::new(
            purpose,
            text,
            Some(format!(
                "No file dialog is available on this system (it needs the desktop portal or zenity). {ask}"
            )),
        )
    }

    /// An example of what to type, shown while the field is empty.
    fn hint(&self) -> &'static str {
        match self.purpose {
            PathPurpose::OpenLetter => "/home/you/letters/letter.json",
            PathPurpose::Export(_) => "/home/you/letters/summary",
            PathPurpose::ImportRoster => "/home/you/Downloads/legislators-current.json",
            PathPurpose::ImportCommittees => {
                "/home/you/Downloads/committee-membership-current.yaml"
            }
            PathPurpose::ImportText => "/home/you/letters/press-release.txt",
        }
    }

    fn title(&self) -> String {
        match self.purpose {
            PathPurpose::Export(kind) => format!("Export {} to a path", kind.label()),
            PathPurpose::OpenLetter => "Open a letter by path".to_owned(),
            PathPurpose::ImportRoster => "Import a roster by path".to_owned(),
            PathPurpose::ImportCommittees => "Import committee seats by path".to_owned(),
            PathPurpose::ImportText => "Import signers from a text file".to_owned(),
        }
    }

    /// What the button says.
    fn verb(&self) -> &'static str {
        match self.purpose {
            PathPurpose::Export(_) => "Export",
            PathPurpose::OpenLetter => "Open",
            PathPurpose::ImportRoster | PathPurpose::ImportCommittees | PathPurpose::ImportText => {
                "Import"
            }
        }
    }

    /// What to do with `path`.
    fn command(&self, path: PathBuf) -> Command {
        match self.purpose {
            PathPurpose::Export(kind) => ExportCommand::WriteTo(kind, path).into(),
            PathPurpose::OpenLetter => FileCommand::OpenPath(path).into(),
            PathPurpose::ImportRoster => RosterCommand::ReadFile(path).into(),
            PathPurpose::ImportCommittees => RosterCommand::ReadCommittees(path).into(),
            PathPurpose::ImportText => ImportCommand::ReadFile(path).into(),
        }
    }

    /// Draws the field's window.
    pub fn ui(&mut self, ctx: &egui::Context) -> PathFieldOutcome {
        let mut outcome = PathFieldOutcome::Open;
        egui::Window::new(self.title())
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                if let Some(reason) = &self.reason {
                    ui.label(reason);
                    ui.add_space(4.0);
                }
                let hint = self.hint();
                let response = ui.add(
                    egui::TextEdit::singleline(&mut self.text)
                        .hint_text(hint)
                        .desired_width(420.0),
                );
                if std::mem::take(&mut self.wants_focus) {
                    response.request_focus();
                }
                let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                ui.horizontal(|ui| {
                    let can_go = !self.text.trim().is_empty();
                    let go = ui.add_enabled(can_go, egui::Button::new(self.verb()));
                    if (go.clicked() || entered) && can_go {
                        let path = PathBuf::from(self.text.trim());
                        outcome = PathFieldOutcome::Go(self.command(path));
                    }
                    if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                        outcome = PathFieldOutcome::Cancelled;
                    }
                });
            });
        outcome
    }
}
