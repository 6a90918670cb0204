//! The demands as a checklist the organiser ticks off over the campaign.

use super::command::{Command, EditCommand};
use super::document::Document;
use super::theme;
use crate::model::DemandStatus;
use egui::RichText;

/// The checklist's own state: the notes as they are being typed.
#[derive(Default)]
pub struct ChecklistPanel {
    notes: Vec<String>,
    notes_for: Option<u64>,
}

/// "3 of 16 met".
pub fn progress_text(met: usize, total: usize) -> String {
    format!("{met} of {total} met")
}

impl ChecklistPanel {
    /// Draws the checklist; ticks, status changes and note edits become commands.
    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document) -> Vec<Command> {
        let mut commands = Vec::new();
        let demands = &document.letter.demands;
        if self.notes_for != Some(document.edit_revision()) || self.notes.len() != demands.len() {
            self.notes = demands
                .iter()
                .map(|d| d.note.clone().unwrap_or_default())
                .collect();
            self.notes_for = Some(document.edit_revision());
        }
        ui.horizontal(|ui| {
            ui.heading("Demands");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Add demand…").clicked() {
                    commands.push(EditCommand::EditDemand(None).into());
                }
            });
        });
        if demands.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new("This letter lists no demands.").weak());
            return commands;
        }
        let met = document.letter.demands_met();
        // The count beside the bar, not on it: on an empty bar the text would sit over the
        // rounded start of the fill.
        ui.horizontal(|ui| {
            ui.label(RichText::new(progress_text(met, demands.len())).strong());
            // Square ends: a rounded bar draws a dot of fill even when none is met.
            let bar = egui::ProgressBar::new(met as f32 / demands.len() as f32)
                .fill(theme::MET)
                .corner_radius(0);
            ui.add(bar);
        });
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .id_salt("demands")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (index, demand) in demands.iter().enumerate() {
                    egui::Frame::group(ui.style())
                        .inner_margin(6.0)
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            let mut is_met = demand.status == DemandStatus::Met;
                            let text = RichText::new(&demand.text);
                            let text = if is_met {
                                text.strikethrough().weak()
                            } else {
                                text
                            };
                            ui.horizontal_top(|ui| {
                                let checkbox = ui.checkbox(&mut is_met, "").on_hover_text("Met");
                                checkbox.widget_info(|| {
                                    egui::WidgetInfo::selected(
                                        egui::Role::CheckBox,
                                        true,
                                        is_met,
                                        format!("Met: {}", demand.text),
                                    )
                                });
                                if checkbox.changed() {
                                    let status = if is_met {
                                        DemandStatus::Met
                                    } else {
                                        DemandStatus::Open
                                    };
                                    commands.push(
                                        EditCommand::SetDemandStatus { index, status }.into(),
                                    );
                                }
                                ui.add(egui::Label::new(text).wrap());
                            });
                            // Who asks for it, whole and wrapped: a line of its own, since
                            // beside the buttons it was cut to "The letter; also…".
                            if let Some(source) = &demand.source {
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(format!("Source: {source}")).weak(),
                                    )
                                    .wrap(),
                                );
                            }
                            ui.horizontal(|ui| {
                                let combo = egui::ComboBox::from_id_salt(("demand-status", index))
                                    .selected_text(demand.status.label())
                                    .width(100.0)
                                    .show_ui(ui, |ui| {
                                        for status in DemandStatus::ALL {
                                            if ui
                                                .selectable_label(
                                                    demand.status == status,
                                                    status.label(),
                                                )
                                                .clicked()
                                                && status != demand.status
                                            {
                                                commands.push(
                                                    EditCommand::SetDemandStatus { index, status }
                                                        .into(),
                                                );
                                            }
                                        }
                                    });
                                combo.response.widget_info(|| {
                                    let mut info = egui::WidgetInfo::labeled(
                                        egui::Role::ComboBox,
                                        true,
                                        format!("Status: {}", demand.text),
                                    );
                                    info.current_text_value =
                                        Some(demand.status.label().to_owned());
                                    info
                                });
                                ui.with_layout(
                                    egui::Layout::right_to_left(egui::Align::Center),
                                    |ui| {
                                        if ui
                                            .small_button("Remove")
                                            .on_hover_text("Remove this demand (Undo puts it back)")
                                            .clicked()
                                        {
                                            commands.push(EditCommand::RemoveDemand(index).into());
                                        }
                                        if ui.small_button("Edit…").clicked() {
                                            commands
                                                .push(EditCommand::EditDemand(Some(index)).into());
                                        }
                                    },
                                );
                            });
                            if let Some(note) = self.notes.get_mut(index) {
                                let response = ui.add(
                                    egui::TextEdit::multiline(note)
                                        .id_salt(("demand-note", index))
                                        .hint_text("Add a note")
                                        .desired_rows(1)
                                        .desired_width(f32::INFINITY),
                                );
                                if response.changed() {
                                    commands.push(
                                        EditCommand::SetDemandNote {
                                            index,
                                            note: note.clone(),
                                        }
                                        .into(),
                                    );
                                }
                            }
                        });
                    ui.add_space(4.0);
                }
            });
        commands
    }
}
