//! The dashboard window: lays out the panels, applies their commands, runs slow work
//! in the background.

use super::checklist::ChecklistPanel;
use super::command::Command;
use super::document::{Document, Source};
use super::editor::{DemandForm, SignerForm};
use super::filters::FiltersPanel;
use super::import::{ImportDialog, ImportTarget};
use super::roster_panel::{self, CentralTab, RosterState};
use super::session::{self, RECOVERY_INTERVAL_SECONDS, Recovery};
use super::table::TablePanel;
use super::worker::{ExportKind, ExportSnapshot, Outcome, Picked, Worker};
use super::{charts, header, map, theme};
use crate::analysis::Filter;
use crate::edit::Edit;
use crate::export::{ExportFormat, default_file_name, now_utc};
use crate::load::LoadError;
use crate::save::{FileStamp, save_letter};
use crate::text::plural;
use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use egui_extras::{Size, StripBuilder};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What the app remembers between runs (saved through eframe's storage).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Follow the system theme, or force light or dark.
    pub theme: egui::ThemePreference,
    /// The folder of the last file opened, where the open dialog starts.
    pub last_folder: Option<PathBuf>,
    /// Letters opened or saved lately, newest first.
    pub recent_files: Vec<PathBuf>,
    /// The letter open when the app was closed, reopened on the next start.
    pub last_file: Option<PathBuf>,
    /// The filters as they were.
    pub filter: Filter,
}

/// How many files File ▸ Open Recent lists.
const RECENT_FILES: usize = 10;

impl Settings {
    fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(RECENT_FILES);
        self.last_folder = path.parent().map(PathBuf::from);
        self.last_file = Some(path.to_path_buf());
    }
}

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
    fn verb(&self) -> &'static str {
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

/// The windows and fields that come and go.
#[derive(Default)]
struct Overlays {
    is_warnings_open: bool,
    is_about_open: bool,
    /// The path field, shown when there is no file dialog or the user asks for it.
    path_field: Option<PathField>,
}

/// What the typed path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PathPurpose {
    OpenLetter,
    Export(ExportKind),
    ImportRoster,
    ImportText,
}

/// A recovery copy being written on a thread.
struct RecoveryJob {
    /// Cleared when the letter is saved or closed: the thread then removes its copy.
    is_wanted: std::sync::Arc<std::sync::atomic::AtomicBool>,
    receiver: std::sync::mpsc::Receiver<Result<(), String>>,
}

struct PathField {
    /// Open a letter, or export to the path.
    purpose: PathPurpose,
    text: String,
    /// Why the field is shown, e.g. that there is no file dialog on this system.
    reason: Option<String>,
    /// Until the field is first drawn: it then takes the keyboard, so typing goes into it.
    wants_focus: bool,
}

impl PathField {
    fn new(purpose: PathPurpose, text: String, reason: Option<String>) -> PathField {
        PathField {
            purpose,
            text,
            reason,
            wants_focus: true,
        }
    }

    /// The field shown because the system has no file dialog; `ask` says what to type.
    fn instead_of_dialog(purpose: PathPurpose, text: String, ask: &str) -> PathField {
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
            PathPurpose::ImportText => "/home/you/letters/press-release.txt",
        }
    }
}

/// The whole app: the open letter, the filter and every panel's own state.
pub struct DashboardApp {
    settings: Settings,
    filter: Filter,
    document: Document,
    worker: Worker,
    filters_panel: FiltersPanel,
    table_panel: TablePanel,
    checklist_panel: ChecklistPanel,
    overlays: Overlays,
    /// The last failure to open a file, shown until dismissed.
    error: Option<String>,
    /// A one-line note in the status bar.
    status: Option<String>,
    shown_title: String,
    signer_form: Option<SignerForm>,
    demand_form: Option<DemandForm>,
    prompt: Option<Prompt>,
    /// What to do once the letter is saved (the answer "Save" to a prompt).
    after_save: Option<PendingAction>,
    is_close_allowed: bool,
    /// Where the recovery file lives; `None` keeps no recovery file.
    data_dir: Option<PathBuf>,
    /// The edit the recovery file was last written for, and when (egui time, seconds).
    recovery_written: Option<(u64, f64)>,
    /// A recovery copy of a big letter being written on a thread.
    recovery_job: Option<RecoveryJob>,
    /// Whether a big letter is being saved on a thread.
    is_saving: bool,
    /// Whether the first frame's checks (recovery, last file) have run.
    is_started: bool,
    /// The file being read, and how far it has got.
    loading: Option<(PathBuf, std::sync::Arc<crate::load::Progress>)>,
    /// Whether a file was given on the command line (then the last file is not reopened).
    has_file_argument: bool,
    /// The file given on the command line, opened on the first frame once any unsaved
    /// changes kept from last time have been offered.
    initial_file: Option<PathBuf>,
    /// What the user asked for while the kept changes were being offered (the file given
    /// on the command line, a dropped file, *Open recent*): done once they are answered.
    after_recovery: Option<PendingAction>,
    /// The roster of Congress, once imported, with what it says about the letter.
    roster: Option<RosterState>,
    /// What the space below the charts shows.
    tab: CentralTab,
    /// Shade the map by the share of each delegation that signed (needs a roster).
    is_map_by_share: bool,
    /// File ▸ Import from text, while it is open.
    import: Option<ImportDialog>,
}

/// The storage key of [`Settings`].
pub const SETTINGS_KEY: &str = "signer-dashboard-settings";

impl DashboardApp {
    /// The app on the sample letter; with `file`, that file starts loading at once.
    pub fn new(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        file: Option<PathBuf>,
    ) -> DashboardApp {
        let settings: Settings = storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        ctx.set_theme(settings.theme);
        let filter = settings.filter.clone();
        DashboardApp {
            document: Document::sample(&filter),
            filter,
            settings,
            worker: Worker::new(ctx.clone()),
            filters_panel: FiltersPanel::default(),
            table_panel: TablePanel::default(),
            checklist_panel: ChecklistPanel::default(),
            overlays: Overlays::default(),
            error: None,
            status: None,
            shown_title: String::new(),
            signer_form: None,
            demand_form: None,
            prompt: None,
            after_save: None,
            is_close_allowed: false,
            data_dir: None,
            recovery_written: None,
            recovery_job: None,
            is_saving: false,
            is_started: false,
            loading: None,
            has_file_argument: file.is_some(),
            initial_file: file,
            after_recovery: None,
            roster: None,
            tab: CentralTab::default(),
            is_map_by_share: false,
            import: None,
        }
    }

    /// Keeps the recovery file in `data_dir` (the app's data folder; tests use a temporary one).
    pub fn with_data_dir(mut self, data_dir: Option<PathBuf>) -> DashboardApp {
        self.data_dir = data_dir;
        self
    }

    /// The question the app is asking, if any.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// The settings as they would be saved now.
    pub fn settings(&self) -> Settings {
        Settings {
            filter: self.filter.clone(),
            ..self.settings.clone()
        }
    }

