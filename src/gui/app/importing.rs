//! *File ▸ Import signers from text…*: opening the import window on a pasted or read text,
//! and taking the reviewed rows into the open letter or a new one.

use super::DashboardApp;
use crate::gui::command::{ImportCommand, ImportTarget};
use crate::gui::import::ImportDialog;
use crate::gui::prompt::PendingAction;

impl DashboardApp {
    /// Does what an [`ImportCommand`] asks.
    pub(super) fn apply_import(&mut self, command: ImportCommand) {
        match command {
            ImportCommand::Open => {
                if self.import.is_none() {
                    self.import = Some(ImportDialog::new());
                }
            }
            ImportCommand::AskForFile => self.worker.pick_text(self.settings.last_folder.clone()),
            ImportCommand::ReadFile(path) => {
                match crate::input::read(&path, crate::input::Limit::TEXT) {
                    Ok(bytes) => {
                        let text = String::from_utf8_lossy(&bytes).into_owned();
                        let kind = crate::extract::TextKind::from_path(&path)
                            .unwrap_or_else(|| crate::extract::TextKind::detect(&text));
                        let roster = self.roster.as_ref().map(|r| &*r.roster);
                        self.import = Some(ImportDialog::with_text(text, kind, roster));
                        self.status = Some(format!("Read {}", path.display()));
                    }
                    Err(error) => {
                        self.error = Some(format!("Could not read {}\n{error}", path.display()))
                    }
                }
            }
            ImportCommand::Close => self.import = None,
            ImportCommand::Accept {
                rows,
                target,
                title,
                date,
            } => {
                self.import = None;
                match target {
                    ImportTarget::NewLetter => {
                        let title = if title.is_empty() {
                            "Imported signers".to_owned()
                        } else {
                            title
                        };
                        let letter = crate::extract::new_letter(&title, date, &rows);
                        self.guard(PendingAction::NewLetter(Box::new(letter)));
                    }
                    ImportTarget::OpenLetter => self.append_imported(&rows),
                }
            }
        }
    }
}
