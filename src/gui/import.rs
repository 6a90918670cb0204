//! File ▸ Import from text…: paste a press release (or open a .txt, .md or .html file),
//! review the signers found in it, correct or drop rows, then add them to the open letter
//! or start a new one.

use super::command::{Command, ImportCommand, ImportTarget};
use super::theme;
use crate::extract::{Extraction, Found, TextKind, extract_as};
use crate::model::{Chamber, Date, Role, State};
use crate::roster::Roster;
use egui::text::LayoutJob;
use egui::{Color32, RichText, TextFormat, Vec2};
use egui_extras::{Column, TableBuilder};
use std::ops::Range;

/// The dialog's size on a screen that has room for it.
const DIALOG_WIDTH_POINTS: f32 = 1100.0;
const DIALOG_HEIGHT_POINTS: f32 = 640.0;
/// The review table keeps at least this much of the window when the divider is dragged.
const REVIEW_MIN_WIDTH_POINTS: f32 = 420.0;
/// The Name column fits the longest name within these bounds; a longer name scrolls in its box.
const NAME_MIN_WIDTH_POINTS: f32 = 90.0;
const NAME_MAX_WIDTH_POINTS: f32 = 300.0;
/// Space between a cell's text and its frame, each side.
const CELL_MARGIN_POINTS: Vec2 = Vec2::new(4.0, 2.0);

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
    /// How many times the text has been read: each reading has its own column widths.
    readings: u32,
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
            readings: 0,
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
        self.readings = self.readings.wrapping_add(1);
    }

    fn highlighted(&self) -> Option<Range<usize>> {
        let row = self.rows.get(self.selected?)?;
        Some(row.found.snippet.clone())
    }

    /// Draws the dialog; returns what the user decided.
    pub fn ui(&mut self, ctx: &egui::Context, roster: Option<&Roster>) -> Option<Command> {
        let mut command = None;
        let mut is_open = true;
        // Never larger than the screen: at 1024×640 the whole dialog, buttons included, shows.
        let screen = ctx.content_rect().size();
        let size = [
            DIALOG_WIDTH_POINTS.min(screen.x - 24.0),
            DIALOG_HEIGHT_POINTS.min(screen.y - 48.0),
        ];
        egui::Window::new("Import signers from text")
            .open(&mut is_open)
            .default_size(size)
            .max_size(screen)
            .collapsible(false)
            .show(ctx, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label("Paste a press release or the letter's text, or open a file, then review what was found.");
                    if ui.button("Open a text file…").clicked() {
                        command = Some(ImportCommand::AskForFile.into());
                    }
                    if ui.add_enabled(!self.text.trim().is_empty(), egui::Button::new("Find signers")).clicked() {
                        self.find(roster);
                    }
                });
                ui.separator();
                // The text and the table share the window; the divider between them drags.
                let width = ui.available_width();
                let review_min = REVIEW_MIN_WIDTH_POINTS.min(width * 0.6);
                egui::Panel::left("import-text")
                    .resizable(true)
                    .default_size(width * 0.4)
                    .size_range(160.0..=(width - review_min).max(160.0))
                    .show(ui, |ui| self.text_ui(ui));
                egui::CentralPanel::default_margins().show(ui, |ui| {
                    command = command.take().or_else(|| self.review_ui(ui));
                });
            });
        if !is_open {
            command = Some(ImportCommand::Close.into());
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
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let edit = egui::TextEdit::multiline(&mut self.text)
                    .hint_text("Paste the text here")
                    .desired_width(f32::INFINITY)
                    .min_size(ui.available_size())
                    .layouter(&mut layouter);
                ui.add(edit);
            });
    }

    fn review_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let kept = self.rows.iter().filter(|r| r.keep).count();
        let leads = self
            .rows
            .iter()
            .filter(|r| r.keep && r.found.role == Role::Lead)
            .count();
        ui.label(
            RichText::new(format!(
                "{} found · {} to add · {} leads",
                crate::text::grouped(self.rows.len()),
                crate::text::grouped(kept),
                crate::text::grouped(leads)
            ))
            .strong(),
        );
        if self.extraction.as_ref().is_some_and(|e| e.more_than_listed) {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "The text names more than {} members; only the first {} are listed.",
                    crate::text::grouped(crate::extract::MAX_FOUND),
                    crate::text::grouped(crate::extract::MAX_FOUND)
                ),
            );
        }
        if self.rows.is_empty() {
            let text = if self.extraction.is_some() {
                "No signers found. Names with tags like (D-NJ), or a roster for bare names, help."
            } else {
                "Paste text on the left and press Find signers."
            };
            ui.label(RichText::new(text).weak());
        }
        // The letter's fields and the buttons keep their place below; the table takes the rest.
        let command = egui::Panel::bottom("import-accept")
            .show(ui, |ui| self.accept_ui(ui, kept))
            .inner;
        egui::ScrollArea::horizontal()
            .id_salt("import-rows")
            .auto_shrink([false, false])
            .show(ui, |ui| self.table_ui(ui));
        command
    }

    /// The review table: one row per signer found, every column as wide as what it holds.
    fn table_ui(&mut self, ui: &mut egui::Ui) {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let text_width = |ui: &egui::Ui, text: &str| {
            ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE))
                .size()
                .x
        };
        let longest_name = self
            .rows
            .iter()
            .map(|row| text_width(ui, &row.name))
            .fold(0.0, f32::max);
        let name_width = (longest_name + 2.0 * CELL_MARGIN_POINTS.x + 2.0)
            .clamp(NAME_MIN_WIDTH_POINTS, NAME_MAX_WIDTH_POINTS);
        let row_height = ui.spacing().interact_size.y + 2.0 * CELL_MARGIN_POINTS.y;
        let (extraction, selected) = (self.extraction.as_ref(), &mut self.selected);
        let rows = &mut self.rows;
        TableBuilder::new(ui)
            // A new reading sizes the columns afresh for its names.
            .id_salt(("import-review", self.readings))
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto())
            .column(Column::initial(name_width).at_least(NAME_MIN_WIDTH_POINTS))
            .columns(Column::auto(), 6)
            .auto_shrink([false, false])
            .header(22.0, |mut header| {
                for title in [
                    "Add", "Name", "Party", "State", "District", "Chamber", "Role", "Sure",
                ] {
                    header.col(|ui| {
                        ui.label(RichText::new(title).strong());
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let index = row.index();
                    let Some(review) = rows.get_mut(index) else {
                        return;
                    };
                    let is_selected = *selected == Some(index);
                    row.set_selected(is_selected);
                    let who = review.found.name.clone();
                    row.col(|ui| {
                        let keep = review.keep;
                        let name = format!("Add {}", review.name);
                        ui.checkbox(&mut review.keep, "").widget_info(|| {
                            egui::WidgetInfo::selected(egui::Role::CheckBox, true, keep, &name)
                        });
                    });
                    row.col(|ui| {
                        let width = ui.available_width();
                        let name = cell(
                            ui,
                            &mut review.name,
                            width,
                            ("name", index),
                            format!("Name of {who}"),
                        );
                        if name.gained_focus() || name.clicked() {
                            *selected = Some(index);
                        }
                    });
                    for (field, text, label) in [
                        ("party", &mut review.party, "Party"),
                        ("state", &mut review.state, "State"),
                        ("district", &mut review.district, "District"),
                    ] {
                        row.col(|ui| {
                            // As wide as its value (or its heading), so that short codes take little room.
                            let width = text_width(ui, text).max(text_width(ui, label))
                                + 2.0 * CELL_MARGIN_POINTS.x
                                + 2.0;
                            cell(
                                ui,
                                text,
                                width.max(28.0),
                                (field, index),
                                format!("{label} of {who}"),
                            );
                        });
                    }
                    row.col(|ui| {
                        ui.label(review.found.chamber.map_or("—", Chamber::label));
                    });
                    row.col(|ui| role_ui(ui, review, index, &who));
                    row.col(|ui| {
                        if sure_ui(ui, review, extraction, is_selected).clicked() {
                            *selected = Some(index);
                        }
                    });
                });
            });
    }

    /// The new letter's title and date, where the rows go, and the buttons.
    fn accept_ui(&mut self, ui: &mut egui::Ui, kept: usize) -> Option<Command> {
        let mut command = None;
        let problems = self
            .rows
            .iter()
            .filter(|r| r.keep && r.corrected().is_err())
            .count();
        ui.add_space(4.0);
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
        ui.horizontal_wrapped(|ui| {
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
                "Accept {} {}",
                crate::text::grouped(kept),
                crate::text::plural(kept, "signer", "signers")
            ));
            if ui.add_enabled(can_accept, accept).clicked() {
                let rows: Vec<Found> = self
                    .rows
                    .iter()
                    .filter(|r| r.keep)
                    .filter_map(|r| r.corrected().ok())
                    .collect();
                command = Some(
                    ImportCommand::Accept {
                        rows,
                        target: self.target,
                        title: self.title.trim().to_owned(),
                        date: date.ok().flatten(),
                    }
                    .into(),
                );
            }
            if ui.button("Cancel").clicked() {
                command = Some(ImportCommand::Close.into());
            }
        });
        command
    }
}

