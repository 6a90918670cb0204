//! File ▸ Import from text…: paste a press release (or open a .txt, .md or .html file),
//! review the signers found in it, correct or drop rows, then add them to the open letter
//! or start a new one.

use super::command::Command;
use super::theme;
use crate::extract::{Extraction, Found, TextKind, extract_as};
use crate::model::{Chamber, Date, Role, State};
use crate::roster::Roster;
use egui::text::LayoutJob;
use egui::{Color32, RichText, TextFormat};
use std::ops::Range;

/// Where accepted rows go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    /// Added to the end of the open letter (those it already lists are skipped).
    OpenLetter,
    /// A new letter with only these signers.
    NewLetter,
}

/// One row of the review table: what was found, as the user corrects it.
#[derive(Clone, Debug)]
pub struct ReviewRow {
    /// Whether the row is accepted.
    pub keep: bool,
    /// What the finder found.
    pub found: Found,
    name: String,
    party: String,
    state: String,
    district: String,
}

impl ReviewRow {
    fn new(found: Found) -> ReviewRow {
        ReviewRow {
            keep: true,
            name: found.name.clone(),
            party: found.party.clone().unwrap_or_default(),
            state: found.state.map(|s| s.code().to_owned()).unwrap_or_default(),
            district: found.district.map(|d| d.to_string()).unwrap_or_default(),
            found,
        }
    }

    /// The row as accepted, with the user's corrections; or what is wrong with it.
    pub fn corrected(&self) -> Result<Found, String> {
        let mut found = self.found.clone();
        found.name = self.name.trim().to_owned();
        if found.name.is_empty() {
            return Err("a name is needed".to_owned());
        }
        found.party = Some(self.party.trim().to_owned()).filter(|p| !p.is_empty());
        found.state = match self.state.trim() {
            "" => None,
            text => Some(State::parse(text).ok_or_else(|| format!("unknown state \"{text}\""))?),
        };
        found.district = match self.district.trim() {
            "" => None,
            text => Some(
                text.parse::<u8>()
                    .ok()
                    .filter(|d| *d < 100)
                    .ok_or_else(|| format!("district \"{text}\" is not 0 to 99"))?,
            ),
        };
        Ok(found)
    }
}

/// The import dialog's own state.
pub struct ImportDialog {
    text: String,
    kind: TextKind,
    extraction: Option<Extraction>,
    /// The rows of the review table.
    pub rows: Vec<ReviewRow>,
    selected: Option<usize>,
    title: String,
    date: String,
    target: ImportTarget,
}

impl ImportDialog {
    /// An empty dialog, to paste into.
    pub fn new() -> ImportDialog {
        ImportDialog {
            text: String::new(),
            kind: TextKind::Plain,
            extraction: None,
            rows: Vec::new(),
            selected: None,
            title: String::new(),
            date: String::new(),
            target: ImportTarget::OpenLetter,
        }
    }

    /// The dialog on `text` (read as `kind`), with its signers already found.
    pub fn with_text(text: String, kind: TextKind, roster: Option<&Roster>) -> ImportDialog {
        let mut dialog = ImportDialog {
            text,
            kind,
            ..ImportDialog::new()
        };
        dialog.find(roster);
        dialog
    }

    /// Reads the text again and fills the review table.
    pub fn find(&mut self, roster: Option<&Roster>) {
        let extraction = extract_as(&self.text, self.kind, roster);
        // Markup is gone from here on: the snippets point into the text as read.
        self.text.clone_from(&extraction.text);
        self.kind = TextKind::Plain;
        self.rows = extraction
            .signers
            .iter()
            .cloned()
            .map(ReviewRow::new)
            .collect();
        // A second read sees the text without its markup, and so without an HTML or
        // Markdown heading: what was proposed (or typed) before stays unless the text says more.
        if let Some(title) = &extraction.title {
            self.title.clone_from(&title.value);
        }
        if let Some(date) = &extraction.date {
            self.date = date.value.to_string();
        }
        self.selected = None;
        self.extraction = Some(extraction);
    }

    fn highlighted(&self) -> Option<Range<usize>> {
        let row = self.rows.get(self.selected?)?;
        Some(row.found.snippet.clone())
    }

