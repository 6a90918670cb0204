//! The menu bar and the keyboard shortcuts: what each menu item and key asks for. The
//! areas that do it are named in `docs/ARCHITECTURE.md`.

use super::command::{
    Command, EditCommand, ExportCommand, ExportKind, FileCommand, FilterCommand, ImportCommand,
    RosterCommand, ViewCommand,
};
use super::document::Document;
use super::layout::ViewState;
use super::settings::Settings;
use crate::analysis::Filter;
use crate::export::ExportFormat;
use egui::{Key, KeyboardShortcut, Modifiers, RichText};

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

/// What the menus show: the state they read, never change.
pub struct MenuState<'a> {
    /// For the recent files and the theme.
    pub settings: &'a Settings,
    /// For undo, redo and the load warnings.
    pub document: &'a Document,
    /// For *Clear filters*.
    pub filter: &'a Filter,
    /// Whether a roster is imported (the map's share shading needs one).
    pub has_roster: bool,
    /// Whether committee seats are imported.
    pub has_committees: bool,
    /// Which panels and shadings are on.
    pub view: &'a ViewState,
}

/// The menu bar.
pub fn menu_ui(ui: &mut egui::Ui, state: &MenuState<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui
                .add(egui::Button::new("Open…").shortcut_text(ui.ctx().format_shortcut(&OPEN)))
                .clicked()
            {
                commands.push(FileCommand::OpenDialog.into());
            }
            if ui.button("Open path…").clicked() {
                commands.push(FileCommand::OpenPathField.into());
            }
            ui.add_enabled_ui(!state.settings.recent_files.is_empty(), |ui| {
                ui.menu_button("Open recent", |ui| {
                    for path in &state.settings.recent_files {
                        let name = path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        if ui
                            .button(name)
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            commands.push(FileCommand::OpenPath(path.clone()).into());
                        }
                    }
                });
            });
            if ui.button("Open the sample letter").clicked() {
                commands.push(FileCommand::OpenSample.into());
            }
            ui.separator();
            if ui
                .add(egui::Button::new("Save").shortcut_text(ui.ctx().format_shortcut(&SAVE)))
                .clicked()
            {
                commands.push(FileCommand::Save.into());
            }
            if ui
                .add(
                    egui::Button::new("Save as…").shortcut_text(ui.ctx().format_shortcut(&SAVE_AS)),
                )
                .clicked()
            {
                commands.push(FileCommand::SaveAs.into());
            }
            ui.separator();
            if ui.button("Import roster…").clicked() {
                commands.push(RosterCommand::AskForFile.into());
            }
            let label = if state.has_committees {
                "Import committees again…"
            } else {
                "Import committees…"
            };
            if ui
                .button(label)
                .on_hover_text("committee-membership-current.yaml from congress-legislators, for the outreach board")
                .clicked()
            {
                commands.push(RosterCommand::AskForCommittees.into());
            }
            if ui.button("Import signers from text…").clicked() {
                commands.push(ImportCommand::Open.into());
            }
            ui.menu_button("Export", |ui| {
                for format in ExportFormat::ALL {
                    if ui.button(format!("{}…", format.label())).clicked() {
                        commands.push(ExportCommand::AskWhere(ExportKind::Data(format)).into());
                    }
                }
                if ui
                    .button(format!("{}…", ExportKind::Picture.label()))
                    .clicked()
                {
                    commands.push(ExportCommand::AskWhere(ExportKind::Picture).into());
                }
            });
            ui.separator();
            if ui
                .add(egui::Button::new("Quit").shortcut_text(ui.ctx().format_shortcut(&QUIT)))
                .clicked()
            {
                commands.push(FileCommand::Quit.into());
            }
        });
        ui.menu_button("Edit", |ui| {
            let history = &state.document.history;
            let undo = egui::Button::new("Undo").shortcut_text(ui.ctx().format_shortcut(&UNDO));
            if ui.add_enabled(history.can_undo(), undo).clicked() {
                commands.push(EditCommand::Undo.into());
            }
            let redo = egui::Button::new("Redo").shortcut_text(ui.ctx().format_shortcut(&REDO));
            if ui.add_enabled(history.can_redo(), redo).clicked() {
                commands.push(EditCommand::Redo.into());
            }
            ui.separator();
            if ui.button("Add signer…").clicked() {
                commands.push(EditCommand::EditSigner(None).into());
            }
            if ui.button("Add demand…").clicked() {
                commands.push(EditCommand::EditDemand(None).into());
            }
        });
        ui.menu_button("View", |ui| {
            ui.label(RichText::new("Theme").weak());
            for (preference, label) in [
                (egui::ThemePreference::System, "Follow the system"),
                (egui::ThemePreference::Light, "Light"),
                (egui::ThemePreference::Dark, "Dark"),
            ] {
                if ui
                    .radio(state.settings.theme == preference, label)
                    .clicked()
                {
                    commands.push(ViewCommand::SetTheme(preference).into());
                }
            }
            ui.separator();
            let mut is_filters_shown = state.settings.panels.is_filters_shown;
            if ui
                .checkbox(&mut is_filters_shown, "Filters panel")
                .changed()
            {
                commands.push(ViewCommand::ShowFilters(is_filters_shown).into());
            }
            let mut is_demands_shown = state.settings.panels.is_demands_shown;
            if ui
                .checkbox(&mut is_demands_shown, "Demands panel")
                .changed()
            {
                commands.push(ViewCommand::ShowDemands(is_demands_shown).into());
            }
            ui.separator();
            let mut is_by_share = state.view.is_map_by_share;
            let share = ui.add_enabled(
                state.has_roster,
                egui::Checkbox::new(
                    &mut is_by_share,
                    "Shade the map by share of each delegation",
                ),
            );
            if share.changed() {
                commands.push(ViewCommand::ShadeMapByShare(is_by_share).into());
            }
            ui.separator();
            let count = state.document.warnings.len() + state.document.duplicates.len();
            if ui
                .add_enabled(
                    count > 0,
                    egui::Button::new(format!("Load warnings ({})…", crate::text::grouped(count))),
                )
                .clicked()
            {
                commands.push(ViewCommand::ShowWarnings(true).into());
            }
            if ui
                .add_enabled(!state.filter.is_empty(), egui::Button::new("Clear filters"))
                .clicked()
            {
                commands.push(FilterCommand::Clear.into());
            }
        });
        ui.menu_button("Help", |ui| {
            if ui.button("About Signer Dashboard…").clicked() {
                commands.push(ViewCommand::ShowAbout(true).into());
            }
        });
    });
    commands
}

/// The shortcuts pressed this frame; Ctrl+F sets `focus_search`, for the filters panel.
pub fn keyboard_commands(ctx: &egui::Context, focus_search: &mut bool) -> Vec<Command> {
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        if input.consume_shortcut(&OPEN) {
            commands.push(FileCommand::OpenDialog.into());
        }
        if input.consume_shortcut(&QUIT) {
            commands.push(FileCommand::Quit.into());
        }
        if input.consume_shortcut(&FIND) {
            *focus_search = true;
        }
        // Shift+Ctrl+S first: a plain Ctrl+S shortcut would match it too.
        if input.consume_shortcut(&SAVE_AS) {
            commands.push(FileCommand::SaveAs.into());
        }
        if input.consume_shortcut(&SAVE) {
            commands.push(FileCommand::Save.into());
        }
    });
    // A focused text box has its own undo for what is being typed.
    if ctx.memory(|m| m.focused().is_none()) {
        ctx.input_mut(|input| {
            if input.consume_shortcut(&REDO) || input.consume_shortcut(&REDO_Y) {
                commands.push(EditCommand::Redo.into());
            }
            if input.consume_shortcut(&UNDO) {
                commands.push(EditCommand::Undo.into());
            }
        });
    }
    commands
}
