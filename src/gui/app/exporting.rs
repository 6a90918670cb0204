//! *File ▸ Export*: asking where, and writing each kind of export on the worker, from a
//! snapshot of the letter and filters as they were when asked.

use super::DashboardApp;
use crate::export::{ExportFormat, default_file_name, now_utc};
use crate::gui::command::{ExportCommand, ExportKind};
use crate::gui::document::Source;
use crate::gui::worker::ExportSnapshot;

impl DashboardApp {
    /// Does what an [`ExportCommand`] asks.
    pub(super) fn apply_export(&mut self, command: ExportCommand) {
        match command {
            ExportCommand::AskWhere(kind) => self.ask_where_to_export(kind),
            ExportCommand::WriteTo(ExportKind::Letter, path) => self.save_to(path),
            ExportCommand::WriteTo(ExportKind::Picture, path) => {
                let writer = self.worker.screenshot_writer(path);
                let ctx = self.worker.ctx();
                ctx.request_screenshot(writer);
                ctx.request_repaint();
            }
            ExportCommand::WriteTo(ExportKind::Data(format), path) => {
                let snapshot = ExportSnapshot {
                    letter: std::sync::Arc::clone(&self.document.letter),
                    filter: self.filter.clone(),
                    selection: self.document.selection.clone(),
                    generated_at: now_utc(),
                };
                self.status = Some(format!("Exporting the {}…", format.label()));
                self.worker.export(path, format, snapshot);
            }
            ExportCommand::WriteTo(ExportKind::Targets, path) => {
                let Some(roster) = &self.roster else { return };
                let mut bytes = Vec::new();
                let outreach = self.document.outreach();
                let sheet = crate::roster::CallSheet {
                    letter: &self.document.letter,
                    roster: &roster.roster,
                    targets: &roster.targets,
                    committees: self.committees.as_deref(),
                    outreach: &outreach,
                };
                let written = crate::roster::write_targets(
                    &mut bytes,
                    crate::roster::TargetsFormat::Csv,
                    &sheet,
                );
                match written {
                    Ok(()) => {
                        let what = ExportKind::Targets.label().to_owned();
                        self.worker.write_file(path, bytes, what);
                    }
                    Err(error) => {
                        self.error = Some(format!("Could not export the targets\n{error}"));
                    }
                }
            }
        }
    }

    /// Shows the save dialog for `kind`, starting with its usual name in the last folder.
    pub(super) fn ask_where_to_export(&mut self, kind: ExportKind) {
        let name = self.default_export_name(kind);
        let folder = self.settings.last_folder.clone();
        self.worker.pick_save_path(kind, name, folder);
    }

    pub(super) fn default_export_name(&self, kind: ExportKind) -> String {
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
}
