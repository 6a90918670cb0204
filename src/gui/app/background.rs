//! What comes back from the worker (files read, dialogs closed, exports written), handed
//! to the area that asked for it.

use super::DashboardApp;
use crate::gui::command::{ExportCommand, ImportCommand, RosterCommand};
use crate::gui::path_field::{PathField, PathPurpose};
use crate::gui::prompt::PendingAction;
use crate::gui::roster_panel::RosterState;
use crate::gui::worker::{Outcome, Picked};

impl DashboardApp {
    /// Takes every outcome the worker has ready.
    pub(super) fn collect_background_work(&mut self) {
        for outcome in self.worker.poll() {
            match outcome {
                Outcome::Loaded { path, result } => self.finish_load(path, result),
                // The dialog was opened after any unsaved changes were dealt with.
                Outcome::Picked(Picked::File(path)) => self.perform(PendingAction::OpenPath(path)),
                Outcome::Picked(Picked::Cancelled)
                | Outcome::SaveTo {
                    picked: Picked::Cancelled,
                    ..
                } => self.session.after_save = None,
                Outcome::SaveTo {
                    kind,
                    picked: Picked::File(path),
                } => self.apply_export(ExportCommand::WriteTo(kind, path)),
                Outcome::SaveTo {
                    kind,
                    picked: Picked::Unavailable,
                } => {
                    let folder = self
                        .settings
                        .last_folder
                        .clone()
                        .or_else(|| std::env::current_dir().ok());
                    let name = self.default_export_name(kind);
                    let text = folder
                        .map_or_else(|| name.clone(), |f| f.join(&name).display().to_string());
                    self.path_field = Some(PathField::instead_of_dialog(
                        PathPurpose::Export(kind),
                        text,
                        "Type where to save the export:",
                    ));
                }
                Outcome::PickedRoster(Picked::File(path)) => {
                    self.apply_roster(RosterCommand::ReadFile(path))
                }
                Outcome::PickedRoster(Picked::Cancelled)
                | Outcome::PickedText(Picked::Cancelled)
                | Outcome::PickedCommittees(Picked::Cancelled) => {}
                Outcome::PickedCommittees(Picked::File(path)) => {
                    self.apply_roster(RosterCommand::ReadCommittees(path))
                }
                Outcome::PickedCommittees(Picked::Unavailable) => {
                    self.path_field = Some(PathField::instead_of_dialog(
                        PathPurpose::ImportCommittees,
                        String::new(),
                        "Type the path of committee-membership-current.yaml:",
                    ));
                }
                Outcome::CommitteesLoaded {
                    path,
                    result: Ok(committees),
                } => {
                    let seats: usize = committees.members().map(|(_, s)| s.len()).sum();
                    self.status = Some(format!(
                        "{} committees and subcommittees, {} seats, from {}",
                        committees.len(),
                        crate::text::grouped(seats),
                        path.display()
                    ));
                    self.committees = Some(std::sync::Arc::from(committees));
                }
                Outcome::CommitteesLoaded {
                    path,
                    result: Err(error),
                } => {
                    let kept = if self.committees.is_some() {
                        "The committees you had stay."
                    } else {
                        ""
                    };
                    self.error = Some(format!(
                        "Could not import the committees from {}\n{error}\n{kept}",
                        path.display()
                    ));
                }
                Outcome::PickedText(Picked::File(path)) => {
                    self.apply_import(ImportCommand::ReadFile(path))
                }
                Outcome::PickedText(Picked::Unavailable) => {
                    self.path_field = Some(PathField::instead_of_dialog(
                        PathPurpose::ImportText,
                        String::new(),
                        "Type the path of the .txt, .md or .html file, or paste the text into the import window:",
                    ));
                }
                Outcome::PickedRoster(Picked::Unavailable) => {
                    self.path_field = Some(PathField::instead_of_dialog(
                        PathPurpose::ImportRoster,
                        String::new(),
                        "Type the path of legislators-current.json, .yaml or .csv:",
                    ));
                }
                Outcome::RosterLoaded {
                    path,
                    result: Ok(roster),
                } => {
                    let as_of = roster
                        .as_of()
                        .map(|d| format!(", as of {d}"))
                        .unwrap_or_default();
                    self.status = Some(format!(
                        "Roster of {} members{as_of} from {}",
                        roster.len(),
                        path.display()
                    ));
                    self.roster = Some(RosterState::new(*roster));
                }
                Outcome::RosterLoaded {
                    path,
                    result: Err(error),
                } => {
                    let kept = if self.roster.is_some() {
                        "The roster you had stays."
                    } else {
                        ""
                    };
                    self.error = Some(format!(
                        "Could not import the roster from {}\n{error}\n{kept}",
                        path.display()
                    ));
                }
                Outcome::Saved {
                    path,
                    version,
                    result,
                } => self.finish_save(path, version, result),
                Outcome::Written {
                    what,
                    result: Ok(path),
                } => {
                    self.status = Some(format!("Exported {what} to {}", path.display()));
                }
                Outcome::Written {
                    what,
                    result: Err(error),
                } => {
                    self.error = Some(format!("Could not export the {what}\n{error}"));
                    self.status = None;
                }
                Outcome::Picked(Picked::Unavailable) => {
                    self.path_field = Some(PathField::instead_of_dialog(
                        PathPurpose::OpenLetter,
                        String::new(),
                        "Type the path of the letter instead:",
                    ));
                }
            }
        }
    }
}