/// The row's role, to change.
fn role_ui(ui: &mut egui::Ui, review: &mut ReviewRow, index: usize, who: &str) {
    let role = egui::ComboBox::from_id_salt(("import-role", index))
        .selected_text(review.found.role.label())
        .width(86.0)
        .show_ui(ui, |ui| {
            for role in Role::ALL {
                ui.selectable_value(&mut review.found.role, role, role.label());
            }
        });
    let current = review.found.role.label();
    role.response.widget_info(|| {
        let mut info =
            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("Role of {who}"));
        info.current_text_value = Some(current.to_owned());
        info
    });
}

/// How sure the finder is, with where the row was found and what is wrong with it on hover.
fn sure_ui(
    ui: &mut egui::Ui,
    review: &ReviewRow,
    extraction: Option<&Extraction>,
    is_selected: bool,
) -> egui::Response {
    let sure = RichText::new(review.found.confidence_label());
    let sure = if review.found.confidence < 0.6 {
        sure.color(theme::WARNING)
    } else {
        sure
    };
    let mut hover = format!("From: {}", snippet(extraction, &review.found.snippet));
    if review.found.from_roster {
        hover.push_str("\nParty and state from the roster");
    }
    if let Some(note) = &review.found.note {
        hover.push_str(&format!("\n{note}"));
    }
    if let Err(problem) = review.corrected() {
        hover.push_str(&format!("\nTo fix: {problem}"));
    }
    ui.selectable_label(is_selected, sure).on_hover_text(hover)
}

impl Default for ImportDialog {
    fn default() -> Self {
        ImportDialog::new()
    }
}

/// A text box in the review table, named for screen readers (it has no label of its own).
///
/// It is `width` wide, and wider while it is being edited if its value needs it: the column
/// grows with it, so the whole value shows.
fn cell(
    ui: &mut egui::Ui,
    text: &mut String,
    width: f32,
    id_salt: (&str, usize),
    name: String,
) -> egui::Response {
    let id = ui.make_persistent_id(id_salt);
    // The width it takes even where the column is narrower: the column then grows to it.
    let least_width = if ui.memory(|m| m.has_focus(id)) {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let value_width = ui
            .fonts_mut(|f| f.layout_no_wrap(text.clone(), font, Color32::WHITE))
            .size()
            .x;
        // Room for the cursor after the last letter too.
        value_width + 2.0 * CELL_MARGIN_POINTS.x + 8.0
    } else {
        0.0
    };
    let response = ui.add(
        egui::TextEdit::singleline(text)
            .id(id)
            .margin(CELL_MARGIN_POINTS)
            .desired_width(width)
            .min_size(Vec2::new(least_width, 0.0)),
    );
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