    /// Draws the dialog; returns what the user decided.
    pub fn ui(&mut self, ctx: &egui::Context, roster: Option<&Roster>) -> Option<Command> {
        let mut command = None;
        let mut is_open = true;
        egui::Window::new("Import signers from text")
            .open(&mut is_open)
            .default_size([1100.0, 640.0])
            .collapsible(false)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    ui.label("Paste a press release or the letter's text, or open a file, then review what was found.");
                    if ui.button("Open a text file…").clicked() {
                        command = Some(Command::ImportTextDialog);
                    }
                    if ui.add_enabled(!self.text.trim().is_empty(), egui::Button::new("Find signers")).clicked() {
                        self.find(roster);
                    }
                });
                ui.separator();
                ui.columns(2, |columns| {
                    if let [left, right] = columns {
                        self.text_ui(left);
                        command = command.take().or_else(|| self.review_ui(right));
                    }
                });
            });
        if !is_open {
            command = Some(Command::CloseImport);
        }
        command
    }

    fn text_ui(&mut self, ui: &mut egui::Ui) {
        let highlight = self.highlighted();
        let colour = ui.visuals().selection.bg_fill;
        let mut layouter = |ui: &egui::Ui, text: &dyn egui::TextBuffer, wrap_width: f32| {
            let job = highlighted_job(ui, text.as_str(), highlight.clone(), colour, wrap_width);
            ui.fonts_mut(|f| f.layout_job(job))
        };
        egui::ScrollArea::vertical()
            .id_salt("import-text")
            .max_height(ui.available_height() - 8.0)
            .show(ui, |ui| {
                let edit = egui::TextEdit::multiline(&mut self.text)
                    .hint_text("Paste the text here")
                    .desired_width(f32::INFINITY)
                    .desired_rows(24)
                    .layouter(&mut layouter);
                ui.add(edit);
            });
    }

    fn review_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        let kept = self.rows.iter().filter(|r| r.keep).count();
        let leads = self
            .rows
            .iter()
            .filter(|r| r.keep && r.found.role == Role::Lead)
            .count();
        ui.label(
            RichText::new(format!(
                "{} found · {kept} to add · {leads} leads",
                self.rows.len()
            ))
            .strong(),
        );
        if self.rows.is_empty() {
            let text = if self.extraction.is_some() {
                "No signers found. Names with tags like (D-NJ), or a roster for bare names, help."
            } else {
                "Paste text on the left and press Find signers."
            };
            ui.label(RichText::new(text).weak());
        }
        let mut problems = 0;
        egui::ScrollArea::vertical()
            .id_salt("import-rows")
            .max_height(ui.available_height() - 110.0)
            .show(ui, |ui| {
                egui::Grid::new("import-review")
                    .striped(true)
                    .num_columns(8)
                    .spacing([6.0, 4.0])
                    .show(ui, |ui| {
                        for title in [
                            "Add", "Name", "Party", "State", "District", "Chamber", "Role", "Sure",
                        ] {
                            ui.label(RichText::new(title).strong());
                        }
                        ui.end_row();
                        for (index, row) in self.rows.iter_mut().enumerate() {
                            let is_selected = self.selected == Some(index);
                            ui.checkbox(&mut row.keep, "").widget_info(|| {
                                egui::WidgetInfo::selected(
                                    egui::Role::CheckBox,
                                    true,
                                    row.keep,
                                    format!("Add {}", row.name),
                                )
                            });
                            let who = row.found.name.clone();
                            let name = cell(ui, &mut row.name, 170.0, format!("Name of {who}"));
                            if name.gained_focus() || name.clicked() {
                                self.selected = Some(index);
                            }
                            cell(ui, &mut row.party, 34.0, format!("Party of {who}"));
                            cell(ui, &mut row.state, 34.0, format!("State of {who}"));
                            cell(ui, &mut row.district, 34.0, format!("District of {who}"));
                            ui.label(row.found.chamber.map_or("—", Chamber::label));
                            let role = egui::ComboBox::from_id_salt(("import-role", index))
                                .selected_text(row.found.role.label())
                                .width(86.0)
                                .show_ui(ui, |ui| {
                                    for role in Role::ALL {
                                        ui.selectable_value(
                                            &mut row.found.role,
                                            role,
                                            role.label(),
                                        );
                                    }
                                });
                            let current = row.found.role.label();
                            role.response.widget_info(|| {
                                let mut info = egui::WidgetInfo::labeled(
                                    egui::Role::ComboBox,
                                    true,
                                    format!("Role of {who}"),
                                );
                                info.current_text_value = Some(current.to_owned());
                                info
                            });
                            let sure = RichText::new(row.found.confidence_label());
                            let sure = if row.found.confidence < 0.6 {
                                sure.color(theme::WARNING)
                            } else {
                                sure
                            };
                            let mut hover = format!(
                                "From: {}",
                                snippet(self.extraction.as_ref(), &row.found.snippet)
                            );
                            if row.found.from_roster {
                                hover.push_str("\nParty and state from the roster");
                            }
                            if let Some(note) = &row.found.note {
                                hover.push_str(&format!("\n{note}"));
                            }
                            if let Err(problem) = row.corrected() {
                                problems += usize::from(row.keep);
                                hover.push_str(&format!("\nTo fix: {problem}"));
                            }
                            let sure = ui.selectable_label(is_selected, sure).on_hover_text(hover);
                            if sure.clicked() {
                                self.selected = Some(index);
                            }
                            ui.end_row();
                        }
                    });
            });
        ui.separator();
        egui::Grid::new("import-letter")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label("Title");
                ui.add(
                    egui::TextEdit::singleline(&mut self.title)
                        .desired_width(380.0)
                        .hint_text("for a new letter"),
                );
                ui.end_row();
                ui.label("Date");
                ui.add(
                    egui::TextEdit::singleline(&mut self.date)
                        .desired_width(120.0)
                        .hint_text("YYYY-MM-DD"),
                );
                ui.end_row();
            });
        let date: Result<Option<Date>, ()> = match self.date.trim() {
            "" => Ok(None),
            text => text.parse().map(Some).map_err(|_| ()),
        };
        ui.horizontal(|ui| {
            ui.radio_value(
                &mut self.target,
                ImportTarget::OpenLetter,
                "Add to the open letter",
            );
            ui.radio_value(
                &mut self.target,
                ImportTarget::NewLetter,
                "Start a new letter",
            );
        });
        if problems > 0 {
            ui.label(
                RichText::new(format!(
                    "{problems} {} to fix (hover over “Sure”)",
                    crate::text::plural(problems, "row", "rows")
                ))
                .color(ui.visuals().error_fg_color),
            );
        }
        if date.is_err() {
            ui.label(
                RichText::new("The date must be YYYY-MM-DD").color(ui.visuals().error_fg_color),
            );
        }
        ui.horizontal(|ui| {
            let can_accept = kept > 0 && problems == 0 && date.is_ok();
            let accept = egui::Button::new(format!(
                "Accept {kept} {}",
                crate::text::plural(kept, "signer", "signers")
            ));
            if ui.add_enabled(can_accept, accept).clicked() {
                let rows: Vec<Found> = self
                    .rows
                    .iter()
                    .filter(|r| r.keep)
                    .filter_map(|r| r.corrected().ok())
                    .collect();
                command = Some(Command::AcceptImport {
                    rows,
                    target: self.target,
                    title: self.title.trim().to_owned(),
                    date: date.ok().flatten(),
                });
            }
            if ui.button("Cancel").clicked() {
                command = Some(Command::CloseImport);
            }
        });
        command
    }
}

