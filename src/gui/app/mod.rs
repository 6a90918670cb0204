//! The dashboard window: owns one of each area's state, lays out a frame, and hands each
//! command the panels return to the area that applies it. The areas are its child
//! modules (`files`, `editing`, `importing`, `exporting`, `view`, and `background` for
//! what the worker sends back); `docs/ARCHITECTURE.md` maps menu items to them.

use super::checklist::ChecklistPanel;
use super::command::{Command, FilterCommand, RosterCommand};
use super::dialogs;
use super::document::Document;
use super::filters::FiltersPanel;
use super::import::ImportDialog;
use super::layout::{self, Central, ViewState};
use super::menu::{self, MenuState};
use super::outreach_board::OutreachBoard;
use super::path_field::{PathField, PathFieldOutcome};
use super::recovery::RecoveryKeeper;
use super::roster_panel::RosterState;
use super::settings::{SETTINGS_KEY, Settings};
use super::status_bar::{self, StatusState};
use super::table::TablePanel;
use super::worker::Worker;
use super::{header, warnings};
use crate::analysis::Filter;
use egui::RichText;
use std::path::PathBuf;

mod background;
mod editing;
mod exporting;
mod files;
mod importing;
mod view;

use editing::Editors;
use files::Session;

pub use super::prompt::{PendingAction, Prompt};