    /// Whether the recovery copy needs writing: the letter has unsaved changes that no copy
    /// holds (or is being written with) yet.
    fn is_recovery_due(&self) -> bool {
        self.document.is_modified
            && self
                .recovery_written
                .is_none_or(|(r, _)| r != self.document.edit_revision())
    }

    /// The file the open letter came from, which the recovery copy names.
    fn source_file(&self) -> Option<&Path> {
        match &self.document.source {
            Source::File(path) => Some(path.as_path()),
            Source::Sample | Source::New => None,
        }
    }

    /// Writes the recovery file now if the letter has unsaved changes it does not hold yet.
    pub fn write_recovery_now(&mut self, time_seconds: f64) {
        let Some(dir) = &self.data_dir else { return };
        if !self.is_recovery_due() {
            return;
        }
        match session::write_recovery(dir, self.source_file(), &self.document.letter) {
            Ok(()) => self.recovery_written = Some((self.document.edit_revision(), time_seconds)),
            Err(error) => {
                self.status = Some(format!("Could not keep a recovery copy: {error}"));
                self.recovery_written = Some((self.document.edit_revision(), time_seconds));
            }
        }
    }

    /// Writes the recovery copy of a big letter on a thread: serialising a million signers
    /// takes longer than many frames. Small letters are written at once.
    fn write_recovery_in_background(&mut self, time_seconds: f64) {
        let Some(dir) = self.data_dir.clone() else {
            return;
        };
        if !self.document.is_big() {
            self.write_recovery_now(time_seconds);
            return;
        }
        if !self.is_recovery_due() {
            return;
        }
        let source = self.source_file().map(Path::to_path_buf);
        let letter = std::sync::Arc::clone(&self.document.letter);
        let is_wanted = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let (sender, receiver) = std::sync::mpsc::channel();
        let still_wanted = std::sync::Arc::clone(&is_wanted);
        let ctx = self.worker_ctx();
        let spawned = std::thread::Builder::new()
            .name("recovery copy".to_owned())
            .spawn(move || {
                let result = session::write_recovery(&dir, source.as_deref(), &letter)
                    .map_err(|e| e.to_string());
                // Saved or closed meanwhile: the copy is not wanted any more.
                if !still_wanted.load(std::sync::atomic::Ordering::SeqCst) {
                    session::remove_recovery(&dir);
                }
                let _ = sender.send(result);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.recovery_written = Some((self.document.edit_revision(), time_seconds));
                self.recovery_job = Some(RecoveryJob {
                    is_wanted,
                    receiver,
                });
            }
            Err(_) => self.write_recovery_now(time_seconds),
        }
    }

