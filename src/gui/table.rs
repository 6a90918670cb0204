//! The signer table: one row per selected signer, sortable by any column, virtualised so
//! that only the rows on screen are laid out.

use super::command::Command;
use super::document::Document;
use super::roster_panel::{self, RosterState};
use super::theme;
use crate::model::{Chamber, Role, Signer};
use egui::RichText;
use egui_extras::{Column, TableBuilder};
use std::cmp::Ordering;

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortColumn {
    /// As the file lists them.
    FileOrder,
    /// By surname, then the whole name, ignoring case and accents.
    Name,
    /// By party code.
    Party,
    /// By state code.
    State,
    /// By district number.
    District,
    /// House before Senate.
    Chamber,
    /// Leads before cosigners.
    Role,
}

/// The table's own state: how it is sorted, and the sorted rows.
pub struct TablePanel {
    sort: SortColumn,
    is_ascending: bool,
    sorted_for: Option<(u64, SortColumn, bool)>,
    sorted_rows: Vec<u32>,
}

impl Default for TablePanel {
    fn default() -> Self {
        TablePanel {
            sort: SortColumn::FileOrder,
            is_ascending: true,
            sorted_for: None,
            sorted_rows: Vec::new(),
        }
    }
}

impl TablePanel {
    /// The rows in the order shown, as positions in the letter.
    pub fn rows(&mut self, document: &Document) -> &[u32] {
        let key = (document.revision, self.sort, self.is_ascending);
        if self.sorted_for != Some(key) {
            self.sorted_rows.clone_from(&document.selection.rows);
            sort_rows(
                &mut self.sorted_rows,
                document,
                self.sort,
                self.is_ascending,
            );
            self.sorted_for = Some(key);
        }
        &self.sorted_rows
    }

    /// Sorts by `column`, or reverses the order when it is already sorted by it.
    pub fn sort_by(&mut self, column: SortColumn) {
        if self.sort == column {
            self.is_ascending = !self.is_ascending;
        } else {
            self.sort = column;
            self.is_ascending = true;
        }
    }

