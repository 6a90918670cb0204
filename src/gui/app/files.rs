//! Opening and saving letters: the first frame's checks, the questions asked before
//! unsaved changes could be lost, and where each save or open ends up. The recovery copy's
//! timing is [`crate::gui::recovery`]'s; reading files is the worker's.

use super::DashboardApp;
use crate::gui::command::{ExportKind, FileCommand};
use crate::gui::document::{Document, Source};
use crate::gui::path_field::{PathField, PathPurpose};
use crate::gui::prompt::{PendingAction, Prompt};
use crate::gui::session::{self, Recovery};
use crate::load::{LoadError, Progress};
use crate::save::{FileStamp, save_letter};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where opening and saving have got: the question being asked, what waits for its answer,
/// and the file being read.
#[derive(Default)]
pub struct Session {
    /// The question being asked, if any.
    pub prompt: Option<Prompt>,
    /// What to do once the letter is saved (the answer "Save" to a prompt).
    pub after_save: Option<PendingAction>,
    /// What the user asked for while the kept changes were being offered (the file given
    /// on the command line, a dropped file, *Open recent*): done once they are answered.
    pub after_recovery: Option<PendingAction>,
    /// Whether the window may close without asking again.
    pub is_close_allowed: bool,
    /// Whether a big letter is being saved on a thread.
    pub is_saving: bool,
    /// Whether the first frame's checks (recovery, last file) have run.
    pub is_started: bool,
    /// The file being read, and how far it has got.
    pub loading: Option<(PathBuf, Arc<Progress>)>,
    /// Whether a file was given on the command line (then the last file is not reopened).
    pub has_file_argument: bool,
    /// The file given on the command line, opened on the first frame once any unsaved
    /// changes kept from last time have been offered.
    pub initial_file: Option<PathBuf>,
}

impl Session {
    /// Before the first frame; `file` is the one given on the command line.
    pub fn new(file: Option<PathBuf>) -> Session {
        Session {
            has_file_argument: file.is_some(),
            initial_file: file,
            ..Session::default()
        }
    }
}

impl DashboardApp {
    /// The first frame: offer unsaved changes from last time, or reopen the last letter.
    pub(super) fn start(&mut self) {
        self.session.is_started = true;
        if let Some(kept) = self.kept_roster_path().filter(|p| p.is_file()) {
            self.worker.load_roster(kept, None);
        }
        let kept_committees = self
            .kept_committees_folder()
            .map(|f| f.join(crate::gui::worker::KEPT_MEMBERSHIP))
            .filter(|p| p.is_file());
        if let Some(kept) = kept_committees {
            self.worker.load_committees(kept, None);
        }
        let initial = self
            .session
            .initial_file
            .take()
            .map(PendingAction::OpenPath);
        if let Some(dir) = self.recovery.data_dir() {
            match session::read_recovery(dir) {
                Some(Ok(recovery)) => {
                    // Offered before anything else is opened, whichever file it belongs to.
                    self.session.prompt = Some(Prompt::Restore(Box::new(recovery)));
                    self.session.after_recovery = initial;
                    return;
                }
                Some(Err(error)) => {
                    let kept = session::set_aside_unreadable(dir);
                    self.error = Some(format!(
                        "Could not read the unsaved changes kept from last time\n{error}{}",
                        kept.map_or_else(String::new, |p| format!(
                            "\nThe file is kept as {}",
                            p.display()
                        ))
                    ));
                }
                None => {}
            }
        }
        if let Some(action) = initial {
            self.perform(action);
            return;
        }
        if let Some(path) = self.settings.last_file.clone() {
            if path.is_file() {
                self.perform(PendingAction::OpenPath(path));
            } else {
                self.status = Some(format!(
                    "{} is no longer there; showing the sample letter",
                    path.display()
                ));
                self.settings.last_file = None;
            }
        }
    }

    /// Runs `action` unless it would drop unsaved changes; then asks first.
    pub(super) fn guard(&mut self, action: PendingAction) {
        if self.document.is_modified {
            self.session.prompt = Some(Prompt::Unsaved(action));
        } else {
            self.perform(action);
        }
    }