impl Default for ImportDialog {
    fn default() -> Self {
        ImportDialog::new()
    }
}

/// A text box in the review table, named for screen readers (it has no label of its own).
fn cell(ui: &mut egui::Ui, text: &mut String, width: f32, name: String) -> egui::Response {
    let response = ui.add(egui::TextEdit::singleline(text).desired_width(width));
    let value = text.clone();
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name);
        info.current_text_value = Some(value.clone());
        info
    });
    response
}

/// The words a row was found in, on one line.
fn snippet(extraction: Option<&Extraction>, range: &Range<usize>) -> String {
    extraction
        .and_then(|e| e.text.get(range.clone()))
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// The text laid out with `highlight` on a coloured background.
fn highlighted_job(
    ui: &egui::Ui,
    text: &str,
    highlight: Option<Range<usize>>,
    colour: Color32,
    wrap_width: f32,
) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let marked = TextFormat {
        background: colour,
        ..plain.clone()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    match highlight.filter(|r| {
        r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
    }) {
        Some(range) => {
            job.append(
                text.get(..range.start).unwrap_or_default(),
                0.0,
                plain.clone(),
            );
            job.append(text.get(range.clone()).unwrap_or_default(), 0.0, marked);
            job.append(text.get(range.end..).unwrap_or_default(), 0.0, plain);
        }
        None => job.append(text, 0.0, plain),
    }
    job
}