    /// Draws the table in the space left. Double-clicking a row edits that signer; its
    /// context menu edits or removes it.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        document: &Document,
        roster: Option<&RosterState>,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let shown = document.selection.rows.len();
        if shown == 0 {
            ui.add_space(12.0);
            ui.vertical_centered(|ui| {
                let text = if document.letter.signers.is_empty() {
                    "This letter has no signers yet"
                } else {
                    "No signers match the filters. Clear the filters to see everyone."
                };
                ui.label(RichText::new(text).weak());
            });
            return commands;
        }
        let headers = [
            ("Name", SortColumn::Name),
            ("Party", SortColumn::Party),
            ("State", SortColumn::State),
            ("District", SortColumn::District),
            ("Chamber", SortColumn::Chamber),
            ("Role", SortColumn::Role),
        ];
        let mut clicked = None;
        let (sort, is_ascending) = (self.sort, self.is_ascending);
        let rows = self.rows(document);
        // With the roster column the table is another table: its own id keeps the widths apart.
        let table_id = if roster.is_some() {
            "signer-table-with-roster"
        } else {
            "signer-table"
        };
        TableBuilder::new(ui)
            .id_salt(table_id)
            .striped(true)
            .sense(egui::Sense::click())
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::remainder().at_least(160.0).clip(true))
            .column(Column::exact(56.0))
            .column(Column::exact(56.0))
            .column(Column::exact(64.0))
            .column(Column::exact(72.0))
            .column(Column::exact(80.0))
            .columns(Column::exact(84.0), usize::from(roster.is_some()))
            .auto_shrink([false, false])
            .header(22.0, |mut header| {
                for (title, column) in headers {
                    header.col(|ui| {
                        let arrow = match (sort == column, is_ascending) {
                            (true, true) => " ⬆",
                            (true, false) => " ⬇",
                            (false, _) => "",
                        };
                        let button =
                            egui::Button::new(RichText::new(format!("{title}{arrow}")).strong())
                                .frame(false);
                        if ui
                            .add(button)
                            .on_hover_text(format!("Sort by {}", title.to_lowercase()))
                            .clicked()
                        {
                            clicked = Some(column);
                        }
                    });
                }
                if roster.is_some() {
                    header.col(|ui| {
                        ui.label(RichText::new("Roster").strong()).on_hover_text(
                            "Whether the signer was found in the roster of Congress",
                        );
                    });
                }
            })
            .body(|body| {
                body.rows(theme::TABLE_ROW_HEIGHT_POINTS, rows.len(), |mut row| {
                    let Some(&position) = rows.get(row.index()) else {
                        return;
                    };
                    let Some(signer) = document.letter.signers.get(position as usize) else {
                        return;
                    };
                    let position = position as usize;
                    row.col(|ui| {
                        ui.label(signer.name.as_ref());
                    });
                    row.col(|ui| {
                        let code = document.letter.party_code(signer);
                        ui.label(
                            RichText::new(code)
                                .color(theme::party_colour(signer.party))
                                .strong(),
                        )
                        .on_hover_text(document.letter.parties.name(signer.party));
                    });
                    row.col(|ui| {
                        let code = signer.unrecognised_state().unwrap_or(signer.state.code());
                        let label = if signer.state.is_known() {
                            RichText::new(code)
                        } else {
                            RichText::new(code).color(theme::WARNING)
                        };
                        ui.label(label).on_hover_text(signer.state.name());
                    });
                    row.col(|ui| {
                        ui.label(district_text(signer));
                    });
                    row.col(|ui| {
                        ui.label(signer.chamber.map_or("—", Chamber::label));
                    });
                    row.col(|ui| {
                        let text = RichText::new(signer.role.label());
                        ui.label(if signer.role == Role::Lead {
                            text.strong()
                        } else {
                            text
                        });
                    });
                    if let Some(roster) = roster {
                        row.col(|ui| {
                            if let Some(command) = roster_panel::match_cell_ui(ui, roster, position)
                            {
                                commands.push(command);
                            }
                        });
                    }
                    let response = row.response();
                    if response.double_clicked() {
                        commands.push(Command::EditSigner(Some(position)));
                    }
                    response.context_menu(|ui| {
                        ui.label(RichText::new(signer.name.as_ref()).strong());
                        if ui.button("Edit signer…").clicked() {
                            commands.push(Command::EditSigner(Some(position)));
                        }
                        if ui.button("Remove signer").clicked() {
                            commands.push(Command::RemoveSigner(position));
                        }
                    });
                });
            });
        if let Some(column) = clicked {
            self.sort_by(column);
        }
        commands
    }
}

/// "12", "at-large", or "—" for senators and members whose district is not given.
pub fn district_text(signer: &Signer) -> String {
    match (signer.chamber, signer.district) {
        (Some(Chamber::Senate), _) | (_, None) => "—".to_owned(),
        (_, Some(0)) => "at-large".to_owned(),
        (_, Some(d)) => d.to_string(),
    }
}

fn sort_rows(rows: &mut [u32], document: &Document, column: SortColumn, is_ascending: bool) {
    let signers = &document.letter.signers;
    let signer = |i: u32| signers.get(i as usize);
    let by_name = |a: u32, b: u32| {
        let (x, y) = (
            document.index.folded_name(a as usize),
            document.index.folded_name(b as usize),
        );
        crate::text::surname(x)
            .cmp(crate::text::surname(y))
            .then_with(|| x.cmp(y))
    };
    let compare = |a: &u32, b: &u32| -> Ordering {
        let (Some(x), Some(y)) = (signer(*a), signer(*b)) else {
            return Ordering::Equal;
        };
        let primary = match column {
            SortColumn::FileOrder => a.cmp(b),
            SortColumn::Name => by_name(*a, *b),
            SortColumn::Party => document
                .letter
                .party_code(x)
                .cmp(document.letter.party_code(y)),
            SortColumn::State => x
                .state
                .code()
                .cmp(y.state.code())
                .then(x.district.cmp(&y.district)),
            SortColumn::District => x.district.cmp(&y.district),
            SortColumn::Chamber => x.chamber.cmp(&y.chamber),
            SortColumn::Role => x.role.cmp(&y.role),
        };
        let primary = if is_ascending {
            primary
        } else {
            primary.reverse()
        };
        primary.then_with(|| by_name(*a, *b)).then(a.cmp(b))
    };
    rows.sort_by(compare);
}