    /// Runs `action` without asking; while kept changes are being offered, once they are
    /// answered (closing the window is never held back, and keeps them for next time).
    pub(super) fn perform(&mut self, action: PendingAction) {
        if matches!(self.session.prompt, Some(Prompt::Restore(_)))
            && !matches!(action, PendingAction::Close)
        {
            self.session.after_recovery = Some(action);
            return;
        }
        match action {
            PendingAction::Close => {
                self.session.is_close_allowed = true;
                self.worker
                    .ctx()
                    .send_viewport_cmd(egui::ViewportCommand::Close);
            }
            PendingAction::OpenDialog => self.worker.pick_file(self.settings.last_folder.clone()),
            PendingAction::OpenPath(path) => {
                self.status = None;
                if let Some((_, earlier)) = &self.session.loading {
                    earlier.cancel();
                }
                let progress = self.worker.load(path.clone(), self.filter.clone());
                self.session.loading = Some((path, progress));
            }
            PendingAction::NewLetter(letter) => {
                let signers = letter.signers.len();
                let loaded = crate::load::Loaded {
                    letter: *letter,
                    warnings: Vec::new(),
                    duplicates: Vec::new(),
                    format: crate::load::SourceFormat::Json,
                };
                self.replace_document(Document::new(loaded, Source::New, &self.filter));
                self.document.is_modified = true;
                self.error = None;
                self.settings.last_file = None;
                self.recovery.forget();
                self.status = Some(format!(
                    "Started a new letter with {signers} signers; Save as… to keep it"
                ));
            }
            PendingAction::OpenSample => {
                self.replace_document(Document::sample(&self.filter));
                self.error = None;
                self.settings.last_file = None;
                self.recovery.forget();
                self.status = Some("Opened the sample letter".to_owned());
            }
        }
    }

    /// Saves to the letter's own file, first checking that no other program changed it.
    pub(super) fn save(&mut self, check_disk: bool) {
        let Some(path) = self.document.save_path().map(Path::to_path_buf) else {
            self.apply_file(FileCommand::SaveAs);
            return;
        };
        if check_disk && FileStamp::of(&path) != self.document.stamp {
            self.session.prompt = Some(Prompt::ChangedOnDisk);
            return;
        }
        self.save_to(path);
    }

    pub(super) fn save_to(&mut self, path: PathBuf) {
        if self.session.is_saving {
            self.status = Some("Still saving: try again when it is done".to_owned());
            return;
        }
        let version = self.document.version();
        if self.document.is_big() {
            // Writing a million signers takes a second or more: the window goes on meanwhile.
            self.session.is_saving = true;
            self.status = Some(format!("Saving {}…", path.display()));
            let letter = std::sync::Arc::clone(&self.document.letter);
            self.worker.save(path, letter, version);
            return;
        }
        let result = save_letter(&path, &self.document.letter).map_err(|e| e.to_string());
        self.finish_save(path, version, result);
    }

    /// Takes the outcome of saving `version` of a document to `path`.
    pub(super) fn finish_save(
        &mut self,
        path: PathBuf,
        version: (u64, u64),
        result: Result<Option<crate::save::FileStamp>, String>,
    ) {
        self.session.is_saving = false;
        let (id, _) = version;
        if id != self.document.version().0 {
            // Another letter was opened meanwhile: the one saved is no longer shown.
            self.status = Some(match result {
                Ok(_) => format!("Saved {}", path.display()),
                Err(error) => format!("Could not save {}: {error}", path.display()),
            });
            return;
        }
        match result {
            Ok(stamp) => {
                self.document.source = Source::File(path.clone());
                self.document.format = crate::load::SourceFormat::Json;
                self.document.stamp = stamp;
                self.settings.remember(&path);
                self.error = None;
                if version == self.document.version() {
                    self.document.is_modified = false;
                    self.recovery.forget();
                    self.status = Some(format!("Saved {}", path.display()));
                    if let Some(next) = self.session.after_save.take() {
                        self.perform(next);
                    }
                } else {
                    // Edited while it was being written: those edits are not in the file yet.
                    self.session.after_save = None;
                    self.status = Some(format!(
                        "Saved {}; changes made while saving are not saved yet",
                        path.display()
                    ));
                }
            }
            Err(error) => {
                self.session.after_save = None;
                self.error = Some(format!(
                    "Could not save {}\n{error}",
                    self.document.display_name()
                ));
            }
        }
    }

    pub(super) fn show_load_error(&mut self, path: &std::path::Path, error: &LoadError) {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.error = Some(format!("Could not open {name}\n{error}"));
        self.status = Some(format!("{} is still open", self.document.display_name()));
    }

