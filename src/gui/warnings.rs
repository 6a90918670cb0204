//! *View ▸ Load warnings*: what the reader noticed in the open file, with the possible
//! duplicates grouped in one row that opens to list them.

use super::command::{Command, FilterCommand, ViewCommand};
use super::document::Document;
use crate::text::plural;
use egui::RichText;

/// The load warnings window, while it is open.
pub fn warnings_ui(ctx: &egui::Context, document: &Document) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut is_open = true;
    egui::Window::new(format!("Load warnings: {}", document.display_name()))
        .open(&mut is_open)
        .default_size([560.0, 320.0])
        .show(ctx, |ui| {
            ui.label("The file loaded, but the reader noticed these problems. Fix them in the file and open it again.");
            ui.separator();
            commands.extend(duplicates_ui(ui, document));
            // A big file can have thousands: only the rows in view are laid out, one
            // line each (scroll sideways for a long one).
            let warnings = &document.warnings;
            let row_height = ui.text_style_height(&egui::TextStyle::Monospace);
            egui::ScrollArea::both()
                .id_salt("warnings")
                .auto_shrink([false, true])
                .show_rows(ui, row_height, warnings.len(), |ui, shown| {
                    for warning in warnings.get(shown).unwrap_or_default() {
                        let text = RichText::new(warning.to_string()).monospace();
                        ui.add(egui::Label::new(text).extend());
                    }
                });
        });
    if !is_open {
        commands.push(ViewCommand::ShowWarnings(false).into());
    }
    commands
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
            commands.push(FilterCommand::ShowOnlyDuplicates(!is_only).into());
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
