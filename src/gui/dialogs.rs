//! The window's small dialogs and banners: the questions asked before going on, the error
//! banner, the About window, and what dropping a file does.

use super::command::{Command, FileCommand, ImportCommand, ViewCommand};
use super::document::Document;
use super::prompt::Prompt;
use super::session;
use super::theme;
use egui::RichText;

/// The About window, while it is open.
pub fn about_ui(ctx: &egui::Context) -> Option<Command> {
    let mut is_open = true;
    egui::Window::new("About Signer Dashboard")
        .open(&mut is_open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(format!("Signer Dashboard {}", env!("CARGO_PKG_VERSION")));
            ui.label("Who signed a congressional sign-on letter, by party and state, and what it asks for.");
            ui.label(RichText::new("Open a letter (.json) or a signer table (.csv) with Open… in the File menu, by dropping it on the window, or on the command line.").weak());
        });
    (!is_open).then(|| ViewCommand::ShowAbout(false).into())
}

/// What dropping a file on the window asks for.
pub fn dropped_file_commands(ctx: &egui::Context) -> Vec<Command> {
    ctx.input(|input| {
        input
            .raw
            .dropped_files
            .first()
            .map(|file| {
                let path = file.path().to_path_buf();
                // A press release goes to the import window; letters and tables open.
                match crate::extract::TextKind::from_path(&path) {
                    Some(_) => ImportCommand::ReadFile(path).into(),
                    None => FileCommand::OpenPath(path).into(),
                }
            })
            .into_iter()
            .collect()
    })
}

/// While a file is dragged over the window, say what dropping it will do.
pub fn drop_target_ui(ctx: &egui::Context) {
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

/// The error banner's frame: a fill that reads as an error in either theme.
pub fn error_frame(ui: &egui::Ui) -> egui::Frame {
    let fill = if ui.visuals().dark_mode {
        theme::ERROR_FILL_DARK
    } else {
        theme::ERROR_FILL_LIGHT
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(10, 8))
}

/// The error banner's text and its *Dismiss* button.
pub fn error_banner_ui(ui: &mut egui::Ui, error: &str) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            if ui.button("Dismiss").clicked() {
                command = Some(ViewCommand::DismissError.into());
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

/// The question in `prompt`, as a modal dialog; its buttons become commands.
pub fn prompt_ui(ctx: &egui::Context, prompt: &Prompt, document: &Document) -> Option<Command> {
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
                        command = Some(FileCommand::PromptSave.into());
                    }
                    if ui.button("Don't save").clicked() {
                        command = Some(FileCommand::PromptDiscard.into());
                    }
                    if ui.button("Cancel").clicked() {
                        command = Some(FileCommand::PromptCancel.into());
                    }
                });
            }
            Prompt::ChangedOnDisk => {
                ui.heading(format!("{name} was changed by another program"));
                ui.label("Since you opened it, the file on disk has changed. Saving now would replace those changes with yours.");
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Overwrite").clicked() {
                        command = Some(FileCommand::Overwrite.into());
                    }
                    if ui.button("Save as…").clicked() {
                        command = Some(FileCommand::SaveAs.into());
                    }
                    if ui.button("Reload (drop my changes)").clicked() {
                        command = Some(FileCommand::Reload.into());
                    }
                    if ui.button("Cancel").clicked() {
                        command = Some(FileCommand::PromptCancel.into());
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
                        command = Some(FileCommand::RestoreRecovery.into());
                    }
                    if ui.button("Discard them").clicked() {
                        command = Some(FileCommand::DiscardRecovery.into());
                    }
                });
            }
        }
    });
    command
}