    /// Says so if the last background recovery copy could not be written.
    fn collect_recovery_job(&mut self) {
        let Some(job) = &self.recovery_job else {
            return;
        };
        match job.receiver.try_recv() {
            Ok(Ok(())) => self.recovery_job = None,
            Ok(Err(error)) => {
                if job.is_wanted.load(std::sync::atomic::Ordering::SeqCst) {
                    self.status = Some(format!("Could not keep a recovery copy: {error}"));
                }
                self.recovery_job = None;
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.recovery_job = None,
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
    }

    /// Removes the recovery copy this run wrote, once its changes are saved or given up.
    ///
    /// A copy kept from an earlier run is never removed here: only the user's answer to
    /// "Restore unsaved changes?" removes it ([`Command::DiscardRecovery`]), or takes it
    /// over ([`Command::RestoreRecovery`]).
    fn forget_recovery(&mut self) {
        // A copy being written is left to finish: its thread removes it (and is waited for
        // as background work).
        if let Some(job) = &self.recovery_job {
            job.is_wanted
                .store(false, std::sync::atomic::Ordering::SeqCst);
        }
        if self.recovery_written.is_some()
            && let Some(dir) = &self.data_dir
        {
            session::remove_recovery(dir);
        }
        self.recovery_written = None;
    }

    /// The first frame: offer unsaved changes from last time, or reopen the last letter.
    fn start(&mut self) {
        self.is_started = true;
        if let Some(kept) = self.kept_roster_path().filter(|p| p.is_file()) {
            self.worker.load_roster(kept, None);
        }
        let initial = self.initial_file.take().map(PendingAction::OpenPath);
        if let Some(dir) = &self.data_dir {
            match session::read_recovery(dir) {
                Some(Ok(recovery)) => {
                    // Offered before anything else is opened, whichever file it belongs to.
                    self.prompt = Some(Prompt::Restore(Box::new(recovery)));
                    self.after_recovery = initial;
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

    /// Where the imported roster is kept between runs.
    fn kept_roster_path(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|d| d.join("roster.json"))
    }

    /// The roster and what it says about the letter, once imported.
    pub fn roster(&self) -> Option<&RosterState> {
        self.roster.as_ref()
    }

    /// Runs `action` unless it would drop unsaved changes; then asks first.
    fn guard(&mut self, action: PendingAction) {
        if self.document.is_modified {
            self.prompt = Some(Prompt::Unsaved(action));
        } else {
            self.perform(action);
        }
    }

    /// Runs `action` without asking; while kept changes are being offered, once they are
    /// answered (closing the window is never held back, and keeps them for next time).
    fn perform(&mut self, action: PendingAction) {
        if matches!(self.prompt, Some(Prompt::Restore(_)))
            && !matches!(action, PendingAction::Close)
        {
            self.after_recovery = Some(action);
            return;
        }
        match action {
            PendingAction::Close => {
                self.is_close_allowed = true;
                self.worker_ctx()
                    .send_viewport_cmd(egui::ViewportCommand::Close);
            }
            PendingAction::OpenDialog => self.worker.pick_file(self.settings.last_folder.clone()),
            PendingAction::OpenPath(path) => {
                self.status = None;
                if let Some((_, earlier)) = &self.loading {
                    earlier.cancel();
                }
                let progress = self.worker.load(path.clone(), self.filter.clone());
                self.loading = Some((path, progress));
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
                self.forget_recovery();
                self.status = Some(format!(
                    "Started a new letter with {signers} signers; Save as… to keep it"
                ));
            }
            PendingAction::OpenSample => {
                self.replace_document(Document::sample(&self.filter));
                self.error = None;
                self.settings.last_file = None;
                self.forget_recovery();
                self.status = Some("Opened the sample letter".to_owned());
            }
        }
    }

    /// Saves to the letter's own file, first checking that no other program changed it.
    fn save(&mut self, check_disk: bool) {
        let Some(path) = self.document.save_path().map(Path::to_path_buf) else {
            self.apply(Command::SaveAs);
            return;
        };
        if check_disk && FileStamp::of(&path) != self.document.stamp {
            self.prompt = Some(Prompt::ChangedOnDisk);
            return;
        }
        self.save_to(path);
    }

    fn save_to(&mut self, path: PathBuf) {
        if self.is_saving {
            self.status = Some("Still saving: try again when it is done".to_owned());
            return;
        }
        let version = self.document.version();
        if self.document.is_big() {
            // Writing a million signers takes a second or more: the window goes on meanwhile.
            self.is_saving = true;
            self.status = Some(format!("Saving {}…", path.display()));
            let letter = std::sync::Arc::clone(&self.document.letter);
            self.worker.save(path, letter, version);
            return;
        }
        let result = save_letter(&path, &self.document.letter).map_err(|e| e.to_string());
        self.finish_save(path, version, result);
    }

    /// Takes the outcome of saving `version` of a document to `path`.
    fn finish_save(
        &mut self,
        path: PathBuf,
        version: (u64, u64),
        result: Result<Option<crate::save::FileStamp>, String>,
    ) {
        self.is_saving = false;
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
                    self.forget_recovery();
                    self.status = Some(format!("Saved {}", path.display()));
                    if let Some(next) = self.after_save.take() {
                        self.perform(next);
                    }
                } else {
                    // Edited while it was being written: those edits are not in the file yet.
                    self.after_save = None;
                    self.status = Some(format!(
                        "Saved {}; changes made while saving are not saved yet",
                        path.display()
                    ));
                }
            }
            Err(error) => {
                self.after_save = None;
                self.error = Some(format!(
                    "Could not save {}\n{error}",
                    self.document.display_name()
                ));
            }
        }
    }

    /// Adds imported rows to the open letter, one undoable edit each, skipping those it lists.
    fn append_imported(&mut self, rows: &[crate::extract::Found]) {
        let mut parties = self.document.letter.parties.clone();
        let new =
            crate::extract::signers_to_append(&self.document.letter.signers, &mut parties, rows);
        std::sync::Arc::make_mut(&mut self.document.letter).parties = parties;
        let added = new.signers.len();
        for signer in new.signers {
            let index = self.document.letter.signers.len();
            self.edit(
                Edit::Signer {
                    index,
                    before: None,
                    after: Some(Box::new(signer)),
                },
                None,
            );
        }
        let skipped = new.already_listed.len();
        self.status = Some(match skipped {
            0 => format!("Added {added} {}", plural(added, "signer", "signers")),
            _ => format!(
                "Added {added} {}; {skipped} already listed",
                plural(added, "signer", "signers")
            ),
        });
    }

    fn edit(&mut self, edit: Edit, merge_key: Option<String>) {
        self.document.edit(edit, merge_key, &self.filter);
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The current filter.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The error shown in the banner, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The status bar's note, if any.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Whether a file is being read or a dialog is open.
    pub fn is_busy(&self) -> bool {
        self.worker.is_busy()
            || self.recovery_job.is_some()
            || self.table_panel.is_sorting()
            || self.roster.as_ref().is_some_and(RosterState::is_matching)
    }

    /// Whether the path field is showing.
    pub fn is_path_field_open(&self) -> bool {
        self.overlays.path_field.is_some()
    }

    /// Draws one frame of the whole window into `ui`, then applies what the user asked for.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        self.collect_background_work();
        if let Some(roster) = &mut self.roster {
            roster.refresh(&self.document, &self.filter, ui.ctx());
        }
        if !self.is_started {
            // On the context that draws (a test's harness has its own), before any name is laid out.
            super::theme::install_fonts(ui.ctx());
            self.start();
        }
        let mut commands = self.keyboard_commands(ui.ctx());
        commands.extend(dropped_file_commands(ui.ctx()));
        if ui.ctx().input(|i| i.viewport().close_requested())
            && self.document.is_modified
            && !self.is_close_allowed
        {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.prompt = Some(Prompt::Unsaved(PendingAction::Close));
        }

        egui::Panel::top("menu").show(ui, |ui| commands.extend(self.menu_ui(ui)));
        egui::Panel::top("header").show(ui, |ui| {
            header::ui(ui, &self.document, !self.filter.is_empty());
            if let Some(roster) = &self.roster {
                ui.label(RichText::new(roster.coverage_line()).weak());
                ui.add_space(2.0);
            }
        });
        if let Some(error) = &self.error {
            egui::Panel::top("error")
                .frame(error_frame(ui))
                .show(ui, |ui| {
                    commands.extend(error_banner_ui(ui, error));
                });
        }
        egui::Panel::bottom("status").show(ui, |ui| commands.extend(self.status_ui(ui)));
        egui::Panel::left("filters")
            .default_size(theme::FILTERS_WIDTH_POINTS)
            .min_size(180.0)
            .show(ui, |ui| {
                commands.extend(self.filters_panel.ui(ui, &self.document, &self.filter));
            });
        egui::Panel::right("demands")
            .default_size(theme::DEMANDS_WIDTH_POINTS)
            .min_size(240.0)
            .show(ui, |ui| {
                commands.extend(self.checklist_panel.ui(ui, &self.document));
            });
        egui::CentralPanel::default().show(ui, |ui| commands.extend(self.central_ui(ui)));

        commands.extend(self.overlays_ui(ui.ctx()));
        drop_target_ui(ui.ctx());

        for command in commands {
            self.apply(command);
        }
        self.update_title(ui.ctx());
        self.keep_recovery(ui.ctx());
    }

    /// Writes the recovery file every few seconds while there are unsaved changes.
    fn keep_recovery(&mut self, ctx: &egui::Context) {
        self.collect_recovery_job();
        if self.data_dir.is_none() || !self.document.is_modified || self.recovery_job.is_some() {
            return;
        }
        let now = ctx.input(|i| i.time);
        let last = self.recovery_written.map_or(f64::NEG_INFINITY, |(_, t)| t);
        if now - last >= RECOVERY_INTERVAL_SECONDS {
            self.write_recovery_in_background(now);
        } else if self
            .recovery_written
            .is_none_or(|(r, _)| r != self.document.edit_revision())
        {
            let wait = (RECOVERY_INTERVAL_SECONDS - (now - last)).max(0.1);
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
    }

    fn central_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let height = ui.available_height();
        let top_height = (height * 0.46).clamp(220.0, 420.0);
        let state_height = (height * 0.22).clamp(120.0, 240.0);
        let (document, filter, table) = (&self.document, &self.filter, &mut self.table_panel);
        let (roster, tab, is_map_by_share) = (self.roster.as_ref(), self.tab, self.is_map_by_share);
        StripBuilder::new(ui)
            .size(Size::exact(top_height))
            .size(Size::exact(state_height))
            .size(Size::remainder().at_least(120.0))
            .vertical(|mut strip| {
                strip.strip(|builder| {
                    builder
                        .size(Size::relative(0.34))
                        .size(Size::remainder())
                        .horizontal(|mut strip| {
                            strip.cell(|ui| charts::party_ui(ui, document, top_height - 26.0));
                            strip.cell(|ui| {
                                let shading = map::Shading { roster, is_by_share: is_map_by_share };
                                if let Some(command) =
                                    map::ui(ui, document, filter, top_height - 24.0, shading)
                                {
                                    commands.push(command);
                                }
                            });
                        });
                });
                strip.cell(|ui| charts::state_ui(ui, document, state_height - 26.0));
                strip.cell(|ui| {
                    ui.separator();
                    ui.horizontal(|ui| {
                        let shown = document.selection.rows.len();
                        let targets = roster.map(|r| r.targets.len());
                        let tabs = [
                            (CentralTab::Signers, format!("Signers ({})", crate::text::grouped(shown))),
                            (CentralTab::Targets, targets.map_or_else(|| "Not signed yet".to_owned(), |n| format!("Not signed yet ({n})"))),
                            (CentralTab::Check, "Roster check".to_owned()),
                        ];
                        for (value, label) in tabs {
                            if ui.selectable_label(tab == value, RichText::new(label).strong()).clicked() {
                                commands.push(Command::ShowTab(value));
                            }
                        }
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if tab == CentralTab::Signers && ui.button("Add signer…").clicked() {
                                commands.push(Command::EditSigner(None));
                            }
                        });
                    });
                    match (tab, roster) {
                        (CentralTab::Signers, _) => commands.extend(table.ui(ui, document, roster)),
                        (CentralTab::Targets, Some(roster)) => {
                            commands.extend(roster_panel::targets_ui(ui, roster, document));
                        }
                        (CentralTab::Check, Some(roster)) => roster_panel::check_ui(ui, roster, document),
                        (_, None) => {
                            ui.add_space(12.0);
                            ui.vertical_centered(|ui| {
                                ui.label("Import the roster of Congress to see who has not signed yet, the share of each party and delegation, and signers who no longer serve.");
                                ui.label(RichText::new("The roster is the public congress-legislators data (legislators-current as JSON, YAML or CSV).").weak());
                                if ui.button("Import roster…").clicked() {
                                    commands.push(Command::ImportRoster);
                                }
                            });
                        }
                    }
                });
            });
        commands
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("Open…").shortcut_text(ui.ctx().format_shortcut(&OPEN)))
                    .clicked()
                {
                    commands.push(Command::OpenDialog);
                }
                if ui.button("Open path…").clicked() {
                    commands.push(Command::OpenPathField);
                }
                ui.add_enabled_ui(!self.settings.recent_files.is_empty(), |ui| {
                    ui.menu_button("Open recent", |ui| {
                        for path in &self.settings.recent_files {
                            let name = path.file_name().map_or_else(
                                || path.display().to_string(),
                                |n| n.to_string_lossy().into_owned(),
                            );
                            if ui
                                .button(name)
                                .on_hover_text(path.display().to_string())
                                .clicked()
                            {
                                commands.push(Command::OpenPath(path.clone()));
                            }
                        }
                    });
                });
                if ui.button("Open the sample letter").clicked() {
                    commands.push(Command::OpenSample);
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Save").shortcut_text(ui.ctx().format_shortcut(&SAVE)))
                    .clicked()
                {
                    commands.push(Command::Save);
                }
                if ui
                    .add(
                        egui::Button::new("Save as…")
                            .shortcut_text(ui.ctx().format_shortcut(&SAVE_AS)),
                    )
                    .clicked()
                {
                    commands.push(Command::SaveAs);
                }
                ui.separator();
                if ui.button("Import roster…").clicked() {
                    commands.push(Command::ImportRoster);
                }
                if ui.button("Import signers from text…").clicked() {
                    commands.push(Command::ImportFromText);
                }
                ui.menu_button("Export", |ui| {
                    for format in ExportFormat::ALL {
                        if ui.button(format!("{}…", format.label())).clicked() {
                            commands.push(Command::Export(ExportKind::Data(format)));
                        }
                    }
                    if ui
                        .button(format!("{}…", ExportKind::Picture.label()))
                        .clicked()
                    {
                        commands.push(Command::Export(ExportKind::Picture));
                    }
                });
                ui.separator();
                if ui
                    .add(egui::Button::new("Quit").shortcut_text(ui.ctx().format_shortcut(&QUIT)))
                    .clicked()
                {
                    commands.push(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                let history = &self.document.history;
                let undo = egui::Button::new("Undo").shortcut_text(ui.ctx().format_shortcut(&UNDO));
                if ui.add_enabled(history.can_undo(), undo).clicked() {
                    commands.push(Command::Undo);
                }
                let redo = egui::Button::new("Redo").shortcut_text(ui.ctx().format_shortcut(&REDO));
                if ui.add_enabled(history.can_redo(), redo).clicked() {
                    commands.push(Command::Redo);
                }
                ui.separator();
                if ui.button("Add signer…").clicked() {
                    commands.push(Command::EditSigner(None));
                }
                if ui.button("Add demand…").clicked() {
                    commands.push(Command::EditDemand(None));
                }
            });
            ui.menu_button("View", |ui| {
                ui.label(RichText::new("Theme").weak());
                for (preference, label) in [
                    (egui::ThemePreference::System, "Follow the system"),
                    (egui::ThemePreference::Light, "Light"),
                    (egui::ThemePreference::Dark, "Dark"),
                ] {
                    if ui.radio(self.settings.theme == preference, label).clicked() {
                        commands.push(Command::SetTheme(preference));
                    }
                }
                ui.separator();
                let mut is_by_share = self.is_map_by_share;
                let share = ui.add_enabled(
                    self.roster.is_some(),
                    egui::Checkbox::new(
                        &mut is_by_share,
                        "Shade the map by share of each delegation",
                    ),
                );
                if share.changed() {
                    commands.push(Command::ShadeMapByShare(is_by_share));
                }
                ui.separator();
                let count = self.document.warnings.len() + self.document.duplicates.len();
                if ui
                    .add_enabled(
                        count > 0,
                        egui::Button::new(format!(
                            "Load warnings ({})…",
                            crate::text::grouped(count)
                        )),
                    )
                    .clicked()
                {
                    commands.push(Command::ShowWarnings(true));
                }
                if ui
                    .add_enabled(!self.filter.is_empty(), egui::Button::new("Clear filters"))
                    .clicked()
                {
                    commands.push(Command::ClearFilters);
                }
            });
            ui.menu_button("Help", |ui| {
                if ui.button("About Signer Dashboard…").clicked() {
                    commands.push(Command::ShowAbout(true));
                }
            });
        });
        commands
    }

    fn status_ui(&self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            let name = self.document.display_name();
            let modified = if self.document.is_modified {
                " • modified"
            } else {
                ""
            };
            ui.label(format!("{name}{modified}"));
            if let Source::File(path) = &self.document.source {
                ui.label(RichText::new(path.display().to_string()).weak().small());
            }
            if let Some(notes) = self.document.load_notes() {
                let text = format!("⚠ {notes}");
                if ui
                    .link(RichText::new(text).color(theme::WARNING))
                    .on_hover_text("Show what the reader noticed")
                    .clicked()
                {
                    commands.push(Command::ShowWarnings(true));
                }
            }
            if self.document.shown_only.is_some() {
                ui.label(RichText::new("Only possible duplicates shown").color(theme::WARNING));
                if ui.link("Show all signers").clicked() {
                    commands.push(Command::ShowOnlyDuplicates(false));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some((path, progress)) = &self.loading {
                    if ui
                        .button("Cancel")
                        .on_hover_text("Stop reading; the letter that is open stays")
                        .clicked()
                    {
                        commands.push(Command::CancelLoad);
                    }
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    let signers = progress.signers_read();
                    let text = match progress.fraction() {
                        Some(fraction) => format!(
                            "Reading {name}: {:.0}% · {} signers",
                            fraction * 100.0,
                            crate::text::grouped(signers)
                        ),
                        None => {
                            format!("Reading {name}: {} signers", crate::text::grouped(signers))
                        }
                    };
                    ui.add(
                        egui::ProgressBar::new(progress.fraction().unwrap_or(0.0))
                            .desired_width(320.0)
                            .text(text),
                    );
                    // The loader does not wake the window as it goes: look again soon.
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(100));
                } else if self.worker.is_busy() {
                    ui.spinner();
                    ui.label("Working…");
                } else if let Some(status) = &self.status {
                    ui.label(RichText::new(status).weak());
                }
            });
        });
        commands
    }

    fn overlays_ui(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        if let Some(form) = &mut self.signer_form {
            commands.extend(form.ui(ctx));
        }
        if let Some(form) = &mut self.demand_form {
            commands.extend(form.ui(ctx, &self.document.letter));
        }
        if let Some(dialog) = &mut self.import {
            commands.extend(dialog.ui(ctx, self.roster.as_ref().map(|r| &*r.roster)));
        }
        if let Some(prompt) = &self.prompt {
            commands.extend(prompt_ui(ctx, prompt, &self.document));
        }
        if self.overlays.is_warnings_open {
            let mut is_open = true;
            egui::Window::new(format!("Load warnings: {}", self.document.display_name()))
                .open(&mut is_open)
                .default_size([560.0, 320.0])
                .show(ctx, |ui| {
                    ui.label("The file loaded, but the reader noticed these problems. Fix them in the file and open it again.");
                    ui.separator();
                    commands.extend(duplicates_ui(ui, &self.document));
                    // A big file can have thousands: only the rows in view are laid out, one
                    // line each (scroll sideways for a long one).
                    let warnings = &self.document.warnings;
                    let row_height = ui.text_style_height(&egui::TextStyle::Monospace);
                    egui::ScrollArea::both().id_salt("warnings").auto_shrink([false, true]).show_rows(ui, row_height, warnings.len(), |ui, shown| {
                        for warning in warnings.get(shown).unwrap_or_default() {
                            ui.add(egui::Label::new(RichText::new(warning.to_string()).monospace()).extend());
                        }
                    });
                });
            if !is_open {
                commands.push(Command::ShowWarnings(false));
            }
        }
        if self.overlays.is_about_open {
            let mut is_open = true;
            egui::Window::new("About Signer Dashboard").open(&mut is_open).resizable(false).collapsible(false).show(ctx, |ui| {
                ui.label(format!("Signer Dashboard {}", env!("CARGO_PKG_VERSION")));
                ui.label("Who signed a congressional sign-on letter, by party and state, and what it asks for.");
                ui.label(RichText::new("Open a letter (.json) or a signer table (.csv) with Open… in the File menu, by dropping it on the window, or on the command line.").weak());
            });
            if !is_open {
                commands.push(Command::ShowAbout(false));
            }
        }
        let mut close_path_field = false;
        if let Some(field) = &mut self.overlays.path_field {
            let purpose = field.purpose;
            let title = match purpose {
                PathPurpose::Export(kind) => format!("Export {} to a path", kind.label()),
                PathPurpose::OpenLetter => "Open a letter by path".to_owned(),
                PathPurpose::ImportRoster => "Import a roster by path".to_owned(),
                PathPurpose::ImportText => "Import signers from a text file".to_owned(),
            };
            egui::Window::new(title)
                .collapsible(false)
                .resizable(false)
                .show(ctx, |ui| {
                    if let Some(reason) = &field.reason {
                        ui.label(reason);
                        ui.add_space(4.0);
                    }
                    let hint = field.hint();
                    let response = ui.add(
                        egui::TextEdit::singleline(&mut field.text)
                            .hint_text(hint)
                            .desired_width(420.0),
                    );
                    if std::mem::take(&mut field.wants_focus) {
                        response.request_focus();
                    }
                    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                    ui.horizontal(|ui| {
                        let can_go = !field.text.trim().is_empty();
                        let action = match purpose {
                            PathPurpose::Export(_) => "Export",
                            PathPurpose::OpenLetter => "Open",
                            PathPurpose::ImportRoster | PathPurpose::ImportText => "Import",
                        };
                        if (ui.add_enabled(can_go, egui::Button::new(action)).clicked() || entered)
                            && can_go
                        {
                            let path = PathBuf::from(field.text.trim());
                            commands.push(match purpose {
                                PathPurpose::Export(kind) => Command::ExportTo(kind, path),
                                PathPurpose::OpenLetter => Command::OpenPath(path),
                                PathPurpose::ImportRoster => Command::ImportRosterFrom(path),
                                PathPurpose::ImportText => Command::ImportTextFrom(path),
                            });
                            close_path_field = true;
                        }
                        if ui.button("Cancel").clicked() {
                            close_path_field = true;
                        }
                    });
                });
        }
        if close_path_field {
            self.overlays.path_field = None;
        }
        commands
    }

    fn keyboard_commands(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        ctx.input_mut(|input| {
            if input.consume_shortcut(&OPEN) {
                commands.push(Command::OpenDialog);
            }
            if input.consume_shortcut(&QUIT) {
                commands.push(Command::Quit);
            }
            if input.consume_shortcut(&FIND) {
                self.filters_panel.focus_search = true;
            }
            // Shift+Ctrl+S first: a plain Ctrl+S shortcut would match it too.
            if input.consume_shortcut(&SAVE_AS) {
                commands.push(Command::SaveAs);
            }
            if input.consume_shortcut(&SAVE) {
                commands.push(Command::Save);
            }
        });
        // A focused text box has its own undo for what is being typed.
        if ctx.memory(|m| m.focused().is_none()) {
            ctx.input_mut(|input| {
                if input.consume_shortcut(&REDO) || input.consume_shortcut(&REDO_Y) {
                    commands.push(Command::Redo);
                }
                if input.consume_shortcut(&UNDO) {
                    commands.push(Command::Undo);
                }
            });
        }
        commands
    }

    fn collect_background_work(&mut self) {
        for outcome in self.worker.poll() {
            match outcome {
                Outcome::Loaded {
                    path,
                    result: Ok(None),
                } => {
                    self.loading = None;
                    self.status = Some(format!("Stopped opening {}", path.display()));
                }
                Outcome::Loaded {
                    path,
                    result: Ok(Some(document)),
                } => {
                    self.loading = None;
                    let notes = document.load_notes();
                    self.replace_document(*document);
                    self.document.refilter(&self.filter);
                    self.error = None;
                    self.settings.remember(&path);
                    self.forget_recovery();
                    let signers = crate::text::grouped(self.document.letter.signers.len());
                    let name = self.document.display_name();
                    self.status = Some(match notes {
                        None => format!("Opened {name} ({signers} signers)"),
                        Some(notes) => format!("Opened {name} ({signers} signers) with {notes}"),
                    });
                }
                Outcome::Loaded {
                    path,
                    result: Err(error),
                } => {
                    self.loading = None;
                    self.show_load_error(&path, &error);
                }
                // The dialog was opened after any unsaved changes were dealt with.
                Outcome::Picked(Picked::File(path)) => self.perform(PendingAction::OpenPath(path)),
                Outcome::Picked(Picked::Cancelled)
                | Outcome::SaveTo {
                    picked: Picked::Cancelled,
                    ..
                } => self.after_save = None,
                Outcome::SaveTo {
                    kind,
                    picked: Picked::File(path),
                } => self.apply(Command::ExportTo(kind, path)),
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
                    self.overlays.path_field = Some(PathField::instead_of_dialog(
                        PathPurpose::Export(kind),
                        text,
                        "Type where to save the export:",
                    ));
                }
                Outcome::PickedRoster(Picked::File(path)) => {
                    self.apply(Command::ImportRosterFrom(path))
                }
                Outcome::PickedRoster(Picked::Cancelled)
                | Outcome::PickedText(Picked::Cancelled) => {}
                Outcome::PickedText(Picked::File(path)) => {
                    self.apply(Command::ImportTextFrom(path))
                }
                Outcome::PickedText(Picked::Unavailable) => {
                    self.overlays.path_field = Some(PathField::instead_of_dialog(
                        PathPurpose::ImportText,
                        String::new(),
                        "Type the path of the .txt, .md or .html file, or paste the text into the import window:",
                    ));
                }
                Outcome::PickedRoster(Picked::Unavailable) => {
                    self.overlays.path_field = Some(PathField::instead_of_dialog(
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
                    self.overlays.path_field = Some(PathField::instead_of_dialog(
                        PathPurpose::OpenLetter,
                        String::new(),
                        "Type the path of the letter instead:",
                    ));
                }
            }
        }
    }

    fn show_load_error(&mut self, path: &std::path::Path, error: &LoadError) {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.error = Some(format!("Could not open {name}\n{error}"));
        self.status = Some(format!("{} is still open", self.document.display_name()));
    }

    /// Does what `command` asks. Called after drawing; also the way tests drive the app.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::OpenDialog => self.guard(PendingAction::OpenDialog),
            Command::OpenPathField => {
                self.overlays.path_field =
                    Some(PathField::new(PathPurpose::OpenLetter, String::new(), None));
            }
            Command::OpenPath(path) => self.guard(PendingAction::OpenPath(path)),
            Command::OpenSample => self.guard(PendingAction::OpenSample),
            Command::ToggleParty(code) => {
                self.filter.toggle_party(&code);
                self.document.refilter(&self.filter);
            }
            Command::ToggleState(state) => {
                self.filter.toggle_state(state);
                self.document.refilter(&self.filter);
            }
            Command::SetChamber(chamber) => {
                self.filter.chamber = chamber;
                self.document.refilter(&self.filter);
            }
            Command::SetRole(role) => {
                self.filter.role = role;
                self.document.refilter(&self.filter);
            }
            Command::SetSearch(text) => {
                self.filter.search = text;
                self.document.refilter(&self.filter);
            }
            Command::ClearFilters => {
                self.filter = Filter::default();
                self.document.refilter(&self.filter);
            }
            Command::SetDemandStatus { index, status } => {
                let Some(before) = self.document.letter.demands.get(index) else {
                    return;
                };
                if before.status != status {
                    let mut after = before.clone();
                    after.status = status;
                    let edit = Edit::Demand {
                        index,
                        before: Some(Box::new(before.clone())),
                        after: Some(Box::new(after)),
                    };
                    self.edit(edit, None);
                }
            }
            Command::SetDemandNote { index, note } => {
                let Some(before) = self.document.letter.demands.get(index) else {
                    return;
                };
                let note = Some(note).filter(|n| !n.trim().is_empty());
                if before.note != note {
                    let mut after = before.clone();
                    after.note = note;
                    let edit = Edit::Demand {
                        index,
                        before: Some(Box::new(before.clone())),
                        after: Some(Box::new(after)),
                    };
                    self.edit(edit, Some(format!("note {index}")));
                }
            }
            Command::Save => self.save(true),
            Command::SaveAs => {
                if matches!(self.prompt, Some(Prompt::ChangedOnDisk)) {
                    self.prompt = None;
                }
                let name = self.default_export_name(ExportKind::Letter);
                self.worker.pick_save_path(
                    ExportKind::Letter,
                    name,
                    self.settings.last_folder.clone(),
                );
            }
            Command::SaveTo(path) | Command::ExportTo(ExportKind::Letter, path) => {
                self.save_to(path)
            }
            Command::Undo => {
                if self.document.undo(&self.filter) {
                    self.status = Some("Undone".to_owned());
                }
            }
            Command::Redo => {
                if self.document.redo(&self.filter) {
                    self.status = Some("Redone".to_owned());
                }
            }
            Command::EditSigner(None) => self.signer_form = Some(SignerForm::new_signer()),
            Command::EditSigner(Some(index)) => {
                self.signer_form = SignerForm::edit(&self.document.letter, index)
            }
            Command::EditDemand(None) => self.demand_form = Some(DemandForm::new_demand()),
            Command::EditDemand(Some(index)) => {
                self.demand_form = DemandForm::edit(&self.document.letter, index)
            }
            Command::CloseEditor => {
                self.signer_form = None;
                self.demand_form = None;
            }
            Command::CommitSigner { index, draft } => {
                let letter = std::sync::Arc::make_mut(&mut self.document.letter);
                let before = index.and_then(|i| letter.signers.get(i)).cloned();
                let signer = draft.to_signer(letter, before.as_ref());
                let position = index.unwrap_or(letter.signers.len());
                self.status = Some(match index {
                    Some(_) => format!("Changed {}", signer.name),
                    None => format!("Added {}", signer.name),
                });
                let edit = Edit::Signer {
                    index: position,
                    before: before.map(Box::new),
                    after: Some(Box::new(signer)),
                };
                self.edit(edit, None);
                self.signer_form = None;
            }
            Command::RemoveSigner(index) => {
                let Some(before) = self.document.letter.signers.get(index).cloned() else {
                    return;
                };
                self.status = Some(format!("Removed {} (Undo puts them back)", before.name));
                self.edit(
                    Edit::Signer {
                        index,
                        before: Some(Box::new(before)),
                        after: None,
                    },
                    None,
                );
            }
            Command::CommitDemand { index, demand } => {
                let before = index
                    .and_then(|i| self.document.letter.demands.get(i))
                    .cloned();
                let position = index.unwrap_or(self.document.letter.demands.len());
                self.status = Some(
                    if index.is_some() {
                        "Changed a demand"
                    } else {
                        "Added a demand"
                    }
                    .to_owned(),
                );
                self.edit(
                    Edit::Demand {
                        index: position,
                        before: before.map(Box::new),
                        after: Some(demand),
                    },
                    None,
                );
                self.demand_form = None;
            }
            Command::RemoveDemand(index) => {
                let Some(before) = self.document.letter.demands.get(index).cloned() else {
                    return;
                };
                self.status = Some("Removed a demand (Undo puts it back)".to_owned());
                self.edit(
                    Edit::Demand {
                        index,
                        before: Some(Box::new(before)),
                        after: None,
                    },
                    None,
                );
            }
            Command::PromptSave => {
                if let Some(Prompt::Unsaved(action)) = self.prompt.take() {
                    self.after_save = Some(action);
                    self.save(true);
                }
            }
            Command::PromptDiscard => {
                if let Some(Prompt::Unsaved(action)) = self.prompt.take() {
                    self.forget_recovery();
                    self.perform(action);
                }
            }
            Command::PromptCancel => {
                self.prompt = None;
                self.after_save = None;
            }
            Command::Overwrite => {
                self.prompt = None;
                self.save(false);
            }
            Command::Reload => {
                self.prompt = None;
                self.after_save = None;
                if let Some(path) = self.document.save_path().map(Path::to_path_buf) {
                    self.forget_recovery();
                    self.perform(PendingAction::OpenPath(path));
                }
            }
            Command::RestoreRecovery => {
                if let Some(Prompt::Restore(recovery)) = self.prompt.take() {
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
                    // The kept copy now holds this document's changes: saving or
                    // discarding them removes it, as for any copy this run writes.
                    self.recovery_written = Some((self.document.edit_revision(), 0.0));
                    self.status = Some(format!(
                        "Restored the changes kept at {}",
                        session::local_time(&recovery.saved_at)
                    ));
                    // A different file asked for meanwhile asks about these changes first.
                    match self.after_recovery.take() {
                        Some(PendingAction::OpenPath(path))
                            if source.as_deref() == Some(path.as_path()) => {}
                        Some(action) => self.guard(action),
                        None => {}
                    }
                }
            }
            Command::DiscardRecovery => {
                self.prompt = None;
                if let Some(dir) = &self.data_dir {
                    session::remove_recovery(dir);
                }
                self.recovery_written = None;
                if let Some(action) = self.after_recovery.take() {
                    self.perform(action);
                } else if !self.has_file_argument
                    && let Some(path) = self.settings.last_file.clone().filter(|p| p.is_file())
                {
                    self.perform(PendingAction::OpenPath(path));
                }
            }
            Command::Export(kind) => {
                let name = self.default_export_name(kind);
                self.worker
                    .pick_save_path(kind, name, self.settings.last_folder.clone());
            }
            Command::ExportTo(ExportKind::Picture, path) => {
                let writer = self.worker.screenshot_writer(path);
                let ctx = self.worker_ctx();
                ctx.request_screenshot(writer);
                ctx.request_repaint();
            }
            Command::ExportTo(ExportKind::Data(format), path) => {
                let snapshot = ExportSnapshot {
                    letter: std::sync::Arc::clone(&self.document.letter),
                    filter: self.filter.clone(),
                    selection: self.document.selection.clone(),
                    generated_at: now_utc(),
                };
                self.status = Some(format!("Exporting the {}…", format.label()));
                self.worker.export(path, format, snapshot);
            }
            Command::ImportRoster => self.worker.pick_roster(self.settings.last_folder.clone()),
            Command::ImportRosterFrom(path) => {
                self.status = Some(format!("Reading the roster {}…", path.display()));
                let keep = self.kept_roster_path();
                self.worker.load_roster(path, keep);
            }
            Command::ChooseMember { signer, bioguide } => {
                let Some(before) = self.document.letter.signers.get(signer).cloned() else {
                    return;
                };
                let mut after = before.clone();
                after.bioguide = Some(bioguide.into());
                self.status = Some(format!("Matched {} by hand", before.name));
                self.edit(
                    Edit::Signer {
                        index: signer,
                        before: Some(Box::new(before)),
                        after: Some(Box::new(after)),
                    },
                    None,
                );
            }
            Command::ExportTargets => {
                let name = self.default_export_name(ExportKind::Targets);
                self.worker.pick_save_path(
                    ExportKind::Targets,
                    name,
                    self.settings.last_folder.clone(),
                );
            }
            Command::ExportTo(ExportKind::Targets, path) => {
                let Some(roster) = &self.roster else { return };
                let mut bytes = Vec::new();
                let written = crate::roster::write_targets(
                    &mut bytes,
                    crate::roster::TargetsFormat::Csv,
                    &self.document.letter,
                    &roster.roster,
                    &roster.targets,
                );
                match written {
                    Ok(()) => {
                        self.worker
                            .write_file(path, bytes, ExportKind::Targets.label().to_owned())
                    }
                    Err(error) => {
                        self.error = Some(format!("Could not export the targets\n{error}"))
                    }
                }
            }
            Command::ShowTab(tab) => self.tab = tab,
            Command::ImportFromText => {
                if self.import.is_none() {
                    self.import = Some(ImportDialog::new());
                }
            }
            Command::ImportTextDialog => self.worker.pick_text(self.settings.last_folder.clone()),
            Command::ImportTextFrom(path) => {
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
            Command::CloseImport => self.import = None,
            Command::AcceptImport {
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
            Command::CancelLoad => {
                if let Some((_, progress)) = &self.loading {
                    progress.cancel();
                }
            }
            Command::ShadeMapByShare(is_by_share) => self.is_map_by_share = is_by_share,
            Command::ShowWarnings(is_open) => self.overlays.is_warnings_open = is_open,
            Command::ShowOnlyDuplicates(is_only) => {
                self.document.show_only_duplicates(is_only, &self.filter);
            }
            Command::ShowAbout(is_open) => self.overlays.is_about_open = is_open,
            Command::DismissError => self.error = None,
            Command::SetTheme(preference) => {
                self.settings.theme = preference;
                self.worker_ctx().set_theme(preference);
            }
            Command::Quit => self.guard(PendingAction::Close),
        }
    }

    fn default_export_name(&self, kind: ExportKind) -> String {
        match kind {
            ExportKind::Data(format) => default_file_name(&self.document.letter, format),
            ExportKind::Picture => {
                let html = default_file_name(&self.document.letter, ExportFormat::Html);
                let stem = html.strip_suffix(".html").unwrap_or(&html);
                format!("{stem}.png")
            }
            ExportKind::Targets => {
                let name = default_file_name(&self.document.letter, ExportFormat::Csv);
                let stem = name.strip_suffix(".csv").unwrap_or(&name);
                format!("{stem}-not-signed.csv")
            }
            ExportKind::Letter => match &self.document.source {
                // A signer table saved as a letter sits beside it under the same name.
                Source::File(path) => path.with_extension("json").file_name().map_or_else(
                    || default_file_name(&self.document.letter, ExportFormat::Json),
                    |n| n.to_string_lossy().into_owned(),
                ),
                Source::Sample | Source::New => {
                    let name = default_file_name(&self.document.letter, ExportFormat::Json);
                    let stem = name.strip_suffix(".json").unwrap_or(&name);
                    format!("{stem}-letter.json")
                }
            },
        }
    }

    fn worker_ctx(&self) -> egui::Context {
        self.worker.ctx()
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let modified = if self.document.is_modified {
            " •"
        } else {
            ""
        };
        let title = format!(
            "{}{modified} — Signer Dashboard",
            self.document.display_name()
        );
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// The signers in the order the table shows them, as positions in the letter.
    pub fn table_order(&mut self) -> &[u32] {
        self.table_panel.rows(&self.document)
    }

    /// Puts `document` in place of the open one, which is dropped on a background thread:
    /// freeing a million signers one by one takes longer than a frame.
    fn replace_document(&mut self, document: Document) {
        let old = std::mem::replace(&mut self.document, document);
        if old.is_big() {
            // If no thread can be started, the letter is dropped here, as before.
            let _ = std::thread::Builder::new()
                .name("drop letter".to_owned())
                .spawn(move || drop(old));
        }
    }

    /// Sorts the table by `column`, as clicking its header does (again: the other way).
    pub fn sort_table_by(&mut self, column: crate::order::SortColumn) {
        self.table_panel.sort_by(column);
    }

    /// Whether the table is sorting a big letter on a background thread.
    pub fn is_table_sorting(&self) -> bool {
        self.table_panel.is_sorting()
    }

    /// The title the window shows.
    pub fn window_title(&self) -> &str {
        &self.shown_title
    }
}

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

fn dropped_file_commands(ctx: &egui::Context) -> Vec<Command> {
    ctx.input(|input| {
        input
            .raw
            .dropped_files
            .first()
            .map(|file| {
                let path = file.path().to_path_buf();
                // A press release goes to the import window; letters and tables open.
                match crate::extract::TextKind::from_path(&path) {
                    Some(_) => Command::ImportTextFrom(path),
                    None => Command::OpenPath(path),
                }
            })
            .into_iter()
            .collect()
    })
}

/// While a file is dragged over the window, say what dropping it will do.
fn drop_target_ui(ctx: &egui::Context) {
    let is_hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if !is_hovering {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-target"),
    ));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a letter (.json) or a signer table (.csv) to open it",
        egui::FontId::proportional(22.0),
        egui::Color32::WHITE,
    );
}