    /// Does what a [`FileCommand`] asks.
    pub(super) fn apply_file(&mut self, command: FileCommand) {
        match command {
            FileCommand::OpenDialog => self.guard(PendingAction::OpenDialog),
            FileCommand::OpenPathField => {
                self.path_field =
                    Some(PathField::new(PathPurpose::OpenLetter, String::new(), None));
            }
            FileCommand::OpenPath(path) => self.guard(PendingAction::OpenPath(path)),
            FileCommand::OpenSample => self.guard(PendingAction::OpenSample),
            FileCommand::CancelLoad => {
                if let Some((_, progress)) = &self.session.loading {
                    progress.cancel();
                }
            }
            FileCommand::Save => self.save(true),
            FileCommand::SaveAs => {
                if matches!(self.session.prompt, Some(Prompt::ChangedOnDisk)) {
                    self.session.prompt = None;
                }
                self.ask_where_to_export(ExportKind::Letter);
            }
            FileCommand::SaveTo(path) => self.save_to(path),
            FileCommand::PromptSave => {
                if let Some(Prompt::Unsaved(action)) = self.session.prompt.take() {
                    self.session.after_save = Some(action);
                    self.save(true);
                }
            }
            FileCommand::PromptDiscard => {
                if let Some(Prompt::Unsaved(action)) = self.session.prompt.take() {
                    self.recovery.forget();
                    self.perform(action);
                }
            }
            FileCommand::PromptCancel => {
                self.session.prompt = None;
                self.session.after_save = None;
            }
            FileCommand::Overwrite => {
                self.session.prompt = None;
                self.save(false);
            }
            FileCommand::Reload => {
                self.session.prompt = None;
                self.session.after_save = None;
                if let Some(path) = self.document.save_path().map(Path::to_path_buf) {
                    self.recovery.forget();
                    self.perform(PendingAction::OpenPath(path));
                }
            }
            FileCommand::RestoreRecovery => {
                if let Some(Prompt::Restore(recovery)) = self.session.prompt.take() {
                    self.restore(*recovery);
                }
            }
            FileCommand::DiscardRecovery => {
                self.session.prompt = None;
                self.recovery.discard_kept();
                if let Some(action) = self.session.after_recovery.take() {
                    self.perform(action);
                } else if !self.session.has_file_argument
                    && let Some(path) = self.settings.last_file.clone().filter(|p| p.is_file())
                {
                    self.perform(PendingAction::OpenPath(path));
                }
            }
            FileCommand::Quit => self.guard(PendingAction::Close),
        }
    }

    /// Opens the letter kept in `recovery`, with its changes unsaved.
    pub(super) fn restore(&mut self, recovery: Recovery) {
        let source = recovery.source.clone().filter(|p| p.is_file());
        let loaded = crate::load::Loaded {
            letter: recovery.letter,
            warnings: Vec::new(),
            duplicates: Vec::new(),
            format: crate::load::SourceFormat::Json,
        };
        let origin = source.clone().map_or(Source::Sample, Source::File);
        let mut document = Document::new(loaded, origin, &self.filter);
        document.stamp = source.as_deref().and_then(FileStamp::of);
        document.is_modified = true;
        self.replace_document(document);
        self.recovery.adopt(&self.document);
        self.status = Some(format!(
            "Restored the changes kept at {}",
            session::local_time(&recovery.saved_at)
        ));
        // A different file asked for meanwhile asks about these changes first.
        match self.session.after_recovery.take() {
            Some(PendingAction::OpenPath(path)) if source.as_deref() == Some(path.as_path()) => {}
            Some(action) => self.guard(action),
            None => {}
        }
    }

    /// Takes what the worker read from `path`: a letter, nothing (cancelled), or an error.
    pub(super) fn finish_load(
        &mut self,
        path: PathBuf,
        result: Result<Option<Box<Document>>, LoadError>,
    ) {
        self.session.loading = None;
        match result {
            Ok(None) => self.status = Some(format!("Stopped opening {}", path.display())),
            Ok(Some(document)) => {
                let notes = document.load_notes();
                self.replace_document(*document);
                self.document.refilter(&self.filter);
                self.error = None;
                self.settings.remember(&path);
                self.recovery.forget();
                let signers = crate::text::grouped(self.document.letter.signers.len());
                let name = self.document.display_name();
                self.status = Some(match notes {
                    None => format!("Opened {name} ({signers} signers)"),
                    Some(notes) => format!("Opened {name} ({signers} signers) with {notes}"),
                });
            }
            Err(error) => self.show_load_error(&path, &error),
        }
    }
}
