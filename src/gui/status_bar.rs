//! The status bar: the open file, its load warnings, the progress of a file being read,
//! and the last note.

use super::command::{Command, FileCommand, FilterCommand, ViewCommand};
use super::document::{Document, Source};
use super::theme;
use crate::load::Progress;
use egui::RichText;
use std::path::PathBuf;
use std::sync::Arc;

/// What the status bar shows.
pub struct StatusState<'a> {
    /// The open letter.
    pub document: &'a Document,
    /// The file being read, and how far it has got.
    pub loading: Option<&'a (PathBuf, Arc<Progress>)>,
    /// Whether the worker is busy with something else (a dialog, an export).
    pub is_busy: bool,
    /// The last note.
    pub status: Option<&'a String>,
}

/// The status bar.
pub fn status_ui(ui: &mut egui::Ui, state: &StatusState<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let name = state.document.display_name();
        let modified = if state.document.is_modified {
            " • modified"
        } else {
            ""
        };
        ui.label(format!("{name}{modified}"));
        if let Source::File(path) = &state.document.source {
            ui.label(RichText::new(path.display().to_string()).weak().small());
        }
        if let Some(notes) = state.document.load_notes() {
            let text = format!("⚠ {notes}");
            if ui
                .link(RichText::new(text).color(theme::WARNING))
                .on_hover_text("Show what the reader noticed")
                .clicked()
            {
                commands.push(ViewCommand::ShowWarnings(true).into());
            }
        }
        if state.document.shown_only.is_some() {
            ui.label(RichText::new("Only possible duplicates shown").color(theme::WARNING));
            if ui.link("Show all signers").clicked() {
                commands.push(FilterCommand::ShowOnlyDuplicates(false).into());
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some((path, progress)) = &state.loading {
                if ui
                    .button("Cancel")
                    .on_hover_text("Stop reading; the letter that is open stays")
                    .clicked()
                {
                    commands.push(FileCommand::CancelLoad.into());
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
            } else if state.is_busy {
                ui.spinner();
                ui.label("Working…");
            } else if let Some(status) = state.status {
                ui.label(RichText::new(status).weak());
            }
        });
    });
    commands
}