fn error_frame(ui: &egui::Ui) -> egui::Frame {
    let fill = if ui.visuals().dark_mode {
        theme::ERROR_FILL_DARK
    } else {
        theme::ERROR_FILL_LIGHT
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(10, 8))
}

fn error_banner_ui(ui: &mut egui::Ui, error: &str) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            if ui.button("Dismiss").clicked() {
                command = Some(Command::DismissError);
            }
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                let mut lines = error.lines();
                if let Some(first) = lines.next() {
                    ui.label(RichText::new(first).strong());
                }
                for line in lines {
                    ui.add(egui::Label::new(RichText::new(line).monospace()).wrap());
                }
                ui.label(RichText::new("The letter you had open is still open.").weak());
            });
        });
    });
    command
}

impl eframe::App for DashboardApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings());
    }
}

/// The question in `prompt`, as a modal dialog; its buttons become commands.
fn prompt_ui(ctx: &egui::Context, prompt: &Prompt, document: &Document) -> Option<Command> {
    let mut command = None;
    let name = document.display_name();
    egui::Modal::new(egui::Id::unique("prompt")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        match prompt {
            Prompt::Unsaved(action) => {
                ui.heading(format!("Save the changes to {name}?"));
                ui.label(format!("The letter has changes that are not saved. They will be lost if you go on {} without saving.", action.verb()));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        command = Some(Command::PromptSave);
                    }
                    if ui.button("Don't save").clicked() {
                        command = Some(Command::PromptDiscard);
                    }
                    if ui.button("Cancel").clicked() {
                        command = Some(Command::PromptCancel);
                    }
                });
            }
            Prompt::ChangedOnDisk => {
                ui.heading(format!("{name} was changed by another program"));
                ui.label("Since you opened it, the file on disk has changed. Saving now would replace those changes with yours.");
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Overwrite").clicked() {
                        command = Some(Command::Overwrite);
                    }
                    if ui.button("Save as…").clicked() {
                        command = Some(Command::SaveAs);
                    }
                    if ui.button("Reload (drop my changes)").clicked() {
                        command = Some(Command::Reload);
                    }
                    if ui.button("Cancel").clicked() {
                        command = Some(Command::PromptCancel);
                    }
                });
            }
            Prompt::Restore(recovery) => {
                ui.heading("Restore unsaved changes?");
                let from = recovery.source.as_ref().map_or_else(|| "the sample letter".to_owned(), |p| p.display().to_string());
                ui.label(format!(
                    "Signer Dashboard closed with unsaved changes to {from} ({} signers, {} demands), kept at {}.",
                    recovery.letter.signers.len(),
                    recovery.letter.demands.len(),
                    session::local_time(&recovery.saved_at)
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        command = Some(Command::RestoreRecovery);
                    }
                    if ui.button("Discard them").clicked() {
                        command = Some(Command::DiscardRecovery);
                    }
                });
            }
        }
    });
    command
}