/// The whole app: the open letter, the filter and every area's own state.
pub struct DashboardApp {
    pub(super) settings: Settings,
    pub(super) filter: Filter,
    pub(super) document: Document,
    pub(super) worker: Worker,
    pub(super) filters_panel: FiltersPanel,
    pub(super) table_panel: TablePanel,
    pub(super) checklist_panel: ChecklistPanel,
    pub(super) outreach_board: OutreachBoard,
    pub(super) view: ViewState,
    /// The path field, shown when there is no file dialog or the user asks for it.
    pub(super) path_field: Option<PathField>,
    /// The last failure to open a file, shown until dismissed.
    pub(super) error: Option<String>,
    /// A one-line note in the status bar.
    pub(super) status: Option<String>,
    shown_title: String,
    pub(super) editors: Editors,
    pub(super) session: Session,
    pub(super) recovery: RecoveryKeeper,
    /// The roster of Congress, once imported, with what it says about the letter.
    pub(super) roster: Option<RosterState>,
    /// Committee seats, once imported.
    pub(super) committees: Option<std::sync::Arc<crate::roster::committees::Committees>>,
    /// *File ▸ Import signers from text*, while it is open.
    pub(super) import: Option<ImportDialog>,
}

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
            outreach_board: OutreachBoard::default(),
            view: ViewState::default(),
            path_field: None,
            error: None,
            status: None,
            shown_title: String::new(),
            editors: Editors::default(),
            session: Session::new(file),
            recovery: RecoveryKeeper::default(),
            roster: None,
            committees: None,
            import: None,
        }
    }

    /// Keeps the recovery file in `data_dir` (the app's data folder; tests use a temporary one).
    pub fn with_data_dir(mut self, data_dir: Option<PathBuf>) -> DashboardApp {
        self.recovery = RecoveryKeeper::new(data_dir);
        self
    }

    /// The question the app is asking, if any.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.session.prompt.as_ref()
    }

    /// The settings as they would be saved now.
    pub fn settings(&self) -> Settings {
        Settings {
            filter: self.filter.clone(),
            ..self.settings.clone()
        }
    }

    /// Writes the recovery file now if the letter has unsaved changes it does not hold yet.
    pub fn write_recovery_now(&mut self, time_seconds: f64) {
        if let Some(note) = self.recovery.write_now(&self.document, time_seconds) {
            self.status = Some(note);
        }
    }

    /// Where the imported roster is kept between runs.
    pub(super) fn kept_roster_path(&self) -> Option<PathBuf> {
        self.recovery.data_dir().map(|d| d.join("roster.json"))
    }

    /// Where the imported committee files are kept between runs.
    pub(super) fn kept_committees_folder(&self) -> Option<PathBuf> {
        self.recovery.data_dir().map(|d| d.join("committees"))
    }

    /// The committee seats, once imported.
    pub fn committees(&self) -> Option<&crate::roster::committees::Committees> {
        self.committees.as_deref()
    }

    /// The roster and what it says about the letter, once imported.
    pub fn roster(&self) -> Option<&RosterState> {
        self.roster.as_ref()
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
            || self.recovery.is_writing()
            || self.table_panel.is_sorting()
            || self.roster.as_ref().is_some_and(RosterState::is_matching)
    }

    /// What the space below the charts shows.
    pub fn view_tab(&self) -> super::command::CentralTab {
        self.view.tab
    }

    /// Whether the path field is showing.
    pub fn is_path_field_open(&self) -> bool {
        self.path_field.is_some()
    }

    /// Draws one frame of the whole window into `ui`, then applies what the user asked for.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        self.collect_background_work();
        if let Some(roster) = &mut self.roster {
            roster.refresh(&self.document, &self.filter, ui.ctx());
        }
        // On the context that draws, whatever context the worker was given.
        if ui.ctx().options(|o| o.theme_preference) != self.settings.theme {
            ui.ctx().set_theme(self.settings.theme);
        }
        if !self.session.is_started {
            // On the context that draws (a test's harness has its own), before any name is laid out.
            super::theme::install_fonts(ui.ctx());
            self.start();
        }
        let mut commands = menu::keyboard_commands(ui.ctx(), &mut self.filters_panel.focus_search);
        commands.extend(dialogs::dropped_file_commands(ui.ctx()));
        if ui.ctx().input(|i| i.viewport().close_requested())
            && self.document.is_modified
            && !self.session.is_close_allowed
        {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.session.prompt = Some(Prompt::Unsaved(PendingAction::Close));
        }
        commands.extend(self.panels_ui(ui));
        commands.extend(self.overlays_ui(ui.ctx()));
        dialogs::drop_target_ui(ui.ctx());

        for command in commands {
            self.apply(command);
        }
        self.update_title(ui.ctx());
        if let Some(note) = self.recovery.keep(&self.document, ui.ctx()) {
            self.status = Some(note);
        }
    }

    /// The menu, header, banners, status bar, side panels and the central area.
    fn panels_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| {
            let state = MenuState {
                settings: &self.settings,
                document: &self.document,
                filter: &self.filter,
                has_roster: self.roster.is_some(),
                has_committees: self.committees.is_some(),
                view: &self.view,
            };
            commands.extend(menu::menu_ui(ui, &state));
        });
        egui::Panel::top("header").show(ui, |ui| {
            header::ui(ui, &self.document, !self.filter.is_empty());
            if let Some(roster) = &self.roster {
                ui.label(RichText::new(roster.coverage_line()).weak());
                ui.add_space(2.0);
            }
        });
        if let Some(error) = &self.error {
            egui::Panel::top("error")
                .frame(dialogs::error_frame(ui))
                .show(ui, |ui| {
                    commands.extend(dialogs::error_banner_ui(ui, error))
                });
        }
        egui::Panel::bottom("status").show(ui, |ui| {
            let state = StatusState {
                document: &self.document,
                loading: self.session.loading.as_ref(),
                is_busy: self.worker.is_busy(),
                status: self.status.as_ref(),
            };
            commands.extend(status_bar::status_ui(ui, &state));
        });
        let panels = self.settings.panels;
        commands.extend(layout::filters_side_ui(
            ui,
            panels,
            &mut self.filters_panel,
            &self.document,
            &self.filter,
        ));
        let has_demands_tab = layout::is_narrow(ui.ctx().content_rect().width());
        // A member opened on the outreach board takes the right-hand side, demands or not.
        let detail = match (&self.roster, self.view.tab) {
            (Some(roster), super::command::CentralTab::Targets)
                if self.outreach_board.selected().is_some() =>
            {
                Some(roster)
            }
            _ => None,
        };
        if let Some(roster) = detail {
            let committees = self.committees.as_deref();
            commands.extend(self.outreach_board.detail_panel_ui(
                ui,
                roster,
                committees,
                &self.document,
            ));
        } else if !has_demands_tab {
            commands.extend(layout::demands_side_ui(
                ui,
                panels,
                &mut self.checklist_panel,
                &self.document,
            ));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let central = Central {
                document: &self.document,
                filter: &self.filter,
                roster: self.roster.as_ref(),
                view: &self.view,
                has_demands_tab,
                table: &mut self.table_panel,
                checklist: &mut self.checklist_panel,
                board: &mut self.outreach_board,
                committees: self.committees.as_deref(),
            };
            commands.extend(layout::central_ui(ui, central));
        });
        commands
    }

    /// The forms, dialogs and windows over the panels.
    fn overlays_ui(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        if let Some(form) = &mut self.editors.signer_form {
            commands.extend(form.ui(ctx));
        }
        if let Some(form) = &mut self.editors.demand_form {
            commands.extend(form.ui(ctx, &self.document.letter));
        }
        if let Some(dialog) = &mut self.import {
            commands.extend(dialog.ui(ctx, self.roster.as_ref().map(|r| &*r.roster)));
        }
        if let Some(prompt) = &self.session.prompt {
            commands.extend(dialogs::prompt_ui(ctx, prompt, &self.document));
        }
        if self.view.is_warnings_open {
            commands.extend(warnings::warnings_ui(ctx, &self.document));
        }
        if self.view.is_about_open {
            commands.extend(dialogs::about_ui(ctx));
        }
        if let Some(field) = &mut self.path_field {
            match field.ui(ctx) {
                PathFieldOutcome::Open => {}
                PathFieldOutcome::Cancelled => self.path_field = None,
                PathFieldOutcome::Go(command) => {
                    self.path_field = None;
                    commands.push(command);
                }
            }
        }
        commands
    }

    /// Does what `command` asks, through the area it belongs to. Called after drawing; also
    /// the way tests drive the app.
    pub fn apply(&mut self, command: impl Into<Command>) {
        match command.into() {
            Command::File(command) => self.apply_file(command),
            Command::Filter(command) => self.apply_filter(command),
            Command::Edit(command) => self.apply_edit(command),
            Command::Roster(command) => self.apply_roster(command),
            Command::Import(command) => self.apply_import(command),
            Command::Export(command) => self.apply_export(command),
            Command::View(command) => self.apply_view(command),
        }
    }

    /// Changes the filter, and with it what every view shows.
    fn apply_filter(&mut self, command: FilterCommand) {
        match command {
            FilterCommand::ToggleParty(code) => self.filter.toggle_party(&code),
            FilterCommand::ToggleState(state) => self.filter.toggle_state(state),
            FilterCommand::SetChamber(chamber) => self.filter.chamber = chamber,
            FilterCommand::SetRole(role) => self.filter.role = role,
            FilterCommand::SetSearch(text) => self.filter.search = text,
            FilterCommand::Clear => self.filter = Filter::default(),
            FilterCommand::ShowOnlyDuplicates(is_only) => {
                self.document.show_only_duplicates(is_only, &self.filter);
                return;
            }
        }
        self.document.refilter(&self.filter);
    }

    /// Reads a roster of Congress, on the worker.
    pub(super) fn apply_roster(&mut self, command: RosterCommand) {
        match command {
            RosterCommand::AskForFile => self.worker.pick_roster(self.settings.last_folder.clone()),
            RosterCommand::ReadFile(path) => {
                self.status = Some(format!("Reading the roster {}…", path.display()));
                let keep = self.kept_roster_path();
                self.worker.load_roster(path, keep);
            }
            RosterCommand::AskForCommittees => {
                self.worker
                    .pick_committees(self.settings.last_folder.clone());
            }
            RosterCommand::ReadCommittees(path) => {
                self.status = Some(format!("Reading the committees {}…", path.display()));
                let keep = self.kept_committees_folder();
                self.worker.load_committees(path, keep);
            }
        }
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
    pub(super) fn replace_document(&mut self, document: Document) {
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

impl eframe::App for DashboardApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings());
    }
}