/// The load warnings' row for the possible duplicates: "156,140 possible duplicates",
/// opening to list them (only the rows in view are laid out), and "Show them", which
/// shows only those signers and the ones they repeat.
fn duplicates_ui(ui: &mut egui::Ui, document: &Document) -> Vec<Command> {
    let mut commands = Vec::new();
    let duplicates = &document.duplicates;
    if duplicates.is_empty() {
        return commands;
    }
    let count = duplicates.len();
    ui.horizontal(|ui| {
        let is_only = document.shown_only.is_some();
        let label = if is_only {
            "Show all signers"
        } else {
            "Show them"
        };
        if ui
            .button(label)
            .on_hover_text("Show only these signers and the ones they repeat, or every signer")
            .clicked()
        {
            commands.push(Command::ShowOnlyDuplicates(!is_only));
        }
        ui.label(RichText::new("same name and state as an earlier signer").weak());
    });
    egui::CollapsingHeader::new(format!(
        "{} possible {}",
        crate::text::grouped(count),
        plural(count, "duplicate", "duplicates")
    ))
    .id_salt("possible duplicates")
    .show(ui, |ui| {
        let signers = &document.letter.signers;
        let row_height = ui.text_style_height(&egui::TextStyle::Monospace);
        egui::ScrollArea::both()
            .id_salt("duplicates")
            .max_height(200.0)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, count, |ui, shown| {
                for duplicate in duplicates.get(shown).unwrap_or_default() {
                    let name = signers.get(duplicate.signer).map_or("", |s| &*s.name);
                    let line = duplicate.describe(name);
                    ui.add(egui::Label::new(RichText::new(line).monospace()).extend());
                }
            });
    });
    ui.separator();
    commands
}
